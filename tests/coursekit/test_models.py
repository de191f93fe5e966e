"""Does the model description compare what matters, and explain a missing model? Do the model helpers do what they say?"""
import numpy as np
import pytest
import tensorflow as tf

from coursekit.models import architecture, layer_graph, recompute_batchnorm_statistics, size

tfl = tf.keras.layers


def model_with_batchnorm_axis(axis):
    return tf.keras.Sequential([tfl.Input(shape=(8, 8, 3)), tfl.Conv2D(4, 3, name=f"any_name_{axis}"),
                                tfl.BatchNormalization(axis=axis)])


def test_equivalent_axes_and_layer_names_do_not_matter():
    assert architecture(model_with_batchnorm_axis(-1)) == architecture(model_with_batchnorm_axis(3))


def test_a_different_axis_or_size_shows():
    assert architecture(model_with_batchnorm_axis(1)) != architecture(model_with_batchnorm_axis(3))
    lines = architecture(model_with_batchnorm_axis(3))
    assert lines[0].startswith("layer 0: Conv2D(filters=4, kernel_size=(3, 3)") and "(None, 6, 6, 4), 112 parameters" in lines[0]


def test_a_function_that_returns_nothing_is_explained():
    with pytest.raises(TypeError, match="does the function return the model"):
        architecture(None)


def residual(shortcut_first, relu_layer=False, use_operator=False):
    """A small residual block, built in either order and spelled in either of two equivalent ways."""
    X = tf.keras.Input((6, 6, 4))
    branches = {}
    for branch in (["shortcut", "main"] if shortcut_first else ["main", "shortcut"]):
        if branch == "shortcut":
            branches[branch] = tfl.BatchNormalization()(tfl.Conv2D(4, 1)(X))
        else:
            Z = tfl.BatchNormalization()(tfl.Conv2D(4, 3, padding="same")(X))
            branches[branch] = tfl.ReLU()(Z) if relu_layer else tfl.Activation("relu")(Z)
    total = branches["main"] + branches["shortcut"] if use_operator else tfl.Add()([branches["main"], branches["shortcut"]])
    return tf.keras.Model(X, tfl.Activation("relu")(total))


def test_layer_graph_does_not_depend_on_the_order_of_building_or_on_equivalent_spellings():
    expected = layer_graph(residual(shortcut_first=False))
    assert layer_graph(residual(shortcut_first=True)) == expected
    assert layer_graph(residual(shortcut_first=True, relu_layer=True, use_operator=True)) == expected
    assert expected[-2].startswith("layer 6: Add() -> (None, 6, 6, 4), 0 parameters <- layers ")


def test_layer_graph_shows_a_missing_connection():
    X = tf.keras.Input((6, 6, 4))
    Z = tfl.Activation("relu")(tfl.BatchNormalization()(tfl.Conv2D(4, 3, padding="same")(X)))
    unconnected = tf.keras.Model(X, tfl.Activation("relu")(tfl.Add()([Z, Z])))  # the shortcut adds the main path again
    assert layer_graph(unconnected) != layer_graph(residual(shortcut_first=False))


def test_size_sums_up_a_model():
    assert size(model_with_batchnorm_axis(3)) == {"layers": 2, "parameters": 112 + 16, "output shape": (None, 6, 6, 4)}


def test_recomputed_batchnorm_statistics_are_those_of_the_data():
    rng = np.random.default_rng(0)
    X = (3.0 + 2.0 * rng.standard_normal((128, 4, 4, 2))).astype(np.float32)
    model = tf.keras.Sequential([tfl.Input((4, 4, 2)), tfl.BatchNormalization(momentum=0.99)])
    assert recompute_batchnorm_statistics(model, X, batch_size=32) == 1
    layer = model.layers[0]
    np.testing.assert_allclose(layer.moving_mean.numpy(), X.mean(axis=(0, 1, 2)), rtol=1e-5)
    batch_variances = [X[i:i + 32].var(axis=(0, 1, 2)) for i in range(0, 128, 32)]
    np.testing.assert_allclose(layer.moving_variance.numpy(), np.mean(batch_variances, axis=0), rtol=1e-4)
    assert layer.momentum == 0.99, "the layer's momentum must be restored"


def test_padding_same_that_adds_no_border_reads_as_valid():
    """Layers are compared by what they compute: 'same' on a 2x2 pooling of a 2x2 map, or on a 1x1
    convolution with stride 1, pads nothing; on a 3x3 convolution it pads."""
    def described(layer, shape):
        X = tf.keras.Input(shape)
        return architecture(tf.keras.Model(X, layer(X)))[-1]

    same, valid = (described(tf.keras.layers.AveragePooling2D((2, 2), padding=p), (2, 2, 3)) for p in ("same", "valid"))
    assert same == valid and "padding='valid'" in same
    assert described(tf.keras.layers.Conv2D(2, 1, padding="same"), (4, 4, 3)) == \
        described(tf.keras.layers.Conv2D(2, 1, padding="valid"), (4, 4, 3))
    assert "padding='same'" in described(tf.keras.layers.Conv2D(2, 3, padding="same"), (4, 4, 3))
    assert "padding='same'" in described(tf.keras.layers.MaxPooling2D((2, 2), padding="same"), (3, 3, 3)), \
        "a 2x2 pooling of a 3x3 map pads one row and column"


def test_a_block_without_a_training_parameter_runs_in_the_mode_asked_for():
    """The newest classic blocks leave the batch-normalization mode to the model: with_training runs
    them in a model called with it, and gets what a block that takes the mode computes."""
    from coursekit.models import SeededUniform, with_training

    def with_mode(X, f, filters, training=True, initializer=None):
        X = tf.keras.layers.Conv2D(filters[0], f, padding="same", kernel_initializer=initializer(seed=0))(X)
        return tf.keras.layers.BatchNormalization(axis=3)(X, training=training)

    def without_mode(X, f, filters, initializer=None):
        X = tf.keras.layers.Conv2D(filters[0], f, padding="same", kernel_initializer=initializer(seed=0))(X)
        return tf.keras.layers.BatchNormalization(axis=3)(X)

    assert with_training(with_mode) is with_mode
    wrapped = with_training(without_mode)
    assert wrapped.__name__ == "without_mode"
    X = np.random.default_rng(0).standard_normal((3, 4, 4, 2)).astype(np.float32)
    for training in (False, True):
        expected = with_mode(X, 3, [4], training, SeededUniform())
        np.testing.assert_allclose(wrapped(X, 3, [4], training, SeededUniform()), expected, rtol=1e-5, atol=1e-5)
    assert not np.allclose(wrapped(X, 3, [4], True, SeededUniform()), wrapped(X, 3, [4], False, SeededUniform()))

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

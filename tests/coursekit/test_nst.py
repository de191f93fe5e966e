"""Does the style-transfer feature network do what it says: VGG-19's layout without a download,
repeatable random filters, and weights loaded by layer name from a file of the Keras layout?"""
import h5py
import numpy as np
import pytest
import tensorflow as tf

from coursekit import nst as F

VGG19_CONVOLUTIONS = [f"block{b}_conv{c}" for b, n in zip(range(1, 6), (2, 2, 4, 4, 4)) for c in range(1, n + 1)]


def test_the_layout_is_vgg19_and_the_random_filters_are_repeatable_and_zero_mean():
    vgg = F.vgg19_layout((32, 32, 3))
    assert [l.name for l in vgg.layers if isinstance(l, tf.keras.layers.Conv2D)] == VGG19_CONVOLUTIONS
    assert F.randomize_weights(vgg, seed=1) == 16
    kernel, bias = vgg.get_layer("block3_conv2").get_weights()
    np.testing.assert_allclose(kernel.mean(axis=(0, 1, 2)), 0, atol=1e-6)
    assert not bias.any() and 0.9 < kernel.std() * np.sqrt(3 * 3 * 256 / 2) < 1.1, "He's scale: std sqrt(2 / fan_in)"
    again = F.vgg19_layout((32, 32, 3))
    F.randomize_weights(again, seed=1)
    np.testing.assert_array_equal(again.get_layer("block3_conv2").get_weights()[0], kernel)


def test_the_feature_model_outputs_the_named_layers_in_order():
    model = F.feature_model(F.STYLE_LAYERS + F.CONTENT_LAYER, (64, 64, 3))
    outputs = model(np.zeros((1, 64, 64, 3), np.float32))
    assert [tuple(o.shape) for o in outputs] == [(1, 64, 64, 64), (1, 32, 32, 128), (1, 16, 16, 256), (1, 8, 8, 512),
                                                 (1, 4, 4, 512), (1, 4, 4, 512)]
    assert not model.trainable_weights


def test_the_input_gain_lets_the_classic_weights_weigh_the_costs_as_beta_40000_did_at_gain_1():
    """Every activation grows by the gain: the content cost by its square, the style cost by its
    fourth power, so 10 J_content + 40 J_style at the gain is 1000 (10 J_content + 40000 J_style) at 1."""
    from solutions.c4w4a_style_transfer import compute_content_cost, compute_style_cost, total_cost

    rng = np.random.default_rng(0)
    content, style, generated = (rng.uniform(0, 1, (1, 32, 32, 3)).astype(np.float32) for _ in range(3))
    costs = {}
    for gain in (1.0, F.INPUT_GAIN):
        vgg = F.vgg19_layout((32, 32, 3))
        F.randomize_weights(vgg, seed=2, gain=gain)
        model = tf.keras.Model(vgg.input, [vgg.get_layer(name).output for name, _ in F.STYLE_LAYERS + F.CONTENT_LAYER])
        a_C, a_S, a_G = model(content), model(style), model(generated)
        costs[gain] = float(compute_content_cost(a_C, a_G)), float(compute_style_cost(a_S, a_G))
    (content_1, style_1), (content_g, style_g) = costs[1.0], costs[F.INPUT_GAIN]
    np.testing.assert_allclose([content_g / content_1, style_g / style_1], [1e3, 1e6], rtol=1e-3)
    np.testing.assert_allclose(float(total_cost(content_g, style_g)),
                               1000 * float(total_cost(content_1, style_1, alpha=10, beta=40000)), rtol=1e-3)


def small_layout():
    """A two-convolution model named like VGG-19's first block."""
    X_input = tf.keras.Input((8, 8, 3))
    X = tf.keras.layers.Conv2D(4, 3, padding="same", name="block1_conv1")(X_input)
    X = tf.keras.layers.Conv2D(5, 3, padding="same", name="block1_conv2")(X)
    return tf.keras.Model(X_input, tf.keras.layers.MaxPooling2D(2, name="block1_pool")(X))


def write_weights(path, weights):
    """A weights file of the Keras HDF5 layout, as VGG-19's distributed file: a group per layer."""
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = [name.encode() for name in weights]
        for name, (kernel, bias) in weights.items():
            group = f.create_group(name)
            group.attrs["weight_names"] = [f"{name}_W_1:0".encode(), f"{name}_b_1:0".encode()]
            group.create_dataset(f"{name}_W_1:0", data=kernel)
            group.create_dataset(f"{name}_b_1:0", data=bias)


def test_weights_load_by_layer_name_from_a_file_of_the_keras_layout(tmp_path):
    rng = np.random.default_rng(0)
    weights = {"block1_pool": None, "block1_conv1": (rng.standard_normal((3, 3, 3, 4)), rng.standard_normal(4)),
               "block1_conv2": (rng.standard_normal((3, 3, 4, 5)), rng.standard_normal(5))}
    del weights["block1_pool"]
    write_weights(tmp_path / "vgg19_notop.h5", {k: (v[0].astype(np.float32), v[1].astype(np.float32))
                                                for k, v in weights.items()})
    model = small_layout()
    assert F.load_vgg19_weights(model, tmp_path / "vgg19_notop.h5") == 2
    for name, (kernel, bias) in weights.items():
        got_kernel, got_bias = model.get_layer(name).get_weights()
        np.testing.assert_allclose(got_kernel, kernel, rtol=1e-6)
        np.testing.assert_allclose(got_bias, bias, rtol=1e-6)


def test_a_weights_file_that_does_not_fit_is_refused_clearly(tmp_path):
    model = small_layout()
    write_weights(tmp_path / "partial.h5", {"block1_conv1": (np.zeros((3, 3, 3, 4), np.float32), np.zeros(4, np.float32))})
    with pytest.raises(ValueError, match="no weights for the layer block1_conv2"):
        F.load_vgg19_weights(model, tmp_path / "partial.h5")
    write_weights(tmp_path / "shapes.h5", {"block1_conv1": (np.zeros((3, 3, 3, 8), np.float32), np.zeros(8, np.float32)),
                                           "block1_conv2": (np.zeros((3, 3, 4, 5), np.float32), np.zeros(5, np.float32))})
    with pytest.raises(ValueError, match=r"block1_conv1 have shapes \[\(3, 3, 3, 8\), \(8,\)\], the layer needs"):
        F.load_vgg19_weights(model, tmp_path / "shapes.h5")
    (tmp_path / "text.h5").write_text("not HDF5")
    with pytest.raises(ValueError, match="is not an HDF5 weights file"):
        F.load_vgg19_weights(model, tmp_path / "text.h5")
    with pytest.raises(FileNotFoundError, match="COURSE_VGG19_WEIGHTS"):
        F.load_vgg19_weights(model, tmp_path / "missing.h5")


def test_helpers():
    image = tf.constant([[[[-0.5, 0.25, 1.5]]]])
    np.testing.assert_allclose(F.clip_0_1(image), [[[[0.0, 0.25, 1.0]]]])
    np.testing.assert_array_equal(F.tensor_to_image(F.clip_0_1(image)), [[[0, 64, 255]]])

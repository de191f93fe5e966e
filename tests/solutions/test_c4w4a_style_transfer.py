"""Is the reference of c4w4a right? Each cost is checked against a direct numpy formula, and
train_step against what a step of Adam with clipping must do."""
import numpy as np
import pytest
import tensorflow as tf

from solutions import c4w4a_style_transfer as ref
from coursekit.nst import clip_0_1

rng = np.random.default_rng(0)


def gram(a):
    """numpy Gram matrix of activations (1, n_H, n_W, n_C) over the pixels: (n_C, n_C)."""
    flat = a.reshape(-1, a.shape[-1])
    return flat.T @ flat


def test_content_cost_is_the_normalized_squared_distance():
    a_C, a_G = rng.standard_normal((2, 1, 3, 4, 5)).astype(np.float32)
    got = ref.compute_content_cost([None, tf.constant(a_C)], [None, tf.constant(a_G)])
    assert float(got) == pytest.approx(np.sum((a_C - a_G) ** 2) / (4 * 3 * 4 * 5), rel=1e-5)


def test_gram_matrix_and_layer_style_cost():
    A = rng.standard_normal((3, 7)).astype(np.float32)
    np.testing.assert_allclose(ref.gram_matrix(tf.constant(A)), A @ A.T, rtol=1e-5)
    a_S, a_G = rng.standard_normal((2, 1, 3, 4, 5)).astype(np.float32)
    expected = np.sum((gram(a_S) - gram(a_G)) ** 2) / (4 * 5 ** 2 * (3 * 4) ** 2)
    assert float(ref.compute_layer_style_cost(tf.constant(a_S), tf.constant(a_G))) == pytest.approx(expected, rel=1e-4)


def test_style_cost_weighs_the_style_layers_and_ignores_the_content_layer():
    outputs = [[tf.constant(rng.standard_normal((1, 3, 3, 2)).astype(np.float32)) for _ in range(3)] for _ in range(2)]
    layers = [("a", 0.25), ("b", 2.0)]
    expected = sum(w * float(ref.compute_layer_style_cost(s, g)) for (_, w), s, g in zip(layers, outputs[0], outputs[1]))
    assert float(ref.compute_style_cost(outputs[0], outputs[1], layers)) == pytest.approx(expected, rel=1e-6)
    assert float(ref.total_cost(2.0, 3.0)) == 10 * 2 + 40 * 3


def test_train_step_lowers_the_cost_and_keeps_pixels_in_0_1(monkeypatch):
    tf.keras.utils.set_random_seed(0)
    X_input = tf.keras.Input((8, 8, 3))
    layers = [tf.keras.layers.Conv2D(4, 3, padding="same", activation="relu")(X_input)]
    layers.append(tf.keras.layers.Conv2D(4, 3, padding="same", activation="relu")(layers[-1]))
    model = tf.keras.Model(X_input, layers)
    content, style = (tf.constant(rng.uniform(0, 1, (1, 8, 8, 3)).astype(np.float32)) for _ in range(2))
    for name, value in {"vgg_model_outputs": model, "a_C": model(content), "a_S": model(style),
                        "optimizer": tf.keras.optimizers.Adam(0.05)}.items():
        monkeypatch.setattr(ref, name, value)  # the notebook's globals; one style layer, then the content layer
    image = tf.Variable(clip_0_1(content + tf.constant(rng.uniform(-0.5, 0.5, (1, 8, 8, 3)).astype(np.float32))))
    costs = [float(ref.train_step(image)) for _ in range(30)]
    assert costs[-1] < 0.5 * costs[0]
    assert 0.0 <= float(tf.reduce_min(image)) and float(tf.reduce_max(image)) <= 1.0

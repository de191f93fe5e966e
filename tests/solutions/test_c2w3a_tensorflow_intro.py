"""Is the reference of assignment c2w3a right? Checked against numpy formulas and a training step."""
import numpy as np
import tensorflow as tf

from solutions import c2w3a_tensorflow_intro as ref


def test_compute_total_loss_is_the_summed_softmax_cross_entropy():
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(4, 6)).astype(np.float32)
    labels = np.eye(4, dtype=np.float32)[:, rng.integers(0, 4, size=6)]
    log_softmax = logits - np.log(np.sum(np.exp(logits), axis=0, keepdims=True))
    np.testing.assert_allclose(float(ref.compute_total_loss(logits, labels)), -np.sum(labels * log_softmax), rtol=1e-5)


def test_forward_propagation_matches_numpy():
    rng = np.random.default_rng(1)
    parameters = {k: v.numpy() for k, v in ref.initialize_parameters(5, 3, 2).items()}
    X = rng.normal(size=(5, 4)).astype(np.float32)
    A1 = np.maximum(0, parameters["W1"] @ X + parameters["b1"])
    A2 = np.maximum(0, parameters["W2"] @ A1 + parameters["b2"])
    np.testing.assert_allclose(ref.forward_propagation(X, parameters).numpy(),
                               parameters["W3"] @ A2 + parameters["b3"], rtol=1e-5, atol=1e-6)


def test_initialization_is_reproducible_and_glorot_scaled():
    a, b = ref.initialize_parameters(64, 10, 1), ref.initialize_parameters(64, 10, 1)
    np.testing.assert_array_equal(a["W1"].numpy(), b["W1"].numpy())
    assert a["W1"].shape == (25, 64) and a["b3"].shape == (10, 1)
    assert abs(float(tf.math.reduce_std(a["W1"])) - np.sqrt(2 / (25 + 64))) < 0.02


def test_one_hot_and_sigmoid():
    np.testing.assert_array_equal(ref.one_hot_matrix(np.array([2]), 4).numpy(), [0, 0, 1, 0])
    assert ref.sigmoid(np.array([0, 0])).dtype == tf.float32


def test_a_gradient_step_lowers_the_loss():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(5, 20)).astype(np.float32)
    Y = np.eye(3, dtype=np.float32)[:, (X[0] > 0).astype(int) + (X[1] > 0)]
    parameters = ref.initialize_parameters(5, 3, 0)
    losses = []
    for _ in range(2):
        with tf.GradientTape() as tape:
            loss = ref.compute_total_loss(ref.forward_propagation(X, parameters), Y)
        grads = tape.gradient(loss, list(parameters.values()))
        for variable, grad in zip(parameters.values(), grads):
            variable.assign_sub(0.01 * grad)
        losses.append(float(loss))
    assert losses[1] < losses[0]

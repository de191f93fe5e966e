"""Is the reference of assignment c1w4a right? Every backward function checked numerically."""
import numpy as np
import pytest

from solutions import activations
from solutions import c1w4a_deep_nn_step_by_step as ref

from .gradients import assert_gradient


def layer(seed, n_prev=3, n=4, m=5):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1)), rng.normal(size=(n, m))


@pytest.mark.parametrize("name", ["sigmoid", "relu"])
def test_activation_backward_is_the_derivative_of_the_activation(name):
    _, _, _, Z = layer(0)
    dA = np.random.default_rng(1).normal(size=Z.shape)
    forward, backward = getattr(activations, name), getattr(ref, f"{name}_backward")
    assert_gradient({"Z": backward(dA, Z)}, lambda: np.sum(dA * forward(Z)[0]), {"Z": Z})


def test_relu_backward_at_zero_is_zero_and_leaves_dA_alone():
    dA = np.ones((1, 3))
    np.testing.assert_array_equal(ref.relu_backward(dA, np.array([[-1.0, 0.0, 1.0]])), [[0.0, 0.0, 1.0]])
    np.testing.assert_array_equal(dA, np.ones((1, 3)))


@pytest.mark.parametrize("activation", [None, "sigmoid", "relu"])
def test_layer_backward_is_the_gradient_of_its_forward(activation):
    A_prev, W, b, upstream = layer(2)
    m = A_prev.shape[1]
    variables = {"A_prev": A_prev, "W": W, "b": b}
    if activation is None:
        dA_prev, dW, db = ref.linear_backward(upstream, (A_prev.copy(), W.copy(), b.copy()))
        output = lambda: ref.linear_forward(A_prev, W, b)[0]  # noqa: E731
    else:
        cache = ((A_prev.copy(), W.copy(), b.copy()), np.dot(W, A_prev) + b)
        dA_prev, dW, db = ref.linear_activation_backward(upstream, cache, activation)
        output = lambda: ref.linear_activation_forward(A_prev, W, b, activation)[0]  # noqa: E731
    # dW and db average over the m examples; dA_prev does not (the course's convention).
    assert_gradient({"A_prev": dA_prev, "W": dW * m, "b": db * m}, lambda: np.sum(upstream * output()), variables)


def test_L_model_backward_is_the_gradient_of_the_cost():
    rng = np.random.default_rng(3)
    parameters = ref.initialize_parameters_deep([4, 5, 3, 1], rng=rng)
    parameters = {k: v + rng.normal(0, 0.1, v.shape) for k, v in parameters.items()}  # non-zero biases
    X, Y = rng.normal(size=(4, 6)), (rng.uniform(size=(1, 6)) < 0.5).astype(float)
    AL, caches = ref.L_model_forward(X, parameters)
    grads = ref.L_model_backward(AL, Y, caches)
    assert set(grads) == {"dA0", "dA1", "dA2", "dW1", "db1", "dW2", "db2", "dW3", "db3"}
    assert_gradient({k: grads["d" + k] for k in parameters},
                    lambda: ref.compute_cost(ref.L_model_forward(X, parameters)[0], Y), parameters)


def test_initialize_parameters_deep_scales_by_fan_in():
    parameters = ref.initialize_parameters_deep([400, 300, 1], rng=0)
    assert parameters["W1"].shape == (300, 400) and parameters["b2"].shape == (1, 1)
    assert abs(parameters["W1"].std() * np.sqrt(400) - 1) < 0.05


def test_unknown_activation_is_a_clear_error():
    A_prev, W, b, _ = layer(4)
    with pytest.raises(ValueError, match="'sigmoid' or 'relu'"):
        ref.linear_activation_forward(A_prev, W, b, "tanh")

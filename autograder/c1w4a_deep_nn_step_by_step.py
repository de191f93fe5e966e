"""Hidden tests of assignment c1w4a (a deep neural network step by step).

Every exercise is compared with :mod:`solutions.c1w4a_deep_nn_step_by_step` on small random
networks. Every backward function is also checked against a numerical gradient of its forward
pass (:mod:`autograder.gradcheck`), and composite functions are graded with the reference helpers.

The course's convention for the 1/m: ``dZ`` and ``dA`` are gradients of the *summed* loss
(``m`` times those of the cost J), while ``dW`` and ``db`` are gradients of J. So with
``S = sum(dZ * Z)``: ``dA_prev = dS/dA_prev``, ``dW = dS/dW / m``, ``db = dS/db / m``.
"""
import numpy as np

from solutions import c1w4a_deep_nn_step_by_step as reference
from solutions.activations import relu, sigmoid

from . import gradcheck
from .c1w3a_planar_data import EXERCISES as PLANAR
from .core import Case, Exercise, grader
from .mistakes.c1w4a_deep_nn_step_by_step import MISTAKES

ACTIVATIONS = {"sigmoid": sigmoid, "relu": relu}


def layer(rng, n_prev, n, m):
    """Random ``A_prev`` (n_prev, m), ``W`` (n, n_prev) and ``b`` (n, 1)."""
    return rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))


def deep_network(rng, layer_dims, m):
    """Random parameters of a network with ``layer_dims``, inputs X (n_x, m), labels Y (1, m)."""
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.normal(size=(layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = rng.normal(0, 0.1, size=(layer_dims[l], 1))
    X = rng.normal(size=(layer_dims[0], m))
    Y = (rng.uniform(size=(1, m)) < 0.5).astype(float)
    return parameters, X, Y


def _deep_init_cases(rng):
    return [Case(([5, 4, 3], 3)), Case(([4, 6, 5, 3, 1], int(rng.integers(1000))), "four layers"),
            Case(([2, 1], np.random.default_rng(3)), "a single layer, and a Generator")]


def _linear_forward_cases(rng):
    return [Case(layer(rng, n_prev, n, m)) for n_prev, n, m in [(3, 1, 2), (4, 3, 5), (2, 5, 1)]]


def _linear_activation_forward_cases(rng):
    return [Case(layer(rng, n_prev, n, m) + (activation,))
            for (n_prev, n, m), activation in [((3, 1, 2), "sigmoid"), ((3, 1, 2), "relu"),
                                                ((4, 3, 5), "relu"), ((2, 5, 3), "sigmoid")]]


def _L_model_forward_cases(rng):
    cases = []
    for dims, m in [([5, 4, 3, 1], 4), ([3, 1], 2), ([4, 5, 3, 2, 1], 3)]:
        parameters, X, _ = deep_network(rng, dims, m)
        cases.append(Case((X, parameters), f"layers {dims}"))
    return cases


def _activation_backward_cases(rng):
    return [Case((rng.normal(size=(3, 4)), rng.normal(size=(3, 4)))),
            Case((rng.normal(size=(1, 5)), rng.normal(size=(1, 5)))),
            Case((rng.normal(size=(2, 3)), np.array([[0.0, -1.0, 2.0], [3.0, 0.0, -0.5]])),
                 "Z has exact zeros: relu'(0) is taken as 0")]


def _linear_backward_cases(rng):
    cases = []
    for n_prev, n, m in [(3, 1, 2), (5, 3, 4), (2, 4, 1)]:
        cases.append(Case((rng.normal(size=(n, m)), layer(rng, n_prev, n, m))))
    return cases


def _linear_activation_backward_cases(rng):
    cases = []
    # Several units and examples, so that Z has both signs and relu differs from the identity.
    for (n_prev, n, m), activation in [((4, 3, 5), "relu"), ((3, 2, 6), "sigmoid"), ((3, 1, 2), "relu"),
                                       ((2, 4, 3), "sigmoid")]:
        A_prev, W, b = layer(rng, n_prev, n, m)
        Z = np.dot(W, A_prev) + b
        cases.append(Case((rng.normal(size=(n, m)), ((A_prev, W, b), Z), activation)))
    return cases


def _L_model_backward_cases(rng):
    cases = []
    for dims, m in [([4, 3, 1], 2), ([5, 4, 3, 1], 4), ([3, 1], 3)]:
        parameters, X, Y = deep_network(rng, dims, m)
        AL, caches = reference.L_model_forward(X, parameters)
        cases.append(Case((AL, Y, caches), f"layers {dims}"))
    return cases


def _update_cases(rng):
    cases = []
    for dims in ([3, 2, 1], [4, 3, 2, 1]):
        parameters, _, _ = deep_network(rng, dims, 1)
        grads = {"d" + k: rng.normal(size=v.shape) for k, v in parameters.items()}
        cases.append(Case((parameters, grads, float(rng.uniform(0.01, 1))), f"layers {dims}"))
    return cases


def _check_activation_backward(name, forward):
    def check(function, rng):
        dA, Z = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
        dZ = function(dA.copy(), Z.copy())
        approx = gradcheck.numerical_gradient(lambda: np.sum(dA * forward(Z)[0]), {"dZ": Z})
        return gradcheck.compare(f"{name}(dA, cache)", {"dZ": dZ}, approx)
    check.__doc__ = f"{name} returns the derivative of sum(dA * activation(Z)) with respect to Z."
    return check


def _layer_gradients(function, rng, activation=None):
    """Numerical check of linear_backward (activation None) or linear_activation_backward."""
    n_prev, n, m = 3, 4, 5
    A_prev, W, b = layer(rng, n_prev, n, m)
    upstream = rng.normal(size=(n, m))
    variables = {"dA_prev": A_prev, "dW": W, "db": b}
    if activation is None:
        result = function(upstream.copy(), (A_prev.copy(), W.copy(), b.copy()))
        output = lambda: np.dot(W, A_prev) + b  # noqa: E731 - reads the perturbed arrays
        what = "linear_backward(dZ, cache)"
    else:
        Z = np.dot(W, A_prev) + b
        result = function(upstream.copy(), ((A_prev.copy(), W.copy(), b.copy()), Z.copy()), activation)
        output = lambda: ACTIVATIONS[activation](np.dot(W, A_prev) + b)[0]  # noqa: E731
        what = f"linear_activation_backward(dA, cache, {activation!r})"
    approx = gradcheck.numerical_gradient(lambda: np.sum(upstream * output()), variables)
    approx["dW"] /= m  # dW and db are gradients of the cost, the mean over examples
    approx["db"] /= m
    got = dict(zip(("dA_prev", "dW", "db"), result)) if isinstance(result, tuple) and len(result) == 3 else {}
    return gradcheck.compare(what, got, approx)


def _check_linear_backward(function, rng):
    return _layer_gradients(function, rng)


def _check_linear_activation_backward(function, rng):
    return _layer_gradients(function, rng, "relu") or _layer_gradients(function, rng, "sigmoid")


def _check_L_model_backward(function, rng):
    parameters, X, Y = deep_network(rng, [3, 4, 3, 1], 5)
    AL, caches = reference.L_model_forward(X, parameters)
    grads = function(AL, Y, caches)
    approx = gradcheck.numerical_gradient(
        lambda: reference.compute_cost(reference.L_model_forward(X, parameters)[0], Y), parameters)
    got = grads if isinstance(grads, dict) else {}
    return gradcheck.compare("L_model_backward(AL, Y, caches)", {"d" + k: got.get("d" + k) for k in approx},
                             {"d" + k: v for k, v in approx.items()})


EXERCISES = {exercise.name: exercise for exercise in [
    PLANAR["initialize_parameters"],
    Exercise("initialize_parameters_deep", reference.initialize_parameters_deep, _deep_init_cases,
             arg_names=("layer_dims", "rng")),
    Exercise("linear_forward", reference.linear_forward, _linear_forward_cases),
    Exercise("linear_activation_forward", reference.linear_activation_forward, _linear_activation_forward_cases,
             calls=("linear_forward",)),
    Exercise("L_model_forward", reference.L_model_forward, _L_model_forward_cases,
             calls=("linear_activation_forward",)),
    PLANAR["compute_cost"],
    Exercise("sigmoid_backward", reference.sigmoid_backward, _activation_backward_cases,
             checks=(_check_activation_backward("sigmoid_backward", sigmoid),)),
    Exercise("relu_backward", reference.relu_backward, _activation_backward_cases,
             checks=(_check_activation_backward("relu_backward", relu),)),
    Exercise("linear_backward", reference.linear_backward, _linear_backward_cases, checks=(_check_linear_backward,)),
    Exercise("linear_activation_backward", reference.linear_activation_backward, _linear_activation_backward_cases,
             calls=("sigmoid_backward", "relu_backward", "linear_backward"),
             checks=(_check_linear_activation_backward,)),
    Exercise("L_model_backward", reference.L_model_backward, _L_model_backward_cases,
             calls=("linear_activation_backward",), checks=(_check_L_model_backward,)),
    Exercise("update_parameters", reference.update_parameters, _update_cases),
]}

grade = grader(EXERCISES, MISTAKES)

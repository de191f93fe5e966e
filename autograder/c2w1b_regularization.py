"""Hidden tests of assignment c2w1b (L2 and dropout regularization).

Every exercise is compared with :mod:`solutions.c2w1b_regularization` on small random 3-layer
networks. Both backward passes are also checked numerically: the L2 one against the
regularized cost, the dropout one against the cost of the network with the same masks fixed.
"""
import numpy as np

from solutions import c2w1b_regularization as reference
from solutions import three_layer

from . import gradcheck
from .core import Case, Exercise, grader
from .mistakes.c2w1b_regularization import MISTAKES

WEIGHTS = ("W1", "b1", "W2", "b2", "W3", "b3")


def network(rng, n_x=3, n_1=4, n_2=3, m=5):
    """Random parameters of a [n_x, n_1, n_2, 1] network, inputs X (n_x, m), labels Y (1, m)."""
    dims = [n_x, n_1, n_2, 1]
    parameters = {}
    for l in range(1, 4):
        parameters[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.normal(0, 0.5, size=(dims[l], 1))
    X = rng.normal(size=(n_x, m))
    return parameters, X, (rng.uniform(size=(1, m)) < 0.5).astype(float)


def _cost_cases(rng):
    cases = []
    for (n_x, n_1, n_2, m), lambd in [((3, 2, 3, 5), 0.1), ((2, 4, 2, 7), 0.7), ((2, 3, 3, 4), 0.0)]:
        parameters, X, Y = network(rng, n_x, n_1, n_2, m)
        cases.append(Case((rng.uniform(0.05, 0.95, size=(1, m)), Y, parameters, lambd),
                          "lambd = 0: no penalty" if lambd == 0 else ""))
    return cases


def _l2_backward_cases(rng):
    cases = []
    for (n_x, n_1, n_2, m), lambd in [((3, 2, 3, 5), 0.7), ((2, 4, 2, 7), 0.1)]:
        parameters, X, Y = network(rng, n_x, n_1, n_2, m)
        _, cache = three_layer.forward_propagation(X, parameters)
        cases.append(Case((X, Y, cache, lambd)))
    return cases


def _dropout_forward_cases(rng):
    cases = []
    for (n_x, n_1, n_2, m), keep_prob in [((3, 2, 3, 5), 0.7), ((2, 5, 4, 6), 0.5), ((2, 3, 3, 4), 1.0)]:
        parameters, X, _ = network(rng, n_x, n_1, n_2, m)
        cases.append(Case((X, parameters, keep_prob, int(rng.integers(1000))),
                          "keep_prob = 1: no unit is dropped" if keep_prob == 1 else ""))
    return cases


def _dropout_backward_cases(rng):
    cases = []
    for (n_x, n_1, n_2, m), keep_prob in [((3, 4, 3, 5), 0.8), ((2, 5, 4, 6), 0.5)]:
        parameters, X, Y = network(rng, n_x, n_1, n_2, m)
        _, cache = reference.forward_propagation_with_dropout(X, parameters, keep_prob, rng)
        cases.append(Case((X, Y, cache, keep_prob)))
    return cases


def _check_l2_backward(function, rng):
    parameters, X, Y = network(rng)
    lambd = 0.7
    _, cache = three_layer.forward_propagation(X, parameters)
    grads = function(X, Y, cache, lambd)
    approx = gradcheck.numerical_gradient(lambda: reference.compute_cost_with_regularization(
        three_layer.forward_propagation(X, parameters)[0], Y, parameters, lambd), parameters)
    got = grads if isinstance(grads, dict) else {}
    return gradcheck.compare("backward_propagation_with_regularization(X, Y, cache, lambd)",
                             {"d" + k: got.get("d" + k) for k in WEIGHTS}, {"d" + k: v for k, v in approx.items()})


def _forward_with_masks(X, parameters, D1, D2, keep_prob):
    """The dropout network's output for fixed masks: the function the backward pass differentiates."""
    A1 = np.maximum(0, np.dot(parameters["W1"], X) + parameters["b1"]) * D1 / keep_prob
    A2 = np.maximum(0, np.dot(parameters["W2"], A1) + parameters["b2"]) * D2 / keep_prob
    return 1 / (1 + np.exp(-(np.dot(parameters["W3"], A2) + parameters["b3"])))


def _check_dropout_backward(function, rng):
    parameters, X, Y = network(rng, m=6)
    keep_prob = 0.7
    _, cache = reference.forward_propagation_with_dropout(X, parameters, keep_prob, rng)
    D1, D2 = cache[1], cache[6]
    grads = function(X, Y, cache, keep_prob)
    approx = gradcheck.numerical_gradient(
        lambda: three_layer.compute_cost(_forward_with_masks(X, parameters, D1, D2, keep_prob), Y), parameters)
    got = grads if isinstance(grads, dict) else {}
    return gradcheck.compare("backward_propagation_with_dropout(X, Y, cache, keep_prob)",
                             {"d" + k: got.get("d" + k) for k in WEIGHTS}, {"d" + k: v for k, v in approx.items()})


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("compute_cost_with_regularization", reference.compute_cost_with_regularization, _cost_cases),
    Exercise("backward_propagation_with_regularization", reference.backward_propagation_with_regularization,
             _l2_backward_cases, checks=(_check_l2_backward,)),
    Exercise("forward_propagation_with_dropout", reference.forward_propagation_with_dropout, _dropout_forward_cases,
             arg_names=("X", "parameters", "keep_prob", "rng")),
    Exercise("backward_propagation_with_dropout", reference.backward_propagation_with_dropout,
             _dropout_backward_cases, checks=(_check_dropout_backward,)),
]}

grade = grader(EXERCISES, MISTAKES)

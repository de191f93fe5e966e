"""Hidden tests of assignment c1w3a (a shallow neural network on planar data).

Every exercise is compared with :mod:`solutions.c1w3a_planar_data` on small random networks;
``backward_propagation`` is also checked against a numerical gradient of the cost, and the
composite functions are graded with the reference helpers.
"""
import numpy as np

from solutions import c1w3a_planar_data as reference

from . import gradcheck
from .core import Case, Exercise, grader
from .mistakes.c1w3a_planar_data import MISTAKES


def network(rng, n_x, n_h, m, scale=1.0):
    """Random parameters of an (n_x, n_h, 1) network, inputs X (n_x, m) and labels Y (1, m)."""
    parameters = {"W1": rng.normal(0, scale, (n_h, n_x)), "b1": rng.normal(0, scale, (n_h, 1)),
                  "W2": rng.normal(0, scale, (1, n_h)), "b2": rng.normal(0, scale, (1, 1))}
    X = rng.normal(0, 1, (n_x, m))
    Y = (rng.uniform(size=(1, m)) < 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0][:m]  # both classes, where there is room
    return parameters, X, Y


def _layer_sizes_cases(rng):
    return [Case((rng.normal(size=(5, 3)), rng.normal(size=(2, 3)))),
            Case((rng.normal(size=(2, 400)), rng.integers(0, 2, size=(1, 400))), "the planar data's shapes")]


def _initialize_cases(rng):
    return [Case((2, 4, 1, 2)), Case((5, 3, 2, int(rng.integers(1000))), "another seed"),
            Case((3, 7, 1, np.random.default_rng(7)), "a Generator instead of a seed")]


def _forward_cases(rng):
    return [Case(network(rng, n_x, n_h, m)[1::-1]) for n_x, n_h, m in [(2, 4, 3), (3, 5, 6), (1, 2, 1)]]


def _cost_cases(rng):
    cases = [Case((np.array([[0.5002307, 0.49985831, 0.50023963]]), np.array([[1, 0, 0]])), "int labels")]
    for m in (4, 9):
        _, _, Y = network(rng, 1, 1, m)
        cases.append(Case((rng.uniform(0.05, 0.95, size=(1, m)), Y)))
    return cases


def _backward_cases(rng):
    cases = []
    for n_x, n_h, m in [(2, 4, 3), (3, 2, 5), (2, 3, 1)]:
        parameters, X, Y = network(rng, n_x, n_h, m)
        _, cache = reference.forward_propagation(X, parameters)
        cases.append(Case((parameters, cache, X, Y)))
    return cases


def _update_cases(rng):
    cases = []
    for n_x, n_h in [(2, 4), (3, 3)]:
        parameters, _, _ = network(rng, n_x, n_h, 1)
        grads = {"d" + k: rng.normal(size=v.shape) for k, v in parameters.items()}
        cases.append(Case((parameters, grads, float(rng.uniform(0.1, 2)))))
    cases.append(Case((parameters, grads), "the default learning rate, 1.2"))
    return cases


def _nn_model_cases(rng):
    cases = []
    for n_x, n_h, m in [(2, 4, 10), (3, 2, 6)]:
        _, X, Y = network(rng, n_x, n_h, m)
        cases.append(Case((X, Y, n_h, 60, False, int(rng.integers(1000)))))
    return cases


def _predict_cases(rng):
    parameters, X, _ = network(rng, 2, 4, 7, scale=2.0)
    zero = {k: np.zeros_like(v) for k, v in parameters.items()}
    return [Case((parameters, X)), Case((zero, X), "every probability is exactly 0.5: predict 0")]


def _backward_gradient(function, rng):
    """backward_propagation's gradients are the derivatives of compute_cost (numerical check)."""
    parameters, X, Y = network(rng, 3, 4, 5)
    _, cache = reference.forward_propagation(X, parameters)
    grads = function({k: v.copy() for k, v in parameters.items()}, cache, X, Y)
    approx = gradcheck.numerical_gradient(
        lambda: reference.compute_cost(reference.forward_propagation(X, parameters)[0], Y), parameters)
    got = grads if isinstance(grads, dict) else {}
    return gradcheck.compare("backward_propagation(parameters, cache, X, Y)",
                             {k: got.get("d" + k) for k in approx}, approx)


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("layer_sizes", reference.layer_sizes, _layer_sizes_cases, rtol=0, atol=0),
    Exercise("initialize_parameters", reference.initialize_parameters, _initialize_cases,
             arg_names=("n_x", "n_h", "n_y", "rng")),
    Exercise("forward_propagation", reference.forward_propagation, _forward_cases),
    Exercise("compute_cost", reference.compute_cost, _cost_cases),
    Exercise("backward_propagation", reference.backward_propagation, _backward_cases, checks=(_backward_gradient,)),
    Exercise("update_parameters", reference.update_parameters, _update_cases),
    Exercise("nn_model", reference.nn_model, _nn_model_cases, rtol=1e-5,
             calls=("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
                    "backward_propagation", "update_parameters")),
    Exercise("predict", reference.predict, _predict_cases, calls=("forward_propagation",)),
]}

grade = grader(EXERCISES, MISTAKES)

"""Hidden tests of assignment c1w2b (logistic regression as a neural network).

Every exercise is compared with :mod:`solutions.c1w2b_logistic_regression` on small random
problems of several sizes; ``propagate`` is also checked against a numerical gradient of its
own cost, and the composite functions are graded with the reference helpers (see
:func:`autograder.core.with_reference_helpers`).
"""
import numpy as np

from solutions import c1w2b_logistic_regression as reference

from . import gradcheck
from .c1w2a_numpy_basics import EXERCISES as NUMPY_BASICS
from .core import Case, Exercise, grader
from .mistakes.c1w2b_logistic_regression import MISTAKES


def problem(rng, n_x, m, scale=0.5):
    """Random ``w`` (n_x, 1), ``b``, ``X`` (n_x, m) and 0/1 labels ``Y`` (1, m), both classes present."""
    w = rng.normal(0, scale, size=(n_x, 1))
    b = float(rng.normal(0, scale))
    X = rng.normal(0, 1, size=(n_x, m))
    Y = (rng.uniform(size=(1, m)) < 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0][:m]  # both classes, where there is room
    return w, b, X, Y


def _initialize_cases(rng):
    return [Case((2,)), Case((int(rng.integers(3, 50)),)), Case((1,), "a single feature")]


def _propagate_cases(rng):
    cases = [Case((np.array([[1.0], [2.0]]), 2.0, np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
                   np.array([[1.0, 0.0, 1.0]])))]
    cases += [Case(problem(rng, n_x, m)) for n_x, m in [(3, 5), (6, 2), (1, 7)]]
    w, b, X, Y = problem(rng, 4, 6)
    cases.append(Case((np.zeros_like(w), 0.0, X, Y), "zero weights: every prediction is 0.5"))
    return cases


def _optimize_cases(rng):
    return [Case(problem(rng, 3, 5) + (120, 0.05)), Case(problem(rng, 2, 8) + (250, 0.2), "cost kept at 0, 100, 200"),
            Case(problem(rng, 4, 3) + (1, 0.1), "a single iteration")]


def _predict_cases(rng):
    w, b, X, _ = problem(rng, 3, 6, scale=2.0)
    return [Case((np.array([[0.1124579], [0.23106775]]), -0.3, np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]]))),
            Case((w, b, X)), Case((np.zeros((3, 1)), 0.0, X), "every probability is exactly 0.5: predict 0")]


def _model_cases(rng):
    cases = []
    for n_x, m_train, m_test in [(4, 10, 5), (2, 7, 3)]:
        _, _, X_train, Y_train = problem(rng, n_x, m_train)
        _, _, X_test, Y_test = problem(rng, n_x, m_test)
        cases.append(Case((X_train, Y_train, X_test, Y_test, 150, 0.1)))
    return cases


def _propagate_gradient(function, rng):
    """propagate's dw and db are the derivatives of the cost it returns (numerical check)."""
    w, b, X, Y = problem(rng, 3, 5)
    grads, _ = function(w.copy(), b, X.copy(), Y.copy())
    variables = {"dw": w.copy(), "db": np.array([b])}
    approx = gradcheck.numerical_gradient(
        lambda: reference.propagate(variables["dw"], float(variables["db"][0]), X, Y)[1], variables)
    got = {"dw": grads.get("dw") if isinstance(grads, dict) else None,
           "db": np.reshape(grads.get("db"), (1,)) if isinstance(grads, dict) and np.size(grads.get("db")) == 1 else None}
    return gradcheck.compare("propagate(w, b, X, Y)", got, approx)


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("sigmoid", reference.sigmoid, NUMPY_BASICS["sigmoid"].cases),
    Exercise("initialize_with_zeros", reference.initialize_with_zeros, _initialize_cases, rtol=0, atol=0),
    Exercise("propagate", reference.propagate, _propagate_cases, calls=("sigmoid",), checks=(_propagate_gradient,)),
    Exercise("optimize", reference.optimize, _optimize_cases, calls=("propagate",), rtol=1e-5),
    Exercise("predict", reference.predict, _predict_cases, calls=("sigmoid",)),
    Exercise("model", reference.model, _model_cases, calls=("initialize_with_zeros", "optimize", "predict"), rtol=1e-5),
]}


grade = grader(EXERCISES, MISTAKES)

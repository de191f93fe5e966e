"""Hidden tests of assignment c1w4b (a deep neural network application).

The models are compared with :mod:`solutions.c1w4b_deep_nn_application` after a few dozen
iterations on small random problems; the helpers they call come from the reference (the
notebook imports them from the generated ``dnn_app_utils.py``).
"""
import numpy as np

from solutions import c1w4b_deep_nn_application as reference

from .c1w4a_deep_nn_step_by_step import deep_network
from .core import Case, Exercise, grader
from .mistakes.c1w4b_deep_nn_application import MISTAKES

HELPERS = ("initialize_parameters", "initialize_parameters_deep", "linear_activation_forward", "L_model_forward",
           "compute_cost", "linear_activation_backward", "L_model_backward", "update_parameters")


def _predict_cases(rng):
    cases = []
    for dims, m in [([4, 3, 1], 6), ([3, 5, 2, 1], 4)]:
        parameters, X, Y = deep_network(rng, dims, m)
        cases.append(Case((X, Y, parameters), f"layers {dims}"))
    zero = {k: np.zeros_like(v) for k, v in parameters.items()}
    cases.append(Case((X, Y, zero), "every probability is exactly 0.5: predict 0"))
    return cases


def _problem(rng, n_x, m):
    X = rng.normal(size=(n_x, m))
    Y = (X[:1] + 0.5 * rng.normal(size=(1, m)) > 0).astype(float)  # learnable labels
    return X, Y


def _two_layer_cases(rng):
    return [Case(_problem(rng, 5, 12) + ((5, 4, 1), 0.05, 120, False, int(rng.integers(1000)))),
            Case(_problem(rng, 3, 7) + ((3, 2, 1), 0.1, 30, False, 5), "fewer than 100 iterations")]


def _L_layer_cases(rng):
    return [Case(_problem(rng, 5, 12) + ([5, 4, 3, 1], 0.05, 120, False, int(rng.integers(1000)))),
            Case(_problem(rng, 3, 7) + ([3, 1], 0.1, 30, False, 5), "a single layer: logistic regression")]


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("predict", reference.predict, _predict_cases, calls=HELPERS),
    Exercise("two_layer_model", reference.two_layer_model, _two_layer_cases, calls=HELPERS, rtol=1e-5),
    Exercise("L_layer_model", reference.L_layer_model, _L_layer_cases, calls=HELPERS, rtol=1e-5),
]}

grade = grader(EXERCISES, MISTAKES)

"""Hidden tests of assignment c2w3a (an introduction to TensorFlow).

Tensors are compared by value (a numpy array with the same values is accepted). Every
exercise is compared with :mod:`solutions.c2w3a_tensorflow_intro` on random inputs.
"""
import numpy as np

from solutions import c2w3a_tensorflow_intro as reference

from .core import Case, Exercise, grader
from .mistakes.c2w3a_tensorflow_intro import MISTAKES


def parameters_for(rng, n_x, n_y):
    """Random float32 parameters of a [n_x, 25, 12, n_y] network (numpy arrays, accepted by TensorFlow)."""
    shapes = {"W1": (25, n_x), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (n_y, 12), "b3": (n_y, 1)}
    return {name: (rng.normal(size=shape) * 0.5).astype(np.float32) for name, shape in shapes.items()}


def _linear_cases(rng):
    return [Case((1,)), Case((int(rng.integers(1000)),))]


def _sigmoid_cases(rng):
    return [Case((np.array([-1.0, 0.0, 2.0]),)), Case((rng.normal(size=(3, 4)),)),
            Case((np.array([1, 2, 3]),), "integers: cast them to float32 first"), Case((0.5,), "a number")]


def _one_hot_cases(rng):
    return [Case((np.array([3]), 10), "a label of shape (1,), as the dataset yields them"),
            Case((np.array([int(rng.integers(0, 6))]), 6)), Case((np.array([0]), 4), "the first class")]


def _initialize_cases(rng):
    return [Case((64, 10, 1)), Case((5, 3, int(rng.integers(1, 100))), "other sizes and seed")]


def _forward_cases(rng):
    return [Case(((rng.normal(size=(6, 4))).astype(np.float32), parameters_for(rng, 6, 3))),
            Case(((rng.normal(size=(64, 5))).astype(np.float32), parameters_for(rng, 64, 10)))]


def _loss_cases(rng):
    cases = []
    for n_y, m in [(3, 4), (10, 7), (2, 1)]:
        labels = np.eye(n_y, dtype=np.float32)[:, rng.integers(0, n_y, size=m)]  # (n_y, m) one-hot columns
        cases.append(Case(((rng.normal(size=(n_y, m)) * 2).astype(np.float32), labels), f"{n_y} classes, {m} examples"))
    return cases


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("linear_function", reference.linear_function, _linear_cases, arg_names=("rng",)),
    Exercise("sigmoid", reference.sigmoid, _sigmoid_cases, rtol=1e-5, atol=1e-6),
    Exercise("one_hot_matrix", reference.one_hot_matrix, _one_hot_cases, rtol=0, atol=0),
    Exercise("initialize_parameters", reference.initialize_parameters, _initialize_cases, rtol=1e-5, atol=1e-6),
    Exercise("forward_propagation", reference.forward_propagation, _forward_cases, rtol=1e-4, atol=1e-5),
    Exercise("compute_total_loss", reference.compute_total_loss, _loss_cases, rtol=1e-4, atol=1e-5),
]}

grade = grader(EXERCISES, MISTAKES)

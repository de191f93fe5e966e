"""Hidden tests of assignment c1w2a (Python basics with numpy).

Every exercise is compared with :mod:`solutions.c1w2a_numpy_basics` on a fixed small case,
random inputs of several shapes, and edge values (large |x| where ``exp`` could overflow).
"""
import numpy as np

from solutions import c1w2a_numpy_basics as reference

from .core import Case, Exercise, grader
from .mistakes.c1w2a_numpy_basics import MISTAKES


def _basic_sigmoid_cases(rng):
    # math.exp overflows past about 709, so basic_sigmoid is only asked about moderate values.
    return ([Case((1.0,)), Case((0,), "an int")]
            + [Case((float(v),)) for v in rng.uniform(-20, 20, size=4)]
            + [Case((-30.0,), "a large negative value")])


def _sigmoid_cases(rng):
    return [
        Case((np.array([1, 2, 3]),), "an int array"),
        Case((rng.normal(0, 3, size=5),)),
        Case((rng.normal(0, 3, size=(3, 4)),)),
        Case((rng.normal(0, 3, size=(2, 3, 4)),), "a 3-D array"),
        Case((np.float64(rng.normal()),), "a single number"),
        Case((np.array([-1000.0, -710.0, 0.0, 710.0, 1000.0]),), "large |x|: exp must not overflow into NaN"),
    ]


def _sigmoid_derivative_cases(rng):
    return [
        Case((np.array([1, 2, 3]),), "an int array"),
        Case((rng.normal(0, 3, size=6),)),
        Case((rng.normal(0, 3, size=(4, 3)),)),
        Case((np.array([-50.0, 0.0, 50.0]),), "the derivative vanishes far from 0"),
    ]


def _image2vector_cases(rng):
    return [
        Case((rng.uniform(size=(3, 3, 2)),)),
        Case((rng.uniform(size=(4, 2, 3)),), "length, height and depth all differ"),
        Case((rng.integers(0, 256, size=(5, 4, 3), dtype=np.uint8),), "uint8 pixels"),
        Case((rng.uniform(size=(1, 6, 1)),), "single-element axes"),
    ]


def _normalize_rows_cases(rng):
    return [
        Case((np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]]),)),
        Case((rng.normal(size=(4, 3)),)),
        Case((rng.normal(size=(3, 3)),), "a square matrix"),
        Case((rng.normal(size=(1, 5)),), "a single row"),
        Case((rng.normal(scale=1e3, size=(5, 2)),), "large values"),
    ]


def _softmax_cases(rng):
    return [
        Case((np.array([[9.0, 2.0, 5.0, 0.0, 0.0], [7.0, 5.0, 0.0, 0.0, 0.0]]),)),
        Case((rng.normal(size=(3, 4)),)),
        Case((rng.normal(size=(4, 4)),), "a square matrix"),
        Case((rng.normal(size=(1, 6)),), "a single row"),
        Case((rng.normal(size=(5, 1)),), "a single column: every row is one score"),
        Case((np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1000.0, -999.0]]),),
             "large |x|: exp must not overflow into NaN"),
    ]


def _loss_cases(rng):
    return [
        Case((np.array([0.9, 0.2, 0.1, 0.4, 0.9]), np.array([1, 0, 0, 1, 1]))),
        Case((rng.uniform(size=7), rng.integers(0, 2, size=7).astype(float))),
        Case((rng.normal(size=20), rng.normal(size=20))),
        Case((np.array([0.5]), np.array([0.5])), "a perfect prediction: the loss is 0"),
    ]


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("basic_sigmoid", reference.basic_sigmoid, _basic_sigmoid_cases),
    Exercise("sigmoid", reference.sigmoid, _sigmoid_cases),
    Exercise("sigmoid_derivative", reference.sigmoid_derivative, _sigmoid_derivative_cases, calls=("sigmoid",)),
    Exercise("image2vector", reference.image2vector, _image2vector_cases, rtol=0, atol=0),
    Exercise("normalize_rows", reference.normalize_rows, _normalize_rows_cases),
    Exercise("softmax", reference.softmax, _softmax_cases),
    Exercise("L1", reference.L1, _loss_cases),
    Exercise("L2", reference.L2, _loss_cases),
]}


grade = grader(EXERCISES, MISTAKES)

"""Hidden tests of assignment c2w1a (initialization).

Each initializer is compared with :mod:`solutions.c2w1a_initialization` on networks of several
depths, from seeds and from a Generator.
"""
import numpy as np

from solutions import c2w1a_initialization as reference

from .core import Case, Exercise, grader
from .mistakes.c2w1a_initialization import MISTAKES


def _zeros_cases(rng):
    return [Case(([3, 2, 1],)), Case(([5, 4, 3, 2, 1],), "four layers"), Case(([2, 1],), "a single layer")]


def _random_cases(rng):
    return [Case(([3, 2, 1], 3)), Case(([5, 4, 3, 2, 1], int(rng.integers(1000))), "four layers"),
            Case(([2, 6], np.random.default_rng(4)), "a single layer, and a Generator")]


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("initialize_parameters_zeros", reference.initialize_parameters_zeros, _zeros_cases, rtol=0, atol=0),
    Exercise("initialize_parameters_random", reference.initialize_parameters_random, _random_cases,
             arg_names=("layers_dims", "rng")),
    Exercise("initialize_parameters_he", reference.initialize_parameters_he, _random_cases,
             arg_names=("layers_dims", "rng")),
]}

grade = grader(EXERCISES, MISTAKES)

"""Do the hidden tests of assignment c1w2a pass the reference and recognise every typical mistake?"""
import inspect

import numpy as np
import pytest

from autograder import c1w2a_numpy_basics as hidden
from autograder.core import GradingError
from autograder.mistakes import catalogue
from solutions import c1w2a_numpy_basics as reference

MISTAKES = list(catalogue("c1w2a_numpy_basics"))


@pytest.mark.parametrize("seed", [None, 0, 1, 2])
@pytest.mark.parametrize("name", sorted(hidden.EXERCISES))
def test_reference_passes_on_any_seed(name, seed):
    hidden.grade(name, getattr(reference, name), seed=seed)


def test_every_reference_function_is_graded():
    graded = set(hidden.EXERCISES)
    public = {n for n, f in inspect.getmembers(reference, inspect.isfunction) if f.__module__ == reference.__name__}
    assert graded == public, f"reference functions without hidden tests: {public - graded}; extra: {graded - public}"


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.implementation.__name__ for m in MISTAKES])
def test_every_typical_mistake_is_caught_and_named(mistake):
    with pytest.raises(GradingError) as failure:
        hidden.grade(mistake.exercise, mistake.implementation)
    assert f"Likely mistake: {mistake.explanation}" in str(failure.value), (
        f"{mistake.implementation.__name__} was caught but diagnosed as:\n{failure.value}")


def test_every_exercise_has_a_typical_mistake():
    covered = {m.exercise for m in MISTAKES}
    assert covered == set(hidden.EXERCISES), f"no typical mistake for {set(hidden.EXERCISES) - covered}"


def test_naive_sigmoid_passes_despite_overflow_warnings():
    """1 / (1 + np.exp(-x)) is correct (exp overflows to inf, 1/inf is 0): no point is lost for it."""
    hidden.grade("sigmoid", lambda x: 1 / (1 + np.exp(-x)))


def test_loss_returned_as_an_array_is_explained():
    with pytest.raises(GradingError, match="should be a single number"):
        hidden.grade("L1", lambda yhat, y: np.sum(np.abs(y - yhat), keepdims=True))

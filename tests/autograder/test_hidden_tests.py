"""Do the hidden tests of every assignment pass the reference and recognise every typical mistake?"""
import importlib
import inspect

import pytest

from autograder.core import GradingError
from autograder.mistakes import catalogue
from coursebuild.paths import assignments

ASSIGNMENTS = assignments()
MISTAKES = [(a, m) for a in ASSIGNMENTS for m in catalogue(a)]


def hidden(assignment_id):
    return importlib.import_module(f"autograder.{assignment_id}")


def reference(assignment_id):
    return importlib.import_module(f"solutions.{assignment_id}")


def public_functions(module):
    """The functions a reference module offers: its ``__all__``, else those it defines."""
    if hasattr(module, "__all__"):
        return set(module.__all__)
    return {n for n, f in inspect.getmembers(module, inspect.isfunction) if f.__module__ == module.__name__}


@pytest.mark.parametrize("seed", [None, 0, 1])
@pytest.mark.parametrize("assignment_id, name", [(a, n) for a in ASSIGNMENTS for n in hidden(a).EXERCISES])
def test_reference_passes_on_any_seed(assignment_id, name, seed):
    hidden(assignment_id).grade(name, getattr(reference(assignment_id), name), seed=seed)


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_every_reference_function_is_graded(assignment_id):
    graded, public = set(hidden(assignment_id).EXERCISES), public_functions(reference(assignment_id))
    assert graded == public, f"reference functions without hidden tests: {public - graded}; extra: {graded - public}"


@pytest.mark.parametrize("assignment_id, mistake", MISTAKES,
                         ids=[f"{a}-{m.implementation.__name__}" for a, m in MISTAKES])
def test_every_typical_mistake_is_caught_and_named(assignment_id, mistake):
    with pytest.raises(GradingError) as failure:
        hidden(assignment_id).grade(mistake.exercise, mistake.implementation)
    assert f"Likely mistake: {mistake.explanation}" in str(failure.value), (
        f"{mistake.implementation.__name__} was caught but diagnosed as:\n{failure.value}")


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_every_exercise_has_a_typical_mistake(assignment_id):
    covered = {m.exercise for m in catalogue(assignment_id)}
    exercises = set(hidden(assignment_id).EXERCISES)
    assert covered == exercises, f"no typical mistake for {exercises - covered}; unknown exercises {covered - exercises}"


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_grade_names_the_exercises_when_asked_for_an_unknown_one(assignment_id):
    with pytest.raises(KeyError, match="this assignment grades"):
        hidden(assignment_id).grade("no_such_exercise", print)

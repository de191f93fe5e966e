"""Do the hidden tests of every assignment pass the reference and recognise every typical mistake?"""
import copy
import dataclasses
import importlib
import inspect

import numpy as np
import pytest

from autograder.core import GradingError, grade_exercise
from autograder.mistakes import catalogue
from coursekit.checks import describe_difference
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
    exercise = hidden(assignment_id).EXERCISES[name]
    if seed is not None:
        # The property checks (gradient checks, training runs) draw from their own fixed seeds,
        # whatever the grading seed: they run once, with the default seed, not three times.
        exercise = dataclasses.replace(exercise, checks=())
    grade_exercise(exercise, getattr(reference(assignment_id), name), seed=seed)


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_every_reference_function_is_graded(assignment_id):
    graded, public = set(hidden(assignment_id).EXERCISES), public_functions(reference(assignment_id))
    assert graded == public, f"reference functions without hidden tests: {public - graded}; extra: {graded - public}"


@pytest.mark.parametrize("assignment_id, mistake", MISTAKES,
                         ids=[f"{a}-{m.implementation.__name__}" for a, m in MISTAKES])
def test_every_typical_mistake_is_caught_and_named(assignment_id, mistake):
    with pytest.raises(GradingError) as failure:
        hidden(assignment_id).grade(mistake.exercise, mistake.implementation, trusted=True)
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


@pytest.mark.parametrize("assignment_id, mistake", MISTAKES,
                         ids=[f"{a}-{m.implementation.__name__}" for a, m in MISTAKES])
def test_every_mistake_pastes_into_a_notebook_as_the_exercise(assignment_id, mistake):
    """The round trip submits these as student code: they must define the exercise's function."""
    namespace = dict(vars(importlib.import_module(mistake.implementation.__module__)))
    exec(compile(mistake.as_student_code(), f"<{mistake.exercise}>", "exec"), namespace)
    pasted = namespace[mistake.exercise]
    assert pasted.__name__ == mistake.exercise
    exercise = hidden(assignment_id).EXERCISES[mistake.exercise]
    case = exercise.cases(np.random.default_rng(0))[0]
    with np.errstate(all="ignore"):  # as grading calls them: through the exercise's harness, if any
        outcome = [_outcome(f, copy.deepcopy(case.args), exercise.harness) for f in (pasted, mistake.implementation)]
    if isinstance(outcome[1], str):
        assert outcome[0] == outcome[1], "the pasted code does not crash like the mistake"
    else:
        assert describe_difference(*outcome, rtol=0, atol=0) is None, "the pasted code does not behave like the mistake"


def _outcome(function, args, harness=None):
    try:
        return harness(function, *args) if harness else function(*args)
    except Exception as error:  # noqa: BLE001 - a mistake may crash; it must crash the same way
        return f"{type(error).__name__}: {error}"


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_an_exercise_that_calls_another_is_graded_with_the_reference_one(assignment_id):
    """If a student's helper is wrong or missing (a syntax error leaves it undefined), only the
    helper loses its points: the exercises that call it must declare it in ``calls``."""
    import ast
    import textwrap

    exercises = hidden(assignment_id).EXERCISES
    for name, exercise in exercises.items():
        tree = ast.parse(textwrap.dedent(inspect.getsource(exercise.reference)))
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        undeclared = sorted((used & set(exercises)) - set(exercise.calls) - {name})
        assert exercise.harness or not undeclared, (
            f"{assignment_id}.{name} calls the exercise(s) {undeclared}; add them to its Exercise's calls=")

"""Students who learned the classic course: is their right code graded right, and their wrong code
named in their terms? (The corpus: :mod:`tests.classic`; the round trip submits it through nbgrader.)"""
import dataclasses
import functools
import importlib
import re

import nbformat
import pytest

from autograder.core import GradingError, grade_exercise
from autograder.mistakes import catalogue
from coursekit.classic import PHRASES
from coursebuild.paths import assignments, notebook_of

from ..classic import corpus, define, notebook_namespace

ASSIGNMENTS = assignments()


def hidden(assignment_id):
    return importlib.import_module(f"autograder.{assignment_id}")


@functools.lru_cache(maxsize=None)
def namespace(assignment_id):
    return notebook_namespace(assignment_id)


def solution_cells(assignment_id):
    """dict exercise -> the source notebook's solution cell."""
    notebook = nbformat.read(notebook_of(assignment_id), as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in notebook.cells
            if c.get("metadata", {}).get("nbgrader", {}).get("solution")}


def entries(kind):
    return [(a, name) for a in ASSIGNMENTS for name in hidden(a).EXERCISES if name in getattr(corpus(a), kind, {})]


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_every_exercise_has_a_right_and_a_wrong_classic_answer(assignment_id):
    exercises = set(hidden(assignment_id).EXERCISES)
    module = corpus(assignment_id)
    for kind in ("RIGHT", "WRONG"):
        written = set(getattr(module, kind))
        assert written == exercises, f"{kind}: no classic answer for {sorted(exercises - written)}; " \
                                     f"not exercises: {sorted(written - exercises)}"


def grade_on_the_cases(assignment_id, exercise, function):
    """Grade ``function`` on the exercise's cases, without its property checks. The checks that
    train a model take seconds; they run on the reference (tests/autograder/test_hidden_tests.py)
    and on every classic right answer through nbgrader (tests/test_nbgrader_roundtrip.py)."""
    spec = dataclasses.replace(hidden(assignment_id).EXERCISES[exercise], checks=())
    grade_exercise(spec, function, catalogue(assignment_id).for_exercise(exercise))


@pytest.mark.parametrize("assignment_id, exercise", entries("RIGHT"))
def test_right_classic_code_gets_full_marks(assignment_id, exercise):
    function = define(assignment_id, exercise, corpus(assignment_id).RIGHT[exercise], namespace(assignment_id))
    grade_on_the_cases(assignment_id, exercise, function)


@pytest.mark.parametrize("assignment_id, exercise", entries("WRONG"))
def test_wrong_classic_code_fails_and_the_feedback_says_what_to_change(assignment_id, exercise):
    function = define(assignment_id, exercise, corpus(assignment_id).WRONG[exercise], namespace(assignment_id))
    with pytest.raises(GradingError) as failure:
        hidden(assignment_id).grade(exercise, function, trusted=True)
    named = re.findall(r"^Likely mistake: (.+)$", str(failure.value), re.M)
    mistakes = {m.explanation for m in catalogue(assignment_id).for_exercise(exercise)}
    assert any(line in mistakes or any(phrase in line for phrase in PHRASES) for line in named), (
        f"the grader caught the mistake but did not name it (a catalogue entry of {exercise}, or an explanation "
        f"of the classic habit):\n{failure.value}")


@pytest.mark.parametrize("assignment_id, exercise", [(a, e) for a in ASSIGNMENTS for e in hidden(a).EXERCISES])
def test_the_source_notebooks_answer_gets_full_marks(assignment_id, exercise):
    """The source's answers, graded in this process on the exercise's cases (the round trip submits
    the classic ones; the book's run shows what the source's training cells reach)."""
    function = define(assignment_id, exercise, solution_cells(assignment_id)[exercise], namespace(assignment_id))
    grade_on_the_cases(assignment_id, exercise, function)

"""Does nbgrader's Validate, which students run before handing in, agree with the grader?

For every assignment, in a copy of its release folder as a student has it (no nbgrader_config.py,
no instructor package importable: a stand-in for each, first on PYTHONPATH, raises ImportError;
coursekit comes from the folder, which a kernel searches before the installed packages),
``nbgrader validate`` is run, as the JupyterLab button runs it, on the release notebook completed
with right answers but one typical mistake (the first catalogued mistake of the first exercise
that has one). The right answer of another exercise also writes to stderr in every way student
code does (a print to ``sys.stderr``, a warning, a log line, a write to file descriptor 2, as
TensorFlow's C++ logs do). Validate must fail on exactly one cell, naming the exercise: the
grader ignores stderr, and every other cell, right, must pass. For the first assignment the
notebook with every answer right is validated too, and must pass.

(One notebook per assignment rather than a right one and a wrong one: the cells that pass in the
first are the right notebook's, and Validate counts every cell that fails.)

Long training cells are left out, as in the round trip: no graded cell needs them, and the
book's build runs them. The assignments are validated in one nbgrader process per core.
"""
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from autograder.mistakes import catalogue
from coursebuild.paths import assignments, notebook_of
from coursebuild.release import venv_env

from .helpers import completed, set_solution
from .test_nbgrader_roundtrip import graded_exercises, groups, without_long_cells

INSTRUCTOR_ONLY = ("solutions", "autograder", "coursebuild")

#: Wraps a right answer ``{name}`` so that its first calls write to stderr four ways before answering.
NOISY = '''

import functools as _functools, logging as _logging, os as _os, sys as _sys, warnings as _warnings


def _noisy(function):
    calls = []

    @_functools.wraps(function)
    def noisy(*args, **kwargs):
        calls.append(1)
        if len(calls) <= 3:  # not on every call: a helper called thousands of times would flood the kernel's output
            print("debugging: called", file=_sys.stderr)
            _warnings.warn("a harmless warning from the student's code")
            _logging.getLogger("student").warning("a log line")
            _os.write(2, b"a line written to file descriptor 2, as C++ libraries log\\n")
        return function(*args, **kwargs)
    return noisy


{name} = _noisy({name})
'''


def validate(notebooks, blocker):
    """Run ``nbgrader validate`` on ``notebooks`` (paths) in one process, as a student would.

    Returns
    -------
    dict of Path -> str
        What Validate printed for each notebook.
    """
    env = venv_env()
    env["PYTHONPATH"] = str(blocker)
    env.pop("MPLBACKEND", None)
    # A kernel that sees this leaves file descriptors 1 and 2 uncaptured, unlike a student's.
    env.pop("PYTEST_CURRENT_TEST", None)
    # Unbuffered, the report of each notebook follows the log line that names it.
    env["PYTHONUNBUFFERED"] = "1"
    # Run from a folder with no nbgrader_config.py, as a student's (the blocker's own will do).
    result = subprocess.run([sys.executable, "-m", "nbgrader", "validate", *map(str, notebooks)], cwd=blocker,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=1800)
    assert result.returncode == 0, f"nbgrader validate failed to run:\n{result.stdout[-6000:]}"
    parts = re.split(r"^\[ValidateApp \| INFO\] Validating '(.+)'$", result.stdout, flags=re.M)
    return {Path(path): report for path, report in zip(parts[1::2], parts[2::2])}


def prepare(assignment_id, release_folder, folder):
    """Copy a release folder to ``folder`` and write the notebooks to validate there.

    Returns
    -------
    dict
        ``wrong`` (the path of the notebook with one typical mistake), ``right`` (the path of the
        notebook with every answer right, for the first assignment; else None), ``noisy`` (the
        exercise whose right answer writes to stderr, or None), ``exercise`` (the one that is
        wrong) and ``mistake``.
    """
    shutil.copytree(release_folder, folder)
    name = notebook_of(assignment_id).name
    source = nbformat.read(notebook_of(assignment_id), as_version=4)
    release = nbformat.read(folder / name, as_version=4)
    exercises = graded_exercises(source)
    right = completed(source, release)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in right.cells
               if c.metadata.get("nbgrader", {}).get("solution")}

    exercise = next(e for e in exercises if catalogue(assignment_id).for_exercise(e))
    mistake = catalogue(assignment_id).for_exercise(exercise)[0]
    noisy = next((e for e in exercises if e != exercise and f"def {e}(" in answers.get(e, "")), None)
    if noisy:
        right = set_solution(right, noisy, answers[noisy] + NOISY.format(name=noisy))
    nbformat.write(without_long_cells(set_solution(right, exercise, mistake.as_student_code())), folder / "wrong.ipynb")
    prepared = {"wrong": folder / "wrong.ipynb", "right": None, "noisy": noisy, "exercise": exercise,
                "mistake": mistake}
    if assignment_id == assignments()[0]:
        nbformat.write(without_long_cells(right), folder / "right.ipynb")
        prepared["right"] = folder / "right.ipynb"
    return prepared


@pytest.fixture(scope="module")
def blocker(tmp_path_factory):
    """A folder for PYTHONPATH whose modules stand in for what a student does not have."""
    folder = tmp_path_factory.mktemp("blocker")
    for package in INSTRUCTOR_ONLY:
        (folder / f"{package}.py").write_text(f"raise ImportError('{package} is for instructors only')\n")
    return folder


@pytest.fixture(scope="module")
def validated(built_course, blocker, tmp_path_factory):
    """dict assignment_id -> (prepared notebooks, reports): every assignment validated, in one
    nbgrader process per core, the assignments shared out by their running time."""
    root = tmp_path_factory.mktemp("validate")
    prepared = {a: prepare(a, built_course / "release" / a, root / a) for a in assignments()}
    parts = groups(assignments(), os.cpu_count() or 2)
    with ThreadPoolExecutor(max_workers=len(parts)) as pool:
        runs = pool.map(lambda part: validate([prepared[a][k] for a in part for k in ("right", "wrong")
                                               if prepared[a][k]], blocker), parts)
        reports = {path: report for run in runs for path, report in run.items()}
    return {a: (p, reports) for a, p in prepared.items()}


@pytest.mark.parametrize("assignment_id", assignments())
def test_validate_fails_exactly_the_typical_mistake(validated, assignment_id):
    prepared, reports = validated[assignment_id]
    wrong = reports.get(prepared["wrong"], "(not validated)")
    exercise, mistake, noisy = prepared["exercise"], prepared["mistake"], prepared["noisy"]
    assert "VALIDATION FAILED ON 1 CELL(S)" in wrong and f"{exercise}(" in wrong, (
        f"Validate should fail {exercise}, written with a typical mistake ({mistake.explanation}), name it, and pass "
        f"every other cell{f' (the answer of {noisy} writes to stderr)' if noisy else ''}; it printed:\n{wrong[:6000]}")
    if prepared["right"]:
        right = reports.get(prepared["right"], "(not validated)")
        assert "Success! Your notebook passes all the tests." in right and "VALIDATION FAILED" not in right, \
            f"Validate fails the right answers{f' ({noisy} writes to stderr)' if noisy else ''}:\n{right[:6000]}"

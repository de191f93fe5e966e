"""Does nbgrader's Validate, which students run before handing in, agree with the grader?

For every assignment, in a copy of its release folder as a student has it (no nbgrader_config.py,
no instructor package importable: a stand-in for each, first on PYTHONPATH, raises ImportError;
coursekit comes from the folder, which a kernel searches before the installed packages),
``nbgrader validate`` is run, as the JupyterLab button runs it, on two notebooks:

- the release notebook completed with right answers, whose first exercise also writes to stderr
  in every way student code does (a print to ``sys.stderr``, a warning, a log line, a write to
  file descriptor 2, as TensorFlow's C++ logs do). The grader ignores stderr; Validate must pass.
- the release notebook with one typical mistake (the first exercise's first catalogued
  mistake), cut after that exercise's test cell. Validate must fail, naming the exercise.

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

#: Wraps a right answer ``{name}`` so that every call writes to stderr four ways before answering.
NOISY = '''

import functools as _functools, logging as _logging, os as _os, sys as _sys, warnings as _warnings


def _noisy(function):
    @_functools.wraps(function)
    def noisy(*args, **kwargs):
        print("debugging: called", file=_sys.stderr)
        _warnings.warn("a harmless warning from the student's code")
        _logging.getLogger("student").warning("a log line")
        _os.write(2, b"a line written to file descriptor 2, as C++ libraries log\\n")
        return function(*args, **kwargs)
    return noisy


{name} = _noisy({name})
'''


def cut_after(notebook, grade_id):
    """A copy of ``notebook`` that ends with the cell ``grade_id``."""
    notebook = nbformat.from_dict(notebook)
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in notebook.cells]
    notebook.cells = notebook.cells[:ids.index(grade_id) + 1]
    return notebook


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
    """Copy a release folder to ``folder`` and write its right and wrong notebooks there.

    Returns
    -------
    dict
        ``right`` and ``wrong`` (their paths), ``noisy`` (whether the right answers write to
        stderr), ``exercise`` (the one that is wrong) and ``mistake``.
    """
    shutil.copytree(release_folder, folder)
    name = notebook_of(assignment_id).name
    source = nbformat.read(notebook_of(assignment_id), as_version=4)
    release = nbformat.read(folder / name, as_version=4)
    exercises = graded_exercises(source)
    right = completed(source, release)

    first = next(iter(exercises))
    answer = next(c.source for c in right.cells if c.metadata.get("nbgrader", {}).get("grade_id") == first)
    noisy = f"def {first}(" in answer
    if noisy:
        right = set_solution(right, first, answer + NOISY.format(name=first))
    nbformat.write(without_long_cells(right), folder / "right.ipynb")

    exercise = next(e for e in exercises if catalogue(assignment_id).for_exercise(e))
    mistake = catalogue(assignment_id).for_exercise(exercise)[0]
    wrong = cut_after(set_solution(right, exercise, mistake.as_student_code()), exercises[exercise])
    nbformat.write(wrong, folder / "wrong.ipynb")
    return {"right": folder / "right.ipynb", "wrong": folder / "wrong.ipynb", "noisy": noisy,
            "exercise": exercise, "mistake": mistake}


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
        runs = pool.map(lambda part: validate([prepared[a][k] for a in part for k in ("right", "wrong")], blocker),
                        parts)
        reports = {path: report for run in runs for path, report in run.items()}
    return {a: (p, reports) for a, p in prepared.items()}


@pytest.mark.parametrize("assignment_id", assignments())
def test_validate_passes_right_answers_and_fails_a_typical_mistake(validated, assignment_id):
    prepared, reports = validated[assignment_id]
    right, wrong = reports.get(prepared["right"], "(not validated)"), reports.get(prepared["wrong"], "(not validated)")
    assert "Success! Your notebook passes all the tests." in right and "VALIDATION FAILED" not in right, \
        f"Validate fails the right answers{' (which write to stderr)' if prepared['noisy'] else ''}:\n{right[:6000]}"
    exercise, mistake = prepared["exercise"], prepared["mistake"]
    assert "VALIDATION FAILED" in wrong and f"{exercise}(" in wrong, \
        (f"Validate should fail {exercise} written with a typical mistake ({mistake.explanation}) and name it; "
         f"it printed:\n{wrong[:4000]}")

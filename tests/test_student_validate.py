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
book's build runs them. Both notebooks are validated by one nbgrader process.
"""
import shutil
import subprocess
import sys

import nbformat
import pytest

from autograder.mistakes import catalogue
from coursebuild.paths import assignments, notebook_of
from coursebuild.release import venv_env

from .helpers import set_solution
from .test_nbgrader_roundtrip import graded_exercises, without_long_cells

INSTRUCTOR_ONLY = ("solutions", "autograder", "coursebuild")
SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")

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


def completed(source, release):
    """``release`` with every solution cell holding the source notebook's answer, as a student
    would write it (without nbgrader's solution markers)."""
    answers = {c.metadata.nbgrader["grade_id"]: c.source for c in source.cells
               if c.get("metadata", {}).get("nbgrader", {}).get("solution")}
    notebook = release
    for grade_id, code in answers.items():
        code = "\n".join(line for line in code.splitlines() if line.strip() not in SOLUTION_MARKERS)
        notebook = set_solution(notebook, grade_id, code)
    return notebook


def cut_after(notebook, grade_id):
    """A copy of ``notebook`` that ends with the cell ``grade_id``."""
    notebook = nbformat.from_dict(notebook)
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in notebook.cells]
    notebook.cells = notebook.cells[:ids.index(grade_id) + 1]
    return notebook


def validate(folder, notebooks, blocker):
    """Run ``nbgrader validate`` on ``notebooks`` (file names in ``folder``), as a student would."""
    env = venv_env()
    env["PYTHONPATH"] = str(blocker)
    env.pop("MPLBACKEND", None)
    # A kernel that sees this leaves file descriptors 1 and 2 uncaptured, unlike a student's.
    env.pop("PYTEST_CURRENT_TEST", None)
    return subprocess.run([sys.executable, "-m", "nbgrader", "validate", *notebooks], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=1800)


@pytest.fixture(scope="module")
def blocker(tmp_path_factory):
    """A folder for PYTHONPATH whose modules stand in for what a student does not have."""
    folder = tmp_path_factory.mktemp("blocker")
    for package in INSTRUCTOR_ONLY:
        (folder / f"{package}.py").write_text(f"raise ImportError('{package} is for instructors only')\n")
    return folder


@pytest.mark.parametrize("assignment_id", assignments())
def test_validate_passes_right_answers_and_fails_a_typical_mistake(built_course, assignment_id, blocker, tmp_path):
    folder = tmp_path / assignment_id
    shutil.copytree(built_course / "release" / assignment_id, folder)
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

    result = validate(folder, ["right.ipynb", "wrong.ipynb"], blocker)
    assert result.returncode == 0, f"nbgrader validate failed to run:\n{result.stdout}\n{result.stderr}"
    # The reports come in order, one per notebook (with, between them, the kernels' echo of what
    # reached their file descriptors, as ipykernel copies it to the terminal).
    out = result.stdout
    passed, failed = out.find("Success! Your notebook passes all the tests."), out.find("VALIDATION FAILED")
    assert passed != -1 and (failed == -1 or passed < failed), \
        f"Validate fails the right answers{' (which write to stderr)' if noisy else ''}:\n{out[:6000]}"
    assert failed != -1 and f"{exercise}(" in out[failed:], \
        (f"Validate should fail {exercise} written with a typical mistake ({mistake.explanation}) and name it; "
         f"it printed:\n{out[passed:][:4000]}")

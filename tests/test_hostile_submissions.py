"""Does grading hold against bad and hostile submissions?

A corpus of submissions of the numpy assignment, each made from the source notebook by a small
edit, is graded in one scratch course by real ``nbgrader autograde``. Each kind must get its
stated result without crashing the run for the others or changing anyone else's grade (a
student who submits the source notebook as it is, graded in the same run, keeps full marks).
A runaway loop (the per-cell timeout) is in the round trip, tests/test_nbgrader_roundtrip.py.
"""
import json

import nbformat
import pytest

from autograder.core import FLAG
from coursebuild.paths import notebook_of

from .helpers import autograde, copy_notebook, make_course, scores, set_solution, submit

ASSIGNMENT = "c1w2a_numpy_basics"


def _index(notebook, grade_id):
    return next(i for i, c in enumerate(notebook.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _without(notebook, grade_id):
    notebook = copy_notebook(notebook)
    del notebook.cells[_index(notebook, grade_id)]
    return notebook


def _test_before_solution(notebook, exercise):
    notebook = copy_notebook(notebook)
    test = notebook.cells.pop(_index(notebook, f"test_{exercise}"))
    notebook.cells.insert(_index(notebook, exercise), test)
    return notebook


def _edited_test(notebook, grade_id, code):
    notebook = copy_notebook(notebook)
    notebook.cells[_index(notebook, grade_id)].source = code
    return notebook


def _empty(notebook):
    notebook = copy_notebook(notebook)
    notebook.cells = []
    return notebook


def _wrong_values(source):
    notebook = set_solution(source, "L1", "def L1(yhat, y):\n    return [1.0]\n")
    notebook = set_solution(notebook, "L2", "def L2(yhat, y):\n    return np.zeros((3, 3))\n")
    notebook = set_solution(notebook, "softmax", "def softmax(x):\n    return np.full(x.shape, np.nan)\n")
    notebook = set_solution(notebook, "image2vector", "def image2vector(image):\n    return np.zeros(2 * 10**7)\n")
    return set_solution(notebook, "normalize_rows", "def normalize_rows(x):\n    return np.zeros(x.shape, dtype=int)\n")


READ_REFERENCE = """import importlib.util
path = importlib.util.find_spec("solutions.c1w2a_numpy_basics").origin
exec(compile(open(path).read(), path, "exec"))  # every reference function, L1 among them
"""
PATCH_NUMPY = """np.allclose = lambda *args, **kwargs: True  # every comparison passes?
def basic_sigmoid(x):
    return 0.0
"""

CLASSIC_SIGMOID = "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))  # overflows at x = -1000, to the right 0\n"
DEBUG_PRINT = """import sys
def softmax(x):
    print("debugging softmax", x.shape, file=sys.stderr)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
"""


def _stderr_but_right(source):
    return set_solution(set_solution(source, "sigmoid", CLASSIC_SIGMOID), "softmax", DEBUG_PRINT)


ALL = {"test_basic_sigmoid", "test_sigmoid", "test_sigmoid_derivative", "test_image2vector", "test_normalize_rows",
       "test_softmax", "test_L1", "test_L2"}

#: student -> (how the submission is made from the source notebook, the test cells that must score
#: zero (all others full marks), text that the autograded notebook must show)
CORPUS = {
    "control": (lambda nb: nb, set(), []),
    "exception": (lambda nb: set_solution(nb, "basic_sigmoid", "def basic_sigmoid(x):\n    raise ValueError('oops')\n"),
                  {"test_basic_sigmoid"}, ["ValueError", "oops"]),
    "syntax-error": (lambda nb: set_solution(nb, "sigmoid", "def sigmoid(x)\n    return 1\n"), {"test_sigmoid"},
                     ["SyntaxError", "Not checking sigmoid_derivative yet"]),
    "deleted-solution": (lambda nb: _without(nb, "sigmoid_derivative"), {"test_sigmoid_derivative"},
                         ["name 'sigmoid_derivative' is not defined"]),
    "test-before-solution": (lambda nb: _test_before_solution(nb, "image2vector"), {"test_image2vector"}, []),
    "edited-test": (lambda nb: _edited_test(nb, "test_normalize_rows", "pass  # all good"), set(), []),
    "deleted-test": (lambda nb: _without(nb, "test_softmax"), set(), ["was missing from the submission"]),
    "wrong-values": (_wrong_values, {"test_L1", "test_L2", "test_softmax", "test_image2vector", "test_normalize_rows"},
                     ["should be a number, but it is [1.0]", "array of shape (3, 3)", "contains NaN",
                      "20,000,000 elements", "has dtype int64"]),
    "imports-reference": (lambda nb: set_solution(nb, "L2", "from solutions.c1w2a_numpy_basics import L2\n"), {"test_L2"},
                          [FLAG, "L2 comes from solutions.c1w2a_numpy_basics"]),
    "reads-reference": (lambda nb: set_solution(nb, "L1", READ_REFERENCE), {"test_L1"}, [FLAG, "L1 comes from"]),
    "patches-numpy": (lambda nb: set_solution(nb, "basic_sigmoid", PATCH_NUMPY), ALL,
                      [FLAG, "numpy.allclose was replaced by the notebook"]),
    "empty-notebook": (_empty, ALL, []),
    # Right answers that warn or print to stderr keep their points (nbgrader alone would give zero).
    "stderr-but-right": (_stderr_but_right, set(), ["RuntimeWarning: overflow encountered in exp", "costs no points"]),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("hostile"), ASSIGNMENT)
    name = notebook_of(ASSIGNMENT, course / "source").name
    source = nbformat.read(course / "source" / ASSIGNMENT / name, as_version=4)
    for student, (make, _, _) in CORPUS.items():
        submit(course, ASSIGNMENT, student, make(source))
    broken = course / "submitted" / "not-json" / ASSIGNMENT
    broken.mkdir(parents=True)
    (broken / name).write_text('{"cells": [', encoding="utf-8")  # a notebook cut short: not valid JSON
    return course, name, autograde(course, ASSIGNMENT)


def _outputs(course, name, student):
    notebook = json.loads((course / "autograded" / student / ASSIGNMENT / name).read_text())
    return "\n".join(json.dumps(cell.get("outputs", [])) + cell["source"] if isinstance(cell["source"], str)
                     else json.dumps(cell.get("outputs", [])) + "".join(cell["source"]) for cell in notebook["cells"])


@pytest.mark.parametrize("student", CORPUS)
def test_each_kind_of_submission_gets_its_stated_result(graded, student):
    course, name, _ = graded
    _, zero, shown = CORPUS[student]
    got = scores(course, ASSIGNMENT, student)
    assert set(got) == ALL
    wrong = {k: v for k, v in got.items() if (k in zero and v[0] != 0) or (k not in zero and v[0] != v[1])}
    assert not wrong, f"{student}: expected zero exactly on {sorted(zero)}, got {got}"
    if shown:
        text = _outputs(course, name, student)
        missing = [s for s in shown if s not in text]
        assert not missing, f"{student}: the autograded notebook does not say {missing}"


def test_a_notebook_that_is_not_json_scores_zero_and_the_others_are_graded(graded):
    course, _, result = graded
    assert "Notebook does not appear to be JSON" in result.stdout + result.stderr
    assert "not-json" in result.stdout + result.stderr, "nbgrader's log names the student whose notebook failed"
    assert all(score == 0 for score, _ in scores(course, ASSIGNMENT, "not-json").values())

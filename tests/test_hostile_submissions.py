"""Does grading hold against bad and hostile submissions?

A corpus of submissions of the numpy assignment, each made from the source notebook by a small
edit, is graded in one scratch course as ``make grade`` grades a class (real ``nbgrader autograde``
in parallel processes, every kernel in the sandbox of coursebuild/sandbox.py). Each kind must get its stated result without crashing the
run for the others or changing anyone else's grade (a student who submits the source notebook as
it is, graded in the same run, keeps full marks). The hostile ones try to escape or fool the
grader: write outside their folder, read the reference, other students' work or the gradebook,
patch the grading entry points or numpy, exhaust memory or processes, reach the network, print
ten times the output a cell keeps, kill or hang their kernel. None may change anything outside its own grade, and a
test cell that "passes" without the grader's verdict is flagged.
A runaway loop (the per-cell timeout) is in the round trip, tests/test_nbgrader_roundtrip.py.
"""
import hashlib
import io
import json

import nbformat
import pytest

from autograder.core import FLAG
from coursebuild import classgrade
from coursebuild.paths import ROOT, notebook_of

from .helpers import copy_notebook, make_course, scores, set_solution, submit

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
spec = importlib.util.find_spec("solutions.c1w2a_numpy_basics")
print("reference found:", spec)
exec(compile(open(spec.origin).read(), spec.origin, "exec"))  # every reference function, L1 among them
"""
PATCH_NUMPY = """np.allclose = lambda *args, **kwargs: True  # every comparison passes?
np.testing.assert_allclose = lambda *args, **kwargs: None
def basic_sigmoid(x):
    return 0.0
"""

#: The issue's attack: every answer wrong, and the grading entry points replaced by functions that
#: do nothing, so that every test cell finishes without an error; print made to return a score.
PATCH_GRADER = """import coursekit.checks, coursekit.grading
coursekit.grading.grade = lambda *args, **kwargs: None
coursekit.checks.expect = expect = lambda *args, **kwargs: None
def print(*args, **kwargs):  # a test cell's last line, print(...), now has a value: nbgrader's partial credit?
    return 1.0
def basic_sigmoid(x):
    return 0 * x
"""
WRONG_EVERYWHERE = {
    "sigmoid": "def sigmoid(x):\n    return 0 * x\n",
    "sigmoid_derivative": "def sigmoid_derivative(x):\n    return 0 * x\n",
    "image2vector": "def image2vector(image):\n    return 0 * image.reshape(-1, 1)\n",
    "normalize_rows": "def normalize_rows(x):\n    return 0 * x\n",
    "softmax": "def softmax(x):\n    return 0 * x\n",
    "L1": "def L1(yhat, y):\n    return 0 * np.sum(y)\n",
    "L2": "def L2(yhat, y):\n    return 0 * np.sum(y)\n",
}

#: The client in the kernel told that every answer passed: the visible checks are silenced too.
PATCH_CLIENT = """import coursekit.grading
coursekit.grading._Connection.grade = lambda self, name, function: {"passed": True, "message": ""}
expect = lambda *args, **kwargs: None
def L1(yhat, y):
    return 0.0
"""

#: A client of the student's own, asking the grader directly (outside the test cell) to grade L2.
FORGE_REQUEST = """import os, socket
from coursekit import wire
sock = socket.socket(socket.AF_UNIX)
sock.connect(os.environ["COURSE_GRADER"])
wire.send(sock, {"op": "grade", "exercise": "L2"})
print("grader answered:", wire.receive(sock)[0])
""" + "def L2(yhat, y):\n    diff = y - yhat\n    return np.dot(diff, diff)\n"

#: A wrong L1 that makes its test cell show a result, which nbgrader would read as partial credit.
PARTIAL_CREDIT = """import sys
def L1(yhat, y):
    sys.displayhook(1.0)  # an execute_result in the test cell
    return 0.0
"""

RIGHT_L1 = "def L1(yhat, y):\n    return np.sum(np.abs(y - yhat))\n"


def _tries(code):
    """Solution-cell code that runs each line of ``code`` and prints what happened, then defines a right L1."""
    lines = [f"try:\n    {line}\n    print('DONE: ' + {line!r})\nexcept BaseException as error:\n"
             f"    print('REFUSED: ' + {line!r}, type(error).__name__)\n" for line in code]
    return "".join(lines) + RIGHT_L1


def _escapes(course):
    """Writes and reads outside the sandbox's folders, at the host's real paths."""
    return _tries([
        f"open({str(ROOT / 'autograder' / 'pwned.py')!r}, 'w').write('GRADE = 1')",
        f"open({str(course / 'source' / 'pwned.txt')!r}, 'w').write('x')",
        "open('/assignment/pwned.txt', 'w').write('x')",
        f"open({str(ROOT / '.venv' / 'pwned.txt')!r}, 'w').write('x')",
        "open('/usr/pwned.txt', 'w').write('x')",
        f"print(open({str(ROOT / 'solutions' / 'c1w2a_numpy_basics.py')!r}).read()[:200])",
        f"print(open({str(ROOT / 'autograder' / 'mistakes' / 'c1w2a_numpy_basics.py')!r}).read()[:200])",
        f"print(os.listdir({str(course / 'submitted')!r}))",
        f"print(open({str(course / 'submitted' / 'control' / ASSIGNMENT / 'numpy_basics.ipynb')!r}).read()[:100])",
        f"open({str(course / 'gradebook.db')!r}, 'r+b').write(b'pwned')",
        "import sqlite3; sqlite3.connect('gradebook.db').execute('create table pwned (x)')",
        "print(open('/etc/shadow').read()[:20])",
    ]).replace("try:", "import os\ntry:", 1)


NETWORK = _tries(["import socket; socket.create_connection(('1.1.1.1', 80), timeout=3)",
                  "import socket; socket.create_connection(('127.0.0.1', 22), timeout=3)",
                  "import urllib.request; urllib.request.urlopen('http://pypi.org', timeout=3)"])
MEMORY = _tries(["big = np.ones(40 * 2**30 // 8)", "big = bytearray(12 * 2**30)"]).replace(RIGHT_L1, (
    "def L1(yhat, y):\n    hog = np.ones(20 * 2**30 // 8)  # 20 GB on the way to the answer\n"
    "    return np.sum(np.abs(y - yhat))\n"))
FORK_BOMB = """import os, time
def _grow():
    while True:
        try:
            os.fork()
        except OSError:
            time.sleep(0.2)
try:
    if os.fork() == 0:
        _grow()
except OSError:
    pass
time.sleep(3)
""" + RIGHT_L1
HUGE_OUTPUT = "print('x' * 40_000_000)\n" + RIGHT_L1  # ten times what a cell keeps (Limits.output)
KILL_KERNEL = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n" + RIGHT_L1
SLEEP_FOREVER = ("import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)  # ignore the interrupt\n"
                 "time.sleep(10**6)\n" + RIGHT_L1)
PATCH_BUILTINS = """import builtins
builtins.isinstance = lambda *args: True
builtins.AssertionError = type("Quiet", (BaseException,), {})
def L1(yhat, y):
    return 0.0
"""

CLASSIC_SIGMOID = "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))  # overflows at x = -1000, to the right 0\n"
DEBUG_PRINT = """import sys
def softmax(x):
    print("debugging softmax", x.shape, file=sys.stderr)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
"""


def _all_wrong(notebook):
    for exercise, code in WRONG_EVERYWHERE.items():
        notebook = set_solution(notebook, exercise, code)
    return notebook


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
    # The sandbox shows no course code: the reference cannot be imported or read.
    "imports-reference": (lambda nb: set_solution(nb, "L2", "from solutions.c1w2a_numpy_basics import L2\n"), {"test_L2"},
                          ["No module named 'solutions'"]),
    "reads-reference": (lambda nb: set_solution(nb, "L1", READ_REFERENCE), {"test_L1"}, ["No module named 'solutions'"]),
    # Patching numpy in the kernel changes no comparison of the grader's: only the wrong answer loses.
    "patches-numpy": (lambda nb: set_solution(nb, "basic_sigmoid", PATCH_NUMPY), {"test_basic_sigmoid"}, []),
    "patches-grader": (lambda nb: _all_wrong(set_solution(nb, "basic_sigmoid", PATCH_GRADER)), ALL,
                       [FLAG, "recorded no pass for basic_sigmoid"]),
    # The patched client answers for L2 too (right, but never graded): the student's own doing.
    "patches-client": (lambda nb: set_solution(nb, "L1", PATCH_CLIENT), {"test_L1", "test_L2"},
                       [FLAG, "recorded no pass for L1"]),
    # Broken builtins hang the kernel itself: it is stopped, and the cells after it score zero.
    "patches-builtins": (lambda nb: set_solution(nb, "L1", PATCH_BUILTINS), {"test_L1", "test_L2"}, ["KernelDied"]),
    "forges-partial-credit": (lambda nb: set_solution(nb, "L1", PARTIAL_CREDIT), {"test_L1"}, []),
    "forges-request": (lambda nb: set_solution(nb, "L2", FORGE_REQUEST), set(),
                       [FLAG, "outside the test cell that grades it"]),
    "escapes": (None, set(), ["REFUSED: open(", "REFUSED: print(os.listdir(", "REFUSED: print(open('/etc/shadow')"]),
    "network": (lambda nb: set_solution(nb, "L1", NETWORK), set(), ["REFUSED: import socket", "REFUSED: import urllib"]),
    "exhausts-memory": (lambda nb: set_solution(nb, "L1", MEMORY), {"test_L1"}, ["REFUSED: big = np.ones", "MemoryError"]),
    "fork-bomb": (lambda nb: set_solution(nb, "L1", FORK_BOMB), set(), []),
    "huge-output": (lambda nb: set_solution(nb, "L1", HUGE_OUTPUT), set(), ["output truncated"]),
    "kills-kernel": (lambda nb: set_solution(nb, "L1", KILL_KERNEL), {"test_L1", "test_L2"}, ["KernelDied"]),
    "sleeps-forever": (lambda nb: set_solution(nb, "L1", SLEEP_FOREVER), {"test_L1", "test_L2"}, ["KernelDied"]),
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
        submit(course, ASSIGNMENT, student, make(source) if make else set_solution(source, "L1", _escapes(course)))
    broken = course / "submitted" / "not-json" / ASSIGNMENT
    broken.mkdir(parents=True)
    (broken / name).write_text('{"cells": [', encoding="utf-8")  # a notebook cut short: not valid JSON
    before = _fingerprint(course)
    outcomes = classgrade.grade_class(ASSIGNMENT, course, jobs=2, progress=io.StringIO())
    return course, name, {o.student: o for o in outcomes}, before


def _fingerprint(course):
    """SHA-256 of every file of the course but what autograding writes, and of the instructors' code."""
    files = [p for p in sorted(course.rglob("*")) if p.is_file() and not p.relative_to(course).parts[0]
             in ("autograded", "feedback", "gradebook.db", "reports", ".coursebuild", "_build")]
    files += sorted(p for folder in ("autograder", "solutions", "coursekit", "coursebuild") for p in (ROOT / folder).rglob("*.py"))
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _outputs(course, name, student):
    notebook = json.loads((course / "autograded" / student / ASSIGNMENT / name).read_text())
    return "\n".join(json.dumps(cell.get("outputs", [])) + cell["source"] if isinstance(cell["source"], str)
                     else json.dumps(cell.get("outputs", [])) + "".join(cell["source"]) for cell in notebook["cells"])


@pytest.mark.parametrize("student", CORPUS)
def test_each_kind_of_submission_gets_its_stated_result(graded, student):
    course, name, *_ = graded
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
    course, _, outcomes, _ = graded
    assert "Notebook does not appear to be JSON" in outcomes["not-json"].error
    assert all(score == 0 for score, _ in scores(course, ASSIGNMENT, "not-json").values())


def test_no_submission_changed_anything_outside_its_own_grade(graded):
    """The course's files, the submissions and the instructors' code are byte for byte as before;
    the files the escapes tried to create do not exist; the gradebook holds nbgrader's tables only."""
    import sqlite3

    course, *_, before = graded
    assert _fingerprint(course) == before
    for path in (ROOT / "autograder" / "pwned.py", course / "source" / "pwned.txt", ROOT / ".venv" / "pwned.txt"):
        assert not path.exists(), f"a submission wrote {path}"
    with sqlite3.connect(course / "gradebook.db") as db:
        tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    assert "pwned" not in tables


def test_the_report_flags_exactly_the_cheats_and_says_why(graded, tmp_path):
    """The report flags the submissions whose test cells finished without the grader's pass, or
    that called the grader themselves, with the reason; no other submission is flagged."""
    _, _, outcomes, _ = graded
    assert {s for s, o in outcomes.items() if o.flagged} == {"patches-grader", "patches-client", "forges-request"}
    report = classgrade.write_report(ASSIGNMENT, list(outcomes.values()), tmp_path).read_text()
    assert "| patches-grader | 0 / 8 |" in report and "FLAGGED: The test cell finished, but the course's grader recorded " \
        "no pass for basic_sigmoid" in report, report
    assert "FLAGGED: The notebook asked the grader to grade 'L2' outside the test cell" in report, report

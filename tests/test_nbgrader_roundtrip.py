"""Does nbgrader grade each assignment fairly, end to end?

For every assignment, in a scratch course: the untouched release notebook gets zero on every
graded cell without crashing the run; and submissions written as a student of the classic course
would write them (tests/classic: right answers, and every other exercise wrong in a typical way)
lose exactly the wrong exercises' points, and their feedback names each mistake. Two
complementary submissions (every other exercise wrong, then the rest) cover every exercise in two
runs, and show that an exercise is graded on its own code even when the helpers it calls are
wrong. They also give full marks: every graded cell earns its points in the submission where its
exercise holds the right answer. The source notebook's own answers are graded in this process
(tests/autograder/test_classic.py): through nbgrader they would only repeat what these runs show.

A runaway loop, cut off by the per-cell timeout, is submitted for one assignment only: the
timeout is the same mechanism for every assignment, and each one costs its full length. It goes
in the first exercise that no other code cell mentions, so that only its test cell waits the timeout out.
Every submission leaves out the long ungraded cells (training runs, which declare a timeout of
more than a minute): no graded cell needs them (the wrong submissions prove it, exercise by
exercise), the book's build runs them, and here they would double the run's time.
The assignments are graded in one scratch course per core, in parallel, each course by one
nbgrader process for all its assignments and submissions.
"""
import functools
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest

from autograder.mistakes import catalogue
from coursebuild.grading import is_long_cell
from coursebuild.feedback import exercise_of
from coursebuild.leaks import squeeze
from coursebuild.paths import assignments, notebook_of
from coursekit.classic import PHRASES

from .classic import corpus
from .helpers import (autograde, cell_output_text, copy_notebook, feedback_text, generate_feedback, make_course,
                      scores, set_solution, submit)

RUNAWAY_LOOP = "def {name}(*args):\n    while True:\n        pass\n"

#: The courses are prepared one at a time (only nbgrader's runs are parallel): CPython 3.11.7's
#: parser is not safe in two threads at once ("SystemError: AST constructor recursion depth
#: mismatch", when both build a course's helper modules).
PREPARING = threading.Lock()


def graded_exercises(notebook):
    """dict solution grade_id -> grade_id of the test cell that grades it (the next graded cell)."""
    pairs, pending = {}, None
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            pending = meta["grade_id"]
        elif meta.get("grade") and pending:
            pairs[pending] = meta["grade_id"]
            pending = None
    return pairs


def without_long_cells(notebook):
    """A copy of ``notebook`` without its ungraded cells that declare a timeout over a minute."""
    notebook = copy_notebook(notebook)
    notebook.cells = [cell for cell in notebook.cells if "nbgrader" in cell.get("metadata", {}) or not is_long_cell(cell)]
    return notebook


#: Assignments whose kernels import TensorFlow take about three times as long to grade.
HEAVY = ("c2w3a", "c4w")


def groups(ids, count):
    """``ids`` in ``count`` groups of about equal grading time (TensorFlow assignments weigh 3)."""
    weight = {a: 3 if a.startswith(HEAVY) else 1 for a in ids}
    result = [[] for _ in range(count)]
    for assignment_id in sorted(ids, key=lambda a: -weight[a]):
        min(result, key=lambda g: sum(weight[a] for a in g)).append(assignment_id)
    return [sorted(g) for g in result if g]


@functools.lru_cache(maxsize=None)
def runaway_target():
    """(assignment_id, exercise) for the runaway loop: the first exercise that no code cell but its
    own solution and test cells mentions (each cell that calls the looping function waits out the
    timeout; its test cell is cut off once), else the first assignment's first exercise."""
    for assignment_id in assignments():
        source = nbformat.read(notebook_of(assignment_id), as_version=4)
        for exercise, test in graded_exercises(source).items():
            if not any(re.search(rf"\b{exercise}\b", cell.source) for cell in source.cells if cell.cell_type == "code"
                       and cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") not in (exercise, test)):
                return assignment_id, exercise
    first = assignments()[0]
    return first, next(iter(graded_exercises(nbformat.read(notebook_of(first), as_version=4))))


def submit_all(course, assignment_id):
    """Submit every kind of submission of one assignment; return its exercises and the wrong ones.

    The answers are those of a student of the classic course (:mod:`tests.classic`): right in one
    of the two complementary submissions, wrong in the other (the catalogue's first mistake where
    the corpus has no classic answer).
    """
    name = notebook_of(assignment_id, course / "source").name
    source = nbformat.read(course / "source" / assignment_id / name, as_version=4)
    release = nbformat.read(course / "release" / assignment_id / name, as_version=4)
    exercises = graded_exercises(source)
    classic = corpus(assignment_id)

    submit(course, assignment_id, "untouched", without_long_cells(release))
    right = source
    for exercise, code in classic.RIGHT.items():
        right = set_solution(right, exercise, code)
    names = [n for n in exercises if n in classic.WRONG or catalogue(assignment_id).for_exercise(n)]
    wrong = {"wrong-even": names[0::2], "wrong-odd": names[1::2]}
    for student, group in wrong.items():
        notebook = right
        for exercise in group:
            notebook = set_solution(notebook, exercise, wrong_code(assignment_id, exercise))
        submit(course, assignment_id, student, without_long_cells(notebook))
    if assignment_id == runaway_target()[0]:
        looping = runaway_target()[1]
        submit(course, assignment_id, "runaway-loop",
               without_long_cells(set_solution(right, looping, RUNAWAY_LOOP.format(name=looping))))
        wrong["runaway-loop"] = [looping]
    return exercises, wrong


def wrong_code(assignment_id, exercise):
    """The wrong answer submitted for an exercise: the classic corpus's, else the catalogue's first mistake."""
    classic = corpus(assignment_id)
    if exercise in classic.WRONG:
        return classic.WRONG[exercise]
    return catalogue(assignment_id).for_exercise(exercise)[0].as_student_code()


def named_mistake(assignment_id, exercise, text):
    """The explanation that ``text`` (a test cell's output) gives after "Likely mistake:", if it is
    one the grader may give for the exercise's submitted wrong answer: a catalogue entry of the
    exercise, or for classic code also an explanation of its error or habit (coursekit.classic);
    else None."""
    named = re.findall(r"Likely mistake: (.+)", re.sub(r"\x1b\[[0-9;]*m", "", text))
    mistakes = {m.explanation for m in catalogue(assignment_id).for_exercise(exercise)}
    if exercise not in corpus(assignment_id).WRONG:
        mistakes = {catalogue(assignment_id).for_exercise(exercise)[0].explanation}
        phrases = ()
    else:
        phrases = PHRASES
    for line in named:
        if line.strip() in mistakes or any(phrase in line for phrase in phrases):
            return line.strip()
    return None


def grade_submissions(assignment_ids, folder):
    """Make one scratch course for several assignments, submit every kind of submission of each,
    and autograde and write feedback for all of them (one nbgrader process each: starting nbgrader
    costs seconds).

    Returns
    -------
    dict of assignment_id -> (course, assignment_id, exercises, wrong, result, feedback)
        ``wrong`` maps each wrong submission to the exercises it got wrong; ``result`` and
        ``feedback`` are the completed ``nbgrader autograde`` and ``generate_feedback`` processes.
    """
    with PREPARING:
        course = make_course(folder, assignment_ids)
        submitted = {assignment_id: submit_all(course, assignment_id) for assignment_id in assignment_ids}
    result = autograde(course, "*")
    feedback = generate_feedback(course, "*") if result.returncode == 0 else None
    return {a: (course, a, *submitted[a], result, feedback) for a in assignment_ids}


@pytest.fixture(scope="session")
def graded_courses(tmp_path_factory):
    """Every assignment, graded: the assignments are split into one course per core, graded in
    parallel (the work runs in subprocesses)."""
    workers = os.cpu_count() or 2
    parts = groups(assignments(), workers)
    folders = [tmp_path_factory.mktemp(f"roundtrip{i}") for i in range(len(parts))]
    graded = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(grade_submissions, parts, folders):
            graded.update(part)
    return graded


@pytest.fixture(params=assignments())
def graded_course(request, graded_courses):
    """One assignment's graded scratch course: course, assignment_id, exercises, wrong."""
    *graded, result, feedback = graded_courses[request.param]
    assert result.returncode == 0, f"nbgrader autograde failed:\n{result.stdout}\n{result.stderr}"
    assert feedback.returncode == 0, f"nbgrader generate_feedback failed:\n{feedback.stdout}\n{feedback.stderr}"
    return graded


def test_classic_answers_get_full_marks(graded_course):
    """Every graded cell earns its points in a complementary submission in which its exercise
    holds a classic student's right answer (long training cells left out). The source notebook's
    own answers are graded in tests/autograder/test_classic.py."""
    course, assignment_id, exercises, wrong = graded_course
    complementary = ("wrong-even", "wrong-odd")
    earned = {}
    for student in complementary:
        lost = {exercises[e] for e in wrong[student]}
        for cell, (score, points) in scores(course, assignment_id, student).items():
            if cell not in lost:
                earned.setdefault(cell, []).append(score == points)
    graded = set(scores(course, assignment_id, complementary[0]))
    assert graded and set(earned) == graded, (f"graded cells never submitted with a right answer: "
                                              f"{sorted(graded - set(earned))}")
    short = sorted(cell for cell, full in earned.items() if not all(full))
    assert not short, f"right answers lost points on {short}; see {course / 'autograded'}"


def test_untouched_release_gets_zero_on_every_graded_cell(graded_course):
    course, assignment_id, _, _ = graded_course
    got = scores(course, assignment_id, "untouched")
    earned = {k: v for k, v in got.items() if v[0] != 0}
    assert got and not earned, f"an unanswered notebook earned points on {earned}"


def test_every_exercise_has_a_typical_mistake_to_submit(graded_course):
    _, assignment_id, exercises, wrong = graded_course
    covered = {exercise for group in wrong.values() for exercise in group}
    assert covered >= set(exercises), (f"{assignment_id}: exercises without any typical mistake in "
                                       f"autograder.mistakes: {sorted(set(exercises) - covered)}")


def test_wrong_exercises_lose_exactly_their_points(graded_course):
    course, assignment_id, exercises, wrong = graded_course
    for student, group in wrong.items():
        got = scores(course, assignment_id, student)
        lost = {exercises[e] for e in group}
        kept = {k: v for k, v in got.items() if k in lost and v[0] != 0}
        assert not kept, f"{student}: {sorted(kept)} should score 0 (their exercise is wrong), got {kept}"
        others = {k: v for k, v in got.items() if k not in lost and v[0] != v[1]}
        assert not others, (f"{student}: only {sorted(lost)} should lose points, but {others} did too; "
                            f"see the autograded notebook in {course / 'autograded' / student}")


def test_feedback_names_each_typical_mistake(graded_course):
    """The feedback HTML a student receives explains a wrong exercise by its typical mistake."""
    course, assignment_id, exercises, wrong = graded_course
    for student, group in wrong.items():
        text = squeeze(feedback_text(course, assignment_id, student))
        if student == "runaway-loop":
            assert squeeze(f"{group[0]} was interrupted before it finished") in text, (
                f"the feedback of a loop stopped by the time limit should say so; see {course / 'feedback' / student}")
            continue
        assert "_grade_case" not in text, "the grader's own frames are hidden from the traceback in the feedback"
        for hidden in ("HIDDEN TESTS", "grade(\"", "coursekit/grading.py"):
            assert hidden not in text, f"{student}'s feedback shows {hidden!r}: only the verdict and its explanation"
        for exercise in group:
            label = exercise_of(exercises[exercise])
            assert squeeze(f"{label} (Score: 0.0 /") in text, f"the feedback's index names {label}, not 'Test cell'"
            output = cell_output_text(course, assignment_id, student, exercises[exercise])
            named = named_mistake(assignment_id, exercise, output)
            assert named, (f"{student}'s {exercises[exercise]} does not name the mistake in {exercise}:\n{output[-1500:]}")
            assert squeeze(f"Likely mistake: {named}") in text, (
                f"{student}'s feedback page does not show the mistake named in {exercise}; see {course / 'feedback' / student}")

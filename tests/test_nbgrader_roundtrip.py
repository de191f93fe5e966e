"""Does nbgrader grade each assignment fairly, end to end?

For every assignment, in a scratch course: the source notebook submitted as is gets full marks;
the untouched release notebook gets zero on every graded cell without crashing the run; and a
submission with one exercise wrong in a typical way (from the catalogue in autograder.mistakes)
loses exactly that exercise's points, however the others are graded.
"""
import nbformat
import pytest

from autograder.mistakes import catalogue
from coursebuild.paths import assignments, notebook_of

from .helpers import autograde, make_course, scores, set_solution, submit

RUNAWAY_LOOP = "def {name}(*args):\n    while True:\n        pass\n"


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


@pytest.fixture(scope="module", params=assignments())
def graded_course(request, tmp_path_factory):
    """A scratch course where every kind of submission of one assignment has been autograded."""
    assignment_id = request.param
    course = make_course(tmp_path_factory.mktemp(assignment_id), assignment_id)
    name = notebook_of(assignment_id, course / "source").name
    source = nbformat.read(course / "source" / assignment_id / name, as_version=4)
    release = nbformat.read(course / "release" / assignment_id / name, as_version=4)
    exercises = graded_exercises(source)

    submit(course, assignment_id, "perfect", source)
    submit(course, assignment_id, "untouched", release)
    wrong = {}
    for exercise in exercises:
        mistakes = catalogue(assignment_id).for_exercise(exercise)
        if mistakes:
            student = f"wrong-{exercise}"
            submit(course, assignment_id, student, set_solution(source, exercise, mistakes[0].as_student_code()))
            wrong[student] = exercise
    # One runaway loop shows the per-cell timeout cuts a cell off and grading goes on.
    looping = next(iter(exercises))
    submit(course, assignment_id, "runaway-loop", set_solution(source, looping, RUNAWAY_LOOP.format(name=looping)))
    wrong["runaway-loop"] = looping

    result = autograde(course, assignment_id)
    assert result.returncode == 0, f"nbgrader autograde failed:\n{result.stdout}\n{result.stderr}"
    return course, assignment_id, exercises, wrong


def test_source_notebook_gets_full_marks(graded_course):
    course, assignment_id, _, _ = graded_course
    got = scores(course, assignment_id, "perfect")
    lost = {k: v for k, v in got.items() if v[0] != v[1]}
    assert got and not lost, f"the solution notebook lost points on {lost}"


def test_untouched_release_gets_zero_on_every_graded_cell(graded_course):
    course, assignment_id, _, _ = graded_course
    got = scores(course, assignment_id, "untouched")
    earned = {k: v for k, v in got.items() if v[0] != 0}
    assert got and not earned, f"an unanswered notebook earned points on {earned}"


def test_every_exercise_has_a_typical_mistake_to_submit(graded_course):
    _, assignment_id, exercises, wrong = graded_course
    covered = set(wrong.values())
    assert covered >= set(exercises), (f"{assignment_id}: exercises without any typical mistake in "
                                       f"autograder.mistakes: {sorted(set(exercises) - covered)}")


def test_one_wrong_exercise_loses_exactly_its_points(graded_course):
    course, assignment_id, exercises, wrong = graded_course
    for student, exercise in wrong.items():
        got = scores(course, assignment_id, student)
        test_cell = exercises[exercise]
        assert got[test_cell][0] == 0, f"{student}: {test_cell} should score 0, got {got[test_cell]}"
        others = {k: v for k, v in got.items() if k != test_cell and v[0] != v[1]}
        assert not others, f"{student}: only {test_cell} should lose points, but {others} did too"

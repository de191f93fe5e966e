"""Does grading a whole class give every student the grades nbgrader gives, in parallel and again?"""
import io

import nbformat
import pytest

from coursebuild import classgrade
from coursebuild.paths import notebook_of

from ..helpers import make_course, scores, set_solution, submit

ASSIGNMENT = "c1w2a_numpy_basics"

#: A wrong L2 whose test cell is made to finish without an error: the hidden test's call and the
#: visible checks replaced by functions that do nothing.
CHEAT = ("import coursekit.grading\ncoursekit.grading.grade = lambda *args: None\nexpect = lambda *args, **kwargs: None\n"
         "def L2(yhat, y):\n    return 0.0\n")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("class"), ASSIGNMENT)
    name = notebook_of(ASSIGNMENT, course / "source").name
    source = nbformat.read(course / "source" / ASSIGNMENT / name, as_version=4)
    submit(course, ASSIGNMENT, "ada", source)
    submit(course, ASSIGNMENT, "bob", set_solution(source, "L1", "def L1(yhat, y):\n    return 0.0\n"))
    submit(course, ASSIGNMENT, "cyd", set_solution(source, "L2", CHEAT))
    broken = course / "submitted" / "dee" / ASSIGNMENT
    broken.mkdir(parents=True)
    (broken / name).write_text("{", encoding="utf-8")
    return course


def totals(course):
    return {s: sum(v[0] for v in scores(course, ASSIGNMENT, s).values()) for s in ("ada", "bob", "cyd", "dee")}


def test_a_class_is_graded_in_parallel_exported_and_reported(course, tmp_path):
    progress = io.StringIO()
    outcomes = classgrade.grade_class(ASSIGNMENT, course, jobs=2, progress=progress)
    assert "] 4/4" in progress.getvalue(), f"the progress bar ends at 4/4, got {progress.getvalue()!r}"
    assert [o.student for o in outcomes] == ["ada", "bob", "cyd", "dee"]
    assert totals(course) == {"ada": 8, "bob": 7, "cyd": 7, "dee": 0}
    flagged = {o.student for o in outcomes if o.flagged}
    assert flagged == {"cyd"}, "a test cell that finished without the grader's pass is flagged"
    assert "NotJSONError" in outcomes[3].error
    export = (course / "reports" / ASSIGNMENT / "grades.csv").read_text().splitlines()
    assert export[0].startswith("assignment,duedate,timestamp,student_id"), export[0]
    assert sorted(line.split(",")[3] for line in export[1:]) == ["ada", "bob", "cyd", "dee"]
    assert {line.split(",")[0] for line in export[1:]} == {ASSIGNMENT}, "this assignment only"
    canvas = (course / "reports" / "canvas-grades.csv").read_text().splitlines()
    assert canvas[:2] == [f"Student,ID,SIS User ID,SIS Login ID,Section,{ASSIGNMENT}", "Points Possible,,,,,8"], canvas
    assert "ada,,,ada,,8" in canvas and "bob,,,bob,,7" in canvas and "dee,,,dee,,0" in canvas, canvas
    moodle = (course / "reports" / "moodle-grades.csv").read_text().splitlines()
    assert moodle[0] == f"Username,First name,Last name,Email address,{ASSIGNMENT}", moodle
    assert sorted(moodle[1:]) == ["ada,,,,8", "bob,,,,7", "cyd,,,,7", "dee,,,,0"], "a row per student, no other"
    assert (course / "feedback" / "bob" / ASSIGNMENT).is_dir()
    report = classgrade.write_report(ASSIGNMENT, outcomes, tmp_path).read_text()
    assert "| ada | 8 / 8 |  |  |  |" in report, report
    assert "| bob | 7 / 8 | L1 |  |  |" in report, report
    assert "| cyd | 7 / 8 | L2 |  | FLAGGED: The test cell finished, but the course's grader recorded no pass for L2" \
        in report, report
    dee = next(line for line in report.splitlines() if line.startswith("| dee |"))
    assert "| 0 / 8 |" in dee and "NotJSONError" in dee, report
    assert "4 graded: mean 5.50, median 7, lowest 0, highest 8 (out of 8)" in report, report
    assert (tmp_path / "scores.png").stat().st_size > 0


def test_grading_again_gives_the_same_grades_and_keeps_what_the_instructor_entered(course):
    """Graded again (serially this time), every cell the instructor did not touch keeps its score;
    a manual score, extra credit and a comment (as formgrader saves them) survive, and the
    submission keeps its id, which formgrader's links use."""
    from nbgrader.api import Gradebook

    before = {s: scores(course, ASSIGNMENT, s) for s in ("ada", "bob", "cyd", "dee")}
    name = notebook_of(ASSIGNMENT, course / "source").stem
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submission_id = gradebook.find_submission(ASSIGNMENT, "bob").id
        l1 = gradebook.find_grade("test_L1", name, ASSIGNMENT, "bob")
        l1.manual_score, l1.needs_manual_grade = 0.5, False  # as formgrader saves a score
        gradebook.find_grade("test_L2", name, ASSIGNMENT, "bob").extra_credit = 1.0
        gradebook.find_comment("L1", name, ASSIGNMENT, "bob").manual_comment = "Close: look at the sign."
        gradebook.db.commit()
    outcomes = classgrade.grade_class(ASSIGNMENT, course, jobs=1, progress=io.StringIO())
    after = {s: scores(course, ASSIGNMENT, s) for s in before}
    before["bob"]["test_L1"] = (0.5, 1.0)  # the instructor's score
    before["bob"]["test_L2"] = (2.0, 1.0)  # nbgrader's score counts the extra credit
    changed = {(s, cell): (before[s].get(cell), got) for s in after for cell, got in after[s].items()
               if before[s].get(cell) != got}
    assert not changed, f"grading again changed scores that nobody entered by hand (before, after): {changed}"
    bob = next(o for o in outcomes if o.student == "bob")
    assert classgrade.total(bob) == 8.5, "7 right, L1 scored 0.5 by hand, 1 point of extra credit"
    assert "bob,,,bob,,8.5" in (course / "reports" / "canvas-grades.csv").read_text(), "the report and the LMS agree"
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        assert gradebook.find_submission(ASSIGNMENT, "bob").id == submission_id
        l1 = gradebook.find_grade("test_L1", name, ASSIGNMENT, "bob")
        assert (l1.manual_score, l1.needs_manual_grade) == (0.5, False), \
            "the autograded score did not change: nothing to review again"
        assert gradebook.find_grade("test_L2", name, ASSIGNMENT, "bob").extra_credit == 1.0
        assert gradebook.find_comment("L1", name, ASSIGNMENT, "bob").manual_comment == "Close: look at the sign."



def test_a_resubmission_that_changes_a_hand_scored_exercise_is_put_to_the_instructor(course, tmp_path):
    """bob fixes L1, which the instructor scored 0.5 by hand: the regrade keeps the 0.5, the report
    asks for a review, and bob gets no feedback (a passing L1 beside 0.5 would contradict itself)
    until the instructor saves a score in formgrader; then the feedback says whose score it is."""
    from nbgrader.api import Gradebook

    from coursebuild.leaks import readable_text

    name = notebook_of(ASSIGNMENT, course / "source")
    submit(course, ASSIGNMENT, "bob", nbformat.read(course / "source" / ASSIGNMENT / name.name, as_version=4))
    outcomes = classgrade.grade_class(ASSIGNMENT, course, jobs=1, progress=io.StringIO())
    bob = next(o for o in outcomes if o.student == "bob")
    assert bob.reviews == [("test_L1", 0.5, 1.0)] and bob.scores["test_L1"] == (0.5, 1.0)
    report = classgrade.write_report(ASSIGNMENT, outcomes, tmp_path).read_text()
    assert "- bob: L1 (yours 0.5, autograder now 1)" in report, report
    assert not (course / "feedback" / "bob" / ASSIGNMENT).exists(), "bob's feedback waits for the review"
    assert (course / "feedback" / "ada" / ASSIGNMENT).is_dir()
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        l1 = gradebook.find_grade("test_L1", name.stem, ASSIGNMENT, "bob")
        assert (l1.manual_score, l1.needs_manual_grade) == (0.5, True)
        l1.manual_score, l1.needs_manual_grade = 1.0, False  # the review, as formgrader saves it
        gradebook.db.commit()
    outcomes = classgrade.grade_class(ASSIGNMENT, course, jobs=1, progress=io.StringIO())
    assert not any(o.reviews for o in outcomes)
    text = readable_text(course / "feedback" / "bob" / ASSIGNMENT / f"{name.stem}.html")
    assert "Score set by your instructor: 1 / 1 (the automatic tests gave 1)." in text, text[-3000:]
    assert "Close: look at the sign." in text, "the instructor's comment reaches the student"


@pytest.mark.parametrize("log, says", [
    ("[AutogradeApp | ERROR] Timeout waiting for execute reply (15s).\n[AutogradeApp | ERROR] Interrupting kernel\n"
     "[AutogradeApp | ERROR] Timeout waiting for execute reply (15s).\n", "2 cell(s) ran past the time limit (15 s)"),
    ("[AutogradeApp | ERROR] There was an error processing assignment\nnbformat.reader.NotJSONError: Notebook does "
     "not appear to be JSON: '{'\n", "nbformat.reader.NotJSONError: Notebook does not appear to be JSON"),
    ("[AutogradeApp | ERROR] Kernel died\n", "Kernel died"),
    ("", "nbgrader gave no grades"),
])
def test_the_report_says_in_one_line_why_a_submission_lost_points(log, says):
    # These lines are nbgrader 0.9's own log lines (seen when grading an endless loop and a broken file).
    assert says in classgrade._reason(log)


def test_each_student_gets_the_part_of_the_log_about_them():
    log = ("[AutogradeApp | INFO] Copying files\n"
           "[AutogradeApp | INFO] Creating/updating student with ID 'ada': {}\nada's line\n"
           "[AutogradeApp | INFO] Creating/updating student with ID 'bob': {}\n"
           "[AutogradeApp | ERROR] Timeout waiting for execute reply (15s).\n")
    parts = classgrade.split_log(log, ["ada", "bob"])
    assert "ada's line" in parts["ada"] and "Timeout" not in parts["ada"]
    assert "Timeout" in parts["bob"] and "ada's line" not in parts["bob"]
    assert all(part.startswith("[AutogradeApp | INFO] Copying files") for part in parts.values())


@pytest.mark.parametrize("count, jobs", [(1, 2), (4, 2), (30, 2), (31, 1), (100, 4)])
def test_students_are_graded_in_groups_of_at_most_eight(count, jobs):
    names = [f"s{i:03d}" for i in range(count)]
    groups = classgrade.chunks(names, jobs)
    assert [n for g in groups for n in g] == names
    assert max(map(len, groups)) <= 8
    assert len(groups) >= min(count, 2 * jobs), "at least two groups per process, for the progress bar"

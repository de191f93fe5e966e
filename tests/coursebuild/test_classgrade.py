"""Does grading a whole class give every student the grades nbgrader gives, in parallel and again?"""
import io

import nbformat
import pytest

from coursebuild import classgrade
from coursebuild.paths import notebook_of

from ..helpers import make_course, scores, set_solution, submit

ASSIGNMENT = "c1w2a_numpy_basics"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("class"), ASSIGNMENT)
    name = notebook_of(ASSIGNMENT, course / "source").name
    source = nbformat.read(course / "source" / ASSIGNMENT / name, as_version=4)
    submit(course, ASSIGNMENT, "ada", source)
    submit(course, ASSIGNMENT, "bob", set_solution(source, "L1", "def L1(yhat, y):\n    return 0.0\n"))
    submit(course, ASSIGNMENT, "cyd", set_solution(source, "L2", "from solutions.c1w2a_numpy_basics import L2\n"))
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
    assert flagged == {"cyd"}, "a submission that imports the reference is flagged"
    assert "NotJSONError" in outcomes[3].error
    csv = (course / "grades.csv").read_text()
    assert "ada" in csv and "dee" in csv
    assert (course / "feedback" / "bob" / ASSIGNMENT).is_dir()
    report = classgrade.write_report(ASSIGNMENT, outcomes, tmp_path).read_text()
    assert "| cyd | 7 / 8 | FLAGGED" in report and "| dee | 0 / 8 | nbformat.reader.NotJSONError" in report
    assert (tmp_path / "scores.png").stat().st_size > 0


def test_grading_again_gives_the_same_grades(course):
    before = totals(course)
    classgrade.grade_class(ASSIGNMENT, course, jobs=1, progress=io.StringIO())
    assert totals(course) == before

"""The whole cycle through the course's exchange, as book/instructor_guide.md tells it: students
imported in bulk, a due date, release; three students fetch and submit with nbgrader's commands,
one after the due date; collect; `make grade` with its feedback released; each student fetches
their feedback and reads it offline."""
import csv
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import nbformat
import pytest

from coursebuild import classgrade
from coursebuild.leaks import readable_text
from coursebuild.paths import notebook_of
from coursebuild.release import venv_env

from ..helpers import completed, make_course, set_solution

ASSIGNMENT = "c1w2a_numpy_basics"
COURSE_ID = "deep-learning-course"  # nbgrader_config.py's c.CourseDirectory.course_id
WRONG_SOFTMAX = "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e)\n"


def nbgrader(cwd, *arguments, user=None, home=None):
    """Run nbgrader in ``cwd``, as the instructor or (``user``, ``home``) as a student; return its log."""
    env = venv_env()
    if user:
        # On the course's machine each student is a user of their own, whose name nbgrader takes;
        # here all run as one user, so each names themself (nbgrader's --student, meant for this).
        arguments += (f"--student={user}",)
        env.update(HOME=str(home), JUPYTER_CONFIG_DIR=str(home / ".jupyter"))  # no instructor's config
    result = subprocess.run([sys.executable, "-m", "nbgrader", *arguments], cwd=cwd, env=env,
                            capture_output=True, text=True)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"nbgrader {' '.join(arguments)} failed:\n{log}"
    return log


def utc(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    root = tmp_path_factory.mktemp("exchange")
    course = make_course(root, ASSIGNMENT)
    roster = root / "students.csv"
    roster.write_text("id,first_name,last_name,email\nada,Ada,Lovelace,ada@example.org\n"
                      "bob,Bob,Kahn,bob@example.org\ncyd,Cyd,Charisse,cyd@example.org\n", encoding="utf-8")
    nbgrader(course, "db", "student", "import", str(roster))
    nbgrader(course, "db", "assignment", "add", ASSIGNMENT, f"--duedate={utc(datetime.now(timezone.utc) + timedelta(days=1))}")
    nbgrader(course, "release_assignment", ASSIGNMENT)
    name = notebook_of(ASSIGNMENT, course / "source").name
    source = nbformat.read(course / "source" / ASSIGNMENT / name, as_version=4)
    homes = {}
    for student in ("ada", "bob", "cyd"):
        home = homes[student] = root / "home" / student
        home.mkdir(parents=True)
        # What the guide tells a student on the course's machine to write.
        (home / "nbgrader_config.py").write_text(
            f"c = get_config()\nc.Exchange.root = {str(course / 'exchange')!r}\n"
            f"c.CourseDirectory.course_id = {COURSE_ID!r}\n", encoding="utf-8")
        if student == "cyd":
            # The due date passes between bob's submission and cyd's (a due date has whole seconds:
            # a second's wait on each side keeps both on their side of it).
            time.sleep(1.1)
            nbgrader(course, "db", "assignment", "add", ASSIGNMENT, f"--duedate={utc(datetime.now(timezone.utc))}")
            time.sleep(1.1)
        nbgrader(home, "fetch_assignment", ASSIGNMENT, user=student, home=home)
        fetched = home / ASSIGNMENT / name
        answers = completed(source, nbformat.read(fetched, as_version=4))
        if student == "bob":
            answers = set_solution(answers, "softmax", WRONG_SOFTMAX)
        nbformat.write(answers, fetched)
        nbgrader(home, "submit", ASSIGNMENT, user=student, home=home)
    nbgrader(course, "collect", ASSIGNMENT)
    outcomes = {o.student: o for o in classgrade.grade_class(ASSIGNMENT, course, jobs=1, release_feedback=True)}
    report = classgrade.write_report(ASSIGNMENT, list(outcomes.values()), course / "reports" / ASSIGNMENT)
    for student, home in homes.items():
        nbgrader(home, "fetch_feedback", ASSIGNMENT, user=student, home=home)
    return course, homes, outcomes, report.read_text(encoding="utf-8")


def test_every_student_is_graded_and_the_late_one_loses_ten_percent(cycle):
    course, _, outcomes, report = cycle
    points = {s: sum(score for score, _ in o.scores.values()) for s, o in outcomes.items()}
    assert points == {"ada": 8, "bob": 7, "cyd": 8}, points
    assert outcomes["cyd"].seconds_late > 0 and outcomes["ada"].seconds_late == outcomes["bob"].seconds_late == 0
    assert outcomes["cyd"].penalty == pytest.approx(0.8), "one started day late: 10 % of 8 points"
    assert "| cyd | 7.2 / 8 |  | 1 min, -0.8 points |" in report, report
    with (course / "reports" / ASSIGNMENT / "grades.csv").open(encoding="utf-8") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    assert float(rows["cyd"]["late_submission_penalty"]) == pytest.approx(0.8)
    assert float(rows["cyd"]["score"]) == pytest.approx(7.2) and rows["cyd"]["timestamp"] > rows["cyd"]["duedate"]
    assert float(rows["ada"]["late_submission_penalty"] or 0) == 0
    with (course / "reports" / "canvas-grades.csv").open(encoding="utf-8") as file:
        canvas = {row["SIS Login ID"]: row for row in csv.DictReader(file) if row["SIS Login ID"]}
    assert {s: canvas[s][ASSIGNMENT] for s in canvas} == {"ada": "8", "bob": "7", "cyd": "7.2"}
    assert canvas["ada"]["Student"] == "Lovelace, Ada", "names from the imported roster"
    with (course / "reports" / "moodle-grades.csv").open(encoding="utf-8") as file:
        moodle = {row["Username"]: row for row in csv.DictReader(file)}
    assert {s: moodle[s][ASSIGNMENT] for s in moodle} == {"ada": "8", "bob": "7", "cyd": "7.2"}
    assert moodle["cyd"]["Email address"] == "cyd@example.org"


def test_no_checksum_warning_for_test_cells_as_released(cycle):
    _, _, outcomes, _ = cycle
    for student, outcome in outcomes.items():
        assert "has changed" not in outcome.log, f"{student}'s test cells are as released:\n{outcome.log}"


def test_each_student_fetches_feedback_that_reads_offline(cycle):
    _, homes, _, _ = cycle
    for student, home in homes.items():
        pages = sorted((home / ASSIGNMENT / "feedback").glob("*/*.html"))
        assert len(pages) == 1, f"{student} fetched {pages}"
        page = pages[0]
        html = page.read_text(encoding="utf-8")
        assert "window.MathJax" in html and "<script src=" not in html, "MathJax inlined: nothing to fetch"
        text = readable_text(page)
        for exercise in ("basic_sigmoid", "softmax", "L2"):
            assert f"{exercise} (Score: " in text, f"the index names {exercise}"
        assert "Test cell" not in text
        assert "HIDDEN TESTS" not in text and 'grade("' not in text and "coursekit/grading.py" not in text
    bob = readable_text(next((homes["bob"] / ASSIGNMENT / "feedback").glob("*/*.html")))
    assert "GradingError: softmax(x)" in bob and "when called with" in bob, "bob reads why softmax lost its point"
    cyd = readable_text(next((homes["cyd"] / ASSIGNMENT / "feedback").glob("*/*.html")))
    assert "Late submission penalty" in cyd


def test_the_feedback_typesets_math_in_a_browser_offline(cycle, browser):
    """Chromium, with every request that leaves the page refused, shows the feedback's math typeset."""
    from ..conftest import SCREENSHOTS

    _, homes, _, _ = cycle
    page_file = next((homes["bob"] / ASSIGNMENT / "feedback").glob("*/*.html"))
    page = browser.new_page()
    requests = []
    page.route("**/*", lambda route: (requests.append(route.request.url), route.abort())
               if not route.request.url.startswith("file:") else route.continue_())
    try:
        page.goto(page_file.as_uri())
        page.wait_for_selector("mjx-container", timeout=30_000)
        assert page.locator("mjx-container").count() > 5, "the assignment's formulas are typeset"
        prose = "\n".join(page.locator(".text_cell_render").all_inner_texts())
        assert "$" not in prose, "no raw TeX left in the text"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "feedback-bob.png"), full_page=False)
    finally:
        page.close()
    assert requests == [], f"the feedback page asked the network for {requests}"

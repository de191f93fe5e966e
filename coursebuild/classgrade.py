"""Grade a whole class at once: ``python -m coursebuild grade <assignment-id> [--jobs N] [--full]``.

nbgrader's gradebook is one SQLite file, which does not take several writers at once, so the
students are autograded in groups, each group in a scratch course of its own (a copy of the
gradebook, the assignment's source folder and the group's submissions) by one nbgrader process,
the groups in parallel processes; then, one student at a time, the autograded folder is copied back and the scores are written into the course's gradebook through nbgrader's
API. Feedback and the CSV export run once, at the end. A submission nbgrader cannot grade (not
JSON, every cell missing) is listed in the report with nbgrader's reason, and a submission whose
test cells finished without the course grader's pass, or that called the grader itself
(``autograder.core.FLAG``, written by :mod:`coursebuild.sandbox`), is flagged with the reason.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from autograder.core import FLAG

from . import sandbox
from .feedback import exercise_of
from .paths import ROOT, BuildError
from .release import venv_env


@dataclass
class Outcome:
    """What autograding one student's submission gave."""

    student: str
    scores: dict = field(default_factory=dict)  # grade_id -> (score, max_score)
    error: str = ""
    flags: list = field(default_factory=list)  # why the submission was flagged (autograder.core.FLAG)
    #: (grade_id, manual score, autograded score) of each cell whose autograded score changed under
    #: a score the instructor set by hand, and that the instructor has not reviewed since.
    reviews: list = field(default_factory=list)
    seconds_late: float = 0.0
    penalty: float = 0.0  # points taken off for lateness (coursebuild.grading.PerDayPenalty)
    log: str = field(default="", repr=False)  # nbgrader's log about this submission

    @property
    def flagged(self):
        return bool(self.flags)


def students(course, assignment_id):
    """list of str: the students with a submission of ``assignment_id``, sorted."""
    submitted = Path(course) / "submitted"
    return sorted(p.name for p in submitted.iterdir() if (p / assignment_id).is_dir()) if submitted.is_dir() else []


def _autograde_some(course, assignment_id, names, fast):
    """Autograde several students' submissions in one scratch course and one nbgrader process
    (starting nbgrader costs seconds; each kernel is still sandboxed on its own).

    Returns
    -------
    scratch : Path
    logs : dict of str -> str
        nbgrader's log, the part about each student.
    """
    course = Path(course)
    scratch = Path(tempfile.mkdtemp(prefix="grade-"))
    shutil.copy(course / "nbgrader_config.py", scratch)
    copy_gradebook(course / "gradebook.db", scratch / "gradebook.db")
    shutil.copytree(course / "source" / assignment_id, scratch / "source" / assignment_id, symlinks=True)
    for student in names:
        shutil.copytree(course / "submitted" / student / assignment_id, scratch / "submitted" / student / assignment_id)
    env = venv_env()
    if fast:
        env["COURSE_FAST"] = "1"  # training cells are not graded: the fast setting saves minutes per student
    result = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", assignment_id, "--create", "--force"],
                            cwd=scratch, env=env, capture_output=True, text=True)
    return scratch, split_log(result.stdout + result.stderr, names)


def copy_gradebook(source, target):
    """Copy an SQLite gradebook consistently (SQLite's backup), even while another process writes to
    it: the main process merges one group's grades while the next group's copy is made."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(source)) as theirs, closing(sqlite3.connect(target)) as ours:
        theirs.backup(ours)


def split_log(log, names):
    """dict of str -> str: the lines of nbgrader's log about each student (each student's part
    starts where nbgrader says it creates or updates that student; lines before the first go to all)."""
    parts, current, preamble = {name: [] for name in names}, None, []
    for line in log.splitlines(keepends=True):
        match = re.search(r"Creating/updating student with ID '([^']+)'", line)
        if match and match.group(1) in parts:
            current = match.group(1)
        (parts[current] if current else preamble).append(line)
    return {name: "".join(preamble + lines) for name, lines in parts.items()}


def chunks(names, jobs):
    """The students split into groups of at most 8, about two per process, so that progress shows."""
    jobs = jobs or os.cpu_count() or 1
    size = max(1, min(8, -(-len(names) // (2 * jobs))))
    return [names[i:i + size] for i in range(0, len(names), size)]


def _merge(course, assignment_id, student, scratch, log):
    """Copy the autograded folder back and write the scores into the course's gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    course = Path(course)
    outcome = Outcome(student, log=log)
    graded = scratch / "autograded" / student / assignment_id
    if graded.is_dir():
        target = course / "autograded" / student / assignment_id
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(graded, target)
        outcome.flags = [reason for notebook in sorted(graded.glob("*.ipynb")) for reason in flag_reasons(notebook)]
    with Gradebook(f"sqlite:///{scratch / 'gradebook.db'}") as theirs, \
            Gradebook(f"sqlite:///{course / 'gradebook.db'}") as ours, ours.db.no_autoflush:
        # no_autoflush: the new submission's grades are filled in before anything is written.
        # The student is known even when nothing of theirs could be graded: the exports list them with zero.
        ours.update_or_create_student(student)
        try:
            submission = theirs.find_submission(assignment_id, student)
        except MissingEntry:
            ours.db.commit()
            outcome.error = _reason(log)
            return outcome
        # A regrade updates the submission in place, as `nbgrader autograde --force` does: it keeps
        # its id (formgrader's links) and everything an instructor entered (manual scores, extra
        # credit, comments); only what autograding produces is replaced.
        ours.update_or_create_submission(assignment_id, student, timestamp=submission.timestamp)
        outcome.seconds_late = submission.total_seconds_late
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                mine = ours.find_grade(grade.name, notebook.name, assignment_id, student)
                changed = mine.auto_score != grade.auto_score
                mine.auto_score = grade.auto_score
                # A cell the instructor scored by hand goes back in front of them (formgrader's
                # "needs manual grade") when its autograded score changed, and stays there until
                # they save a score again; nbgrader's own rule (SaveAutoGrades) flags it on every
                # regrade, changed or not, so the flag would stop meaning anything.
                if mine.manual_score is None:
                    mine.needs_manual_grade = mine.auto_score is None
                elif changed:
                    mine.needs_manual_grade = True
                if mine.manual_score is not None and mine.needs_manual_grade:
                    outcome.reviews.append((grade.name, mine.manual_score, mine.auto_score))
                # Grade.score is computed by the database (nbgrader's rule: the manual score if any,
                # else the automatic one, plus extra credit): not yet up to date before the commit.
                score = (mine.manual_score if mine.manual_score is not None else (mine.auto_score or 0.0)) \
                    + (mine.extra_credit or 0.0)
                outcome.scores[grade.name] = (score, grade.max_score)
            for comment in notebook.comments:
                ours.find_comment(comment.name, notebook.name, assignment_id, student).auto_comment = \
                    comment.auto_comment
            penalty = notebook.late_submission_penalty
            ours.find_submission_notebook(notebook.name, assignment_id, student).late_submission_penalty = penalty
            outcome.penalty += penalty or 0.0
        ours.db.commit()
    if not outcome.scores or "ERROR" in log:
        outcome.error = _reason(log)
    return outcome


def flag_reasons(notebook):
    """list of str: the integrity flags (:data:`autograder.core.FLAG`) in an autograded notebook, in order."""
    import json

    try:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return []
    return [output.get("evalue", "").replace(FLAG, "").strip() for cell in cells for output in cell.get("outputs", [])
            if output.get("output_type") == "error" and FLAG in str(output.get("evalue", ""))]


def _reason(log):
    """What nbgrader's log says went wrong with a submission, in one line."""
    timeouts = re.findall(r"Timeout waiting for execute reply \((\d+)s\)", log)
    if timeouts:
        return (f"{len(timeouts)} cell(s) ran past the time limit ({', '.join(dict.fromkeys(timeouts))} s) and were "
                f"stopped; their exercises score zero (an endless loop?)")
    exceptions = [line.strip() for line in log.splitlines() if re.search(r"\w+(Error|Exception): ", line)]
    if exceptions:
        return exceptions[-1]
    errors = [line.split("ERROR]", 1)[-1].strip() for line in log.splitlines() if "| ERROR]" in line]
    return errors[-1] if errors else "nbgrader gave no grades (see its log)"


def course_config(course):
    """traitlets.config.Config: ``course``'s nbgrader_config.py, loaded as nbgrader loads it."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()


def check_config(course):
    """Raise :class:`BuildError` unless ``course``'s nbgrader_config.py loads and grades in the sandbox.

    nbgrader goes on without a config file that raises (it logs the error), which would run
    student code with nbgrader's own, unsandboxed Execute: better no grading at all.
    """
    try:
        config = course_config(course)
    except Exception as error:  # noqa: BLE001 - any failure to load stops grading
        raise BuildError(f"{Path(course) / 'nbgrader_config.py'} does not load ({type(error).__name__}: {error}); "
                         "nothing was graded: nbgrader would run without it, outside the sandbox.") from None
    steps = config.Autograde.get("autograde_preprocessors", [])
    if sandbox.SandboxedExecute not in steps:
        raise BuildError(f"{Path(course) / 'nbgrader_config.py'} does not run autograding in the sandbox "
                         "(c.Autograde.autograde_preprocessors has no SandboxedExecute); nothing was graded.")


def grade_class(assignment_id, course=ROOT, jobs=None, fast=True, release_feedback=False, progress=sys.stderr):
    """Autograde every submission of ``assignment_id``, in parallel, then feedback (released
    through the exchange if ``release_feedback``) and the exports (:func:`export`).

    Returns
    -------
    outcomes : list of Outcome
        One per student, in the order of :func:`students`.
    """
    course = Path(course)
    if not (course / "gradebook.db").is_file():
        raise BuildError(f"{course / 'gradebook.db'} not found: run `make release` first (it creates the gradebook).")
    sandbox.preflight()  # one clear error before any student is graded, if the sandbox cannot run here
    check_config(course)
    names = students(course, assignment_id)
    if not names:
        raise BuildError(f"no submissions of {assignment_id} in {course / 'submitted'}: collect them first "
                         f"(nbgrader collect {assignment_id}).")
    outcomes, done = {}, 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_autograde_some, course, assignment_id, group, fast): group
                   for group in chunks(names, jobs)}
        for future in as_completed(futures):
            group = futures[future]
            try:
                scratch, logs = future.result()
            except Exception as error:  # one group's failure must not stop the class's grading
                for name in group:
                    outcomes[name] = Outcome(name, error=f"not graded: {type(error).__name__}: {error}")
            else:
                try:
                    for name in group:
                        outcomes[name] = _merge(course, assignment_id, name, scratch, logs[name])
                finally:
                    shutil.rmtree(scratch, ignore_errors=True)
            done += len(group)
            bar = "#" * (30 * done // len(names))
            print(f"\rgrading {assignment_id}: [{bar:<30}] {done}/{len(names)} ({group[-1]})", end="", file=progress,
                  flush=True)
    print(file=progress)
    outcomes = [outcomes[name] for name in names]
    write_feedback(course, assignment_id, outcomes, release=release_feedback, progress=progress, jobs=jobs)
    export(course, assignment_id, progress=progress)
    return outcomes


def nbgrader(course, *arguments):
    """Run one nbgrader command in ``course``; raise :class:`BuildError` with its log's end if it fails."""
    result = subprocess.run([sys.executable, "-m", "nbgrader", *arguments], cwd=course, env=venv_env(),
                            capture_output=True, text=True)
    if result.returncode:
        raise BuildError(f"nbgrader {' '.join(arguments)} failed after grading (the grades are in gradebook.db):\n"
                         + "\n".join((result.stdout + result.stderr).splitlines()[-15:]))
    return result


def write_feedback(course, assignment_id, outcomes, release=False, progress=sys.stderr, jobs=None):
    """Write each student's feedback (``feedback/<student>/<assignment_id>/``), and release it
    through the exchange if ``release``.

    A student with a score awaiting the instructor's review (:attr:`Outcome.reviews`) gets no
    feedback until it is reviewed: their old feedback is removed rather than left to contradict
    the new grading, and the report says why.

    The pages are written by ``jobs`` nbgrader processes at once (all cores by default), each for
    its share of the students: a page takes about a second of one core. They only read the
    gradebook, and each writes its own students' folders.
    """
    held = {o.student for o in outcomes if o.reviews}
    for student in held:
        shutil.rmtree(Path(course) / "feedback" / student / assignment_id, ignore_errors=True)
        withdraw_released_feedback(course, student, assignment_id)
    writing = [o.student for o in outcomes if o.student not in held]
    if not writing:
        return
    print("writing feedback/ ...", file=progress, flush=True)
    autograded = Path(course) / "autograded"
    earlier = {p.name for p in autograded.iterdir() if (p / assignment_id).is_dir()} if autograded.is_dir() else set()
    everyone = {o.student for o in outcomes} | earlier
    count = max(1, min(jobs or os.cpu_count() or 1, len(writing)))
    shares = [writing[i::count] for i in range(count)]
    # The first process also takes whoever was autograded earlier but is not in this class's list,
    # as one process for everyone would: each student is written by exactly one process.
    excluded = [held | set(writing) - set(shares[0])] + [everyone - set(share) for share in shares[1:]]
    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(lambda names: nbgrader(course, "generate_feedback", assignment_id, "--force",
                                             f"--CourseDirectory.student_id_exclude={','.join(sorted(names))}"),
                      excluded))
    if release:
        print("releasing feedback through the exchange ...", file=progress, flush=True)
        nbgrader(course, "release_feedback", assignment_id)  # what feedback/ holds: not the held students


def withdraw_released_feedback(course, student, assignment_id):
    """Remove from the exchange the feedback released earlier on ``student``'s current submission
    (nbgrader names it by a hash of the submission's secret and the notebook), so that
    ``fetch_feedback`` cannot hand out a page that a review is about to change."""
    from nbgrader.utils import notebook_hash

    graded = Path(course) / "autograded" / student / assignment_id
    secret = graded / "submission_secret.txt"
    if not secret.is_file():
        return
    config = course_config(course)
    outbound = Path(config.Exchange.root) / config.CourseDirectory.course_id / "feedback"
    for notebook in graded.glob("*.ipynb"):
        page = outbound / f"{notebook_hash(secret=secret.read_text(), notebook_id=notebook.stem)}.html"
        page.unlink(missing_ok=True)


def export(course, assignment_id, progress=sys.stderr):
    """Write ``reports/<assignment_id>/grades.csv`` (nbgrader's export, this assignment only: scores,
    due date, submission time and late penalty per student), and ``reports/canvas-grades.csv`` and
    ``reports/moodle-grades.csv`` (every assignment graded so far; see :func:`write_lms_csvs`)."""
    folder = Path(course) / "reports" / assignment_id
    folder.mkdir(parents=True, exist_ok=True)
    print(f"writing {folder / 'grades.csv'}, reports/canvas-grades.csv and reports/moodle-grades.csv ...",
          file=progress, flush=True)
    nbgrader(course, "export", f"--assignment=['{assignment_id}']", f"--to={folder / 'grades.csv'}")
    write_lms_csvs(course, Path(course) / "reports")


def write_lms_csvs(course, folder):
    """Write the course's grades as the gradebook CSVs that Canvas and Moodle import.

    One column of points per assignment with at least one graded submission (an assignment not yet
    released is not a zero for everyone), points after the late penalty (the per-assignment export
    and the report detail it: a column for lateness would become a new assignment in Canvas).

    - ``canvas-grades.csv``: Canvas's layout, ``Student``, ``ID``, ``SIS User ID``,
      ``SIS Login ID``, ``Section``, the assignments, and a ``Points Possible`` row. The nbgrader
      student id goes in ``SIS Login ID``, which Canvas matches rows by; ``ID`` holds the
      student's ``lms_user_id`` if the roster gave one.
    - ``moodle-grades.csv``: ``Username``, ``First name``, ``Last name``, ``Email address``, the
      assignments; no other rows (Moodle stops an import at a row that names no user).

    Returns
    -------
    paths : tuple of Path
        The Canvas file and the Moodle file.
    """
    import csv

    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{Path(course) / 'gradebook.db'}") as gradebook:
        graded = [a for a in gradebook.assignments if gradebook.assignment_submissions(a.name)]
        students = []
        for student in sorted(gradebook.students, key=lambda s: s.id):
            points = []
            for assignment in graded:
                try:
                    submission = gradebook.find_submission(assignment.name, student.id)
                except MissingEntry:  # no submission, no points
                    points.append("0")
                    continue
                penalty = sum(n.late_submission_penalty or 0 for n in submission.notebooks)
                points.append(f"{max(submission.score - penalty, 0):g}")
            students.append((student, points))
        names = [a.name for a in graded]
        canvas = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *names],
                  ["Points Possible", "", "", "", "", *(f"{a.max_score:g}" for a in graded)]]
        canvas += [[", ".join(filter(None, [s.last_name, s.first_name])) or s.id, s.lms_user_id or "", "", s.id, "",
                    *points] for s, points in students]
        moodle = [["Username", "First name", "Last name", "Email address", *names]]
        moodle += [[s.id, s.first_name or "", s.last_name or "", s.email or "", *points] for s, points in students]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = folder / "canvas-grades.csv", folder / "moodle-grades.csv"
    for path, rows in zip(paths, (canvas, moodle)):
        with path.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
    return paths


def write_report(assignment_id, outcomes, folder):
    """Write ``report.md`` and ``scores.png`` (points per exercise, and the class's total points)
    into ``folder``.

    Returns
    -------
    path : Path
        The report.
    """
    import statistics

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    graded = [o for o in outcomes if o.scores]
    cells = list(dict.fromkeys(name for o in graded for name in o.scores))  # in the notebook's order
    most = max((sum(top for _, top in o.scores.values()) for o in graded), default=0)
    totals = [total(o) for o in graded]
    fig, axes = plt.subplots(1, len(cells) + 1, figsize=(2.2 * (len(cells) + 1), 2.6), squeeze=False)
    for ax, cell in zip(axes[0], cells):
        values = [o.scores[cell][0] for o in graded if cell in o.scores]
        top = max(o.scores[cell][1] for o in graded if cell in o.scores)
        ax.hist(values, bins=[i - 0.5 for i in range(int(top) + 2)], color="C0")
        ax.set(title=exercise_of(cell), xlabel="points", xticks=range(int(top) + 1))
        ax.title.set_fontsize(8)
    ax = axes[0][-1]
    ax.hist(totals, bins=[i - 0.5 for i in range(int(most) + 2)], color="C1")
    ax.set(title="total (after late penalty)", xlabel="points")
    ax.title.set_fontsize(8)
    axes[0][0].set_ylabel("students")
    fig.suptitle(f"{assignment_id}: points per exercise and in total, {len(graded)} students")
    fig.tight_layout()
    fig.savefig(folder / "scores.png", dpi=100)
    plt.close(fig)
    lines = [f"# {assignment_id}: {len(outcomes)} submissions", ""]
    if totals:
        lines += [f"Total points (after late penalties), {len(totals)} graded: mean {statistics.mean(totals):.2f}, "
                  f"median {statistics.median(totals):g}, lowest {min(totals):g}, highest {max(totals):g} "
                  f"(out of {most:g}).", ""]
    reviews = [o for o in outcomes if o.reviews]
    if reviews:
        lines += ["**To review in formgrader** (the autograder's score changed under a score you set by hand; your "
                  "score still counts, and these students get no feedback until you save a score again):", ""]
        lines += [f"- {o.student}: " + "; ".join(f"{exercise_of(cell)} (yours {mine:g}, autograder now "
                                                  f"{'none' if auto is None else format(auto, 'g')})"
                                                  for cell, mine, auto in o.reviews) for o in reviews]
        lines += [""]
    lines += ["![points per exercise and in total](scores.png)", "",
              "| student | points | exercises that lost points | late | note |", "| --- | --- | --- | --- | --- |"]
    for o in outcomes:
        lost = ", ".join(exercise_of(cell) for cell, (score, top) in o.scores.items() if (score or 0) < top)
        flags = list(dict.fromkeys(o.flags))
        note = "; ".join(filter(None, [f"FLAGGED: {flags[0]}" + (f" (and {len(flags) - 1} more)" if len(flags) > 1 else "")
                                       if flags else "", "REVIEW: see above" if o.reviews else "", o.error])
                         ).replace("|", "/")
        late = f"{lateness(o.seconds_late)}, -{o.penalty:g} points" if o.seconds_late > 0 else ""
        lines.append(f"| {o.student} | {total(o):g} / {sum(top for _, top in o.scores.values()):g} | {lost} | {late} "
                     f"| {note} |")
    path = folder / "report.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def total(outcome):
    """float: a student's points, after the late penalty."""
    return max(sum(score or 0 for score, _ in outcome.scores.values()) - outcome.penalty, 0)


def lateness(seconds):
    """str: how late, for a person (``"2 days 3 h"``, ``"40 min"``)."""
    minutes = int(-(-seconds // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''} {hours} h"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"

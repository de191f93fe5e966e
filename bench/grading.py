"""How many submissions per minute does grading a whole class take, one process against all cores?

A scratch course per run, with a class of students who submit the solution notebook (every other
one with the first catalogued mistake of the first exercise, so feedback has something to say),
graded by :func:`coursebuild.classgrade.grade_class`; the serial and parallel runs must give the
same grades before any time is reported.
"""
import io
import os
import tempfile
import time

import nbformat

from autograder.mistakes import catalogue
from coursebuild import classgrade, release
from coursebuild.paths import notebook_of

ASSIGNMENTS = ("c1w2a_numpy_basics", "c2w3a_tensorflow_intro")


def _course(folder, assignment_id, students):
    course = release.scratch_course(folder, assignment_id)
    name = notebook_of(assignment_id, course / "source").name
    source = nbformat.read(course / "source" / assignment_id / name, as_version=4)
    first = next(c for c in source.cells if c.metadata.get("nbgrader", {}).get("solution"))
    wrong = nbformat.reads(nbformat.writes(source), as_version=4)
    exercise = first.metadata["nbgrader"]["grade_id"]
    for cell in wrong.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == exercise:
            cell.source = catalogue(assignment_id).for_exercise(exercise)[0].as_student_code()
    for i in range(students):
        folder = course / "submitted" / f"student{i:03d}" / assignment_id
        folder.mkdir(parents=True)
        nbformat.write(wrong if i % 2 else source, folder / name)
    return course


#: Submissions per minute aimed at with all cores of a 2-core machine (issue 21).
TARGETS = {"c1w2a_numpy_basics": 40, "c2w3a_tensorflow_intro": 15}


def run(students=30, assignments=ASSIGNMENTS, jobs=(1, None)):
    """Grade a class of each assignment with each number of processes.

    Returns
    -------
    rows : list of tuple
        (assignment, processes, students, seconds, submissions per minute).
    """
    rows = []
    for assignment_id in assignments:
        grades = {}
        for count in jobs:
            with tempfile.TemporaryDirectory() as folder:
                course = _course(folder, assignment_id, students)
                start = time.perf_counter()
                outcomes = classgrade.grade_class(assignment_id, course, jobs=count, progress=io.StringIO())
                seconds = time.perf_counter() - start
            grades[count] = {o.student: o.scores for o in outcomes}
            rows.append((assignment_id, count or os.cpu_count(), students, seconds, 60 * students / seconds))
        if len({repr(sorted(g.items())) for g in grades.values()}) != 1:
            raise AssertionError(f"{assignment_id}: serial and parallel grading gave different grades")
    return rows


def section(rows):
    """The results as a markdown section."""
    lines = ["## Grading a class: serial against parallel", "",
             "A class of students submits the solution notebook (every other one with a typical mistake); "
             "`python -m coursebuild grade` autogrades (every kernel in the bubblewrap sandbox, every verdict by "
             "the grader outside it), merges, writes feedback and exports. Both runs give the same grades "
             "(checked before timing is reported).", "",
             "| assignment | processes | students | seconds | submissions per minute | target with all cores |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    for a, p, s, t, r in rows:
        target = TARGETS.get(a) if p == os.cpu_count() else None
        verdict = "" if target is None else f"{target} or more: {'yes' if r >= target else '**no**'}"
        lines.append(f"| {a} | {p} | {s} | {t:.0f} | {r:.1f} | {verdict} |")
    return "\n".join(lines) + "\n"

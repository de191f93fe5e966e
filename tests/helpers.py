"""Helpers for tests that run nbgrader on a scratch copy of the course."""
import subprocess
import sys

import nbformat
from nbgrader.api import Gradebook

from coursebuild.paths import notebook_of
from coursebuild.release import venv_env


#: nbgrader's solution delimiters, which a student's answer does not have.
SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def make_course(tmp_path, assignment_ids):
    """A scratch nbgrader course with one assignment (or a list of them), released; returns its root."""
    from coursebuild.release import scratch_course

    return scratch_course(tmp_path, assignment_ids)


def submit(course, assignment_id, student, notebook):
    """Place ``notebook`` as ``student``'s submission, as nbgrader collect would."""
    name = notebook_of(assignment_id, course / "source").name
    folder = course / "submitted" / student / assignment_id
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / name)


def autograde(course, assignment_id):
    """Run ``nbgrader autograde`` on every submission of ``assignment_id`` ("*": of every assignment,
    in one nbgrader process); return the completed process."""
    return subprocess.run([sys.executable, "-m", "nbgrader", "autograde", assignment_id, "--create",
                           "--log-level=INFO"], cwd=course, env=venv_env(), capture_output=True, text=True)


def generate_feedback(course, assignment_id):
    """Run ``nbgrader generate_feedback`` (the HTML students receive); return the completed process."""
    return subprocess.run([sys.executable, "-m", "nbgrader", "generate_feedback", assignment_id, "--log-level=INFO"],
                          cwd=course, env=venv_env(), capture_output=True, text=True)


def feedback_text(course, assignment_id, student):
    """str: the readable text of one student's feedback HTML (tags stripped, entities decoded)."""
    from coursebuild.leaks import readable_text

    name = notebook_of(assignment_id, course / "source").stem
    return readable_text(course / "feedback" / student / assignment_id / f"{name}.html")


def cell_output_text(course, assignment_id, student, grade_id):
    """str: the text of one cell's outputs (streams, errors with their tracebacks) in a student's
    autograded notebook."""
    name = notebook_of(assignment_id, course / "source").name
    notebook = nbformat.read(course / "autograded" / student / assignment_id / name, as_version=4)
    cell = next(c for c in notebook.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)
    parts = []
    for output in cell.get("outputs", []):
        parts += [output.get("text", ""), output.get("evalue", ""), *output.get("traceback", [])]
    return "\n".join(parts)


def scores(course, assignment_id, student):
    """dict grade_id -> (score, max_score) of one student's autograded notebook."""
    name = notebook_of(assignment_id, course / "source").stem
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_submission_notebook(name, assignment_id, student)
        return {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}


def copy_notebook(notebook):
    """A deep copy of ``notebook``, to edit without touching the original."""
    return nbformat.reads(nbformat.writes(notebook), as_version=4)


def set_solution(notebook, grade_id, code):
    """A copy of ``notebook`` whose solution cell ``grade_id`` holds ``code`` instead."""
    notebook = copy_notebook(notebook)
    for cell in notebook.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = code
            return notebook
    raise KeyError(f"no cell with grade_id {grade_id!r}")


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

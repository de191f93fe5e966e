"""The feedback a student receives (``nbgrader generate_feedback``), made readable offline.

nbgrader's feedback page shows each test cell as autograding ran it: the hidden test's call, a
traceback through the course's files, and math that waits for MathJax from a CDN. Configured in
``nbgrader_config.py``, :class:`ReadableFeedback` and the ``course_feedback`` template
(``coursebuild/templates``) turn that into what a student needs: the exercise's name in the
index, the verdict and its explanation without the grader's frames, typeset math from the
MathJax copy the site serves (inlined, about 2 MB a page: nbgrader's exchange hands students
the HTML file alone, so nothing beside it would arrive), and a note wherever the score that
counts is one the instructor set.
"""
import importlib.util
from pathlib import Path

from nbconvert.preprocessors import Preprocessor
from nbgrader.preprocessors import ClearHiddenTests
from traitlets import Bool

from .glue import is_glue

#: MathJax 3 with TeX input and SVG output in one file (no font files to carry): the copy that
#: sphinx-mathjax-offline serves on the site.
MATHJAX = Path(importlib.util.find_spec("sphinx-mathjax-offline").origin).parent / "static" / "mathjax" / "tex-svg.js"


def mathjax_script(_=None):
    """str: the MathJax script (the Jinja filter ``course_mathjax`` of the ``course_feedback`` template)."""
    return MATHJAX.read_text(encoding="utf-8")


TEMPLATES = Path(__file__).parent / "templates"

#: nbgrader's own feedback template, which the course's extends.
NBGRADER_TEMPLATES = str(Path(importlib.util.find_spec("nbgrader").origin).parent / "server_extensions" / "formgrader"
                         / "templates")


def exercise_of(grade_id):
    """str: the exercise a test cell grades (``test_softmax`` -> ``softmax``)."""
    return grade_id.removeprefix("test_")


class ReadableFeedback(Preprocessor):
    """Test cells show their verdict and its explanation only; the index names each exercise.

    Runs after nbgrader's ``GetGrades`` (which puts each cell's score in its metadata). Removes the
    hidden tests' code with nbgrader's ``ClearHiddenTests`` (called here rather than listed in the
    config, where nbgrader 0.9 warns about an option of its own, ``display_data_priority``).
    """

    enabled = Bool(True)  # nbconvert's preprocessors are off unless enabled

    def preprocess(self, nb, resources):
        manual = self._manual_scores(resources)
        hidden = ClearHiddenTests()  # nbgrader's default delimiters, which the course uses
        for cell in nb.cells:
            if cell.cell_type == "code":  # coursekit.glue's records: nothing to show (nbconvert would warn)
                cell.outputs = [o for o in cell.outputs if not is_glue(o)]
            grading = cell.metadata.get("nbgrader", {})
            if not (grading.get("grade") and not grading.get("solution")):
                continue
            hidden._remove_hidden_test_region(cell)
            cell.metadata["course_exercise"] = exercise_of(grading.get("grade_id", ""))
            if grading.get("grade_id") in manual:
                # Said where the score shows, so that a passing cell beside a lower score (set on an
                # earlier submission) explains itself.
                mine, auto = manual[grading["grade_id"]]
                cell.metadata["course_manual"] = True
                cell.setdefault("outputs", []).append({
                    "output_type": "stream", "name": "stdout",
                    "text": f"Score set by your instructor: {mine:g} / {grading.get('points', 0):g}"
                            + (f" (the automatic tests gave {auto:g})." if auto is not None else ".")})
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    # The traceback runs through the hidden test's call and the course's own files;
                    # the student needs the verdict, which the error's message carries whole.
                    output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return nb, resources

    @staticmethod
    def _manual_scores(resources):
        """dict grade_id -> (manual_score, auto_score) of the cells the instructor scored by hand."""
        from nbgrader.api import Gradebook, MissingEntry

        info = resources.get("nbgrader", {})
        if not info.get("db_url"):
            return {}
        with Gradebook(info["db_url"]) as gradebook:
            try:
                notebook = gradebook.find_submission_notebook(info["notebook"], info["assignment"], info["student"])
            except MissingEntry:
                return {}
            return {grade.name: (grade.manual_score, grade.auto_score) for grade in notebook.grades
                    if grade.manual_score is not None}

"""nbgrader configuration for the course (the instructor's side).

Run nbgrader from the repository root with the virtual environment's ``bin/`` on PATH
(nbgrader shells out to ``alembic``); ``make release`` does this for you.
"""
import os
from pathlib import Path

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearOutput,
                                    DeduplicateIds, GetGrades, IgnorePattern, LimitOutput, OverwriteKernelspec,
                                    SaveAutoGrades)

from coursebuild import feedback
from coursebuild.grading import PerDayPenalty, ReleasedTestCells, cell_timeout
from coursebuild.sandbox import SandboxedExecute

c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "deep-learning-course"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"

# The exchange (release_assignment, fetch_assignment, submit, collect, release_feedback,
# fetch_feedback) lives in the course folder unless COURSE_EXCHANGE names another folder; nbgrader's
# default, /usr/local/share/nbgrader/exchange, needs root. Created here, open to every user of the
# machine like /tmp (sticky: students cannot remove each other's files); nbgrader sets the
# permissions of what it puts inside. Students point their own nbgrader_config.py at the same
# folder (book/instructor_guide.md).
c.Exchange.root = os.environ.get("COURSE_EXCHANGE") or str(Path(__file__).resolve().parent / "exchange")
try:
    if not os.path.isdir(c.Exchange.root):
        os.makedirs(c.Exchange.root, exist_ok=True)  # exist_ok: parallel graders load this at once
        os.chmod(c.Exchange.root, 0o1777)
except OSError:
    # Never raise here: nbgrader would go on without this whole file, sandbox included. The
    # exchange commands say themselves that the folder is missing or unwritable.
    pass

# Late submissions (nbgrader db assignment add <id> --duedate=...): a notebook loses 10 % of its
# score per started day late. c.PerDayPenalty.percent_per_day changes it; 0 records lateness only.
c.AssignLatePenalties.plugin_class = PerDayPenalty

# Files in an assignment folder that never reach students.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*"]

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Per-cell execution time limit while autograding. nbgrader's default (30 s for every cell)
# is too long for a runaway loop in a numpy exercise and too short for a training cell, so
# every cell gets a short default and a cell that trains declares its own budget in its
# metadata ({"coursekit": {"timeout": 600}}). See coursebuild/grading.py.
c.Execute.timeout_func = cell_timeout
c.Execute.interrupt_on_timeout = True

# nbgrader's OverwriteCells, quiet about test cells that are exactly as released (their hidden tests
# are missing, so nbgrader warned that their checksum changed, for every test cell of every submission).
c.Autograde.sanitize_preprocessors = [ClearOutput, DeduplicateIds, OverwriteKernelspec, ReleasedTestCells,
                                      CheckCellMetadata]

# A test cell the student deleted is put back from the source (and a locked cell they edited is
# restored by nbgrader's checksums), so it is graded as the original.
c.OverwriteCells.add_missing_cells = True

# nbgrader scores a test cell zero when anything reaches stderr, even a warning from correct code
# (a TensorFlow retracing notice, or numpy's overflow warning on the way to the right answer). Here
# a test fails only by raising, so stderr is dropped from autograded notebooks (every output, the
# pattern matches any text); the visible checks print warnings as notes instead (coursekit.checks).
c.IgnorePattern.enabled = True  # off by default in nbgrader
c.IgnorePattern.pattern = r"[\s\S]"

# Student code never runs unboxed: autograding executes each submission in a bubblewrap sandbox
# (no network, read-only system, nothing of the course visible, limits on memory, processes, CPU
# time, file size and output), and every exercise's verdict is decided by the course's grader
# outside it. Only the Execute step changes; the rest is nbgrader's default list. Limits:
# c.SandboxedExecute.memory_limit, process_limit, cpu_limit, file_size_limit, scratch_limit and
# output_limit (see coursebuild/sandbox.py for the defaults and why).
c.Autograde.autograde_preprocessors = [SandboxedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]

# Feedback students can read offline: each test cell named by its exercise, the hidden test's code
# and the grader's frames left out (the verdict and its explanation stay), math typeset by the site's
# MathJax copy, inlined in each page. See coursebuild/feedback.py.
# The exporter's settings are GenerateFeedback's own: formgrader renders notebooks with an HTMLExporter
# too, and its grading page must keep its template.
c.GenerateFeedback.preprocessors = [GetGrades, feedback.ReadableFeedback, CSSHTMLHeaderPreprocessor]
c.GenerateFeedback.HTMLExporter.template_name = "course_feedback"
c.GenerateFeedback.HTMLExporter.template_file = "course_feedback.html.j2"
c.GenerateFeedback.HTMLExporter.filters = {"course_mathjax": "coursebuild.feedback.mathjax_script"}
c.GenerateFeedback.HTMLExporter.extra_template_basedirs = [str(feedback.TEMPLATES), feedback.NBGRADER_TEMPLATES]

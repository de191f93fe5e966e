"""nbgrader configuration for the course (the instructor's side).

Run nbgrader from the repository root with the virtual environment's ``bin/`` on PATH
(nbgrader shells out to ``alembic``); ``make release`` does this for you.
"""
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, IgnorePattern, LimitOutput,
                                    SaveAutoGrades)

from coursebuild.grading import cell_timeout
from coursebuild.sandbox import SandboxedExecute

c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "deep-learning-course"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"

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

"""Settings of nbgrader's autograding that need code rather than a value."""
from nbgrader.plugins import LateSubmissionPlugin
from nbgrader.preprocessors import ClearHiddenTests, OverwriteCells
from traitlets import Float

#: Seconds a cell may run while autograding unless it declares otherwise. Every numpy exercise
#: runs in well under a second; 15 s leaves room for a slow machine and still stops a runaway
#: loop quickly (nbgrader's default is 30 s for every cell, training cells included).
DEFAULT_CELL_TIMEOUT = 15

#: No cell may declare more than this, whatever its metadata says (a student can edit metadata).
MAX_CELL_TIMEOUT = 1800

#: A cell allowed more than this is a long (training) cell: no graded cell needs one, so the
#: tests' quick runs of a notebook leave them out.
LONG_CELL_TIMEOUT = 60


def cell_timeout(cell):
    """Seconds the autograder lets ``cell`` run.

    A cell that trains a model declares its own budget in its metadata,
    ``{"coursekit": {"timeout": 600}}``; every other cell gets :data:`DEFAULT_CELL_TIMEOUT`.

    Parameters
    ----------
    cell : nbformat.NotebookNode
        A code cell (nbclient passes each cell before running it).

    Returns
    -------
    timeout : int
    """
    declared = cell.get("metadata", {}).get("coursekit", {}).get("timeout", DEFAULT_CELL_TIMEOUT)
    try:
        declared = int(declared)
    except (TypeError, ValueError):
        declared = DEFAULT_CELL_TIMEOUT
    return max(1, min(declared, MAX_CELL_TIMEOUT))


def is_long_cell(cell):
    """True if ``cell`` declares a timeout over :data:`LONG_CELL_TIMEOUT` (a training run)."""
    return cell_timeout(cell) > LONG_CELL_TIMEOUT


class PerDayPenalty(LateSubmissionPlugin):
    """The course's late policy: a late notebook loses ``percent_per_day`` of its score for each
    day, or part of a day, after the due date (10 % by default: up to a day late keeps 90 %, up to
    three days 70 %, more than nine days nothing). Set ``percent_per_day = 0`` in
    ``nbgrader_config.py`` to record lateness without a penalty, 100 for nothing after the due date.
    """

    percent_per_day = Float(10.0, help="Percent of the notebook's score lost per started day late.").tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        """float: points taken off a notebook that scored ``score`` and came ``total_seconds_late`` late."""
        days = -(-total_seconds_late // 86400)  # a started day counts
        return min(score, score * self.percent_per_day / 100 * days)


class ReleasedTestCells(OverwriteCells):
    """nbgrader's OverwriteCells without its false alarm on test cells with hidden tests.

    A student's test cell is the released one, without its hidden tests, so its checksum never
    matches the source's: nbgrader warns "Attribute 'checksum' for cell test_x has changed!" for
    every such cell of every submission, and puts the source back. A cell exactly as released is
    put back quietly; a cell the student edited is still reported (and restored) as before.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id and cell.metadata["nbgrader"].get("locked"):
            from nbgrader.api import MissingEntry

            try:
                source = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
            except MissingEntry:
                source = None
            if source is not None and source.locked:
                released = type(cell)(cell_type=source.cell_type, source=source.source, metadata={})
                ClearHiddenTests()._remove_hidden_test_region(released)  # default delimiters, as the course's
                if cell.source.strip() == released.source.strip():
                    cell.source = source.source
        return super().preprocess_cell(cell, resources, cell_index)

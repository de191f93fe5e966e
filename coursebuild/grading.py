"""Settings of nbgrader's autograding that need code rather than a value."""

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

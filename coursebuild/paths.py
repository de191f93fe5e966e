"""Where things live in the course repository, and which assignments exist."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
RELEASE = ROOT / "release"
CHAPTERS = ROOT / "chapters"
BUILD = ROOT / "_build"
CACHE = BUILD / ".coursebuild"


class BuildError(RuntimeError):
    """A build step failed; the message says what failed and what to do about it."""


def assignments(source=SOURCE):
    """list of str: the assignment ids, in course order (ids sort in course order by design)."""
    return sorted(p.name for p in Path(source).iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def notebook_of(assignment_id, source=SOURCE):
    """Path: the one source notebook of an assignment.

    Raises
    ------
    BuildError
        If the folder holds no notebook or more than one (a chapter is one notebook).
    """
    folder = Path(source) / assignment_id
    notebooks = sorted(p for p in folder.glob("*.ipynb"))
    if len(notebooks) != 1:
        raise BuildError(f"{folder} must hold exactly one notebook (the assignment), found "
                         f"{[p.name for p in notebooks] or 'none'}.")
    return notebooks[0]

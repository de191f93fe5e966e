"""Book chapters: each assignment as students see it, with the outputs of a correct run.

The source notebook (the solution) is executed once, in a scratch copy of its folder, and its
outputs are copied cell by cell into the release notebook (the student's version, made by
nbgrader). The chapter therefore contains scaffolds, never solution code, and the book build
never sees a source notebook at all: nothing needs hiding.

Execution is cached on the content of everything a run depends on (the assignment folder,
the reference code, the built data, the fast/full setting), so a rebuild with nothing changed
executes nothing. The hidden tests are left out of the run (the grading code is not among its
inputs): the round trip of tests/test_nbgrader_roundtrip.py grades the same notebook with them.
"""
import copy
import os
import re
import shutil
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbgrader.preprocessors import ClearHiddenTests

from coursekit import fast_setting

from . import glue
from .cache import tree_digest
from .grading import cell_timeout
from .paths import CACHE, CHAPTERS, RELEASE, ROOT, SOURCE, BuildError, assignments, notebook_of
from .release import venv_env

#: Seconds one cell may run while building the book (full training settings included).
BOOK_CELL_TIMEOUT = 1800


def setting():
    """str: ``"fast"`` or ``"full"``, the training setting notebooks run in now (COURSE_FAST)."""
    return "fast" if fast_setting() else "full"


def execution_digest(assignment_id, source=SOURCE, root=ROOT):
    """str: hash of every input of an assignment's execution (see the module docstring)."""
    return tree_digest(Path(source) / assignment_id, root / "solutions", root / "data", extra=f"COURSE_FAST={setting()}")


def cached_execution(assignment_id, source=SOURCE, cache=CACHE):
    """Path: where the executed notebook of an assignment's current inputs and setting is kept.

    The fast and the full setting are cached side by side: ``make test`` (fast) between two
    ``make book`` runs (full) must not make the book run every training loop again.
    """
    digest = execution_digest(assignment_id, source)
    return Path(cache) / "executed" / f"{assignment_id}-{setting()}-{digest[:16]}.ipynb"


def execution_record(notebook):
    """dict or None: which run produced an executed notebook (``assignment``, ``setting``) and how
    long it took (``seconds``, wall clock); None for a notebook this build did not execute."""
    return notebook.metadata.get("coursebuild")


def execute_source(assignment_id, source=SOURCE, cache=CACHE):
    """Run an assignment's source notebook from top to bottom and return it with its outputs.

    Parameters
    ----------
    assignment_id : str
    source : Path
        Folder of the source notebooks.
    cache : Path
        Where executed notebooks are kept, keyed by :func:`execution_digest`.

    Returns
    -------
    notebook : nbformat.NotebookNode
        The executed source notebook.

    Raises
    ------
    BuildError
        If any cell raises or times out: the message names the notebook, the cell and the error.
    """
    notebook_path = notebook_of(assignment_id, source)
    cached = cached_execution(assignment_id, source, cache)
    if cached.is_file():
        return nbformat.read(cached, as_version=4)

    # A scratch copy: whatever the notebook writes (figures, saved models) stays out of source/.
    workdir = Path(cache) / "run" / assignment_id
    shutil.rmtree(workdir, ignore_errors=True)
    shutil.copytree(notebook_path.parent, workdir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    notebook = nbformat.read(workdir / notebook_path.name, as_version=4)
    # The hidden tests are the grader's, and the round trip (tests/test_nbgrader_roundtrip.py) runs
    # them on this notebook as grading does, in the sandbox; here they would repeat that run, and
    # its training (c4w1b's hidden tests train two models). The chapter drops them anyway.
    sources = [cell.source for cell in notebook.cells]
    hidden = ClearHiddenTests()  # nbgrader's default delimiters, which the course uses
    for cell in notebook.cells:
        hidden._remove_hidden_test_region(cell)
    print(f"executing {notebook_path.relative_to(Path(source).parent)} ...", flush=True)
    started = time.perf_counter()
    env = venv_env()
    env.pop("MPLBACKEND", None)  # the kernel must use its inline backend so figures become outputs
    client = NotebookClient(notebook, timeout=BOOK_CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    try:
        client.execute(env=env)
    except (CellExecutionError, CellTimeoutError) as error:
        raise BuildError(f"{notebook_path} failed to execute; the book is not built from a broken "
                         f"notebook.\n{error}") from None
    seconds = time.perf_counter() - started
    for cell, text in zip(notebook.cells, sources):
        cell.source = text  # cell for cell as the source: the release is matched against it
    print(f"executed {assignment_id} in {seconds:.1f} s ({setting()} setting)", flush=True)
    # Kept with the run, for the benchmark (bench/book.py); the chapter takes the release's metadata.
    notebook.metadata["coursebuild"] = {"assignment": assignment_id, "setting": setting(), "seconds": round(seconds, 2)}
    for old in cached.parent.glob(f"{assignment_id}-*.ipynb"):
        if old.name.startswith(f"{assignment_id}-{setting()}-") or old.name.count("-") == 1:  # or an old name
            old.unlink()
    cached.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, cached)
    return notebook


def graded_points(notebook):
    """list of (grade_id, points): the graded cells of a notebook, in order."""
    points = []
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade"):
            points.append((meta["grade_id"], meta.get("points", 0)))
    return points


def transplant_outputs(executed, released):
    """The release notebook with the outputs of the executed source notebook, cell by cell.

    Parameters
    ----------
    executed : nbformat.NotebookNode
        The executed source notebook.
    released : nbformat.NotebookNode
        The same notebook after nbgrader removed solutions and hidden tests.

    Returns
    -------
    chapter : nbformat.NotebookNode
        A copy of ``released`` with outputs (but those of ``coursekit.glue``); nbgrader's
        metadata is dropped.

    Raises
    ------
    BuildError
        If the two notebooks do not have the same cells (the release is stale).
    """
    if len(executed.cells) != len(released.cells) or any(
            e.cell_type != r.cell_type for e, r in zip(executed.cells, released.cells)):
        raise BuildError("the release notebook does not match its source cell for cell; "
                         "regenerate it with `make release`.")
    chapter = copy.deepcopy(released)
    for done, cell in zip(executed.cells, chapter.cells):
        cell.metadata.pop("nbgrader", None)
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            # coursekit.glue's records are for the text (coursebuild/glue.py), not for the page.
            cell.outputs = [copy.deepcopy(o) for o in done.outputs if not glue.is_glue(o)]
            cell.execution_count = done.execution_count
    return chapter


#: Where the student folders' zips go, relative to the chapters (linked with the {download} role).
DOWNLOADS = "downloads"
# A fixed date for every zip entry, so that the same folder gives the same bytes (and a rebuild
# with nothing changed rewrites nothing).
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)


def zip_release(assignment_id, release=RELEASE, chapters=CHAPTERS):
    """Write ``chapters/downloads/<assignment_id>.zip``: the student folder as nbgrader released it.

    Entries are sorted and dated the same every time, so the zip is rewritten only when the
    folder changed. Returns the zip's path.
    """
    folder = Path(release) / assignment_id
    if not folder.is_dir():
        raise BuildError(f"{folder} is missing; run `make release` first.")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts
                   and "__pycache__" not in p.parts)
    target = Path(chapters) / DOWNLOADS / f"{assignment_id}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_suffix(".zip.part")
    with zipfile.ZipFile(scratch, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{assignment_id}/{path.relative_to(folder).as_posix()}", _ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    if target.is_file() and target.read_bytes() == scratch.read_bytes():
        scratch.unlink()
    else:
        scratch.replace(target)
    return target


#: A link from one assignment to another, as source notebooks write it: ``[text](../<id>/<notebook>.ipynb)``.
#: It works in JupyterLab, where nbgrader puts the assignment folders side by side; in the book it
#: becomes a link to the other chapter (:func:`link_chapters`).
CROSS_LINK = re.compile(r"\]\(\.\./(?P<assignment_id>[^/)\s]+)/(?P<notebook>[^/)]+\.ipynb)\)")


def link_chapters(text, source=SOURCE):
    """str: markdown ``text`` with each link to another assignment's notebook pointing at its chapter.

    Raises
    ------
    BuildError
        If a link names a folder that is no assignment, or a notebook that is not the
        assignment's: the link is broken in JupyterLab too.
    """
    known = set(assignments(source))

    def to_chapter(match):
        assignment_id, notebook = match["assignment_id"], match["notebook"]
        if assignment_id not in known or notebook_of(assignment_id, source).name != notebook:
            raise BuildError(f"the link ../{assignment_id}/{notebook} points at no assignment's notebook; "
                             f"write it as ../<assignment-id>/<its notebook>.ipynb, e.g. "
                             f"../{sorted(known)[0]}/{notebook_of(sorted(known)[0], source).name}")
        return f"]({assignment_id}.ipynb)"  # chapters/<id>.ipynb sits beside this chapter

    return CROSS_LINK.sub(to_chapter, text)


def chapter_header(assignment_id, points):
    """A markdown cell that tells the reader what the chapter shows, how it is graded, and where
    to download the student folder."""
    total = sum(p for _, p in points)
    rows = "\n".join(f"| `{grade_id}` | {p:g} |" for grade_id, p in points)
    text = (f"```{{note}}\nThis chapter is assignment `{assignment_id}` as students receive it, with the "
            f"outputs of a correct solution. Exercises are left as `# YOUR CODE HERE`; work through them in "
            f"JupyterLab (see {{doc}}`/book/how_to_take_the_course`).\n```\n\n"
            f"{{download}}`Download the student folder ({assignment_id}.zip) <{DOWNLOADS}/{assignment_id}.zip>`: "
            f"the notebook with its data and helpers, ready to open in JupyterLab.\n\n"
            f"| graded test | points |\n| --- | --- |\n{rows}\n| **total** | **{total:g}** |\n")
    return nbformat.v4.new_markdown_cell(text, id=f"{assignment_id}-points")


def build_chapter(assignment_id, source=SOURCE, release=RELEASE, chapters=CHAPTERS, cache=CACHE):
    """Write ``chapters/<assignment_id>.ipynb``; return True if its content changed.

    Unchanged chapters are not rewritten, so the book build does not redo their pages.
    """
    executed = execute_source(assignment_id, source, cache)
    released, _ = glue.fill_release(assignment_id, executed, source, release)  # before the zip reads it
    chapter = transplant_outputs(executed, released)
    for cell in chapter.cells:
        if cell.cell_type == "markdown":
            cell.source = link_chapters(cell.source, source)
    first_markdown = next((i for i, c in enumerate(chapter.cells) if c.cell_type == "markdown"), 0)
    chapter.cells.insert(first_markdown + 1, chapter_header(assignment_id, graded_points(executed)))
    zip_release(assignment_id, release, chapters)
    text = nbformat.writes(chapter)
    target = Path(chapters) / f"{assignment_id}.ipynb"
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return True


def declared_seconds(assignment_id, source=SOURCE):
    """int: the time budget an assignment's cells declare in all (coursebuild.grading.cell_timeout),
    a measure of how long its notebook runs."""
    notebook = nbformat.read(notebook_of(assignment_id, source), as_version=4)
    return sum(cell_timeout(cell) for cell in notebook.cells if cell.cell_type == "code")


def execute_all(ids, workers=None):
    """Execute the source notebooks of ``ids`` that are not cached, in parallel, one kernel per core
    (``workers``, default the number of cores): each runs in its own folder and process and is
    cached on its own. The longest (by :func:`declared_seconds`) start first: one started last
    would run alone at the end. Raises the first BuildError."""
    longest_first = sorted(ids, key=declared_seconds, reverse=True)
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:  # the work runs in kernels
        list(pool.map(execute_source, longest_first))


def fill_releases(workers=None):
    """Write the numbers the text quotes into every released notebook (coursebuild/glue.py),
    executing the source notebooks that need it; print one line per assignment."""
    ids = assignments()
    execute_all(ids, workers)
    for assignment_id in ids:
        _, changed = glue.fill_release(assignment_id, execute_source(assignment_id))
        print(f"release/{assignment_id}: {'numbers from the run written' if changed else 'numbers up to date'}")


def build_all(workers=None):
    """Build every chapter (executing the notebooks that need it); print one line per chapter."""
    ids = assignments()
    execute_all(ids, workers)
    for assignment_id in ids:
        changed = build_chapter(assignment_id)  # reads the executions just cached
        print(f"chapters/{assignment_id}.ipynb: {'written' if changed else 'up to date'}")

"""The HTML book: releases, chapters, then Jupyter Book, failing on any warning and on any
solution line in what it publishes (:func:`coursebuild.leaks.refuse_leaks`)."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import chapters, datasets, leaks, release, shipped
from .cache import Stamp, tree_digest
from .paths import BUILD, CACHE, ROOT, BuildError


def refresh_executed_pages(root=ROOT):
    """Make Jupyter Book re-run the notebook pages of book/ when data/ or coursekit/ changed.

    Its execution cache keys on a notebook's code only, and Sphinx re-reads a page only when
    its file changed; a page that plots the datasets would otherwise keep stale figures.
    Returns True if the pages were marked for re-execution.
    """
    root = Path(root)
    digest = tree_digest(root / "data", root / "coursekit")
    stamp = Stamp("book-pages", root / CACHE.relative_to(ROOT))
    if stamp.matches(digest):
        return False
    shutil.rmtree(root / "_build" / ".jupyter_cache", ignore_errors=True)
    for page in (root / "book").rglob("*.ipynb"):
        os.utime(page)  # a newer mtime makes Sphinx read (and so execute) the page again
    stamp.record(digest)
    return True


def run_jupyter_book(root=ROOT):
    """Build ``root`` into ``root/_build/html``; Sphinx warnings are errors.

    Raises
    ------
    BuildError
        If Jupyter Book reports a warning or an error (its output is included).
    """
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(root), "--warningiserror", "--keep-going"]
    result = subprocess.run(command, cwd=root, env=release.venv_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"the book build failed (warnings count as errors):\n{result.stdout[-6000:]}\n"
                         f"{result.stderr[-6000:]}")
    return result


def build(root=ROOT):
    """Everything ``make book`` does. Returns the path of the built index page."""
    started = time.perf_counter()
    datasets.ensure(Path(root) / "data")
    release.release_all(root)
    chapters.build_all()
    refresh_executed_pages(root)
    print("building the HTML book ...", flush=True)
    run_jupyter_book(root)
    leaks.refuse_leaks(root, shipped.allowed_lines())  # last: a leak stops the build
    index = Path(root) / BUILD.relative_to(ROOT) / "html" / "index.html"
    print(f"book built in {time.perf_counter() - started:.1f} s; open file://{index}")
    return index

"""The HTML book: releases, chapters, then Jupyter Book, failing on any warning."""
import subprocess
import sys
import time
from pathlib import Path

from . import chapters, release
from .paths import BUILD, ROOT, BuildError


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
    release.release_all(root)
    chapters.build_all()
    print("building the HTML book ...", flush=True)
    run_jupyter_book(root)
    index = Path(root) / BUILD.relative_to(ROOT) / "html" / "index.html"
    print(f"book built in {time.perf_counter() - started:.1f} s; open file://{index}")
    return index

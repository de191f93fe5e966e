"""How long do the two commands take from nothing: ``make test`` and ``make book``?

Each command runs in its own scratch copy of the working tree (the files git tracks, or would
track: nothing built), with the virtual environment of this interpreter, so it starts as cold as
in CI and leaves the repository's own caches alone:

- ``make test``, as CI runs it: datasets, releases, the source notebooks in the fast setting, the
  book, then pytest;
- ``make book``: datasets, releases, the source notebooks in the full setting, Jupyter Book;
- ``make book`` again, with nothing changed.

Each notebook's wall time is the one the build recorded while it ran it
(:func:`coursebuild.chapters.execution_record`): one kernel per core, as the build always runs
them.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from coursebuild import chapters
from coursebuild.paths import ROOT

#: Seconds aimed at on a 2-core machine (issue 21): the whole test suite (15 minutes is the
#: ceiling), the full book, a rebuild with nothing changed.
TARGETS = {"test": 8 * 60, "book": 10 * 60, "rebuild": 10}
LOGS = ROOT / "_build" / "bench"


def scratch_copy(target, root=ROOT):
    """Copy the working tree's files (tracked, and untracked ones git does not ignore) into ``target``.

    Built things (``.venv``, ``data``, ``release``, ``_build``) are ignored by git, so the copy is
    what a fresh clone of this working tree would hold. Returns ``target``.
    """
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=root,
                            capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = Path(root) / name
        if source.is_file():  # a tracked file deleted in the working tree is still listed
            destination = Path(target) / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    return Path(target)


def _make(target, folder, log):
    """Seconds that ``make <target>`` took in ``folder``, with this interpreter's environment.

    ``VENV`` points the Makefile at the existing environment and ``-o`` keeps make from
    reinstalling it (its stamp is older than the copy's pyproject.toml). The environment's
    editable install points at the repository; ``PYTHONPATH`` makes every process, kernels
    included, import the copy's packages instead.
    """
    venv = Path(sys.prefix)
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_FAST", "MAKEFLAGS", "MAKELEVEL")}
    env["PYTHONPATH"] = str(folder)
    command = ["make", target, f"VENV={venv}", "-o", f"{venv}/.installed-stamp"]
    log.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as output:
        result = subprocess.run(command, cwd=folder, env=env, stdout=output, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    if result.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"`{' '.join(command)}` failed in {folder} (exit {result.returncode}); "
                           f"the whole log is {log}. Its end:\n{tail}")
    print(f"  make {target}: {seconds:.0f} s", flush=True)
    return seconds


def notebook_times(folder, setting):
    """dict: assignment id -> seconds of its execution in ``setting``, from a build's cache in ``folder``."""
    times = {}
    for path in sorted((Path(folder) / "_build" / ".coursebuild" / "executed").glob("*.ipynb")):
        record = chapters.execution_record(nbformat.read(path, as_version=4))
        if record is not None and record["setting"] == setting:
            times[record["assignment"]] = record["seconds"]
    return times


def run(root=ROOT, logs=LOGS):
    """Time ``make test`` and ``make book`` (twice) from nothing.

    Returns
    -------
    results : dict
        ``steps``: list of (command, what it did, seconds, target seconds);
        ``notebooks``: assignment id -> {"fast": seconds, "full": seconds}.
    """
    steps, notebooks = [], {}
    with tempfile.TemporaryDirectory(prefix="bench-test-") as folder:
        scratch_copy(folder, root)
        seconds = _make("test", folder, Path(logs) / "make-test.log")
        steps.append(("make test", "datasets, releases, notebooks in the fast setting, book, pytest", seconds,
                      TARGETS["test"]))
        for assignment_id, seconds in notebook_times(folder, "fast").items():
            notebooks.setdefault(assignment_id, {})["fast"] = seconds
    with tempfile.TemporaryDirectory(prefix="bench-book-") as folder:
        scratch_copy(folder, root)
        seconds = _make("book", folder, Path(logs) / "make-book.log")
        steps.append(("make book", "datasets, releases, notebooks in the full setting, Jupyter Book", seconds,
                      TARGETS["book"]))
        seconds = _make("book", folder, Path(logs) / "make-book-again.log")
        steps.append(("make book", "again, nothing changed", seconds, TARGETS["rebuild"]))
        for assignment_id, seconds in notebook_times(folder, "full").items():
            notebooks.setdefault(assignment_id, {})["full"] = seconds
    return {"steps": steps, "notebooks": notebooks}


def _seconds(value):
    return "" if value is None else f"{value:.1f}"


def section(results):
    """str: the Markdown sections of bench/results.md for :func:`run`'s results."""
    lines = ["## The two commands, from nothing", "",
             "Each in a fresh copy of the working tree with nothing built (only the virtual environment is "
             "reused), as CI runs it. Targets are for a 2-core machine.", "",
             "| command | what it did | seconds | target | within |", "| --- | --- | ---: | ---: | --- |"]
    lines += [f"| `{command}` | {what} | {seconds:.0f} | under {target} | {'yes' if seconds < target else '**no**'} |"
              for command, what, seconds, target in results["steps"]]
    notebooks = results["notebooks"]
    lines += ["", "## Each source notebook, fast and full setting", "",
              "Wall time of one execution, as the builds above ran it (one kernel per core, several notebooks at "
              "once). Fast: `COURSE_FAST=1`, what `make test` runs; full: what the book shows.", "",
              "| assignment | fast (s) | full (s) |", "| --- | ---: | ---: |"]
    lines += [f"| {a} | {_seconds(t.get('fast'))} | {_seconds(t.get('full'))} |" for a, t in sorted(notebooks.items())]
    totals = {s: sum(t.get(s) or 0 for t in notebooks.values()) for s in ("fast", "full")}
    lines.append(f"| **all, one after another** | **{totals['fast']:.0f}** | **{totals['full']:.0f}** |")
    return "\n".join(lines) + "\n"

"""Shared fixtures: the built course (releases, chapters, HTML), built once per test session, and
headless Chromium for the browser tests; the order in which test files are handed out.

``make test`` runs the test files on two processes (pytest-xdist, ``--dist loadfile``: a file's
tests share its fixtures, so they stay together)."""
import fcntl
import os
import tempfile
from pathlib import Path

import pytest

from coursebuild import book
from coursebuild.paths import ROOT

CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "_build" / "screenshots"
# Chromium must not try to reach Google's services: this machine's network is closed, and each
# refused connection would only slow the test down.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="session")
def built_course():
    """The repository root after `make book` (cached: seconds when nothing changed).

    Each test process asks for it; a lock makes the second wait for the first instead of running
    Jupyter Book into the same folder at the same time.
    """
    lock = ROOT / "_build" / ".book.lock"
    lock.parent.mkdir(exist_ok=True)
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        book.build(ROOT)
    return ROOT


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's, installed by ``make browser``), driven by Playwright."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium; `make test` does it), "
                    f"or point COURSE_CHROMIUM at a Chromium or Chrome binary.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


#: Test files that take minutes, handed out first: started last, one would run alone at the end.
SLOW_FIRST = ("test_nbgrader_roundtrip.py", "test_student_validate.py", "test_hostile_submissions.py",
              "test_exchange.py", "test_classgrade.py", "test_jupyterlab_browser.py")


def pytest_collection_modifyitems(items):
    """The slow files first, in SLOW_FIRST's order; the rest as collected."""
    rank = {name: index for index, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a file's tests keep their order


def pytest_collection_finish(session):
    """Start resolving the students' requirements for every platform as soon as the test that
    checks them is selected: the work waits on the package index, so it overlaps the other tests.
    Each pytest-xdist worker starts it (neither knows whether that test will be its own): the
    resolutions are mostly waiting, and one that waits 80 s at the end of a worker costs more."""
    if any(item.name.startswith("test_every_release_installs") for item in session.items):
        from tests import test_student_install

        folder = tempfile.TemporaryDirectory(prefix="student-install-")
        session.config.add_cleanup(folder.cleanup)
        test_student_install.start_all(Path(folder.name))
        # The worker without the test stops its resolutions when it is done (runs before the cleanup above).
        session.config.add_cleanup(lambda: [p.kill() for p in test_student_install.RUNNING.values() if p.poll() is None])

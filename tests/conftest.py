"""Shared fixtures: the built course (releases, chapters, HTML), built once per test session, and
headless Chromium for the browser tests."""
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
    """The repository root after `make book` (cached: seconds when nothing changed)."""
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


def pytest_collection_finish(session):
    """Start resolving the students' requirements for every platform as soon as the test that
    checks them is selected: the work waits on the package index, so it overlaps the other tests."""
    if any(item.name.startswith("test_every_release_installs") for item in session.items):
        from tests import test_student_install

        folder = tempfile.TemporaryDirectory(prefix="student-install-")
        session.config.add_cleanup(folder.cleanup)
        test_student_install.start_all(Path(folder.name))

"""Shared fixtures: the built course (releases, chapters, HTML), built once per test session."""
import tempfile
from pathlib import Path

import pytest

from coursebuild import book
from coursebuild.paths import ROOT


@pytest.fixture(scope="session")
def built_course():
    """The repository root after `make book` (cached: seconds when nothing changed)."""
    book.build(ROOT)
    return ROOT


def pytest_collection_modifyitems(config, items):
    """Start resolving the students' requirements for every platform as soon as the test that
    checks them is selected: the work waits on the package index, so it overlaps the other tests."""
    if any(item.module.__name__ == "tests.test_student_install" for item in items):
        from tests import test_student_install

        folder = tempfile.TemporaryDirectory(prefix="student-install-")
        config.add_cleanup(folder.cleanup)
        test_student_install.start_all(Path(folder.name))

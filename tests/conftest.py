"""Shared fixtures: the built course (releases, chapters, HTML), built once per test session."""
import pytest

from coursebuild import book
from coursebuild.paths import ROOT


@pytest.fixture(scope="session")
def built_course():
    """The repository root after `make book` (cached: seconds when nothing changed)."""
    book.build(ROOT)
    return ROOT

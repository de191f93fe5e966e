"""Is the HTML book built, free of source copies and download buttons, and strict about warnings?"""
import re
import shutil

import pytest

from coursebuild import book
from coursebuild.paths import ROOT, BuildError, assignments


def test_index_and_every_chapter_are_built(built_course):
    html = built_course / "_build" / "html"
    assert (html / "index.html").is_file()
    for assignment_id in assignments():
        page = html / "chapters" / f"{assignment_id}.html"
        assert page.is_file(), f"no page for {assignment_id}"
        assert "YOUR CODE HERE" in page.read_text()


def test_no_page_sources_or_download_buttons(built_course):
    html = built_course / "_build" / "html"
    assert not (html / "_sources").exists(), "Sphinx copied page sources into the site"
    for page in html.rglob("*.html"):
        text = page.read_text()
        links = re.findall(r'href="([^"]*\.ipynb)"', text)
        buttons = re.findall(r"download-\w+-button", text)
        assert not buttons and not links, f"{page} offers a download: {buttons or links}"


def test_no_source_notebook_became_a_page(built_course):
    html = built_course / "_build" / "html"
    assert not (html / "source").exists() and not (html / "release").exists()


def test_a_sphinx_warning_fails_the_build(tmp_path):
    """A page with a broken cross-reference makes the whole build fail, not just warn."""
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(ROOT / name, tmp_path)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\n")
    (tmp_path / "index.md").write_text("# A page\n\nSee {doc}`a_page_that_does_not_exist`.\n")
    with pytest.raises(BuildError, match="a_page_that_does_not_exist"):
        book.run_jupyter_book(tmp_path)

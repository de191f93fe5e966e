"""Is the leak scan able to find a solution line, and are release/ and _build/html free of them?"""
import json
import shutil
import zipfile

import nbformat
import pytest

from coursebuild import leaks, shipped
from coursebuild.paths import ROOT, BuildError, assignments, notebook_of


@pytest.fixture(scope="module")
def lines():
    return leaks.solution_lines(ROOT)


def test_every_solution_cell_contributes_lines_to_the_scan(lines):
    """A scan that knows no line of an exercise could never catch its leak."""
    for assignment_id in assignments():
        notebook = nbformat.read(notebook_of(assignment_id), as_version=4)
        for cell in notebook.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution") and "### BEGIN SOLUTION" in cell.source:
                body = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
                if not any(leaks._keep(line) for line in body.splitlines()):
                    continue  # a one-liner too short to prove anything (`J = theta * x`) cannot be scanned for
                known = [line.strip() for line in body.splitlines() if line.strip() in lines]
                assert known, f"{assignment_id}/{meta['grade_id']}: no line of its solution is scanned for"


def published_copy(built_course, tmp_path):
    """A course root whose source/, solutions/ and coursekit/ are the built course's and whose
    published folders are copies, to plant a line in."""
    root = tmp_path / "course"
    root.mkdir()
    for name in ("source", "solutions", "coursekit"):
        (root / name).symlink_to(built_course / name)
    for name in ("release", "chapters"):
        shutil.copytree(built_course / name, root / name)
    return root


def test_the_build_refuses_a_solution_line_planted_in_a_release_notebook(built_course, lines, tmp_path):
    """The book's build ran the same scan last and passed (tests/conftest.py: built_course); a
    planted line makes it stop, naming the file and the line."""
    root = published_copy(built_course, tmp_path)
    leaks.refuse_leaks(root, shipped.allowed_lines())  # clean as built
    notebook_path = sorted((root / "release").glob("*/*.ipynb"))[0]
    notebook = nbformat.read(notebook_path, as_version=4)
    planted = sorted(lines)[0]
    notebook.cells[-1].source += f"\n\nA hint: `{planted}`"
    nbformat.write(notebook, notebook_path)
    assert [leak.line for leak in leaks.scan_release(root / "release", lines, shipped.allowed_lines())] == [planted]
    with pytest.raises(BuildError, match=rf"(?s)would publish solution code \(1 line\(s\)\).*{notebook_path.name}"):
        leaks.refuse_leaks(root, shipped.allowed_lines())


def test_a_solution_line_in_a_download_zip_is_found_but_a_shipped_helper_is_not(built_course, lines, tmp_path):
    """The chapters' zips are the release folders: their shipped helpers are allowed, any other solution line is not."""
    root = published_copy(built_course, tmp_path)
    zips = sorted((root / "chapters").rglob("*.zip"))
    assert zips and not leaks.scan(root / "chapters", lines, shipped.allowed_lines())
    assert any(leaks.scan(root / "chapters", lines)), "without the allowance the shipped helpers are found"
    planted = sorted(lines)[0]
    target = zips[0]
    with zipfile.ZipFile(target, "a") as archive:
        archive.writestr(f"{target.stem}/notes.md", f"remember: {planted}\n")
    found = leaks.scan(root / "chapters", lines, shipped.allowed_lines())
    assert [(leak.line, str(leak.path)) for leak in found] == [(planted, f"{target}!{target.stem}/notes.md")]


def test_a_solution_line_hidden_by_syntax_highlighting_is_found(lines, tmp_path):
    planted = max(lines, key=len)
    words = planted.replace("(", " ( ").split()
    highlighted = "".join(f'<span class="n">{word.replace("&", "&amp;").replace(">", "&gt;")}</span> '
                          for word in words)
    (tmp_path / "page.html").write_text(f"<html><body><pre>{highlighted}</pre></body></html>")
    found = [leak.line for leak in leaks.scan(tmp_path, lines)]
    assert planted in found and all(line in planted for line in found), found  # shorter lines it contains count too


def test_a_solution_line_inside_json_escapes_is_found(lines, tmp_path):
    planted = next(line for line in sorted(lines) if '"' in line)
    (tmp_path / "data.json").write_text(json.dumps({"cells": [{"source": [planted + "\n"]}]}))
    assert leaks.scan(tmp_path, lines)


def test_short_generic_lines_are_not_scanned_for():
    assert not leaks._keep("return s") and not leaks._keep("# a comment that is long enough")


def test_lines_coursekit_gives_every_student_are_not_scanned_for(lines):
    """A helper in coursekit may share a generic line with a solution; finding it proves nothing."""
    assert "for i in range(m):" in (ROOT / "coursekit" / "yolo.py").read_text()
    assert "for i in range(m):" not in lines
    assert "box_scores = box_confidence * box_class_probs" in lines, "the exercises' own lines are still scanned for"

"""Is the leak scan able to find a solution line, and are release/ and _build/html free of them?"""
import json
import shutil

import nbformat
import pytest

from coursebuild import leaks
from coursebuild.paths import ROOT, assignments, notebook_of


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


@pytest.mark.parametrize("folder", ["chapters", "_build/html"])
def test_built_folders_hold_no_solution_line(built_course, lines, folder):
    found = leaks.scan(built_course / folder, lines)
    assert not found, "solution lines leaked:\n" + "\n".join(map(str, found[:20]))


def test_release_holds_no_solution_line_but_its_shipped_helpers(built_course, lines):
    found = leaks.scan_release(built_course / "release", lines)
    assert not found, "solution lines leaked:\n" + "\n".join(map(str, found[:20]))


def test_a_solution_line_planted_in_a_release_notebook_is_found(built_course, lines, tmp_path):
    copy = tmp_path / "release"
    shutil.copytree(built_course / "release", copy)
    notebook_path = sorted(copy.glob("*/*.ipynb"))[0]
    notebook = nbformat.read(notebook_path, as_version=4)
    planted = sorted(lines)[0]
    notebook.cells[-1].source += f"\n\nA hint: `{planted}`"
    nbformat.write(notebook, notebook_path)
    assert [leak.line for leak in leaks.scan_release(copy, lines)] == [planted]


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

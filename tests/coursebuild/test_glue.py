"""Does the text quote the run: are glued values written into the released notebook and the
chapter, from the run in the current setting, and does a placeholder without a value stop the build?"""
import re

import nbformat
import numpy as np
import pytest

from coursebuild import chapters, glue
from coursebuild.paths import BuildError, assignments, notebook_of
from coursekit import GLUE_MIMETYPE


def test_fill_formats_each_value_and_refuses_what_it_cannot_fill():
    values = {"accuracy": 0.8125, "steps": 135}
    text = "reaches {glue:text}`accuracy:.1%` after {glue:text}`steps` steps ({glue:text}`accuracy`)"
    assert glue.fill(text, values, "here") == "reaches 81.2% after 135 steps (0.8125)"
    with pytest.raises(BuildError, match=r"(?s)x1, markdown cell 3: .*`cost:\.3f` quotes a value no code cell glued "
                                         r"\(glued: accuracy, steps\).*glue\('cost', value\)"):
        glue.fill("a cost of {glue:text}`cost:.3f`", values, "x1, markdown cell 3")
    with pytest.raises(BuildError, match="format '.3f' does not apply"):
        glue.fill("{glue:text}`name:.3f`", {"name": "text"}, "here")


def test_glue_takes_numbers_and_strings_only():
    from coursekit import glue as glue_value

    with pytest.raises(TypeError, match=r"takes a number or a string, not ndarray; glue the number"):
        glue_value("weights", np.zeros(3))


def _glue_output(name, value):
    return nbformat.v4.new_output("display_data", data={GLUE_MIMETYPE: {"name": name, "value": value}})


def test_a_name_glued_twice_is_refused():
    cell = nbformat.v4.new_code_cell("glue('a', 1)\nglue('a', 2)")
    cell.outputs = [_glue_output("a", 1), _glue_output("a", 2)]
    with pytest.raises(BuildError, match="'a' is recorded twice"):
        glue.glued_values(nbformat.v4.new_notebook(cells=[cell]))


def _course(tmp_path, code, text):
    """A scratch source folder and its 'release' (a copy: nbgrader releases markdown as written)."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code), nbformat.v4.new_markdown_cell(text)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for folder in ("source", "release"):
        (tmp_path / folder / "x1_glue").mkdir(parents=True)
        nbformat.write(notebook, tmp_path / folder / "x1_glue" / "glue.ipynb")
    return tmp_path / "source", tmp_path / "release"


def test_the_release_and_the_chapter_quote_the_run_of_the_current_setting(tmp_path, monkeypatch):
    """make test (fast) and make book (full) share release/: filling again gives the other run's numbers."""
    source, release = _course(
        tmp_path, "import os\nimport numpy as np\nfrom coursekit import glue\n"
                  "glue('epochs', 2 if os.environ.get('COURSE_FAST') == '1' else 40)\nglue('accuracy', np.float64(0.875))",
        "After {glue:text}`epochs` epochs the accuracy is {glue:text}`accuracy:.1%`.")
    released = release / "x1_glue" / "glue.ipynb"
    for setting, epochs in (("1", 2), ("", 40), ("1", 2)):
        monkeypatch.setenv("COURSE_FAST", setting)
        executed = chapters.execute_source("x1_glue", source=source, cache=tmp_path / "cache")
        glue.fill_release("x1_glue", executed, source=source, release=release)
        text = nbformat.read(released, as_version=4).cells[1].source
        assert text == f"After {epochs} epochs the accuracy is 87.5%.", setting
    chapter = chapters.transplant_outputs(executed, nbformat.read(released, as_version=4))
    assert chapter.cells[0].outputs == [], "glue's records are not the chapter's outputs"


@pytest.mark.parametrize("assignment_id", assignments())
def test_no_placeholder_reaches_a_student_or_a_reader(built_course, assignment_id):
    name = notebook_of(assignment_id).name
    for path in (built_course / "release" / assignment_id / name, built_course / "chapters" / f"{assignment_id}.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        left = [m[0] for c in notebook.cells if c.cell_type == "markdown" for m in glue.PLACEHOLDER.finditer(c.source)]
        assert not left, f"{path} shows {left}"
        assert "{glue" not in path.read_text(encoding="utf-8"), f"{path}: a glue role the build does not fill"


def test_every_glued_value_is_quoted():
    """A glue call nobody quotes is a number the text has stopped talking about."""
    unused = []
    for assignment_id in assignments():
        source = nbformat.read(notebook_of(assignment_id), as_version=4)
        quoted = {m["name"] for c in source.cells if c.cell_type == "markdown" for m in glue.PLACEHOLDER.finditer(c.source)}
        glued = {n for c in source.cells if c.cell_type == "code"
                 for n in re.findall(r"\bglue\(\s*[\"']([^\"']+)[\"']", c.source)}
        unused += [f"{assignment_id}: {n}" for n in sorted(glued - quoted)]
    assert not unused, f"glued but never quoted: {unused}"

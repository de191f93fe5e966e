"""Does each chapter show the student's version with the outputs of a correct run, and does a
broken notebook stop the build?"""
import nbformat
import pytest

from coursebuild import chapters
from coursebuild.paths import BuildError, assignments


@pytest.mark.parametrize("assignment_id", assignments())
def test_chapter_has_scaffolds_outputs_and_no_hidden_tests(built_course, assignment_id):
    chapter = nbformat.read(built_course / "chapters" / f"{assignment_id}.ipynb", as_version=4)
    code = [c for c in chapter.cells if c.cell_type == "code"]
    assert any("# YOUR CODE HERE" in c.source and "raise NotImplementedError()" in c.source for c in code)
    assert not any("BEGIN SOLUTION" in c.source or "BEGIN HIDDEN TESTS" in c.source or "autograder" in c.source
                   for c in chapter.cells)
    with_output = [c for c in code if c.outputs]
    assert len(with_output) >= len(code) // 3, "most code cells should show the outputs of a correct run"
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, f"the chapter shows errors: {errors[:1]}"
    assert "graded test | points" in chapter.cells[1].source


def _assignment(tmp_path, code):
    """A scratch source folder with one notebook made of one code cell."""
    folder = tmp_path / "source" / "x0_broken"
    folder.mkdir(parents=True)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, folder / "broken.ipynb")
    return tmp_path / "source"


def test_a_notebook_that_raises_stops_the_build(tmp_path):
    source = _assignment(tmp_path, "x = 1\nraise ValueError('a planted failure')")
    with pytest.raises(BuildError, match="(?s)broken.ipynb failed to execute.*a planted failure"):
        chapters.execute_source("x0_broken", source=source, cache=tmp_path / "cache")


def test_a_successful_execution_is_cached(tmp_path):
    source = _assignment(tmp_path, "print(6 * 7)")
    first = chapters.execute_source("x0_broken", source=source, cache=tmp_path / "cache")
    assert first.cells[0].outputs[0]["text"] == "42\n"
    # Replace the kernel's work with a failure: a cached run must not start a kernel at all.
    (tmp_path / "cache" / "run").rename(tmp_path / "cache" / "run-moved")
    again = chapters.execute_source("x0_broken", source=source, cache=tmp_path / "cache")
    assert again == first and not (tmp_path / "cache" / "run").exists()


def test_a_stale_release_is_refused():
    executed = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("a"), nbformat.v4.new_markdown_cell("b")])
    released = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("a")])
    with pytest.raises(BuildError, match="make release"):
        chapters.transplant_outputs(executed, released)


def test_chapters_show_clean_results(built_course):
    """A reader sees a correct run: no error, no numerical warning (a NaN cost is a broken demo)."""
    for path in sorted((built_course / "chapters").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        for index, cell in enumerate(notebook.cells):
            for output in cell.get("outputs", []):
                assert output.output_type != "error", f"{path.name} cell {index} shows an error: {output.get('evalue')}"
                text = output.get("text", "")
                assert "warning" not in text.lower() and " nan" not in text, f"{path.name} cell {index} shows:\n{text[:500]}"

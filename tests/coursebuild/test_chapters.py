"""Does each chapter show the student's version with the outputs of a correct run, and does a
broken notebook stop the build?"""
import re

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


def test_fast_and_full_runs_are_cached_side_by_side(tmp_path, monkeypatch):
    """make test (fast) between two make book runs (full) must not re-run the book's training."""
    source = _assignment(tmp_path, "import os\nprint(os.environ.get('COURSE_FAST', 'unset'))")
    runs = {}
    for value in ("1", "", "1", ""):
        monkeypatch.setenv("COURSE_FAST", value)
        runs.setdefault(value, []).append(chapters.execute_source("x0_broken", source=source, cache=tmp_path / "cache"))
    assert runs["1"][0].cells[0].outputs[0]["text"] == "1\n" and runs[""][0].cells[0].outputs[0]["text"] == "\n"
    assert runs["1"][1] == runs["1"][0] and runs[""][1] == runs[""][0], "the second run of a setting was not cached"
    names = sorted(p.name.split("-")[1] for p in (tmp_path / "cache" / "executed").iterdir())
    assert names == ["fast", "full"], f"expected one cached run per setting, found {names}"
    record = chapters.execution_record(runs["1"][0])
    assert record is not None and record["seconds"] > 0, "the run's wall time is recorded for the benchmark"
    assert record["assignment"] == "x0_broken" and record["setting"] == "fast", f"the run is recorded as {record}"


def test_links_between_assignments_become_links_between_chapters(tmp_path):
    source = tmp_path / "source"
    for assignment_id, name in [("a1_first", "first.ipynb"), ("a2_second", "second.ipynb")]:
        (source / assignment_id).mkdir(parents=True)
        nbformat.write(nbformat.v4.new_notebook(), source / assignment_id / name)
    text = "as in [the first one](../a1_first/first.ipynb), and [a site](https://example.org/x.ipynb)"
    assert chapters.link_chapters(text, source) == \
        "as in [the first one](a1_first.ipynb), and [a site](https://example.org/x.ipynb)"
    for broken in ["[x](../a3_missing/first.ipynb)", "[x](../a1_first/second.ipynb)"]:
        with pytest.raises(BuildError, match="points at no assignment's notebook"):
            chapters.link_chapters(broken, source)


def test_chapters_link_each_other_and_caption_every_figure(built_course):
    """Source notebooks link other assignments as ../<id>/<notebook>.ipynb (JupyterLab); the book's
    chapters must link the chapters instead, and every figure of a run needs a caption."""
    linked = set()
    for path in sorted((built_course / "chapters").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "markdown":
                assert "](../" not in cell.source, f"{path.name} cell {index} still links a notebook path"
                linked |= {(path.stem, target) for target in re.findall(r"\]\((\w+)\.ipynb\)", cell.source)}
                continue
            images = [o for o in cell.get("outputs", []) if any(k.startswith("image/") for k in o.get("data", {}))]
            caption = cell.metadata.get("mystnb", {}).get("figure", {}).get("caption")
            assert not images or caption, (
                f"{path.name} cell {index} shows a figure without a caption: add the metadata "
                f"{{'mystnb': {{'figure': {{'caption': '...'}}}}}} to its cell in the source notebook")
            assert len(images) <= 1, (f"{path.name} cell {index} shows {len(images)} figures: the caption would repeat "
                                      f"under each; draw them as one figure or split the cell")
    assert ("c1w3a_planar_data", "c1w2b_logistic_regression") in linked, \
        "the shallow net should link logistic regression"
    assert len({source for source, _ in linked}) >= 12, f"only {sorted(linked)} link another chapter"


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

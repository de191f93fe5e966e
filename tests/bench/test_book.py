"""The build benchmark starts from nothing and reports what the builds recorded."""
import subprocess

import nbformat

from bench import book


def test_the_scratch_copy_holds_what_a_clone_would_and_nothing_built(tmp_path):
    repo = tmp_path / "repo"
    (repo / "source").mkdir(parents=True)
    (repo / ".gitignore").write_text("data/\n")
    (repo / "source" / "tracked.py").write_text("x = 1\n")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    (repo / "new.md").write_text("not committed yet\n")  # untracked, not ignored: part of the work
    (repo / "data").mkdir()
    (repo / "data" / "built.h5").write_text("built\n")  # ignored: must be rebuilt in the copy
    copy = book.scratch_copy(tmp_path / "copy", repo)
    found = sorted(str(p.relative_to(copy)) for p in copy.rglob("*") if p.is_file())
    assert found == [".gitignore", "new.md", "source/tracked.py"], f"the copy holds {found}"


def test_notebook_times_come_from_the_builds_cache(tmp_path):
    executed = tmp_path / "_build" / ".coursebuild" / "executed"
    executed.mkdir(parents=True)
    for name, seconds in [("a1_first-fast-0123", 2.5), ("a1_first-full-4567", 40.0), ("a2_second-fast-89ab", None)]:
        notebook = nbformat.v4.new_notebook()
        if seconds is not None:
            assignment, setting, _ = name.split("-")
            notebook.metadata["coursebuild"] = {"assignment": assignment, "setting": setting, "seconds": seconds}
        nbformat.write(notebook, executed / f"{name}.ipynb")
    assert book.notebook_times(tmp_path, "fast") == {"a1_first": 2.5}
    assert book.notebook_times(tmp_path, "full") == {"a1_first": 40.0}


def test_the_table_says_whether_each_command_is_within_its_target():
    text = book.section({"steps": [("make test", "all of it", 800.0, 900), ("make book", "again", 45.0, 30)],
                         "notebooks": {"a1_first": {"fast": 2.5, "full": 40.0}, "a2_second": {"fast": 1.0}}})
    assert "| `make test` | all of it | 800 | under 900 | yes |" in text
    assert "| `make book` | again | 45 | under 30 | **no** |" in text
    assert "| a2_second | 1.0 |  |" in text and "| **all, one after another** | **4** | **40** |" in text

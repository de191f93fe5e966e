"""Does the sandbox that autograding runs student code in hold, and say clearly when it cannot run?"""
import os
import subprocess
import sys

import pytest

from coursebuild import sandbox
from coursebuild.paths import ROOT

PROBE = """
import os, resource, socket
def attempt(what, action):
    try:
        action()
        print(what, "ALLOWED")
    except BaseException as error:
        print(what, "refused", type(error).__name__)
attempt("read solutions", lambda: open({solutions!r}).read())
attempt("import autograder", lambda: __import__("autograder.core"))
print("the course holds", os.listdir({root!r}) if os.path.isdir({root!r}) else "nothing")
attempt("write the venv", lambda: open({venv!r}, "w"))
attempt("write the assignment", lambda: open("/assignment/x", "w"))
attempt("network", lambda: socket.create_connection(("1.1.1.1", 53), timeout=2))
attempt("write home", lambda: open("notes.txt", "w").write("mine"))
attempt("huge file", lambda: open("/tmp/big", "wb").write(b"0" * (2 * {file_size})))
print("uid", os.getuid())
print("limits", resource.getrlimit(resource.RLIMIT_AS)[0], resource.getrlimit(resource.RLIMIT_NPROC)[0])
print("sees", sorted(os.listdir(".")))
"""


@pytest.fixture(scope="module")
def probed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("assignment")
    (folder / "data.txt").write_text("given")
    limits = sandbox.Limits(file_size=1 << 20, scratch=16 << 20)
    box = sandbox.Sandbox(folder, limits)
    try:
        code = PROBE.format(solutions=str(ROOT / "solutions" / "c1w2a_numpy_basics.py"), root=str(ROOT),
                            venv=str(ROOT / ".venv" / "x"), file_size=limits.file_size)
        result = subprocess.run(box.command([sys.executable, "-c", code]), capture_output=True, text=True, timeout=60)
    finally:
        box.close()
    assert result.returncode == 0, result.stderr
    return result.stdout, limits


@pytest.mark.parametrize("attempt", ["read solutions", "import autograder", "write the venv",
                                     "write the assignment", "network", "huge file"])
def test_the_kernel_cannot(probed, attempt):
    out, _ = probed
    assert f"{attempt} refused" in out, out


def test_nothing_of_the_course_but_its_python_environment_is_there(probed):
    out, _ = probed
    listing = next(line for line in out.splitlines() if line.startswith("the course holds"))
    assert listing in ("the course holds ['.venv']", "the course holds nothing"), listing


def test_the_kernel_works_in_its_own_folder_with_the_assignment_files(probed):
    out, _ = probed
    assert "write home ALLOWED" in out
    assert "'data.txt'" in out, "the submission's files appear in the kernel's folder"


@pytest.mark.skipif(os.geteuid() != 0, reason="as root the kernel runs as an unprivileged user of its own")
def test_the_kernel_runs_unprivileged_and_limited(probed):
    out, limits = probed
    assert f"uid {sandbox.sandbox_uid()}" in out
    assert f"limits {limits.memory} {limits.processes}" in out


def test_without_bubblewrap_grading_stops_with_what_to_install(monkeypatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda tool: None if tool == "bwrap" else "/usr/bin/" + tool)
    with pytest.raises(sandbox.SandboxError, match=r"bwrap is not installed.*make sandbox"):
        sandbox.require_tools()


def test_hidden_tests_name_the_exercises_they_grade():
    from nbformat.v4 import new_code_cell

    cell = new_code_cell('from coursekit.grading import grade\ngrade("c1w2a_numpy_basics", "L1", L1)\nexpect(L1, ...)')
    assert sandbox.graded_exercises(cell) == ["L1"]

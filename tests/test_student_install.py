"""Does every release folder's requirements.txt install on the laptops students have?

Every release folder's requirements.txt (one text: coursebuild.release.student_requirements)
is resolved against the package index, wheels only (a student has no compilers), for every
platform and Python version the how-to promises (coursebuild.release.STUDENT_PLATFORMS, STUDENT_PYTHONS), with uv: unlike pip's
``--platform``, it evaluates environment markers (``tensorflow-cpu`` on Linux x86_64 and Windows,
``tensorflow`` elsewhere) for the target platform, not for this machine. The index must be
reachable: a run without it fails and says so.
"""
import os
import subprocess
import urllib.request

import pytest

from coursebuild.paths import ROOT, assignments, notebook_of
from coursebuild.release import STUDENT_PLATFORMS, STUDENT_PYTHONS, student_requirements

INDEX = os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple"
HOW_TO = ROOT / "book" / "how_to_take_the_course.md"


def start_resolving(requirements, platform, python, folder):
    """A running ``uv pip compile`` of ``requirements`` for one platform and Python version."""
    import uv

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "requirements.txt").write_text(requirements)
    return subprocess.Popen([uv.find_uv_bin(), "pip", "compile", "--no-config", "--quiet", "--no-header",
                             "--index-url", INDEX, "--only-binary", ":all:", "--python-platform", platform,
                             "--python-version", python, "requirements.txt"],
                            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process):
    """(returncode, stdout, stderr) of a process from :func:`start_resolving`."""
    out, err = process.communicate(timeout=900)
    return process.returncode, out, err


def resolve(requirements, platform, python, folder):
    """(returncode, stdout, stderr) of ``uv pip compile`` for one platform and Python version."""
    return finish(start_resolving(requirements, platform, python, folder))


#: The resolutions of :func:`coursebuild.release.student_requirements` for every promised
#: platform and Python, started by tests/conftest.py when this module's tests are collected:
#: they wait on the index, not on this machine, so they run while the other tests do.
RUNNING = {}


def start_all(folder):
    """Start resolving the students' requirements for every platform and Python into ``folder``."""
    text = student_requirements()
    for platform in STUDENT_PLATFORMS:
        for python in STUDENT_PYTHONS:
            RUNNING[text, platform, python] = start_resolving(text, platform, python, folder / f"{platform}-{python}")


@pytest.fixture(scope="module")
def index():
    """The package index's URL, once it has answered."""
    try:
        urllib.request.urlopen(f"{INDEX.rstrip('/')}/numpy/", timeout=60).close()
    except OSError as error:
        pytest.fail(f"cannot reach the package index {INDEX} ({error}). This test resolves every release's "
                    f"requirements.txt against it for each platform students use; run it with the index "
                    f"reachable (set UV_INDEX_URL or PIP_INDEX_URL for a mirror).")
    return INDEX


@pytest.fixture(scope="module")
def requirement_sets(built_course):
    """dict text -> the assignments whose release folder has that requirements.txt."""
    sets = {}
    for assignment_id in assignments():
        text = (built_course / "release" / assignment_id / "requirements.txt").read_text()
        sets.setdefault(text, []).append(assignment_id)
    return sets


def test_every_release_installs_on_every_promised_platform_and_python(index, requirement_sets, tmp_path):
    if not RUNNING:  # run on its own, without tests/conftest.py's early start
        start_all(tmp_path)
    resolved = {text for text, _, _ in RUNNING}
    unresolved = [", ".join(ids) for text, ids in requirement_sets.items() if text not in resolved]
    assert not unresolved, f"the requirements.txt of {unresolved} is not what student_requirements() writes"
    failures, builds = [], {}
    for (text, platform, python), process in RUNNING.items():
        returncode, out, err = finish(process)
        if returncode:
            failures.append(f"{STUDENT_PLATFORMS[platform]}, Python {python}:\n{err.strip()}")
        builds[platform, python] = [line.split("==")[0] for line in out.splitlines() if line.startswith("tensorflow")]
    assert not failures, "requirements that do not install:\n\n" + "\n\n".join(failures)
    for (platform, python), tensorflow in builds.items():
        # The CPU-only build where Google publishes it (half the download), the full one elsewhere.
        expected = ["tensorflow-cpu"] if platform.startswith("x86_64-") else ["tensorflow"]
        assert tensorflow == expected, f"{STUDENT_PLATFORMS[platform]}, Python {python} gets {tensorflow}"


def test_an_intel_mac_gets_what_the_how_to_says(index, requirement_sets, tmp_path):
    """The how-to says: TensorFlow has no wheel for a Mac with an Intel processor, and without
    the tensorflow lines the rest installs there. If either changes, so must the how-to."""
    text = next(iter(requirement_sets))
    python = STUDENT_PYTHONS[0]
    returncode, _, err = resolve(text, "x86_64-apple-darwin", python, tmp_path / "all")
    assert returncode and "tensorflow" in err and "no wheels" in err, err
    without = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("tensorflow"))
    assert without != text
    returncode, _, err = resolve(without, "x86_64-apple-darwin", python, tmp_path / "rest")
    assert returncode == 0, err
    assert "a Mac with an Intel processor" in HOW_TO.read_text() and "delete the two `tensorflow` lines" in HOW_TO.read_text()


def test_the_how_to_names_every_platform_and_python_tested_here():
    text = HOW_TO.read_text()
    missing = [name for name in STUDENT_PLATFORMS.values() if name not in text]
    missing += [f"Python {python}" for python in STUDENT_PYTHONS if f"Python {python}" not in text]
    assert not missing, f"{HOW_TO.name} does not name {missing}, which tests/test_student_install.py checks"


#: The assignments the how-to tells a student on an Intel Mac to take without TensorFlow.
WITHOUT_TENSORFLOW = [a for a in assignments() if a < "c2w3a" or a == "c4w1a_convolution"]


def _imports(code):
    """set of str: the modules ``code`` imports (``import a.b`` and ``from a.b import c`` give a.b)."""
    import ast

    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("assignment_id", WITHOUT_TENSORFLOW)
def test_the_assignments_the_how_to_names_need_no_tensorflow(built_course, assignment_id):
    import nbformat

    folder = built_course / "release" / assignment_id
    notebook = nbformat.read(folder / notebook_of(assignment_id).name, as_version=4)
    pending = [c.source for c in notebook.cells if c.cell_type == "code"] + [p.read_text() for p in folder.glob("*.py")]
    seen, found = set(), []
    while pending:  # follow imports into the folder's coursekit, some of whose modules import TensorFlow
        for module in _imports(pending.pop()) - seen:
            seen.add(module)
            if module.split(".")[0] in ("tensorflow", "keras"):
                found.append(module)
            for path in (folder / (module.replace(".", "/") + ".py"), folder / module.replace(".", "/") / "__init__.py"):
                if module.split(".")[0] == "coursekit" and path.is_file():
                    pending.append(path.read_text())
    assert not found, f"{assignment_id} imports {found}; the how-to says a student can take it without TensorFlow"

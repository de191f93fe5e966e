"""Do the release notebooks work in JupyterLab, the client students use, in a real browser?

For the numpy basics assignment and a TensorFlow one: JupyterLab (the version requirements.txt
pins) is started on a copy of the release folder on localhost and the notebook is opened in
headless Chromium (tests/conftest.py). With every ``# YOUR CODE HERE`` filled with the reference
answer (written to the file before opening it; training runs in its fast setting, as everywhere
under ``make test``), **Run → Run All Cells** must show every visible check's pass line and no
error. Then,
with one exercise wrong in a typical way (the file rewritten, **File → Reload Notebook from
Disk**), **Kernel → Restart Kernel and Run All Cells** must show that check's message: the
call, what it returned and what was expected, and the input; and the toolbar's **Validate**
(nbgrader's, what students run before handing in) must fail, naming the exercise. Screenshots
of both runs and of Validate's report are written beside the site's, in ``_build/screenshots/``.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

from autograder.mistakes import catalogue
from coursebuild.paths import assignments, notebook_of
from coursebuild.release import venv_env

from .conftest import SCREENSHOTS
from .helpers import set_solution
from .test_nbgrader_roundtrip import graded_exercises
from .test_student_validate import completed

#: The first assignment, and the first that uses TensorFlow.
ASSIGNMENTS = (assignments()[0], next(a for a in assignments() if "tensorflow" in a))
PASS_LINE = re.compile(r'print\("(\w+ passes the visible tests\.)"\)')

#: JupyterLab settings for a test: every cell rendered (JupyterLab 4 renders only the cells in
#: view, and the test reads them all), and no offer to fetch news from the internet.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                       "checkForUpdates": False},
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(built_course, tmp_path_factory):
    """(base URL, folder) of a JupyterLab server on localhost, serving a scratch folder."""
    root = tmp_path_factory.mktemp("lab")
    home = tmp_path_factory.mktemp("lab-home")
    for name, values in SETTINGS.items():
        (home / "settings" / name).parent.mkdir(parents=True, exist_ok=True)
        (home / "settings" / name).write_text(json.dumps(values))
    env = venv_env()
    env.pop("PYTEST_CURRENT_TEST", None)  # a kernel that sees it captures output unlike a student's
    env.update(JUPYTERLAB_SETTINGS_DIR=str(home / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
               JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    port = free_port()
    log = (home / "lab.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
                               "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
                               f"--ServerApp.root_dir={root}", "--LabApp.extension_manager=readonly",
                               *(["--allow-root"] if os.geteuid() == 0 else [])],
                              cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status", timeout=5).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"JupyterLab did not start:\n{(home / 'lab.log').read_text()[-4000:]}")
            time.sleep(0.5)
    yield base, root
    server.terminate()
    server.wait(timeout=30)
    log.close()


def menu(page, *path):
    """Click through JupyterLab's menu bar, e.g. ``menu(page, "Run", "Run All Cells")``; an item
    is clicked once it is enabled (a notebook command is disabled until a notebook is active)."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{path[0]}$")).click()
    for label in path[1:]:
        page.locator(".lm-Menu .lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel",
                     has_text=re.compile(f"^{re.escape(label)}$")).click()


def wait_until_run(page, timeout):
    """Wait until a run of the freshly opened notebook has ended: the kernel is idle and either
    every code cell ran or one failed and the rest were called off (no ``[*]`` left)."""
    page.wait_for_function(
        """() => {
            const prompts = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'),
                                       p => p.textContent);
            const idle = document.querySelector('.jp-Notebook-ExecutionIndicator')
                ?.getAttribute('data-status') === 'idle';
            const failed = document.querySelector('.jp-OutputArea-output[data-mime-type$="stderr"]') !== null
                && !prompts.some(p => p.includes('*'));
            return idle && prompts.length > 0 && (prompts.every(p => /\\[\\d+\\]/.test(p)) || failed);
        }""", timeout=timeout * 1000, polling=500)


def outputs(page, mime):
    """list of str: the text of every output of the notebook with that MIME type."""
    return page.eval_on_selector_all(f'.jp-OutputArea-output[data-mime-type="{mime}"]',
                                     "nodes => nodes.map(n => n.textContent)")


def open_notebook(page, base, workspace, path):
    """Open ``path`` in a fresh JupyterLab workspace (none of another test's open notebooks)."""
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{path}?reset")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    page.wait_for_function("() => document.querySelector('.jp-Notebook-ExecutionIndicator')"
                           "?.getAttribute('data-status') === 'idle'", timeout=120_000, polling=500)
    # The menu's notebook commands act on the active notebook, and are disabled until there is one.
    page.locator(".jp-Notebook .jp-Cell").first.click()


def run(page, *path, confirm=None, timeout=300):
    """Run the notebook with a menu command (see :func:`menu`), answer its dialog with the button
    ``confirm``, and wait until the run has ended."""
    menu(page, *path)
    if confirm:
        page.locator(".jp-Dialog button", has_text=confirm).click()
    page.wait_for_function("() => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'))"
                           ".some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))", timeout=60_000, polling=200)
    wait_until_run(page, timeout)


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_a_student_runs_the_notebook_in_jupyterlab(lab, browser, built_course, assignment_id):
    base, root = lab
    folder = root / assignment_id
    shutil.copytree(built_course / "release" / assignment_id, folder)
    name = notebook_of(assignment_id).name
    source = nbformat.read(notebook_of(assignment_id), as_version=4)
    release = nbformat.read(folder / name, as_version=4)
    right = completed(source, release)
    nbformat.write(right, folder / name)
    passes = [line for cell in right.cells for line in PASS_LINE.findall(cell.source)]
    assert passes, "the notebook's test cells print no pass line"

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_notebook(page, base, assignment_id, f"{assignment_id}/{name}")
        run(page, "Run", "Run All Cells")
        text = "\n".join(outputs(page, "application/vnd.jupyter.stdout"))
        missing = [line for line in passes if line not in text]
        errors = outputs(page, "application/vnd.jupyter.stderr")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.get_by_text(passes[-1]).last.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"jupyterlab-{assignment_id}-right.png"))
        assert not missing and not errors, (f"in JupyterLab, right answers did not show the pass lines {missing}; "
                                            f"the page shows these errors:\n" + "\n".join(e[:2000] for e in errors))

        exercises = graded_exercises(source)
        exercise = next(e for e in exercises if catalogue(assignment_id).for_exercise(e))
        mistake = catalogue(assignment_id).for_exercise(exercise)[0]
        nbformat.write(set_solution(right, exercise, mistake.as_student_code()), folder / name)
        menu(page, "File", "Reload Notebook from Disk")
        page.locator(".jp-Dialog .jp-mod-accept").click()  # "Are you sure you want to reload ...?"
        run(page, "Kernel", "Restart Kernel and Run All Cells…", confirm="Restart")
        errors = outputs(page, "application/vnd.jupyter.stderr")
        page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').first \
            .scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"jupyterlab-{assignment_id}-mistake.png"))
        message = next((e for e in errors if "CheckFailure" in e), "")
        assert f"{exercise}(" in message and "expected" in message and "when called with" in message, \
            (f"in JupyterLab, {exercise} written with a typical mistake ({mistake.explanation}) should show its "
             f"check's message; the page shows these errors:\n" + "\n".join(e[:2000] for e in errors))

        # The toolbar's Validate (nbgrader's extension) saves the notebook and runs it afresh.
        page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).click()
        dialog = page.locator(".jp-Dialog", has_text="Validation Results")
        dialog.wait_for(timeout=600_000)
        report = dialog.inner_text()
        page.screenshot(path=str(SCREENSHOTS / f"jupyterlab-{assignment_id}-validate.png"))
        assert "The following cell failed" in report and f"{exercise}(" in report, \
            f"JupyterLab's Validate should fail {exercise} and name it; its dialog says:\n{report[:3000]}"

        # The how-to sends students who hand in through nbgrader's exchange to this menu item.
        page.keyboard.press("Escape")
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Nbgrader$")).click()
        page.locator(".lm-Menu .lm-Menu-itemLabel", has_text=re.compile("^Assignment List$")).wait_for(timeout=10_000)
    finally:
        page.close()

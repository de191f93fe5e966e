"""Code in the style of the classic course's notebooks (2017-2024), as its students would paste it here.

One module per assignment, each with two dicts, exercise name -> the source of a solution cell:

- ``RIGHT``: a correct answer written the classic way (its loops, its helper calls, its variable
  names, numpy's global generator where the classic seeded it, ...). It must get full marks.
- ``WRONG``: a typical wrong answer, also in the classic idioms. It must lose exactly its
  exercise, and the grader must name the mistake (an entry of :mod:`autograder.mistakes`, or an
  explanation of the error it raises).

Nothing here is copied from the classic notebooks: it is written for these tests, in the style
their scaffolds invite. ``tests/autograder/test_classic.py`` grades each entry in this process;
the nbgrader round trip (``tests/test_nbgrader_roundtrip.py``) pastes them into submissions.
"""
import importlib
import os
import sys
import types
from contextlib import contextmanager

import nbformat

from coursebuild.paths import notebook_of


def corpus(assignment_id):
    """The classic-style module of one assignment (``RIGHT`` and ``WRONG``); an empty one if it is not
    written yet (the completeness test then names what is missing)."""
    try:
        return importlib.import_module(f"{__name__}.{assignment_id}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{assignment_id}":
            raise
        return types.SimpleNamespace(RIGHT={}, WRONG={})


@contextmanager
def _in_folder(folder):
    """Run with ``folder`` as the working folder and first on sys.path, as the notebook's kernel does."""
    before, path = os.getcwd(), list(sys.path)
    os.chdir(folder)
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        os.chdir(before)
        sys.path[:] = path


def notebook_namespace(assignment_id):
    """dict: the globals of the assignment's notebook after its first code cell (its imports), the
    names a solution cell can use without importing them. Needs the built helper modules and
    datasets (``python -m coursebuild book`` makes them)."""
    path = notebook_of(assignment_id)
    notebook = nbformat.read(path, as_version=4)
    first = next(cell for cell in notebook.cells if cell.cell_type == "code")
    namespace = {"__name__": "__main__"}
    with _in_folder(path.parent):
        exec(compile(first.source, f"<{assignment_id} imports>", "exec"), namespace)
    # The constants the notebook gives in later cells (THRESHOLD, STYLE_LAYERS, ...) are the reference's.
    reference = importlib.import_module(f"solutions.{assignment_id}")
    namespace.update({name: value for name, value in vars(reference).items() if name.isupper()})
    return namespace


def define(assignment_id, exercise, code, namespace):
    """The function ``exercise`` defined by running ``code`` (a solution cell) in a copy of ``namespace``."""
    scope = dict(namespace)
    with _in_folder(notebook_of(assignment_id).parent):
        exec(compile(code, f"<{assignment_id}: {exercise}>", "exec"), scope)
    if exercise not in scope:
        raise AssertionError(f"the code does not define {exercise}")
    return scope[exercise]

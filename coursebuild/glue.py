"""Numbers in the text from the run: ``{glue:text}`name``` in a markdown cell becomes the value
that ``coursekit.glue(name, value)`` recorded when the reference solution ran.

The placeholder is MyST-NB's text role, with its ``name:format`` form (a Python format spec),
but the build fills it itself, because the notebook students receive needs the number too and
JupyterLab would show the role as typed. Both the chapter and the released notebook are filled
from the same executed notebook (:func:`coursebuild.chapters.execute_source`), so the prose
quotes the outputs shown beside it. A name no code cell glued, or a format its value does not
take, stops the build.
"""
import re
from pathlib import Path

import nbformat

from coursekit import GLUE_MIMETYPE

from .paths import RELEASE, SOURCE, BuildError, notebook_of

#: ``{glue:text}`name``` or ``{glue:text}`name:format```.
PLACEHOLDER = re.compile(r"\{glue:text\}`(?P<name>[A-Za-z_][\w.-]*)(?::(?P<format>[^`]*))?`")


def is_glue(output):
    """bool: whether a notebook output is one that ``coursekit.glue`` wrote."""
    return output.get("output_type") == "display_data" and GLUE_MIMETYPE in output.get("data", {})


def glued_values(executed):
    """dict: name -> value, for every ``coursekit.glue`` call in an executed notebook.

    Raises
    ------
    BuildError
        If a name is glued twice (which value the text means would be a guess).
    """
    values = {}
    for index, cell in enumerate(executed.cells):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if is_glue(output):
                record = output["data"][GLUE_MIMETYPE]
                if record["name"] in values:
                    raise BuildError(f"glue name {record['name']!r} is recorded twice (again in code cell {index}); "
                                     f"give each glued value its own name.")
                values[record["name"]] = record["value"]
    return values


def fill(text, values, where):
    """str: ``text`` with every placeholder replaced by its formatted value.

    Raises
    ------
    BuildError
        If a placeholder names no glued value or its format does not apply; ``where`` says
        which notebook and cell, for the message.
    """
    def value_of(match):
        name, spec = match["name"], match["format"] or ""
        if name not in values:
            known = ", ".join(sorted(values)) or "none"
            raise BuildError(f"{where}: {match[0]} quotes a value no code cell glued (glued: {known}); "
                             f"add `glue({name!r}, value)` (from coursekit) to the cell that computes it.")
        try:
            return format(values[name], spec)
        except (TypeError, ValueError) as error:
            raise BuildError(f"{where}: {match[0]}: format {spec!r} does not apply to {values[name]!r} "
                             f"({error}).") from None

    return PLACEHOLDER.sub(value_of, text)


def fill_release(assignment_id, executed, source=SOURCE, release=RELEASE):
    """Write the run's values into the released notebook's markdown, from the source's text.

    Each markdown cell is rewritten from the executed source notebook's cell (nbgrader releases
    markdown as written), so filling again after a run in the other setting gives that run's
    values.

    Returns
    -------
    released : nbformat.NotebookNode
        The released notebook, filled (what the chapter is made from).
    changed : bool
        Whether the file was rewritten.

    Raises
    ------
    BuildError
        If the release does not match the source cell for cell (it is stale), or from :func:`fill`.
    """
    path = Path(release) / assignment_id / notebook_of(assignment_id, source).name
    if not path.is_file():
        raise BuildError(f"{path} is missing; run `make release` first.")
    released = nbformat.read(path, as_version=4)
    if [c.cell_type for c in executed.cells] != [c.cell_type for c in released.cells]:
        raise BuildError(f"{path} does not match its source cell for cell; regenerate it with `make release`.")
    values = glued_values(executed)
    changed = False
    for index, (done, cell) in enumerate(zip(executed.cells, released.cells)):
        if cell.cell_type == "markdown" and PLACEHOLDER.search(done.source):
            filled = fill(done.source, values, f"{assignment_id}, markdown cell {index}")
            if cell.source != filled:
                cell.source, changed = filled, True
    if changed:
        nbformat.write(released, path)
    return released, changed

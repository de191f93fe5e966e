"""The leak scan: proof that no solution line reaches students (release/) or readers (_build/html).

A *solution line* is a line of code inside a ``### BEGIN SOLUTION`` / ``### END SOLUTION`` or
``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS`` region of a source notebook, or a line of a
function body in the reference library ``solutions/`` (docstrings excepted: students see the
same docstrings in their scaffolds). Lines are compared with all whitespace removed, after HTML
tags are stripped and entities decoded, so syntax highlighting or line wrapping cannot hide a leak.
"""
import ast
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

#: Shorter lines ("s = x", "return s") are too generic to prove anything when found.
MIN_CHARS = 12

_REGION = re.compile(r"^\s*### BEGIN (SOLUTION|HIDDEN TESTS)\s*$(.*?)^\s*### END \1\s*$", re.M | re.S)
_TAG = re.compile(r"<[^>]+>")
_WHITESPACE = re.compile(r"\s+")


def squeeze(text):
    """str: ``text`` without any whitespace, the form in which lines are compared."""
    return _WHITESPACE.sub("", text)


def _keep(line):
    stripped = line.strip()
    return not stripped.startswith("#") and len(squeeze(stripped)) >= MIN_CHARS


def notebook_solution_lines(notebook_path):
    """set of str: the code lines inside solution and hidden-test regions of one notebook."""
    notebook = nbformat.read(notebook_path, as_version=4)
    lines = set()
    for cell in notebook.cells:
        for match in _REGION.finditer(cell.source):
            lines.update(line.strip() for line in match.group(2).splitlines() if _keep(line))
    return lines


def library_solution_lines(module_path, only=None):
    """set of str: the lines of every function body in a reference module, docstrings excepted.

    ``only`` restricts them to the function of that name.
    """
    source = Path(module_path).read_text(encoding="utf-8")
    text_lines = source.splitlines()
    lines = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or only not in (None, node.name):
            continue
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
            body = body[1:]  # the docstring
        for statement in body:
            for number in range(statement.lineno, statement.end_lineno + 1):
                line = text_lines[number - 1].split("  #")[0]
                if _keep(line):
                    lines.add(line.strip())
    return lines


def scaffold_lines(notebook_path):
    """set of str: the code lines of a source notebook *outside* solution and hidden-test regions.

    Students receive these lines, so finding one proves nothing; a reference function in
    ``solutions/`` often shares them (``m = X.shape[1]``, ``return parameters``).
    """
    notebook = nbformat.read(notebook_path, as_version=4)
    lines = set()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            given = _REGION.sub("", cell.source)
            lines.update(line.strip() for line in given.splitlines() if _keep(line))
    return lines


def solution_lines(root):
    """set of str: every solution line of the course rooted at ``root`` (source/ and solutions/),
    less the lines that students receive anyway: the notebooks' scaffolds and coursekit's code
    (``for i in range(m):`` in a given helper proves nothing)."""
    root = Path(root)
    lines, given = set(), set()
    for notebook in sorted((root / "source").glob("*/*.ipynb")):
        lines |= notebook_solution_lines(notebook)
        given |= scaffold_lines(notebook)
    for module in sorted((root / "coursekit").glob("*.py")):
        given |= {line.strip() for line in module.read_text(encoding="utf-8").splitlines() if _keep(line)}
    for module in sorted((root / "solutions").glob("*.py")):
        lines |= library_solution_lines(module)
    given_text = "\n".join(squeeze(line) for line in given)
    return {line for line in lines if squeeze(line) not in given_text}  # inside a given line: not a leak


def readable_text(path):
    """str: the text a person or a program could read out of a file, as the scan sees it.

    HTML loses its tags and entities; a notebook is reduced to the strings it holds (sources and
    outputs, JSON escapes decoded); binary files give an empty string.
    """
    data = Path(path).read_bytes()
    if b"\0" in data[:4096]:
        return ""
    text = data.decode("utf-8", errors="replace")
    suffix = Path(path).suffix
    if suffix in (".html", ".htm", ".xml", ".svg"):
        return html.unescape(_TAG.sub("", text))
    if suffix in (".ipynb", ".json"):
        try:
            return "\n".join(_strings(json.loads(text)))
        except json.JSONDecodeError:
            return text
    return text


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            yield "".join(value)  # notebook sources are lists of lines
        else:
            for item in value:
                yield from _strings(item)


@dataclass(frozen=True)
class Leak:
    """A solution line found in a file."""

    path: Path
    line: str

    def __str__(self):
        return f"{self.path}: {self.line}"


def scan(folder, lines):
    """Every occurrence of a solution line under ``folder``.

    Parameters
    ----------
    folder : Path
        A folder to search, recursively (every file, whatever its type).
    lines : iterable of str
        The solution lines (see :func:`solution_lines`).

    Returns
    -------
    leaks : list of Leak
        Empty when the folder is clean.
    """
    leaks = []
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            leaks.extend(Leak(path, line) for line in lines_in(readable_text(path), lines))
    return leaks


def lines_in(text, lines):
    """list of str: the solution ``lines`` that occur in ``text``, whitespace ignored (a page's
    text as a browser shows it, a file's readable text)."""
    text = squeeze(text)
    return [line for line in lines if squeeze(line) in text]


def scan_release(release, lines):
    """Every solution line under ``release/``, except in a folder the lines it ships on purpose.

    An assignment's helper modules (:mod:`coursebuild.shipped`) hold reference functions of
    earlier assignments by design; any other solution line there is a leak.

    Returns
    -------
    leaks : list of Leak
    """
    from .shipped import shipped_lines

    lines = set(lines)
    found = []
    for folder in sorted(p for p in Path(release).iterdir() if p.is_dir()):
        found += scan(folder, lines - shipped_lines(folder.name))
    return found

"""The leak scan: proof that no solution line reaches students (release/) or readers (_build/html).

The build runs it last (:func:`refuse_leaks`): ``make release`` and ``make book`` stop, naming
the file and the line, when anything they wrote would publish a solution.

A *solution line* is a line of code inside a ``### BEGIN SOLUTION`` / ``### END SOLUTION`` or
``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS`` region of a source notebook, or a line of a
function body in the reference library ``solutions/`` (docstrings excepted: students see the
same docstrings in their scaffolds). Lines are compared with all whitespace removed, after HTML
tags are stripped and entities decoded, so syntax highlighting or line wrapping cannot hide a leak.
"""
import ast
import html
import io
import json
import re
import zipfile
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
    return _readable(Path(path).suffix, Path(path).read_bytes())


def _readable(suffix, data):
    if suffix == ".zip":
        return "\n".join(text for _, text in _zip_members(data))
    if b"\0" in data[:4096]:
        return ""
    text = data.decode("utf-8", errors="replace")
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


def _zip_members(data):
    """(name, readable text) of every file in a zip archive's bytes (a download of the book)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(info.filename, _readable(Path(info.filename).suffix, archive.read(info)))
                    for info in archive.infolist() if not info.is_dir()]
    except zipfile.BadZipFile:
        return []


def scan(folder, lines, allowed=None):
    """Every occurrence of a solution line under ``folder``.

    Parameters
    ----------
    folder : Path
        A folder to search, recursively (every file, whatever its type; a zip's files one by one).
    lines : iterable of str
        The solution lines (see :func:`solution_lines`).
    allowed : dict of str -> set of str, optional
        Assignment id -> the solution lines its files may hold (its shipped helper modules,
        :func:`coursebuild.shipped.allowed_lines`): in a zip, for the entries under ``<id>/``.

    Returns
    -------
    leaks : list of Leak
        Empty when the folder is clean.
    """
    lines, allowed = set(lines), allowed or {}
    leaks = []
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".zip":
            for name, text in _zip_members(path.read_bytes()):
                own = lines - set(allowed.get(name.split("/")[0], ()))
                leaks.extend(Leak(Path(f"{path}!{name}"), line) for line in lines_in(text, own))
        else:
            leaks.extend(Leak(path, line) for line in lines_in(readable_text(path), lines))
    return leaks


def lines_in(text, lines):
    """list of str: the solution ``lines`` that occur in ``text``, whitespace ignored (a page's
    text as a browser shows it, a file's readable text)."""
    text = squeeze(text)
    return [line for line in lines if squeeze(line) in text]


def scan_release(release, lines, allowed=None):
    """Every solution line under ``release/``, except in an assignment's folder the lines
    ``allowed[assignment_id]`` (its shipped helper modules hold reference functions of earlier
    assignments by design; any other solution line there is a leak).

    Returns
    -------
    leaks : list of Leak
    """
    lines, allowed = set(lines), allowed or {}
    found = []
    for folder in sorted(p for p in Path(release).iterdir() if p.is_dir()):
        found += scan(folder, lines - set(allowed.get(folder.name, ())), allowed)
    return found


#: What the build publishes, relative to the course's root: the students' folders, the chapters
#: (and their download zips) and the HTML book.
PUBLISHED = ("release", "chapters", "_build/html")


def refuse_leaks(root, allowed, folders=PUBLISHED):
    """Raise :class:`~coursebuild.paths.BuildError` naming every solution line found in what the
    build publishes (the ``folders`` of ``root`` that exist); return quietly when they are clean.

    ``allowed`` is :func:`coursebuild.shipped.allowed_lines`'s mapping (passed in: the helper
    modules are built from the reference library, whose lines this module scans for).
    """
    from .paths import BuildError

    root = Path(root)
    lines = solution_lines(root)
    found = []
    for folder in folders:
        if (root / folder).is_dir():
            scan_folder = scan_release if folder == "release" else scan
            found += scan_folder(root / folder, lines, allowed)
    if found:
        shown = "\n".join(f"  {leak}" for leak in found[:20]) + (f"\n  ... and {len(found) - 20} more" if len(found) > 20 else "")
        raise BuildError(f"the build would publish solution code ({len(found)} line(s)); nothing was published. "
                         f"Remove each line from the file that produced it (a markdown hint, a printed value, "
                         f"a scaffold line), then build again:\n{shown}")

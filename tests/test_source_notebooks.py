"""Are the source notebooks committed clean, and is every exercise graded the same way?"""
import ast
import re

import nbformat
import pytest

from autograder.core import Exercise
from coursebuild.sandbox import graded_exercises
from coursebuild import chapters
from coursebuild.paths import ROOT, BuildError, assignments, notebook_of

NOTEBOOKS = {assignment_id: notebook_of(assignment_id) for assignment_id in assignments()}
ALLOWED_METADATA = {"kernelspec", "language_info"}


@pytest.mark.parametrize("assignment_id", NOTEBOOKS)
def test_committed_without_outputs_or_personal_metadata(assignment_id):
    notebook = nbformat.read(NOTEBOOKS[assignment_id], as_version=4)
    nbformat.validate(notebook)
    assert set(notebook.metadata) <= ALLOWED_METADATA, f"strip notebook metadata {set(notebook.metadata) - ALLOWED_METADATA}"
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"cell {index} has outputs: clear them"
        # mystnb: a figure's caption in the book (MyST-NB's cell-level figure options).
        assert set(cell.metadata) <= {"nbgrader", "coursekit", "tags", "mystnb"}, \
            f"cell {index} has metadata {set(cell.metadata)}: strip what the course does not use"


def _calls_exercise_or_seeds(code, exercises):
    """The first line of ``code`` that calls an exercise or ``expect``, or seeds a global generator, or ''."""
    for statement in ast.parse(code).body:
        names = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)}
        seeds = any(isinstance(n, ast.Attribute) and (n.attr == "set_random_seed" or (
            n.attr == "seed" and isinstance(n.value, ast.Attribute) and n.value.attr == "random"))
            for n in ast.walk(statement))
        if names & (exercises | {"expect"}) or seeds:
            return ast.get_source_segment(code, statement).splitlines()[0]
    return ""


@pytest.mark.parametrize("assignment_id", NOTEBOOKS)
def test_every_exercise_has_a_documented_graded_test(assignment_id):
    """Each solution cell is followed by a graded test cell with points, a docstring, visible checks,
    and a hidden test that calls the autograder on that function."""
    notebook = nbformat.read(NOTEBOOKS[assignment_id], as_version=4)
    cells = [c for c in notebook.cells if "nbgrader" in c.metadata]
    grade_ids = [c.metadata["nbgrader"]["grade_id"] for c in cells]
    assert len(grade_ids) == len(set(grade_ids)), "grade_ids must be unique"
    solutions = [c for c in cells if c.metadata["nbgrader"].get("solution")]
    assert solutions, "an assignment without exercises"
    exercises = {c.metadata["nbgrader"]["grade_id"] for c in solutions}
    for cell in solutions:
        name = cell.metadata["nbgrader"]["grade_id"]
        index = notebook.cells.index(cell)
        test = next(c for c in notebook.cells[index + 1:] if c.metadata.get("nbgrader", {}).get("grade"))
        meta = test.metadata["nbgrader"]
        assert meta.get("points", 0) > 0 and meta.get("locked"), f"{meta['grade_id']} needs points and a lock"
        docstring = ast.get_docstring(ast.parse(test.source.replace("### BEGIN HIDDEN TESTS", "")
                                                .replace("### END HIDDEN TESTS", "")))
        assert docstring and "\n" not in docstring, f"{meta['grade_id']} needs a one-line docstring"
        before, _, rest = test.source.partition("### BEGIN HIDDEN TESTS")
        hidden, _, after = rest.partition("### END HIDDEN TESTS")
        assert "expect(" in before + after, f"{meta['grade_id']} has no visible check"
        assert f'grade("{assignment_id}", "{name}", {name})' in hidden, (
            f"{meta['grade_id']} does not grade {name} in its hidden tests: "
            f'from coursekit.grading import grade; grade("{assignment_id}", "{name}", {name})')
        assert graded_exercises(test) == [name], (
            f"{meta['grade_id']}: grading counts the exercises a test cell's hidden tests name; it should name {name} only")
        early = _calls_exercise_or_seeds(before, exercises)
        assert not early, (
            f"{meta['grade_id']}: move the hidden tests above `{early}`. When grading, a visible check or a call "
            f"of the student's code that fails first stops the cell before the hidden test can name the likely "
            f"mistake in the feedback (and grading between seeding and its use would change the visible values).")


@pytest.mark.parametrize("assignment_id", NOTEBOOKS)
def test_every_exercise_is_known_to_the_autograder(assignment_id):
    import importlib

    module = importlib.import_module(f"autograder.{assignment_id}")
    notebook = nbformat.read(NOTEBOOKS[assignment_id], as_version=4)
    exercises = {c.metadata["nbgrader"]["grade_id"] for c in notebook.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    assert exercises == set(module.EXERCISES), "notebook exercises and autograder.EXERCISES differ"
    assert all(isinstance(e, Exercise) for e in module.EXERCISES.values())


@pytest.mark.parametrize("assignment_id", NOTEBOOKS)
def test_links_to_other_assignments_open_their_notebooks(assignment_id):
    """A link to another assignment must open it in JupyterLab (folders side by side) and become
    a link to its chapter in the book; a path to anything else would break in one of the two."""
    notebook = nbformat.read(notebook_of(assignment_id), as_version=4)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "markdown":
            continue
        try:
            chapters.link_chapters(cell.source)
        except BuildError as error:
            pytest.fail(f"{assignment_id} cell {index}: {error}")
        others = [link for link in re.findall(r"\]\((\.\./[^)]*)\)", cell.source)
                  if not chapters.CROSS_LINK.search(f"]({link})")]
        assert not others, (f"{assignment_id} cell {index} links {others}: write a link to another assignment "
                            f"as ../<assignment-id>/<notebook>.ipynb")


#: Characters a page source never needs: C0 controls but tab and newline, DEL, C1 controls. A
#: "\v" typed into a non-raw string for "\varepsilon" is how one got in (a vertical tab).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("path", sorted([*NOTEBOOKS.values(), *ROOT.glob("book/*.md"), ROOT / "README.md"]),
                         ids=lambda path: path.name)
def test_no_control_characters(path):
    if path.suffix == ".ipynb":  # JSON writes a control character as an escape: look at the cells' text
        text = "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
    else:
        text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        found = CONTROL.search(line)
        assert not found, (f"{path.relative_to(ROOT)} line {number} has the control character {found.group()!r}: "
                           f"{line.strip()[:120]!r} (a backslash escape in a non-raw string?)")


#: A count in the prose: "200 random networks", "5000 epochs", "40 test pictures"...
COUNT = re.compile(r"(?<![\w.$^{\\])(\d[\d,]*)\s+(?:random\s+)?(?:networks?|epochs?|steps?|iterations?|examples?|"
                   r"pictures?|images?|seeds?|units?|blocks?|filters?|scenes?|points?)\b")


def _numbers_in_code(notebook):
    """set of the numeric literals in a notebook's code cells."""
    numbers = set()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            tree = ast.parse("\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith("%")))
            numbers |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                        and isinstance(n.value, (int, float)) and not isinstance(n.value, bool)}
    return numbers


@pytest.mark.parametrize("assignment_id", NOTEBOOKS)
def test_counts_in_the_prose_are_the_code_s(assignment_id):
    """A number of networks, epochs, steps or examples named in the text is one the code uses
    (c2w1c once said 300 networks where the code measured 200). Small counts (up to 4) are prose."""
    notebook = nbformat.read(NOTEBOOKS[assignment_id], as_version=4)
    numbers = _numbers_in_code(notebook)
    stray = [(index, match.group(0)) for index, cell in enumerate(notebook.cells) if cell.cell_type == "markdown"
             for match in COUNT.finditer(re.sub(r"\$[^$]*\$", "", cell.source))
             if int(match.group(1).replace(",", "")) > 4 and int(match.group(1).replace(",", "")) not in numbers]
    assert not stray, (f"{assignment_id}: the text names counts no code cell uses: {stray} (cell, words); "
                       "write the count the code uses, or refer to its constant")


#: A result typed into the prose: a percentage, a decimal (an accuracy, a cost), a duration.
TYPED_RESULT = re.compile(r"(?<![\w.$^{\\/-])(?:(?P<number>\d+(?:\.\d+)?)\s?(?:%|percent(?:age points?)?\b)"
                          r"|(?P<decimal>\d+\.\d+)(?![\w.])"
                          r"|(?P<duration>\d+(?:\.\d+)?\s(?:s|ms)\b|(?:\d+(?:\.\d+)?\s?|(?:one|two|three|four|five|"
                          r"ten|a few|several)\s)(?:seconds?|minutes?|min|hours?)\b))")

#: Numbers the text may type although no code cell of the notebook writes them: values of the
#: classic course or of the method that a result does not change (assignment -> {text: why}).
CLASSIC_VALUES = {
    "c4w2b_resnets": {"0.99": "Keras BatchNormalization's default momentum, which the chapter explains"},
    "c4w4a_style_transfer": {"0.2": "the classic STYLE_LAYERS weight of each layer (coursekit/nst.py)"},
    "c4w3a_yolo": {"0.5": "the PASCAL VOC IoU threshold of mAP@0.5 (the detector's own is a literal in code)",
                   "1.0": "what a perfect mean average precision is"},
}


def _prose(text):
    """markdown ``text`` without code, math and glued values: the words a reader reads as typed."""
    for pattern in (r"```.*?```", r"`[^`]*`", r"\$\$.*?\$\$", r"\$[^$]*\$", r"\]\([^)]*\)"):
        text = re.sub(pattern, " ", re.sub(r"\{glue:text\}`[^`]*`", " ", text), flags=re.S)
    return text


@pytest.mark.parametrize("assignment_id", NOTEBOOKS)
def test_results_in_the_prose_come_from_the_run(assignment_id):
    """A percentage, a decimal or a duration in the text is glued from the run ({glue:text}`name`,
    coursekit.glue), or a value the code itself writes (a learning rate, a threshold), or a
    classic value listed above; never a result typed by hand, which drifts from the outputs."""
    notebook = nbformat.read(NOTEBOOKS[assignment_id], as_version=4)
    in_code = {repr(n) for n in _numbers_in_code(notebook)} | {str(n) for n in _numbers_in_code(notebook)}
    allowed = CLASSIC_VALUES.get(assignment_id, {})
    typed = [(index, match.group(0).strip()) for index, cell in enumerate(notebook.cells) if cell.cell_type == "markdown"
             for match in TYPED_RESULT.finditer(_prose(cell.source))
             if not (match["decimal"] and (match["decimal"] in in_code or match["decimal"] in allowed))]
    assert not typed, (f"{assignment_id}: results typed into the text: {typed} (cell, text). Glue each from the "
                       f"run: glue('name', value) in the code cell that computes it (from coursekit), "
                       f"{{glue:text}}`name:.1%` in the text; or, for a value of the classic course that no run "
                       f"changes, add it to CLASSIC_VALUES with the reason")


def _statements_up_to(body, name):
    """The statements of a cell's ``body`` up to the last one that binds ``name`` (None if none does)."""
    binds = [k for k, statement in enumerate(body) if name in _bound(statement)]
    return body[:binds[-1] + 1] if binds else None


def _bound(tree):
    """Names a statement binds: assignments, definitions, imports."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return names


def _used(statements, outside_functions=False):
    """Names the statements read; with ``outside_functions``, not those read inside a def or lambda only."""
    used = set()
    for statement in statements:
        stack = [statement]
        while stack:
            node = stack.pop()
            if outside_functions and isinstance(node, (ast.FunctionDef, ast.Lambda)):
                continue
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                used.add(node.id)
            stack.extend(ast.iter_child_nodes(node))
    return used


def _needs(statements):
    """The exercises a cell's expect(..., needs=[...]) calls name (those checks wait for them)."""
    return {element.value for statement in statements for node in ast.walk(statement) if isinstance(node, ast.Call)
            for keyword in node.keywords if keyword.arg == "needs" and isinstance(keyword.value, (ast.List, ast.Tuple))
            for element in keyword.value.elts if isinstance(element, ast.Constant)}


@pytest.mark.parametrize("assignment_id", NOTEBOOKS)
def test_a_test_cell_depends_on_no_other_exercise(assignment_id):
    """One mistake costs one exercise: a test cell's visible code may not call another exercise, nor
    read a value that a statement calling one made (directly or through other values), except inside
    a check that ``needs`` it (expect then waits, with a note, until that exercise passes its own test).
    A wrong or crashing earlier exercise would otherwise fail this cell too."""
    notebook = nbformat.read(NOTEBOOKS[assignment_id], as_version=4)
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        code = cell.source
        if meta.get("grade") and not meta.get("solution"):
            before, _, rest = code.partition("### BEGIN HIDDEN TESTS")
            code = before + rest.partition("### END HIDDEN TESTS")[2]
        code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
        cells.append((meta, ast.parse(code).body))
    exercises = {meta["grade_id"] for meta, _ in cells if meta.get("solution")}

    def exercises_behind(index, names, seen):
        """The exercises that the statements binding ``names`` before cell ``index`` ran."""
        found = set()
        for name in names:
            for j in range(index - 1, -1, -1):
                meta, body = cells[j]
                statements = _statements_up_to(body, name)
                if statements is None:
                    continue
                if meta.get("solution") or (j, name) in seen:
                    break  # a solution cell defines its own exercise
                seen.add((j, name))
                read = _used(statements)
                found |= (read & exercises) | exercises_behind(j, read - exercises, seen)
                break
        return found

    own = None
    for index, (meta, body) in enumerate(cells):
        if meta.get("solution"):
            own = meta["grade_id"]
            continue
        if not meta.get("grade") or own is None:
            continue
        direct = (_used(body, outside_functions=True) & exercises) - {own}
        waited = (_used(body) & exercises) - {own} - direct - _needs(body)
        inputs = _used(body) - set().union(*(_bound(s) for s in body)) - exercises
        behind = exercises_behind(index, inputs, set()) - {own}
        assert not (direct or waited or behind), (
            f"{meta['grade_id']} depends on {sorted(direct | waited | behind)}: a mistake there would fail this cell "
            f"too. Build its inputs in the cell (numbers, a small model of its own), or call the other exercise "
            f"inside a check with needs=[...].")

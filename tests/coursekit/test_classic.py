"""Errors that classic code raises here are explained in words that say what to change."""
import numpy as np
import pytest

from coursekit.checks import CheckFailure, expect
from coursekit.classic import IMPORTS, explain_error


def _error_of(code, namespace=None):
    try:
        exec(code, dict(namespace or {}))
    except Exception as error:  # noqa: BLE001 - the error is what is examined
        return type(error).__name__, str(error)
    raise AssertionError(f"{code!r} raised nothing")


def test_float_of_a_one_element_array_names_numpy_2_and_the_fix():
    explanation = explain_error(*_error_of("float(np.ones((1, 1, 1)))", {"np": np}))
    assert "numpy 2.4" in explanation and "b.item()" in explanation


@pytest.mark.parametrize("name", ["math", "copy", "Conv2D", "Model"])
def test_a_name_the_classic_notebooks_imported_gets_its_import_line(name):
    explanation = explain_error(*_error_of(f"{name}"))
    assert f"`{IMPORTS[name]}`" in explanation


def test_an_unknown_name_is_explained_without_an_import_line():
    explanation = explain_error(*_error_of("no_such_helper(1)"))
    assert "no_such_helper is not defined" in explanation and "`import" not in explanation


def test_a_classic_signature_gets_this_course_s_and_the_rng_note():
    def initialize_parameters(n_x, n_h, n_y):
        return n_x
    error = _error_of("f(1, 2, 3, 4)", {"f": initialize_parameters})
    explanation = explain_error(*error, {"initialize_parameters": "initialize_parameters(n_x, n_h, n_y, rng=None)"})
    assert "this course calls initialize_parameters(n_x, n_h, n_y, rng=None)" in explanation
    assert "np.random.default_rng(rng)" in explanation
    assert explain_error(*error) is None, "without the course's signatures there is nothing to say"


def test_other_errors_are_left_alone():
    assert explain_error("ValueError", "operands could not be broadcast together") is None
    assert explain_error("TypeError", "unsupported operand type(s) for +: 'int' and 'str'") is None


def test_a_visible_check_explains_the_error_instead_of_only_repeating_it():
    def conv_single_step(a_slice_prev, W, b):
        return float(np.sum(a_slice_prev * W)) + float(b)
    args = (np.ones((2, 2, 1)), np.ones((2, 2, 1)), np.ones((1, 1, 1)))
    with pytest.raises(CheckFailure, match=r"(?s)raised TypeError: .*Likely mistake: .*b.item\(\)"):
        expect(conv_single_step, args, 5.0)
    with pytest.raises(ZeroDivisionError):  # an error without an explanation propagates as it is
        expect(lambda x: 1 / x, (0,), 1.0)


def test_a_renamed_function_names_the_classic_name():
    explanation = explain_error("NameError", "name 'compute_total_loss' is not defined")
    assert "compute_cost" in explanation and "Name your `def` compute_total_loss" in explanation


def test_in_a_notebook_the_error_of_any_cell_carries_the_explanation():
    """A kernel that imported coursekit.checks shows the explanation under a NameError, in any cell."""
    import IPython
    from IPython.core.interactiveshell import InteractiveShell

    from coursekit import classic

    # A shell of its own, not IPython's global one: coursekit.checks asks IPython for the notebook's
    # shell, and the other tests run outside a notebook.
    shell, original = InteractiveShell(), IPython.get_ipython
    IPython.get_ipython = lambda: shell
    try:
        classic.install()
        result = shell.run_cell("math.floor(2.5)")
    finally:
        IPython.get_ipython = original
        shell.set_custom_exc((), None)
    assert isinstance(result.error_in_exec, NameError)
    assert "Likely mistake: if a cell above defines or imports it, run the cells above" in str(result.error_in_exec)
    assert "math is not imported in this notebook" in str(result.error_in_exec)


def test_a_visible_check_names_numbers_drawn_from_the_global_generator():
    def initialize(n, rng=None):
        np.random.seed(2)
        return np.random.randn(n) * 0.01

    expected = np.random.default_rng(0).standard_normal(3) * 0.01
    with pytest.raises(CheckFailure, match="Likely mistake: the random numbers came from numpy's global generator"):
        expect(initialize, (3, 0), expected)
    with pytest.raises(CheckFailure) as failure:  # wrong without the global generator: nothing to name
        expect(lambda n, rng=None: np.zeros(n), (3, 0), expected)
    assert "global generator" not in str(failure.value)

"""Does every autograded cell get a deliberate time limit?"""
from coursebuild.grading import DEFAULT_CELL_TIMEOUT, LONG_CELL_TIMEOUT, MAX_CELL_TIMEOUT, cell_timeout, is_long_cell


def test_plain_cells_get_the_short_default():
    assert cell_timeout({"metadata": {}}) == DEFAULT_CELL_TIMEOUT < 30


def test_a_training_cell_declares_its_own_budget():
    assert cell_timeout({"metadata": {"coursekit": {"timeout": 600}}}) == 600


def test_declared_budgets_are_capped_and_sanitized():
    assert cell_timeout({"metadata": {"coursekit": {"timeout": 10 ** 9}}}) == MAX_CELL_TIMEOUT
    assert cell_timeout({"metadata": {"coursekit": {"timeout": "forever"}}}) == DEFAULT_CELL_TIMEOUT
    assert cell_timeout({"metadata": {"coursekit": {"timeout": -5}}}) == 1


def test_a_long_cell_is_one_allowed_more_than_a_minute():
    assert not is_long_cell({"metadata": {}})
    assert not is_long_cell({"metadata": {"coursekit": {"timeout": LONG_CELL_TIMEOUT}}})
    assert is_long_cell({"metadata": {"coursekit": {"timeout": LONG_CELL_TIMEOUT + 1}}})
    assert not is_long_cell({"metadata": {"coursekit": {"timeout": "forever"}}}), "what the autograder allows counts"


def test_nbgrader_uses_it():
    from traitlets.config import Config
    from coursebuild.paths import ROOT

    namespace = {"get_config": Config}
    exec((ROOT / "nbgrader_config.py").read_text(), namespace)
    config = namespace["c"]
    assert config.Execute.timeout_func is cell_timeout

"""Does every autograded cell get a deliberate time limit, and a late notebook the course's penalty?"""
import os
import re

import pytest

from coursebuild.grading import (DEFAULT_CELL_TIMEOUT, LONG_CELL_TIMEOUT, MAX_CELL_TIMEOUT, PerDayPenalty, cell_timeout,
                                 is_long_cell)


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

    # As traitlets' PyFileConfigLoader runs it (with __file__: the exchange is found beside it).
    namespace = {"get_config": Config, "__file__": str(ROOT / "nbgrader_config.py")}
    exec((ROOT / "nbgrader_config.py").read_text(), namespace)
    config = namespace["c"]
    assert config.Execute.timeout_func is cell_timeout
    assert config.AssignLatePenalties.plugin_class is PerDayPenalty
    assert config.Exchange.root == str(ROOT / "exchange") or "COURSE_EXCHANGE" in os.environ


@pytest.mark.parametrize("seconds_late, kept", [
    (1, 0.9), (60, 0.9), (86400, 0.9), (86401, 0.8), (3 * 86400, 0.7), (10 * 86400, 0.0), (30 * 86400, 0.0)])
def test_a_late_notebook_loses_ten_percent_per_started_day(seconds_late, kept):
    penalty = PerDayPenalty().late_submission_penalty("ada", 8.0, seconds_late)
    assert 8.0 - penalty == pytest.approx(8.0 * kept)


def test_the_late_policy_can_record_lateness_only():
    assert PerDayPenalty(percent_per_day=0).late_submission_penalty("ada", 8.0, 5 * 86400) == 0


def test_formgrader_keeps_its_own_template(monkeypatch):
    """The feedback's template settings are GenerateFeedback's: formgrader's grading page keeps its own."""
    from nbgrader.server_extensions.formgrader.formgrader import FormgradeExtension

    from coursebuild.paths import ROOT

    monkeypatch.chdir(ROOT)
    extension = FormgradeExtension()
    extension.initialize([])
    assert extension.config.HTMLExporter.template_name == "formgrade"


@pytest.mark.parametrize("config, says", [
    ("raise OSError('the exchange cannot be created')", "does not load (OSError: the exchange cannot be created)"),
    ("c = get_config()\n", "no SandboxedExecute"),
])
def test_grading_refuses_a_config_that_would_leave_the_sandbox(tmp_path, config, says):
    """nbgrader carries on without a config file that raises, with its own unsandboxed Execute."""
    from coursebuild.classgrade import check_config
    from coursebuild.paths import ROOT, BuildError

    (tmp_path / "nbgrader_config.py").write_text(config, encoding="utf-8")
    with pytest.raises(BuildError, match=re.escape(says)):
        check_config(tmp_path)
    check_config(ROOT)  # the course's own loads and sandboxes

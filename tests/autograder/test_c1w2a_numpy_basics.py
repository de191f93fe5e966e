"""Special cases of the hidden tests of assignment c1w2a (the general ones: test_hidden_tests.py)."""
import numpy as np
import pytest

from autograder import c1w2a_numpy_basics as hidden
from autograder.core import GradingError


def test_naive_sigmoid_passes_despite_overflow_warnings():
    """1 / (1 + np.exp(-x)) is correct (exp overflows to inf, 1/inf is 0): no point is lost for it."""
    hidden.grade("sigmoid", lambda x: 1 / (1 + np.exp(-x)))


def test_loss_returned_as_an_array_is_explained():
    with pytest.raises(GradingError, match="should be a single number"):
        hidden.grade("L1", lambda yhat, y: np.sum(np.abs(y - yhat), keepdims=True))

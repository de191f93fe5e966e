"""Is the reference of assignment c2w1c right? Vector helpers, and verdicts both ways."""
import numpy as np
import pytest

from autograder.c2w1c_gradient_checking import BORDERLINE_SEED, network, with_bug
from solutions import c2w1c_gradient_checking as ref
from solutions import gradient_checking


def test_vector_helpers_round_trip():
    parameters, gradients, _, _ = network(1)
    theta, keys = gradient_checking.dictionary_to_vector(parameters)
    assert theta.shape == (sum(v.size for v in parameters.values()), 1) and keys[0] == "W1" and keys[-1] == "b3"
    back = gradient_checking.vector_to_dictionary(theta, {k: v.shape for k, v in parameters.items()})
    for key in parameters:
        np.testing.assert_array_equal(back[key], parameters[key])
    assert gradient_checking.gradients_to_vector(gradients).shape == theta.shape


def test_one_dimensional_check_is_round_off_small():
    assert ref.gradient_check(2.0, 4.0) < 1e-9


@pytest.mark.parametrize("seed", [0, 3, BORDERLINE_SEED])
def test_correct_gradients_pass_and_a_doubled_dW2_fails(seed, capsys):
    parameters, gradients, X, Y = network(seed)
    assert ref.gradient_check_n(parameters, gradients, X, Y, print_msg=True) < ref.THRESHOLD
    assert ref.gradient_check_n(parameters, with_bug(gradients), X, Y, print_msg=True) > 1e-3
    printed = capsys.readouterr().out
    assert "works perfectly fine" in printed and "mistake in the backward propagation" in printed


def test_the_borderline_network_is_rejected_by_the_classic_threshold():
    """Why the course's threshold is 2e-7: this correct gradient differs by more than 1e-7."""
    parameters, gradients, X, Y = network(BORDERLINE_SEED)
    assert 1e-7 < ref.gradient_check_n(parameters, gradients, X, Y) < 2e-7

"""Is the reference of assignment c2w1c right? Vector helpers, and verdicts both ways."""
import numpy as np
import pytest

from autograder.c2w1c_gradient_checking import SATURATED_SEED, network, with_bug
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


@pytest.mark.parametrize("seed", [0, 3, SATURATED_SEED])
def test_correct_gradients_pass_and_a_doubled_dW2_fails(seed, capsys):
    parameters, gradients, X, Y = network(seed)
    assert ref.gradient_check_n(parameters, gradients, X, Y, print_msg=True) < ref.THRESHOLD
    assert ref.gradient_check_n(parameters, with_bug(gradients), X, Y, print_msg=True) > 1e-3
    printed = capsys.readouterr().out
    assert "works perfectly fine" in printed and "mistake in the backward propagation" in printed


def test_the_stable_cost_makes_a_saturated_network_round_off():
    """Why gc_utils computes the cost from Z3: computed from A3, the saturated network's correct
    gradient differs by far more than any threshold; computed stably, by round-off only."""
    parameters, gradients, X, Y = network(SATURATED_SEED)
    A3 = gradient_checking.forward_propagation_n(X, Y, parameters)[1][9]
    assert 1 - A3[0, 2] < 1e-6 and Y[0, 2] == 0, "the third output saturates on a wrong label"
    assert ref.gradient_check_n(parameters, gradients, X, Y) < 1e-8

    def from_A3(X, Y, parameters):
        cost, cache = gradient_checking.forward_propagation_n(X, Y, parameters)
        A3 = cache[9]
        return float(-np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3))), cache

    assert abs(from_A3(X, Y, parameters)[0] - gradient_checking.forward_propagation_n(X, Y, parameters)[0]) < 1e-6
    original = ref.forward_propagation_n
    ref.forward_propagation_n = from_A3
    try:
        assert ref.gradient_check_n(parameters, gradients, X, Y) > 1e-5
    finally:
        ref.forward_propagation_n = original


@pytest.mark.parametrize("seed", range(0, 200, 7))
def test_correct_gradients_are_round_off_with_the_stable_cost(seed):
    parameters, gradients, X, Y = network(seed)
    assert ref.gradient_check_n(parameters, gradients, X, Y) < 1e-8

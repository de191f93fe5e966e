"""Is the reference of assignment c4w1a right? Backward passes checked numerically, ties handled."""
import numpy as np
import pytest

from solutions import c4w1a_convolution as ref

from .gradients import assert_gradient


def test_conv_backward_is_the_gradient_of_conv_forward():
    rng = np.random.default_rng(0)
    A_prev, W, b = rng.normal(size=(2, 5, 4, 2)), rng.normal(size=(3, 3, 2, 3)), rng.normal(size=(1, 1, 1, 3))
    hparameters = {"stride": 2, "pad": 1}
    Z, cache = ref.conv_forward(A_prev, W, b, hparameters)
    dZ = rng.normal(size=Z.shape)
    dA_prev, dW, db = ref.conv_backward(dZ, cache)
    assert_gradient({"A_prev": dA_prev, "W": dW, "b": db},
                    lambda: np.sum(dZ * ref.conv_forward(A_prev, W, b, hparameters)[0]), {"A_prev": A_prev, "W": W, "b": b})


@pytest.mark.parametrize("mode", ["max", "average"])
def test_pool_backward_is_the_gradient_of_pool_forward(mode):
    rng = np.random.default_rng(1)
    A_prev = rng.normal(size=(2, 5, 5, 2))
    hparameters = {"f": 3, "stride": 1}
    A, cache = ref.pool_forward(A_prev, hparameters, mode)
    dA = rng.normal(size=A.shape)
    assert_gradient({"A_prev": ref.pool_backward(dA, cache, mode)},
                    lambda: np.sum(dA * ref.pool_forward(A_prev, hparameters, mode)[0]), {"A_prev": A_prev})


def test_the_mask_marks_one_maximum_even_when_several_tie():
    assert ref.create_mask_from_window(np.array([[4.0, 1.0], [4.0, 4.0]])).sum() == 1


def test_output_sizes_follow_the_formula():
    Z, _ = ref.conv_forward(np.zeros((1, 7, 9, 1)), np.zeros((3, 3, 1, 2)), np.zeros((1, 1, 1, 2)), {"stride": 2, "pad": 1})
    assert Z.shape == (1, 4, 5, 2)

"""Do the vectorized layers equal the loops students write, on every stride and padding?"""
import numpy as np
import pytest

from solutions import c4w1a_convolution as loops
from solutions import fast_layers as fast

SHAPES = [(2, 5, 7, 4, 3, 8, 2, 1), (3, 6, 6, 3, 2, 5, 1, 0), (2, 9, 8, 2, 3, 3, 3, 2), (1, 4, 4, 1, 4, 2, 1, 0)]


@pytest.mark.parametrize("m, n_H, n_W, n_C_prev, f, n_C, stride, pad", SHAPES)
def test_convolution_forward_and_backward_equal_the_loops(m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    rng = np.random.default_rng(0)
    A_prev, W, b = rng.normal(size=(m, n_H, n_W, n_C_prev)), rng.normal(size=(f, f, n_C_prev, n_C)), rng.normal(size=(1, 1, 1, n_C))
    hparameters = {"stride": stride, "pad": pad}
    Z, cache = loops.conv_forward(A_prev, W, b, hparameters)
    np.testing.assert_allclose(fast.conv_forward_fast(A_prev, W, b, hparameters)[0], Z, atol=1e-12)
    dZ = rng.normal(size=Z.shape)
    for got, expected in zip(fast.conv_backward_fast(dZ, cache), loops.conv_backward(dZ, cache)):
        np.testing.assert_allclose(got, expected, atol=1e-12)


def test_float32_inputs_are_computed_in_float32():
    """The benchmark compares the layer with TensorFlow's float32 one: it must not widen to float64."""
    rng = np.random.default_rng(2)
    A_prev, W, b = rng.normal(size=(2, 6, 5, 3)), rng.normal(size=(3, 3, 3, 4)), rng.normal(size=(1, 1, 1, 4))
    hparameters = {"stride": 1, "pad": 1}
    Z, cache = loops.conv_forward(A_prev, W, b, hparameters)
    dZ = rng.normal(size=Z.shape)
    Z32, cache32 = fast.conv_forward_fast(A_prev.astype(np.float32), W.astype(np.float32), b.astype(np.float32), hparameters)
    assert Z32.dtype == np.float32
    np.testing.assert_allclose(Z32, Z, rtol=1e-4, atol=1e-4)
    for got, expected in zip(fast.conv_backward_fast(dZ.astype(np.float32), cache32), loops.conv_backward(dZ, cache)):
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("f, stride", [(2, 2), (3, 1), (3, 2)])
def test_pooling_equals_the_loops(mode, f, stride):
    A_prev = np.random.default_rng(1).normal(size=(2, 7, 6, 3))
    hparameters = {"f": f, "stride": stride}
    np.testing.assert_allclose(fast.pool_forward_fast(A_prev, hparameters, mode)[0],
                               loops.pool_forward(A_prev, hparameters, mode)[0], atol=1e-12)

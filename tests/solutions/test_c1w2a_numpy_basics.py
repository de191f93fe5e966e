"""Is the reference of assignment c1w2a right? Fixed values, properties, and a gradient check."""
import numpy as np
import pytest

from solutions import c1w2a_numpy_basics as ref


def test_basic_sigmoid_known_values():
    assert ref.basic_sigmoid(0) == 0.5
    assert ref.basic_sigmoid(1) == pytest.approx(1 / (1 + np.e ** -1), rel=1e-12)
    assert isinstance(ref.basic_sigmoid(2), float)


@pytest.mark.parametrize("shape", [(), (5,), (3, 4), (2, 3, 4)])
def test_sigmoid_agrees_with_basic_sigmoid_elementwise(shape):
    x = np.random.default_rng(0).normal(0, 4, size=shape)
    got = ref.sigmoid(x)
    assert np.shape(got) == shape
    np.testing.assert_allclose(np.ravel(got), [ref.basic_sigmoid(v) for v in np.ravel(x)], rtol=1e-12)


def test_sigmoid_never_overflows():
    x = np.array([-1e4, -1000.0, -710.0, 0.0, 710.0, 1000.0, 1e4])
    with np.errstate(over="raise", invalid="raise"):  # overflow or NaN become exceptions; underflow to 0 is fine
        s = ref.sigmoid(x)
    np.testing.assert_allclose(s, [0, 0, np.exp(-710), 0.5, 1, 1, 1], atol=1e-300)


def test_sigmoid_keeps_float32():
    assert ref.sigmoid(np.ones(3, dtype=np.float32)).dtype == np.float32


def test_sigmoid_derivative_passes_a_gradient_check():
    """Centred differences in float64 agree with the analytic derivative."""
    x = np.random.default_rng(1).normal(0, 3, size=(4, 5))
    eps = 1e-6
    numerical = (ref.sigmoid(x + eps) - ref.sigmoid(x - eps)) / (2 * eps)
    analytic = ref.sigmoid_derivative(x)
    difference = np.linalg.norm(analytic - numerical) / (np.linalg.norm(analytic) + np.linalg.norm(numerical))
    assert difference < 1e-7, f"relative difference {difference:.2e} between analytic and numerical derivative"


def test_image2vector_keeps_row_major_order():
    image = np.random.default_rng(2).uniform(size=(4, 3, 2))
    v = ref.image2vector(image)
    assert v.shape == (24, 1)
    np.testing.assert_array_equal(v[:, 0], [image[i, j, k] for i in range(4) for j in range(3) for k in range(2)])


def test_normalize_rows_gives_unit_rows_in_the_same_directions():
    x = np.random.default_rng(3).normal(size=(5, 3))
    n = ref.normalize_rows(x)
    np.testing.assert_allclose(np.linalg.norm(n, axis=1), 1.0)
    np.testing.assert_allclose(n * np.linalg.norm(x, axis=1, keepdims=True), x)


def test_softmax_rows_are_probabilities_and_shift_invariant():
    x = np.random.default_rng(4).normal(size=(4, 6))
    s = ref.softmax(x)
    assert (s >= 0).all()
    np.testing.assert_allclose(s.sum(axis=1), 1.0)
    np.testing.assert_allclose(ref.softmax(x + 123.0), s)
    manual = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(s, manual)


def test_softmax_does_not_overflow():
    with np.errstate(over="raise", invalid="raise"):
        s = ref.softmax(np.array([[1e4, 1e4 + 1], [-1e4, -1e4]]))
    np.testing.assert_allclose(s, [[1 / (1 + np.e), np.e / (1 + np.e)], [0.5, 0.5]])


def test_losses_match_their_definitions():
    rng = np.random.default_rng(5)
    yhat, y = rng.normal(size=9), rng.normal(size=9)
    assert ref.L1(yhat, y) == pytest.approx(sum(abs(a - b) for a, b in zip(y, yhat)))
    assert ref.L2(yhat, y) == pytest.approx(sum((a - b) ** 2 for a, b in zip(y, yhat)))
    assert isinstance(ref.L1(yhat, y), float) and isinstance(ref.L2(yhat, y), float)

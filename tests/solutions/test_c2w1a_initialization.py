"""Is the reference of assignment c2w1a right? Shapes, scales and reproducibility."""
import numpy as np

from solutions import c2w1a_initialization as ref


def test_zeros_are_zeros_of_the_right_shapes():
    parameters = ref.initialize_parameters_zeros([3, 2, 1])
    assert parameters["W1"].shape == (2, 3) and parameters["b2"].shape == (1, 1)
    assert not any(v.any() for v in parameters.values())


def test_random_and_he_have_their_scales():
    random = ref.initialize_parameters_random([500, 400, 1], rng=0)
    he = ref.initialize_parameters_he([500, 400, 1], rng=0)
    assert abs(random["W1"].std() - 10) < 0.2
    assert abs(he["W1"].std() - np.sqrt(2 / 500)) < 0.002
    np.testing.assert_allclose(he["W1"] * np.sqrt(500 / 2) * 10, random["W1"])  # same draws, other scale


def test_he_keeps_relu_activations_at_a_steady_scale():
    """The point of He initialization: ten relu layers neither explode nor vanish."""
    rng = np.random.default_rng(1)
    A = rng.normal(size=(300, 1000))
    parameters = ref.initialize_parameters_he([300] * 11, rng=2)
    for l in range(1, 11):
        A = np.maximum(0, parameters[f"W{l}"] @ A)
    assert 0.3 < np.sqrt(np.mean(A ** 2)) < 3

"""Is the reference of assignment c1w3a right? Gradients checked numerically, a network that learns."""
import numpy as np

from solutions import c1w3a_planar_data as ref

from .gradients import assert_gradient


def network(seed, n_x=3, n_h=4, m=6):
    rng = np.random.default_rng(seed)
    parameters = {"W1": rng.normal(size=(n_h, n_x)), "b1": rng.normal(size=(n_h, 1)),
                  "W2": rng.normal(size=(1, n_h)), "b2": rng.normal(size=(1, 1))}
    X = rng.normal(size=(n_x, m))
    return parameters, X, (rng.uniform(size=(1, m)) < 0.5).astype(float)


def test_backward_propagation_is_the_gradient_of_compute_cost():
    parameters, X, Y = network(0)
    _, cache = ref.forward_propagation(X, parameters)
    grads = ref.backward_propagation(parameters, cache, X, Y)
    assert_gradient({k: grads["d" + k] for k in parameters},
                    lambda: ref.compute_cost(ref.forward_propagation(X, parameters)[0], Y), parameters)


def test_initialize_parameters_is_reproducible_from_a_seed_and_small():
    a, b = ref.initialize_parameters(2, 4, 1, rng=5), ref.initialize_parameters(2, 4, 1, rng=5)
    for name in a:
        np.testing.assert_array_equal(a[name], b[name])
    assert a["W1"].shape == (4, 2) and np.abs(a["W1"]).max() < 0.1 and not a["b1"].any()


def test_update_parameters_returns_new_arrays():
    parameters, _, _ = network(1)
    before = {k: v.copy() for k, v in parameters.items()}
    updated = ref.update_parameters(parameters, {"d" + k: np.ones_like(v) for k, v in parameters.items()}, 0.5)
    for name in parameters:
        np.testing.assert_array_equal(parameters[name], before[name])
        np.testing.assert_allclose(updated[name], before[name] - 0.5)


def test_nn_model_learns_xor_which_logistic_regression_cannot():
    X = np.random.default_rng(2).uniform(-1, 1, size=(2, 200))
    Y = ((X[0] > 0) ^ (X[1] > 0)).astype(float).reshape(1, -1)
    parameters = ref.nn_model(X, Y, n_h=6, num_iterations=3000, rng=0)
    assert np.mean(ref.predict(parameters, X) == Y) > 0.9

"""Is the reference of assignment c1w4b right? Both models learn, reproducibly."""
import numpy as np
import pytest

from solutions import c1w4b_deep_nn_application as ref


def problem(seed, n_x=6, m=60):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_x, m))
    return X, (X[:1] - X[1:2] > 0).astype(float)


@pytest.mark.parametrize("train, dims", [(ref.two_layer_model, (6, 5, 1)), (ref.L_layer_model, [6, 5, 4, 1])])
def test_models_learn_and_record_the_cost(train, dims):
    X, Y = problem(0)
    parameters, costs = train(X, Y, dims, learning_rate=0.1, num_iterations=501, rng=1)
    assert len(costs) == 6 and costs[-1] < 0.5 * costs[0]  # iterations 0, 100, ..., 500
    assert np.mean(ref.predict(X, Y, parameters) == Y) > 0.9


def test_training_is_reproducible_from_a_seed():
    X, Y = problem(1)
    a, _ = ref.L_layer_model(X, Y, [6, 3, 1], num_iterations=20, rng=4)
    b, _ = ref.L_layer_model(X, Y, [6, 3, 1], num_iterations=20, rng=4)
    for name in a:
        np.testing.assert_array_equal(a[name], b[name])

"""Is the reference of assignment c1w2b right? Gradients checked numerically, training that learns."""
import numpy as np

from solutions import c1w2b_logistic_regression as ref

from .gradients import assert_gradient


def problem(seed, n_x=4, m=9):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_x, m))
    return rng.normal(size=(n_x, 1)), float(rng.normal()), X, (X[:1] + 0.3 * rng.normal(size=(1, m)) > 0).astype(float)


def test_propagate_gradients_are_the_derivatives_of_its_cost():
    w, b, X, Y = problem(0)
    grads, _ = ref.propagate(w, b, X, Y)
    variables = {"dw": w.copy(), "db": np.array([b])}
    assert_gradient({"dw": grads["dw"], "db": np.array([grads["db"]])},
                    lambda: ref.propagate(variables["dw"], variables["db"][0], X, Y)[1], variables)


def test_propagate_cost_at_zero_weights_is_log_2():
    _, _, X, Y = problem(1)
    _, cost = ref.propagate(np.zeros((4, 1)), 0.0, X, Y)
    assert isinstance(cost, float) and np.isclose(cost, np.log(2))


def test_optimize_lowers_the_cost_and_leaves_its_inputs_alone():
    w, b, X, Y = problem(2)
    w_before = w.copy()
    params, _, costs = ref.optimize(w, b, X, Y, num_iterations=301, learning_rate=0.1)
    assert len(costs) == 4 and costs[-1] < costs[0]
    np.testing.assert_array_equal(w, w_before)
    assert ref.propagate(params["w"], params["b"], X, Y)[1] < costs[0]


def test_predict_thresholds_strictly_above_one_half():
    X = np.array([[1.0, -1.0, 0.0]])
    np.testing.assert_array_equal(ref.predict(np.array([[2.0]]), 0.0, X), [[1.0, 0.0, 0.0]])


def test_model_separates_separable_data():
    _, _, X, Y = problem(3, m=40)
    d = ref.model(X, Y, X, Y, num_iterations=500, learning_rate=0.5)
    assert np.mean(d["Y_prediction_train"] == Y) > 0.8
    assert d["num_iterations"] == 500 and d["w"].shape == (4, 1)

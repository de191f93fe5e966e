"""Is the shared 3-layer network right? Its backward pass checked numerically, its cost robust."""
import numpy as np

from solutions import three_layer as ref

from .gradients import assert_gradient


def network(seed, m=6):
    rng = np.random.default_rng(seed)
    parameters = ref.initialize_parameters([3, 4, 3, 1], rng=rng)
    parameters = {k: v + rng.normal(0, 0.1, v.shape) for k, v in parameters.items()}
    return parameters, rng.normal(size=(3, m)), (rng.uniform(size=(1, m)) < 0.5).astype(float)


def test_backward_propagation_is_the_gradient_of_compute_cost():
    parameters, X, Y = network(0)
    grads = ref.backward_propagation(X, Y, ref.forward_propagation(X, parameters)[1])
    assert_gradient({k: grads["d" + k] for k in parameters},
                    lambda: ref.compute_cost(ref.forward_propagation(X, parameters)[0], Y), parameters)


def test_compute_cost_of_saturated_outputs_is_zero_when_right_and_infinite_when_wrong():
    Y = np.array([[1.0, 0.0]])
    assert ref.compute_cost(np.array([[1.0, 0.0]]), Y) == 0.0
    assert ref.compute_cost(np.array([[0.0, 0.0]]), Y) == np.inf


def test_predict_has_the_labels_shape():
    parameters, X, Y = network(1)
    assert ref.predict(X, Y, parameters).shape == Y.shape

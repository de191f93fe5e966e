"""Is the reference of assignment c2w1b right? Both backward passes checked numerically."""
import numpy as np

from solutions import c2w1b_regularization as ref
from solutions import three_layer

from .gradients import assert_gradient
from .test_three_layer import network


def test_l2_backward_is_the_gradient_of_the_regularized_cost():
    parameters, X, Y = network(2)
    grads = ref.backward_propagation_with_regularization(X, Y, three_layer.forward_propagation(X, parameters)[1], 0.7)
    assert_gradient({k: grads["d" + k] for k in parameters}, lambda: ref.compute_cost_with_regularization(
        three_layer.forward_propagation(X, parameters)[0], Y, parameters, 0.7), parameters)


def test_dropout_backward_is_the_gradient_of_the_network_with_its_masks():
    parameters, X, Y = network(3, m=8)
    _, cache = ref.forward_propagation_with_dropout(X, parameters, 0.6, rng=5)
    grads = ref.backward_propagation_with_dropout(X, Y, cache, 0.6)

    def cost():  # the same masks: D1 and D2 are the cache's, drawn again from the same seed
        return three_layer.compute_cost(ref.forward_propagation_with_dropout(X, parameters, 0.6, rng=5)[0], Y)
    assert_gradient({k: grads["d" + k] for k in parameters}, cost, parameters)


def test_dropout_with_keep_prob_one_is_the_plain_network():
    parameters, X, _ = network(4)
    np.testing.assert_allclose(ref.forward_propagation_with_dropout(X, parameters, 1.0, rng=0)[0],
                               three_layer.forward_propagation(X, parameters)[0])


def test_inverted_dropout_keeps_the_mean_activation():
    parameters, X, _ = network(5, m=20000)
    plain = three_layer.forward_propagation(X, parameters)[1][1]  # A1
    dropped = ref.forward_propagation_with_dropout(X, parameters, 0.5, rng=1)[1][2]
    np.testing.assert_allclose(dropped.mean(), plain.mean(), rtol=0.02)


def test_l2_penalty_is_lambda_over_2m_times_squared_weights():
    parameters, X, Y = network(6)
    A3 = three_layer.forward_propagation(X, parameters)[0]
    penalty = sum(np.sum(parameters[f"W{l}"] ** 2) for l in (1, 2, 3)) * 0.5 / (2 * X.shape[1])
    np.testing.assert_allclose(ref.compute_cost_with_regularization(A3, Y, parameters, 0.5),
                               three_layer.compute_cost(A3, Y) + penalty)

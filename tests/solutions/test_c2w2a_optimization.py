"""Is the reference of assignment c2w2a right? Mini-batches, Adam's bias correction, decay."""
import numpy as np

from solutions import c2w2a_optimization as ref


def test_mini_batches_keep_pairs_cover_every_example_once_and_keep_the_remainder():
    X = np.arange(30.0).reshape(2, 15)
    Y = X[:1] * 10
    batches = ref.random_mini_batches(X, Y, mini_batch_size=4, seed=1)
    assert [b[0].shape[1] for b in batches] == [4, 4, 4, 3]
    columns = np.concatenate([b[0] for b in batches], axis=1)
    np.testing.assert_array_equal(np.sort(columns[0]), X[0])
    assert not np.array_equal(columns, X), "the examples should be shuffled"
    for mini_batch_X, mini_batch_Y in batches:
        np.testing.assert_array_equal(mini_batch_Y, mini_batch_X[:1] * 10)


def test_the_first_adam_step_moves_each_parameter_by_the_learning_rate():
    """With bias correction, step 1 is learning_rate * g / |g|: the sign of the gradient, scaled."""
    parameters = {"W1": np.zeros((2, 3)), "b1": np.zeros((2, 1))}
    grads = {"dW1": np.array([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]]), "db1": np.array([[0.5], [-0.1]])}
    v, s = ref.initialize_adam(parameters)
    updated, *_ = ref.update_parameters_with_adam(parameters, grads, v, s, t=1, learning_rate=0.01)
    np.testing.assert_allclose(updated["W1"], -0.01 * np.sign(grads["dW1"]), rtol=1e-6)
    assert not parameters["W1"].any(), "the arguments must not change"


def test_momentum_with_beta_zero_is_gradient_descent():
    rng = np.random.default_rng(0)
    parameters = {"W1": rng.normal(size=(2, 2)), "b1": rng.normal(size=(2, 1))}
    grads = {"dW1": rng.normal(size=(2, 2)), "db1": rng.normal(size=(2, 1))}
    momentum, _ = ref.update_parameters_with_momentum(parameters, grads, ref.initialize_velocity(parameters), 0.0, 0.1)
    plain = ref.update_parameters_with_gd(parameters, grads, 0.1)
    for key in plain:
        np.testing.assert_allclose(momentum[key], plain[key])


def test_scheduled_decay_steps_only_at_interval_boundaries():
    rates = [ref.schedule_lr_decay(1.0, epoch, 1.0, time_interval=10) for epoch in (0, 9, 10, 19, 20)]
    assert rates == [1.0, 1.0, 0.5, 0.5, 1 / 3]
    assert ref.update_lr(1.0, 3, 0.5) == 0.4

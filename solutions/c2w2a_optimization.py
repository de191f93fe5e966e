"""Reference solutions for assignment c2w2a, optimization methods.

Gradient descent, mini-batches, momentum, Adam and learning-rate decay for an L-layer network
whose parameters are ``W1, b1, ..., WL, bL`` and whose gradients are ``dW1, db1, ...``.
Examples are columns: ``X`` is (n_x, m), ``Y`` is (1, m). No function modifies its arguments.
"""
import math

import numpy as np


def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of gradient descent.

    Parameters
    ----------
    parameters : dict
        ``W{l}``, ``b{l}`` for l = 1..L.
    grads : dict
        ``dW{l}``, ``db{l}``.
    learning_rate : float

    Returns
    -------
    parameters : dict
        New arrays ``W{l} - learning_rate * dW{l}``, ``b{l} - learning_rate * db{l}``.
    """
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return updated


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the examples (X and Y together) and cut them into mini-batches.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    mini_batch_size : int
    seed : int or numpy.random.Generator
        The shuffle is ``np.random.default_rng(seed).permutation(m)``.

    Returns
    -------
    mini_batches : list of tuple
        ``(mini_batch_X, mini_batch_Y)`` of shapes (n_x, mini_batch_size) and (1, mini_batch_size);
        the last one holds the ``m % mini_batch_size`` remaining examples, if any.
    """
    m = X.shape[1]
    permutation = np.random.default_rng(seed).permutation(m)
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((Y.shape[0], m))
    mini_batches = []
    for k in range(math.ceil(m / mini_batch_size)):
        columns = slice(k * mini_batch_size, min((k + 1) * mini_batch_size, m))
        mini_batches.append((shuffled_X[:, columns], shuffled_Y[:, columns]))
    return mini_batches


def initialize_velocity(parameters):
    """Zero velocities for momentum.

    Parameters
    ----------
    parameters : dict

    Returns
    -------
    v : dict
        ``dW{l}``, ``db{l}``: zeros of the shapes of ``W{l}``, ``b{l}``.
    """
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v[f"dW{l}"] = np.zeros_like(parameters[f"W{l}"])
        v[f"db{l}"] = np.zeros_like(parameters[f"b{l}"])
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of gradient descent with momentum.

    Parameters
    ----------
    parameters, grads, v : dict
    beta : float
        Momentum, the weight of the past velocity.
    learning_rate : float

    Returns
    -------
    parameters : dict
    v : dict
        ``v = beta * v + (1 - beta) * grad``, then ``parameter - learning_rate * v``.
    """
    L = len(parameters) // 2
    updated, velocity = {}, {}
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            velocity["d" + name] = beta * v["d" + name] + (1 - beta) * grads["d" + name]
            updated[name] = parameters[name] - learning_rate * velocity["d" + name]
    return updated, velocity


def initialize_adam(parameters):
    """Zero first and second moment estimates for Adam.

    Parameters
    ----------
    parameters : dict

    Returns
    -------
    v, s : dict
        ``dW{l}``, ``db{l}``: zeros of the parameters' shapes.
    """
    return initialize_velocity(parameters), initialize_velocity(parameters)


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """One step of Adam.

    Parameters
    ----------
    parameters, grads, v, s : dict
    t : int
        The number of Adam steps taken so far, this one included (1 for the first).
    learning_rate, beta1, beta2, epsilon : float

    Returns
    -------
    parameters, v, s, v_corrected, s_corrected : dict

    Notes
    -----
    :math:`v = \\beta_1 v + (1 - \\beta_1) g`, :math:`s = \\beta_2 s + (1 - \\beta_2) g^2`,
    :math:`\\hat v = v / (1 - \\beta_1^t)`, :math:`\\hat s = s / (1 - \\beta_2^t)`,
    :math:`\\theta = \\theta - \\alpha \\hat v / (\\sqrt{\\hat s} + \\varepsilon)`.
    """
    L = len(parameters) // 2
    updated, v_new, s_new, v_corrected, s_corrected = {}, {}, {}, {}, {}
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            g = grads["d" + name]
            v_new["d" + name] = beta1 * v["d" + name] + (1 - beta1) * g
            v_corrected["d" + name] = v_new["d" + name] / (1 - beta1 ** t)
            s_new["d" + name] = beta2 * s["d" + name] + (1 - beta2) * np.square(g)
            s_corrected["d" + name] = s_new["d" + name] / (1 - beta2 ** t)
            updated[name] = parameters[name] - learning_rate * v_corrected["d" + name] / (
                np.sqrt(s_corrected["d" + name]) + epsilon)
    return updated, v_new, s_new, v_corrected, s_corrected


def update_lr(learning_rate0, epoch_num, decay_rate):
    """Learning rate decayed every epoch: learning_rate0 / (1 + decay_rate * epoch_num).

    Parameters
    ----------
    learning_rate0 : float
    epoch_num : int
    decay_rate : float

    Returns
    -------
    learning_rate : float
    """
    return learning_rate0 / (1 + decay_rate * epoch_num)


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Learning rate decayed in steps: learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval)).

    Parameters
    ----------
    learning_rate0 : float
    epoch_num : int
    decay_rate : float
    time_interval : int
        Epochs between two decays.

    Returns
    -------
    learning_rate : float
    """
    return learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))

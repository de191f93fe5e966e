"""The network whose gradients the gradient-checking assignment verifies, and its vector helpers.

Shared building blocks, shipped to students as ``gc_utils.py``; nothing here is an exercise.
The network is the 3-layer one of :mod:`solutions.three_layer`; ``forward_propagation_n``
returns its cost, the form a gradient check needs.
"""
import numpy as np

from solutions.three_layer import backward_propagation, forward_propagation

def forward_propagation_n(X, Y, parameters):
    """Cross-entropy cost of the 3-layer network, computed stably from Z3, and the cache of its forward pass.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    parameters : dict
        ``W1``, ``b1``, ``W2``, ``b2``, ``W3``, ``b3``.

    Returns
    -------
    cost : float
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``.
    """
    A3, cache = forward_propagation(X, parameters)
    Z3 = cache[8]
    m = Y.shape[1]
    # The cross-entropy from Z3: -log(sigmoid(z)) = log(1 + e^-z) and -log(1 - sigmoid(z)) = log(1 + e^z),
    # which logaddexp computes to full precision. From A3 instead, an output saturated near 1 on a
    # label 0 leaves 1 - A3 with a few digits, and the centred difference of such a cost is round-off
    # (the notebook's section 4 measures it).
    cost = float(np.sum(Y * np.logaddexp(0, -Z3) + (1 - Y) * np.logaddexp(0, Z3)) / m)
    return cost, cache


def backward_propagation_n(X, Y, cache):
    """Gradients of :func:`forward_propagation_n`'s cost (correct; the notebook plants bugs in a copy).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    cache : tuple

    Returns
    -------
    gradients : dict
        ``dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1``.
    """
    return backward_propagation(X, Y, cache)


def dictionary_to_vector(parameters):
    """Stack every parameter into one column, in the order ``W1, b1, W2, b2, W3, b3``.

    Parameters
    ----------
    parameters : dict

    Returns
    -------
    theta : ndarray of shape (n_parameters, 1)
    keys : list of str
        For each entry of ``theta``, the parameter it came from.
    """
    vectors, keys = [], []
    for key in ("W1", "b1", "W2", "b2", "W3", "b3"):  # the order of dictionary_to_vector
        vectors.append(np.reshape(parameters[key], (-1, 1)))  # (size, 1), row-major
        keys += [key] * parameters[key].size
    return np.concatenate(vectors, axis=0), keys


def vector_to_dictionary(theta, shapes=None):
    """Undo :func:`dictionary_to_vector`.

    Parameters
    ----------
    theta : ndarray of shape (n_parameters, 1)
    shapes : dict of str -> tuple, optional
        The shape of each parameter, e.g. ``{"W1": (5, 4), ...}``; default: the assignment's network,
        4 inputs and layers of 5, 3 and 1 units (the shapes the classic ``vector_to_dictionary(theta)``
        had built in, so that classic code works unchanged).

    Returns
    -------
    parameters : dict
        New arrays (not views of ``theta``).
    """
    if shapes is None:
        shapes = {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
    if theta.shape[0] != sum(int(np.prod(shape)) for shape in shapes.values()):
        raise ValueError(f"theta has {theta.shape[0]} values but the shapes {shapes} need "
                         f"{sum(int(np.prod(shape)) for shape in shapes.values())}: pass the shapes of your "
                         f"parameters, vector_to_dictionary(theta, {{key: value.shape for key, value in parameters.items()}}).")
    parameters, start = {}, 0
    for key in ("W1", "b1", "W2", "b2", "W3", "b3"):  # the order of dictionary_to_vector
        size = int(np.prod(shapes[key]))
        parameters[key] = np.array(theta[start:start + size].reshape(shapes[key]))
        start += size
    return parameters


def gradients_to_vector(gradients):
    """Stack ``dW1, db1, ..., dW3, db3`` into one column, in :func:`dictionary_to_vector`'s order.

    Parameters
    ----------
    gradients : dict

    Returns
    -------
    grad : ndarray of shape (n_parameters, 1)
    """
    return np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in ("W1", "b1", "W2", "b2", "W3", "b3")],
                          axis=0)

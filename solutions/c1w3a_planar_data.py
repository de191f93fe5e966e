"""Reference solutions for assignment c1w3a, a shallow neural network on planar data.

A network with one tanh hidden layer and a sigmoid output. Functions appear in the order the
notebook introduces them. Examples are columns: ``X`` is (n_x, m), ``Y`` is (1, m);
``W1`` is (n_h, n_x), ``b1`` (n_h, 1), ``W2`` (n_y, n_h), ``b2`` (n_y, 1).
"""
import numpy as np

from solutions.c1w2a_numpy_basics import sigmoid


def layer_sizes(X, Y):
    """Sizes of the three layers.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (n_y, m)

    Returns
    -------
    n_x : int
        Input size.
    n_h : int
        Hidden layer size, 4.
    n_y : int
        Output size.
    """
    return X.shape[0], 4, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y, rng=None):
    """Small random weights and zero biases.

    Parameters
    ----------
    n_x, n_h, n_y : int
        Layer sizes.
    rng : numpy.random.Generator or int, optional
        Source of randomness (a seed is turned into ``np.random.default_rng(seed)``).
        ``W1`` is drawn first, then ``W2``.

    Returns
    -------
    parameters : dict
        ``W1`` (n_h, n_x) and ``W2`` (n_y, n_h): standard normal times 0.01;
        ``b1`` (n_h, 1) and ``b2`` (n_y, 1): zeros.
    """
    rng = np.random.default_rng(rng)
    W1 = rng.standard_normal((n_h, n_x)) * 0.01
    W2 = rng.standard_normal((n_y, n_h)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def forward_propagation(X, parameters):
    """Forward pass: tanh hidden layer, sigmoid output.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``W1``, ``b1``, ``W2``, ``b2``.

    Returns
    -------
    A2 : ndarray of shape (1, m)
        Output probabilities.
    cache : dict
        ``Z1``, ``A1`` (n_h, m), ``Z2``, ``A2`` (1, m), for the backward pass.
    """
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]  # (n_h, m)
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]  # (1, m)
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y):
    """Cross-entropy cost.

    Parameters
    ----------
    A2 : ndarray of shape (1, m)
        Output probabilities.
    Y : ndarray of shape (1, m)
        Labels, 0 or 1.

    Returns
    -------
    cost : float
        :math:`-\\frac{1}{m}\\sum_i y_i\\log a_i + (1 - y_i)\\log(1 - a_i)`.
    """
    m = Y.shape[1]
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    return float(-np.sum(logprobs) / m)


def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cost with respect to the parameters.

    Parameters
    ----------
    parameters : dict
        ``W1``, ``b1``, ``W2``, ``b2``.
    cache : dict
        ``Z1``, ``A1``, ``Z2``, ``A2`` from :func:`forward_propagation`.
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)

    Returns
    -------
    grads : dict
        ``dW1``, ``db1``, ``dW2``, ``db2``, each with the shape of its parameter.

    Notes
    -----
    :math:`dZ_2 = A_2 - Y`, :math:`dW_2 = \\frac{1}{m} dZ_2 A_1^T`,
    :math:`dZ_1 = W_2^T dZ_2 \\odot (1 - A_1^2)`, :math:`dW_1 = \\frac{1}{m} dZ_1 X^T`.
    """
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y  # (1, m)
    dW2 = np.dot(dZ2, A1.T) / m  # (1, n_h)
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(A1, 2))  # (n_h, m)
    dW1 = np.dot(dZ1, X.T) / m  # (n_h, n_x)
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=1.2):
    """One step of gradient descent, returning new arrays (the arguments are not modified).

    Parameters
    ----------
    parameters : dict
        ``W1``, ``b1``, ``W2``, ``b2``.
    grads : dict
        ``dW1``, ``db1``, ``dW2``, ``db2``.
    learning_rate : float

    Returns
    -------
    parameters : dict
        ``W1 - learning_rate * dW1`` and so on.
    """
    return {name: parameters[name] - learning_rate * grads["d" + name] for name in ("W1", "b1", "W2", "b2")}


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False, rng=None):
    """Train the shallow network with gradient descent (learning rate 1.2).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    n_h : int
        Hidden layer size.
    num_iterations : int
    print_cost : bool
        Print the cost every 1000 iterations.
    rng : numpy.random.Generator or int, optional
        Passed to :func:`initialize_parameters`.

    Returns
    -------
    parameters : dict
        The trained ``W1``, ``b1``, ``W2``, ``b2``.
    """
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y, rng=rng)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


def predict(parameters, X):
    """Predicted labels: 1 where the output probability is above 0.5.

    Parameters
    ----------
    parameters : dict
    X : ndarray of shape (n_x, m)

    Returns
    -------
    predictions : ndarray of shape (1, m)
        0.0 or 1.0.
    """
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(float)

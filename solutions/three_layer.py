"""The 3-layer network of the second course's regularization and gradient-checking assignments.

LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, written out layer by layer with one flat
cache tuple, as those assignments use it. Shared building blocks: students receive them as a
generated helper module (``coursebuild/shipped.py``), nothing here is an exercise.
Examples are columns: ``X`` is (n_x, m), ``Y`` is (1, m).
"""
import numpy as np


def sigmoid(x):
    """Sigmoid of every element of ``x`` (any shape), as the classic ``reg_utils`` had it: the
    activation only (the deep-network assignments' ``dnn_utils.sigmoid`` also returns a cache).

    Parameters
    ----------
    x : ndarray of any shape

    Returns
    -------
    s : ndarray of the same shape as x
        1 / (1 + exp(-x)), computed without overflow.
    """
    return np.exp(-np.logaddexp(0, -x))


def relu(x):
    """max(0, x) elementwise, for ``x`` of any shape: the activation only, as the classic ``reg_utils`` had it.

    Parameters
    ----------
    x : ndarray of any shape

    Returns
    -------
    s : ndarray of the same shape as x
    """
    return np.maximum(0, x)


def forward_propagation(X, parameters):
    """Forward pass of the 3-layer network.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``W1`` (n_1, n_x), ``b1`` (n_1, 1), ``W2``, ``b2``, ``W3`` (1, n_2), ``b3`` (1, 1).

    Returns
    -------
    A3 : ndarray of shape (1, m)
        Output probabilities.
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``.
    """
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost of the 3-layer network.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    cache : tuple
        From :func:`forward_propagation`.

    Returns
    -------
    gradients : dict
        ``dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1``.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def compute_cost(A3, Y):
    """Cross-entropy cost.

    Parameters
    ----------
    A3 : ndarray of shape (1, m)
    Y : ndarray of shape (1, m)
        Labels, exactly 0 or 1.

    Returns
    -------
    cost : float
        Infinite only for a confidently wrong prediction (an output of exactly 0 or 1, on the wrong
        side); a confidently right one costs 0, where y log(a) + (1 - y) log(1 - a) would be NaN.
    """
    m = Y.shape[1]
    with np.errstate(divide="ignore"):  # log(0) of the branch np.where does not choose
        logprobs = np.where(Y == 1, np.log(A3), np.log(1 - A3))
    return float(-np.sum(logprobs) / m)


def initialize_parameters(layer_dims, rng=None):
    """He-initialized parameters (see assignment c2w1a).

    Parameters
    ----------
    layer_dims : sequence of int
        [n_x, n_1, n_2, 1].
    rng : numpy.random.Generator or int, optional

    Returns
    -------
    parameters : dict
        ``W{l}`` of shape (n_l, n_{l-1}), ``b{l}`` zeros of shape (n_l, 1).
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * np.sqrt(2 / layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent on every layer (new arrays; the arguments are not modified).

    Parameters
    ----------
    parameters : dict
        ``W1``, ``b1``, ..., ``W3``, ``b3``.
    grads : dict
        ``dW1``, ``db1``, ..., ``dW3``, ``db3``.
    learning_rate : float

    Returns
    -------
    parameters : dict
    """
    return {name: value - learning_rate * grads["d" + name] for name, value in parameters.items()}


def predict(X, y, parameters):
    """Labels predicted by the 3-layer network: 1 where its output is above 0.5.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    y : ndarray of shape (1, m)
        Only its shape is used.
    parameters : dict

    Returns
    -------
    p : ndarray of shape (1, m)
        0.0 or 1.0.
    """
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(float).reshape(np.shape(y))

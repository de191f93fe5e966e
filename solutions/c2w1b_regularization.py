"""Reference solutions for assignment c2w1b, L2 and dropout regularization.

Both regularizers applied to the 3-layer network of :mod:`solutions.three_layer`.
Examples are columns: ``X`` is (n_x, m), ``Y`` is (1, m).
"""
import numpy as np

from solutions.three_layer import compute_cost, relu, sigmoid


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """Cross-entropy cost plus the L2 penalty.

    Parameters
    ----------
    A3 : ndarray of shape (1, m)
    Y : ndarray of shape (1, m)
    parameters : dict
        ``W1``, ``W2``, ``W3`` (and biases, not penalized).
    lambd : float
        The regularization strength lambda.

    Returns
    -------
    cost : float
        :math:`J = J_{cross-entropy} + \\frac{\\lambda}{2m} \\sum_l \\|W^{[l]}\\|_F^2`.
    """
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    return compute_cost(A3, Y) + float(L2_regularization_cost)


def backward_propagation_with_regularization(X, Y, cache, lambd):
    """Gradients of the L2-regularized cost.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)`` from ``forward_propagation``.
    lambd : float

    Returns
    -------
    gradients : dict
        ``dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1``; each ``dW`` gains
        ``lambd / m * W``.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5, rng=None):
    """Forward pass with inverted dropout on both hidden layers.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``W1``, ``b1``, ``W2``, ``b2``, ``W3``, ``b3``.
    keep_prob : float
        Probability of keeping a unit.
    rng : numpy.random.Generator or int, optional
        The masks are ``rng.uniform(size=A.shape) < keep_prob``, ``D1`` drawn first, then ``D2``.

    Returns
    -------
    A3 : ndarray of shape (1, m)
    cache : tuple
        ``(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)``; ``A1`` and ``A2`` are the
        dropped-out, rescaled activations.
    """
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = rng.uniform(size=A1.shape) < keep_prob  # (n_1, m): which units survive
    A1 = A1 * D1 / keep_prob  # rescale, so the expected activation is unchanged
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = rng.uniform(size=A2.shape) < keep_prob
    A2 = A2 * D2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """Gradients of the cost through the dropout masks of the forward pass.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    cache : tuple
        From :func:`forward_propagation_with_dropout`.
    keep_prob : float

    Returns
    -------
    gradients : dict
        ``dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1``; ``dA1`` and ``dA2`` are
        masked by ``D1``, ``D2`` and divided by ``keep_prob``, as in the forward pass.
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3) * D2 / keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.dot(W2.T, dZ2) * D1 / keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}

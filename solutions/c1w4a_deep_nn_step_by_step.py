"""Reference solutions for assignment c1w4a, a deep neural network step by step.

An L-layer network: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID. Every forward step returns
``(output, cache)`` and every backward step takes ``(d_output, cache)``. Examples are columns:
``A_prev`` is (n_{l-1}, m), ``W`` is (n_l, n_{l-1}), ``b`` is (n_l, 1).

The 2-layer initialization and the cross-entropy cost are the ones of assignment c1w3a,
imported rather than repeated; the activations come from :mod:`solutions.activations`.
"""
import numpy as np

from solutions.activations import relu, sigmoid
from solutions.c1w3a_planar_data import compute_cost, initialize_parameters

__all__ = ["initialize_parameters", "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
           "L_model_forward", "compute_cost", "sigmoid_backward", "relu_backward", "linear_backward",
           "linear_activation_backward", "L_model_backward", "update_parameters"]


def initialize_parameters_deep(layer_dims, rng=None):
    """Random weights scaled by 1/sqrt(fan-in), zero biases, for every layer.

    Parameters
    ----------
    layer_dims : sequence of int
        ``[n_x, n_1, ..., n_L]``, the size of each layer, input first.
    rng : numpy.random.Generator or int, optional
        Source of randomness; ``W1`` is drawn first, then ``W2``, and so on.

    Returns
    -------
    parameters : dict
        ``W{l}`` of shape (n_l, n_{l-1}): standard normal divided by sqrt(n_{l-1});
        ``b{l}`` of shape (n_l, 1): zeros; for l = 1..L.
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """The linear part of a layer.

    Parameters
    ----------
    A : ndarray of shape (n_{l-1}, m)
        Activations of the previous layer.
    W : ndarray of shape (n_l, n_{l-1})
    b : ndarray of shape (n_l, 1)

    Returns
    -------
    Z : ndarray of shape (n_l, m)
        ``W A + b``.
    cache : tuple
        ``(A, W, b)``, for :func:`linear_backward`.
    """
    Z = np.dot(W, A) + b
    return Z, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """A whole layer: linear step, then activation.

    Parameters
    ----------
    A_prev : ndarray of shape (n_{l-1}, m)
    W : ndarray of shape (n_l, n_{l-1})
    b : ndarray of shape (n_l, 1)
    activation : {"sigmoid", "relu"}

    Returns
    -------
    A : ndarray of shape (n_l, m)
    cache : tuple
        ``(linear_cache, activation_cache)``: ``(A_prev, W, b)`` and ``Z``.
    """
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError(f"activation must be 'sigmoid' or 'relu', not {activation!r}")
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """Forward pass of [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    parameters : dict
        ``W1``, ``b1``, ..., ``WL``, ``bL``.

    Returns
    -------
    AL : ndarray of shape (1, m)
        Output probabilities.
    caches : list of tuple
        The L caches of :func:`linear_activation_forward`, layer 1 first.
    """
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


def sigmoid_backward(dA, cache):
    """Backward pass of a sigmoid unit.

    Parameters
    ----------
    dA : ndarray of any shape
        Gradient of the cost with respect to the activation.
    cache : ndarray of the same shape
        ``Z``, the sigmoid's input.

    Returns
    -------
    dZ : ndarray of the same shape
        ``dA * s * (1 - s)`` with ``s = sigmoid(Z)``.
    """
    Z = cache
    s = np.exp(-np.logaddexp(0, -Z))
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    """Backward pass of a ReLU unit.

    Parameters
    ----------
    dA : ndarray of any shape
        Gradient of the cost with respect to the activation.
    cache : ndarray of the same shape
        ``Z``, the ReLU's input.

    Returns
    -------
    dZ : ndarray of the same shape
        ``dA`` where ``Z > 0``, 0 elsewhere (the derivative at 0 is taken as 0).
    """
    Z = cache
    dZ = np.array(dA, dtype=float, copy=True)  # never write into the caller's dA
    dZ[Z <= 0] = 0
    return dZ


def linear_backward(dZ, cache):
    """Backward pass of the linear part of a layer.

    Parameters
    ----------
    dZ : ndarray of shape (n_l, m)
        Gradient of the cost with respect to ``Z``.
    cache : tuple
        ``(A_prev, W, b)`` from :func:`linear_forward`.

    Returns
    -------
    dA_prev : ndarray of shape (n_{l-1}, m)
    dW : ndarray of shape (n_l, n_{l-1})
    db : ndarray of shape (n_l, 1)

    Notes
    -----
    :math:`dW = \\frac{1}{m} dZ A_{prev}^T`, :math:`db = \\frac{1}{m}\\sum_i dZ^{(i)}`,
    :math:`dA_{prev} = W^T dZ`.
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m  # (n_l, n_{l-1})
    db = np.sum(dZ, axis=1, keepdims=True) / m  # (n_l, 1)
    dA_prev = np.dot(W.T, dZ)  # (n_{l-1}, m)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Backward pass of a whole layer: activation, then linear step.

    Parameters
    ----------
    dA : ndarray of shape (n_l, m)
    cache : tuple
        ``(linear_cache, activation_cache)`` from :func:`linear_activation_forward`.
    activation : {"sigmoid", "relu"}

    Returns
    -------
    dA_prev : ndarray of shape (n_{l-1}, m)
    dW : ndarray of shape (n_l, n_{l-1})
    db : ndarray of shape (n_l, 1)
    """
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        raise ValueError(f"activation must be 'sigmoid' or 'relu', not {activation!r}")
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    """Backward pass of the whole network, from the cross-entropy cost.

    Parameters
    ----------
    AL : ndarray of shape (1, m)
        Output of :func:`L_model_forward`.
    Y : ndarray of shape (1, m)
        Labels, 0 or 1.
    caches : list of tuple
        From :func:`L_model_forward`.

    Returns
    -------
    grads : dict
        ``dA{l-1}``, ``dW{l}``, ``db{l}`` for l = 1..L, each with the shape of its variable.
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))  # dJ/dAL, up to the 1/m in linear_backward
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads[f"dA{l + 1}"], caches[l], "relu")
        grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = dA_prev, dW, db
    return grads


def update_parameters(params, grads, learning_rate):
    """One step of gradient descent on every layer (the arguments are not modified).

    Parameters
    ----------
    params : dict
        ``W1``, ``b1``, ..., ``WL``, ``bL``.
    grads : dict
        ``dW1``, ``db1``, ... from :func:`L_model_backward`.
    learning_rate : float

    Returns
    -------
    parameters : dict
        ``W{l} - learning_rate * dW{l}`` and ``b{l} - learning_rate * db{l}``.
    """
    L = len(params) // 2
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters

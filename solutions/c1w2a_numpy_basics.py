"""Reference solutions for assignment c1w2a, Python basics with numpy.

Functions appear in the order the notebook introduces them.
"""
import math

import numpy as np


def basic_sigmoid(x):
    """Sigmoid of one real number, with the ``math`` module.

    Parameters
    ----------
    x : float
        A real number.

    Returns
    -------
    s : float
        sigmoid(x).

    Notes
    -----
    :math:`\\sigma(x) = 1 / (1 + e^{-x})`.
    """
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    """Sigmoid of every element of an array.

    Parameters
    ----------
    x : ndarray of any shape, or a number

    Returns
    -------
    s : ndarray of the same shape as x
        Floating point, with values in [0, 1].

    Notes
    -----
    :math:`\\sigma(x) = 1 / (1 + e^{-x}) = e^{-\\log(1 + e^{-x})}`; the second form, through
    ``np.logaddexp``, never overflows, even for |x| in the thousands.
    """
    # logaddexp promotes integers to float64 and keeps float32 as float32.
    return np.exp(-np.logaddexp(0, -np.asarray(x)))


def sigmoid_derivative(x):
    """Derivative of the sigmoid, elementwise.

    Parameters
    ----------
    x : ndarray of any shape

    Returns
    -------
    ds : ndarray of the same shape as x

    Notes
    -----
    :math:`\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))`.
    """
    s = sigmoid(x)
    return s * (1 - s)


def image2vector(image):
    """Unroll an image into a column vector.

    Parameters
    ----------
    image : ndarray of shape (length, height, depth)

    Returns
    -------
    v : ndarray of shape (length * height * depth, 1)
        The pixels in numpy's default (row-major) order.
    """
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)  # (l*h*d, 1)


def normalize_rows(x):
    """Scale every row of a matrix to unit Euclidean length.

    Parameters
    ----------
    x : ndarray of shape (n, m)

    Returns
    -------
    x_normalized : ndarray of shape (n, m)
        Each row divided by its L2 norm.
    """
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)  # (n, 1): broadcasts over columns
    return x / x_norm


def softmax(x):
    """Softmax of every row of a matrix.

    Parameters
    ----------
    x : ndarray of shape (m, n)
        One row of scores per example.

    Returns
    -------
    s : ndarray of shape (m, n)
        Each row is non-negative and sums to 1.

    Notes
    -----
    :math:`s_{ij} = e^{x_{ij}} / \\sum_k e^{x_{ik}}`. Subtracting each row's maximum first does
    not change the result and keeps ``exp`` from overflowing.
    """
    x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))  # (m, n), every value in (0, 1]
    return x_exp / np.sum(x_exp, axis=1, keepdims=True)


def L1(yhat, y):
    """L1 loss: the sum of absolute differences.

    Parameters
    ----------
    yhat : ndarray of shape (m,)
        Predicted values.
    y : ndarray of shape (m,)
        True values.

    Returns
    -------
    loss : float
        :math:`\\sum_i |y_i - \\hat y_i|`.
    """
    return float(np.sum(np.abs(y - yhat)))


def L2(yhat, y):
    """L2 loss: the sum of squared differences.

    Parameters
    ----------
    yhat : ndarray of shape (m,)
        Predicted values.
    y : ndarray of shape (m,)
        True values.

    Returns
    -------
    loss : float
        :math:`\\sum_i (y_i - \\hat y_i)^2`.
    """
    diff = y - yhat
    return float(np.dot(diff, diff))

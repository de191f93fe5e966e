"""Activation functions in the forward/cache contract of the deep-network assignments.

Shared building blocks: the deep-network assignments import these rather than redefine them,
and the build ships them to students as a helper module (``coursebuild/shipped.py``).
"""
import numpy as np


def sigmoid(Z):
    """Sigmoid activation, keeping its input for the backward pass.

    Parameters
    ----------
    Z : ndarray of any shape
        Pre-activations.

    Returns
    -------
    A : ndarray of the same shape as Z
        1 / (1 + exp(-Z)), computed without overflow.
    cache : ndarray
        ``Z``, what ``sigmoid_backward`` needs.
    """
    A = np.exp(-np.logaddexp(0, -Z))
    return A, Z


def relu(Z):
    """ReLU activation, keeping its input for the backward pass.

    Parameters
    ----------
    Z : ndarray of any shape
        Pre-activations.

    Returns
    -------
    A : ndarray of the same shape as Z
        max(0, Z), elementwise.
    cache : ndarray
        ``Z``, what ``relu_backward`` needs.
    """
    A = np.maximum(0, Z)
    return A, Z

"""Reference solutions for assignment c2w1c, gradient checking.

A one-dimensional warm-up (J = theta * x), then the check of a 3-layer network's backward pass
(:mod:`solutions.gradient_checking`). The relative difference is
``||grad - gradapprox||_2 / (||grad||_2 + ||gradapprox||_2)`` with centred differences.
"""
import numpy as np

from solutions.gradient_checking import (backward_propagation_n, dictionary_to_vector, forward_propagation_n,
                                         gradients_to_vector, vector_to_dictionary)

__all__ = ["forward_propagation", "backward_propagation", "gradient_check", "gradient_check_n"]

#: Largest relative difference taken as a correct gradient: the classic assignment's value. With
#: the cost computed stably (gc_utils.forward_propagation_n), correct gradients of the 3-layer
#: network differ by round-off, orders of magnitude below it, and the planted bugs by orders of
#: magnitude above (the notebook measures both, and what a cost computed from A3 does instead).
THRESHOLD = 2e-7


def forward_propagation(x, theta):
    """The linear function J(theta) = theta * x.

    Parameters
    ----------
    x : float
    theta : float

    Returns
    -------
    J : float
    """
    return theta * x


def backward_propagation(x, theta):
    """dJ/dtheta of :func:`forward_propagation`.

    Parameters
    ----------
    x : float
    theta : float

    Returns
    -------
    dtheta : float
        ``x``.
    """
    return x


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """Compare :func:`backward_propagation` with a centred difference of :func:`forward_propagation`.

    Parameters
    ----------
    x : float
    theta : float
    epsilon : float
    print_msg : bool
        Print whether the gradient is right (difference below :data:`THRESHOLD`).

    Returns
    -------
    difference : float
        The relative difference between the two gradients.
    """
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    difference = float(np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox)))
    if print_msg:
        _report(difference)
    return difference


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """Check every gradient of the 3-layer network against centred differences of its cost.

    Parameters
    ----------
    parameters : dict
        ``W1``, ``b1``, ..., ``W3``, ``b3``.
    gradients : dict
        The backward pass's result, with ``dW1``, ``db1``, ..., ``dW3``, ``db3``.
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    epsilon : float
    print_msg : bool
        Print whether the gradient is right (difference below :data:`THRESHOLD`).

    Returns
    -------
    difference : float
    """
    parameters_values, _ = dictionary_to_vector(parameters)  # (n, 1)
    shapes = {key: value.shape for key, value in parameters.items()}
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus, shapes))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus, shapes))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    difference = float(np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox)))
    if print_msg:
        _report(difference)
    return difference


def _report(difference):
    if difference > THRESHOLD:
        print(f"There is a mistake in the backward propagation! difference = {difference}")
    else:
        print(f"Your backward propagation works perfectly fine! difference = {difference}")

"""Numerical gradient checks for the hidden tests of backward passes.

Comparing a student's backward pass with the reference proves it agrees with our code; the
check here proves it computes the derivative of the forward pass, independently of any
reference backward. Gradients are approximated by centred differences in float64,
``(J(x + eps) - J(x - eps)) / (2 eps)``, on networks small enough for that to take milliseconds.
"""
import numpy as np

#: Step of the centred differences: small enough for a truncation error of about eps**2,
#: large enough that float64 round-off (about 1e-16 / eps) stays far below the tolerance.
EPSILON = 1e-6

#: Largest accepted relative difference ||grad - approx|| / (||grad|| + ||approx||).
TOLERANCE = 1e-6


def numerical_gradient(cost, arrays, epsilon=EPSILON):
    """Centred-difference gradient of ``cost()`` with respect to each array in ``arrays``.

    Parameters
    ----------
    cost : callable
        ``cost() -> float``, reading the arrays of ``arrays`` (which are perturbed in place and
        restored).
    arrays : dict of str -> ndarray of float64
    epsilon : float

    Returns
    -------
    gradients : dict of str -> ndarray
        Same keys and shapes as ``arrays``.
    """
    gradients = {}
    for name, array in arrays.items():
        gradient = np.zeros_like(array, dtype=np.float64)
        for index in np.ndindex(array.shape):
            saved = array[index]
            array[index] = saved + epsilon
            plus = float(cost())
            array[index] = saved - epsilon
            minus = float(cost())
            array[index] = saved
            gradient[index] = (plus - minus) / (2 * epsilon)
        gradients[name] = gradient
    return gradients


def relative_difference(grad, approx):
    """float: ||grad - approx||2 / (||grad||2 + ||approx||2), 0 when both are 0."""
    grad, approx = np.asarray(grad, dtype=np.float64), np.asarray(approx, dtype=np.float64)
    denominator = np.linalg.norm(grad) + np.linalg.norm(approx)
    return 0.0 if denominator == 0 else float(np.linalg.norm(grad - approx) / denominator)


def compare(what, got, approx, tolerance=TOLERANCE):
    """Explain the first gradient in ``got`` that disagrees with its numerical approximation.

    Parameters
    ----------
    what : str
        The call that produced ``got``, for the message (``"linear_backward(dZ, cache)"``).
    got : dict of str -> ndarray
        The gradients returned by the student's backward pass.
    approx : dict of str -> ndarray
        Their centred-difference approximations, same keys.
    tolerance : float

    Returns
    -------
    message : str or None
        None when every gradient agrees.
    """
    for name, expected in approx.items():
        value = got.get(name)
        if value is None:
            return f"{what} returned no gradient {name}."
        value = np.asarray(value, dtype=np.float64)
        if value.shape != expected.shape:
            return f"{what}: {name} has shape {value.shape}, but the variable it differentiates has shape {expected.shape}."
        difference = relative_difference(value, expected)
        if not difference <= tolerance:
            return (f"{what}: {name} is not the derivative of the forward pass. A numerical gradient check "
                    f"(centred differences, eps={EPSILON:g}) gives a relative difference of {difference:.3g} "
                    f"(accepted: below {tolerance:g}).\n  got:       {np.array2string(value.ravel()[:6], precision=5)}"
                    f"\n  numerical: {np.array2string(expected.ravel()[:6], precision=5)}")
    return None

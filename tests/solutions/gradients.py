"""Centred-difference gradients for the reference tests (the same routine the hidden tests use)."""
import numpy as np

from autograder.gradcheck import numerical_gradient, relative_difference


def assert_gradient(got, cost, variables, tolerance=1e-7):
    """Assert ``got[name]`` is d cost() / d variables[name] for every name, in float64."""
    approx = numerical_gradient(cost, variables)
    for name in variables:
        difference = relative_difference(got[name], approx[name])
        assert difference < tolerance, f"{name}: relative difference {difference:.3g} from the numerical gradient"
    return approx


__all__ = ["assert_gradient", "np"]

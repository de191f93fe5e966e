"""Typical mistakes in assignment c2w1c (gradient checking). Every function here is deliberately wrong."""
import numpy as np

from autograder.core import MistakeCatalogue
from solutions.c2w1c_gradient_checking import (backward_propagation, dictionary_to_vector, forward_propagation,
                                               forward_propagation_n, gradients_to_vector, vector_to_dictionary)

MISTAKES = MistakeCatalogue()


@MISTAKES.add("forward_propagation", "J is the product theta * x, not the sum.")
def forward_propagation_sum(x, theta):
    return theta + x


@MISTAKES.add("backward_propagation", "the derivative of theta * x with respect to theta is x, not theta.")
def backward_propagation_theta(x, theta):
    return theta


@MISTAKES.add("gradient_check", "the centred difference divides by 2 * epsilon, the distance between theta + epsilon "
                                "and theta - epsilon; this divided by epsilon.")
def gradient_check_no_two(x, theta, epsilon=1e-7, print_msg=False):
    gradapprox = (forward_propagation(x, theta + epsilon) - forward_propagation(x, theta - epsilon)) / epsilon
    grad = backward_propagation(x, theta)
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    if print_msg:
        print("There is a mistake in the backward propagation!" if difference > 2e-7 else
              "Your backward propagation works perfectly fine!", f"difference = {difference}")
    return difference


@MISTAKES.add("gradient_check", "the difference is relative: divide ||grad - gradapprox|| by "
                                "||grad|| + ||gradapprox||.")
def gradient_check_absolute(x, theta, epsilon=1e-7, print_msg=False):
    gradapprox = (forward_propagation(x, theta + epsilon) - forward_propagation(x, theta - epsilon)) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    difference = np.linalg.norm(grad - gradapprox)
    if print_msg:
        print("There is a mistake in the backward propagation!" if difference > 2e-7 else
              "Your backward propagation works perfectly fine!", f"difference = {difference}")
    return difference


@MISTAKES.add("gradient_check", "operator precedence: (J_plus - J_minus) / 2 * epsilon divides by 2 and then "
                                "multiplies by epsilon; write (J_plus - J_minus) / (2 * epsilon).")
def gradient_check_precedence(x, theta, epsilon=1e-7, print_msg=False):
    gradapprox = (forward_propagation(x, theta + epsilon) - forward_propagation(x, theta - epsilon)) / 2 * epsilon
    grad = backward_propagation(x, theta)
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    if print_msg:
        print("There is a mistake in the backward propagation!" if difference > 2e-7 else
              "Your backward propagation works perfectly fine!", f"difference = {difference}")
    return difference


@MISTAKES.add("gradient_check_n", "a one-sided difference (J(theta + epsilon) - J(theta)) / epsilon is less accurate: "
                                  "use the centred difference (J_plus - J_minus) / (2 * epsilon).")
def gradient_check_n_one_sided(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    shapes = {key: value.shape for key, value in parameters.items()}
    grad = gradients_to_vector(gradients)
    J, _ = forward_propagation_n(X, Y, parameters)
    gradapprox = np.zeros(parameters_values.shape)
    for i in range(parameters_values.shape[0]):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus, shapes))
        gradapprox[i] = (J_plus - J) / epsilon
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    if print_msg:
        print("There is a mistake in the backward propagation!" if difference > 2e-7 else
              "Your backward propagation works perfectly fine!", f"difference = {difference}")
    return difference


@MISTAKES.add("gradient_check_n", "theta_plus = parameters_values does not copy: theta_plus, theta_minus and "
                                  "parameters_values are one array, so the minus step undoes the plus step and "
                                  "J_minus is the cost at theta itself. Take copies, theta_plus = np.copy(parameters_values).")
def gradient_check_n_no_copy(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    shapes = {key: value.shape for key, value in parameters.items()}
    grad = gradients_to_vector(gradients)
    gradapprox = np.zeros(parameters_values.shape)
    for i in range(parameters_values.shape[0]):
        theta_plus = parameters_values
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus, shapes))
        theta_minus = parameters_values
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus, shapes))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    if print_msg:
        print("There is a mistake in the backward propagation!" if difference > 2e-7 else
              "Your backward propagation works perfectly fine!", f"difference = {difference}")
    return difference

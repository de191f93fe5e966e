"""Typical mistakes in assignment c1w3a (a shallow neural network on planar data).

Every function here is deliberately wrong, in the way its explanation says. Composite
functions call the reference helpers, as the hidden tests grade them.
"""
import numpy as np

from autograder.core import MistakeCatalogue
from solutions.c1w3a_planar_data import (backward_propagation, compute_cost, forward_propagation,
                                         initialize_parameters, layer_sizes, sigmoid, update_parameters)

MISTAKES = MistakeCatalogue()


@MISTAKES.add("layer_sizes", "n_x and n_y are the numbers of rows of X and Y (features), not of columns (examples).")
def layer_sizes_columns(X, Y):
    return X.shape[1], 4, Y.shape[1]


@MISTAKES.add("layer_sizes", "n_x and n_y are hard-coded to the planar data's 2 and 1; read them from the arguments, "
                             "n_x = X.shape[0] and n_y = Y.shape[0], so the function works for any data.")
def layer_sizes_hard_coded(X, Y):
    return 2, 4, 1


@MISTAKES.add("initialize_parameters", "the weights must be multiplied by 0.01: large initial weights saturate tanh "
                                       "and slow learning down.")
def initialize_parameters_unscaled(n_x, n_h, n_y, rng=None):
    rng = np.random.default_rng(rng)
    W1 = rng.standard_normal((n_h, n_x))
    W2 = rng.standard_normal((n_y, n_h))
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@MISTAKES.add("initialize_parameters", "the weights are transposed: W1 has shape (n_h, n_x), rows are the units of "
                                       "the layer it computes.")
def initialize_parameters_transposed(n_x, n_h, n_y, rng=None):
    rng = np.random.default_rng(rng)
    W1 = rng.standard_normal((n_x, n_h)) * 0.01
    W2 = rng.standard_normal((n_h, n_y)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@MISTAKES.add("initialize_parameters", "the weights come from numpy's global generator (np.random.seed, "
                                       "np.random.randn), which ignores the rng argument; draw them from it: "
                                       "rng.standard_normal((n_h, n_x)) * 0.01, then W2 the same way.")
def initialize_parameters_global_generator(n_x, n_h, n_y, rng=None):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@MISTAKES.add("forward_propagation", "the hidden layer uses tanh and the output layer sigmoid; these are swapped.")
def forward_propagation_swapped_activations(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = sigmoid(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = np.tanh(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@MISTAKES.add("forward_propagation", "the bias is missing: Z1 = np.dot(W1, X) + b1.")
def forward_propagation_no_bias(X, parameters):
    Z1 = np.dot(parameters["W1"], X)
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1)
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@MISTAKES.add("forward_propagation", "the output layer must take the hidden layer's activations: "
                                     "Z2 = np.dot(W2, A1) + b2, not np.dot(W2, Z1) + b2.")
def forward_propagation_Z1_for_A1(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], Z1) + parameters["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@MISTAKES.add("compute_cost", "the 1/m is missing: the cost is the average loss over the m examples.")
def compute_cost_no_average(A2, Y):
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


@MISTAKES.add("compute_cost", "the cost is a (1, 1) array: np.dot gives a matrix; squeeze it to a single number "
                              "with np.squeeze(cost) or float(cost).")
def compute_cost_not_squeezed(A2, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m


@MISTAKES.add("compute_cost", "only the Y * log(A2) term is there; the examples with label 0 count through the "
                              "second term: logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2).")
def compute_cost_first_term_only(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2)) / m)


@MISTAKES.add("backward_propagation", "the derivative of tanh is 1 - A1**2 (with A1 = tanh(Z1)); this used 1 - A1.")
def backward_propagation_wrong_tanh_derivative(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@MISTAKES.add("backward_propagation", "the 1/m is missing from the gradients: dW1 = np.dot(dZ1, X.T) / m, and the "
                                      "same for dW2, db1, db2.")
def backward_propagation_no_average(parameters, cache, X, Y):
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T)
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T)
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@MISTAKES.add("backward_propagation", "db1 and db2 must sum over the examples, the columns: np.sum(dZ1, axis=1, "
                                      "keepdims=True); axis=0 sums over the units instead.")
def backward_propagation_db_wrong_axis(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=0, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=0, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


@MISTAKES.add("update_parameters", "the parameters were updated in place (W1 -= ...), which changes the caller's "
                                   "arrays; compute new ones, W1 = W1 - learning_rate * dW1.")
def update_parameters_in_place(parameters, grads, learning_rate=1.2):
    for name in ("W1", "b1", "W2", "b2"):
        parameters[name] -= learning_rate * grads["d" + name]
    return parameters


@MISTAKES.add("update_parameters", "gradient descent subtracts the gradient: W1 = W1 - learning_rate * dW1.")
def update_parameters_ascent(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] + learning_rate * grads["d" + name] for name in ("W1", "b1", "W2", "b2")}


@MISTAKES.add("nn_model", "the parameters must be updated inside the loop, after every backward pass; "
                          "here they never change.")
def nn_model_no_update(X, Y, n_h, num_iterations=10000, print_cost=False, rng=None):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y, rng=rng)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        update_parameters(parameters, grads)
    return parameters


@MISTAKES.add("nn_model", "the hidden layer must have n_h units, the argument; layer_sizes' 4 is only its default.")
def nn_model_ignores_n_h(X, Y, n_h, num_iterations=10000, print_cost=False, rng=None):
    n_x, n_h, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y, rng=rng)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters


@MISTAKES.add("predict", "a probability of exactly 0.5 must give 0: predict 1 only where A2 > 0.5.")
def predict_ties_to_one(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2 >= 0.5).astype(float)


@MISTAKES.add("predict", "predictions are labels (0 or 1), not probabilities: threshold A2 at 0.5.")
def predict_probabilities(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2

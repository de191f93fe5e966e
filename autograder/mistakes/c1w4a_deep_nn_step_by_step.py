"""Typical mistakes in assignment c1w4a (a deep neural network step by step).

Every function here is deliberately wrong, in the way its explanation says. Composite
functions call the reference helpers, as the hidden tests grade them.
"""
import numpy as np

from autograder.core import MistakeCatalogue
from solutions.c1w4a_deep_nn_step_by_step import (linear_activation_backward, linear_activation_forward,
                                                   linear_backward, linear_forward, relu, relu_backward, sigmoid,
                                                   sigmoid_backward)

from . import c1w3a_planar_data

MISTAKES = MistakeCatalogue()
MISTAKES.include(c1w3a_planar_data.MISTAKES, "initialize_parameters")
MISTAKES.include(c1w3a_planar_data.MISTAKES, "compute_cost")


@MISTAKES.add("initialize_parameters", "the weights come from numpy's global generator (np.random.seed, "
                                       "np.random.randn), which ignores the rng argument; draw them from it: "
                                       "rng.standard_normal((n_h, n_x)) * 0.01, then W2 the same way.")
def initialize_parameters_global_generator(n_x, n_h, n_y, rng=None):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


@MISTAKES.add("initialize_parameters_deep", "off by one: the loop must run over l = 1 .. L, that is "
                                            "range(1, len(layer_dims)); the output layer is missing.")
def initialize_parameters_deep_missing_last(layer_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layer_dims) - 1):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_deep", "the weights are transposed: W{l} has shape (layer_dims[l], "
                                            "layer_dims[l-1]).")
def initialize_parameters_deep_transposed(layer_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l - 1], layer_dims[l])) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_deep", "the weights are scaled by 0.01; in a deep network that makes the "
                                            "signal vanish: divide by np.sqrt(layer_dims[l-1]) instead.")
def initialize_parameters_deep_small(layer_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_deep", "the weights come from numpy's global generator (np.random.seed, "
                                            "np.random.randn), which ignores the rng argument, and are scaled by "
                                            "0.01: draw them with rng.standard_normal((layer_dims[l], "
                                            "layer_dims[l-1])) and divide by np.sqrt(layer_dims[l-1]).")
def initialize_parameters_deep_global_generator(layer_dims, rng=None):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


@MISTAKES.add("linear_forward", "the bias is missing: Z = np.dot(W, A) + b.")
def linear_forward_no_bias(A, W, b):
    return np.dot(W, A), (A, W, b)


@MISTAKES.add("linear_forward", "the cache must be the tuple (A, W, b), in that order.")
def linear_forward_cache_order(A, W, b):
    return np.dot(W, A) + b, (W, A, b)


@MISTAKES.add("linear_activation_forward", "the activations are swapped: 'sigmoid' must apply sigmoid, 'relu' relu.")
def linear_activation_forward_swapped(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = relu(Z)
    else:
        A, activation_cache = sigmoid(Z)
    return A, (linear_cache, activation_cache)


@MISTAKES.add("linear_activation_forward", "the cache must be (linear_cache, activation_cache), in that order.")
def linear_activation_forward_cache_order(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (activation_cache, linear_cache)


@MISTAKES.add("L_model_forward", "the output layer must use sigmoid (a probability); here every layer uses relu.")
def L_model_forward_all_relu(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    return A, caches


@MISTAKES.add("L_model_forward", "the cache of the output layer is missing: caches must hold L caches, one per layer.")
def L_model_forward_missing_cache(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    return AL, caches


@MISTAKES.add("sigmoid_backward", "the derivative of the sigmoid is s * (1 - s) with s = sigmoid(Z); this used Z "
                                  "itself in place of s.")
def sigmoid_backward_of_Z(dA, cache):
    Z = cache
    return dA * Z * (1 - Z)


@MISTAKES.add("sigmoid_backward", "the chain rule multiplies by dA: dZ = dA * s * (1 - s).")
def sigmoid_backward_no_dA(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return s * (1 - s)


@MISTAKES.add("sigmoid_backward", "the chain rule here is elementwise, one derivative per entry of Z: "
                                  "dZ = dA * s * (1 - s), not the matrix product np.dot(dA, s * (1 - s)).")
def sigmoid_backward_matrix_product(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return np.dot(dA, s * (1 - s))


@MISTAKES.add("relu_backward", "the relu derivative is zeroed on the wrong side: it is 1 where Z > 0 and 0 where "
                               "Z <= 0 (dZ[Z <= 0] = 0).")
def relu_backward_wrong_side(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache > 0] = 0
    return dZ


@MISTAKES.add("relu_backward", "at Z == 0 the course takes relu'(0) = 0: zero the gradient where Z <= 0, not only "
                               "where Z < 0.")
def relu_backward_at_zero(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache < 0] = 0
    return dZ


@MISTAKES.add("linear_backward", "the 1/m is missing: dW = np.dot(dZ, A_prev.T) / m and "
                                 "db = np.sum(dZ, axis=1, keepdims=True) / m.")
def linear_backward_no_average(dZ, cache):
    A_prev, W, b = cache
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T), np.sum(dZ, axis=1, keepdims=True)


@MISTAKES.add("linear_backward", "dW is transposed: it must have W's shape, dW = np.dot(dZ, A_prev.T) / m.")
def linear_backward_transposed(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(A_prev, dZ.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


@MISTAKES.add("linear_backward", "db lost its second axis: sum with keepdims=True so that db has b's shape (n, 1).")
def linear_backward_db_flat(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m


@MISTAKES.add("linear_activation_backward", "the activation derivatives are swapped: 'relu' needs relu_backward, "
                                            "'sigmoid' sigmoid_backward.")
def linear_activation_backward_swapped(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        dZ = relu_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@MISTAKES.add("linear_activation_backward", "the activation's derivative is skipped: compute dZ with "
                                            "relu_backward or sigmoid_backward before linear_backward.")
def linear_activation_backward_no_activation(dA, cache, activation):
    linear_cache, activation_cache = cache
    return linear_backward(dA, linear_cache)


@MISTAKES.add("L_model_backward", "dAL has the wrong sign: dAL = -(Y / AL - (1 - Y) / (1 - AL)).")
def L_model_backward_sign(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = Y / AL - (1 - Y) / (1 - AL)
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = linear_activation_backward(
            grads[f"dA{l + 1}"], caches[l], "relu")
    return grads


@MISTAKES.add("L_model_backward", "the output layer is a sigmoid: its backward step needs activation='sigmoid', "
                                  "the hidden layers 'relu'.")
def L_model_backward_all_relu(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL - (1 - Y) / (1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "relu")
    for l in reversed(range(L - 1)):
        grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = linear_activation_backward(
            grads[f"dA{l + 1}"], caches[l], "relu")
    return grads


@MISTAKES.add("L_model_backward", "off by one: layer l + 1 (caches[l]) starts from grads['dA' + str(l + 1)], the "
                                  "gradient the layer above it returned; grads['dA' + str(l)] is what it computes.")
def L_model_backward_dA_index(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(Y / AL - (1 - Y) / (1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads[f"dA{l}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = linear_activation_backward(
            grads[f"dA{l}"], caches[l], "relu")
    return grads


@MISTAKES.add("update_parameters", "off by one: the loop must cover every layer, l = 1 .. L, that is range(1, L + 1).")
def update_parameters_misses_last(params, grads, learning_rate):
    L = len(params) // 2
    parameters = dict(params)
    for l in range(1, L):
        parameters[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters


@MISTAKES.add("update_parameters", "the parameters were updated in place (W -= ...), which changes the caller's "
                                   "arrays; compute new ones, W = W - learning_rate * dW.")
def update_parameters_in_place(params, grads, learning_rate):
    L = len(params) // 2
    for l in range(1, L + 1):
        params[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
        params[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return params


@MISTAKES.add("update_parameters", "the layers are numbered from 1: with for l in range(L) the keys are "
                                   "'W' + str(l + 1) and 'b' + str(l + 1); there is no 'W0'.")
def update_parameters_from_zero(params, grads, learning_rate):
    L = len(params) // 2
    parameters = dict(params)
    for l in range(L):
        parameters[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters

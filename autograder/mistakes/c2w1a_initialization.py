"""Typical mistakes in assignment c2w1a (initialization). Every function here is deliberately wrong."""
import numpy as np

from autograder.core import MistakeCatalogue

MISTAKES = MistakeCatalogue()


@MISTAKES.add("initialize_parameters_zeros", "off by one: the loop must run over l = 1 .. L, "
                                             "range(1, len(layers_dims)); the output layer is missing.")
def initialize_parameters_zeros_missing_last(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims) - 1):
        parameters[f"W{l}"] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_zeros", "the weights are transposed: W{l} has shape "
                                             "(layers_dims[l], layers_dims[l-1]).")
def initialize_parameters_zeros_transposed(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = np.zeros((layers_dims[l - 1], layers_dims[l]))
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_random", "the weights must be scaled by 10 (this exercise shows what large "
                                              "weights do); here they are not scaled.")
def initialize_parameters_random_unscaled(layers_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_random", "the biases must be zeros; drawing them at random also shifts every "
                                              "later weight, since the generator moves on.")
def initialize_parameters_random_random_biases(layers_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10
        parameters[f"b{l}"] = rng.standard_normal((layers_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_random", "the weights were drawn from numpy's global generator "
                                              "(np.random.seed(3), np.random.randn), as the classic notebook did; this "
                                              "course passes the generator in: rng = np.random.default_rng(rng), then "
                                              "rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10.")
def initialize_parameters_random_global_generator(layers_dims, rng=None):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_he", "He scaling uses the size of the previous layer (the fan-in): "
                                          "np.sqrt(2 / layers_dims[l - 1]), not layers_dims[l].")
def initialize_parameters_he_fan_out(layers_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2 / layers_dims[l])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_he", "this is Xavier scaling, sqrt(1 / n); He scaling for relu is "
                                          "np.sqrt(2 / layers_dims[l - 1]).")
def initialize_parameters_he_xavier(layers_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(1 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


@MISTAKES.add("initialize_parameters_he", "the factor is the square root of 2 / n, not 2 / n itself.")
def initialize_parameters_he_variance(layers_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * (2 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters

"""Typical mistakes in assignment c2w1b (L2 and dropout regularization).

Every function here is deliberately wrong, in the way its explanation says.
"""
import numpy as np

from autograder.core import MistakeCatalogue
from solutions.three_layer import compute_cost, relu, sigmoid

MISTAKES = MistakeCatalogue()


@MISTAKES.add("compute_cost_with_regularization", "the L2 term is lambd / (2 * m) times the sum of squared weights; "
                                                  "the 1/m is missing.")
def compute_cost_with_regularization_no_m(A3, Y, parameters, lambd):
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    return compute_cost(A3, Y) + lambd / 2 * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))


@MISTAKES.add("compute_cost_with_regularization", "the L2 term is lambd / (2 * m) times the sum of squared weights; "
                                                  "the 1/2 is missing.")
def compute_cost_with_regularization_no_half(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    return compute_cost(A3, Y) + lambd / m * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))


@MISTAKES.add("compute_cost_with_regularization", "the L2 term sums the squares of W1, W2 and W3; the norms were not "
                                                  "squared.")
def compute_cost_with_regularization_norms(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    return compute_cost(A3, Y) + lambd / (2 * m) * (np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3))


@MISTAKES.add("backward_propagation_with_regularization", "each dW gains lambd / m * W; the 1/m is missing.")
def backward_propagation_with_regularization_no_m(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m + lambd * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m + lambd * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m + lambd * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@MISTAKES.add("backward_propagation_with_regularization", "the penalty's derivative is lambd / m * W: the biases "
                                                          "are not penalized, db has no such term.")
def backward_propagation_with_regularization_biases(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m + lambd / m * b3
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m + lambd / m * b2
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m + lambd / m * b1
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@MISTAKES.add("forward_propagation_with_dropout", "the kept activations must be divided by keep_prob (inverted "
                                                  "dropout), so that their expected value does not change.")
def forward_propagation_with_dropout_not_rescaled(X, parameters, keep_prob=0.5, rng=None):
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = rng.uniform(size=A1.shape) < keep_prob
    A1 = A1 * D1
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = rng.uniform(size=A2.shape) < keep_prob
    A2 = A2 * D2
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@MISTAKES.add("forward_propagation_with_dropout", "a unit is kept where the uniform draw is below keep_prob "
                                                  "(D = rng.uniform(size=A.shape) < keep_prob); this keeps the others.")
def forward_propagation_with_dropout_inverted_mask(X, parameters, keep_prob=0.5, rng=None):
    rng = np.random.default_rng(rng)
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = rng.uniform(size=A1.shape) > keep_prob
    A1 = A1 * D1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = rng.uniform(size=A2.shape) > keep_prob
    A2 = A2 * D2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@MISTAKES.add("backward_propagation_with_dropout", "dA1 and dA2 must be masked with D1 and D2 and divided by "
                                                   "keep_prob, exactly as A1 and A2 were; the rescaling is missing.")
def backward_propagation_with_dropout_not_rescaled(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3) * D2
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.dot(W2.T, dZ2) * D1
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


@MISTAKES.add("backward_propagation_with_dropout", "the masks must be applied to dA1 and dA2 too: a unit that was "
                                                   "shut down in the forward pass passes no gradient back.")
def backward_propagation_with_dropout_no_mask(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.dot(W3.T, dZ3) / keep_prob
    dZ2 = dA2 * (Z2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.dot(W2.T, dZ2) / keep_prob
    dZ1 = dA1 * (Z1 > 0)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}

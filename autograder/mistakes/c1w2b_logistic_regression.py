"""Typical mistakes in assignment c1w2b (logistic regression as a neural network).

Every function here is deliberately wrong, in the way its explanation says. Composite
functions call the reference helpers, as the hidden tests grade them.
"""
import numpy as np

from autograder.core import MistakeCatalogue
from solutions.c1w2b_logistic_regression import initialize_with_zeros, optimize, predict, propagate, sigmoid

from . import c1w2a_numpy_basics

MISTAKES = MistakeCatalogue()
MISTAKES.include(c1w2a_numpy_basics.MISTAKES, "sigmoid")


@MISTAKES.add("initialize_with_zeros", "w must be a column vector of shape (dim, 1), not a 1-D array: np.zeros((dim, 1)).")
def initialize_with_zeros_flat(dim):
    return np.zeros(dim), 0.0


@MISTAKES.add("initialize_with_zeros", "w must be a column (dim, 1), not a row (1, dim).")
def initialize_with_zeros_row(dim):
    return np.zeros((1, dim)), 0.0


@MISTAKES.add("initialize_with_zeros", "the shape must be one argument, a tuple: np.zeros((dim, 1)); "
                                       "in np.zeros(dim, 1) the 1 is taken for the dtype.")
def initialize_with_zeros_shape_not_tuple(dim):
    w = np.zeros(dim, 1)
    return w, 0.0


@MISTAKES.add("propagate", "the 1/m is missing from dw: the gradient is the average over the m examples, "
                           "dw = np.dot(X, (A - Y).T) / m.")
def propagate_no_average(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dw = np.dot(X, (A - Y).T)
    db = float(np.sum(A - Y) / m)
    return {"dw": dw, "db": db}, cost


@MISTAKES.add("propagate", "the cost is a (1, 1) array: np.dot gives a matrix; squeeze it to a single number "
                           "with np.squeeze(cost) or float(cost).")
def propagate_cost_not_squeezed(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost


@MISTAKES.add("propagate", "the gradient has the wrong sign: dZ = A - Y (prediction minus label), not Y - A.")
def propagate_sign_flipped(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dw = np.dot(X, (Y - A).T) / m
    db = float(np.sum(Y - A) / m)
    return {"dw": dw, "db": db}, cost


@MISTAKES.add("propagate", "the cost lost its minus sign: J = -1/m * sum(Y * log(A) + (1 - Y) * log(1 - A)); "
                           "the logs of probabilities are negative, so the cost is positive.")
def propagate_cost_sign(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = float(np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dw = np.dot(X, (A - Y).T) / m
    db = float(np.sum(A - Y) / m)
    return {"dw": dw, "db": db}, cost


@MISTAKES.add("optimize", "the update climbs the cost: gradient descent subtracts, w = w - learning_rate * dw.")
def optimize_ascent(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    grads = {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w + learning_rate * grads["dw"]
        b = b + learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs


@MISTAKES.add("optimize", "costs should hold the cost of every 100th iteration (0, 100, 200, ...), not of every one.")
def optimize_every_cost(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    grads = {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        costs.append(cost)
    return {"w": w, "b": b}, grads, costs


@MISTAKES.add("optimize", "w was updated in place (w -= ...), which changes the caller's array; write "
                          "w = w - learning_rate * dw, or start from a copy, w = copy.deepcopy(w).")
def optimize_in_place(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    grads = {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs


@MISTAKES.add("predict", "a probability of exactly 0.5 must give 0: predict 1 only where A > 0.5, not A >= 0.5.")
def predict_ties_to_one(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A >= 0.5).astype(float)


@MISTAKES.add("predict", "the predictions must have shape (1, m), like the labels, not (m,).")
def predict_flat(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A.ravel() > 0.5).astype(float)


@MISTAKES.add("predict", "the loop runs over A.shape[0], the single row, so only the first example gets a prediction; "
                         "loop over the m examples, range(A.shape[1]) (or compare all at once: A > 0.5).")
def predict_loop_over_rows(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = np.zeros((1, X.shape[1]))
    for i in range(A.shape[0]):
        Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0
    return Y_prediction


@MISTAKES.add("model", "num_iterations and learning_rate were not passed on to optimize, which then ran with its "
                       "defaults; call optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost).")
def model_ignores_settings(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}


@MISTAKES.add("model", "the two predictions are swapped: Y_prediction_test must come from X_test and "
                       "Y_prediction_train from X_train.")
def model_predictions_swapped(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_train), "Y_prediction_train": predict(w, b, X_test),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}

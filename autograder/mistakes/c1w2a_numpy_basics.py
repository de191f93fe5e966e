"""Typical mistakes in assignment c1w2a (Python basics with numpy).

Every function here is deliberately wrong, in the way its explanation says.
"""
import math

import numpy as np

from autograder.core import MistakeCatalogue

MISTAKES = MistakeCatalogue()


@MISTAKES.add("basic_sigmoid", "the sign of the exponent is flipped: sigmoid(x) = 1 / (1 + exp(-x)), with a minus.")
def basic_sigmoid_sign_flipped(x):
    return 1 / (1 + math.exp(x))


@MISTAKES.add("basic_sigmoid", "the parentheses are off: 1 / 1 + exp(-x) divides first; write 1 / (1 + exp(-x)).")
def basic_sigmoid_precedence(x):
    return 1 / 1 + math.exp(-x)


@MISTAKES.add("sigmoid", "the sign of the exponent is flipped: sigmoid(x) = 1 / (1 + np.exp(-x)), with a minus.")
def sigmoid_sign_flipped(x):
    return 1 / (1 + np.exp(x))


@MISTAKES.add("sigmoid", "the parentheses are off: 1 / 1 + np.exp(-x) divides first; write 1 / (1 + np.exp(-x)).")
def sigmoid_precedence(x):
    return 1 / 1 + np.exp(-x)


@MISTAKES.add("sigmoid_derivative", "the derivative is s * (1 - s) with s = sigmoid(x); this used x itself in place of s.")
def sigmoid_derivative_of_x(x):
    return x * (1 - x)


@MISTAKES.add("sigmoid_derivative", "the derivative is s * (1 - s); this computed s * (1 + s).")
def sigmoid_derivative_plus(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 + s)


@MISTAKES.add("sigmoid_derivative", "the factors are the wrong way round: s * (s - 1) is the negative of the "
                                    "derivative; write s * (1 - s).")
def sigmoid_derivative_negated(x):
    s = 1 / (1 + np.exp(-x))
    return s * (s - 1)


@MISTAKES.add("image2vector", "the result must be a column vector of shape (length*height*depth, 1), not a 1-D array.")
def image2vector_flat(image):
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2])


@MISTAKES.add("image2vector", "the result must be a column (n, 1), not a row (1, n).")
def image2vector_row(image):
    return image.reshape(1, image.shape[0] * image.shape[1] * image.shape[2])


@MISTAKES.add("image2vector", "the pixels come out in the wrong order: reshape the image as it is (numpy's default "
                              "order), without transposing it or using order='F'.")
def image2vector_fortran_order(image):
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1, order="F")


@MISTAKES.add("normalize_rows", "the norm was taken over the columns (axis=0); each row must be divided by its own "
                                "norm, np.linalg.norm(x, axis=1, keepdims=True).")
def normalize_rows_columns(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)


@MISTAKES.add("normalize_rows", "the row norms lost their second axis: without keepdims=True they have shape (n,) "
                                "and broadcast across the wrong axis.")
def normalize_rows_no_keepdims(x):
    return x / np.linalg.norm(x, axis=1)


@MISTAKES.add("normalize_rows", "divided by the sum of squares; the norm is its square root.")
def normalize_rows_squared_norm(x):
    return x / np.sum(x ** 2, axis=1, keepdims=True)


@MISTAKES.add("softmax", "the sums ran over the columns (axis=0); softmax normalizes each row, "
                         "np.sum(x_exp, axis=1, keepdims=True).")
def softmax_columns(x):
    x_exp = np.exp(x - np.max(x, axis=0, keepdims=True))
    return x_exp / np.sum(x_exp, axis=0, keepdims=True)


@MISTAKES.add("softmax", "np.exp overflows for large inputs (exp(1000) is inf, and inf/inf is NaN): subtract each "
                         "row's maximum before exponentiating; it does not change the result.")
def softmax_overflows(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp, axis=1, keepdims=True)


@MISTAKES.add("softmax", "divided by the sum of the whole matrix; each row must be divided by its own sum.")
def softmax_global_sum(x):
    x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
    return x_exp / np.sum(x_exp)


@MISTAKES.add("L1", "the L1 loss is the sum of |y - yhat|, not its mean.")
def L1_mean(yhat, y):
    return np.mean(np.abs(y - yhat))


@MISTAKES.add("L1", "the absolute value is missing: positive and negative errors cancel out.")
def L1_no_abs(yhat, y):
    return np.sum(y - yhat)


@MISTAKES.add("L2", "the L2 loss here is the sum of squares, without a square root.")
def L2_sqrt(yhat, y):
    return np.sqrt(np.sum((y - yhat) ** 2))


@MISTAKES.add("L2", "the L2 loss is the sum of squared differences, not their mean.")
def L2_mean(yhat, y):
    return np.mean((y - yhat) ** 2)


@MISTAKES.add("L2", "the differences must be squared, not taken in absolute value.")
def L2_abs(yhat, y):
    return np.sum(np.abs(y - yhat))

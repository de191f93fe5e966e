"""Typical mistakes in assignment c2w3a (an introduction to TensorFlow). Every function here is deliberately wrong."""
import numpy as np
import tensorflow as tf

from autograder.core import MistakeCatalogue

MISTAKES = MistakeCatalogue()


@MISTAKES.add("linear_function", "the bias is missing: Y = tf.add(tf.matmul(W, X), b).")
def linear_function_no_bias(rng=None):
    rng = np.random.default_rng(rng)
    X = tf.constant(rng.standard_normal((3, 1)))
    W = tf.constant(rng.standard_normal((4, 3)))
    b = tf.constant(rng.standard_normal((4, 1)))
    return tf.matmul(W, X)


@MISTAKES.add("linear_function", "draw X first, then W, then b: the order decides which random numbers each gets.")
def linear_function_draw_order(rng=None):
    rng = np.random.default_rng(rng)
    W = tf.constant(rng.standard_normal((4, 3)))
    X = tf.constant(rng.standard_normal((3, 1)))
    b = tf.constant(rng.standard_normal((4, 1)))
    return tf.add(tf.matmul(W, X), b)


@MISTAKES.add("sigmoid", "the input must be cast to float32 first (tf.cast(z, tf.float32)): TensorFlow does not "
                         "convert integers by itself, and float64 input would give a float64 result.")
def sigmoid_no_cast(z):
    return tf.keras.activations.sigmoid(tf.constant(z))


@MISTAKES.add("one_hot_matrix", "the result must be a vector of shape (depth,): reshape the one-hot column with "
                                "tf.reshape(..., shape=(depth,)).")
def one_hot_matrix_not_reshaped(label, depth=10):
    return tf.one_hot(label, depth, axis=0)


@MISTAKES.add("one_hot_matrix", "the depth of the encoding is the argument depth, the number of classes, not a "
                                "fixed number.")
def one_hot_matrix_fixed_depth(label, depth=10):
    return tf.reshape(tf.one_hot(label, 10, axis=0), shape=(10,))


@MISTAKES.add("initialize_parameters", "the weights are transposed: W1 has shape (25, n_x), one row per unit of "
                                       "the layer it computes.")
def initialize_parameters_transposed(n_x=64, n_y=10, seed=1):
    initializer = tf.keras.initializers.GlorotNormal(seed=seed)
    shapes = {"W1": (n_x, 25), "b1": (25, 1), "W2": (25, 12), "b2": (12, 1), "W3": (12, n_y), "b3": (n_y, 1)}
    return {name: tf.Variable(initializer(shape=shape)) for name, shape in shapes.items()}


@MISTAKES.add("initialize_parameters", "use tf.keras.initializers.GlorotNormal(seed=seed); GlorotUniform draws from "
                                       "another distribution.")
def initialize_parameters_uniform(n_x=64, n_y=10, seed=1):
    initializer = tf.keras.initializers.GlorotUniform(seed=seed)
    shapes = {"W1": (25, n_x), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (n_y, 12), "b3": (n_y, 1)}
    return {name: tf.Variable(initializer(shape=shape)) for name, shape in shapes.items()}


@MISTAKES.add("initialize_parameters", "the initializer's seed is the seed argument, GlorotNormal(seed=seed); a "
                                       "fixed seed=1 gives the same weights whatever seed the caller asks for.")
def initialize_parameters_fixed_seed(n_x=64, n_y=10, seed=1):
    initializer = tf.keras.initializers.GlorotNormal(seed=1)
    shapes = {"W1": (25, n_x), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (n_y, 12), "b3": (n_y, 1)}
    return {name: tf.Variable(initializer(shape=shape)) for name, shape in shapes.items()}


@MISTAKES.add("forward_propagation", "the last layer returns the logits Z3, without an activation: the loss "
                                     "applies the softmax itself (from_logits=True).")
def forward_propagation_activated_output(X, parameters):
    Z1 = tf.math.add(tf.linalg.matmul(parameters["W1"], X), parameters["b1"])
    A1 = tf.keras.activations.relu(Z1)
    Z2 = tf.math.add(tf.linalg.matmul(parameters["W2"], A1), parameters["b2"])
    A2 = tf.keras.activations.relu(Z2)
    return tf.keras.activations.relu(tf.math.add(tf.linalg.matmul(parameters["W3"], A2), parameters["b3"]))


@MISTAKES.add("forward_propagation", "the biases are missing: Z1 = W1 X + b1 (tf.math.add), and so on.")
def forward_propagation_no_bias(X, parameters):
    A1 = tf.keras.activations.relu(tf.linalg.matmul(parameters["W1"], X))
    A2 = tf.keras.activations.relu(tf.linalg.matmul(parameters["W2"], A1))
    return tf.linalg.matmul(parameters["W3"], A2)


@MISTAKES.add("compute_total_loss", "the total loss is the sum over the examples (tf.reduce_sum), not the mean: "
                                    "the training loop divides by m once per epoch.")
def compute_total_loss_mean(logits, labels):
    return tf.reduce_mean(tf.keras.losses.categorical_crossentropy(tf.transpose(labels), tf.transpose(logits),
                                                                   from_logits=True))


@MISTAKES.add("compute_total_loss", "the inputs are logits, not probabilities: pass from_logits=True.")
def compute_total_loss_not_from_logits(logits, labels):
    return tf.reduce_sum(tf.keras.losses.categorical_crossentropy(tf.transpose(labels), tf.transpose(logits)))


@MISTAKES.add("compute_total_loss", "Keras expects one example per row: transpose both labels and logits, which "
                                    "hold one example per column.")
def compute_total_loss_not_transposed(logits, labels):
    return tf.reduce_sum(tf.keras.losses.categorical_crossentropy(labels, logits, from_logits=True))

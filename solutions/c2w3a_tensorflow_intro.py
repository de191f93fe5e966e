"""Reference solutions for assignment c2w3a, an introduction to TensorFlow.

A 3-layer network LINEAR -> RELU -> LINEAR -> RELU -> LINEAR (logits) written with TensorFlow
operations and trained with automatic differentiation. Examples are columns, as in the numpy
assignments: ``X`` is (n_x, m) float32, labels one-hot ``Y`` (n_y, m).
"""
import numpy as np
import tensorflow as tf


def linear_function(rng=None):
    """Y = WX + b for random W (4, 3), X (3, 1), b (4, 1), as TensorFlow constants.

    Parameters
    ----------
    rng : numpy.random.Generator or int, optional
        X is drawn first (``standard_normal((3, 1))``), then W, then b.

    Returns
    -------
    Y : tf.Tensor of shape (4, 1), float64
    """
    rng = np.random.default_rng(rng)
    X = tf.constant(rng.standard_normal((3, 1)), name="X")
    W = tf.constant(rng.standard_normal((4, 3)), name="W")
    b = tf.constant(rng.standard_normal((4, 1)), name="b")
    return tf.add(tf.matmul(W, X), b)


def sigmoid(z):
    """Sigmoid of z, computed by TensorFlow.

    Parameters
    ----------
    z : number, ndarray or tf.Tensor

    Returns
    -------
    a : tf.Tensor, float32, of z's shape
    """
    z = tf.cast(z, tf.float32)
    return tf.keras.activations.sigmoid(z)


def one_hot_matrix(label, depth=10):
    """One-hot encoding of a single label.

    Parameters
    ----------
    label : int or 0-d tf.Tensor
    depth : int
        Number of classes (the classic notebook's name, and tf.one_hot's).

    Returns
    -------
    one_hot : tf.Tensor of shape (depth,), float32
    """
    return tf.reshape(tf.one_hot(label, depth, axis=0), shape=(depth,))


def initialize_parameters(n_x=64, n_y=10, seed=1):
    """Glorot-normal weights and biases of a [n_x, 25, 12, n_y] network, as tf.Variable.

    Parameters
    ----------
    n_x : int
        Input size (64 for 8x8 digit images).
    n_y : int
        Number of classes.
    seed : int
        Seed of one ``tf.keras.initializers.GlorotNormal`` used for every parameter.

    Returns
    -------
    parameters : dict of tf.Variable
        ``W1`` (25, n_x), ``b1`` (25, 1), ``W2`` (12, 25), ``b2`` (12, 1), ``W3`` (n_y, 12), ``b3`` (n_y, 1).
    """
    initializer = tf.keras.initializers.GlorotNormal(seed=seed)
    shapes = {"W1": (25, n_x), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (n_y, 12), "b3": (n_y, 1)}
    return {name: tf.Variable(initializer(shape=shape)) for name, shape in shapes.items()}


def forward_propagation(X, parameters):
    """Forward pass LINEAR -> RELU -> LINEAR -> RELU -> LINEAR.

    Parameters
    ----------
    X : tf.Tensor of shape (n_x, m), float32
    parameters : dict
        ``W1``, ``b1``, ``W2``, ``b2``, ``W3``, ``b3``.

    Returns
    -------
    Z3 : tf.Tensor of shape (n_y, m)
        The logits (no softmax: the loss applies it).
    """
    Z1 = tf.math.add(tf.linalg.matmul(parameters["W1"], X), parameters["b1"])
    A1 = tf.keras.activations.relu(Z1)
    Z2 = tf.math.add(tf.linalg.matmul(parameters["W2"], A1), parameters["b2"])
    A2 = tf.keras.activations.relu(Z2)
    return tf.math.add(tf.linalg.matmul(parameters["W3"], A2), parameters["b3"])


def compute_total_loss(logits, labels):
    """Categorical cross-entropy summed over the examples.

    Parameters
    ----------
    logits : tf.Tensor of shape (n_y, m)
    labels : tf.Tensor of shape (n_y, m)
        One-hot.

    Returns
    -------
    total_loss : tf.Tensor, scalar
        The sum (not the mean) over the m examples, so that mini-batches of different sizes add up.
    """
    losses = tf.keras.losses.categorical_crossentropy(tf.transpose(labels), tf.transpose(logits), from_logits=True)
    return tf.reduce_sum(losses)

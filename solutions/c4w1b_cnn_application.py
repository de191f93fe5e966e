"""Reference solutions for assignment c4w1b, convolutional networks in Keras.

Two ways of building a model: the Sequential API (a stack of layers, ``happyModel``) and the
Functional API (layers called on tensors, ``convolutional_model``). Images are (m, 64, 64, 3):
the digits dataset upsampled (``coursekit.datasets.load_digits(size=64)``).
"""
import tensorflow as tf

tfl = tf.keras.layers


def happyModel():
    """A binary classifier as a Sequential model.

    ZEROPAD2D(3) -> CONV2D(32, 7x7, stride 1) -> BATCHNORM(axis 3) -> RELU -> MAXPOOL(2x2) ->
    FLATTEN -> DENSE(1, sigmoid).

    Returns
    -------
    model : tf.keras.Sequential
        Input (64, 64, 3), output (1,): the probability of the positive class.
    """
    return tf.keras.Sequential([
        tfl.Input(shape=(64, 64, 3)),
        tfl.ZeroPadding2D(padding=3),
        tfl.Conv2D(32, (7, 7), strides=(1, 1)),
        tfl.BatchNormalization(axis=3),
        tfl.ReLU(),
        tfl.MaxPooling2D(),
        tfl.Flatten(),
        tfl.Dense(1, activation="sigmoid"),
    ])


def convolutional_model(input_shape):
    """A 10-class classifier with the Functional API.

    CONV2D(8, 4x4, same) -> RELU -> MAXPOOL(8x8, stride 8, same) -> CONV2D(16, 2x2, same) -> RELU ->
    MAXPOOL(4x4, stride 4, same) -> FLATTEN -> DENSE(10, softmax).

    Parameters
    ----------
    input_shape : tuple of int
        (n_H, n_W, n_C) of one image.

    Returns
    -------
    model : tf.keras.Model
    """
    input_img = tf.keras.Input(shape=input_shape)
    Z1 = tfl.Conv2D(8, (4, 4), strides=(1, 1), padding="same")(input_img)
    A1 = tfl.ReLU()(Z1)
    P1 = tfl.MaxPool2D(pool_size=(8, 8), strides=(8, 8), padding="same")(A1)
    Z2 = tfl.Conv2D(16, (2, 2), strides=(1, 1), padding="same")(P1)
    A2 = tfl.ReLU()(Z2)
    P2 = tfl.MaxPool2D(pool_size=(4, 4), strides=(4, 4), padding="same")(A2)
    F = tfl.Flatten()(P2)
    outputs = tfl.Dense(10, activation="softmax")(F)
    return tf.keras.Model(inputs=input_img, outputs=outputs)

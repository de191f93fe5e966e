"""Reference solutions for assignment c4w2a, a Keras tutorial on the faces dataset.

Images are (m, n_H, n_W, n_C), faces 25x25x3 scaled to [0, 1]; labels (m, 1), 1 for a face.
"""
import numpy as np
import tensorflow as tf

tfl = tf.keras.layers


def HappyModel(input_shape):
    """The face classifier of the tutorial, built with the Functional API.

    ZEROPAD2D(3) -> CONV2D(32, 7x7) -> BATCHNORM(axis 3) -> RELU -> MAXPOOL(2x2) -> FLATTEN -> DENSE(1, sigmoid).

    Parameters
    ----------
    input_shape : tuple of int
        (n_H, n_W, n_C) of one image.

    Returns
    -------
    model : tf.keras.Model
        Named "HappyModel"; output (1,): the probability of a face.
    """
    X_input = tf.keras.Input(input_shape)
    X = tfl.ZeroPadding2D((3, 3))(X_input)
    X = tfl.Conv2D(32, (7, 7), strides=(1, 1), name="conv0")(X)
    X = tfl.BatchNormalization(axis=3, name="bn0")(X)
    X = tfl.Activation("relu")(X)
    X = tfl.MaxPooling2D((2, 2), name="max_pool")(X)
    X = tfl.Flatten()(X)
    X = tfl.Dense(1, activation="sigmoid", name="fc")(X)
    return tf.keras.Model(inputs=X_input, outputs=X, name="HappyModel")


def predict_image(model, image):
    """The model's probability that one image shows a face.

    Parameters
    ----------
    model : tf.keras.Model
        Input (n_H, n_W, n_C) per example, output (1,).
    image : ndarray of shape (n_H, n_W, n_C)
        One image, already scaled like the training data.

    Returns
    -------
    probability : float
    """
    batch = np.expand_dims(image, axis=0)  # (1, n_H, n_W, n_C): Keras models take batches
    # Calling the model runs it once; model.predict sets up a batched loop, worth it for large arrays only.
    return float(model(batch, training=False)[0, 0])

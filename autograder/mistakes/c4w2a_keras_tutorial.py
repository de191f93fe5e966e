"""Typical mistakes in assignment c4w2a (a Keras tutorial). Every function here is deliberately wrong."""
import numpy as np
import tensorflow as tf

from autograder.core import MistakeCatalogue

tfl = tf.keras.layers
MISTAKES = MistakeCatalogue()


@MISTAKES.add("HappyModel", "batch normalization must normalize the channels, axis=3; axis=1 normalizes rows.")
def HappyModel_batchnorm_axis(input_shape):
    X_input = tf.keras.Input(input_shape)
    X = tfl.ZeroPadding2D((3, 3))(X_input)
    X = tfl.Conv2D(32, (7, 7), strides=(1, 1), name="conv0")(X)
    X = tfl.BatchNormalization(axis=1, name="bn0")(X)
    X = tfl.Activation("relu")(X)
    X = tfl.MaxPooling2D((2, 2), name="max_pool")(X)
    X = tfl.Flatten()(X)
    X = tfl.Dense(1, activation="sigmoid", name="fc")(X)
    return tf.keras.Model(inputs=X_input, outputs=X, name="HappyModel")


@MISTAKES.add("HappyModel", "the last layer must output a probability: Dense(1, activation='sigmoid').")
def HappyModel_no_sigmoid(input_shape):
    X_input = tf.keras.Input(input_shape)
    X = tfl.ZeroPadding2D((3, 3))(X_input)
    X = tfl.Conv2D(32, (7, 7), strides=(1, 1), name="conv0")(X)
    X = tfl.BatchNormalization(axis=3, name="bn0")(X)
    X = tfl.Activation("relu")(X)
    X = tfl.MaxPooling2D((2, 2), name="max_pool")(X)
    X = tfl.Flatten()(X)
    X = tfl.Dense(1, name="fc")(X)
    return tf.keras.Model(inputs=X_input, outputs=X, name="HappyModel")


@MISTAKES.add("predict_image", "the result should be one number: the model returns a (1, 1) array for a batch of "
                               "one; take its only element, float(prediction[0, 0]).")
def predict_image_array(model, image):
    return model(np.expand_dims(image, axis=0), training=False).numpy()


@MISTAKES.add("predict_image", "Keras models take batches: add the batch axis, np.expand_dims(image, axis=0), "
                               "before calling the model.")
def predict_image_no_batch_axis(model, image):
    return float(model(image, training=False)[0, 0])

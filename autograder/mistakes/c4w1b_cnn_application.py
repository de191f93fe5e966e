"""Typical mistakes in assignment c4w1b (convolutional networks in Keras). Every model here is deliberately wrong."""
import tensorflow as tf

from autograder.core import MistakeCatalogue

tfl = tf.keras.layers
MISTAKES = MistakeCatalogue()


@MISTAKES.add("happyModel", "batch normalization must normalize the channels, axis=3 (the last axis of "
                            "(m, n_H, n_W, n_C)); axis=1 normalizes each row of the image instead.")
def happyModel_batchnorm_axis():
    return tf.keras.Sequential([
        tfl.Input(shape=(64, 64, 3)), tfl.ZeroPadding2D(padding=3), tfl.Conv2D(32, (7, 7), strides=(1, 1)),
        tfl.BatchNormalization(axis=1), tfl.ReLU(), tfl.MaxPooling2D(), tfl.Flatten(), tfl.Dense(1, activation="sigmoid"),
    ])


@MISTAKES.add("happyModel", "the padding layer is missing: ZeroPadding2D(padding=3) comes first, so that the 7x7 "
                            "convolution keeps the 64x64 size.")
def happyModel_no_padding():
    return tf.keras.Sequential([
        tfl.Input(shape=(64, 64, 3)), tfl.Conv2D(32, (7, 7), strides=(1, 1)), tfl.BatchNormalization(axis=3),
        tfl.ReLU(), tfl.MaxPooling2D(), tfl.Flatten(), tfl.Dense(1, activation="sigmoid"),
    ])


@MISTAKES.add("happyModel", "the output layer must give a probability: Dense(1, activation='sigmoid'); "
                            "without an activation it outputs a raw score, which binary_crossentropy reads as a "
                            "probability.")
def happyModel_no_sigmoid():
    return tf.keras.Sequential([
        tfl.Input(shape=(64, 64, 3)), tfl.ZeroPadding2D(padding=3), tfl.Conv2D(32, (7, 7), strides=(1, 1)),
        tfl.BatchNormalization(axis=3), tfl.ReLU(), tfl.MaxPooling2D(), tfl.Flatten(), tfl.Dense(1),
    ])


@MISTAKES.add("convolutional_model", "the output layer must turn scores into class probabilities: "
                                     "Dense(10, activation='softmax').")
def convolutional_model_no_softmax(input_shape):
    input_img = tf.keras.Input(shape=input_shape)
    A1 = tfl.ReLU()(tfl.Conv2D(8, (4, 4), strides=(1, 1), padding="same")(input_img))
    P1 = tfl.MaxPool2D(pool_size=(8, 8), strides=(8, 8), padding="same")(A1)
    A2 = tfl.ReLU()(tfl.Conv2D(16, (2, 2), strides=(1, 1), padding="same")(P1))
    P2 = tfl.MaxPool2D(pool_size=(4, 4), strides=(4, 4), padding="same")(A2)
    outputs = tfl.Dense(10)(tfl.Flatten()(P2))
    return tf.keras.Model(inputs=input_img, outputs=outputs)


@MISTAKES.add("convolutional_model", "the first pooling window is 8x8 with stride 8: MaxPool2D(pool_size=(8, 8), "
                                     "strides=(8, 8), padding='same'); without strides it moves by its size only "
                                     "if you say so, and pool_size defaults to 2x2.")
def convolutional_model_default_pool(input_shape):
    input_img = tf.keras.Input(shape=input_shape)
    A1 = tfl.ReLU()(tfl.Conv2D(8, (4, 4), strides=(1, 1), padding="same")(input_img))
    P1 = tfl.MaxPool2D(padding="same")(A1)
    A2 = tfl.ReLU()(tfl.Conv2D(16, (2, 2), strides=(1, 1), padding="same")(P1))
    P2 = tfl.MaxPool2D(pool_size=(4, 4), strides=(4, 4), padding="same")(A2)
    outputs = tfl.Dense(10, activation="softmax")(tfl.Flatten()(P2))
    return tf.keras.Model(inputs=input_img, outputs=outputs)


@MISTAKES.add("convolutional_model", "the digits have 10 classes: Dense(10, activation='softmax'), one unit per "
                                     "class (the classic SIGNS dataset had 6).")
def convolutional_model_six_classes(input_shape):
    input_img = tf.keras.Input(shape=input_shape)
    A1 = tfl.ReLU()(tfl.Conv2D(8, (4, 4), strides=(1, 1), padding="same")(input_img))
    P1 = tfl.MaxPool2D(pool_size=(8, 8), strides=(8, 8), padding="same")(A1)
    A2 = tfl.ReLU()(tfl.Conv2D(16, (2, 2), strides=(1, 1), padding="same")(P1))
    P2 = tfl.MaxPool2D(pool_size=(4, 4), strides=(4, 4), padding="same")(A2)
    outputs = tfl.Dense(6, activation="softmax")(tfl.Flatten()(P2))
    return tf.keras.Model(inputs=input_img, outputs=outputs)

"""Hidden tests of assignment c4w1b (convolutional networks in Keras).

Each model is compared with :mod:`solutions.c4w1b_cnn_application` layer by layer (type,
configuration, output shape, parameters: :mod:`autograder.keras_models`), then trained briefly
from a fixed seed and must reach a stated test accuracy.
"""
import functools

import numpy as np

from solutions import c4w1b_cnn_application as reference

from .core import Case, Exercise, grader
from .keras_models import accuracy_after_training, architecture
from .mistakes.c4w1b_cnn_application import MISTAKES

#: Test accuracy the reference reaches with room to spare after the short training runs below.
HAPPY_FLOOR = 0.85
CONVOLUTIONAL_FLOOR = 0.6


@functools.lru_cache(maxsize=None)
def digits():
    """(X_train, y_train, X_test, y_test): 64x64x3 digits scaled to [0, 1], labels as vectors."""
    from coursekit.datasets import load_digits

    train_x, train_y, test_x, test_y, _ = load_digits(size=64)
    return (train_x / 255.0).astype(np.float32), train_y.ravel(), (test_x / 255.0).astype(np.float32), test_y.ravel()


def threes_and_eights():
    """The binary task of happyModel: is the digit an 8 (1) or a 3 (0)?"""
    X, y, X_test, y_test = digits()
    train, test = np.isin(y, [3, 8]), np.isin(y_test, [3, 8])
    return (X[train], (y[train] == 8).astype(np.float32).reshape(-1, 1),
            X_test[test], (y_test[test] == 8).astype(np.float32).reshape(-1, 1))


def _no_arguments(rng):
    return [Case(())]


def _input_shapes(rng):
    return [Case(((64, 64, 3),)), Case(((32, 32, 1),), "another input shape")]


def _happy_accuracy(function, rng):
    accuracy = accuracy_after_training(function, threes_and_eights(), "binary_crossentropy", epochs=3,
                                       batch_size=16, learning_rate=0.001)
    if accuracy < HAPPY_FLOOR:
        return (f"happyModel() has the right layers but reaches a test accuracy of only {accuracy:.3f} after 3 epochs "
                f"of Adam on the 3s and 8s (the reference reaches at least {HAPPY_FLOOR}).")
    return None


def _convolutional_accuracy(function, rng):
    X, y, X_test, y_test = digits()
    data = (X, np.eye(10, dtype=np.float32)[y], X_test, np.eye(10, dtype=np.float32)[y_test])
    accuracy = accuracy_after_training(lambda: function((64, 64, 3)), data, "categorical_crossentropy", epochs=4,
                                       batch_size=64, learning_rate=0.003)
    if accuracy < CONVOLUTIONAL_FLOOR:
        return (f"convolutional_model((64, 64, 3)) has the right layers but reaches a test accuracy of only "
                f"{accuracy:.3f} after 4 epochs (the reference reaches at least {CONVOLUTIONAL_FLOOR}).")
    return None


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("happyModel", reference.happyModel, _no_arguments, view=architecture, checks=(_happy_accuracy,)),
    Exercise("convolutional_model", reference.convolutional_model, _input_shapes, view=architecture,
             checks=(_convolutional_accuracy,)),
]}

grade = grader(EXERCISES, MISTAKES)

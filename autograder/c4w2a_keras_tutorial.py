"""Hidden tests of assignment c4w2a (a Keras tutorial).

``HappyModel`` is compared with :mod:`solutions.c4w2a_keras_tutorial` layer by layer and must
reach a stated accuracy after a short seeded run; ``predict_image`` is compared on models with
fixed random weights and random images.
"""
import functools

import numpy as np

from solutions import c4w2a_keras_tutorial as reference

from .core import Case, Exercise, grader
from .keras_models import accuracy_after_training, architecture
from .mistakes.c4w2a_keras_tutorial import MISTAKES

#: Test accuracy the reference reaches with room to spare after 10 epochs of Adam on the faces.
HAPPY_FLOOR = 0.8


@functools.lru_cache(maxsize=None)
def faces():
    """(X_train, Y_train, X_test, Y_test): faces scaled to [0, 1], labels as (m, 1) columns."""
    from coursekit.datasets import load_faces

    train_x, train_y, test_x, test_y, _ = load_faces()
    return ((train_x / 255.0).astype(np.float32), train_y.T.astype(np.float32),
            (test_x / 255.0).astype(np.float32), test_y.T.astype(np.float32))


@functools.lru_cache(maxsize=None)
def fixed_model(input_shape, seed):
    """The reference HappyModel with weights drawn from ``seed`` (a stand-in for a trained one)."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(seed)
    return reference.HappyModel(input_shape)


def _shapes(rng):
    return [Case(((25, 25, 3),)), Case(((64, 64, 3),), "the classic 64x64 pictures")]


def _predict_cases(rng):
    cases = []
    for shape, seed in [((25, 25, 3), 1), ((16, 16, 1), 2)]:
        for _ in range(2):
            cases.append(Case((fixed_model(shape, seed), rng.uniform(size=shape).astype(np.float32)), f"images {shape}"))
    return cases


def _happy_accuracy(function, rng):
    accuracy = accuracy_after_training(lambda: function((25, 25, 3)), faces(), "binary_crossentropy", epochs=10,
                                       batch_size=8, learning_rate=0.001)
    if accuracy < HAPPY_FLOOR:
        return (f"HappyModel((25, 25, 3)) has the right layers but reaches a test accuracy of only {accuracy:.3f} "
                f"after 10 epochs of Adam on the faces (the reference reaches at least {HAPPY_FLOOR}).")
    return None


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("HappyModel", reference.HappyModel, _shapes, view=architecture, checks=(_happy_accuracy,)),
    Exercise("predict_image", reference.predict_image, _predict_cases, rtol=1e-5, atol=1e-6),
]}

grade = grader(EXERCISES, MISTAKES)

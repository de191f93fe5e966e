"""Hidden tests of assignment c4w2a (a Keras tutorial).

``HappyModel`` is compared with :mod:`solutions.c4w2a_keras_tutorial` layer by layer and must
reach a stated accuracy after a short seeded run; ``predict_image`` is compared on models with
fixed random weights and random images.
"""
import functools

import numpy as np

from solutions import c4w2a_keras_tutorial as reference

from .core import Case, Exercise, grader
from .harnesses import architecture_of, trained_accuracy
from .mistakes.c4w2a_keras_tutorial import MISTAKES

#: Test accuracy the reference reaches with room to spare after 10 epochs of Adam on the faces.
HAPPY_FLOOR = 0.8


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
    accuracy, _ = function.call((((25, 25, 3),), "faces", "binary_crossentropy", 10, 8, 0.001), trained_accuracy)
    if accuracy < HAPPY_FLOOR:
        return (f"HappyModel((25, 25, 3)) has the right layers but reaches a test accuracy of only {accuracy:.3f} "
                f"after 10 epochs of Adam on the faces (the reference reaches at least {HAPPY_FLOOR}).")
    return None


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("HappyModel", reference.HappyModel, _shapes, harness=architecture_of, checks=(_happy_accuracy,)),
    Exercise("predict_image", reference.predict_image, _predict_cases, rtol=1e-5, atol=1e-6),
]}

grade = grader(EXERCISES, MISTAKES)

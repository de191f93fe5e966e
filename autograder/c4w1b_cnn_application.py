"""Hidden tests of assignment c4w1b (convolutional networks in Keras).

Each model is compared with :mod:`solutions.c4w1b_cnn_application` layer by layer (type,
configuration, output shape, parameters: :func:`autograder.harnesses.architecture_of`), then trained briefly
from a fixed seed and must reach a stated test accuracy.
"""
from solutions import c4w1b_cnn_application as reference

from .core import Case, Exercise, grader
from .harnesses import architecture_of, trained_accuracy
from .mistakes.c4w1b_cnn_application import MISTAKES

#: Test accuracy the reference reaches with room to spare after the short training runs below.
HAPPY_FLOOR = 0.85
CONVOLUTIONAL_FLOOR = 0.6


def _no_arguments(rng):
    return [Case(())]


def _input_shapes(rng):
    return [Case(((64, 64, 3),)), Case(((32, 32, 1),), "another input shape")]


def _happy_accuracy(function, rng):
    accuracy, _ = function.call(((), "threes_and_eights", "binary_crossentropy", 3, 16, 0.001), trained_accuracy)
    if accuracy < HAPPY_FLOOR:
        return (f"happyModel() has the right layers but reaches a test accuracy of only {accuracy:.3f} after 3 epochs "
                f"of Adam on the 3s and 8s (the reference reaches at least {HAPPY_FLOOR}).")
    return None


def _convolutional_accuracy(function, rng):
    accuracy, _ = function.call((((64, 64, 3),), "digits", "categorical_crossentropy", 4, 64, 0.003),
                                trained_accuracy)
    if accuracy < CONVOLUTIONAL_FLOOR:
        return (f"convolutional_model((64, 64, 3)) has the right layers but reaches a test accuracy of only "
                f"{accuracy:.3f} after 4 epochs (the reference reaches at least {CONVOLUTIONAL_FLOOR}).")
    return None


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("happyModel", reference.happyModel, _no_arguments, harness=architecture_of, checks=(_happy_accuracy,)),
    Exercise("convolutional_model", reference.convolutional_model, _input_shapes, harness=architecture_of,
             checks=(_convolutional_accuracy,)),
]}

grade = grader(EXERCISES, MISTAKES)

"""Hidden tests of assignment c4w4a (neural style transfer).

The costs are compared with :mod:`solutions.c4w4a_style_transfer` on random activations whose
height, width and channels all differ (a reshape in the wrong order, or a normalization that
swaps them, changes the result), with non-uniform layer weights. ``train_step`` works through the
notebook's globals (the feature model, ``a_C``, ``a_S``, the optimizer, ``ALPHA``, ``BETA``, the
costs), so it runs with the grader's own (:func:`autograder.harnesses.two_train_steps`): a small
random convolutional model with the same kind of outputs, a fresh Adam, and stand-in costs; two
steps from the same start must give the same costs and pixels as the reference.
"""
import numpy as np

from solutions import c4w4a_style_transfer as reference

from .core import Case, Exercise, grader
from .harnesses import two_train_steps
from .mistakes.c4w4a_style_transfer import MISTAKES


def _tensor(array):
    import tensorflow as tf

    return tf.constant(np.asarray(array, np.float32))


def _activations(rng, shape):
    """ReLU-like activations: non-negative, many zeros."""
    return _tensor(np.maximum(rng.standard_normal(shape), 0) * rng.uniform(0.5, 2))


def _outputs(rng, shapes):
    return [_activations(rng, shape) for shape in shapes]


SHAPES = [(1, 6, 5, 3), (1, 4, 3, 5), (1, 3, 2, 7)]


def _content_cases(rng):
    cases = []
    for content_shape in [(1, 4, 3, 2), (1, 5, 7, 4), (1, 2, 3, 6)]:
        shapes = SHAPES[:2] + [content_shape]
        cases.append(Case((_outputs(rng, shapes), _outputs(rng, shapes)),
                          f"content layer of shape {content_shape}: n_H, n_W, n_C all differ"))
    same = _outputs(rng, SHAPES)
    cases.append(Case((same, [tensor + 0 for tensor in same]), "identical activations: the cost is 0"))
    return cases


def _gram_cases(rng):
    return [Case((_tensor(rng.standard_normal(shape)),), f"A of shape {shape}")
            for shape in [(3, 2), (2, 7), (5, 12), (4, 4)]]


def _layer_style_cases(rng):
    cases = [Case((_activations(rng, shape), _activations(rng, shape)), f"activations of shape {shape}")
             for shape in [(1, 4, 3, 2), (1, 3, 5, 4), (1, 2, 6, 3)]]
    a = _activations(rng, (1, 3, 4, 2))
    cases.append(Case((a, a + 0), "identical activations: the cost is 0"))
    return cases


def _style_cases(rng):
    shapes = SHAPES + [(1, 2, 2, 4)]  # three style layers, then the content layer
    layers = [("first", 0.5), ("second", 0.3), ("third", 0.2)]
    cases = [Case((_outputs(rng, shapes), _outputs(rng, shapes), layers), "three style layers, weights 0.5, 0.3, 0.2")]
    layers = [("first", 0.1), ("second", 0.0), ("third", 2.0)]
    cases.append(Case((_outputs(rng, shapes), _outputs(rng, shapes), layers), "weights 0.1, 0, 2"))
    shapes = [(1, 6, 5, 2), (1, 5, 4, 3), (1, 4, 3, 4), (1, 3, 2, 5), (1, 2, 2, 6), (1, 2, 2, 6)]
    cases.append(Case((_outputs(rng, shapes), _outputs(rng, shapes)), "the default STYLE_LAYERS: five layers of weight 0.2"))
    return cases


def _total_cases(rng):
    cases = [Case((_tensor(rng.uniform(0, 5)), _tensor(rng.uniform(0, 5))), "the default alpha=10, beta=40")]
    for _ in range(2):
        cases.append(Case((_tensor(rng.uniform(0, 5)), _tensor(rng.uniform(0, 5)), float(rng.uniform(1, 20)),
                           float(rng.uniform(20, 100))), "other alpha and beta"))
    return cases


def _train_step_cases(rng):
    cases = []
    # The notebook's ALPHA and BETA are the classic weights, total_cost's defaults: a train_step that
    # calls total_cost(J_content, J_style), as the classic one did, computes the notebook's cost.
    for alpha, beta, note in [(10.0, 40.0, "ALPHA=10, BETA=40")] * 2:
        content, style, start = (_tensor(rng.uniform(0, 1, (1, 16, 16, 3))) for _ in range(3))
        cases.append(Case((content, style, start, alpha, beta), f"random 16x16 images, {note}; pixels near 0 and 1 "
                                                                 f"must stay in [0, 1]"))
    return cases


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("compute_content_cost", reference.compute_content_cost, _content_cases, rtol=1e-5, atol=1e-7),
    Exercise("gram_matrix", reference.gram_matrix, _gram_cases, rtol=1e-5, atol=1e-6),
    Exercise("compute_layer_style_cost", reference.compute_layer_style_cost, _layer_style_cases, rtol=1e-5, atol=1e-8,
             calls=("gram_matrix",)),
    Exercise("compute_style_cost", reference.compute_style_cost, _style_cases, rtol=1e-5, atol=1e-8,
             arg_names=("style_image_output", "generated_image_output", "STYLE_LAYERS"),
             calls=("compute_layer_style_cost",)),
    Exercise("total_cost", reference.total_cost, _total_cases, rtol=1e-6, atol=1e-7),
    Exercise("train_step", reference.train_step, _train_step_cases, rtol=1e-4, atol=1e-5,
             arg_names=("content_image", "style_image", "generated_image", "ALPHA", "BETA"),
             harness=two_train_steps),
]}

grade = grader(EXERCISES, MISTAKES)

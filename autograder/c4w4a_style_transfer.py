"""Hidden tests of assignment c4w4a (neural style transfer).

The costs are compared with :mod:`solutions.c4w4a_style_transfer` on random activations whose
height, width and channels all differ (a reshape in the wrong order, or a normalization that
swaps them, changes the result), with non-uniform layer weights. ``train_step`` works through the
notebook's globals (the feature model, ``a_C``, ``a_S``, the optimizer, ``ALPHA``, ``BETA``), so
it runs here with the grader's own: a small random convolutional model with the same kind of
outputs, a fresh Adam, and the reference costs; two steps from the same start must give the
same costs and pixels as the reference.
"""
import functools
import types

import numpy as np

from solutions import c4w4a_style_transfer as reference

from .core import Case, Exercise, grader, rebind
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


@functools.lru_cache(maxsize=1)
def _feature_model():
    """A small convolutional model with five 'style' outputs and a 'content' output, fixed weights."""
    import tensorflow as tf

    X_input = tf.keras.Input((16, 16, 3))
    X, outputs = X_input, []
    for number, (channels, pool) in enumerate([(4, False), (4, True), (6, False), (6, True), (8, False), (8, False)]):
        X = tf.keras.layers.Conv2D(channels, 3, padding="same", activation="relu",
                                   kernel_initializer=tf.keras.initializers.GlorotUniform(seed=number))(X)
        outputs.append(X)
        if pool:
            X = tf.keras.layers.AveragePooling2D(2)(X)
    return tf.keras.Model(X_input, outputs)


def run_train_step(train_step):
    """``train_step`` run with the grader's globals, as a function of the images and the costs' weights.

    Returns
    -------
    run : callable
        ``run(content_image, style_image, generated_image, ALPHA, BETA)`` takes two steps from
        ``generated_image`` with a fresh Adam (learning rate 0.05) and returns the cost of each
        and the pixels after the first.
    """
    python = getattr(train_step, "python_function", train_step)  # the function inside @tf.function
    if not isinstance(python, types.FunctionType):
        return train_step  # called as it is, it fails with a message that names it

    def run(content_image, style_image, generated_image, ALPHA, BETA):
        import tensorflow as tf

        model = _feature_model()
        step = rebind(python, {
            "vgg_model_outputs": model, "a_C": model(content_image), "a_S": model(style_image),
            "optimizer": tf.keras.optimizers.Adam(learning_rate=0.05), "ALPHA": ALPHA, "BETA": BETA,
            "STYLE_LAYERS": reference.STYLE_LAYERS, "clip_0_1": reference.clip_0_1,
            **{name: getattr(reference, name) for name in ("compute_content_cost", "compute_style_cost",
                                                          "compute_layer_style_cost", "gram_matrix", "total_cost")}})
        image = tf.Variable(generated_image)
        first = step(image)
        after = np.array(image.numpy())
        second = step(image)
        return {"J of the first step": float(first), "pixels after the first step": after,
                "J of the second step": float(second)}
    return run


def _train_step_cases(rng):
    cases = []
    for alpha, beta, note in [(10.0, 40.0, "ALPHA=10, BETA=40"), (1.0, 500.0, "ALPHA=1, BETA=500")]:
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
             prepare=run_train_step),
]}

grade = grader(EXERCISES, MISTAKES)

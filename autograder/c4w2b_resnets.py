"""Hidden tests of assignment c4w2b (residual networks and a highway block).

The blocks are compared with :mod:`solutions.c4w2b_resnets` by their outputs on random images
with fixed weights (every convolution's kernel drawn from a seeded initializer), in inference
and in training mode (batch normalization with the batch's statistics; a block written without a
``training`` parameter, as in the newest classic notebook, runs in a model that passes the mode
on, :func:`autograder.harnesses.block_output`), and the residual
blocks also by their layers and connections (:func:`coursekit.models.layer_graph`). ResNet50
is compared layer by layer with stand-ins in place of the blocks, which record the blocks it
calls and their arguments (:func:`autograder.harnesses.resnet_with_stand_in_blocks`), so a
mistake in a block costs that block's points only.
"""
import numpy as np

from coursekit.checks import describe_difference
from coursekit.models import SeededUniform
from solutions import c4w2b_resnets as reference

from .core import Case, Exercise, Local, grader
from .harnesses import block_layers, block_output, resnet_with_stand_in_blocks
from .mistakes.c4w2b_resnets import MISTAKES


def _images(rng, m, n_H, n_C):
    return rng.standard_normal((m, n_H, n_H, n_C)).astype(np.float32)


def _identity_cases(rng):
    init = SeededUniform()
    cases = [Case((_images(rng, 2, 4, 3), 3, [4, 4, 3], False, init), "inference mode: batch norm keeps its initial statistics"),
             Case((_images(rng, 3, 4, 3), 3, [4, 4, 3], True, init), "training mode: batch norm uses the batch's statistics")]
    for training in (False, True):
        n_C, f = int(rng.integers(2, 7)), int(rng.choice([1, 3]))
        cases.append(Case((_images(rng, 2, int(rng.integers(3, 7)), n_C), f, [int(rng.integers(1, 6)), 3, n_C],
                           training, init), f"random sizes, training={training}"))
    return cases


def _convolutional_cases(rng):
    init = SeededUniform()
    cases = [Case((_images(rng, 2, 4, 3), 2, [2, 4, 6], 1, False, init), "stride 1, inference mode"),
             Case((_images(rng, 3, 5, 3), 3, [4, 4, 6], 2, True, init), "stride 2 on an odd size, training mode")]
    for training in (False, True):
        cases.append(Case((_images(rng, 2, int(rng.integers(4, 9)), int(rng.integers(1, 5))), int(rng.choice([1, 3])),
                           [int(rng.integers(1, 5)), int(rng.integers(1, 5)), int(rng.integers(1, 7))],
                           int(rng.integers(1, 4)), training, init), f"random sizes and stride, training={training}"))
    return cases


def _highway_cases(rng):
    init = SeededUniform()
    return [Case((_images(rng, 2, 4, 3), 3, -2.0, False, init), "inference mode"),
            Case((_images(rng, 3, 5, 2), 3, -1.0, True, init), "training mode"),
            Case((_images(rng, 2, 4, 4), 1, float(rng.uniform(-3, 0)), True, init), "a 1x1 transform"),
            Case((_images(rng, 2, 6, 3), 3, 0.5, False, init), "a positive gate bias")]


def _block_layers(block, *args):
    """A check: ``block`` builds the reference's layers and connections (on a symbolic 6x6x4 input)."""
    def check(function, rng):
        got, _ = function.call(((6, 6, 4), *args), block_layers)
        expected, _ = Local(getattr(reference, block)).call(((6, 6, 4), *args), block_layers)
        difference = describe_difference(got, expected, what="the block's layer list")
        if difference:
            return (f"{block} gives the right values but builds other layers than the specification "
                    f"(on a 6x6x4 input, {block}(X, {', '.join(map(repr, args))})): {difference}")
        return None
    check.__name__ = f"{block}_layers"
    return check


def _model_shapes(rng):
    return [Case(((64, 64, 3), 10), "the 64x64 digits"), Case(((64, 64, 3), 6), "the classic six classes")]


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("identity_block", reference.identity_block, _identity_cases, rtol=1e-4, atol=1e-5, harness=block_output,
             checks=(_block_layers("identity_block", 3, [2, 3, 4]),)),
    Exercise("convolutional_block", reference.convolutional_block, _convolutional_cases, rtol=1e-4, atol=1e-5,
             harness=block_output,
             checks=(_block_layers("convolutional_block", 3, [2, 3, 8], 2),)),
    Exercise("ResNet50", reference.ResNet50, _model_shapes, harness=resnet_with_stand_in_blocks,
             calls=("identity_block", "convolutional_block")),
    Exercise("highway_block", reference.highway_block, _highway_cases, rtol=1e-4, atol=1e-5),
]}

grade = grader(EXERCISES, MISTAKES)

"""Hidden tests of assignment c4w1a (convolution and pooling from scratch).

Every exercise is compared with :mod:`solutions.c4w1a_convolution` on random images and
filters of several sizes, strides and paddings; the backward passes are also checked against
numerical gradients of the forward passes.
"""
import numpy as np

from solutions import c4w1a_convolution as reference

from . import gradcheck
from .core import Case, Exercise, grader
from .mistakes.c4w1a_convolution import MISTAKES


def conv_inputs(rng, m, n_H, n_W, n_C_prev, f, n_C, stride, pad):
    return (rng.normal(size=(m, n_H, n_W, n_C_prev)), rng.normal(size=(f, f, n_C_prev, n_C)),
            rng.normal(size=(1, 1, 1, n_C)), {"stride": stride, "pad": pad})


CONV_SHAPES = [(2, 5, 7, 4, 3, 8, 2, 1), (1, 4, 4, 3, 2, 2, 1, 0), (2, 6, 5, 2, 3, 3, 3, 2)]


def _pad_cases(rng):
    return [Case((rng.normal(size=(2, 3, 4, 2)), 2)), Case((rng.normal(size=(1, 2, 2, 3)), 1)),
            Case((rng.normal(size=(3, 2, 3, 1)), 0), "pad = 0: nothing to add")]


def _single_step_cases(rng):
    return [Case((rng.normal(size=(3, 3, 4)), rng.normal(size=(3, 3, 4)), rng.normal(size=(1, 1, 1)))),
            Case((rng.normal(size=(2, 2, 1)), rng.normal(size=(2, 2, 1)), rng.normal(size=(1, 1, 1))))]


def _conv_forward_cases(rng):
    return [Case(conv_inputs(rng, *shape), f"stride {shape[6]}, pad {shape[7]}") for shape in CONV_SHAPES]


def _pool_forward_cases(rng):
    cases = []
    for (m, n_H, n_W, n_C, f, stride), mode in [((2, 5, 5, 3, 3, 1), "max"), ((2, 5, 5, 3, 3, 1), "average"),
                                                ((1, 6, 7, 2, 2, 2), "max"), ((1, 7, 6, 2, 3, 2), "average")]:
        cases.append(Case((rng.normal(size=(m, n_H, n_W, n_C)), {"f": f, "stride": stride}, mode), f"{mode}, stride {stride}"))
    return cases


def _conv_backward_cases(rng):
    cases = []
    for shape in CONV_SHAPES:
        A_prev, W, b, hparameters = conv_inputs(rng, *shape)
        Z, cache = reference.conv_forward(A_prev, W, b, hparameters)
        cases.append(Case((rng.normal(size=Z.shape), cache), f"stride {shape[6]}, pad {shape[7]}"))
    return cases


def _mask_cases(rng):
    return [Case((rng.normal(size=(2, 3)),)), Case((rng.normal(size=(3, 3)),)),
            Case((np.array([[1.0, 4.0], [4.0, -2.0]]),), "a tie: the gradient goes to the first maximum only")]


def _distribute_cases(rng):
    return [Case((2.0, (2, 2))), Case((float(rng.normal()), (3, 2)), "a window that is not square")]


def _pool_backward_cases(rng):
    cases = []
    for (m, n_H, n_W, n_C, f, stride), mode in [((2, 5, 5, 3, 2, 1), "max"), ((2, 5, 5, 3, 2, 1), "average"),
                                                ((1, 6, 7, 2, 3, 2), "max"), ((1, 7, 6, 2, 3, 2), "average")]:
        A_prev = rng.normal(size=(m, n_H, n_W, n_C))
        A, cache = reference.pool_forward(A_prev, {"f": f, "stride": stride}, mode)
        cases.append(Case((rng.normal(size=A.shape), cache, mode), f"{mode}, f {f}, stride {stride}"))
    return cases


def _check_conv_backward(function, rng):
    A_prev, W, b, hparameters = conv_inputs(rng, 2, 4, 5, 2, 3, 2, 2, 1)
    dZ = rng.normal(size=reference.conv_forward(A_prev, W, b, hparameters)[0].shape)
    result = function(dZ.copy(), (A_prev.copy(), W.copy(), b.copy(), dict(hparameters)))
    variables = {"dA_prev": A_prev, "dW": W, "db": b}
    approx = gradcheck.numerical_gradient(lambda: np.sum(dZ * reference.conv_forward(A_prev, W, b, hparameters)[0]),
                                          variables)
    got = dict(zip(variables, result)) if isinstance(result, tuple) and len(result) == 3 else {}
    return gradcheck.compare("conv_backward(dZ, cache)", got, approx)


def _check_pool_backward(function, rng):
    for mode in ("max", "average"):
        A_prev = rng.normal(size=(1, 5, 4, 2))  # continuous values: no ties, so max is differentiable
        hparameters = {"f": 2, "stride": 2}
        dA = rng.normal(size=reference.pool_forward(A_prev, hparameters, mode)[0].shape)
        got = function(dA.copy(), (A_prev.copy(), dict(hparameters)), mode)
        approx = gradcheck.numerical_gradient(
            lambda: np.sum(dA * reference.pool_forward(A_prev, hparameters, mode)[0]), {"dA_prev": A_prev})
        message = gradcheck.compare(f"pool_backward(dA, cache, {mode!r})", {"dA_prev": got}, approx)
        if message:
            return message
    return None


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("zero_pad", reference.zero_pad, _pad_cases, rtol=0, atol=0),
    Exercise("conv_single_step", reference.conv_single_step, _single_step_cases),
    Exercise("conv_forward", reference.conv_forward, _conv_forward_cases, calls=("zero_pad", "conv_single_step")),
    Exercise("pool_forward", reference.pool_forward, _pool_forward_cases),
    Exercise("conv_backward", reference.conv_backward, _conv_backward_cases, calls=("zero_pad",),
             checks=(_check_conv_backward,)),
    Exercise("create_mask_from_window", reference.create_mask_from_window, _mask_cases, rtol=0, atol=0),
    Exercise("distribute_value", reference.distribute_value, _distribute_cases),
    Exercise("pool_backward", reference.pool_backward, _pool_backward_cases,
             calls=("create_mask_from_window", "distribute_value"), checks=(_check_pool_backward,)),
]}

grade = grader(EXERCISES, MISTAKES)

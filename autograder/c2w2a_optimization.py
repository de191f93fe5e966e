"""Hidden tests of assignment c2w2a (optimization methods).

Every exercise is compared with :mod:`solutions.c2w2a_optimization` on random networks of
several depths; updates run for several steps in a row (so that the state carried in ``v``
and ``s`` and the step count ``t`` matter), and no argument may be modified.
"""
import numpy as np

from solutions import c2w2a_optimization as reference

from .core import Case, Exercise, grader
from .mistakes.c2w2a_optimization import MISTAKES


def network(rng, dims):
    """Random parameters and gradients of a network with ``dims``."""
    parameters, grads = {}, {}
    for l in range(1, len(dims)):
        for name, shape in ((f"W{l}", (dims[l], dims[l - 1])), (f"b{l}", (dims[l], 1))):
            parameters[name] = rng.normal(size=shape)
            grads["d" + name] = rng.normal(size=shape)
    return parameters, grads


def moments(rng, parameters):
    return {"d" + k: rng.normal(size=v.shape) for k, v in parameters.items()}


def _gd_cases(rng):
    return [Case(network(rng, [3, 2, 1]) + (0.01,)), Case(network(rng, [4, 5, 3, 1]) + (0.3,), "three layers")]


def _mini_batch_cases(rng):
    cases = []
    for n_x, m, size in [(3, 148, 64), (2, 20, 5), (4, 7, 10)]:
        X = rng.normal(size=(n_x, m))
        Y = (rng.uniform(size=(1, m)) < 0.5).astype(float)
        note = {148: "the last mini-batch is partial", 20: "m is a multiple of the size", 7: "one partial batch"}[m]
        cases.append(Case((X, Y, size, int(rng.integers(1000))), note))
    X = np.arange(12.0).reshape(2, 6)
    cases.append(Case((X, X[:1] * 10, 4, 3), "labels equal 10 times X's first row: they must stay paired"))
    return cases


def _initialize_cases(rng):
    return [Case((network(rng, [3, 2, 1])[0],)), Case((network(rng, [4, 5, 3, 1])[0],), "three layers")]


def _momentum_cases(rng):
    cases = []
    for dims, beta in [([3, 2, 1], 0.9), ([4, 5, 3, 1], 0.5)]:
        parameters, grads = network(rng, dims)
        cases.append(Case((parameters, grads, moments(rng, parameters), beta, 0.01)))
    return cases


def _adam_cases(rng):
    cases = []
    for dims, t in [([3, 2, 1], 2), ([4, 5, 3, 1], 1), ([2, 3, 1], 10)]:
        parameters, grads = network(rng, dims)
        s = {k: np.abs(v) for k, v in moments(rng, parameters).items()}
        cases.append(Case((parameters, grads, moments(rng, parameters), s, t, 0.02, 0.8, 0.7, 1e-8),
                          f"step t = {t}"))
    parameters, grads = network(rng, [3, 2, 1])
    s = {k: np.abs(v) for k, v in moments(rng, parameters).items()}
    cases.append(Case((parameters, grads, moments(rng, parameters), s, 3, 0.01, 0.9, 0.999, 0.5),
                      "a large epsilon, where its place in the formula shows"))
    return cases


def _lr_cases(rng):
    return [Case((0.5, 2, 1.0)), Case((float(rng.uniform(0.01, 1)), int(rng.integers(1, 100)), 0.3)),
            Case((0.5, 0, 1.0), "epoch 0: no decay yet")]


def _schedule_cases(rng):
    return [Case((0.5, 100, 1, 10)), Case((0.5, 999, 1.0), "epoch 999 with the default interval: not decayed yet"),
            Case((0.3, 2500, 0.5, 1000)), Case((float(rng.uniform(0.01, 1)), int(rng.integers(0, 5000)), 0.3, 500))]


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("update_parameters_with_gd", reference.update_parameters_with_gd, _gd_cases),
    Exercise("random_mini_batches", reference.random_mini_batches, _mini_batch_cases, rtol=0, atol=0),
    Exercise("initialize_velocity", reference.initialize_velocity, _initialize_cases, rtol=0, atol=0),
    Exercise("update_parameters_with_momentum", reference.update_parameters_with_momentum, _momentum_cases),
    Exercise("initialize_adam", reference.initialize_adam, _initialize_cases, rtol=0, atol=0,
             calls=("initialize_velocity",)),
    Exercise("update_parameters_with_adam", reference.update_parameters_with_adam, _adam_cases),
    Exercise("update_lr", reference.update_lr, _lr_cases),
    Exercise("schedule_lr_decay", reference.schedule_lr_decay, _schedule_cases),
]}

grade = grader(EXERCISES, MISTAKES)

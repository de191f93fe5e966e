"""Hidden tests of assignment c2w1c (gradient checking).

The 1-D functions are compared with :mod:`solutions.c2w1c_gradient_checking`; the relative
differences returned by the checks are compared too (they are made of round-off, so any
centred-difference implementation reproduces them to a few digits, while a one-sided
difference does not). The threshold logic is checked both ways: a correct gradient must be
reported as correct, a wrong one as a mistake.
"""
import numpy as np

from solutions import c2w1c_gradient_checking as reference
from solutions import gradient_checking

from .core import Case, Exercise, grader
from .mistakes.c2w1c_gradient_checking import MISTAKES

#: A network whose output saturates on a wrong label (a3 = 1 - 2e-7 where y = 0): a cost computed
#: from A3 made its correct gradient differ by 2e-4 from the centred differences; the stable cost
#: of gc_utils makes it round-off, like any other network's.
SATURATED_SEED = 199


def network(seed, dims=(4, 5, 3, 1), m=3):
    """Parameters, inputs X (4, m), labels Y (1, m) and the correct gradients of a random network."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(dims[0], m))
    Y = np.array([[1.0, 1.0, 0.0]])[:, :m]
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.normal(size=(dims[l], 1))
    _, cache = gradient_checking.forward_propagation_n(X, Y, parameters)
    return parameters, gradient_checking.backward_propagation_n(X, Y, cache), X, Y


def with_bug(gradients):
    """The gradients with dW2 doubled, a bug a gradient check must report."""
    wrong = dict(gradients)
    wrong["dW2"] = gradients["dW2"] * 2
    return wrong


def _scalar_cases(rng):
    return [Case((2.0, 4.0)), Case((float(rng.normal()), float(rng.normal()))), Case((-3.5, 0.0), "theta = 0")]


def _gradient_check_cases(rng):
    return [Case((2.0, 4.0)), Case((float(rng.uniform(1, 5)), float(rng.normal())), ""),
            Case((3.0, -2.0, 1e-4), "another epsilon")]


def _gradient_check_n_cases(rng):
    parameters, gradients, X, Y = network(0)
    return [Case((parameters, gradients, X, Y)),
            Case((parameters, with_bug(gradients), X, Y), "dW2 doubled: a wrong gradient"),
            Case(network(SATURATED_SEED), "a network whose output saturates on a wrong label")]


def printed_verdict(function, args, broken_backward=False):
    """Harness: what ``function(*args, print_msg=True)`` prints, optionally with a wrong
    ``backward_propagation`` (twice the right derivative) in its globals."""
    import contextlib
    import io
    import types

    from coursekit.checks import rebind

    if broken_backward and isinstance(function, types.FunctionType):
        function = rebind(function, {"backward_propagation": lambda x, theta: 2 * x})
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        function(*args, print_msg=True)
    return output.getvalue()


def _verdicts(call, right, wrong):
    """A message unless ``right()`` prints that the gradient works and ``wrong()`` that it has a mistake."""
    for what, run, expected in [("a correct gradient", right, "works perfectly fine"),
                                ("a wrong gradient", wrong, "mistake in the backward propagation")]:
        printed = run()
        if not isinstance(printed, str) or expected not in printed:
            return (f"{call} with print_msg=True should print \"...{expected}...\" for {what}, but printed: "
                    f"{str(printed).strip()[:300] or 'nothing'}. Compare the difference with the threshold, "
                    f"{reference.THRESHOLD:g}: above it is a mistake.")
    return None


def _check_gradient_check_verdicts(function, rng):
    """gradient_check reports a right backward_propagation as right and a wrong one as a mistake."""
    return _verdicts("gradient_check(x, theta)", lambda: function.call(((2.0, 4.0),), printed_verdict)[0],
                     lambda: function.call(((2.0, 4.0), True), printed_verdict)[0])


def _check_gradient_check_n_verdicts(function, rng):
    """gradient_check_n reports a correct gradient as right and dW2 doubled as a mistake."""
    parameters, gradients, X, Y = network(SATURATED_SEED)
    return _verdicts("gradient_check_n(parameters, gradients, X, Y)",
                     lambda: function.call(((parameters, gradients, X, Y),), printed_verdict)[0],
                     lambda: function.call(((parameters, with_bug(gradients), X, Y),), printed_verdict)[0])


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("forward_propagation", reference.forward_propagation, _scalar_cases),
    Exercise("backward_propagation", reference.backward_propagation, _scalar_cases),
    Exercise("gradient_check", reference.gradient_check, _gradient_check_cases, rtol=1e-3, atol=1e-15,
             calls=("forward_propagation", "backward_propagation"), checks=(_check_gradient_check_verdicts,)),
    Exercise("gradient_check_n", reference.gradient_check_n, _gradient_check_n_cases, rtol=1e-2, atol=1e-14,
             calls=("forward_propagation_n", "dictionary_to_vector", "vector_to_dictionary", "gradients_to_vector"),
             checks=(_check_gradient_check_n_verdicts,)),
]}

grade = grader(EXERCISES, MISTAKES)

"""The machinery of the hidden tests: run a student's function and the reference on the same
randomized inputs, and explain any difference in plain words.

An assignment module (e.g. :mod:`autograder.c1w2a_numpy_basics`) declares one
:class:`Exercise` per graded function: the reference, a generator of test cases, tolerances.
Its known typical mistakes live in :mod:`autograder.mistakes`; when a student's output matches
one of them, the failure message names the mistake.
"""
import ast
import copy
import functools
import inspect
import re
import sys
import textwrap
import types
import warnings
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from coursekit.checks import describe_difference, find_mutation, format_value, rebind, record_result
from coursekit.classic import GLOBAL_RANDOM, GlobalRandomWatch, draws_its_randomness, explain_error

__all__ = ["Case", "Exercise", "GradingError", "Mistake", "MistakeCatalogue", "grade_exercise", "grader", "rebind"]


class GradingError(AssertionError):
    """A hidden test failed. The message says which input failed and how, in plain words."""


@dataclass(frozen=True)
class Case:
    """One call of the graded function.

    Attributes
    ----------
    args : tuple
        Positional arguments; copied before every call, so no function sees another's changes.
    note : str
        What is special about this input ("large |x|: exp would overflow"), shown on failure.
    """

    args: tuple
    note: str = ""


@dataclass(frozen=True)
class Mistake:
    """A typical wrong implementation of an exercise, and how to explain it to a student.

    Attributes
    ----------
    exercise : str
        The graded function's name.
    explanation : str
        One or two sentences naming the mistake and the fix.
    implementation : callable
        A function with the exercise's signature that makes exactly this mistake.
    """

    exercise: str
    explanation: str
    implementation: Callable

    def as_student_code(self):
        """The wrong implementation as a student would write it: a ``def`` named like the exercise.

        Returns
        -------
        code : str
            Source code, without the registering decorator, with the function renamed to
            :attr:`exercise`. Tests paste it into a notebook to make a wrong submission.
        """
        source = textwrap.dedent(inspect.getsource(self.implementation))
        definition = ast.parse(source).body[0]  # its lineno is the `def` line, after any decorator
        code = "\n".join(source.splitlines()[definition.lineno - 1:]) + "\n"
        return re.sub(r"^def \w+\(", f"def {self.exercise}(", code, count=1)


class MistakeCatalogue:
    """The typical mistakes of one assignment, registered with the :meth:`add` decorator."""

    def __init__(self):
        self._mistakes = []

    def add(self, exercise, explanation):
        """Register the decorated function as a typical mistake in ``exercise``.

        Parameters
        ----------
        exercise : str
            The graded function's name.
        explanation : str
            What a student reads when their output matches this mistake.
        """
        def register(function):
            self._mistakes.append(Mistake(exercise, explanation, function))
            return function
        return register

    def include(self, other, exercise):
        """Also register ``other``'s mistakes in ``exercise`` (an exercise repeated from an earlier assignment)."""
        self._mistakes.extend(other.for_exercise(exercise))

    def for_exercise(self, exercise):
        """list of Mistake: the registered mistakes of one exercise, in registration order."""
        return [m for m in self._mistakes if m.exercise == exercise]

    def __iter__(self):
        return iter(list(self._mistakes))

    def __len__(self):
        return len(self._mistakes)


@dataclass(frozen=True)
class Exercise:
    """A graded function: its reference, the inputs to test it on, and the tolerances.

    Attributes
    ----------
    name : str
        The function's name in the notebook.
    reference : callable
        The reference implementation from :mod:`solutions`.
    cases : callable
        ``cases(rng) -> list of Case``: fixed small cases first, then random ones, then edge
        values; the first failing case is the one reported.
    rtol, atol : float
        Tolerances of the comparison.
    arg_names : tuple of str, optional
        Argument names for messages; default the reference's parameter names.
    calls : tuple of str
        Other exercises this function calls by name. While it is graded, those names refer to
        the reference implementations, so a mistake in a helper costs the helper's points only.
    checks : tuple of callable
        ``check(function, rng) -> str or None``: properties checked after the comparison with
        the reference, e.g. a numerical gradient check of a backward pass; a str is a failure.
    harness : callable, optional
        ``harness(function, *args) -> value`` runs the function on a case and returns what is
        compared, when a call alone does not give a comparable value: a Keras model builder is
        compared through its layer description (:func:`autograder.harnesses.architecture_of`),
        ``train_step`` runs with the grader's own model and optimizer. The reference and the
        mistakes run through it here; the student's function runs through it in the student's
        kernel, which receives its source (so a harness imports what it uses inside its body,
        from coursekit, numpy or TensorFlow only, and returns plain values).
    """

    name: str
    reference: Callable
    cases: Callable
    rtol: float = 1e-6
    atol: float = 1e-8
    arg_names: tuple = field(default=None)
    calls: tuple = ()
    checks: tuple = ()
    harness: Callable = None

    def parameter_names(self, count):
        names = list(self.arg_names or inspect.signature(self.reference).parameters)
        return (names + [f"arg{i}" for i in range(len(names), count)])[:count]


def grader(exercises, mistakes):
    """The ``grade(name, function, seed=None)`` function of an assignment's hidden tests.

    Parameters
    ----------
    exercises : dict of str -> Exercise
    mistakes : MistakeCatalogue

    Returns
    -------
    grade : callable
        ``grade(name, function, seed=None, trusted=False)`` raises :class:`GradingError` unless
        ``function`` agrees with the reference of exercise ``name`` on every case; ``seed``
        (default fixed per exercise, so regrading is reproducible) chooses the random inputs.
        A function that uses the course's own code, or a notebook that replaced a function of
        numpy or of the grader, gets a message starting with :data:`FLAG` (``trusted=True``
        skips that check, for the course's own tests of its reference and mistakes).
    """
    def grade(name, function, seed=None, trusted=False):
        # The failure is raised from this frame, not the one that found it, so that the student's
        # traceback ends in one short frame of the grader followed by the message.
        __tracebackhide__ = True  # and IPython hides this frame when an unexpected error passes through
        try:
            _grade(name, function, seed, trusted)
        except GradingError as error:
            failure = error.with_traceback(None)
        except KeyboardInterrupt:
            failure = GradingError(interrupted(name))
        else:
            return
        # What is wrong, and on which input, is in the message below.
        raise failure from None

    def _grade(name, function, seed, trusted):
        if name not in exercises:
            raise KeyError(f"no exercise {name!r}; this assignment grades {sorted(exercises)}")
        # A function in this process (the instructors' own runs) must not be the course's code; a
        # function in a sandboxed kernel (autograder.trusted) cannot reach it at all.
        problem = None if trusted or is_remote(function) else (borrowed_code(name, function) or tampering())
        if problem:
            record_result(name, False)
            raise GradingError(f"{FLAG} {problem} No credit for {name}.")
        grade_exercise(exercises[name], function, mistakes.for_exercise(name), seed=seed)
    grade.__doc__ = grader.__doc__.split("Returns")[0].strip().replace("The ``grade", "Hidden test: ``grade")
    return grade


#: Starts the message of a submission that used the course's own code or changed the grader's;
#: the grading report looks for it to flag the submission.
FLAG = "Not graded: integrity check."

#: The instructors' packages: a submission may not use them.
INSTRUCTOR_PACKAGES = ("solutions", "autograder", "coursebuild")


def _instructor_origin(value):
    """The instructors' module that ``value`` (a module, function or class) comes from, or None."""
    if isinstance(value, types.ModuleType):
        module = value.__name__
    else:
        module = getattr(value, "__module__", None)
    if isinstance(module, str) and module.split(".")[0] in INSTRUCTOR_PACKAGES:
        return module
    code = getattr(value, "__code__", None)
    if code is not None and any(Path(code.co_filename).resolve().is_relative_to(folder)
                                for folder in _instructor_folders()):
        return code.co_filename  # loaded from the instructors' files under another name
    return None


@functools.lru_cache(maxsize=1)
def _instructor_folders():
    """The folders of the instructors' packages that this Python can import."""
    import importlib.util

    folders = []
    for package in INSTRUCTOR_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            folders += [Path(location).resolve() for location in spec.submodule_search_locations]
    return tuple(folders)


def _names(code):
    """Every global name a code object (and the functions nested in it) refers to."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _names(constant)
    return names


def _from_notebook(value):
    """True if ``value`` is a function defined in the notebook (a cell, or exec'd text)."""
    code = getattr(value, "__code__", None)
    return code is not None and ("ipykernel_" in code.co_filename or code.co_filename.startswith("<"))


def borrowed_code(name, function):
    """Why ``function`` is not the student's own work, or None.

    It must not be, wrap or call the course's reference or grader (``solutions``,
    ``autograder``), imported or loaded from their files.
    """
    python = getattr(function, "python_function", function)  # the function inside @tf.function
    origin = _instructor_origin(python)
    if origin:
        return f"{name} comes from {origin}, the course's own code; a submission must define its own {name}."
    if isinstance(python, types.FunctionType):
        namespace = python.__globals__
        for used in sorted(_names(python.__code__)):
            origin = _instructor_origin(namespace.get(used))
            if origin:
                return f"{name} uses {used} from {origin}, the course's own code; a submission may not use it."
    return None


def tampering():
    """Which of the grader's tools the notebook has replaced (numpy, coursekit.checks, autograder), or None.

    A function that a notebook cell assigned into numpy or into the grader's modules would let
    any answer pass; none of those modules holds a function defined in a notebook otherwise.
    """
    modules = [np, np.testing, sys.modules.get("coursekit.checks")]
    modules += [module for name, module in list(sys.modules.items()) if name.split(".")[0] == "autograder"]
    for module in filter(None, modules):
        for attribute, value in list(vars(module).items()):
            if _from_notebook(value):
                return (f"{module.__name__}.{attribute} was replaced by the notebook; grading cannot trust "
                        f"its checks. Remove the cell that assigns it.")
    return None


def stable_seed(name):
    """int: a seed derived from a name, the same on every machine and every run."""
    return zlib.crc32(name.encode("utf-8"))


def _call_quietly(function, args):
    """Call ``function(*args)`` with numpy's floating-point warnings silenced.

    Overflow in ``exp`` is part of what some cases test; a warning would only clutter the
    feedback, and the value it produces (inf or NaN) is judged by the comparison. ``args`` is
    passed as is: copy it first if the caller's values must survive the call.
    """
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args)


def interrupted(name):
    """The message for a call of ``name`` that was interrupted (by hand, or by the autograder's time limit)."""
    return (f"{name} was interrupted before it finished: the autograder stops a cell that runs past its time "
            f"limit. Does a loop in {name} never end (a counter that is never increased, a condition that stays "
            f"true), or does it loop in Python where numpy could work on the whole array at once?")


def with_reference_helpers(function, exercise):
    """``function`` with the names in ``exercise.calls`` bound to the reference implementations.

    A student's composite function (``nn_model``) finds its helpers (``forward_propagation``)
    among the notebook's globals. Grading a copy whose globals hold the reference helpers
    instead judges the composite on its own code. Anything that is not a plain Python function
    is returned as is.
    """
    if not exercise.calls or not isinstance(function, types.FunctionType):
        return function
    library = sys.modules[exercise.reference.__module__]
    return rebind(function, {name: getattr(library, name) for name in exercise.calls})


class Local:
    """A function that runs in this process: the reference, a typical mistake, or a student's
    function in the instructors' own runs of a notebook (:mod:`autograder.trusted` has the remote
    twin, a student's function in a sandboxed kernel)."""

    def __init__(self, function):
        self.function = function
        self.used_global_random = False  # whether the last call seeded or drew from numpy's global generator

    def call(self, args, harness=None):
        """``(result, args)``: the result on a copy of ``args`` (through ``harness`` if given), and
        that copy after the call (to see whether the function changed its arguments)."""
        args = copy.deepcopy(args)
        watch = GlobalRandomWatch()
        try:
            with watch:
                if harness is None:
                    return _call_quietly(self.function, args), args
                return _call_quietly(harness, (self.function, *args)), args
        finally:
            self.used_global_random = watch.used

    def __call__(self, *args):
        return self.function(*args)


def is_remote(function):
    """True for a student's function that runs in a sandboxed kernel (autograder.trusted.Remote)."""
    return hasattr(function, "remote_exercise")


def error_name(error):
    """The name of an exception's type, also for one raised in the student's kernel."""
    return getattr(error, "type_name", type(error).__name__)


def _diagnose(got, raised, case, mistakes, exercise, args_after=None):
    """The explanation of the first known mistake that reproduces the student's result, or None.

    With ``args_after`` (the arguments after the student's call, which changed one of them), a
    mistake must also leave the arguments so: a right result that changed an argument would match
    every mistake whose values are right too.
    """
    for mistake in mistakes:
        try:
            wrong, wrong_after = Local(mistake.implementation).call(case.args, exercise.harness)
        except Exception as error:  # noqa: BLE001 - a mistake may well crash; that is its signature
            if raised is not None and type(error).__name__ == error_name(raised) and str(error) == str(raised):
                return mistake.explanation
            continue
        if raised is None and describe_difference(got, wrong, rtol=exercise.rtol, atol=exercise.atol) is None and (
                args_after is None or describe_difference(list(args_after), list(wrong_after), rtol=exercise.rtol,
                                                          atol=exercise.atol) is None):
            return mistake.explanation
    return None


def grade_exercise(exercise, function, mistakes=(), seed=None):
    """Compare ``function`` with the exercise's reference on every case; raise on the first failure.

    Parameters
    ----------
    exercise : Exercise
    function : callable
        The student's implementation: a function in this process, or the remote handle of one
        in a sandboxed kernel (:class:`autograder.trusted.Remote`).
    mistakes : sequence of Mistake
        Known wrong implementations; a matching one is named in the failure message.
    seed : int, optional
        Seed of the random inputs. Default: derived from the exercise's name, so that grading
        the same submission twice gives the same result.

    Raises
    ------
    GradingError
        Naming the input that failed, how the result differs, and the likely mistake.
    """
    record_result(exercise.name, False)  # until every case has passed
    if not callable(function):
        raise GradingError(f"{exercise.name} should be a function, but it is {format_value(function)}.")
    subject = function if is_remote(function) else Local(with_reference_helpers(function, exercise))
    rng = np.random.default_rng(stable_seed(exercise.name) if seed is None else seed)
    for case in exercise.cases(rng):
        _grade_case(exercise, subject, case, mistakes)
    for check in exercise.checks:
        message = _run_check(check, subject, exercise)
        if message:
            diagnosis = next((m.explanation for m in mistakes
                              if _run_check(check, Local(m.implementation), exercise) == message), None)
            raise GradingError(message + (f"\nLikely mistake: {diagnosis}" if diagnosis else ""))
    record_result(exercise.name, True)


def _parameters(function):
    """str: ``function``'s parameters as a student reads them (a default that is not a plain value shows as ...)."""
    plain = (int, float, str, bool, type(None), tuple)
    parts = []
    for parameter in inspect.signature(function).parameters.values():
        if parameter.default is inspect.Parameter.empty:
            parts.append(parameter.name)
        else:
            default = parameter.default
            parts.append(f"{parameter.name}={default!r}" if isinstance(default, plain) else f"{parameter.name}=...")
    return ", ".join(parts)


@functools.lru_cache(maxsize=None)
def signatures(exercise):
    """dict: name -> how this course calls it, for the graded function and every function its
    reference module offers or imports (the helpers a student's function may call)."""
    library = sys.modules[exercise.reference.__module__]
    found = {}
    for name, value in [*vars(library).items(), (exercise.name, exercise.reference)]:
        if inspect.isfunction(value) and not name.startswith("_"):
            try:
                found[name] = f"{name}({_parameters(value)})"
            except (TypeError, ValueError):
                continue
    return found


def _run_check(check, subject, exercise):
    """Run one property check with its own fixed seed, so a known mistake reproduces its message.

    ``subject`` is a :class:`Local` or a remote function: call it, or use its ``call(args, harness)``.
    """
    rng = np.random.default_rng(stable_seed(f"{exercise.name}:{getattr(check, '__name__', 'check')}"))
    with np.errstate(all="ignore"):
        try:
            return check(subject, rng)
        except KeyboardInterrupt:
            raise
        except Exception as error:  # noqa: BLE001 - a crash inside the check is the student's code failing
            hint = explain_error(error_name(error), str(error), signatures(exercise))
            return (f"{exercise.name} raised {error_name(error)}: {error} during a property check"
                    + (f"\nLikely mistake: {hint}" if hint else ""))


def _grade_case(exercise, subject, case, mistakes):
    """Raise :class:`GradingError` unless ``subject`` agrees with the reference on ``case``."""
    names = exercise.parameter_names(len(case.args))
    call = f"{exercise.name}({', '.join(names)})"
    inputs = "\n".join(f"  {n} = {format_value(a)}" for n, a in zip(names, case.args))
    if case.note:
        inputs += f"\n  ({case.note})"
    expected, _ = Local(exercise.reference).call(case.args, exercise.harness)
    got, raised, args = None, None, case.args
    try:
        got, args = subject.call(case.args, exercise.harness)
    except KeyboardInterrupt:
        raise
    except Exception as error:  # noqa: BLE001 - any crash of student code is a finding to report
        if error_name(error) == "NotImplementedError":
            raise GradingError(f"{exercise.name} is not implemented: it still raises NotImplementedError.") from None
        raised = error
        message = f"{call} raised {error_name(error)}: {error}"
    mutation = None
    if raised is None:
        message = describe_difference(got, expected, rtol=exercise.rtol, atol=exercise.atol, what=call)
        if message is None:
            mutation = find_mutation(call, names, case.args, args)
            message = mutation and mutation[0]
    if message is None:
        return
    diagnosis = _diagnose(got, raised, case, mistakes, exercise, args if mutation else None)
    if diagnosis is None and mutation:
        diagnosis = mutation[1]
    if diagnosis is None and raised is not None:
        diagnosis = explain_error(error_name(raised), str(raised), signatures(exercise))
    if (diagnosis is None and raised is None and getattr(subject, "used_global_random", False)
            and draws_its_randomness(exercise.reference)):
        diagnosis = GLOBAL_RANDOM
    text = f"{message}\nwhen called with\n{inputs}"
    if raised is None and f"expected: {format_value(expected)}" not in message:
        # Said once: a difference in values already shows the expected array beside the result.
        text += f"\n  expected result: {format_value(expected)}"
    if diagnosis:
        text += f"\nLikely mistake: {diagnosis}"
    raise GradingError(text)

"""Comparing a student's answer with an expected one, and saying in plain words how they differ.

This is the one place where the course decides whether two answers agree. The visible tests
in the notebooks call :func:`expect`; the hidden tests (instructors' ``autograder`` package)
call :func:`describe_difference` on randomized inputs. Both therefore explain a difference
the same way: which input, what was expected, what came back, and how (type, shape, dtype,
NaN, values).

Nothing here knows the answer to any exercise: expected values always come from the caller.
"""
import copy
import numbers
import sys
import traceback
import types
import warnings

import numpy as np

from coursekit.classic import GLOBAL_RANDOM, GlobalRandomWatch, draws_its_randomness, explain_error, install

__all__ = ["CheckFailure", "describe_difference", "describe_mutation", "expect", "find_mutation", "format_value",
           "record_result", "failing", "failing_helpers", "rebind"]

# A student function that returns something this large is not an answer to any exercise of
# the course; refuse to compare it element by element (that could take minutes or memory).
MAX_ELEMENTS = 10_000_000


class CheckFailure(AssertionError):
    """A check found a wrong answer. The message says what was wrong, in plain words."""


# The exercises whose latest check in this kernel failed. A check of a function that calls one
# of them is skipped with a note instead of failing: one mistake should cost one exercise, and
# the student should fix the helper first. The hidden tests grade a composite function with the
# reference helpers, so its points depend on its own code only.
_FAILING = set()


def record_result(name, passed):
    """Remember whether the latest check of exercise ``name`` passed (see :func:`failing`)."""
    if passed:
        _FAILING.discard(name)
    else:
        _FAILING.add(name)


def failing(names):
    """list of str: those of ``names`` whose latest check in this kernel failed, or that the
    notebook does not define (a syntax error in its cell, or a cell not run)."""
    return [name for name in names if name in _FAILING or not _defined_in_notebook(name)]


def failing_helpers(function):
    """list of str: the functions ``function`` calls, directly or through others, whose latest
    check in this kernel failed.

    Found from the global names the code uses (a wrong ``propagate`` called by ``model`` is
    found without ``model``'s check having to declare it), so one mistake costs one exercise.
    """
    seen, broken, todo = {getattr(function, "__name__", None)}, [], [function]  # its own failure is no excuse
    while todo:
        current = todo.pop()
        code = getattr(current, "__code__", None)
        namespace = getattr(current, "__globals__", None)
        if code is None or namespace is None:
            continue
        codes = [code]
        while codes:  # the function's own code and the code of functions nested in it
            code = codes.pop()
            codes += [c for c in code.co_consts if isinstance(c, types.CodeType)]
            for name in code.co_names:
                helper = namespace.get(name)
                if name in seen or not isinstance(helper, types.FunctionType):
                    continue
                seen.add(name)
                if name in _FAILING:
                    broken.append(name)
                todo.append(helper)
    return sorted(broken)


def _defined_in_notebook(name):
    """False only in a notebook (IPython, whose namespace is ``__main__``'s) that lacks ``name``."""
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    return shell is None or name in shell.user_ns


def format_value(value, max_chars=400):
    """Short, readable text for a value that appears in a failure message.

    Parameters
    ----------
    value : object
        Anything: an array is shown with its shape and dtype.
    max_chars : int
        Longer text is cut in the middle.

    Returns
    -------
    text : str
    """
    if isinstance(value, np.ndarray):
        body = np.array2string(value, precision=6, threshold=20, edgeitems=3, suppress_small=False)
        text = f"{body}  (ndarray, shape {value.shape}, dtype {value.dtype})"
    else:
        text = f"{value!r}  ({type(value).__name__})"
    if len(text) > max_chars:
        half = max_chars // 2
        text = text[:half] + " ... " + text[-half:]
    return text


def _is_scalar(value):
    return isinstance(value, numbers.Number) or (isinstance(value, np.ndarray) and value.ndim == 0)


def _as_numpy(value):
    """A TensorFlow tensor or variable as a numpy array (compared by value); anything else as is."""
    if not isinstance(value, np.ndarray) and callable(getattr(value, "numpy", None)) and hasattr(value, "dtype"):
        return np.asarray(value.numpy())
    return value


def describe_difference(got, expected, *, rtol=1e-6, atol=1e-8, what="the result"):
    """Say how ``got`` differs from ``expected``, or return None if they agree.

    Parameters
    ----------
    got : object
        What the student's code returned.
    expected : float, ndarray, tuple, list or dict
        The expected answer. Tuples, lists and dicts are compared item by item.
    rtol, atol : float
        Tolerances of :func:`numpy.allclose`.
    what : str
        How to call the value in the message ("the result", "cache[1]", "grads['dW1']").

    Returns
    -------
    message : str or None
        None when ``got`` matches, else a plain-words description of the first difference.
    """
    got, expected = _as_numpy(got), _as_numpy(expected)
    if expected is None:  # e.g. the batch axis of a Keras shape, (None, 10)
        return None if got is None else f"{what} is {format_value(got)}, expected None."
    if isinstance(expected, str):
        return None if got == expected else f"{what} is {format_value(got)}, expected {expected!r}."
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return f"{what} should be a dict with keys {sorted(expected)}, but it is a {type(got).__name__}."
        missing = sorted(set(expected) - set(got))
        if missing:
            return f"{what} is missing the key(s) {missing}; expected keys {sorted(expected)}."
        for key in expected:
            message = describe_difference(got[key], expected[key], rtol=rtol, atol=atol, what=f"{what}[{key!r}]")
            if message:
                return message
        return None

    if isinstance(expected, (tuple, list)):
        if not isinstance(got, (tuple, list)):
            return (f"{what} should be a {type(expected).__name__} of {len(expected)} items, "
                    f"but it is a {type(got).__name__}.")
        if len(got) != len(expected):
            message = f"{what} should have {len(expected)} items, but it has {len(got)}."
            first = next((i for i, (g, e) in enumerate(zip(got, expected))
                          if describe_difference(g, e, rtol=rtol, atol=atol) is not None), min(len(got), len(expected)))
            if isinstance(expected, list) and first < len(expected):  # a list of lines: say where it starts to differ
                return message + (f" They first differ at item {first}: expected {format_value(expected[first])}, "
                                  f"got {format_value(got[first]) if first < len(got) else 'nothing'}.")
            return message
        for i, (g, e) in enumerate(zip(got, expected)):
            message = describe_difference(g, e, rtol=rtol, atol=atol, what=f"{what}[{i}]")
            if message:
                return message
        return None

    if _is_scalar(expected):
        return _describe_scalar_difference(got, expected, rtol=rtol, atol=atol, what=what)
    return _describe_array_difference(got, np.asarray(expected), rtol=rtol, atol=atol, what=what)


def _describe_scalar_difference(got, expected, *, rtol, atol, what):
    if isinstance(got, np.ndarray) and got.ndim > 0:
        return (f"{what} should be a single number, but it is an array of shape {got.shape}. "
                f"If it holds one value, turn it into a number (np.squeeze(x) or float(x)).")
    if isinstance(got, bool) or not _is_scalar(got):
        return f"{what} should be a number, but it is {format_value(got)}."
    got_f, expected_f = float(got), float(expected)
    if np.isnan(got_f) and np.isnan(expected_f):
        return None  # as for arrays (equal_nan): NaN is right where the expected answer is NaN
    if np.isnan(got_f) and not np.isnan(expected_f):
        return f"{what} is NaN, expected {expected_f!r}. Look for a division by zero, log(0) or an overflow in exp."
    if not np.isclose(got_f, expected_f, rtol=rtol, atol=atol):
        return f"{what} is {got_f!r}, expected {expected_f!r} (difference {got_f - expected_f:.3g})."
    return None


def _describe_array_difference(got, expected, *, rtol, atol, what):
    if not isinstance(got, np.ndarray):
        if _is_scalar(got) or isinstance(got, (list, tuple)):
            return (f"{what} should be a numpy array of shape {expected.shape}, but it is "
                    f"{format_value(got)}. Use numpy operations, which return arrays.")
        return f"{what} should be a numpy array of shape {expected.shape}, but it is {format_value(got)}."
    if got.size > MAX_ELEMENTS:
        return f"{what} has {got.size:,} elements (shape {got.shape}); expected shape {expected.shape}."
    if got.shape != expected.shape:
        hint = ""
        if got.shape == expected.shape[::-1] and got.ndim > 1:
            hint = " It looks transposed: check the order of the axes."
        elif got.size == expected.size:
            hint = " It has the right number of elements: check your reshape."
        elif got.ndim == expected.ndim - 1 or got.ndim == expected.ndim + 1:
            hint = " Check keepdims=True in sums and norms, and which axis you reduce over."
        return f"{what} has shape {got.shape}, expected {expected.shape}.{hint}"
    if got.dtype.kind not in "biufc":
        return f"{what} has dtype {got.dtype}, expected numbers ({expected.dtype})."
    # A dtype alone is not a mistake: labels 0/1 as int or bool, or zeros as int, are right answers.
    # When the values are wrong too, the dtype is often why, so it is named then.
    note = ""
    if expected.dtype.kind in "fc" and got.dtype.kind in "biu":
        note = (f"\n  It has dtype {got.dtype}, expected a floating-point array like {expected.dtype}: an integer "
                f"result usually means integer division or an int array filled in place.")
    elif expected.dtype.kind == "f" and got.dtype.kind == "f" and got.dtype.itemsize < expected.dtype.itemsize:
        note = (f"\n  It has dtype {got.dtype}, expected {expected.dtype}: {got.dtype} keeps about "
                f"{np.finfo(got.dtype).precision} significant digits, and a calculation in it can drift from the "
                f"{expected.dtype} answer. Compute in {expected.dtype} (numpy's default) unless the exercise says "
                f"otherwise.")
    got_f = got.astype(np.float64) if got.dtype.kind != "c" else got
    expected_f = expected.astype(np.float64) if expected.dtype.kind != "c" else expected
    bad_nan = np.isnan(got_f) & ~np.isnan(expected_f)
    if bad_nan.any():
        index = tuple(int(i) for i in np.argwhere(bad_nan)[0])
        return (f"{what} contains NaN ({int(bad_nan.sum())} of {got.size} values, first at index {index}) "
                f"where a number was expected. Look for a division by zero, log(0) or an overflow in exp.{note}")
    bad_inf = np.isinf(got_f) & ~np.isinf(expected_f)
    if bad_inf.any():
        index = tuple(int(i) for i in np.argwhere(bad_inf)[0])
        return (f"{what} contains inf ({int(bad_inf.sum())} of {got.size} values, first at index {index}); "
                f"an intermediate value overflowed.{note}")
    close = np.isclose(got_f, expected_f, rtol=rtol, atol=atol, equal_nan=True)
    if not close.all():
        diff = np.where(close, 0.0, np.abs(got_f - expected_f))
        index = np.unravel_index(int(np.argmax(diff)), diff.shape)
        index = tuple(int(i) for i in index)
        got_at, expected_at = got_f[index].item(), expected_f[index].item()  # plain numbers, not np.float64(...)
        return (f"{what} has the right shape {got.shape} but {int((~close).sum())} of {got.size} values are wrong.\n"
                f"  largest difference at index {index}: got {got_at!r}, expected {expected_at!r}\n"
                f"  got:      {format_value(got)}\n"
                f"  expected: {format_value(expected)}{note}")
    return None


def expect(function, args, expected, *, rtol=1e-6, atol=1e-8, arg_names=None, needs=(), view=None):
    """Call ``function(*args)`` and raise :class:`CheckFailure` unless it returns ``expected``.

    Used by the visible tests in the notebooks. The arguments are copied before the call, so a
    function that modifies its input in place is caught too.

    Parameters
    ----------
    function : callable
        The student's function.
    args : tuple
        Positional arguments for the call.
    expected : object
        The expected return value (see :func:`describe_difference`).
    rtol, atol : float
        Tolerances for the comparison.
    arg_names : sequence of str, optional
        Names of the arguments, for the message; default ``function``'s parameter names.
    needs : sequence of str
        The exercises ``function`` calls. If one of them failed its own check, or is not defined,
        this check is skipped with a note (the mistake is there, not here). The exercises it
        calls that failed their checks are also found without being listed
        (:func:`failing_helpers`).
    view : callable, optional
        Applied to the result before comparing (e.g. :func:`coursekit.models.architecture`).

    Raises
    ------
    CheckFailure
        With a message naming the call, the input, and how the result differs.
    """
    name = getattr(function, "__name__", "the function")
    broken = failing(needs) or failing_helpers(function)
    if broken:
        print(f"Not checking {name} yet: it calls {', '.join(broken)}, which failed its own test or is not "
              f"defined. Fix {broken[0]} first (and run its cell), then run this cell again.")
        return
    names = list(arg_names) if arg_names is not None else _parameter_names(function, len(args))
    original = copy.deepcopy(args)
    call = f"{name}({', '.join(names)})"
    inputs = "\n".join(f"  {n} = {format_value(a)}" for n, a in zip(names, args))
    record_result(name, False)  # until proven right: an interrupted or crashing call counts as failed
    # Warnings are caught, not printed: nbgrader scores a test cell zero when anything reaches
    # stderr, and 1 / (1 + np.exp(1000)) overflows on the way to the right answer, 0.
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with GlobalRandomWatch() as watch:
                got = function(*args)
            if view is not None:
                got = view(got)
    except NotImplementedError:
        raise CheckFailure(f"{name} is not implemented yet: replace `raise NotImplementedError()` "
                           f"with your code.") from None
    except KeyboardInterrupt:
        raise CheckFailure(f"{call} was interrupted before it returned. Does a loop in {name} never end?") from None
    except Exception as error:
        hint = explain_error(type(error).__name__, str(error))
        if hint is None:
            raise
        where = traceback.extract_tb(error.__traceback__)[-1]
        raise CheckFailure(f"{call} raised {type(error).__name__}: {error}\n  (in {where.name}, line {where.lineno}: "
                           f"{(where.line or '').strip()})\nLikely mistake: {hint}") from None
    warned = _warning_text(caught)
    message = describe_difference(got, expected, rtol=rtol, atol=atol, what=f"{call}") \
        or describe_mutation(call, names, original, args)
    if message is not None:
        global_random = watch.used and draws_its_randomness(function)
        raise CheckFailure(f"{message}\nwhen called with\n{inputs}"
                           + (f"\nOn the way it warned: {warned}" if warned else "")
                           + (f"\nLikely mistake: {GLOBAL_RANDOM}" if global_random else ""))
    if warned:
        print(f"Note: {call} warned ({warned}) but returned the right values; a warning costs no points.")
    record_result(name, True)


def _warning_text(caught, most=3):
    """The distinct messages of caught warnings, e.g. ``"RuntimeWarning: overflow encountered in exp"``."""
    texts = list(dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught))
    return "; ".join(texts[:most]) + (f"; and {len(texts) - most} more" if len(texts) > most else "")


def describe_mutation(call, names, before, after):
    """Say which argument a call changed in place, or return None if it changed none.

    Parameters
    ----------
    call : str
        The call as the message shows it, e.g. ``"softmax(x)"``.
    names : sequence of str
        The arguments' names.
    before : sequence
        Copies of the arguments taken before the call.
    after : sequence
        The arguments as they are after the call.

    Returns
    -------
    message : str or None
        What changed, then how to avoid it (:func:`find_mutation`'s two parts).
    """
    found = find_mutation(call, names, before, after)
    return None if found is None else " ".join(found)


def find_mutation(call, names, before, after):
    """``(what changed, how to avoid it)`` for the first argument a call changed in place, or None
    (the arguments as in :func:`describe_mutation`)."""
    for name, old, new in zip(names, before, after):
        if isinstance(old, (bool, numbers.Number, str, bytes, type(None), np.random.Generator)):
            continue  # immutable, or (a generator) meant to change when drawn from
        if not isinstance(old, (np.ndarray, dict, list, tuple)) and _as_numpy(old) is old:
            continue  # an object such as a Keras model: using it is not changing an argument
        if describe_difference(new, old, rtol=0, atol=0) is not None:
            if isinstance(old, dict):
                return (f"{call} changed the dictionary {name} it was given: after the call, the caller's {name} "
                        f"holds other values.",
                        f"{name}[key] = ... writes into the caller's dictionary, even with W = W - ... on the right, "
                        f"as in the classic notebooks. Start from a copy, {name} = copy.deepcopy({name}), and return it.")
            return (f"{call} changed its argument {name} in place.",
                    f"Work on a copy (np.array({name}, copy=True)) or build a new array instead.")
    return None


def rebind(function, names):
    """A copy of ``function`` whose global names in ``names`` (a dict) refer to other objects.

    The function's own globals are left alone, so the student's notebook is not changed. The
    grader uses it to run a function that calls helpers with other helpers in their place.
    """
    namespace = dict(function.__globals__)
    namespace.update(names)
    rebound = types.FunctionType(function.__code__, namespace, function.__name__,
                                 function.__defaults__, function.__closure__)
    rebound.__kwdefaults__ = function.__kwdefaults__
    return rebound


def _parameter_names(function, count):
    import inspect

    try:
        params = list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        params = []
    return (params + [f"arg{i}" for i in range(len(params), count)])[:count]


install()  # a notebook's NameErrors and TypeErrors say what to change, from its first cell on

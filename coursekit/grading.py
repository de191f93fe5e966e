"""The hidden tests' side in the student's kernel: hand a function to the course's grader.

A hidden test cell calls ``grade(assignment_id, name, function)``. While an instructor grades,
the kernel runs in a sandbox (:mod:`coursebuild.sandbox`) and the grader runs outside it
(:mod:`autograder.trusted`): this module connects to it through the Unix socket named by
``COURSE_GRADER``, then only answers its requests, calling ``function`` on the inputs it sends
and sending back what came out (:mod:`coursekit.wire`: data, never code), until the grader
sends its verdict. The verdict counts where the grader recorded it; what this kernel does with
it (a student could patch this module) changes no grade.

Without ``COURSE_GRADER`` (the instructors' own runs of a source notebook, with the course's
``autograder`` importable) the grading runs in this process.
"""
import os
import socket
import types
import warnings

import numpy as np

from . import wire
from .checks import record_result, rebind
from .classic import GlobalRandomWatch

#: The environment variable holding the grader's socket path.
ADDRESS = "COURSE_GRADER"


class GradingError(AssertionError):
    """The grader's verdict on a wrong answer: which input failed, how, and the likely mistake."""


def grade(assignment_id, name, function):
    """Hidden test: have the course's grader check ``function`` as exercise ``name``.

    Raises
    ------
    GradingError
        With the grader's explanation, unless the function passed every case.
    """
    __tracebackhide__ = True  # IPython hides this frame: the message is what matters
    address = os.environ.get(ADDRESS)
    if not address:
        import importlib

        try:
            hidden = importlib.import_module(f"autograder.{assignment_id}")
        except ImportError:
            raise GradingError("The hidden tests run only when your instructor grades the notebook.") from None
        return hidden.grade(name, function)
    verdict = _Connection(address).grade(name, function)
    record_result(name, verdict["passed"])
    if not verdict["passed"]:
        raise GradingError(verdict["message"]) from None


class _Connection:
    """One exercise's conversation with the grader."""

    def __init__(self, address):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.sock.connect(address)
        except OSError as error:
            raise GradingError(f"The course's grader could not be reached ({error}); this cell scores zero.") from None

    def grade(self, name, function):
        try:
            wire.send(self.sock, {"op": "grade", "exercise": name})
            while True:
                message, buffers = wire.receive(self.sock)
                op = message.get("op")
                if op == "verdict":
                    return {"passed": message.get("passed") is True, "message": str(message.get("message", ""))}
                if op == "call":
                    self._answer(function, message, buffers)
                else:
                    raise GradingError(f"unexpected message from the grader: {op!r}")
        finally:
            self.sock.close()

    def _answer(self, function, message, buffers):
        """Run one call the grader asked for and send back its result, its error or its interruption."""
        try:
            args = wire.decode(message["args"], buffers, build_models=True)
            target = function
            helpers = message.get("helpers") or []
            python = getattr(function, "python_function", function)
            if helpers and isinstance(python, types.FunctionType):
                target = rebind(python, {helper: self._stub(helper) for helper in helpers})
            harness = message.get("harness")
            if harness:
                namespace = {}
                exec(compile(harness["source"], "<grader harness>", "exec"), namespace)  # the grader's code
                call, args_to_pass = namespace[harness["name"]], (target, *args)
            else:
                call, args_to_pass = target, args
            with np.errstate(all="ignore"), warnings.catch_warnings(), GlobalRandomWatch() as watch:
                warnings.simplefilter("ignore")
                result = call(*args_to_pass)
            reply = {"op": "returned", "result": None, "args": None, "global_random": watch.used}
            values = [result, None if harness else list(args)]  # (a harness's arguments are not the student's)
        except KeyboardInterrupt:
            wire.send(self.sock, {"op": "interrupted"})
            return
        except BaseException as error:  # noqa: BLE001 - whatever the student's code raises is its result
            wire.send(self.sock, {"op": "raised", "type": _safe(lambda: type(error).__name__),
                                  "message": _safe(lambda: str(error))[:4000]})
            return
        header, buffers = wire.encode(values)
        reply["result"], reply["args"] = header[1][0], header[1][1]
        try:
            wire.send(self.sock, reply, buffers)
        except wire.WireError as error:
            wire.send(self.sock, {"op": "raised", "type": "ValueError", "message": f"its result is too large: {error}"})

    def _stub(self, helper):
        """A function that asks the grader for the reference ``helper``'s result on its arguments."""
        sock = self.sock

        def stub(*args, **kwargs):
            header, buffers = wire.encode([list(args), kwargs])
            wire.send(sock, {"op": "helper", "name": helper, "args": header}, buffers)
            message, buffers = wire.receive(sock)
            if message.get("op") != "helper_result":
                raise RuntimeError(str(message.get("message", f"the course's {helper} failed")))
            return wire.decode(message["result"], buffers, build_models=True)
        stub.__name__ = helper
        return stub


def _safe(text):
    try:
        return str(text())
    except Exception:  # noqa: BLE001 - a hostile __str__
        return "(unprintable)"


__all__ = ["GradingError", "grade"]

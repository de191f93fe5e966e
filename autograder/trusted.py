"""The course's grader outside the sandbox: it decides and records every verdict.

While ``nbgrader autograde`` runs a submission (:mod:`coursebuild.sandbox`), a :class:`Server`
listens on a Unix socket that the sandboxed kernel can reach. A hidden test in the kernel
(:func:`coursekit.grading.grade`) opens a connection and names an exercise; the server then runs
that exercise's hidden test (:func:`autograder.core.grade_exercise`) here, with the reference,
the cases and the comparison all on this side, calling the student's function through
:class:`Remote`: the inputs go to the kernel, the outputs come back as data
(:mod:`coursekit.wire`), never as code. The verdict is recorded here, per test cell, before it
is sent back; what the kernel does with the answer changes nothing.

The server accepts a grading request only from the test cell that grades that exercise, once
per cell; any other request is refused and flagged (it would let a submission probe the hidden
cases).
"""
import importlib
import inspect
import os
import socket
import sys
import textwrap
import threading
from dataclasses import dataclass, field

from coursekit import wire

from .core import FLAG, GradingError, grade_exercise, interrupted


class StudentError(Exception):
    """An exception raised by the student's code in the kernel: its type's name and message."""

    def __init__(self, type_name, message):
        super().__init__(message)
        self.type_name = type_name


class Interrupted(KeyboardInterrupt):
    """The student's function was interrupted in the kernel (the cell's time limit)."""


class Disconnected(GradingError):
    """The kernel stopped answering in the middle of a hidden test."""


def harness_source(harness):
    """str: the source of a harness function, as the kernel executes it."""
    return textwrap.dedent(inspect.getsource(harness))


class Remote:
    """The student's function ``exercise.name``, in the sandboxed kernel at the other end of ``conn``.

    Calls travel as data; while a call runs, the kernel may ask for the reference
    implementations of the exercises the function calls (``exercise.calls``), so that a mistake
    in a helper costs the helper's points only, as in :func:`autograder.core.with_reference_helpers`.
    """

    def __init__(self, conn, exercise):
        self.conn = conn
        self.exercise = exercise
        self.remote_exercise = exercise.name
        self.library = sys.modules[exercise.reference.__module__]
        self.used_global_random = False  # whether the last call seeded or drew from numpy's global generator

    def call(self, args, harness=None):
        """``(result, args_after)`` of the student's function on ``args`` (through ``harness``)."""
        self.used_global_random = False
        header, buffers = wire.encode(list(args))
        message = {"op": "call", "args": header, "helpers": list(self.exercise.calls)}
        if harness is not None:
            message["harness"] = {"name": harness.__name__, "source": harness_source(harness)}
        self._send(message, buffers)
        tensors = "tensorflow" in sys.modules
        while True:
            try:
                reply, buffers = wire.receive(self.conn)
            except (EOFError, OSError) as error:
                raise Disconnected(f"The kernel stopped answering while {self.exercise.name} ran ({error}).") from None
            op = reply.get("op")
            if op == "helper":
                self._helper(reply, buffers)
            elif op == "returned":
                self.used_global_random = reply.get("global_random") is True
                result, after = wire.decode(["list", [reply.get("result"), reply.get("args")]], buffers, tensors=tensors)
                if not (isinstance(after, list) and len(after) == len(args)):
                    after = list(args)
                return result, tuple(after)
            elif op == "raised":
                raise StudentError(str(reply.get("type", "Exception"))[:100], str(reply.get("message", ""))[:4000])
            elif op == "interrupted":
                raise Interrupted()
            else:
                raise wire.WireError(f"unexpected message {op!r}")

    def __call__(self, *args):
        return self.call(args)[0]

    def _helper(self, request, buffers):
        """Run the reference helper the kernel asked for; send back its result."""
        name = request.get("name")
        if name not in self.exercise.calls:
            self._send({"op": "helper_refused", "message": f"{name} is not a helper of {self.exercise.name}"})
            return
        try:
            args, kwargs = wire.decode(request.get("args"), buffers, tensors="tensorflow" in sys.modules)
            result = getattr(self.library, name)(*args, **{str(k): v for k, v in dict(kwargs).items()})
            header, out = wire.encode(result)
        except Exception as error:  # noqa: BLE001 - bad arguments from the student's code
            self._send({"op": "helper_raised", "message": f"{name} (the course's) raised {type(error).__name__}: {error}"})
            return
        self._send({"op": "helper_result", "result": header}, out)

    def _send(self, message, buffers=()):
        try:
            wire.send(self.conn, message, buffers)
        except OSError as error:
            raise Disconnected(f"The kernel stopped answering while {self.exercise.name} ran ({error}).") from None


@dataclass
class CellOutcome:
    """What the grader recorded while one cell ran."""

    grade_id: str = None
    expected: list = field(default_factory=list)  # the exercises this test cell grades
    verdicts: dict = field(default_factory=dict)  # exercise -> True / False
    refused: list = field(default_factory=list)  # why grading requests were refused (flagged)


class Server:
    """The grader's socket for one submission's kernel (a context manager).

    Parameters
    ----------
    assignment_id : str
        Its hidden tests come from ``autograder.<assignment_id>``.
    path : Path
        Where the Unix socket is created (a folder the sandbox shows the kernel).
    """

    def __init__(self, assignment_id, path):
        hidden = importlib.import_module(f"autograder.{assignment_id}")
        self.exercises = hidden.EXERCISES
        self.mistakes = hidden.MISTAKES
        self.assignment_id = assignment_id
        self.path = str(path)
        self.lock = threading.Lock()
        self.cell = CellOutcome()
        self.started = False
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.path)
        os.chmod(self.path, 0o666)  # the kernel runs as another user
        self.sock.listen(8)
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()

    def begin_cell(self, grade_id, exercises):
        """A cell starts: only a test cell (``grade_id``) may have ``exercises`` graded, once each."""
        with self.lock:
            self.cell = CellOutcome(grade_id, list(exercises))

    def end_cell(self):
        """CellOutcome: what was recorded while the cell ran."""
        with self.lock:
            outcome, self.cell = self.cell, CellOutcome()
            return outcome

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        with conn:
            try:
                request, _ = wire.receive(conn)
            except (EOFError, OSError, wire.WireError):
                return
            name = request.get("exercise") if isinstance(request, dict) else None
            with self.lock:
                cell = self.cell
                allowed = (request.get("op") == "grade" and isinstance(name, str) and name in cell.expected
                           and name not in cell.verdicts)
                if allowed:
                    cell.verdicts[name] = False  # until the hidden test passes
                else:
                    reason = (f"The notebook asked the grader to grade {str(name)[:80]!r} "
                              f"{'again ' if name in cell.verdicts else ''}outside the test cell that grades it. "
                              f"Only the hidden tests may call the grader; this request was refused.")
                    cell.refused.append(reason)
            if not allowed:
                self._verdict(conn, False, f"{FLAG} {reason}")
                return
            passed, message = self._grade(conn, name)
            with self.lock:
                cell.verdicts[name] = passed
            self._verdict(conn, passed, message)

    def _grade(self, conn, name):
        exercise = self.exercises[name]
        try:
            grade_exercise(exercise, Remote(conn, exercise), self.mistakes.for_exercise(name))
        except Interrupted:
            return False, interrupted(name)
        except GradingError as error:
            return False, str(error)
        except Exception as error:  # noqa: BLE001 - malformed answers from a hostile kernel
            return False, f"{name} could not be graded: {type(error).__name__}: {error}"
        return True, ""

    @staticmethod
    def _verdict(conn, passed, message):
        try:
            wire.send(conn, {"op": "verdict", "passed": passed, "message": message})
        except OSError:
            pass

"""Values between a student's sandboxed kernel and the course's grader, as data and never as code.

During grading the student's functions run in a sandbox, and the grader that decides the
verdict runs outside it. What crosses between them is encoded here: numbers, strings, lists,
tuples, dicts, numpy arrays and scalars, TensorFlow tensors (as arrays), numpy Generators (as
their state), and on the way in, Keras models (as their JSON configuration and weights) and a
few named objects of :mod:`coursekit`. Anything else a student's function returns is described
by its type and a short ``repr``, and compared as such. No pickle, no ``eval``: decoding only
ever builds plain values, so nothing a hostile kernel sends can run on the grader's side.

A message is one frame: a 4-byte length, a JSON header, then the raw bytes of every array
(:func:`send` and :func:`receive`).
"""
import json
import struct

import numpy as np

#: A frame larger than this is refused (a student function returning a huge array fails its case).
MAX_FRAME = 512 * 1024 * 1024

#: Nesting deeper than this is refused (lists in lists in ...).
MAX_DEPTH = 32

#: Array element kinds that cross: bool, signed and unsigned ints, floats, complex.
_KINDS = set("biufc")

#: Named objects of coursekit that the grader may send as arguments (built again in the kernel).
NAMED = {"SeededUniform": ("coursekit.models", "SeededUniform")}


class WireError(ValueError):
    """A frame could not be read as a value (too large, too deep, or not made by :func:`encode`)."""


class Opaque:
    """What the grader sees of a value that cannot cross: its type's name and a short repr."""

    def __init__(self, type_name, text):
        self.type_name, self.text = type_name, text

    def __repr__(self):
        return f"<{self.type_name}: {self.text}>"

    def __eq__(self, other):
        return isinstance(other, Opaque) and (self.type_name, self.text) == (other.type_name, other.text)

    __hash__ = None


def _dtype(text):
    dtype = np.dtype(text)
    if dtype.kind not in _KINDS or dtype.hasobject or dtype.fields:
        raise WireError(f"arrays of dtype {text} do not cross")
    return dtype


def encode(value):
    """``(header, buffers)``: a JSON-able description of ``value`` and the raw bytes it refers to."""
    buffers = []

    def array(kind, a):
        a = np.asarray(a)
        if not a.flags.c_contiguous:
            a = a.copy(order="C")  # (np.ascontiguousarray would make a 0-d array 1-d)
        if a.dtype.kind not in _KINDS or a.dtype.fields:
            return ["opaque", f"ndarray of dtype {a.dtype}", _short_repr(a)]
        buffers.append(a.tobytes())
        return [kind, len(buffers) - 1, a.dtype.str, list(a.shape)]

    def walk(v, depth):
        if depth > MAX_DEPTH:
            return ["opaque", type(v).__name__, "nested too deeply"]
        if v is None or isinstance(v, (bool, str)):
            return ["value", v]
        if isinstance(v, int) and not isinstance(v, np.integer):
            return ["int", str(int(v))]
        if isinstance(v, float):
            return ["float", float.hex(v)]
        if isinstance(v, complex):
            return ["complex", float.hex(v.real), float.hex(v.imag)]
        if isinstance(v, np.ndarray):
            return array("array", v)
        if isinstance(v, np.generic):
            return array("scalar", np.asarray(v))
        if isinstance(v, (list, tuple)):
            return ["list" if isinstance(v, list) else "tuple", [walk(x, depth + 1) for x in v]]
        if isinstance(v, dict):
            return ["dict", [[walk(k, depth + 1), walk(x, depth + 1)] for k, x in v.items()]]
        if isinstance(v, np.random.Generator):
            return ["generator", type(v.bit_generator).__name__, json.dumps(v.bit_generator.state)]
        kind = _tensorflow_kind(v)
        if kind == "tensor":
            return array("tensor", v.numpy())
        if kind == "variable":
            return array("variable", v.numpy())
        if kind == "model":
            return ["model", v.to_json(), [walk(w, depth + 1) for w in v.get_weights()]]
        name = type(v).__name__
        if name in NAMED and type(v).__module__ == NAMED[name][0]:
            return ["named", name]
        return ["opaque", f"{type(v).__module__}.{type(v).__qualname__}", _short_repr(v)]

    return walk(value, 0), buffers


def _short_repr(value, most=300):
    try:
        text = repr(value)
    except Exception as error:  # noqa: BLE001 - a hostile __repr__ must not stop the encoding
        text = f"(repr failed: {type(error).__name__})"
    return text if len(text) <= most else text[:most] + "..."


def _tensorflow_kind(value):
    """'tensor', 'variable', 'model' or None, without importing TensorFlow when it is not loaded."""
    import sys

    tf = sys.modules.get("tensorflow")
    if tf is None:
        return None
    if isinstance(value, tf.Variable):
        return "variable"
    if isinstance(value, tf.Tensor) and hasattr(value, "numpy"):
        return "tensor"
    if isinstance(value, tf.keras.Model):
        return "model"
    return None


def decode(header, buffers, *, build_models=False, tensors=True):
    """The value :func:`encode` described.

    Parameters
    ----------
    header : JSON value
    buffers : list of bytes
    build_models : bool
        Build Keras models from their configuration (only in the student's kernel: a model's
        configuration may name layers that run code, so the grader's side never builds one and
        sees an :class:`Opaque` instead).
    tensors : bool
        Decode tensors as TensorFlow tensors (else as numpy arrays).

    Raises
    ------
    WireError
        If ``header`` is not something :func:`encode` makes.
    """
    def array(index, dtype, shape):
        if not (isinstance(index, int) and 0 <= index < len(buffers)):
            raise WireError("bad buffer index")
        if not (isinstance(shape, list) and all(isinstance(n, int) and n >= 0 for n in shape)):
            raise WireError("bad shape")
        dtype = _dtype(dtype)
        data = buffers[index]
        if len(data) != dtype.itemsize * int(np.prod(shape, dtype=np.int64)):
            raise WireError("array size does not match its shape")
        return np.frombuffer(data, dtype=dtype).reshape(shape).copy()

    def walk(node, depth):
        if depth > MAX_DEPTH or not isinstance(node, list) or not node or not isinstance(node[0], str):
            raise WireError("malformed value")
        kind, rest = node[0], node[1:]
        if kind == "value" and len(rest) == 1 and (rest[0] is None or isinstance(rest[0], (bool, str))):
            return rest[0]
        if kind == "int" and len(rest) == 1 and isinstance(rest[0], str) and len(rest[0]) < 400:
            return int(rest[0])
        if kind == "float" and len(rest) == 1 and isinstance(rest[0], str):
            return float.fromhex(rest[0])
        if kind == "complex" and len(rest) == 2:
            return complex(float.fromhex(rest[0]), float.fromhex(rest[1]))
        if kind in ("array", "scalar", "tensor", "variable") and len(rest) == 3:
            a = array(*rest)
            if kind == "scalar":
                return a.reshape(()).dtype.type(a.reshape(()))
            if kind in ("tensor", "variable") and tensors:
                import tensorflow as tf

                return tf.Variable(a) if kind == "variable" else tf.constant(a)
            return a
        if kind in ("list", "tuple") and len(rest) == 1 and isinstance(rest[0], list):
            items = [walk(x, depth + 1) for x in rest[0]]
            return items if kind == "list" else tuple(items)
        if kind == "dict" and len(rest) == 1 and isinstance(rest[0], list):
            result = {}
            for pair in rest[0]:
                if not (isinstance(pair, list) and len(pair) == 2):
                    raise WireError("malformed dict")
                key = walk(pair[0], depth + 1)
                try:
                    result[key] = walk(pair[1], depth + 1)
                except TypeError:
                    raise WireError("unhashable dict key") from None
            return result
        if kind == "generator" and len(rest) == 2 and rest[0] in ("PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"):
            bit_generator = getattr(np.random, rest[0])()
            try:
                bit_generator.state = json.loads(rest[1])
            except (TypeError, ValueError) as error:
                raise WireError(f"bad generator state: {error}") from None
            return np.random.Generator(bit_generator)
        if kind == "model" and len(rest) == 2:
            if not build_models:
                return Opaque("keras.Model", "a Keras model")
            import tensorflow as tf

            model = tf.keras.models.model_from_json(rest[0])
            model.set_weights([walk(w, depth + 1) for w in rest[1]])
            return model
        if kind == "named" and len(rest) == 1 and rest[0] in NAMED:
            import importlib

            module, name = NAMED[rest[0]]
            return getattr(importlib.import_module(module), name)()
        if kind == "opaque" and len(rest) == 2 and all(isinstance(x, str) for x in rest):
            return Opaque(rest[0][:200], rest[1][:400])
        raise WireError(f"malformed value of kind {kind!r}")

    return walk(header, 0)


def send(sock, message, buffers=()):
    """Send one frame: ``message`` (a JSON-able dict) and the raw ``buffers`` it refers to."""
    header = json.dumps({"message": message, "sizes": [len(b) for b in buffers]}).encode("utf-8")
    if len(header) + sum(len(b) for b in buffers) > MAX_FRAME:
        raise WireError(f"a message of more than {MAX_FRAME // 2**20} MB does not cross")
    sock.sendall(struct.pack("!I", len(header)) + header)
    for data in buffers:
        sock.sendall(data)


def receive(sock):
    """``(message, buffers)`` of the next frame; raises EOFError when the other side closed."""
    (length,) = struct.unpack("!I", _exactly(sock, 4))
    if length > 64 * 2**20:
        raise WireError("header too large")
    try:
        header = json.loads(_exactly(sock, length))
        message, sizes = header["message"], header["sizes"]
    except (ValueError, KeyError, TypeError):
        raise WireError("malformed header") from None
    if not (isinstance(sizes, list) and all(isinstance(n, int) and n >= 0 for n in sizes)) or sum(sizes) > MAX_FRAME:
        raise WireError("bad buffer sizes")
    return message, [_exactly(sock, n) for n in sizes]


def _exactly(sock, count):
    chunks, left = [], count
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the connection")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)

"""Do values cross between the sandboxed kernel and the grader intact, and only as data?"""
import json
import socket

import numpy as np
import pytest

from coursekit import wire


def roundtrip(value, **kwargs):
    header, buffers = wire.encode(value)
    json.dumps(header)  # the header is plain JSON
    return wire.decode(json.loads(json.dumps(header)), buffers, **kwargs)


@pytest.mark.parametrize("value", [
    None, True, 3, 2**80, -0.0, 1.5, float("inf"), 1 + 2j, "text", [1, (2.0, "x")], {"W1": np.ones((2, 3)), 4: None},
    np.arange(6, dtype=np.int16).reshape(2, 3), np.array([[np.nan, 1.0]], dtype=np.float32), np.float32(0.25),
    np.int64(7), np.array(True), np.zeros((0, 3)),
])
def test_plain_values_cross_unchanged(value):
    got = roundtrip(value)
    assert type(got) is type(value)
    if isinstance(value, (np.ndarray, np.generic)):
        assert got.dtype == value.dtype and got.shape == value.shape
        np.testing.assert_array_equal(got, value)
    elif isinstance(value, dict):
        assert set(got) == set(value)
    elif isinstance(value, float) and value == 0:
        assert str(got) == str(value)  # the sign of zero survives
    else:
        assert got == value


def test_a_generator_crosses_with_its_state():
    rng = np.random.default_rng(7)
    rng.normal(size=3)
    got = roundtrip(rng)
    assert got.normal() == rng.normal()


def test_what_cannot_cross_is_described_not_built():
    class Mine:
        def __repr__(self):
            return "Mine()"
    got = roundtrip([Mine(), print, np.array([object()], dtype=object)])
    assert all(isinstance(x, wire.Opaque) for x in got)
    assert "Mine()" in repr(got[0]) and "object" in repr(got[2])


def test_a_keras_model_is_built_only_where_asked():
    import tensorflow as tf

    model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2)])
    assert isinstance(roundtrip(model), wire.Opaque), "the grader's side never builds a model it receives"
    rebuilt = roundtrip(model, build_models=True)
    x = np.ones((1, 3), np.float32)
    np.testing.assert_allclose(rebuilt(x).numpy(), model(x).numpy())


@pytest.mark.parametrize("header, buffers", [
    (["array", 0, "|O", [1]], [b"\0" * 8]),  # object arrays would unpickle
    (["array", 0, "<f8", [3]], [b"\0" * 8]),  # size does not match
    (["array", 5, "<f8", [1]], []),  # no such buffer
    (["eval", "__import__('os')"], []),
    (["dict", [[["list", []], ["value", 1]]]], []),  # unhashable key
    ("not a list", []),
])
def test_anything_else_is_refused(header, buffers):
    with pytest.raises(wire.WireError):
        wire.decode(header, buffers)


def test_nesting_is_bounded():
    header = ["value", None]
    for _ in range(wire.MAX_DEPTH + 5):
        header = ["list", [header]]
    with pytest.raises(wire.WireError):
        wire.decode(header, [])


def test_frames_cross_a_socket():
    a, b = socket.socketpair()
    with a, b:
        header, buffers = wire.encode({"x": np.arange(5.0)})
        wire.send(a, {"op": "call", "args": header}, buffers)
        message, got = wire.receive(b)
        np.testing.assert_array_equal(wire.decode(message["args"], got)["x"], np.arange(5.0))
        a.sendall(b"\xff\xff\xff\xff")
        with pytest.raises(wire.WireError):
            wire.receive(b)

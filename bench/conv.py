"""How fast is a convolution layer: the loops students write, the vectorized reference, TensorFlow?

The three compute the same layer (checked here before timing). The loops are the exercise of
assignment c4w1a; ``solutions.fast_layers`` (im2col: one matrix product per pass) is what the course
uses where it needs speed; ``tf.nn.conv2d`` is what Keras runs. TensorFlow computes in float32, so the
vectorized layer is timed in float64 (as the exercise computes) and in float32 (like for like); the
target compares the float32 ones.
"""
import os
import timeit

import numpy as np

from solutions.c4w1a_convolution import conv_backward, conv_forward
from solutions.fast_layers import conv_backward_fast, conv_forward_fast

#: (m, n_H, n_W, n_C_prev) of the input, (f, n_C) of the filters, stride, pad: a layer of a small CNN.
LAYER = dict(m=10, n_H=32, n_W=32, n_C_prev=16, f=3, n_C=16, stride=1, pad=1)
#: The shapes of the exercise's visible check of conv_backward (source/c4w1a_convolution).
EXERCISE = dict(m=2, n_H=5, n_W=7, n_C_prev=4, f=3, n_C=8, stride=2, pad=1)
#: The vectorized layer may take at most this many times as long as TensorFlow on :data:`LAYER`.
TF_TARGET = 2
VECTORIZED = "numpy vectorized (solutions.fast_layers)"
VECTORIZED32, TENSORFLOW = "numpy vectorized, float32", "TensorFlow tf.nn.conv2d (float32)"
#: What ``make bench`` measures, in its table's order.
LAYERS = {"the exercise's check": EXERCISE, "a larger layer": LAYER}


def _best_of(function, repeat, number=1):
    """Seconds per call: the best of ``repeat`` timings of ``number`` calls (the least disturbed)."""
    return min(timeit.repeat(function, repeat=repeat, number=number)) / number


def run(repeat=3, layer=None):
    """Time forward and backward of one layer three ways.

    Parameters
    ----------
    repeat : int
        Timings per measurement; the best is kept.
    layer : dict, optional
        Sizes as in :data:`LAYER` (the default).

    Returns
    -------
    rows : list of tuple
        (implementation, pass, seconds per call, speed-up over the loops).
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import tensorflow as tf

    p = layer or LAYER
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal((p["m"], p["n_H"], p["n_W"], p["n_C_prev"]))
    W = rng.standard_normal((p["f"], p["f"], p["n_C_prev"], p["n_C"]))
    b = rng.standard_normal((1, 1, 1, p["n_C"]))
    hparameters = {"stride": p["stride"], "pad": p["pad"]}

    Z, cache = conv_forward(A_prev, W, b, hparameters)
    Z_fast, cache_fast = conv_forward_fast(A_prev, W, b, hparameters)
    Z32, cache32 = conv_forward_fast(A_prev.astype(np.float32), W.astype(np.float32), b.astype(np.float32), hparameters)
    dZ32 = Z.astype(np.float32)
    A32, W32 = tf.constant(A_prev, tf.float32), tf.constant(W, tf.float32)

    def tf_forward():
        padded = tf.pad(A32, [[0, 0], [p["pad"], p["pad"]], [p["pad"], p["pad"]], [0, 0]])
        return tf.nn.conv2d(padded, W32, strides=p["stride"], padding="VALID") + b.astype(np.float32)

    def tf_backward():
        with tf.GradientTape() as tape:
            tape.watch([A32, W32])
            out = tf_forward()
        return tape.gradient(out, [A32, W32], output_gradients=tf.constant(Z, tf.float32))

    np.testing.assert_allclose(Z_fast, Z, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(tf_forward().numpy(), Z, rtol=1e-3, atol=1e-3)  # float32
    np.testing.assert_allclose(Z32, Z, rtol=1e-3, atol=1e-3)
    assert Z32.dtype == np.float32, "the float32 row must compute in float32, as TensorFlow does"
    for loop, fast, fast32 in zip(conv_backward(Z, cache), conv_backward_fast(Z, cache_fast),
                                  conv_backward_fast(dZ32, cache32)):
        np.testing.assert_allclose(fast, loop, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(fast32, loop, rtol=1e-3, atol=1e-2 * np.abs(loop).max())

    timings = {
        ("numpy loops (the exercise)", "forward"): _best_of(lambda: conv_forward(A_prev, W, b, hparameters), repeat),
        ("numpy loops (the exercise)", "backward"): _best_of(lambda: conv_backward(Z, cache), repeat),
        (VECTORIZED, "forward"): _best_of(lambda: conv_forward_fast(A_prev, W, b, hparameters), repeat, 20),
        (VECTORIZED, "backward"): _best_of(lambda: conv_backward_fast(Z, cache_fast), repeat, 20),
        (VECTORIZED32, "forward"): _best_of(lambda: conv_forward_fast(*cache32), repeat, 20),
        (VECTORIZED32, "backward"): _best_of(lambda: conv_backward_fast(dZ32, cache32), repeat, 20),
        (TENSORFLOW, "forward"): _best_of(tf_forward, repeat, 20),
        (TENSORFLOW, "backward"): _best_of(tf_backward, repeat, 20),
    }
    loops = {direction: timings[("numpy loops (the exercise)", direction)] for direction in ("forward", "backward")}
    return [(name, direction, seconds, loops[direction] / seconds) for (name, direction), seconds in timings.items()]


def run_layers(repeat=3, layers=None):
    """dict: layer description -> the rows of :func:`run` for it (default :data:`LAYERS`)."""
    return {name: run(repeat, layer) for name, layer in (layers or LAYERS).items()}


def describe(layer):
    """str: a layer's sizes in words."""
    p = layer  # short: six of its sizes go into one line
    return (f"input ({p['m']}, {p['n_H']}, {p['n_W']}, {p['n_C_prev']}), {p['n_C']} filters of {p['f']}x{p['f']}, "
            f"stride {p['stride']}, pad {p['pad']}")


def section(results, layers=None):
    """str: the Markdown section of bench/results.md for :func:`run_layers`'s results."""
    layers = layers or LAYERS
    lines = ["## Convolution layer: loops, vectorized numpy, TensorFlow", "",
             "The loops students write (c4w1a), the course's vectorized version and TensorFlow, in the same run; "
             "best of 3 timings each. All three give the same output and gradients (checked before timing). "
             "Speed-ups are ratios within one row's layer and pass.", ""]
    for name, rows in results.items():
        lines += [f"**{name[0].upper() + name[1:]}**: {describe(layers[name])}.", "",
                  "| implementation | pass | ms per call | speed-up over the loops |", "| --- | --- | ---: | ---: |"]
        lines += [f"| {impl} | {direction} | {seconds * 1e3:.3f} | {speedup:.{0 if speedup >= 10 else 2}f}x |"
                  for impl, direction, seconds, speedup in rows]
        lines.append("")
        if layers[name] is LAYER:
            seconds = {(impl, direction): t for impl, direction, t, _ in rows}
            lines += [f"The vectorized layer against TensorFlow, both in float32 (target: at most {TF_TARGET:g} times "
                      "as long); the float64 column is for comparison, it moves twice the bytes:", "",
                      "| pass | vectorized / TensorFlow, float32 | float64 | target | within |",
                      "| --- | ---: | ---: | ---: | --- |"]
            for direction in ("forward", "backward"):
                ratio = seconds[VECTORIZED32, direction] / seconds[TENSORFLOW, direction]
                ratio64 = seconds[VECTORIZED, direction] / seconds[TENSORFLOW, direction]
                lines.append(f"| {direction} | {ratio:.2f}x | {ratio64:.2f}x | {TF_TARGET:g}x | "
                             f"{'yes' if ratio <= TF_TARGET else 'no'} |")
            lines.append("")
    return "\n".join(lines)

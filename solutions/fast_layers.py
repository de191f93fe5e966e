"""Vectorized convolution and pooling, equal to the loops of :mod:`solutions.c4w1a_convolution`.

Each output element is a dot product of a window with a filter. The convolution lays every window
out as one row of a matrix ("im2col": ``m * n_H * n_W`` rows of ``f * f * n_C_prev`` numbers) and
hands the whole layer to BLAS as a single matrix product; the backward pass is two more products
and ``f * f`` strided additions that put each window's gradient back where the window came from.
The arithmetic is done in the inputs' dtype, so float32 inputs compute in float32 as TensorFlow does.
``tests/solutions/test_fast_layers.py`` checks these against the loops; ``make bench`` times them.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from solutions.c4w1a_convolution import zero_pad


def _windows(A, f, stride):
    """All f x f windows of A, strided: shape (m, n_H, n_W, n_C, f, f) (a view of A)."""
    return sliding_window_view(A, (f, f), axis=(1, 2))[:, ::stride, ::stride]


def _columns(A_pad, f, stride, n_H, n_W):
    """The im2col matrix of A_pad (m, n_H_pad, n_W_pad, n_C): shape (m * n_H * n_W, f * f * n_C).

    Row ``(i, h, w)`` is the window under output pixel (h, w) of example i, in the order (row of the
    window, column of the window, channel), the order of ``W.reshape(f * f * n_C, -1)``'s rows.
    """
    windows = _windows(A_pad, f, stride)[:, :n_H, :n_W]  # (m, n_H, n_W, n_C, f, f), a view
    # One copy, made contiguous in the filter's order so that the reshape below is free.
    return windows.transpose(0, 1, 2, 4, 5, 3).reshape(-1, f * f * A_pad.shape[3])


def conv_forward_fast(A_prev, W, b, hparameters):
    """:func:`solutions.c4w1a_convolution.conv_forward`, vectorized (same arguments and results).

    A_prev (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, n_C), b (1, 1, 1, n_C) ->
    Z (m, n_H, n_W, n_C) and the cache (A_prev, W, b, hparameters).
    """
    f, n_C = W.shape[0], W.shape[3]
    stride, pad = hparameters["stride"], hparameters["pad"]
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    n_H, n_W = (n_H_prev + 2 * pad - f) // stride + 1, (n_W_prev + 2 * pad - f) // stride + 1
    columns = _columns(zero_pad(A_prev, pad), f, stride, n_H, n_W)
    Z = (columns @ W.reshape(-1, n_C)).reshape(m, n_H, n_W, n_C) + b.reshape(1, 1, 1, n_C)
    return Z, (A_prev, W, b, hparameters)


def conv_backward_fast(dZ, cache):
    """:func:`solutions.c4w1a_convolution.conv_backward`, vectorized (same arguments and results).

    dZ (m, n_H, n_W, n_C) and the forward's cache -> dA_prev (m, n_H_prev, n_W_prev, n_C_prev),
    dW (f, f, n_C_prev, n_C), db (1, 1, 1, n_C).
    """
    A_prev, W, b, hparameters = cache
    f, n_C = W.shape[0], W.shape[3]
    stride, pad = hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, _ = dZ.shape
    A_prev_pad = zero_pad(A_prev, pad)
    dZ_rows = dZ.reshape(-1, n_C)  # (m * n_H * n_W, n_C): one row per output pixel
    dW = (_columns(A_prev_pad, f, stride, n_H, n_W).T @ dZ_rows).reshape(W.shape)
    db = dZ_rows.sum(axis=0).reshape(1, 1, 1, n_C)
    # Each window's gradient, (m, n_H, n_W, f, f, n_C_prev), then added back where the window lies.
    d_windows = (dZ_rows @ W.reshape(-1, n_C).T).reshape(m, n_H, n_W, f, f, -1)
    dA_prev_pad = np.zeros(A_prev_pad.shape, dtype=np.result_type(dZ, W))
    for i in range(f):  # f * f strided additions instead of m * n_H * n_W * n_C window updates
        for j in range(f):
            dA_prev_pad[:, i:i + stride * n_H:stride, j:j + stride * n_W:stride, :] += d_windows[:, :, :, i, j, :]
    n_H_prev, n_W_prev = A_prev.shape[1:3]
    return dA_prev_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :], dW, db


def pool_forward_fast(A_prev, hparameters, mode="max"):
    """:func:`solutions.c4w1a_convolution.pool_forward`, vectorized (same arguments and results).

    A_prev (m, n_H_prev, n_W_prev, n_C) -> A (m, n_H, n_W, n_C) and the cache (A_prev, hparameters).
    """
    windows = _windows(A_prev, hparameters["f"], hparameters["stride"])  # (m, n_H, n_W, n_C, f, f)
    if mode == "max":
        A = windows.max(axis=(4, 5))
    elif mode == "average":
        A = windows.mean(axis=(4, 5))
    else:
        raise ValueError(f"mode must be 'max' or 'average', not {mode!r}")
    return A, (A_prev, hparameters)

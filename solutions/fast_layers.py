"""Vectorized convolution and pooling, equal to the loops of :mod:`solutions.c4w1a_convolution`.

Each output element is a dot product of a window with a filter. The convolution lays every
window out as a row (im2col, f * f strided copies) and hands all the dot products to BLAS as one
matrix product, forward and backward; pooling reads the windows through ``sliding_window_view``
(a view, no copy).
``tests/solutions/test_fast_layers.py`` checks these against the loops; ``make bench`` times them.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from solutions.c4w1a_convolution import zero_pad


def _windows(A, f, stride):
    """All f x f windows of A, strided: shape (m, n_H, n_W, n_C, f, f) (a view of A)."""
    return sliding_window_view(A, (f, f), axis=(1, 2))[:, ::stride, ::stride]


def _columns(A_pad, f, stride, n_H, n_W):
    """Every f x f window of ``A_pad`` laid out as one row (im2col).

    Parameters
    ----------
    A_pad : ndarray of shape (m, n_H_pad, n_W_pad, n_C)
    f, stride, n_H, n_W : int
        Window size, stride and the output's height and width.

    Returns
    -------
    columns : ndarray of shape (m, n_H, n_W, f, f, n_C)
        A copy, in W's order of its first three axes: ``columns.reshape(m * n_H * n_W, -1)`` times
        ``W.reshape(-1, n_C)`` is the layer's output, one matrix product for BLAS.
    """
    m, _, _, n_C = A_pad.shape
    columns = np.empty((m, n_H, n_W, f, f, n_C), dtype=A_pad.dtype)
    for i in range(f):  # f * f strided copies of whole images rather than m * n_H * n_W window copies
        for j in range(f):
            columns[:, :, :, i, j, :] = A_pad[:, i:i + stride * n_H:stride, j:j + stride * n_W:stride, :]
    return columns


def conv_forward_fast(A_prev, W, b, hparameters):
    """:func:`solutions.c4w1a_convolution.conv_forward`, vectorized (same arguments and results)."""
    f, _, _, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    n_H, n_W = (n_H_prev + 2 * pad - f) // stride + 1, (n_W_prev + 2 * pad - f) // stride + 1
    columns = _columns(zero_pad(A_prev, pad), f, stride, n_H, n_W).reshape(m * n_H * n_W, -1)  # (rows, f*f*n_C_prev)
    Z = columns @ W.reshape(-1, n_C) + b.reshape(1, n_C)  # (rows, n_C)
    return Z.reshape(m, n_H, n_W, n_C), (A_prev, W, b, hparameters)


def conv_backward_fast(dZ, cache):
    """:func:`solutions.c4w1a_convolution.conv_backward`, vectorized (same arguments and results)."""
    A_prev, W, b, hparameters = cache
    f, _, n_C_prev, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, _ = dZ.shape
    A_prev_pad = zero_pad(A_prev, pad)
    dZ_rows = dZ.reshape(m * n_H * n_W, n_C)
    columns = _columns(A_prev_pad, f, stride, n_H, n_W).reshape(m * n_H * n_W, -1)  # the forward's rows again
    dW = (columns.T @ dZ_rows).reshape(W.shape)
    db = dZ_rows.sum(axis=0).reshape(1, 1, 1, n_C)
    d_columns = (dZ_rows @ W.reshape(-1, n_C).T).reshape(m, n_H, n_W, f, f, n_C_prev)
    dA_prev_pad = np.zeros(A_prev_pad.shape)
    for i in range(f):  # col2im: f * f strided additions; overlapping windows add up
        for j in range(f):
            dA_prev_pad[:, i:i + stride * n_H:stride, j:j + stride * n_W:stride, :] += d_columns[:, :, :, i, j, :]
    n_H_prev, n_W_prev = A_prev.shape[1:3]
    return dA_prev_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :], dW, db


def pool_forward_fast(A_prev, hparameters, mode="max"):
    """:func:`solutions.c4w1a_convolution.pool_forward`, vectorized (same arguments and results)."""
    windows = _windows(A_prev, hparameters["f"], hparameters["stride"])  # (m, n_H, n_W, n_C, f, f)
    if mode == "max":
        A = windows.max(axis=(4, 5))
    elif mode == "average":
        A = windows.mean(axis=(4, 5))
    else:
        raise ValueError(f"mode must be 'max' or 'average', not {mode!r}")
    return A, (A_prev, hparameters)

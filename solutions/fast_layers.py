"""Vectorized convolution and pooling, equal to the loops of :mod:`solutions.c4w1a_convolution`.

Each output element is a dot product of a window with a filter; ``sliding_window_view`` exposes
every window as a view (no copy), and one ``einsum`` computes all the dot products at once.
``tests/solutions/test_fast_layers.py`` checks these against the loops; ``make bench`` times them.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from solutions.c4w1a_convolution import zero_pad


def _windows(A, f, stride):
    """All f x f windows of A, strided: shape (m, n_H, n_W, n_C, f, f) (a view of A)."""
    return sliding_window_view(A, (f, f), axis=(1, 2))[:, ::stride, ::stride]


def conv_forward_fast(A_prev, W, b, hparameters):
    """:func:`solutions.c4w1a_convolution.conv_forward`, vectorized (same arguments and results)."""
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    windows = _windows(zero_pad(A_prev, pad), f, stride)  # (m, n_H, n_W, n_C_prev, f, f)
    Z = np.einsum("mhwcij,ijcn->mhwn", windows, W, optimize=True) + b.reshape(1, 1, 1, -1)
    return Z, (A_prev, W, b, hparameters)


def conv_backward_fast(dZ, cache):
    """:func:`solutions.c4w1a_convolution.conv_backward`, vectorized (same arguments and results)."""
    A_prev, W, b, hparameters = cache
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, _ = dZ.shape
    A_prev_pad = zero_pad(A_prev, pad)
    windows = _windows(A_prev_pad, f, stride)[:, :n_H, :n_W]
    dW = np.einsum("mhwcij,mhwn->ijcn", windows, dZ, optimize=True)
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, -1)
    dA_prev_pad = np.zeros(A_prev_pad.shape)
    contributions = np.einsum("ijcn,mhwn->mhwijc", W, dZ, optimize=True)  # (m, n_H, n_W, f, f, n_C_prev)
    for i in range(f):  # f * f strided additions instead of m * n_H * n_W * n_C window updates
        for j in range(f):
            dA_prev_pad[:, i:i + stride * n_H:stride, j:j + stride * n_W:stride, :] += contributions[:, :, :, i, j, :]
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

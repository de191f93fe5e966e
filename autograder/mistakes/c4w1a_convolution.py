"""Typical mistakes in assignment c4w1a (convolution and pooling from scratch).

Every function here is deliberately wrong, in the way its explanation says. Composite
functions call the reference helpers, as the hidden tests grade them.
"""
import numpy as np

from autograder.core import MistakeCatalogue
from solutions.c4w1a_convolution import conv_single_step, create_mask_from_window, distribute_value, zero_pad

MISTAKES = MistakeCatalogue()


@MISTAKES.add("zero_pad", "only the height and width are padded: the example axis and the channel axis get "
                          "(0, 0), i.e. pad_width ((0, 0), (pad, pad), (pad, pad), (0, 0)).")
def zero_pad_every_axis(X, pad):
    return np.pad(X, pad, mode="constant")


@MISTAKES.add("zero_pad", "the padding went on the wrong axes: images are (m, n_H, n_W, n_C), so pad axes 1 and 2.")
def zero_pad_wrong_axes(X, pad):
    return np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")


@MISTAKES.add("conv_single_step", "the bias is missing: Z = sum(a_slice_prev * W) + b.")
def conv_single_step_no_bias(a_slice_prev, W, b):
    return float(np.sum(a_slice_prev * W))


@MISTAKES.add("conv_forward", "the stride is ignored: the output size is floor((n_H_prev - f + 2 * pad) / stride) + 1 "
                              "and the window starts at h * stride.")
def conv_forward_no_stride(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, _, _, n_C = W.shape
    pad = hparameters["pad"]
    n_H, n_W = n_H_prev - f + 2 * pad + 1, n_W_prev - f + 2 * pad + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    Z[i, h, w, c] = conv_single_step(A_prev_pad[i, h:h + f, w:w + f, :], W[:, :, :, c], b[:, :, :, c])
    return Z, (A_prev, W, b, hparameters)


@MISTAKES.add("conv_forward", "the input must be padded before the windows are taken: A_prev_pad = zero_pad(A_prev, pad).")
def conv_forward_no_padding(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, _, _, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H, n_W = (n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_prev[i, h * stride:h * stride + f, w * stride:w * stride + f, :]
                    Z[i, h, w, c] = conv_single_step(window, W[:, :, :, c], b[:, :, :, c])
    return Z, (A_prev, W, b, hparameters)


@MISTAKES.add("conv_forward", "the window of output (h, w) starts at row h * stride and column w * stride of the padded "
                              "input: vert_start = h * stride, horiz_start = w * stride; this used h and w.")
def conv_forward_window_without_stride(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, _, _, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H, n_W = (n_H_prev - f + 2 * pad) // stride + 1, (n_W_prev - f + 2 * pad) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    Z[i, h, w, c] = conv_single_step(A_prev_pad[i, h:h + f, w:w + f, :], W[:, :, :, c], b[:, :, :, c])
    return Z, (A_prev, W, b, hparameters)


@MISTAKES.add("pool_forward", "the mode is ignored: 'average' must take np.mean of the window, 'max' np.max.")
def pool_forward_always_max(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H, n_W = (n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    A[i, h, w, c] = np.max(A_prev[i, h * stride:h * stride + f, w * stride:w * stride + f, c])
    return A, (A_prev, hparameters)


@MISTAKES.add("pool_forward", "the stride is ignored: the output size is floor((n_H_prev - f) / stride) + 1 and the "
                              "window starts at h * stride.")
def pool_forward_no_stride(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f = hparameters["f"]
    n_H, n_W = n_H_prev - f + 1, n_W_prev - f + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_prev[i, h:h + f, w:w + f, c]
                    A[i, h, w, c] = np.max(window) if mode == "max" else np.mean(window)
    return A, (A_prev, hparameters)


@MISTAKES.add("pool_forward", "each channel is pooled on its own: the window is "
                              "A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]; with : as the last index it "
                              "took every channel.")
def pool_forward_every_channel(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H, n_W = (n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_prev[i, h * stride:h * stride + f, w * stride:w * stride + f, :]
                    A[i, h, w, c] = np.max(window) if mode == "max" else np.mean(window)
    return A, (A_prev, hparameters)


@MISTAKES.add("conv_backward", "dA_prev must have A_prev's shape: remove the padding at the end, "
                               "dA_prev_pad[:, pad:-pad, pad:-pad, :] (or nothing when pad is 0).")
def conv_backward_padded(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H, n_W, n_C = dZ.shape
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad, dW, db = np.zeros(A_prev_pad.shape), np.zeros(W.shape), np.zeros(b.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)
                for c in range(n_C):
                    dA_prev_pad[i, rows, cols, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += A_prev_pad[i, rows, cols, :] * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
    return dA_prev_pad, dW, db


@MISTAKES.add("conv_backward", "dW accumulates the input window times dZ, a_slice * dZ[i, h, w, c]; this used the "
                               "filter instead.")
def conv_backward_dW_from_W(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H, n_W, n_C = dZ.shape
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad, dW, db = np.zeros(A_prev_pad.shape), np.zeros(W.shape), np.zeros(b.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)
                for c in range(n_C):
                    dA_prev_pad[i, rows, cols, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += W[:, :, :, c] * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
    n_H_prev, n_W_prev = A_prev.shape[1:3]
    return dA_prev_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :], dW, db


@MISTAKES.add("conv_backward", "da_prev_pad[pad:-pad, pad:-pad, :] is empty when pad = 0 (-0 is 0, the start): cut the "
                               "padding with da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :], which works for "
                               "every pad.")
def conv_backward_minus_pad(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H, n_W, n_C = dZ.shape
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev = np.zeros(A_prev.shape)
    dA_prev_pad, dW, db = np.zeros(A_prev_pad.shape), np.zeros(W.shape), np.zeros(b.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)
                for c in range(n_C):
                    dA_prev_pad[i, rows, cols, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += A_prev_pad[i, rows, cols, :] * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        dA_prev[i, :, :, :] = dA_prev_pad[i, pad:-pad, pad:-pad, :]
    return dA_prev, dW, db


@MISTAKES.add("create_mask_from_window", "the mask picks every maximum: when several elements tie, max pooling passed "
                                         "only one of them on, so only one gets the gradient (the first, np.argmax).")
def create_mask_from_window_every_maximum(x):
    return x == np.max(x)


@MISTAKES.add("distribute_value", "each element of the window gets dz / (n_H * n_W), an equal share; this gave every "
                                  "element the whole dz.")
def distribute_value_not_divided(dz, shape):
    return np.ones(shape) * dz


@MISTAKES.add("pool_backward", "the gradient must be added into dA_prev (+=): windows overlap when stride < f, and "
                               "each one contributes.")
def pool_backward_assigns(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)
                for c in range(n_C):
                    if mode == "max":
                        dA_prev[i, rows, cols, c] = create_mask_from_window(A_prev[i, rows, cols, c]) * dA[i, h, w, c]
                    else:
                        dA_prev[i, rows, cols, c] = distribute_value(dA[i, h, w, c], (f, f))
    return dA_prev


@MISTAKES.add("pool_backward", "the modes are swapped: 'max' routes the gradient through the mask, 'average' "
                               "spreads it with distribute_value.")
def pool_backward_swapped(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)
                for c in range(n_C):
                    if mode == "average":
                        dA_prev[i, rows, cols, c] += create_mask_from_window(A_prev[i, rows, cols, c]) * dA[i, h, w, c]
                    else:
                        dA_prev[i, rows, cols, c] += distribute_value(dA[i, h, w, c], (f, f))
    return dA_prev

"""Reference solutions for assignment c4w1a, convolution and pooling from scratch.

The explicit loops students write, one output element at a time. Images are
(m, n_H, n_W, n_C); filters ``W`` are (f, f, n_C_prev, n_C) and biases ``b`` (1, 1, 1, n_C).
The vectorized equivalents, used wherever the course needs speed, are in
:mod:`solutions.fast_layers` and are tested equal to these.
"""
import numpy as np


def zero_pad(X, pad):
    """Pad the height and width of every image with zeros.

    Parameters
    ----------
    X : ndarray of shape (m, n_H, n_W, n_C)
    pad : int

    Returns
    -------
    X_pad : ndarray of shape (m, n_H + 2 pad, n_W + 2 pad, n_C)
    """
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)


def conv_single_step(a_slice_prev, W, b):
    """One output value of a convolution: one filter applied to one slice.

    Parameters
    ----------
    a_slice_prev : ndarray of shape (f, f, n_C_prev)
    W : ndarray of shape (f, f, n_C_prev)
    b : ndarray of shape (1, 1, 1)

    Returns
    -------
    Z : float
        ``sum(a_slice_prev * W) + b``.
    """
    return float(np.sum(a_slice_prev * W) + np.squeeze(b))


def conv_forward(A_prev, W, b, hparameters):
    """Forward pass of a convolution layer.

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
    W : ndarray of shape (f, f, n_C_prev, n_C)
    b : ndarray of shape (1, 1, 1, n_C)
    hparameters : dict
        ``"stride"`` and ``"pad"``.

    Returns
    -------
    Z : ndarray of shape (m, n_H, n_W, n_C)
        With n_H = floor((n_H_prev - f + 2 pad) / stride) + 1, and the same for n_W.
    cache : tuple
        ``(A_prev, W, b, hparameters)``.
    """
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, _, _, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H = (n_H_prev - f + 2 * pad) // stride + 1
    n_W = (n_W_prev - f + 2 * pad) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                a_slice_prev = A_prev_pad[i, vert_start:vert_start + f, horiz_start:horiz_start + f, :]
                for c in range(n_C):
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])
    return Z, (A_prev, W, b, hparameters)


def pool_forward(A_prev, hparameters, mode="max"):
    """Forward pass of a pooling layer.

    Parameters
    ----------
    A_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C)
    hparameters : dict
        ``"f"`` and ``"stride"`` (no padding).
    mode : {"max", "average"}

    Returns
    -------
    A : ndarray of shape (m, n_H, n_W, n_C)
        With n_H = floor((n_H_prev - f) / stride) + 1, and the same for n_W.
    cache : tuple
        ``(A_prev, hparameters)``.
    """
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                for c in range(n_C):
                    window = A_prev[i, vert_start:vert_start + f, horiz_start:horiz_start + f, c]
                    if mode == "max":
                        A[i, h, w, c] = np.max(window)
                    elif mode == "average":
                        A[i, h, w, c] = np.mean(window)
                    else:
                        raise ValueError(f"mode must be 'max' or 'average', not {mode!r}")
    return A, (A_prev, hparameters)


def conv_backward(dZ, cache):
    """Backward pass of a convolution layer.

    Parameters
    ----------
    dZ : ndarray of shape (m, n_H, n_W, n_C)
    cache : tuple
        ``(A_prev, W, b, hparameters)`` from :func:`conv_forward`.

    Returns
    -------
    dA_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C_prev)
    dW : ndarray of shape (f, f, n_C_prev, n_C)
    db : ndarray of shape (1, 1, 1, n_C)
        Gradients of ``sum(dZ * Z)``: summed over the examples, as the course's convolution
        layers do (no 1/m).
    """
    A_prev, W, b, hparameters = cache
    m, n_H, n_W, n_C = dZ.shape
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = np.zeros(A_prev_pad.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                a_slice = A_prev_pad[i, vert_start:vert_start + f, horiz_start:horiz_start + f, :]
                for c in range(n_C):
                    dA_prev_pad[i, vert_start:vert_start + f, horiz_start:horiz_start + f, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
    n_H_prev, n_W_prev = A_prev.shape[1:3]
    dA_prev = dA_prev_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :]
    return dA_prev, dW, db


def create_mask_from_window(x):
    """Where the maximum of a window is: the one element that max pooling passed on.

    Parameters
    ----------
    x : ndarray of shape (f, f)

    Returns
    -------
    mask : ndarray of bool, shape (f, f)
        True at the first maximum (row-major order, as ``np.argmax``) and nowhere else: when
        several elements tie, the gradient of the max goes to one of them, not to all.
    """
    mask = np.zeros(x.shape, dtype=bool)
    mask[np.unravel_index(np.argmax(x), x.shape)] = True
    return mask


def distribute_value(dz, shape):
    """Spread one gradient value evenly over a window (the backward pass of average pooling).

    Parameters
    ----------
    dz : float
    shape : tuple of int
        ``(n_H, n_W)`` of the window.

    Returns
    -------
    a : ndarray of shape ``shape``
        Every element ``dz / (n_H * n_W)``.
    """
    n_H, n_W = shape
    return np.ones(shape) * dz / (n_H * n_W)


def pool_backward(dA, cache, mode="max"):
    """Backward pass of a pooling layer.

    Parameters
    ----------
    dA : ndarray of shape (m, n_H, n_W, n_C)
    cache : tuple
        ``(A_prev, hparameters)`` from :func:`pool_forward`.
    mode : {"max", "average"}

    Returns
    -------
    dA_prev : ndarray of shape (m, n_H_prev, n_W_prev, n_C)
    """
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                for c in range(n_C):
                    rows, cols = slice(vert_start, vert_start + f), slice(horiz_start, horiz_start + f)
                    if mode == "max":
                        mask = create_mask_from_window(A_prev[i, rows, cols, c])
                        dA_prev[i, rows, cols, c] += mask * dA[i, h, w, c]
                    elif mode == "average":
                        dA_prev[i, rows, cols, c] += distribute_value(dA[i, h, w, c], (f, f))
                    else:
                        raise ValueError(f"mode must be 'max' or 'average', not {mode!r}")
    return dA_prev

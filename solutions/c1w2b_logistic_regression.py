"""Reference solutions for assignment c1w2b, logistic regression as a neural network.

Functions appear in the order the notebook introduces them. Examples are columns: ``X`` has
shape (n_x, m) and labels ``Y`` shape (1, m).
"""
import numpy as np

from solutions.c1w2a_numpy_basics import sigmoid

__all__ = ["sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model"]


def initialize_with_zeros(dim):
    """Zero weights and bias for logistic regression.

    Parameters
    ----------
    dim : int
        Number of features n_x.

    Returns
    -------
    w : ndarray of shape (dim, 1)
        Zeros, float64.
    b : float
        0.0.
    """
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    """Cost of logistic regression and its gradient.

    Parameters
    ----------
    w : ndarray of shape (n_x, 1)
    b : float
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
        Labels, 0 or 1.

    Returns
    -------
    grads : dict
        ``"dw"``: ndarray of shape (n_x, 1), dJ/dw; ``"db"``: float, dJ/db.
    cost : float
        The cross-entropy cost J.

    Notes
    -----
    :math:`A = \\sigma(w^T X + b)`,
    :math:`J = -\\frac{1}{m}\\sum_i y_i \\log a_i + (1 - y_i)\\log(1 - a_i)`,
    :math:`dw = \\frac{1}{m} X (A - Y)^T`, :math:`db = \\frac{1}{m}\\sum_i (a_i - y_i)`.
    """
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # (1, m)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dZ = A - Y  # (1, m)
    dw = np.dot(X, dZ.T) / m  # (n_x, 1)
    db = float(np.sum(dZ) / m)
    return {"dw": dw, "db": db}, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent on w and b.

    Parameters
    ----------
    w : ndarray of shape (n_x, 1)
    b : float
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    num_iterations : int
    learning_rate : float
    print_cost : bool
        Print the cost every 100 iterations.

    Returns
    -------
    params : dict
        ``"w"`` and ``"b"`` after training.
    grads : dict
        ``"dw"`` and ``"db"`` of the last iteration.
    costs : list of float
        The cost before the update of iterations 0, 100, 200, ...
    """
    w = np.array(w, dtype=float, copy=True)
    costs = []
    grads = {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    """Label 1 where the predicted probability is above 0.5, else 0.

    Parameters
    ----------
    w : ndarray of shape (n_x, 1)
    b : float
    X : ndarray of shape (n_x, m)

    Returns
    -------
    Y_prediction : ndarray of shape (1, m)
        0.0 or 1.0.
    """
    A = sigmoid(np.dot(w.T, X) + b)  # (1, m)
    return (A > 0.5).astype(float)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Train logistic regression from zero weights and predict on both sets.

    Parameters
    ----------
    X_train : ndarray of shape (n_x, m_train)
    Y_train : ndarray of shape (1, m_train)
    X_test : ndarray of shape (n_x, m_test)
    Y_test : ndarray of shape (1, m_test)
    num_iterations : int
    learning_rate : float
    print_cost : bool

    Returns
    -------
    d : dict
        ``"costs"`` (list of float), ``"Y_prediction_test"`` (1, m_test),
        ``"Y_prediction_train"`` (1, m_train), ``"w"`` (n_x, 1), ``"b"``, ``"learning_rate"``,
        ``"num_iterations"``.
    """
    w, b = initialize_with_zeros(X_train.shape[0])
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs,
            "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}

"""Reference solutions for assignment c1w4b, a deep neural network for face detection.

The two models are built from the step-by-step functions of assignment c1w4a, which students
receive as the helper module ``dnn_app_utils.py`` (generated from that module by the build).
Examples are columns: ``X`` is (n_x, m), ``Y`` is (1, m).
"""
import numpy as np

from solutions.c1w4a_deep_nn_step_by_step import (L_model_backward, L_model_forward, compute_cost,
                                                   initialize_parameters, initialize_parameters_deep,
                                                   linear_activation_backward, linear_activation_forward,
                                                   update_parameters)


def predict(X, y, parameters):
    """Labels predicted by an L-layer network: 1 where its output is above 0.5.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    y : ndarray of shape (1, m)
        True labels; only their shape is used (the notebook computes the accuracy).
    parameters : dict
        ``W1``, ``b1``, ..., ``WL``, ``bL``.

    Returns
    -------
    p : ndarray of shape (1, m)
        0.0 or 1.0.
    """
    probabilities, _ = L_model_forward(X, parameters)
    return (probabilities > 0.5).astype(float).reshape(np.shape(y))


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, rng=None):
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID with gradient descent.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    layers_dims : tuple of int
        ``(n_x, n_h, n_y)``.
    learning_rate : float
    num_iterations : int
    print_cost : bool
        Print the cost every 100 iterations and at the last one.
    rng : numpy.random.Generator or int, optional
        Passed to ``initialize_parameters``.

    Returns
    -------
    parameters : dict
        The trained ``W1``, ``b1``, ``W2``, ``b2``.
    costs : list of float
        The cost at iterations 0, 100, 200, ...
    """
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y, rng=rng)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print(f"Cost after iteration {i}: {cost:f}")
        if i % 100 == 0:  # as the classic notebooks recorded it: the last iteration only if a multiple of 100
            costs.append(cost)
    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, rng=None):
    """Train [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID with gradient descent.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
    Y : ndarray of shape (1, m)
    layers_dims : sequence of int
        ``[n_x, n_1, ..., n_L]``.
    learning_rate : float
    num_iterations : int
    print_cost : bool
        Print the cost every 100 iterations and at the last one.
    rng : numpy.random.Generator or int, optional
        Passed to ``initialize_parameters_deep``.

    Returns
    -------
    parameters : dict
        The trained ``W1``, ``b1``, ..., ``WL``, ``bL``.
    costs : list of float
        The cost at iterations 0, 100, 200, ...
    """
    parameters = initialize_parameters_deep(layers_dims, rng=rng)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print(f"Cost after iteration {i}: {cost:f}")
        if i % 100 == 0:  # as the classic notebooks recorded it: the last iteration only if a multiple of 100
            costs.append(cost)
    return parameters, costs

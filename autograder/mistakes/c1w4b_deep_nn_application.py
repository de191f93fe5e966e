"""Typical mistakes in assignment c1w4b (a deep neural network application).

Every function here is deliberately wrong, in the way its explanation says. They call the
step-by-step functions, which students import from ``dnn_app_utils.py``.
"""

from autograder.core import MistakeCatalogue
from solutions.c1w4a_deep_nn_step_by_step import (L_model_backward, L_model_forward, compute_cost,
                                                   initialize_parameters, initialize_parameters_deep,
                                                   linear_activation_backward, linear_activation_forward,
                                                   update_parameters)

MISTAKES = MistakeCatalogue()


@MISTAKES.add("predict", "a probability of exactly 0.5 must give 0: predict 1 only where the output is > 0.5.")
def predict_ties_to_one(X, y, parameters):
    probabilities, caches = L_model_forward(X, parameters)
    return (probabilities >= 0.5).astype(float)


@MISTAKES.add("predict", "predictions are labels (0 or 1), not probabilities: threshold the output at 0.5.")
def predict_probabilities(X, y, parameters):
    probabilities, caches = L_model_forward(X, parameters)
    return probabilities


@MISTAKES.add("two_layer_model", "dA2 has the wrong sign: dA2 = -(Y / A2 - (1 - Y) / (1 - A2)); the model "
                                 "climbs the cost instead of descending it.")
def two_layer_model_sign(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, rng=None):
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y, rng=rng)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = Y / A2 - (1 - Y) / (1 - A2)
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@MISTAKES.add("two_layer_model", "the two layers' activations are swapped: LINEAR -> RELU first, LINEAR -> SIGMOID "
                                 "last, and the same in the backward pass.")
def two_layer_model_swapped(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, rng=None):
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y, rng=rng)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "sigmoid")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "relu")
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "relu")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "sigmoid")
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@MISTAKES.add("two_layer_model", "the forward pass keeps using W1, b1, W2, b2 as read before the loop: after "
                                 "update_parameters read them again from parameters (or pass parameters['W1'], ... "
                                 "directly), or the network never sees its updated weights.")
def two_layer_model_stale_weights(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
                                  rng=None):
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y, rng=rng)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@MISTAKES.add("L_layer_model", "the result of update_parameters is thrown away: assign it, "
                               "parameters = update_parameters(parameters, grads, learning_rate).")
def L_layer_model_no_update(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, rng=None):
    parameters = initialize_parameters_deep(layers_dims, rng=rng)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@MISTAKES.add("L_layer_model", "costs must hold the cost every 100 iterations (0, 100, ...), not at "
                               "every iteration.")
def L_layer_model_every_cost(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False, rng=None):
    parameters = initialize_parameters_deep(layers_dims, rng=rng)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs

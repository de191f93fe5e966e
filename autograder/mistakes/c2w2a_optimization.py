"""Typical mistakes in assignment c2w2a (optimization methods). Every function here is deliberately wrong."""
import math

import numpy as np

from autograder.core import MistakeCatalogue

MISTAKES = MistakeCatalogue()


@MISTAKES.add("update_parameters_with_gd", "off by one: update every layer, l = 1 .. L, that is range(1, L + 1).")
def update_parameters_with_gd_misses_last(parameters, grads, learning_rate):
    L = len(parameters) // 2
    parameters = dict(parameters)
    for l in range(1, L):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters


@MISTAKES.add("update_parameters_with_gd", "the parameters were updated in place (W -= ...), which changes the "
                                           "caller's arrays; compute new ones, W = W - learning_rate * dW.")
def update_parameters_with_gd_in_place(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return parameters


@MISTAKES.add("random_mini_batches", "X and Y were shuffled with different permutations: use one permutation for "
                                     "both, so that every example keeps its label.")
def random_mini_batches_unpaired(X, Y, mini_batch_size=64, seed=0):
    rng = np.random.default_rng(seed)
    m = X.shape[1]
    shuffled_X = X[:, rng.permutation(m)]
    shuffled_Y = Y[:, rng.permutation(m)]
    return [(shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size])
            for k in range(0, m, mini_batch_size)]


@MISTAKES.add("random_mini_batches", "the last, partial mini-batch is missing: when m is not a multiple of "
                                     "mini_batch_size, the remaining m % mini_batch_size examples form one more batch.")
def random_mini_batches_drops_last(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    permutation = np.random.default_rng(seed).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [(shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]) for k in range(m // mini_batch_size)]


@MISTAKES.add("random_mini_batches", "the examples were not shuffled: permute the columns with "
                                     "np.random.default_rng(seed).permutation(m) first.")
def random_mini_batches_unshuffled(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size]) for k in range(0, m, mini_batch_size)]


@MISTAKES.add("random_mini_batches", "only the order of the examples differs: you shuffled with numpy's global generator "
                                     "(np.random.seed(seed), np.random.permutation(m)), as the classic notebook did; this "
                                     "course draws from rng = np.random.default_rng(seed): "
                                     "permutation = np.random.default_rng(seed).permutation(m).")
def random_mini_batches_global_generator(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [(shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size])
            for k in range(0, m, mini_batch_size)]


@MISTAKES.add("initialize_velocity", "off by one: every layer needs a velocity, l = 1 .. L.")
def initialize_velocity_misses_last(parameters):
    L = len(parameters) // 2
    return {key: np.zeros_like(parameters[key[1:]]) for l in range(1, L) for key in (f"dW{l}", f"db{l}")}


@MISTAKES.add("update_parameters_with_momentum", "the velocity is an exponentially weighted average: "
                                                 "v = beta * v + (1 - beta) * grad; the (1 - beta) is missing.")
def update_parameters_with_momentum_no_one_minus_beta(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    parameters, v = dict(parameters), dict(v)
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            v["d" + name] = beta * v["d" + name] + grads["d" + name]
            parameters[name] = parameters[name] - learning_rate * v["d" + name]
    return parameters, v


@MISTAKES.add("update_parameters_with_momentum", "the update must use the new velocity, "
                                                 "parameter = parameter - learning_rate * v, not the gradient.")
def update_parameters_with_momentum_uses_grad(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    parameters, v = dict(parameters), dict(v)
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            v["d" + name] = beta * v["d" + name] + (1 - beta) * grads["d" + name]
            parameters[name] = parameters[name] - learning_rate * grads["d" + name]
    return parameters, v


@MISTAKES.add("initialize_adam", "v and s must be two separate dictionaries of zeros, one per moment; "
                                 "here they are the same object.")
def initialize_adam_shared(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v[f"dW{l}"] = np.zeros_like(parameters[f"W{l}"])
        v[f"db{l}"] = np.ones_like(parameters[f"b{l}"])
    return v, v


@MISTAKES.add("initialize_adam", "s[\"db\" + str(l)] must have the shape of b{l}, np.zeros(parameters[\"b\" + str(l)].shape); "
                                 "this one took W{l}'s shape (a copy-paste slip).")
def initialize_adam_db_shaped_like_W(parameters):
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(1, L + 1):
        v[f"dW{l}"] = np.zeros(parameters[f"W{l}"].shape)
        v[f"db{l}"] = np.zeros(parameters[f"b{l}"].shape)
        s[f"dW{l}"] = np.zeros(parameters[f"W{l}"].shape)
        s[f"db{l}"] = np.zeros(parameters[f"W{l}"].shape)
    return v, s


@MISTAKES.add("update_parameters_with_adam", "the bias correction is missing: divide v by (1 - beta1 ** t) and s "
                                             "by (1 - beta2 ** t) before the update.")
def update_parameters_with_adam_no_correction(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                              epsilon=1e-8):
    L = len(parameters) // 2
    parameters, v, s = dict(parameters), dict(v), dict(s)
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            v["d" + name] = beta1 * v["d" + name] + (1 - beta1) * grads["d" + name]
            s["d" + name] = beta2 * s["d" + name] + (1 - beta2) * grads["d" + name] ** 2
            v_corrected["d" + name] = v["d" + name]
            s_corrected["d" + name] = s["d" + name]
            parameters[name] = parameters[name] - learning_rate * v["d" + name] / (np.sqrt(s["d" + name]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


@MISTAKES.add("update_parameters_with_adam", "epsilon goes outside the square root: "
                                             "v_corrected / (np.sqrt(s_corrected) + epsilon).")
def update_parameters_with_adam_epsilon_inside(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                               epsilon=1e-8):
    L = len(parameters) // 2
    parameters, v, s = dict(parameters), dict(v), dict(s)
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            v["d" + name] = beta1 * v["d" + name] + (1 - beta1) * grads["d" + name]
            s["d" + name] = beta2 * s["d" + name] + (1 - beta2) * grads["d" + name] ** 2
            v_corrected["d" + name] = v["d" + name] / (1 - beta1 ** t)
            s_corrected["d" + name] = s["d" + name] / (1 - beta2 ** t)
            parameters[name] = parameters[name] - learning_rate * v_corrected["d" + name] / np.sqrt(
                s_corrected["d" + name] + epsilon)
    return parameters, v, s, v_corrected, s_corrected


@MISTAKES.add("update_parameters_with_adam", "v_corrected and s_corrected were computed but the step used v and s: "
                                             "update with learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon), "
                                             "the bias-corrected moments.")
def update_parameters_with_adam_steps_uncorrected(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                                  beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    parameters, v, s = dict(parameters), dict(v), dict(s)
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            v["d" + name] = beta1 * v["d" + name] + (1 - beta1) * grads["d" + name]
            s["d" + name] = beta2 * s["d" + name] + (1 - beta2) * grads["d" + name] ** 2
            v_corrected["d" + name] = v["d" + name] / (1 - beta1 ** t)
            s_corrected["d" + name] = s["d" + name] / (1 - beta2 ** t)
            parameters[name] = parameters[name] - learning_rate * v["d" + name] / (np.sqrt(s["d" + name]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


@MISTAKES.add("update_lr", "the decay divides: learning_rate0 / (1 + decay_rate * epoch_num), "
                           "not learning_rate0 * (1 + ...).")
def update_lr_multiplies(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 * (1 + decay_rate * epoch_num)


@MISTAKES.add("update_lr", "operator precedence: learning_rate0 / 1 + decay_rate * epoch_num adds decay_rate * epoch_num "
                           "to the rate; the denominator needs parentheses, learning_rate0 / (1 + decay_rate * epoch_num).")
def update_lr_precedence(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 / 1 + decay_rate * epoch_num


@MISTAKES.add("schedule_lr_decay", "the decay steps once every time_interval epochs: use "
                                   "math.floor(epoch_num / time_interval), not epoch_num / time_interval.")
def schedule_lr_decay_continuous(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * epoch_num / time_interval)


@MISTAKES.add("schedule_lr_decay", "the decay uses the number of intervals passed, floor(epoch_num / time_interval); "
                                   "this used the raw epoch number.")
def schedule_lr_decay_every_epoch(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * epoch_num)

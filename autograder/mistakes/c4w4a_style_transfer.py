"""Typical mistakes in assignment c4w4a (neural style transfer). Every function here is deliberately wrong."""
import tensorflow as tf

from autograder.core import MistakeCatalogue
from solutions.c4w4a_style_transfer import STYLE_LAYERS, compute_layer_style_cost, gram_matrix  # noqa: F401

MISTAKES = MistakeCatalogue()


@MISTAKES.add("compute_content_cost", "unroll a_C and a_G the same way, tf.reshape(a, shape=[m, n_H * n_W, n_C]): "
                                      "transposing one of them to channels first before the reshape pairs each "
                                      "activation of one image with a different activation of the other.")
def compute_content_cost_unrolled_differently(content_output, generated_output):
    a_C = content_output[-1]
    a_G = generated_output[-1]
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_C_unrolled = tf.reshape(a_C, shape=[m, n_H * n_W, n_C])
    a_G_unrolled = tf.reshape(tf.transpose(a_G, perm=[0, 3, 1, 2]), shape=[m, n_H * n_W, n_C])
    return tf.reduce_sum(tf.square(a_C_unrolled - a_G_unrolled)) / (4.0 * n_H * n_W * n_C)


@MISTAKES.add("compute_content_cost", "the content cost is divided by 4 * n_H * n_W * n_C, all three sizes.")
def compute_content_cost_normalized_without_channels(content_output, generated_output):
    a_C = content_output[-1]
    a_G = generated_output[-1]
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    return tf.reduce_sum(tf.square(a_C - a_G)) / (4.0 * n_H * n_W)


@MISTAKES.add("compute_content_cost", "put the whole denominator in parentheses: ... / (4 * n_H * n_W * n_C). "
                                      "Written / 4 * n_H * n_W * n_C, Python divides by 4 and then multiplies by "
                                      "n_H * n_W * n_C.")
def compute_content_cost_precedence(content_output, generated_output):
    a_C = content_output[-1]
    a_G = generated_output[-1]
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_C_unrolled = tf.reshape(a_C, shape=[m, -1, n_C])
    a_G_unrolled = tf.reshape(a_G, shape=[m, -1, n_C])
    return tf.reduce_sum(tf.square(a_C_unrolled - a_G_unrolled)) / 4 * n_H * n_W * n_C


@MISTAKES.add("gram_matrix", "the Gram matrix of A (n_C, n_H*n_W) is A times its transpose, (n_C, n_C); "
                             "A^T A is (n_H*n_W, n_H*n_W).")
def gram_matrix_transposed_product(A):
    return tf.matmul(tf.transpose(A), A)


@MISTAKES.add("compute_layer_style_cost", "unroll the activations to (n_H*n_W, n_C) and then transpose to "
                                          "(n_C, n_H*n_W); reshaping straight to (n_C, n_H*n_W) mixes pixels and "
                                          "channels, so the Gram matrix of that wrong reshape compares the wrong things.")
def compute_layer_style_cost_wrong_reshape(a_S, a_G):
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_S = tf.reshape(a_S, shape=[n_C, n_H * n_W])
    a_G = tf.reshape(a_G, shape=[n_C, n_H * n_W])
    return tf.reduce_sum(tf.square(gram_matrix(a_S) - gram_matrix(a_G))) / (4.0 * n_C ** 2 * (n_H * n_W) ** 2)


@MISTAKES.add("compute_layer_style_cost", "the style cost is normalized: divide the sum of squares by "
                                          "4 * n_C**2 * (n_H * n_W)**2.")
def compute_layer_style_cost_unnormalized(a_S, a_G):
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_S = tf.transpose(tf.reshape(a_S, shape=[-1, n_C]))
    a_G = tf.transpose(tf.reshape(a_G, shape=[-1, n_C]))
    return tf.reduce_sum(tf.square(gram_matrix(a_S) - gram_matrix(a_G)))


@MISTAKES.add("compute_style_cost", "weigh each layer's cost by its weight in STYLE_LAYERS: J_style += weight * cost.")
def compute_style_cost_unweighted(style_image_output, generated_image_output, STYLE_LAYERS=STYLE_LAYERS):
    J_style = 0
    a_S = style_image_output[:-1]
    a_G = generated_image_output[:-1]
    for i in range(len(a_S)):
        J_style += compute_layer_style_cost(a_S[i], a_G[i])
    return J_style


@MISTAKES.add("total_cost", "J = alpha * J_content + beta * J_style: alpha weighs the content, beta the style.")
def total_cost_swapped(J_content, J_style, alpha=10, beta=40):
    return beta * J_content + alpha * J_style


@MISTAKES.add("total_cost", "use the arguments alpha and beta, J = alpha * J_content + beta * J_style, not the "
                            "numbers 10 and 40: those are only their defaults.")
def total_cost_fixed_weights(J_content, J_style, alpha=10, beta=40):
    return 10 * J_content + 40 * J_style


@MISTAKES.add("train_step", "clip the pixels to [0, 1] after each step: generated_image.assign(clip_0_1(generated_image)).")
def train_step_without_clipping(generated_image):
    with tf.GradientTape() as tape:
        a_G = vgg_model_outputs(generated_image)  # noqa: F821 - the notebook's global
        J_style = compute_style_cost(a_S, a_G)  # noqa: F821
        J_content = compute_content_cost(a_C, a_G)  # noqa: F821
        J = total_cost(J_content, J_style, alpha=ALPHA, beta=BETA)  # noqa: F821
    grad = tape.gradient(J, generated_image)
    optimizer.apply_gradients([(grad, generated_image)])  # noqa: F821
    return J


@MISTAKES.add("train_step", "the content cost comes first: total_cost(J_content, J_style, alpha=ALPHA, beta=BETA).")
def train_step_costs_swapped(generated_image):
    with tf.GradientTape() as tape:
        a_G = vgg_model_outputs(generated_image)  # noqa: F821
        J_style = compute_style_cost(a_S, a_G)  # noqa: F821
        J_content = compute_content_cost(a_C, a_G)  # noqa: F821
        J = total_cost(J_style, J_content, alpha=ALPHA, beta=BETA)  # noqa: F821
    grad = tape.gradient(J, generated_image)
    optimizer.apply_gradients([(grad, generated_image)])  # noqa: F821
    generated_image.assign(clip_0_1(generated_image))  # noqa: F821
    return J

"""Reference solutions for assignment c4w4a, neural style transfer.

Activations are tensors of shape (m, n_H, n_W, n_C), m = 1; the feature model returns a list
of them, the style layers' first and the content layer's last, so that ``output[-1]`` is the
content layer's and ``output[:-1]`` the style layers'.
"""
import tensorflow as tf

from coursekit.nst import STYLE_LAYERS, clip_0_1

__all__ = ["compute_content_cost", "gram_matrix", "compute_layer_style_cost", "compute_style_cost", "total_cost",
           "train_step"]

# What train_step works with, set by the notebook before it trains (the classic notebook's globals):
# the feature model, the content and style images' features, the optimizer and the costs' weights.
vgg_model_outputs = a_C = a_S = optimizer = None
ALPHA, BETA = 10, 40


def compute_content_cost(content_output, generated_output):
    """The content cost: how far the generated image's content-layer activations are from the content image's.

    Parameters
    ----------
    content_output : list of tensor
        The feature model's outputs for the content image; the last is the content layer's,
        of shape (1, n_H, n_W, n_C).
    generated_output : list of tensor
        The same for the generated image.

    Returns
    -------
    J_content : scalar tensor
        sum((a_C - a_G)^2) / (4 n_H n_W n_C).
    """
    a_C = content_output[-1]
    a_G = generated_output[-1]
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_C_unrolled = tf.reshape(a_C, shape=[m, n_H * n_W, n_C])
    a_G_unrolled = tf.reshape(a_G, shape=[m, n_H * n_W, n_C])
    J_content = tf.reduce_sum(tf.square(a_C_unrolled - a_G_unrolled)) / (4.0 * n_H * n_W * n_C)
    return J_content


def gram_matrix(A):
    """The Gram matrix of the rows of A: their dot products with each other.

    Parameters
    ----------
    A : tensor of shape (n_C, n_H * n_W)

    Returns
    -------
    GA : tensor of shape (n_C, n_C)
    """
    GA = tf.matmul(A, tf.transpose(A))
    return GA


def compute_layer_style_cost(a_S, a_G):
    """The style cost of one layer: how far the Gram matrices of the two images' activations are.

    Parameters
    ----------
    a_S : tensor of shape (1, n_H, n_W, n_C)
        The style image's activations.
    a_G : tensor of shape (1, n_H, n_W, n_C)
        The generated image's.

    Returns
    -------
    J_style_layer : scalar tensor
        sum((G_S - G_G)^2) / (4 n_C^2 (n_H n_W)^2).
    """
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_S = tf.transpose(tf.reshape(a_S, shape=[-1, n_C]))
    a_G = tf.transpose(tf.reshape(a_G, shape=[-1, n_C]))
    GS = gram_matrix(a_S)
    GG = gram_matrix(a_G)
    J_style_layer = tf.reduce_sum(tf.square(GS - GG)) / (4.0 * n_C ** 2 * (n_H * n_W) ** 2)
    return J_style_layer


def compute_style_cost(style_image_output, generated_image_output, STYLE_LAYERS=STYLE_LAYERS):
    """The style cost: the layers' style costs, weighted.

    Parameters
    ----------
    style_image_output : list of tensor
        The feature model's outputs for the style image (the style layers', then the content layer's).
    generated_image_output : list of tensor
        The same for the generated image.
    STYLE_LAYERS : list of (str, float)
        The style layers' names and weights, in the order of the outputs.

    Returns
    -------
    J_style : scalar tensor
    """
    J_style = 0
    a_S = style_image_output[:-1]
    a_G = generated_image_output[:-1]
    for i, weight in zip(range(len(a_S)), STYLE_LAYERS):
        J_style_layer = compute_layer_style_cost(a_S[i], a_G[i])
        J_style += weight[1] * J_style_layer
    return J_style


def total_cost(J_content, J_style, alpha=10, beta=40):
    """The total cost: alpha J_content + beta J_style.

    Parameters
    ----------
    J_content : scalar tensor
    J_style : scalar tensor
    alpha, beta : float
        The weights of the content and of the style.

    Returns
    -------
    J : scalar tensor
    """
    J = alpha * J_content + beta * J_style
    return J


def train_step(generated_image):
    """One step of Adam on the generated image's pixels, which are then clipped to [0, 1].

    Uses the module's (the notebook's) ``vgg_model_outputs``, ``a_C``, ``a_S``, ``optimizer``,
    ``ALPHA`` and ``BETA``.

    Parameters
    ----------
    generated_image : tf.Variable of shape (1, n_H, n_W, 3)
        Updated in place.

    Returns
    -------
    J : scalar tensor
        The total cost before the step.
    """
    with tf.GradientTape() as tape:
        a_G = vgg_model_outputs(generated_image)
        J_style = compute_style_cost(a_S, a_G)
        J_content = compute_content_cost(a_C, a_G)
        J = total_cost(J_content, J_style, alpha=ALPHA, beta=BETA)
    grad = tape.gradient(J, generated_image)
    optimizer.apply_gradients([(grad, generated_image)])
    generated_image.assign(clip_0_1(generated_image))
    return J

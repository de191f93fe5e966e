"""Classic-style answers of assignment c4w4a (neural style transfer). See :mod:`tests.classic`."""

RIGHT = {
    "compute_content_cost": '''
def compute_content_cost(content_output, generated_output):
    a_C = content_output[-1]
    a_G = generated_output[-1]

    m, n_H, n_W, n_C = a_G.get_shape().as_list()

    a_C_unrolled = tf.reshape(a_C, shape=[m, -1, n_C])
    a_G_unrolled = tf.reshape(a_G, shape=[m, -1, n_C])

    J_content = 1 / (4 * n_H * n_W * n_C) * tf.reduce_sum(tf.square(tf.subtract(a_C_unrolled, a_G_unrolled)))

    return J_content
''',
    "gram_matrix": '''
def gram_matrix(A):
    GA = tf.matmul(A, tf.transpose(A))
    return GA
''',
    "compute_layer_style_cost": '''
def compute_layer_style_cost(a_S, a_G):
    m, n_H, n_W, n_C = a_G.get_shape().as_list()

    a_S = tf.transpose(tf.reshape(a_S, shape=[-1, n_C]))
    a_G = tf.transpose(tf.reshape(a_G, shape=[-1, n_C]))

    GS = gram_matrix(a_S)
    GG = gram_matrix(a_G)

    J_style_layer = 1 / (4 * n_C**2 * (n_H * n_W)**2) * tf.reduce_sum(tf.square(tf.subtract(GS, GG)))

    return J_style_layer
''',
    "compute_style_cost": '''
def compute_style_cost(style_image_output, generated_image_output, STYLE_LAYERS=STYLE_LAYERS):
    J_style = 0

    a_S = style_image_output[:-1]

    a_G = generated_image_output[:-1]
    for i, weight in zip(range(len(a_S)), STYLE_LAYERS):
        J_style_layer = compute_layer_style_cost(a_S[i], a_G[i])

        J_style += weight[1] * J_style_layer

    return J_style
''',
    "total_cost": '''
def total_cost(J_content, J_style, alpha = 10, beta = 40):
    J = alpha * J_content + beta * J_style
    return J
''',
    # The classic step weighs the costs with total_cost's defaults, alpha = 10 and beta = 40.
    "train_step": '''
@tf.function()
def train_step(generated_image):
    with tf.GradientTape() as tape:

        a_G = vgg_model_outputs(generated_image)

        J_style = compute_style_cost(a_S, a_G)

        J_content = compute_content_cost(a_C, a_G)
        J = total_cost(J_content, J_style)

    grad = tape.gradient(J, generated_image)

    optimizer.apply_gradients([(grad, generated_image)])
    generated_image.assign(clip_0_1(generated_image))
    return J
''',
}

WRONG = {
    "compute_content_cost": '''
def compute_content_cost(content_output, generated_output):
    a_C = content_output[-1]
    a_G = generated_output[-1]
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_C_unrolled = tf.reshape(a_C, shape=[m, -1, n_C])
    a_G_unrolled = tf.reshape(a_G, shape=[m, -1, n_C])
    J_content = tf.reduce_sum(tf.square(tf.subtract(a_C_unrolled, a_G_unrolled))) / 4 * n_H * n_W * n_C
    return J_content
''',
    "gram_matrix": '''
def gram_matrix(A):
    GA = tf.matmul(tf.transpose(A), A)
    return GA
''',
    "compute_layer_style_cost": '''
def compute_layer_style_cost(a_S, a_G):
    m, n_H, n_W, n_C = a_G.get_shape().as_list()
    a_S = tf.reshape(a_S, shape=[n_C, n_H * n_W])
    a_G = tf.reshape(a_G, shape=[n_C, n_H * n_W])
    GS = gram_matrix(a_S)
    GG = gram_matrix(a_G)
    J_style_layer = 1 / (4 * n_C**2 * (n_H * n_W)**2) * tf.reduce_sum(tf.square(tf.subtract(GS, GG)))
    return J_style_layer
''',
    "compute_style_cost": '''
def compute_style_cost(style_image_output, generated_image_output, STYLE_LAYERS=STYLE_LAYERS):
    J_style = 0
    a_S = style_image_output[:-1]
    a_G = generated_image_output[:-1]
    for i, weight in zip(range(len(a_S)), STYLE_LAYERS):
        J_style_layer = compute_layer_style_cost(a_S[i], a_G[i])
        J_style += J_style_layer
    return J_style
''',
    "total_cost": '''
def total_cost(J_content, J_style, alpha = 10, beta = 40):
    J = 10 * J_content + 40 * J_style
    return J
''',
    "train_step": '''
@tf.function()
def train_step(generated_image):
    with tf.GradientTape() as tape:
        a_G = vgg_model_outputs(generated_image)
        J_style = compute_style_cost(a_S, a_G)
        J_content = compute_content_cost(a_C, a_G)
        J = total_cost(J_content, J_style)
    grad = tape.gradient(J, generated_image)
    optimizer.apply_gradients([(grad, generated_image)])
    return J
''',
}

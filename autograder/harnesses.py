"""Harnesses: how an exercise whose result is not a plain value is run and turned into one.

A harness ``harness(function, *args) -> value`` runs wherever the function runs: here for the
reference and the typical mistakes, and in the student's sandboxed kernel for the student's
function, which receives its source (:mod:`autograder.trusted`). So each one is a top-level
function that imports what it uses inside its body, only from coursekit, numpy and TensorFlow,
holds no answer to any exercise, and returns plain values (numbers, strings, arrays, lists).
"""


def architecture_of(function, *args):
    """The layer list (:func:`coursekit.models.architecture`) of the model ``function(*args)`` builds."""
    from coursekit.models import architecture

    return architecture(function(*args))


def block_output(function, X, *args):
    """A residual block's output on ``X``, called as the course calls it, also when the block was
    written without a ``training`` parameter (:func:`coursekit.models.with_training`)."""
    import numpy as np

    from coursekit.models import with_training

    return np.asarray(with_training(function)(X, *args))


def block_layers(function, input_shape, *args):
    """The layers and connections of a block applied to a symbolic input (:func:`coursekit.models.block_graph`)."""
    from coursekit.models import block_graph

    return block_graph(function, input_shape, *args)


def resnet_with_stand_in_blocks(function, *args):
    """The layer graph of ``ResNet50(*args)`` with each residual block replaced by a stand-in.

    A stand-in has the block's main path as plain convolutions of the sizes it was asked for
    (``filters``, ``f``, ``s``), so the graph records which blocks the model calls, in which
    order, with which arguments, whatever the blocks themselves compute: a mistake in a block
    costs the block's points only.
    """
    import types

    import tensorflow as tf

    from coursekit.checks import rebind
    from coursekit.models import layer_graph

    def identity_block(X, f, filters, training=True, initializer=None):
        F1, F2, F3 = filters
        X = tf.keras.layers.Conv2D(F1, 1, name=None)(X)
        X = tf.keras.layers.Conv2D(F2, f, padding="same")(X)
        return tf.keras.layers.Conv2D(F3, 1)(X)

    def convolutional_block(X, f, filters, s=2, training=True, initializer=None):
        F1, F2, F3 = filters
        X = tf.keras.layers.Conv2D(F1, 1, strides=s)(X)
        X = tf.keras.layers.Conv2D(F2, f, padding="same")(X)
        return tf.keras.layers.Conv2D(F3, 1, strides=1, padding="valid", use_bias=False)(X)

    python = getattr(function, "python_function", function)
    if isinstance(python, types.FunctionType):
        function = rebind(python, {"identity_block": identity_block, "convolutional_block": convolutional_block})
    return layer_graph(function(*args))


def trained_accuracy(function, build_args, data, loss, epochs, batch_size, learning_rate, seed=0):
    """float: test accuracy of ``function(*build_args)`` after a short, seeded run of Adam.

    ``data`` names the task: ``"threes_and_eights"`` (the digits 3 and 8, binary), ``"digits"``
    (ten classes, one-hot) or ``"faces"`` (happy or not); the data comes from the assignment's
    own dataset files, so nothing large crosses to the kernel.
    """
    import numpy as np
    import tensorflow as tf

    from coursekit.datasets import load_digits, load_faces

    if data == "faces":
        train_x, train_y, test_x, test_y, _ = load_faces()
        X, Y = (train_x / 255.0).astype(np.float32), train_y.T.astype(np.float32)
        X_test, Y_test = (test_x / 255.0).astype(np.float32), test_y.T.astype(np.float32)
    else:
        train_x, train_y, test_x, test_y, _ = load_digits(size=64)
        X, y = (train_x / 255.0).astype(np.float32), train_y.ravel()
        X_test, y_test = (test_x / 255.0).astype(np.float32), test_y.ravel()
        if data == "threes_and_eights":
            train, test = np.isin(y, [3, 8]), np.isin(y_test, [3, 8])
            X, Y = X[train], (y[train] == 8).astype(np.float32).reshape(-1, 1)
            X_test, Y_test = X_test[test], (y_test[test] == 8).astype(np.float32).reshape(-1, 1)
        else:
            Y, Y_test = np.eye(10, dtype=np.float32)[y], np.eye(10, dtype=np.float32)[y_test]
    tf.keras.utils.set_random_seed(seed)
    model = function(*build_args)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate), loss=loss, metrics=["accuracy"])
    model.fit(X, Y, epochs=epochs, batch_size=batch_size, verbose=0, shuffle=True)
    return float(model.evaluate(X_test, Y_test, verbose=0)[1])


def two_train_steps(train_step, content_image, style_image, generated_image, ALPHA, BETA):
    """Two steps of the student's ``train_step`` with the grader's own globals.

    ``train_step`` works through the notebook's globals (the feature model, ``a_C``, ``a_S``,
    the optimizer, ``ALPHA``, ``BETA`` and the cost functions). Here they are a small random
    convolutional model with the same kind of outputs, a fresh Adam (learning rate 0.05), and
    stand-in costs with the exercises' signatures (simple differentiable functions, not the
    exercises' answers), so the step is judged on its own code: the tape, the gradient, the
    optimizer step and the clipping.

    Returns
    -------
    dict
        The cost of each step and the pixels after the first.
    """
    import types

    import numpy as np
    import tensorflow as tf

    from coursekit.checks import rebind
    from coursekit.nst import clip_0_1

    python = getattr(train_step, "python_function", train_step)  # the function inside @tf.function
    if not isinstance(python, types.FunctionType):
        raise TypeError(f"train_step should be a function (decorated with @tf.function or not), "
                        f"but it is {type(train_step).__name__}")
    inputs = tf.keras.Input((16, 16, 3))
    X, outputs = inputs, []
    for number, (channels, pool) in enumerate([(4, False), (4, True), (6, False), (6, True), (8, False), (8, False)]):
        X = tf.keras.layers.Conv2D(channels, 3, padding="same", activation="relu",
                                   kernel_initializer=tf.keras.initializers.GlorotUniform(seed=number))(X)
        outputs.append(X)
        if pool:
            X = tf.keras.layers.AveragePooling2D(2)(X)
    model = tf.keras.Model(inputs, outputs)

    def compute_content_cost(content_output, generated_output):
        return tf.reduce_mean(tf.square(content_output[-1] - generated_output[-1]))

    def compute_style_cost(style_image_output, generated_image_output, STYLE_LAYERS=None):
        return sum(tf.reduce_mean(tf.abs(tf.reduce_mean(s, axis=(1, 2)) - tf.reduce_mean(g, axis=(1, 2))))
                   for s, g in zip(style_image_output[:-1], generated_image_output[:-1]))

    def total_cost(J_content, J_style, alpha=10, beta=40):
        return alpha * J_content + beta * J_style

    step = rebind(python, {
        "vgg_model_outputs": model, "a_C": model(content_image), "a_S": model(style_image),
        "optimizer": tf.keras.optimizers.Adam(learning_rate=0.05), "ALPHA": ALPHA, "BETA": BETA,
        "clip_0_1": clip_0_1, "compute_content_cost": compute_content_cost,
        "compute_style_cost": compute_style_cost, "total_cost": total_cost})
    image = tf.Variable(generated_image)
    first = step(image)
    after = np.array(image.numpy())
    second = step(image)
    return {"J of the first step": float(first), "pixels after the first step": after,
            "J of the second step": float(second)}

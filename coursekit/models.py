"""Describing a Keras model so that two models can be compared line by line.

Used by the visible tests (``expect(happyModel, (), expected, view=architecture)``) and by the
hidden tests: a model is right when every layer has the right type, configuration, output shape
and number of parameters. :func:`layer_graph` also says where each layer takes its inputs from,
for models that branch (residual blocks). Nothing here builds a model.
"""

#: The configuration entries that define a layer's computation (others, like names, do not matter).
KEYS = ("filters", "kernel_size", "strides", "padding", "pool_size", "axis", "units", "activation", "rate")


class SeededUniform:
    """An ``initializer`` argument of the graded blocks: ``SeededUniform()(seed=0)`` draws kernels
    uniformly in [-1, 1).

    Every convolution of a block gets the same initializer seed, so two implementations that
    build the same layers get the same weights whatever order they build them in. The grader
    sends it to the student's kernel by name (:mod:`coursekit.wire`).
    """

    def __call__(self, seed=0):
        import tensorflow as tf

        return tf.keras.initializers.RandomUniform(-1.0, 1.0, seed=seed)

    def __repr__(self):
        return "SeededUniform()  (kernels uniform in [-1, 1) from seed 0)"


def _config(layer):
    config = layer.get_config()
    if "axis" in config:  # axis=-1 and axis=3 are the same axis of a 4-D input
        rank = len(layer.input.shape)
        axes = config["axis"] if isinstance(config["axis"], (list, tuple)) else [config["axis"]]
        config["axis"] = [a % rank for a in axes]
    if config.get("padding") == "same" and _pads_nothing(layer, config):
        config["padding"] = "valid"  # 'same' that adds no border computes what 'valid' does
    return ", ".join(f"{key}={config[key]!r}" for key in KEYS if key in config)


def _pads_nothing(layer, config):
    """True if ``padding='same'`` adds no border on this layer's input (a 1x1 kernel with stride 1,
    a 2x2 pooling of a 2x2 map, ...): Keras pads (out - 1) * stride + window - size, out = ceil(size / stride)."""
    if "Transpose" in type(layer).__name__ or config.get("data_format", "channels_last") != "channels_last":
        return False  # a transposed convolution's 'same' differs even without a border; channels first: other axes
    window = config.get("kernel_size") or config.get("pool_size")
    strides = config.get("strides") or window
    try:
        sizes = tuple(layer.input.shape)[1:1 + len(window)]
    except (AttributeError, TypeError, ValueError):
        return False
    if not window or None in sizes or len(sizes) != len(window):
        return False
    dilation = config.get("dilation_rate") or (1,) * len(window)
    for size, k, s, d in zip(sizes, window, strides, dilation):
        span = (k - 1) * d + 1
        if (-(-size // s) - 1) * s + span - size > 0:
            return False
    return True


def _describe(layer):
    return f"{type(layer).__name__}({_config(layer)}) -> {tuple(layer.output.shape)}, {layer.count_params()} parameters"


def _is_plain_relu(layer):
    if type(layer).__name__ != "ReLU":
        return False
    config = layer.get_config() if hasattr(layer, "get_config") else {}
    return not config.get("max_value") and not config.get("negative_slope") and not config.get("threshold")


def _describe_node(layer):
    """Like :func:`_describe`, with equivalent spellings made equal: an operation written on
    tensors (``X + Y``) reads like the layer (``Add()``), and ``ReLU()`` like ``Activation("relu")``."""
    shape = tuple(layer.output.shape)
    if _is_plain_relu(layer):
        return f"Activation(activation='relu') -> {shape}, 0 parameters"
    if not hasattr(layer, "count_params"):  # an operation on tensors, not a layer
        return f"{type(layer).__name__}() -> {shape}, 0 parameters"
    return _describe(layer)


def _require_model(model):
    if not hasattr(model, "layers"):
        raise TypeError(f"expected a Keras model, got {type(model).__name__}; does the function return the model?")


def architecture(model):
    """One line per layer of a built Keras model.

    Parameters
    ----------
    model : tf.keras.Model

    Returns
    -------
    layers : list of str
        ``"layer i: Conv2D(filters=32, ...) -> (None, 64, 64, 32), 4736 parameters"``.

    Raises
    ------
    TypeError
        If ``model`` is not a Keras model (a function that forgot to return it gives None).
    """
    _require_model(model)
    return [f"layer {i}: {_describe(layer)}" for i, layer in enumerate(model.layers)]


def _parents(layer):
    """The layers (or operations) whose outputs ``layer`` takes as inputs (its first call's)."""
    nodes = layer._inbound_nodes[:1]  # noqa: SLF001 - Keras keeps the graph here; a layer used once has one node
    return [tensor._keras_history[0] for node in nodes for tensor in node.input_tensors]  # noqa: SLF001


def layer_graph(model):
    """One line per layer of a built Keras model, with the layers it takes its inputs from.

    Operations written on tensors (``X + X_shortcut``) are listed like the equivalent layer
    (``Add()``), and a plain ``ReLU()`` like ``Activation("relu")``: they compute the same.
    The numbering does not depend on the order in which the code built the branches: layers are
    listed by depth (the longest path from the input), and layers of equal depth by description.
    Building a residual block's shortcut before or after its main path gives the same lines.

    Parameters
    ----------
    model : tf.keras.Model

    Returns
    -------
    layers : list of str
        ``"layer 9: Add() -> (None, 8, 8, 6), 0 parameters <- layers 0, 8"``.

    Raises
    ------
    TypeError
        If ``model`` is not a Keras model.
    """
    _require_model(model)
    layers = getattr(model, "operations", model.layers)  # with the operations written as ``X + Y``
    parents = {id(layer): _parents(layer) for layer in layers}
    described = {id(layer): _describe_node(layer) for layer in layers}
    depth = {}
    for layer in layers:  # Keras lists a layer after the layers it depends on
        depth[id(layer)] = 1 + max((depth[id(p)] for p in parents[id(layer)]), default=-1)
    number, lines = {}, []
    for level in sorted(set(depth.values())):
        # parents lie on earlier levels, so they are numbered already and break ties between equal layers
        def key(layer):
            return described[id(layer)], sorted(number[id(p)] for p in parents[id(layer)])
        for layer in sorted((l for l in layers if depth[id(l)] == level), key=key):
            inputs = key(layer)[1]
            number[id(layer)] = len(lines)
            line = f"layer {len(lines)}: {described[id(layer)]}"
            if inputs:
                line += f" <- layer{'s' if len(inputs) > 1 else ''} {', '.join(map(str, inputs))}"
            lines.append(line)
    return lines


def with_training(block):
    """``block`` callable as this course calls a residual block, ``block(X, f, filters, [s,] training,
    initializer)``, also when it was written, as in the newest classic notebooks, without a
    ``training`` parameter: then it is applied to a symbolic input and the model it makes runs on
    ``X`` with ``training``, which Keras passes on to every batch normalization in it.

    Returns
    -------
    block : callable
        ``block`` itself if it takes ``training``, else a function of the course's arguments that
        returns the block's output on ``X``, named like ``block``.
    """
    import inspect

    try:
        parameters = inspect.signature(block).parameters
    except (TypeError, ValueError):
        return block
    if "training" in parameters:
        return block

    def run(X, *args):
        import tensorflow as tf

        *head, training, initializer = args
        inputs = tf.keras.Input(tuple(X.shape)[1:])
        return tf.keras.Model(inputs, block(inputs, *head, initializer=initializer))(X, training=training)

    run.__name__ = run.__qualname__ = getattr(block, "__name__", "block")
    # Messages name the arguments as the course passes them: the block's own, then training, initializer.
    own = [p for p in parameters.values() if p.name != "initializer" and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    run.__signature__ = inspect.Signature(
        own + [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default)
               for name, default in (("training", True), ("initializer", None))])
    return run


def block_graph(block, input_shape, *args):
    """The :func:`layer_graph` of the model that one block builds on a symbolic input.

    Parameters
    ----------
    block : callable
        ``block(X, *args)`` returns the block's output tensor (``identity_block``).
    input_shape : tuple of int
        (n_H, n_W, n_C) of the block's input.
    *args
        The block's other arguments (``f, filters``).

    Returns
    -------
    layers : list of str
    """
    import tensorflow as tf

    X = tf.keras.Input(input_shape)
    return layer_graph(tf.keras.Model(X, block(X, *args)))


def size(model):
    """dict: a model's number of layers, number of parameters and output shape (a short summary to compare)."""
    _require_model(model)
    return {"layers": len(model.layers), "parameters": model.count_params(), "output shape": tuple(model.output_shape)}


def recompute_batchnorm_statistics(model, X, batch_size=64):
    """Set every batch-normalization layer's running mean and variance to their average over ``X``.

    While training, the running averages follow the batches' statistics with momentum 0.99, so
    after a short run they still remember their initial values (mean 0, variance 1): the model
    does well in training mode and badly at test time (``training=False``). One pass over the
    training pictures in training mode, averaging the batches' statistics with equal weights,
    replaces them ("precise batch norm", Wu and Johnson, 2021). No weight is trained.

    Parameters
    ----------
    model : tf.keras.Model
    X : ndarray of shape (m, n_H, n_W, n_C)
        Pictures from the training set.
    batch_size : int
        As in training: each batch is normalized with its own statistics, as it was then.

    Returns
    -------
    count : int
        The number of batch-normalization layers updated.
    """
    import tensorflow as tf

    _require_model(model)
    layers = [l for l in model.layers if isinstance(l, tf.keras.layers.BatchNormalization)]
    momenta = [layer.momentum for layer in layers]
    try:
        for k, start in enumerate(range(0, len(X), batch_size), start=1):
            for layer in layers:  # the k-th batch gets weight 1/k: a running mean of equal weights
                layer.momentum = 1.0 - 1.0 / k
            model(X[start:start + batch_size], training=True)
    finally:
        for layer, momentum in zip(layers, momenta):
            layer.momentum = momentum
    return len(layers)

"""Describing a Keras model so that two models can be compared line by line.

Used by the visible tests (``expect(happyModel, (), expected, view=architecture)``) and by the
hidden tests: a model is right when every layer has the right type, configuration, output shape
and number of parameters. Nothing here builds a model.
"""

#: The configuration entries that define a layer's computation (others, like names, do not matter).
KEYS = ("filters", "kernel_size", "strides", "padding", "pool_size", "axis", "units", "activation", "rate")


def _config(layer):
    config = layer.get_config()
    if "axis" in config:  # axis=-1 and axis=3 are the same axis of a 4-D input
        rank = len(layer.input.shape)
        axes = config["axis"] if isinstance(config["axis"], (list, tuple)) else [config["axis"]]
        config["axis"] = [a % rank for a in axes]
    return ", ".join(f"{key}={config[key]!r}" for key in KEYS if key in config)


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
    if not hasattr(model, "layers"):
        raise TypeError(f"expected a Keras model, got {type(model).__name__}; does the function return the model?")
    return [f"layer {i}: {type(layer).__name__}({_config(layer)}) -> {tuple(layer.output.shape)}, "
            f"{layer.count_params()} parameters" for i, layer in enumerate(model.layers)]

"""The feature network of neural style transfer (the given code of assignment c4w4a).

Nothing here is an exercise: students receive this module as it is. The classic assignment
downloads VGG-19's ImageNet weights; here the network has VGG-19's layout (Keras's
``VGG19(include_top=False)``: sixteen 3x3 convolutions in five blocks) and, by default,
**random** weights. Random convolutional features carry style surprisingly well: the Gram
matrices of untrained multi-scale filters are enough to synthesize textures (Ustyuzhaninov,
Brendel, Gatys and Bethge, "What does it take to generate natural textures?", ICLR 2017) and to
transfer style (He, Wang and Hopcroft, "A powerful generative model using random weights for
the deep image representation", NeurIPS 2016). Each filter is drawn with He's scale and made
zero-mean, so that every layer responds to patterns rather than to brightness; the first
layer's are :data:`INPUT_GAIN` times larger, so that the classic cost weights (alpha = 10,
beta = 40) balance content and style. An instructor with the ImageNet weights file loads it with
:func:`load_vgg19_weights`.
"""
from pathlib import Path

import h5py
import numpy as np
import tensorflow as tf

#: The layers whose Gram matrices define the style, with their weights (the classic choice).
STYLE_LAYERS = [("block1_conv1", 0.2), ("block2_conv1", 0.2), ("block3_conv1", 0.2), ("block4_conv1", 0.2),
                ("block5_conv1", 0.2)]
#: The layer whose activations define the content (the classic choice).
CONTENT_LAYER = [("block5_conv4", 1)]

#: How many times He's scale the first convolution's random filters get. The network is ReLUs,
#: max-poolings and zero biases, so every activation grows by this factor: the content cost
#: (squares of activations) by 1000, the style cost (squares of Gram matrices, products of two
#: activations) by 1000 ** 2. At gain 1 the random network's style cost is so small beside its
#: content cost that the style needed beta = 40000; at this gain the classic alpha = 10, beta = 40
#: weigh the two exactly as alpha = 10, beta = 40000 did at gain 1 (the total cost is 1000 times
#: that one, and Adam's steps do not depend on the scale of the cost).
INPUT_GAIN = 1000 ** 0.5


def vgg19_layout(input_shape=(128, 128, 3)):
    """VGG-19 without its classifier, with placeholder weights (nothing is downloaded).

    Returns
    -------
    vgg : tf.keras.Model
        Input (m, n_H, n_W, 3) in [0, 1]; layers named as in Keras (``block1_conv1`` ... ``block5_pool``).
    """
    return tf.keras.applications.VGG19(include_top=False, weights=None, input_shape=input_shape)


def randomize_weights(model, seed=0, gain=INPUT_GAIN):
    """Give every convolution of ``model`` random zero-mean filters with He's scale, and zero biases.

    Parameters
    ----------
    model : tf.keras.Model
    seed : int
        The same seed gives the same weights (a generator of its own: the global random state is
        left alone).
    gain : float
        The first convolution's filters are this many times He's scale (:data:`INPUT_GAIN`).

    Returns
    -------
    count : int
        How many convolutions were given weights.
    """
    rng = np.random.default_rng(seed)
    count = 0
    for layer in model.layers:
        if isinstance(layer, tf.keras.layers.Conv2D):
            kernel, bias = layer.get_weights()
            filters = rng.standard_normal(kernel.shape) * np.sqrt(2.0 / np.prod(kernel.shape[:3]))
            filters -= filters.mean(axis=(0, 1, 2), keepdims=True)  # respond to patterns, not to brightness
            if count == 0:
                filters *= gain
            layer.set_weights([filters.astype(np.float32), np.zeros_like(bias)])
            count += 1
    return count


def load_vgg19_weights(model, path):
    """Load convolution weights by layer name from a Keras weights file of the classic layout.

    The layout is Keras's HDF5 weights format (``vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5``
    as Keras applications distribute it): a group per layer, whose attribute ``weight_names``
    lists its kernel and bias datasets.

    Parameters
    ----------
    model : tf.keras.Model
        Every convolution of ``model`` must have a group of the same name in the file.
    path : str or Path

    Returns
    -------
    count : int
        How many convolutions were loaded.

    Raises
    ------
    FileNotFoundError
        If ``path`` is not a file.
    ValueError
        If the file is not HDF5, lacks a layer of the model, or holds weights of another shape.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} is not a file: point COURSE_VGG19_WEIGHTS at VGG-19's weights file "
                                f"(vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5), or unset it for random weights.")
    try:
        file = h5py.File(path, "r")
    except OSError as error:
        raise ValueError(f"{path} is not an HDF5 weights file ({error}).") from None
    count = 0
    with file:
        for layer in model.layers:
            if not isinstance(layer, tf.keras.layers.Conv2D):
                continue
            if layer.name not in file:
                raise ValueError(f"{path} has no weights for the layer {layer.name}; it holds {sorted(file)[:6]}... "
                                 f"Is it the weights file of VGG-19 without its top layers?")
            group = file[layer.name]
            names = [n.decode() if isinstance(n, bytes) else n for n in group.attrs.get("weight_names", [])]
            values = [np.asarray(group[name]) for name in names]
            expected = [tuple(w.shape) for w in layer.get_weights()]
            if [v.shape for v in values] != expected:
                raise ValueError(f"{path}: the weights of {layer.name} have shapes {[v.shape for v in values]}, "
                                 f"the layer needs {expected}.")
            layer.set_weights(values)
            count += 1
    return count


def feature_model(layer_names, input_shape=(128, 128, 3), weights=None, seed=0):
    """A model that outputs the activations of the named VGG-19 layers, in order.

    Parameters
    ----------
    layer_names : list of (str, float)
        Layer names with weights, as :data:`STYLE_LAYERS` + :data:`CONTENT_LAYER`.
    input_shape : tuple of int
    weights : str or Path, optional
        A VGG-19 weights file (see :func:`load_vgg19_weights`); by default random weights.
    seed : int
        Seed of the random weights.

    Returns
    -------
    model : tf.keras.Model
        Not trainable; outputs a list of tensors (m, n_H, n_W, n_C), one per layer.
    """
    vgg = vgg19_layout(input_shape)
    if weights is None:
        randomize_weights(vgg, seed)
    else:
        load_vgg19_weights(vgg, weights)
    vgg.trainable = False
    return tf.keras.Model(vgg.input, [vgg.get_layer(name).output for name, _ in layer_names])


def clip_0_1(image):
    """Clip the pixel values to [0, 1].

    Parameters
    ----------
    image : tensor of shape (m, n_H, n_W, 3)

    Returns
    -------
    image : tensor of shape (m, n_H, n_W, 3)
    """
    return tf.clip_by_value(image, clip_value_min=0.0, clip_value_max=1.0)


def tensor_to_image(tensor):
    """The first picture of a batch as a uint8 array for plotting.

    Parameters
    ----------
    tensor : tensor of shape (m, n_H, n_W, 3), values in [0, 1]

    Returns
    -------
    image : ndarray of shape (n_H, n_W, 3), uint8
    """
    return np.clip(np.asarray(tensor)[0] * 255, 0, 255).round().astype(np.uint8)

"""Reference solutions for assignment c2w1a, initialization.

Three ways to initialize the weights of an L-layer network, compared on the same 3-layer model
([LINEAR -> RELU] x 2 -> LINEAR -> SIGMOID, the functions of assignment c1w4a).
``layers_dims = [n_x, n_1, ..., n_L]``; ``W{l}`` has shape (n_l, n_{l-1}), ``b{l}`` (n_l, 1).
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    """Every weight and bias zero (which fails to break symmetry).

    Parameters
    ----------
    layers_dims : sequence of int
        [n_x, n_1, ..., n_L].

    Returns
    -------
    parameters : dict
        ``W{l}`` zeros of shape (n_l, n_{l-1}), ``b{l}`` zeros of shape (n_l, 1), l = 1..L.
    """
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_random(layers_dims, rng=None):
    """Large random weights (standard normal times 10), zero biases.

    Parameters
    ----------
    layers_dims : sequence of int
    rng : numpy.random.Generator or int, optional
        ``W1`` is drawn first, then ``W2``, and so on.

    Returns
    -------
    parameters : dict
        ``W{l}`` of shape (n_l, n_{l-1}), ``b{l}`` zeros of shape (n_l, 1).
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_he(layers_dims, rng=None):
    """He initialization: standard normal weights times sqrt(2 / n_{l-1}), zero biases.

    Parameters
    ----------
    layers_dims : sequence of int
    rng : numpy.random.Generator or int, optional
        ``W1`` is drawn first, then ``W2``, and so on.

    Returns
    -------
    parameters : dict
        ``W{l}`` of shape (n_l, n_{l-1}), ``b{l}`` zeros of shape (n_l, 1).

    Notes
    -----
    With relu units, half of the inputs of a layer are zeroed on average; the factor 2 in
    :math:`\\mathrm{Var}(W) = 2 / n_{l-1}` compensates, so the activations keep their scale
    from layer to layer (He et al., 2015).
    """
    rng = np.random.default_rng(rng)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters

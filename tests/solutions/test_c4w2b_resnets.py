"""Is the reference of assignment c4w2b right? Shapes and parameter counts worked out by hand, and
the blocks' defining properties checked on their values."""
import numpy as np
import tensorflow as tf

from solutions import c4w2b_resnets as ref


def zeros(seed=0):
    return tf.keras.initializers.Zeros()


def test_resnet50_has_the_published_size():
    model = ref.ResNet50((64, 64, 3), 10)
    # ResNet-50 has about 23.5 million parameters besides its 1000-class output layer; ours has 10 classes
    assert model.count_params() == 23_608_202
    assert model.output_shape == (None, 10)
    weighted = [layer for layer in model.layers if isinstance(layer, (tf.keras.layers.Conv2D, tf.keras.layers.Dense))]
    assert len(weighted) == 50 + 4, "49 convolutions and a dense layer on the main path, 4 shortcut convolutions"


def test_identity_block_with_zero_weights_is_relu_of_its_input():
    """All kernels zero: the main path gives batch norm's beta (0), so the block returns relu(X)."""
    X = np.random.default_rng(0).standard_normal((2, 5, 5, 3)).astype(np.float32)
    for training in (False, True):
        out = ref.identity_block(X, 3, [2, 4, 3], training, zeros)
        np.testing.assert_allclose(out, np.maximum(X, 0), atol=1e-6)


def test_convolutional_block_output_size():
    X = np.zeros((1, 7, 7, 3), np.float32)
    assert ref.convolutional_block(X, 3, [2, 2, 5], 2).shape == (1, 4, 4, 5)  # floor((7 - 1) / 2) + 1
    assert ref.convolutional_block(X, 3, [2, 2, 5], 1).shape == (1, 7, 7, 5)


def test_highway_block_carries_its_input_through_when_the_gate_is_shut():
    X = np.random.default_rng(1).standard_normal((2, 4, 4, 3)).astype(np.float32)
    shut = ref.highway_block(X, 3, gate_bias=-30.0, training=True)
    np.testing.assert_allclose(shut, X, atol=1e-6)
    half = ref.highway_block(X, 1, gate_bias=0.0, training=False, initializer=zeros)  # T = 1/2, H = relu(BN(0)) = 0
    np.testing.assert_allclose(half, X / 2, atol=1e-6)

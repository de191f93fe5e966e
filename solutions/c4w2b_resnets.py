"""Reference solutions for assignment c4w2b, residual networks (ResNet-50) and a highway block.

Images are (m, n_H, n_W, n_C). The blocks are written with the Keras Functional API: each takes
a tensor ``X`` and returns the block's output tensor, so they work both on symbolic inputs
(``tf.keras.Input``, to build a model) and on concrete arrays (to look at the values).

Every layer that has weights takes its initializer from ``initializer(seed=0)``, as in the
classic notebook: grading passes a seeded initializer to compare outputs with fixed weights.
"""
import tensorflow as tf

__all__ = ["identity_block", "convolutional_block", "ResNet50", "highway_block"]

tfl = tf.keras.layers
random_uniform = tf.keras.initializers.RandomUniform
glorot_uniform = tf.keras.initializers.GlorotUniform


def _main_path(X, f, filters, s, training, initializer):
    """The three convolutions both residual blocks share, before the shortcut is added.

    CONV2D(F1, 1x1, stride s, valid) -> BATCHNORM -> RELU -> CONV2D(F2, fxf, same) -> BATCHNORM ->
    RELU -> CONV2D(F3, 1x1, valid) -> BATCHNORM.
    """
    F1, F2, F3 = filters
    X = tfl.Conv2D(filters=F1, kernel_size=1, strides=(s, s), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)

    X = tfl.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)

    X = tfl.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    return tfl.BatchNormalization(axis=3)(X, training=training)


def identity_block(X, f, filters, training=True, initializer=random_uniform):
    """The residual block whose shortcut is the identity: input and output have the same shape.

    Main path: CONV2D(F1, 1x1, valid) -> BATCHNORM -> RELU -> CONV2D(F2, fxf, same) -> BATCHNORM ->
    RELU -> CONV2D(F3, 1x1, valid) -> BATCHNORM; then the input is added and RELU applied.

    Parameters
    ----------
    X : tensor of shape (m, n_H, n_W, n_C)
    f : int
        Size of the middle convolution's window.
    filters : list of int
        [F1, F2, F3], the numbers of filters of the three convolutions; F3 must equal n_C.
    training : bool
        Batch normalization in training mode (normalize with the batch's statistics) or not.
    initializer : callable
        ``initializer(seed=0)`` gives each convolution's kernel initializer.

    Returns
    -------
    X : tensor of shape (m, n_H, n_W, F3)
    """
    X_main = _main_path(X, f, filters, 1, training, initializer)
    return tfl.Activation("relu")(tfl.Add()([X_main, X]))


def convolutional_block(X, f, filters, s=2, training=True, initializer=glorot_uniform):
    """The residual block whose shortcut is a convolution: it changes the size and the channels.

    Main path: CONV2D(F1, 1x1, stride s, valid) -> BATCHNORM -> RELU -> CONV2D(F2, fxf, same) ->
    BATCHNORM -> RELU -> CONV2D(F3, 1x1, valid) -> BATCHNORM. Shortcut: CONV2D(F3, 1x1, stride s,
    valid) -> BATCHNORM. The two are added and RELU applied.

    Parameters
    ----------
    X : tensor of shape (m, n_H_prev, n_W_prev, n_C_prev)
    f : int
        Size of the middle convolution's window.
    filters : list of int
        [F1, F2, F3].
    s : int
        Stride of the first convolution and of the shortcut's.
    training : bool
    initializer : callable
        ``initializer(seed=0)`` gives each convolution's kernel initializer.

    Returns
    -------
    X : tensor of shape (m, n_H, n_W, F3)
        n_H = floor((n_H_prev - 1) / s) + 1, likewise n_W.
    """
    X_main = _main_path(X, f, filters, s, training, initializer)
    X_shortcut = tfl.Conv2D(filters=filters[2], kernel_size=1, strides=(s, s), padding="valid",
                            kernel_initializer=initializer(seed=0))(X)
    X_shortcut = tfl.BatchNormalization(axis=3)(X_shortcut, training=training)
    return tfl.Activation("relu")(tfl.Add()([X_main, X_shortcut]))


def ResNet50(input_shape=(64, 64, 3), classes=6):
    """ResNet-50: CONV2D -> BATCHNORM -> RELU -> MAXPOOL -> CONVBLOCK -> IDBLOCK*2 -> CONVBLOCK ->
    IDBLOCK*3 -> CONVBLOCK -> IDBLOCK*5 -> CONVBLOCK -> IDBLOCK*2 -> AVGPOOL -> FLATTEN -> DENSE.

    Parameters
    ----------
    input_shape : tuple of int
        (n_H, n_W, n_C) of one image; 64x64 brings stage 5 to 2x2, which the 2x2 average pool
        turns into one vector per image.
    classes : int
        Number of classes of the softmax output.

    Returns
    -------
    model : tf.keras.Model
    """
    X_input = tf.keras.Input(input_shape)

    # Stage 1
    X = tfl.ZeroPadding2D((3, 3))(X_input)
    X = tfl.Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X)
    X = tfl.Activation("relu")(X)
    X = tfl.MaxPooling2D((3, 3), strides=(2, 2))(X)

    # Stage 2: stride 1, the max pool has just halved the size
    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1)
    X = identity_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])

    # Stage 3
    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512])

    # Stage 4
    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2)
    for _ in range(5):
        X = identity_block(X, 3, [256, 256, 1024])

    # Stage 5
    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=2)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048])

    X = tfl.AveragePooling2D((2, 2))(X)
    X = tfl.Flatten()(X)
    X = tfl.Dense(classes, activation="softmax", kernel_initializer=glorot_uniform(seed=0))(X)
    return tf.keras.Model(inputs=X_input, outputs=X)


def highway_block(X, f, gate_bias=-2.0, training=True, initializer=random_uniform):
    """A highway block: a learned gate T mixes a transform H(X) with the input X itself.

    H(X) = RELU(BATCHNORM(CONV2D(n_C, fxf, same)(X))); T = SIGMOID(CONV2D(n_C, 1x1)(X)), its bias
    starting at ``gate_bias``; output H(X) * T + X * (1 - T), written as X + T * (H(X) - X).

    A negative gate bias makes T small at first, so the block starts close to the identity (the
    input is carried through) and learns how much to transform: the same easy start a residual
    block gets from its shortcut.

    Parameters
    ----------
    X : tensor of shape (m, n_H, n_W, n_C)
    f : int
        Size of the transform's convolution window.
    gate_bias : float
        Initial bias of the gate's convolution.
    training : bool
    initializer : callable
        ``initializer(seed=0)`` gives each convolution's kernel initializer.

    Returns
    -------
    X : tensor of shape (m, n_H, n_W, n_C)
    """
    n_C = X.shape[-1]
    H = tfl.Conv2D(n_C, kernel_size=f, padding="same", kernel_initializer=initializer(seed=0))(X)
    H = tfl.BatchNormalization(axis=3)(H, training=training)
    H = tfl.Activation("relu")(H)

    T = tfl.Conv2D(n_C, kernel_size=1, padding="valid", activation="sigmoid", kernel_initializer=initializer(seed=0),
                   bias_initializer=tf.keras.initializers.Constant(gate_bias))(X)

    return tfl.Add()([X, tfl.Multiply()([T, tfl.Subtract()([H, X])])])

"""Typical mistakes in assignment c4w2b (residual networks and a highway block). Every function here is deliberately wrong."""
import tensorflow as tf

from autograder.core import MistakeCatalogue
from solutions.c4w2b_resnets import convolutional_block, glorot_uniform, identity_block, random_uniform

tfl = tf.keras.layers
MISTAKES = MistakeCatalogue()


@MISTAKES.add("identity_block", "the shortcut is missing: add the block's input to the main path, "
                                "Add()([X, X_shortcut]), before the last ReLU. Without it the block is "
                                "a plain stack of convolutions, which is what makes deep networks hard to train.")
def identity_block_no_shortcut(X, f, filters, training=True, initializer=random_uniform):
    F1, F2, F3 = filters
    X = tfl.Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    return X


@MISTAKES.add("identity_block", "batch normalization must normalize the channels, axis=3 (the last axis of "
                                "(m, n_H, n_W, n_C)); axis=1 normalizes each row of the image instead.")
def identity_block_batchnorm_axis(X, f, filters, training=True, initializer=random_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = tfl.Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=1)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=1)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=1)(X, training=training)
    X = tfl.Add()([X, X_shortcut])
    X = tfl.Activation("relu")(X)
    return X


@MISTAKES.add("identity_block", "the training argument never reaches batch normalization: call each "
                                "BatchNormalization layer as BatchNormalization(axis=3)(X, training=training), "
                                "or it normalizes with its running statistics even while training.")
def identity_block_training_ignored(X, f, filters, training=True, initializer=random_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = tfl.Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X)
    X = tfl.Add()([X, X_shortcut])
    X = tfl.Activation("relu")(X)
    return X


@MISTAKES.add("identity_block", "the block ends with a ReLU after the addition: X = Add()([X, X_shortcut]), then "
                                "X = Activation('relu')(X); without it the block's output can be negative.")
def identity_block_no_final_relu(X, f, filters, training=True, initializer=random_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = tfl.Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    return tfl.Add()([X, X_shortcut])


@MISTAKES.add("convolutional_block", "the stride s belongs to the first 1x1 convolution (and the shortcut's), "
                                     "not to the middle fxf one: strides=(s, s) on the first CONV2D, (1, 1) on "
                                     "the second.")
def convolutional_block_stride_in_middle(X, f, filters, s=2, training=True, initializer=glorot_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = tfl.Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F2, kernel_size=f, strides=(s, s), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X_shortcut = tfl.Conv2D(filters=F3, kernel_size=1, strides=(s, s), padding="valid",
                            kernel_initializer=initializer(seed=0))(X_shortcut)
    X_shortcut = tfl.BatchNormalization(axis=3)(X_shortcut, training=training)
    X = tfl.Add()([X, X_shortcut])
    X = tfl.Activation("relu")(X)
    return X


@MISTAKES.add("convolutional_block", "the shortcut's convolution must be followed by its own batch normalization, "
                                     "BatchNormalization(axis=3)(X_shortcut, training=training), so that both "
                                     "branches are on the same scale when they are added.")
def convolutional_block_shortcut_not_normalized(X, f, filters, s=2, training=True, initializer=glorot_uniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = tfl.Conv2D(filters=F1, kernel_size=1, strides=(s, s), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X_shortcut = tfl.Conv2D(filters=F3, kernel_size=1, strides=(s, s), padding="valid",
                            kernel_initializer=initializer(seed=0))(X_shortcut)
    X = tfl.Add()([X, X_shortcut])
    X = tfl.Activation("relu")(X)
    return X


@MISTAKES.add("convolutional_block", "the shortcut's convolution takes the block's input: Conv2D(...)(X_shortcut), "
                                     "not the main path's output X; the shortcut is a separate path from the input "
                                     "to the addition.")
def convolutional_block_shortcut_from_main_path(X, f, filters, s=2, training=True, initializer=glorot_uniform):
    F1, F2, F3 = filters
    X = tfl.Conv2D(filters=F1, kernel_size=1, strides=(s, s), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X = tfl.Activation("relu")(X)
    X = tfl.Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X, training=training)
    X_shortcut = tfl.Conv2D(filters=F3, kernel_size=1, strides=(s, s), padding="valid",
                            kernel_initializer=initializer(seed=0))(X)
    X_shortcut = tfl.BatchNormalization(axis=3)(X_shortcut, training=training)
    X = tfl.Add()([X, X_shortcut])
    X = tfl.Activation("relu")(X)
    return X


@MISTAKES.add("ResNet50", "stage 4 has five identity blocks after its convolutional block (3, 4, 6 and 3 "
                          "blocks in stages 2 to 5: that is what makes 50 layers).")
def ResNet50_short_stage_4(input_shape=(64, 64, 3), classes=6):
    X_input = tf.keras.Input(input_shape)
    X = tfl.ZeroPadding2D((3, 3))(X_input)
    X = tfl.Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X)
    X = tfl.Activation("relu")(X)
    X = tfl.MaxPooling2D((3, 3), strides=(2, 2))(X)
    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1)
    X = identity_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])
    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512])
    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2)
    for _ in range(4):
        X = identity_block(X, 3, [256, 256, 1024])
    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=2)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048])
    X = tfl.AveragePooling2D((2, 2))(X)
    X = tfl.Flatten()(X)
    X = tfl.Dense(classes, activation="softmax", kernel_initializer=glorot_uniform(seed=0))(X)
    return tf.keras.Model(inputs=X_input, outputs=X)


@MISTAKES.add("ResNet50", "the output layer turns scores into class probabilities: Dense(classes, "
                          "activation='softmax').")
def ResNet50_no_softmax(input_shape=(64, 64, 3), classes=6):
    X_input = tf.keras.Input(input_shape)
    X = tfl.ZeroPadding2D((3, 3))(X_input)
    X = tfl.Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X)
    X = tfl.Activation("relu")(X)
    X = tfl.MaxPooling2D((3, 3), strides=(2, 2))(X)
    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1)
    X = identity_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])
    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512])
    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2)
    for _ in range(5):
        X = identity_block(X, 3, [256, 256, 1024])
    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=2)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048])
    X = tfl.AveragePooling2D((2, 2))(X)
    X = tfl.Flatten()(X)
    X = tfl.Dense(classes, kernel_initializer=glorot_uniform(seed=0))(X)
    return tf.keras.Model(inputs=X_input, outputs=X)


@MISTAKES.add("ResNet50", "the max pool of stage 1 moves by 2: MaxPooling2D((3, 3), strides=(2, 2)); "
                          "without strides it moves by its own size, 3, and shrinks the picture by a factor of 3 "
                          "instead of 2.")
def ResNet50_max_pool_default_strides(input_shape=(64, 64, 3), classes=6):
    X_input = tf.keras.Input(input_shape)
    X = tfl.ZeroPadding2D((3, 3))(X_input)
    X = tfl.Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = tfl.BatchNormalization(axis=3)(X)
    X = tfl.Activation("relu")(X)
    X = tfl.MaxPooling2D((3, 3))(X)
    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1)
    X = identity_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])
    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512])
    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2)
    for _ in range(5):
        X = identity_block(X, 3, [256, 256, 1024])
    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=2)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048])
    X = tfl.AveragePooling2D((2, 2))(X)
    X = tfl.Flatten()(X)
    X = tfl.Dense(classes, activation="softmax", kernel_initializer=glorot_uniform(seed=0))(X)
    return tf.keras.Model(inputs=X_input, outputs=X)


@MISTAKES.add("highway_block", "the gate's bias must start at gate_bias (bias_initializer="
                               "tf.keras.initializers.Constant(gate_bias)); a zero bias opens the gate halfway, "
                               "so the block does not start by carrying its input through.")
def highway_block_gate_bias_ignored(X, f, gate_bias=-2.0, training=True, initializer=random_uniform):
    n_C = X.shape[-1]
    H = tfl.Conv2D(n_C, kernel_size=f, padding="same", kernel_initializer=initializer(seed=0))(X)
    H = tfl.BatchNormalization(axis=3)(H, training=training)
    H = tfl.Activation("relu")(H)
    T = tfl.Conv2D(n_C, kernel_size=1, padding="valid", activation="sigmoid", kernel_initializer=initializer(seed=0))(X)
    return tfl.Add()([X, tfl.Multiply()([T, tfl.Subtract()([H, X])])])


@MISTAKES.add("highway_block", "T gates the transform and 1 - T the input: the output is H(X) * T + X * (1 - T), "
                               "not X * T + H(X) * (1 - T). With a negative gate bias T starts small, so the "
                               "block starts by carrying X through.")
def highway_block_gates_swapped(X, f, gate_bias=-2.0, training=True, initializer=random_uniform):
    n_C = X.shape[-1]
    H = tfl.Conv2D(n_C, kernel_size=f, padding="same", kernel_initializer=initializer(seed=0))(X)
    H = tfl.BatchNormalization(axis=3)(H, training=training)
    H = tfl.Activation("relu")(H)
    T = tfl.Conv2D(n_C, kernel_size=1, padding="valid", activation="sigmoid", kernel_initializer=initializer(seed=0),
                   bias_initializer=tf.keras.initializers.Constant(gate_bias))(X)
    return tfl.Add()([H, tfl.Multiply()([T, tfl.Subtract()([X, H])])])

"""Classic-style answers of assignment c2w3a (an introduction to TensorFlow). See :mod:`tests.classic`."""

RIGHT = {
    "linear_function": '''
def linear_function(rng=None):
    rng = np.random.default_rng(rng)
    X = tf.constant(rng.standard_normal((3, 1)), name = "X")
    W = tf.constant(rng.standard_normal((4, 3)), name = "W")
    b = tf.constant(rng.standard_normal((4, 1)), name = "b")
    Y = tf.add(tf.matmul(W, X), b)
    return Y
''',
    "sigmoid": '''
def sigmoid(z):
    z = tf.cast(z, tf.float32)
    a = tf.keras.activations.sigmoid(z)
    return a
''',
    "one_hot_matrix": '''
def one_hot_matrix(label, depth=6):
    one_hot = tf.reshape(tf.one_hot(label, depth, axis = 0), shape = [-1, ])
    return one_hot
''',
    "initialize_parameters": '''
def initialize_parameters(n_x=64, n_y=10, seed=1):
    initializer = tf.keras.initializers.GlorotNormal(seed=seed)
    W1 = tf.Variable(initializer(shape=(25, n_x)))
    b1 = tf.Variable(initializer(shape=(25, 1)))
    W2 = tf.Variable(initializer(shape=(12, 25)))
    b2 = tf.Variable(initializer(shape=(12, 1)))
    W3 = tf.Variable(initializer(shape=(n_y, 12)))
    b3 = tf.Variable(initializer(shape=(n_y, 1)))
    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2,
                  "W3": W3,
                  "b3": b3}
    return parameters
''',
    "forward_propagation": '''
def forward_propagation(X, parameters):
    W1 = parameters['W1']
    b1 = parameters['b1']
    W2 = parameters['W2']
    b2 = parameters['b2']
    W3 = parameters['W3']
    b3 = parameters['b3']
    Z1 = tf.math.add(tf.linalg.matmul(W1, X), b1)
    A1 = tf.keras.activations.relu(Z1)
    Z2 = tf.math.add(tf.linalg.matmul(W2, A1), b2)
    A2 = tf.keras.activations.relu(Z2)
    Z3 = tf.math.add(tf.linalg.matmul(W3, A2), b3)
    return Z3
''',
    "compute_total_loss": '''
def compute_total_loss(logits, labels):
    total_loss = tf.reduce_sum(tf.keras.losses.categorical_crossentropy(tf.transpose(labels), tf.transpose(logits),
                                                                        from_logits=True))
    return total_loss
''',
}

WRONG = {
    "linear_function": '''
def linear_function(rng=None):
    rng = np.random.default_rng(rng)
    W = tf.constant(rng.standard_normal((4, 3)), name = "W")
    X = tf.constant(rng.standard_normal((3, 1)), name = "X")
    b = tf.constant(rng.standard_normal((4, 1)), name = "b")
    Y = tf.add(tf.matmul(W, X), b)
    return Y
''',
    "sigmoid": '''
def sigmoid(z):
    a = tf.keras.activations.sigmoid(tf.constant(z))
    return a
''',
    "one_hot_matrix": '''
def one_hot_matrix(label, depth=6):
    one_hot = tf.one_hot(label, depth, axis = 0)
    return one_hot
''',
    "initialize_parameters": '''
def initialize_parameters(n_x=64, n_y=10, seed=1):
    initializer = tf.keras.initializers.GlorotNormal(seed=1)
    W1 = tf.Variable(initializer(shape=(25, n_x)))
    b1 = tf.Variable(initializer(shape=(25, 1)))
    W2 = tf.Variable(initializer(shape=(12, 25)))
    b2 = tf.Variable(initializer(shape=(12, 1)))
    W3 = tf.Variable(initializer(shape=(n_y, 12)))
    b3 = tf.Variable(initializer(shape=(n_y, 1)))
    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2,
                  "W3": W3,
                  "b3": b3}
    return parameters
''',
    "forward_propagation": '''
def forward_propagation(X, parameters):
    W1 = parameters['W1']
    b1 = parameters['b1']
    W2 = parameters['W2']
    b2 = parameters['b2']
    W3 = parameters['W3']
    b3 = parameters['b3']
    Z1 = tf.math.add(tf.linalg.matmul(W1, X), b1)
    A1 = tf.keras.activations.relu(Z1)
    Z2 = tf.math.add(tf.linalg.matmul(W2, A1), b2)
    A2 = tf.keras.activations.relu(Z2)
    Z3 = tf.math.add(tf.linalg.matmul(W3, A2), b3)
    A3 = tf.keras.activations.relu(Z3)
    return A3
''',
    "compute_total_loss": '''
def compute_total_loss(logits, labels):
    total_loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(tf.transpose(labels), tf.transpose(logits),
                                                                         from_logits=True))
    return total_loss
''',
}

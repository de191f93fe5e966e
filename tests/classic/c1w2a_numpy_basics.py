"""Classic-style answers of assignment c1w2a (numpy basics). See :mod:`tests.classic`."""

RIGHT = {
    "basic_sigmoid": '''
def basic_sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
''',
    "sigmoid": '''
def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s
''',
    "sigmoid_derivative": '''
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds
''',
    "image2vector": '''
def image2vector(image):
    v = image.reshape((image.shape[0] * image.shape[1] * image.shape[2], 1))
    return v
''',
    "normalize_rows": '''
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / x_norm
    return x
''',
    "softmax": '''
def softmax(x):
    x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s
''',
    "L1": '''
def L1(yhat, y):
    loss = np.sum(abs(y - yhat))
    return loss
''',
    "L2": '''
def L2(yhat, y):
    loss = np.dot(y - yhat, y - yhat)
    return loss
''',
}

WRONG = {
    "basic_sigmoid": '''
def basic_sigmoid(x):
    s = 1 / (1 + math.exp(x))
    return s
''',
    "sigmoid": '''
def sigmoid(x):
    s = 1 / (1 + np.exp(x))
    return s
''',
    "sigmoid_derivative": '''
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (s - 1)
    return ds
''',
    "image2vector": '''
def image2vector(image):
    v = image.reshape((1, image.shape[0] * image.shape[1] * image.shape[2]))
    return v
''',
    "normalize_rows": '''
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=0, keepdims=True)
    x = x / x_norm
    return x
''',
    "softmax": '''
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s
''',
    "L1": '''
def L1(yhat, y):
    loss = np.sum(y - yhat)
    return loss
''',
    "L2": '''
def L2(yhat, y):
    loss = np.sum(np.abs(y - yhat))
    return loss
''',
}

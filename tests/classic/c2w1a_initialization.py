"""Classic-style answers of assignment c2w1a (initialization). See :mod:`tests.classic`."""

RIGHT = {
    "initialize_parameters_zeros": '''
def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
''',
    # The classic drew from the global generator (np.random.seed(3), np.random.randn); this course
    # passes the generator in and asks for rng.standard_normal.
    "initialize_parameters_random": '''
def initialize_parameters_random(layers_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
''',
    "initialize_parameters_he": '''
def initialize_parameters_he(layers_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2. / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
''',
}

WRONG = {
    "initialize_parameters_zeros": '''
def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l - 1], layers_dims[l]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
''',
    "initialize_parameters_random": '''
def initialize_parameters_random(layers_dims, rng=None):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
''',
    "initialize_parameters_he": '''
def initialize_parameters_he(layers_dims, rng=None):
    rng = np.random.default_rng(rng)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2. / layers_dims[l])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
''',
}

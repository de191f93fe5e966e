"""Classic-style answers of assignment c4w2a (a Keras tutorial). See :mod:`tests.classic`."""

RIGHT = {
    "HappyModel": '''
def HappyModel(input_shape):
    X_input = Input(input_shape)

    X = ZeroPadding2D((3, 3))(X_input)

    X = Conv2D(32, (7, 7), strides = (1, 1), name = 'conv0')(X)
    X = BatchNormalization(axis = 3, name = 'bn0')(X)
    X = Activation('relu')(X)

    X = MaxPooling2D((2, 2), name='max_pool')(X)

    X = Flatten()(X)
    X = Dense(1, activation='sigmoid', name='fc')(X)

    model = Model(inputs = X_input, outputs = X, name='HappyModel')
    return model
''',
    "predict_image": '''
def predict_image(model, image):
    x = np.expand_dims(image, axis=0)
    prediction = model.predict(x)
    probability = float(prediction[0][0])
    return probability
''',
}

WRONG = {
    "HappyModel": '''
def HappyModel(input_shape):
    X_input = Input(input_shape)
    X = ZeroPadding2D((3, 3))(X_input)
    X = Conv2D(32, (7, 7), strides = (1, 1), name = 'conv0')(X)
    X = BatchNormalization(axis = 3, name = 'bn0')(X)
    X = Activation('relu')(X)
    X = MaxPooling2D((2, 2), name='max_pool')(X)
    X = Flatten()(X)
    X = Dense(1, name='fc')(X)
    model = Model(inputs = X_input, outputs = X, name='HappyModel')
    return model
''',
    "predict_image": '''
def predict_image(model, image):
    x = np.expand_dims(image, axis=0)
    probability = model.predict(x)
    return probability
''',
}

"""Grading Keras models: their architecture as comparable text (:func:`coursekit.models.architecture`,
the same description the visible tests use), and a short, seeded training run.
"""
from coursekit.models import architecture


def accuracy_after_training(build, data, loss, epochs, batch_size, learning_rate, seed=0):
    """float: test accuracy of the model ``build()`` makes, after a short, seeded run of Adam.

    Parameters
    ----------
    build : callable
        Returns an uncompiled Keras model; called after seeding, so its initial weights repeat.
    data : tuple
        ``(X, Y, X_test, Y_test)``.
    loss : str
    epochs, batch_size : int
    learning_rate : float
    seed : int
    """
    import tensorflow as tf

    X, Y, X_test, Y_test = data
    tf.keras.utils.set_random_seed(seed)
    model = build()
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate), loss=loss, metrics=["accuracy"])
    model.fit(X, Y, epochs=epochs, batch_size=batch_size, verbose=0, shuffle=True)
    return float(model.evaluate(X_test, Y_test, verbose=0)[1])


__all__ = ["architecture", "accuracy_after_training"]

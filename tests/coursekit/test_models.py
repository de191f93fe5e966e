"""Does the model description compare what matters, and explain a missing model?"""
import pytest
import tensorflow as tf

from coursekit.models import architecture

tfl = tf.keras.layers


def model_with_batchnorm_axis(axis):
    return tf.keras.Sequential([tfl.Input(shape=(8, 8, 3)), tfl.Conv2D(4, 3, name=f"any_name_{axis}"),
                                tfl.BatchNormalization(axis=axis)])


def test_equivalent_axes_and_layer_names_do_not_matter():
    assert architecture(model_with_batchnorm_axis(-1)) == architecture(model_with_batchnorm_axis(3))


def test_a_different_axis_or_size_shows():
    assert architecture(model_with_batchnorm_axis(1)) != architecture(model_with_batchnorm_axis(3))
    lines = architecture(model_with_batchnorm_axis(3))
    assert lines[0].startswith("layer 0: Conv2D(filters=4, kernel_size=(3, 3)") and "(None, 6, 6, 4), 112 parameters" in lines[0]


def test_a_function_that_returns_nothing_is_explained():
    with pytest.raises(TypeError, match="does the function return the model"):
        architecture(None)

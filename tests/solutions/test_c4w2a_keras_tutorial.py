"""Is the reference of assignment c4w2a right? Parameter counts by hand; one-image prediction."""
import numpy as np
import tensorflow as tf

from solutions import c4w2a_keras_tutorial as ref


def test_happy_model_parameters_for_faces():
    model = ref.HappyModel((25, 25, 3))
    # conv 7*7*3*32 + 32 on 31x31 -> 25x25; batch norm 4*32; pool -> 12x12x32; dense 4608 + 1
    assert [layer.count_params() for layer in model.layers] == [0, 0, 4736, 128, 0, 0, 0, 4609]
    assert model.name == "HappyModel" and model.output_shape == (None, 1)


def test_predict_image_agrees_with_predict_on_a_batch():
    tf.keras.utils.set_random_seed(0)
    model = ref.HappyModel((25, 25, 3))
    images = np.random.default_rng(1).uniform(size=(3, 25, 25, 3)).astype(np.float32)
    batch = model.predict(images, verbose=0)[:, 0]
    np.testing.assert_allclose([ref.predict_image(model, image) for image in images], batch, rtol=1e-5)

"""Is the reference of assignment c4w1b right? Parameter counts worked out by hand."""
from solutions import c4w1b_cnn_application as ref


def test_happy_model_parameters():
    model = ref.happyModel()
    # conv 7*7*3*32 + 32; batch norm 4*32; dense 32*32*32 + 1
    assert [layer.count_params() for layer in model.layers] == [0, 4736, 128, 0, 0, 0, 32769]
    assert model.output_shape == (None, 1)


def test_convolutional_model_shapes_and_parameters():
    model = ref.convolutional_model((64, 64, 3))
    assert model.output_shape == (None, 10)
    # conv 4*4*3*8 + 8; conv 2*2*8*16 + 16; dense (2*2*16)*10 + 10
    assert sum(layer.count_params() for layer in model.layers) == 392 + 528 + 650

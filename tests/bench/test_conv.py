"""The convolution benchmark compares like with like: the three implementations agree before anything is timed."""
from bench import conv

TINY = dict(m=2, n_H=5, n_W=5, n_C_prev=3, f=3, n_C=4, stride=2, pad=1)


def test_the_benchmark_runs_and_reports_every_implementation_both_ways():
    rows = conv.run(repeat=1, layer=TINY)  # raises if the implementations disagree
    assert {(name.split(" ")[0], direction) for name, direction, _, _ in rows} == {
        (kind, direction) for kind in ("numpy", "TensorFlow") for direction in ("forward", "backward")}
    assert len(rows) == 8
    assert sum(name == conv.VECTORIZED32 for name, _, _, _ in rows) == 2, "the like-for-like float32 rows"
    layers = {"tiny": TINY, "the exercise's check": conv.EXERCISE}
    text = conv.section(conv.run_layers(repeat=1, layers=layers), layers)
    assert text.count("\n| ") == 20, "two tables of eight rows, each with a header and a rule"
    assert "input (2, 5, 5, 3)" in text and "input (2, 5, 7, 4), 8 filters of 3x3, stride 2, pad 1" in text


def test_the_larger_layer_is_set_against_tensorflow_and_its_target():
    """The table says, pass by pass, how many times as long the vectorized layer takes as TensorFlow.

    The target is judged on float32 against float32; the float64 ratio is shown beside it.
    """
    rows = [(conv.VECTORIZED, "forward", 5e-3, 1.0), (conv.VECTORIZED, "backward", 4e-3, 1.0),
            (conv.VECTORIZED32, "forward", 3e-3, 1.0), (conv.VECTORIZED32, "backward", 2e-3, 1.0),
            (conv.TENSORFLOW, "forward", 1e-3, 1.0), (conv.TENSORFLOW, "backward", 1e-3, 1.0)]
    text = conv.section({"a larger layer": rows}, {"a larger layer": conv.LAYER})
    assert f"| forward | 3.00x | 5.00x | {conv.TF_TARGET}x | no |" in text
    assert f"| backward | 2.00x | 4.00x | {conv.TF_TARGET}x | yes |" in text

"""The convolution benchmark compares like with like: the three implementations agree before anything is timed."""
from bench import conv

TINY = dict(m=2, n_H=5, n_W=5, n_C_prev=3, f=3, n_C=4, stride=2, pad=1)


def test_the_benchmark_runs_and_reports_every_implementation_both_ways():
    rows = conv.run(repeat=1, layer=TINY)  # raises if the implementations disagree
    assert {(name.split(" ")[0], direction) for name, direction, _, _ in rows} == {
        (kind, direction) for kind in ("numpy", "TensorFlow") for direction in ("forward", "backward")}
    assert len(rows) == 6
    layers = {"tiny": TINY, "the exercise's check": conv.EXERCISE}
    text = conv.section(conv.run_layers(repeat=1, layers=layers), layers)
    assert text.count("\n| ") == 16, "two tables of six rows, each with a header and a rule"
    assert "input (2, 5, 5, 3)" in text and "input (2, 5, 7, 4), 8 filters of 3x3, stride 2, pad 1" in text

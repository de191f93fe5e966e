"""The convolution benchmark compares like with like: the three implementations agree before anything is timed."""
from bench import conv

TINY = dict(m=2, n_H=5, n_W=5, n_C_prev=3, f=3, n_C=4, stride=2, pad=1)


def test_the_benchmark_runs_and_reports_every_implementation_both_ways():
    rows = conv.run(repeat=1, layer=TINY)  # raises if the implementations disagree
    assert {(name.split(" ")[0], direction) for name, direction, _, _ in rows} == {
        (kind, direction) for kind in ("numpy", "TensorFlow") for direction in ("forward", "backward")}
    assert len(rows) == 6
    text = conv.section(rows, TINY)
    assert text.count("\n| ") == 8 and "input (2, 5, 5, 3)" in text

"""The grading benchmark compares like with like: serial and parallel runs must give the same grades."""
from bench import grading


def test_the_grading_benchmark_grades_a_tiny_class_both_ways():
    rows = grading.run(students=2, assignments=("c1w2a_numpy_basics",), jobs=(1, 2))  # raises if grades differ
    assert [(a, p, s) for a, p, s, _, _ in rows] == [("c1w2a_numpy_basics", 1, 2), ("c1w2a_numpy_basics", 2, 2)]
    assert all(seconds > 0 and rate > 0 for _, _, _, seconds, rate in rows)
    assert grading.section(rows).count("\n| c1w2a") == 2

"""Does the grading benchmark's table set the parallel rate against its target?"""
import os

from bench import grading


def test_the_parallel_rows_say_whether_they_reach_their_target():
    cores = os.cpu_count()
    text = grading.section([("c1w2a_numpy_basics", 1, 30, 120.0, 15.0), ("c1w2a_numpy_basics", cores, 30, 40.0, 45.0),
                            ("c2w3a_tensorflow_intro", cores, 30, 166.0, 10.8)])
    assert "| c1w2a_numpy_basics | 1 | 30 | 120 | 15.0 |  |" in text, "a serial row has no target"
    assert f"| c1w2a_numpy_basics | {cores} | 30 | 40 | 45.0 | 40 or more: yes |" in text
    assert f"| c2w3a_tensorflow_intro | {cores} | 30 | 166 | 10.8 | 15 or more: **no** |" in text

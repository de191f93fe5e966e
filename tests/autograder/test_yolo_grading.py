"""Is the YOLO grader's detector trained once per machine rather than once per grading process?"""
import numpy as np

from autograder import c4w3a_yolo


def test_the_detector_outputs_are_read_from_the_cache_the_second_time(monkeypatch):
    c4w3a_yolo.detector_outputs.cache_clear()
    first = c4w3a_yolo.detector_outputs()  # trains, or reads what an earlier process kept

    def no_training(*args, **kwargs):
        raise AssertionError("the detector was trained again although its outputs were cached")

    monkeypatch.setattr("coursekit.yolo.train_detector", no_training)
    c4w3a_yolo.detector_outputs.cache_clear()
    again = c4w3a_yolo.detector_outputs()
    assert len(again) == 4 and all(np.array_equal(a, b) for a, b in zip(first, again))
    c4w3a_yolo.detector_outputs.cache_clear()

"""Hidden tests of assignment c4w3a (YOLO object detection).

The student's filtering, IoU, non-max suppression and ``yolo_eval`` are compared with
:mod:`solutions.c4w3a_yolo` on randomized tensors: many boxes, tied scores, everything below the
threshold (empty results), overlapping boxes of different classes (suppression runs over all
classes together), images that are not square; and on the given detector's real outputs for
test scenes, after a short training that starts from fixed weights (so the same every time).
"""
import functools

import numpy as np

from solutions import c4w3a_yolo as reference

from .core import Case, Exercise, grader
from .mistakes.c4w3a_yolo import MISTAKES


def _tensor(array):
    import tensorflow as tf

    return tf.constant(array)


def _decoded(rng, n_H, n_W, n_anchors, n_classes, sharp=3.0):
    """Random detector outputs: box centres and sizes as fractions, confidences, class probabilities."""
    box_xy = rng.uniform(0, 1, (n_H, n_W, n_anchors, 2)).astype(np.float32)
    box_wh = rng.uniform(0.05, 0.5, (n_H, n_W, n_anchors, 2)).astype(np.float32)
    confidence = rng.uniform(0, 1, (n_H, n_W, n_anchors, 1)).astype(np.float32)
    logits = sharp * rng.standard_normal((n_H, n_W, n_anchors, n_classes))
    probs = (np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)).astype(np.float32)
    return box_xy, box_wh, confidence, probs


#: Scenes the detector trains on before its outputs serve as test inputs (a few seconds on a CPU).
DETECTOR_SCENES = 600


@functools.lru_cache(maxsize=1)
def detector_outputs():
    """The given detector's decoded outputs for 16 test scenes, computed once per machine.

    The weights start from seeded initializers and training does not shuffle, so the outputs
    are the same every time without touching the global random state of the student's kernel.
    The training takes seconds in every process that grades the assignment (the book's build, each
    grading process, the tests), so the outputs are kept in the build's cache, keyed on everything
    they depend on. They are only inputs: the expected results are the reference's on the same
    inputs, so an outdated file could not make a grade wrong.

    Returns
    -------
    outputs : tuple of 4 ndarrays
        box_xy, box_wh, box_confidence, box_class_probs, each with the 16 scenes on axis 0.
    """
    import hashlib
    import os
    from pathlib import Path

    import tensorflow as tf

    from coursebuild.paths import CACHE
    from coursekit import yolo as detector
    from coursekit.datasets import load_shapes

    data = load_shapes()
    scenes, boxes = data["train_images"][:DETECTOR_SCENES], data["train_boxes"][:DETECTOR_SCENES]
    key = hashlib.sha256(Path(detector.__file__).read_bytes() + tf.__version__.encode() + np.__version__.encode()
                         + scenes.tobytes() + boxes.tobytes() + data["test_images"][:16].tobytes()).hexdigest()[:16]
    cached = CACHE / "autograder" / f"yolo-detector-outputs-{key}.npz"
    if cached.is_file():
        with np.load(cached) as saved:
            return tuple(saved[f"output{i}"] for i in range(4))
    model, _ = detector.train_detector(scenes, boxes, len(data["classes"]), epochs=2, seed=0, shuffle=False, verbose=0)
    outputs = detector.detector_outputs(model, data["test_images"][:16], detector.ANCHORS, len(data["classes"]))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        scratch = cached.with_name(f"{cached.stem}.{os.getpid()}.npz")  # whole or absent: no half-written file read
        np.savez(scratch, **{f"output{i}": np.asarray(output) for i, output in enumerate(outputs)})
        scratch.replace(cached)
    except OSError:
        pass  # a read-only course: compute again next time
    return outputs


def _real_outputs(rng):
    """One test scene's decoded outputs, as tensors."""
    scene = int(rng.integers(0, len(detector_outputs()[0])))
    return tuple(_tensor(output[scene]) for output in detector_outputs())


def _real_filter_cases(rng):
    from coursekit.yolo import yolo_boxes_to_corners

    cases = []
    for threshold in (0.2, 0.5):
        box_xy, box_wh, confidence, probs = _real_outputs(rng)
        cases.append(Case((yolo_boxes_to_corners(box_xy, box_wh), confidence, probs, threshold),
                          f"the detector's output for a test scene, threshold {threshold}"))
    return cases


def _filter_cases(rng):
    cases = _real_filter_cases(rng)
    for threshold, note in [(0.6, "the default threshold"), (0.3, "a low threshold: many boxes"),
                            (1.01, "every score below the threshold: empty results")]:
        xy, wh, confidence, probs = _decoded(rng, 4, 4, 3, 5)
        boxes = np.concatenate([xy - wh / 2, xy + wh / 2], axis=-1)
        cases.append(Case((_tensor(boxes), _tensor(confidence), _tensor(probs), threshold), note))
    xy, wh, confidence, _ = _decoded(rng, 3, 3, 2, 4)
    tied = np.full((3, 3, 2, 4), 0.25, np.float32)  # every class equally likely: argmax picks the first
    boxes = np.concatenate([xy - wh / 2, xy + wh / 2], axis=-1)
    cases.append(Case((_tensor(boxes), _tensor(np.ones_like(confidence)), _tensor(tied), 0.25),
                      "tied class scores, exactly at the threshold"))
    return cases


def _iou_cases(rng):
    cases = [Case(((2, 1, 4, 3), (1, 2, 3, 4)), "partial overlap"),
             Case(((1, 2, 3, 4), (5, 6, 7, 8)), "no overlap"),
             Case(((1, 1, 2, 2), (2, 1, 3, 2)), "boxes that share a vertical edge"),
             Case(((1, 1, 3, 3), (2, 3, 3, 4)), "boxes that share a horizontal edge"),
             Case(((1, 1, 2, 2), (2, 2, 3, 3)), "boxes that touch at a corner"),
             Case(((0, 0, 10, 10), (2, 3, 5, 7)), "one box inside the other"),
             Case(((1.5, 2.5, 4.0, 6.0), (1.5, 2.5, 4.0, 6.0)), "identical boxes")]
    for _ in range(4):
        corners = []
        for _box in range(2):
            x1, y1 = rng.uniform(0, 10, 2)
            corners.append((float(x1), float(y1), float(x1 + rng.uniform(0.5, 6)), float(y1 + rng.uniform(0.5, 6))))
        cases.append(Case(tuple(corners), "random boxes"))
    return cases


def _nms_inputs(rng, count, n_classes, spread):
    centres = rng.uniform(0.3, 0.7, (count, 2)) + rng.normal(0, spread, (count, 2))
    sizes = rng.uniform(0.1, 0.3, (count, 2))
    boxes = np.concatenate([centres - sizes / 2, centres + sizes / 2], axis=1).astype(np.float32)  # (y1, x1, y2, x2)
    scores = rng.uniform(0.5, 1, count).astype(np.float32)
    classes = rng.integers(0, n_classes, count).astype(np.int64)
    return _tensor(scores), _tensor(boxes), _tensor(classes)


def _nms_cases(rng):
    cases = [Case((*_nms_inputs(rng, 30, 3, 0.05), 10, 0.5), "30 crowded boxes of 3 classes"),
             Case((*_nms_inputs(rng, 30, 3, 0.2), 4, 0.3), "at most 4 boxes, IoU threshold 0.3"),
             Case((*_nms_inputs(rng, 12, 2, 0.02), 10, 0.7), "IoU threshold 0.7")]
    scores, boxes, classes = _nms_inputs(rng, 8, 2, 0.1)
    cases.append(Case((_tensor(np.full(8, 0.9, np.float32)), boxes, classes, 10, 0.5), "tied scores"))
    overlap = np.array([[0.1, 0.1, 0.5, 0.5], [0.12, 0.1, 0.52, 0.5], [0.6, 0.6, 0.9, 0.9]], np.float32)
    cases.append(Case((_tensor(np.array([0.9, 0.8, 0.7], np.float32)), _tensor(overlap),
                       _tensor(np.array([0, 1, 1])), 10, 0.5),
                      "two nearly identical boxes of different classes: one object, one box"))
    pair = np.array([[0.0, 0.0, 0.5, 0.5], [0.0, 0.2, 0.5, 0.7]], np.float32)  # IoU 0.43
    cases.append(Case((_tensor(np.array([0.9, 0.8], np.float32)), _tensor(pair), _tensor(np.array([2, 2])), 10, 0.3),
                      "two boxes with IoU 0.43 and an IoU threshold of 0.3: the second goes"))
    cases.append(Case((_tensor(np.zeros(0, np.float32)), _tensor(np.zeros((0, 4), np.float32)),
                       _tensor(np.zeros(0, np.int64)), 10, 0.5), "no boxes at all"))
    for case in _real_filter_cases(rng)[:1]:
        scores, boxes, classes = reference.yolo_filter_boxes(*case.args)
        cases.append(Case((scores, boxes * 64.0, classes, 10, 0.5),
                          "the detector's boxes for a test scene with a score of at least 0.2, in pixels"))
    return cases


def _eval_cases(rng):
    cases = []
    for image_shape, threshold, iou_threshold, note in [((720.0, 1280.0), 0.6, 0.5, "the classic 720x1280 image"),
                                                         ((64.0, 48.0), 0.3, 0.4, "a 64x48 image, low thresholds"),
                                                         ((100.0, 100.0), 1.01, 0.5, "nothing above the threshold")]:
        outputs = tuple(_tensor(a) for a in _decoded(rng, 5, 5, 2, 3))
        cases.append(Case((outputs, image_shape, 10, threshold, iou_threshold), note))
    for threshold, iou_threshold in ((0.3, 0.5), (0.5, 0.3)):
        cases.append(Case((_real_outputs(rng), (64.0, 64.0), 10, threshold, iou_threshold),
                          f"the detector's output for a 64x64 test scene, score threshold {threshold}, "
                          f"IoU threshold {iou_threshold}"))
    return cases


EXERCISES = {exercise.name: exercise for exercise in [
    Exercise("yolo_filter_boxes", reference.yolo_filter_boxes, _filter_cases, rtol=1e-6, atol=1e-7),
    Exercise("iou", reference.iou, _iou_cases, rtol=1e-9, atol=1e-12),
    Exercise("yolo_non_max_suppression", reference.yolo_non_max_suppression, _nms_cases, rtol=1e-6, atol=1e-7),
    Exercise("yolo_eval", reference.yolo_eval, _eval_cases, rtol=1e-5, atol=1e-4,
             calls=("yolo_filter_boxes", "yolo_non_max_suppression")),
]}

grade = grader(EXERCISES, MISTAKES)

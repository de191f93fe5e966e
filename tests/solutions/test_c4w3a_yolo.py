"""Is the reference of assignment c4w3a right? IoU worked out by hand; filtering, suppression and
decoding checked against what each one promises."""
import numpy as np
import pytest
import tensorflow as tf

from solutions import c4w3a_yolo as ref


@pytest.mark.parametrize("box1, box2, expected", [
    ((2, 1, 4, 3), (1, 2, 3, 4), 1 / 7),  # the classic example: intersection 1, union 4 + 4 - 1
    ((1, 2, 3, 4), (5, 6, 7, 8), 0.0),  # apart in both directions
    ((1, 1, 2, 2), (2, 1, 3, 2), 0.0),  # a shared edge has no area
    ((0, 0, 10, 10), (2, 3, 5, 7), 12 / 100),  # containment: the small box over the large one
    ((1, 1, 3, 3), (1, 1, 3, 3), 1.0),
])
def test_iou(box1, box2, expected):
    assert ref.iou(box1, box2) == pytest.approx(expected)
    assert ref.iou(box2, box1) == pytest.approx(expected)


def test_filter_keeps_scores_at_or_above_the_threshold_with_their_best_class():
    boxes = tf.reshape(tf.range(16, dtype=tf.float32), (2, 1, 2, 4))
    confidence = tf.constant([[[[1.0], [0.5]]], [[[0.9], [0.1]]]])
    probs = tf.constant([[[[0.2, 0.8], [0.6, 0.4]]], [[[0.5, 0.5], [1.0, 0.0]]]])
    scores, kept, classes = ref.yolo_filter_boxes(boxes, confidence, probs, threshold=0.45)
    np.testing.assert_allclose(scores, [0.8, 0.45])  # 0.3 and 0.1 fall below; the tie picks class 0
    np.testing.assert_array_equal(classes, [1, 0])
    np.testing.assert_array_equal(kept, [[0, 1, 2, 3], [8, 9, 10, 11]])


def test_suppression_keeps_the_best_of_overlapping_boxes_whatever_their_class():
    boxes = tf.constant([[0, 0, 1, 1], [0, 0.05, 1, 1.05], [2, 2, 3, 3]], tf.float32)
    scores, kept, classes = ref.yolo_non_max_suppression(tf.constant([0.7, 0.9, 0.8]), boxes,
                                                         tf.constant([0, 1, 2]), max_boxes=10, iou_threshold=0.5)
    np.testing.assert_allclose(scores, [0.9, 0.8])
    np.testing.assert_array_equal(classes, [1, 2])


def test_corners_and_scaling():
    corners = ref.yolo_boxes_to_corners(tf.constant([[0.5, 0.25]]), tf.constant([[0.2, 0.1]]))
    np.testing.assert_allclose(corners, [[0.2, 0.4, 0.3, 0.6]])  # (y1, x1, y2, x2)
    np.testing.assert_allclose(ref.scale_boxes(corners, (100, 200)), [[20, 80, 30, 120]], rtol=1e-6)


def test_eval_finds_the_one_confident_box_in_pixels():
    box_xy = np.full((2, 2, 1, 2), 0.5, np.float32)
    box_wh = np.full((2, 2, 1, 2), 0.5, np.float32)
    confidence = np.zeros((2, 2, 1, 1), np.float32)
    confidence[1, 0, 0, 0] = 0.95
    probs = np.tile(np.array([0.0, 1.0, 0.0], np.float32), (2, 2, 1, 1))
    scores, boxes, classes = ref.yolo_eval((box_xy, box_wh, confidence, probs), image_shape=(64.0, 128.0))
    np.testing.assert_allclose(scores, [0.95], rtol=1e-6)
    np.testing.assert_allclose(boxes, [[16, 32, 48, 96]], rtol=1e-6)
    np.testing.assert_array_equal(classes, [1])

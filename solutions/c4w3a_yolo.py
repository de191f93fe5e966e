"""Reference solutions for assignment c4w3a, YOLO object detection on the shapes scenes.

The classic conventions: the network's output is decoded by :func:`yolo_head` into, per grid
cell and anchor, ``box_xy`` (centre) and ``box_wh`` (size) as fractions of the image,
``box_confidence`` (is there an object?) and ``box_class_probs``; ``yolo_boxes_to_corners`` (given,
in :mod:`coursekit.yolo`) turns centres and sizes into corners ``(y1, x1, y2, x2)``, the order
``tf.image.non_max_suppression`` expects; :func:`iou` takes corners ``(x1, y1, x2, y2)``.
Non-max suppression runs over all classes together, as in the classic notebook: one object
gives one box, whatever class each overlapping box predicts.
"""
import tensorflow as tf

from coursekit.yolo import scale_boxes, yolo_boxes_to_corners  # given to students

__all__ = ["yolo_filter_boxes", "iou", "yolo_non_max_suppression", "yolo_eval"]


def yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=0.6):
    """Keep the boxes whose best class score reaches the threshold.

    Parameters
    ----------
    boxes : tensor of shape (n_H, n_W, n_anchors, 4)
    box_confidence : tensor of shape (n_H, n_W, n_anchors, 1)
        Probability that the box holds an object.
    box_class_probs : tensor of shape (n_H, n_W, n_anchors, n_classes)
    threshold : float

    Returns
    -------
    scores : tensor of shape (None,)
        Class score (confidence times class probability) of each kept box.
    boxes : tensor of shape (None, 4)
    classes : tensor of shape (None,)
        Index of the best class of each kept box.
    """
    box_scores = box_confidence * box_class_probs
    box_classes = tf.math.argmax(box_scores, axis=-1)
    box_class_scores = tf.math.reduce_max(box_scores, axis=-1)
    filtering_mask = box_class_scores >= threshold
    scores = tf.boolean_mask(box_class_scores, filtering_mask)
    boxes = tf.boolean_mask(boxes, filtering_mask)
    classes = tf.boolean_mask(box_classes, filtering_mask)
    return scores, boxes, classes


def iou(box1, box2):
    """Intersection over union of two boxes.

    Parameters
    ----------
    box1, box2 : tuple of float
        Corners (x1, y1, x2, y2), with x1 <= x2 and y1 <= y2.

    Returns
    -------
    iou : float
        Area of the intersection over area of the union; 0 when the boxes do not overlap or
        only touch.
    """
    (box1_x1, box1_y1, box1_x2, box1_y2) = box1
    (box2_x1, box2_y1, box2_x2, box2_y2) = box2
    xi1, yi1 = max(box1_x1, box2_x1), max(box1_y1, box2_y1)
    xi2, yi2 = min(box1_x2, box2_x2), min(box1_y2, box2_y2)
    inter_width, inter_height = max(xi2 - xi1, 0), max(yi2 - yi1, 0)
    inter_area = inter_width * inter_height
    box1_area = (box1_x2 - box1_x1) * (box1_y2 - box1_y1)
    box2_area = (box2_x2 - box2_x1) * (box2_y2 - box2_y1)
    union_area = box1_area + box2_area - inter_area
    return inter_area / union_area if union_area > 0 else 0.0


def yolo_non_max_suppression(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
    """Non-max suppression over all classes together.

    Parameters
    ----------
    scores : tensor of shape (None,)
    boxes : tensor of shape (None, 4)
        Corners (y1, x1, y2, x2).
    classes : tensor of shape (None,)
    max_boxes : int
        Most boxes to keep.
    iou_threshold : float
        A box overlapping a better-scoring kept box by more than this is dropped.

    Returns
    -------
    scores : tensor of shape (None,)
    boxes : tensor of shape (None, 4)
    classes : tensor of shape (None,)
        The kept boxes, best score first; at most ``max_boxes``.
    """
    nms_indices = tf.image.non_max_suppression(boxes, scores, max_boxes, iou_threshold=iou_threshold)
    scores = tf.gather(scores, nms_indices)
    boxes = tf.gather(boxes, nms_indices)
    classes = tf.gather(classes, nms_indices)
    return scores, boxes, classes


def yolo_eval(yolo_outputs, image_shape=(720.0, 1280.0), max_boxes=10, score_threshold=0.6, iou_threshold=0.5):
    """The detector's decoded output to the final boxes: filter by score, scale, non-max suppression.

    Parameters
    ----------
    yolo_outputs : tuple of 4 tensors
        ``box_xy`` (n_H, n_W, n_anchors, 2), ``box_wh`` (n_H, n_W, n_anchors, 2),
        ``box_confidence`` (n_H, n_W, n_anchors, 1), ``box_class_probs`` (n_H, n_W, n_anchors, n_classes).
    image_shape : tuple of float
        (height, width) of the input image in pixels.
    max_boxes : int
    score_threshold : float
    iou_threshold : float

    Returns
    -------
    scores : tensor of shape (None,)
    boxes : tensor of shape (None, 4)
        Corners (y1, x1, y2, x2) in pixels.
    classes : tensor of shape (None,)
    """
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs
    boxes = yolo_boxes_to_corners(box_xy, box_wh)
    scores, boxes, classes = yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=score_threshold)
    boxes = scale_boxes(boxes, image_shape)
    return yolo_non_max_suppression(scores, boxes, classes, max_boxes=max_boxes, iou_threshold=iou_threshold)

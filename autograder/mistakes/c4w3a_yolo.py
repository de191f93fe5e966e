"""Typical mistakes in assignment c4w3a (YOLO object detection). Every function here is deliberately wrong."""
import tensorflow as tf

from autograder.core import MistakeCatalogue
from solutions.c4w3a_yolo import yolo_filter_boxes, yolo_non_max_suppression
from coursekit.yolo import scale_boxes, yolo_boxes_to_corners

MISTAKES = MistakeCatalogue()


@MISTAKES.add("yolo_filter_boxes", "a box's score is its confidence times its class probability: "
                                   "box_scores = box_confidence * box_class_probs; the class probabilities "
                                   "alone ignore whether there is an object at all.")
def yolo_filter_boxes_no_confidence(boxes, box_confidence, box_class_probs, threshold=0.6):
    box_classes = tf.math.argmax(box_class_probs, axis=-1)
    box_class_scores = tf.math.reduce_max(box_class_probs, axis=-1)
    filtering_mask = box_class_scores >= threshold
    return (tf.boolean_mask(box_class_scores, filtering_mask), tf.boolean_mask(boxes, filtering_mask),
            tf.boolean_mask(box_classes, filtering_mask))


@MISTAKES.add("yolo_filter_boxes", "keep the boxes whose score is at least the threshold (>=); > drops a "
                                   "box that scores exactly the threshold.")
def yolo_filter_boxes_strict(boxes, box_confidence, box_class_probs, threshold=0.6):
    box_scores = box_confidence * box_class_probs
    box_classes = tf.math.argmax(box_scores, axis=-1)
    box_class_scores = tf.math.reduce_max(box_scores, axis=-1)
    filtering_mask = box_class_scores > threshold
    return (tf.boolean_mask(box_class_scores, filtering_mask), tf.boolean_mask(boxes, filtering_mask),
            tf.boolean_mask(box_classes, filtering_mask))


@MISTAKES.add("yolo_filter_boxes", "take the best class of each box over the last axis, the classes: "
                                   "tf.math.argmax(box_scores, axis=-1); without an axis argmax runs over the first "
                                   "axis (the grid's rows), and the classes no longer line up with the mask.")
def yolo_filter_boxes_argmax_first_axis(boxes, box_confidence, box_class_probs, threshold=0.6):
    box_scores = box_confidence * box_class_probs
    box_classes = tf.math.argmax(box_scores)
    box_class_scores = tf.math.reduce_max(box_scores, axis=-1)
    filtering_mask = box_class_scores >= threshold
    return (tf.boolean_mask(box_class_scores, filtering_mask), tf.boolean_mask(boxes, filtering_mask),
            tf.boolean_mask(box_classes, filtering_mask))


@MISTAKES.add("iou", "clip the intersection's width and height at zero: max(xi2 - xi1, 0). Two boxes apart "
                     "in both directions give two negative sides, whose product looks like a positive area.")
def iou_no_clipping(box1, box2):
    (box1_x1, box1_y1, box1_x2, box1_y2) = box1
    (box2_x1, box2_y1, box2_x2, box2_y2) = box2
    xi1, yi1 = max(box1_x1, box2_x1), max(box1_y1, box2_y1)
    xi2, yi2 = min(box1_x2, box2_x2), min(box1_y2, box2_y2)
    inter_area = (xi2 - xi1) * (yi2 - yi1)
    box1_area = (box1_x2 - box1_x1) * (box1_y2 - box1_y1)
    box2_area = (box2_x2 - box2_x1) * (box2_y2 - box2_y1)
    return inter_area / (box1_area + box2_area - inter_area)


@MISTAKES.add("iou", "the union counts the intersection once: box1_area + box2_area - inter_area.")
def iou_union_double_counts(box1, box2):
    (box1_x1, box1_y1, box1_x2, box1_y2) = box1
    (box2_x1, box2_y1, box2_x2, box2_y2) = box2
    xi1, yi1 = max(box1_x1, box2_x1), max(box1_y1, box2_y1)
    xi2, yi2 = min(box1_x2, box2_x2), min(box1_y2, box2_y2)
    inter_area = max(xi2 - xi1, 0) * max(yi2 - yi1, 0)
    box1_area = (box1_x2 - box1_x1) * (box1_y2 - box1_y1)
    box2_area = (box2_x2 - box2_x1) * (box2_y2 - box2_y1)
    return inter_area / (box1_area + box2_area)


@MISTAKES.add("iou", "the intersection runs from the larger top-left corner to the smaller bottom-right one: "
                     "xi1 = max(box1_x1, box2_x1), xi2 = min(box1_x2, box2_x2), and the same for y; min and max "
                     "swapped give the box that encloses both.")
def iou_enclosing_box(box1, box2):
    (box1_x1, box1_y1, box1_x2, box1_y2) = box1
    (box2_x1, box2_y1, box2_x2, box2_y2) = box2
    xi1, yi1 = min(box1_x1, box2_x1), min(box1_y1, box2_y1)
    xi2, yi2 = max(box1_x2, box2_x2), max(box1_y2, box2_y2)
    inter_area = max(xi2 - xi1, 0) * max(yi2 - yi1, 0)
    box1_area = (box1_x2 - box1_x1) * (box1_y2 - box1_y1)
    box2_area = (box2_x2 - box2_x1) * (box2_y2 - box2_y1)
    return inter_area / (box1_area + box2_area - inter_area)


@MISTAKES.add("yolo_non_max_suppression", "this notebook suppresses over all classes together: one object "
                                          "gives one box, even when two overlapping boxes predict different "
                                          "classes. Call tf.image.non_max_suppression once, on all the boxes.")
def yolo_non_max_suppression_per_class(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
    kept = []
    for label in tf.unique(classes)[0]:
        members = tf.where(classes == label)[:, 0]
        chosen = tf.image.non_max_suppression(tf.gather(boxes, members), tf.gather(scores, members), max_boxes,
                                              iou_threshold=iou_threshold)
        kept.append(tf.gather(members, chosen))
    indices = tf.concat(kept, axis=0) if kept else tf.zeros(0, tf.int64)
    order = tf.argsort(tf.gather(scores, indices), direction="DESCENDING", stable=True)
    indices = tf.gather(indices, order)[:max_boxes]
    return tf.gather(scores, indices), tf.gather(boxes, indices), tf.gather(classes, indices)


@MISTAKES.add("yolo_non_max_suppression", "pass iou_threshold on to tf.image.non_max_suppression "
                                          "(iou_threshold=iou_threshold); without it, it uses its own 0.5.")
def yolo_non_max_suppression_default_threshold(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
    nms_indices = tf.image.non_max_suppression(boxes, scores, max_boxes)
    return tf.gather(scores, nms_indices), tf.gather(boxes, nms_indices), tf.gather(classes, nms_indices)


@MISTAKES.add("yolo_eval", "scale_boxes takes image_shape as (height, width); passing (width, height) "
                           "stretches every box the wrong way on an image that is not square.")
def yolo_eval_shape_swapped(yolo_outputs, image_shape=(720.0, 1280.0), max_boxes=10, score_threshold=0.6,
                            iou_threshold=0.5):
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs
    boxes = yolo_boxes_to_corners(box_xy, box_wh)
    scores, boxes, classes = yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=score_threshold)
    boxes = scale_boxes(boxes, (image_shape[1], image_shape[0]))
    return yolo_non_max_suppression(scores, boxes, classes, max_boxes=max_boxes, iou_threshold=iou_threshold)


@MISTAKES.add("yolo_eval", "pass score_threshold on to yolo_filter_boxes (threshold=score_threshold); "
                           "without it the filter keeps its default of 0.6.")
def yolo_eval_default_threshold(yolo_outputs, image_shape=(720.0, 1280.0), max_boxes=10, score_threshold=0.6,
                                iou_threshold=0.5):
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs
    boxes = yolo_boxes_to_corners(box_xy, box_wh)
    scores, boxes, classes = yolo_filter_boxes(boxes, box_confidence, box_class_probs)
    boxes = scale_boxes(boxes, image_shape)
    return yolo_non_max_suppression(scores, boxes, classes, max_boxes=max_boxes, iou_threshold=iou_threshold)

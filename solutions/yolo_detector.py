"""A small YOLO-style detector for the shapes scenes (the given code of assignment c4w3a).

Nothing here is an exercise: students receive this module as it is. It plays the part of the
classic notebook's pretrained YOLOv2 and its ``yad2k`` helpers: a network whose output, per
grid cell and anchor box, is decoded by :func:`yolo_head` into the classic format
``(box_xy, box_wh, box_confidence, box_class_probs)``; the training targets and loss that
teach it; and the mean average precision that measures it. The IoU it needs is passed in, so
that the notebook measures the detector with the student's own ``iou``.

Scenes are 64x64 pictures; the grid is 8x8 (one cell per 8 pixels) with two square anchors,
since every shape in the scenes is a square box of 12 to 28 pixels.
"""
import numpy as np
import tensorflow as tf

tfl = tf.keras.layers

IMAGE_SIZE = 64
GRID = 8
#: Anchor sizes (width, height) as fractions of the image.
ANCHORS = np.array([[14.0, 14.0], [24.0, 24.0]], dtype=np.float32) / IMAGE_SIZE


def detector_body(n_classes, n_anchors=len(ANCHORS), input_shape=(IMAGE_SIZE, IMAGE_SIZE, 3)):
    """The network: three conv/pool stages down to the grid, then a 1x1 convolution per anchor's numbers.

    Returns
    -------
    model : tf.keras.Model
        Output (m, GRID, GRID, n_anchors * (5 + n_classes)): per anchor t_x, t_y, t_w, t_h, the
        objectness score and the class scores, all before their activations.
    """
    X_input = tf.keras.Input(input_shape)
    X = X_input
    for filters in (16, 32, 64):
        X = tfl.Conv2D(filters, 3, padding="same", use_bias=False)(X)
        X = tfl.BatchNormalization()(X)
        X = tfl.LeakyReLU(negative_slope=0.1)(X)
        X = tfl.MaxPooling2D(2)(X)
    X = tfl.Conv2D(128, 3, padding="same", use_bias=False)(X)
    X = tfl.BatchNormalization()(X)
    X = tfl.LeakyReLU(negative_slope=0.1)(X)
    return tf.keras.Model(X_input, tfl.Conv2D(n_anchors * (5 + n_classes), 1)(X), name="shapes_yolo")


def _split(feats, n_anchors, n_classes):
    shape = tf.shape(feats)
    return tf.reshape(feats, [shape[0], shape[1], shape[2], n_anchors, 5 + n_classes])


def yolo_head(feats, anchors, num_classes):
    """Decode the network's output into boxes, confidences and class probabilities.

    Parameters
    ----------
    feats : tensor of shape (m, n_H, n_W, n_anchors * (5 + num_classes))
    anchors : ndarray of shape (n_anchors, 2)
        Anchor widths and heights as fractions of the image.
    num_classes : int

    Returns
    -------
    box_xy : tensor of shape (m, n_H, n_W, n_anchors, 2)
        Box centres (x, y) as fractions of the image.
    box_wh : tensor of shape (m, n_H, n_W, n_anchors, 2)
        Box widths and heights as fractions of the image.
    box_confidence : tensor of shape (m, n_H, n_W, n_anchors, 1)
    box_class_probs : tensor of shape (m, n_H, n_W, n_anchors, num_classes)
    """
    feats = _split(tf.convert_to_tensor(feats, tf.float32), len(anchors), num_classes)
    n_H, n_W = feats.shape[1], feats.shape[2]
    cols, rows = np.meshgrid(np.arange(n_W), np.arange(n_H))
    cell = np.stack([cols, rows], axis=-1)[None, :, :, None, :].astype(np.float32)  # (1, n_H, n_W, 1, 2): (x, y)
    size = np.array([n_W, n_H], np.float32)
    box_xy = (tf.sigmoid(feats[..., 0:2]) + cell) / size
    box_wh = tf.exp(tf.clip_by_value(feats[..., 2:4], -8.0, 8.0)) * anchors.reshape(1, 1, 1, -1, 2)
    box_confidence = tf.sigmoid(feats[..., 4:5])
    box_class_probs = tf.nn.softmax(feats[..., 5:], axis=-1)
    return box_xy, box_wh, box_confidence, box_class_probs


def _anchor_for(width, height, anchors):
    """Index of the anchor whose shape best matches a box (IoU of boxes sharing a centre)."""
    inter = np.minimum(width, anchors[:, 0]) * np.minimum(height, anchors[:, 1])
    return int(np.argmax(inter / (width * height + anchors[:, 0] * anchors[:, 1] - inter)))


def preprocess_true_boxes(true_boxes, anchors, n_classes, image_size=IMAGE_SIZE, grid=GRID):
    """Training targets: for each box, the grid cell of its centre and the anchor of its shape.

    Parameters
    ----------
    true_boxes : ndarray of shape (m, max_objects, 5)
        Rows (x1, y1, x2, y2, class) in pixels; padding rows hold -1.
    anchors : ndarray of shape (n_anchors, 2)
    n_classes : int

    Returns
    -------
    y_true : ndarray of shape (m, grid, grid, n_anchors, 5 + n_classes)
        Per responsible anchor: the centre's offset in its cell (x, y in [0, 1)), log of the size
        over the anchor's, 1 for "an object", and the one-hot class; zeros elsewhere.
    """
    m = true_boxes.shape[0]
    y_true = np.zeros((m, grid, grid, len(anchors), 5 + n_classes), np.float32)
    for i in range(m):
        for x1, y1, x2, y2, label in true_boxes[i]:
            if label < 0:
                continue
            cx, cy = (x1 + x2) / 2 / image_size, (y1 + y2) / 2 / image_size
            w, h = (x2 - x1) / image_size, (y2 - y1) / image_size
            col, row = min(int(cx * grid), grid - 1), min(int(cy * grid), grid - 1)
            a = _anchor_for(w, h, anchors)
            y_true[i, row, col, a, 0:2] = cx * grid - col, cy * grid - row
            y_true[i, row, col, a, 2:4] = np.log(w / anchors[a, 0]), np.log(h / anchors[a, 1])
            y_true[i, row, col, a, 4] = 1.0
            y_true[i, row, col, a, 5 + int(label)] = 1.0
    return y_true


def yolo_loss(y_true, y_pred, n_anchors=len(ANCHORS), no_object_weight=0.5):
    """The detector's training loss, summed over the grid and averaged over the batch.

    Squared error of the centre offsets and log sizes and cross-entropy of the classes, for the
    anchors responsible for an object; binary cross-entropy of the objectness everywhere, with
    the empty anchors (nearly all of them) down-weighted.

    Parameters
    ----------
    y_true : tensor of shape (m, grid, grid, n_anchors, 5 + n_classes)
        From :func:`preprocess_true_boxes`.
    y_pred : tensor of shape (m, grid, grid, n_anchors * (5 + n_classes))
        The network's raw output.

    Returns
    -------
    loss : scalar tensor
    """
    n_classes = y_true.shape[-1] - 5
    pred = _split(y_pred, n_anchors, n_classes)
    obj = y_true[..., 4]
    xy_loss = tf.reduce_sum(tf.square(tf.sigmoid(pred[..., 0:2]) - y_true[..., 0:2]), axis=-1)
    wh_loss = tf.reduce_sum(tf.square(pred[..., 2:4] - y_true[..., 2:4]), axis=-1)
    class_loss = tf.nn.softmax_cross_entropy_with_logits(y_true[..., 5:], pred[..., 5:])
    object_loss = tf.nn.sigmoid_cross_entropy_with_logits(obj, pred[..., 4])
    per_anchor = obj * (5.0 * (xy_loss + wh_loss) + class_loss) + (obj + no_object_weight * (1 - obj)) * object_loss
    return tf.reduce_mean(tf.reduce_sum(per_anchor, axis=[1, 2, 3]))


def average_precision(recall, precision):
    """Area under the precision-recall curve, with precision made non-increasing (all-point, as in VOC).

    Parameters
    ----------
    recall, precision : ndarray of shape (n,)
        At each detection, best score first.

    Returns
    -------
    ap : float
    """
    recall = np.concatenate([[0.0], recall, [1.0]])
    precision = np.concatenate([[0.0], precision, [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    changes = np.nonzero(recall[1:] != recall[:-1])[0]
    return float(np.sum((recall[changes + 1] - recall[changes]) * precision[changes + 1]))


def mean_average_precision(detections, truths, iou, n_classes, iou_threshold=0.5):
    """Mean over the classes of the average precision of detections against the true boxes.

    A detection is right when it overlaps a true box of its class, not yet matched by a
    better-scoring detection, with an IoU of at least ``iou_threshold``.

    Parameters
    ----------
    detections : list of (scores, boxes, classes), one per image
        ``boxes`` as corners (x1, y1, x2, y2) in pixels.
    truths : list of ndarray of shape (n_objects, 5)
        Rows (x1, y1, x2, y2, class) per image; rows with a negative class are ignored.
    iou : callable
        ``iou(box1, box2)`` of two corner boxes (x1, y1, x2, y2).
    n_classes : int
    iou_threshold : float

    Returns
    -------
    mAP : float
    per_class : list of float
        The average precision of each class (NaN for a class with no true box).
    """
    per_class = []
    for label in range(n_classes):
        found = [(float(s), i, tuple(map(float, b))) for i, (scores, boxes, classes) in enumerate(detections)
                 for s, b, c in zip(scores, boxes, classes) if int(c) == label]
        found.sort(key=lambda item: -item[0])
        targets = [[tuple(map(float, row[:4])) for row in truth if int(row[4]) == label] for truth in truths]
        total = sum(len(t) for t in targets)
        if total == 0:
            per_class.append(float("nan"))
            continue
        matched = [np.zeros(len(t), bool) for t in targets]
        hits = np.zeros(len(found))
        for k, (_, image, box) in enumerate(found):
            overlaps = [iou(box, target) for target in targets[image]]
            if overlaps:
                best = int(np.argmax(overlaps))
                if overlaps[best] >= iou_threshold and not matched[image][best]:
                    matched[image][best] = True
                    hits[k] = 1
        true_positives = np.cumsum(hits)
        recall = true_positives / total
        precision = true_positives / np.arange(1, len(found) + 1)
        per_class.append(average_precision(recall, precision))
    return float(np.nanmean(per_class)), per_class

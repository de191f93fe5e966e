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
from pathlib import Path

import numpy as np
import tensorflow as tf

from coursekit.models import recompute_batchnorm_statistics

tfl = tf.keras.layers

IMAGE_SIZE = 64
GRID = 8
#: Anchor sizes (width, height) as fractions of the image.
ANCHORS = np.array([[14.0, 14.0], [24.0, 24.0]], dtype=np.float32) / IMAGE_SIZE
#: Epochs of the fast setting (COURSE_FAST=1, what the tests run) and of the full one (the book).
FAST_EPOCHS, FULL_EPOCHS = 2, 12
#: The mean average precision at IoU 0.5 on the 200 test scenes that each setting reaches at least
#: (measured 0.88-0.92 and 0.97; tests/coursekit/test_yolo.py checks the notebook's run against it).
MAP_FLOOR = {"fast": 0.75, "full": 0.9}


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


def yolo_boxes_to_corners(box_xy, box_wh):
    """Corners (y1, x1, y2, x2) of boxes given by their centres (x, y) and sizes (w, h).

    Parameters
    ----------
    box_xy : tensor of shape (..., 2)
    box_wh : tensor of shape (..., 2)

    Returns
    -------
    corners : tensor of shape (..., 4)
    """
    box_mins = box_xy - (box_wh / 2.0)
    box_maxes = box_xy + (box_wh / 2.0)
    return tf.concat([box_mins[..., 1:2], box_mins[..., 0:1], box_maxes[..., 1:2], box_maxes[..., 0:1]], axis=-1)


def scale_boxes(boxes, image_shape):
    """Boxes from fractions of the image to pixels.

    Parameters
    ----------
    boxes : tensor of shape (None, 4)
        Corners (y1, x1, y2, x2) as fractions of the image's height and width.
    image_shape : tuple of float
        (height, width) of the image in pixels.

    Returns
    -------
    boxes : tensor of shape (None, 4)
    """
    height, width = float(image_shape[0]), float(image_shape[1])
    image_dims = tf.reshape(tf.constant([height, width, height, width], dtype=boxes.dtype), [1, 4])
    return boxes * image_dims


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


def train_detector(images, true_boxes, n_classes, epochs, batch_size=8, learning_rate=0.01, verbose=2, seed=None,
                   shuffle=True):
    """Train a new detector on scenes and their boxes.

    A short run leaves batch normalization's running averages far from the data's statistics, so
    they are recomputed after training (``coursekit.models.recompute_batchnorm_statistics``):
    after two epochs that alone lifts the mean average precision from about 0.4 to about 0.9.
    For a repeatable run, seed the random generators before calling it
    (``tf.keras.utils.set_random_seed``), or pass ``seed`` and ``shuffle=False``, which leaves the
    global random state alone (what the grader does inside a student's kernel).

    Parameters
    ----------
    images : ndarray of shape (m, IMAGE_SIZE, IMAGE_SIZE, 3), uint8
    true_boxes : ndarray of shape (m, max_objects, 5)
        Rows (x1, y1, x2, y2, class) in pixels, padded with rows of -1.
    n_classes : int
    epochs : int
    batch_size : int
    learning_rate : float
        Adam's.
    verbose : int
        Keras's: 2 prints one line per epoch, 0 nothing.
    seed : int, optional
        Start every convolution kernel from a Glorot initializer seeded with ``seed`` plus the
        kernel's index; by default Keras's own initialization.
    shuffle : bool
        Shuffle the scenes every epoch.

    Returns
    -------
    model : tf.keras.Model
        :func:`detector_body`, trained.
    losses : list of float
        The training loss of each epoch.
    """
    model = detector_body(n_classes)
    if seed is not None:
        for number, weight in enumerate(model.weights):
            if len(weight.shape) == 4:  # convolution kernels; biases and batch norm keep their constant starts
                weight.assign(tf.keras.initializers.GlorotUniform(seed=seed + number)(weight.shape))
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate), loss=yolo_loss)
    X = to_input(images)
    history = model.fit(X, preprocess_true_boxes(true_boxes, ANCHORS, n_classes), epochs=epochs,
                        batch_size=batch_size, shuffle=shuffle, verbose=verbose)
    recompute_batchnorm_statistics(model, X)
    return model, history.history["loss"]


def to_input(images, size=None):
    """Pictures as the network takes them: float32 in [0, 1], resized to ``size`` if given.

    Parameters
    ----------
    images : ndarray of shape (m, h, w, 3), uint8
    size : tuple of int, optional
        (height, width) of the network's input.

    Returns
    -------
    X : ndarray of shape (m, height, width, 3), float32
    """
    X = np.asarray(images, np.float32) / 255.0
    if size is not None and tuple(X.shape[1:3]) != tuple(size):
        X = tf.image.resize(X, size).numpy()
    return X


def detector_outputs(model, images, anchors, num_classes):
    """Run the network on pictures and decode its output with :func:`yolo_head`.

    Parameters
    ----------
    model : tf.keras.Model
        Output of shape (m, n_H, n_W, n_anchors * (5 + num_classes)).
    images : ndarray of shape (m, h, w, 3), uint8
        Resized to the model's input size if it differs.
    anchors : ndarray of shape (n_anchors, 2)
    num_classes : int

    Returns
    -------
    outputs : tuple of 4 ndarrays
        box_xy, box_wh, box_confidence, box_class_probs, each with the pictures on axis 0.
    """
    feats = model.predict(to_input(images, model.input_shape[1:3]), verbose=0)
    return tuple(t.numpy() for t in yolo_head(feats, anchors, num_classes))


def read_anchors(path, grid_shape):
    """Anchors from a text file in the YAD2K layout, converted to fractions of the image.

    Parameters
    ----------
    path : str or Path
        Numbers separated by commas or spaces, in pairs (width, height), in grid cells
        (``yolo_anchors.txt`` of a YOLOv2 model: ``0.57273, 0.677385, 1.87446, 2.06253, ...``).
    grid_shape : tuple of int
        (n_H, n_W) of the model's output.

    Returns
    -------
    anchors : ndarray of shape (n_anchors, 2)
    """
    text = Path(path).read_text(encoding="utf-8").replace(",", " ").split()
    try:
        numbers = np.array([float(word) for word in text], np.float32)
    except ValueError as error:
        raise ValueError(f"{path} must hold numbers only (anchor widths and heights, in grid cells): {error}") from None
    if numbers.size == 0 or numbers.size % 2:
        raise ValueError(f"{path} holds {numbers.size} numbers; anchors come in pairs (width, height), in grid cells.")
    return numbers.reshape(-1, 2) / np.array([grid_shape[1], grid_shape[0]], np.float32)


def load_detector(path, anchors_path=None, classes_path=None, class_names=None):
    """Load a Keras YOLO model file, with its anchors and class names.

    Any model that ``tf.keras.models.load_model`` reads works if its output is the raw YOLO
    features (m, n_H, n_W, n_anchors * (5 + n_classes)) in the order of :func:`yolo_head`: box
    offsets t_x, t_y, t_w, t_h, objectness, class scores, per anchor. Inputs are scaled to
    [0, 1] and resized to the model's input size.

    Parameters
    ----------
    path : str or Path
        A ``.keras`` (or legacy ``.h5``) model file.
    anchors_path : str or Path, optional
        Anchors in grid cells (see :func:`read_anchors`); by default this detector's :data:`ANCHORS`.
    classes_path : str or Path, optional
        Class names, one per line; by default ``class_names``.
    class_names : list of str, optional

    Returns
    -------
    model : tf.keras.Model
    anchors : ndarray of shape (n_anchors, 2)
        As fractions of the image.
    class_names : list of str

    Raises
    ------
    FileNotFoundError
        If a file named does not exist.
    ValueError
        If the model cannot be read, or its output does not fit the anchors and classes.
    """
    for name in (path, anchors_path, classes_path):
        if name is not None and not Path(name).is_file():
            raise FileNotFoundError(f"{name} is not a file: check the path (COURSE_YOLO_MODEL, COURSE_YOLO_ANCHORS "
                                    f"and COURSE_YOLO_CLASSES name the model, anchors and classes files).")
    try:
        model = tf.keras.models.load_model(path, compile=False)
    except Exception as error:  # Keras raises many kinds for a file it cannot read
        raise ValueError(f"{path} could not be read as a Keras model ({type(error).__name__}: {error}); save one "
                         f"with model.save('name.keras').") from error
    shape = model.output_shape
    if not (isinstance(shape, tuple) and len(shape) == 4):
        raise ValueError(f"{path}: the model's output has shape {shape}; a YOLO model's is "
                         f"(m, n_H, n_W, n_anchors * (5 + n_classes)).")
    anchors = ANCHORS if anchors_path is None else read_anchors(anchors_path, shape[1:3])
    if classes_path is not None:
        class_names = [line.strip() for line in Path(classes_path).read_text(encoding="utf-8").splitlines()
                       if line.strip()]
    if class_names is None:
        raise ValueError("name the model's classes: a classes file (one name per line) or class_names.")
    expected = len(anchors) * (5 + len(class_names))
    if shape[-1] != expected:
        raise ValueError(f"{path}: the model's output has {shape[-1]} numbers per grid cell, but "
                         f"{len(anchors)} anchors x (5 + {len(class_names)} classes) = {expected}; give the "
                         f"anchors and classes files that belong to this model.")
    return model, np.asarray(anchors, np.float32), list(class_names)


def detect(outputs, yolo_eval, image_shape=(IMAGE_SIZE, IMAGE_SIZE), max_boxes=10, score_threshold=0.3,
           iou_threshold=0.5):
    """The boxes found in each picture, by a ``yolo_eval`` passed in (the notebook passes the student's).

    Parameters
    ----------
    outputs : tuple of 4 ndarrays
        From :func:`detector_outputs`: box_xy, box_wh, box_confidence, box_class_probs, pictures on axis 0.
    yolo_eval : callable
        ``yolo_eval(yolo_outputs, image_shape, max_boxes, score_threshold, iou_threshold)`` of one picture,
        returning scores, boxes (y1, x1, y2, x2) in pixels, classes.
    image_shape : tuple of float
        (height, width) of the pictures in pixels.
    max_boxes, score_threshold, iou_threshold
        Passed on to ``yolo_eval``.

    Returns
    -------
    detections : list of (scores, boxes, classes), one per picture
        ndarrays; ``boxes`` of shape (n, 4) as corners (x1, y1, x2, y2), the order of the true boxes.
    """
    found = []
    for i in range(len(outputs[0])):
        scores, boxes, classes = yolo_eval(tuple(tf.constant(output[i]) for output in outputs),
                                           (float(image_shape[0]), float(image_shape[1])), max_boxes,
                                           score_threshold, iou_threshold)
        boxes = np.asarray(boxes, np.float32).reshape(-1, 4)
        found.append((np.asarray(scores), boxes[:, [1, 0, 3, 2]], np.asarray(classes)))
    return found

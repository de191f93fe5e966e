"""Does the detector's given code do what it says: targets that decode back to the true boxes,
and a mean average precision that is 1 for perfect detections and drops for wrong ones?"""
import nbformat
import numpy as np
import pytest

from coursekit import yolo as D
from solutions.c4w3a_yolo import iou
from coursekit.yolo import yolo_boxes_to_corners

TRUTH = np.array([[[4, 8, 20, 24, 0], [30, 30, 58, 58, 2], [-1, -1, -1, -1, -1]],
                  [[40, 2, 54, 16, 1], [-1, -1, -1, -1, -1], [-1, -1, -1, -1, -1]]], np.float32)


def logits(y_true):
    """Raw network outputs that decode exactly to the targets (inverse of the activations)."""
    out = y_true.copy()
    out[..., 0:2] = np.log(np.clip(y_true[..., 0:2], 1e-6, 1 - 1e-6) / np.clip(1 - y_true[..., 0:2], 1e-6, 1))
    out[..., 4] = np.where(y_true[..., 4] > 0, 20.0, -20.0)
    out[..., 5:] = 20.0 * y_true[..., 5:]
    return out.reshape(*out.shape[:3], -1)


def test_targets_decode_back_to_the_true_boxes():
    y_true = D.preprocess_true_boxes(TRUTH, D.ANCHORS, n_classes=3)
    assert y_true.shape == (2, D.GRID, D.GRID, len(D.ANCHORS), 8) and y_true[..., 4].sum() == 3
    box_xy, box_wh, confidence, probs = (t.numpy() for t in D.yolo_head(logits(y_true), D.ANCHORS, 3))
    found = np.argwhere(confidence[..., 0] > 0.5)
    assert len(found) == 3
    corners = yolo_boxes_to_corners(box_xy, box_wh).numpy() * D.IMAGE_SIZE  # (y1, x1, y2, x2)
    decoded = sorted((i, *np.round(corners[i, r, c, a][[1, 0, 3, 2]], 3), int(np.argmax(probs[i, r, c, a])))
                     for i, r, c, a in found)
    expected = sorted((i, *row[:4], int(row[4])) for i in range(2) for row in TRUTH[i] if row[4] >= 0)
    np.testing.assert_allclose(np.array(decoded, float), np.array(expected, float), atol=1e-3)


def test_a_perfect_loss_is_smaller_than_a_wrong_one():
    y_true = D.preprocess_true_boxes(TRUTH, D.ANCHORS, n_classes=3)
    perfect = float(D.yolo_loss(y_true, logits(y_true)))
    assert perfect < 1e-3 < float(D.yolo_loss(y_true, np.zeros_like(logits(y_true))))


def detections_from(truth, shift=0.0, score=0.9, label_offset=0):
    rows = truth[truth[:, 4] >= 0]
    return (np.full(len(rows), score), rows[:, :4] + shift, (rows[:, 4].astype(int) + label_offset) % 3)


def test_mean_average_precision():
    truths = list(TRUTH)
    perfect, per_class = D.mean_average_precision([detections_from(t) for t in truths], truths, iou, 3)
    assert perfect == pytest.approx(1.0) and per_class == pytest.approx([1.0, 1.0, 1.0])
    wrong_class, _ = D.mean_average_precision([detections_from(t, label_offset=1) for t in truths], truths, iou, 3)
    assert wrong_class == 0.0
    far, _ = D.mean_average_precision([detections_from(t, shift=10.0) for t in truths], truths, iou, 3)
    assert far < 0.5  # a 10-pixel shift leaves IoU under 0.5 for the 14- and 16-pixel boxes
    duplicated = [tuple(np.concatenate([a, a]) for a in detections_from(t)) for t in truths]
    twice, _ = D.mean_average_precision(duplicated, truths, iou, 3)
    assert twice == pytest.approx(1.0), "a duplicate after the right box ranks below it: precision at full recall stays 1"


def test_the_notebooks_run_reaches_the_stated_floor(built_course):
    """The notebook's run (the book's, in this session's setting: fast under ``make test``) shows a
    detector that finds the shapes: its mAP@0.5 on the test scenes reaches the floor the notebook
    states for that setting. Read from the run rather than trained again here."""
    from coursebuild import chapters, glue

    executed = nbformat.read(chapters.cached_execution("c4w3a_yolo", built_course / "source"), as_version=4)
    setting = chapters.setting()
    mAP = float(glue.glued_values(executed)["test_map"])
    assert mAP >= D.MAP_FLOOR[setting], (
        f"in the {setting} setting the notebook's detector reaches an mAP@0.5 of {mAP:.3f} on the test scenes, "
        f"under the floor {D.MAP_FLOOR[setting]} that the notebook states; see section 9 of the c4w3a chapter")


@pytest.fixture(scope="module")
def saved_detector(tmp_path_factory):
    """A small untrained detector of the same layout, saved as an instructor would save one."""
    import tensorflow as tf

    tf.keras.utils.set_random_seed(3)
    model = D.detector_body(4, n_anchors=3, input_shape=(32, 32, 3))
    path = tmp_path_factory.mktemp("detector") / "my_yolo.keras"
    model.save(path)
    return model, path


def test_a_saved_detector_loads_with_its_anchors_and_classes(saved_detector, tmp_path):
    model, path = saved_detector
    (tmp_path / "anchors.txt").write_text("0.5,0.5, 1,1.5,\n2, 2\n")
    (tmp_path / "classes.txt").write_text("car\nbus\n\nbike\ntruck\n")
    loaded, anchors, names = D.load_detector(path, tmp_path / "anchors.txt", tmp_path / "classes.txt")
    assert names == ["car", "bus", "bike", "truck"]
    np.testing.assert_allclose(anchors, [[0.125, 0.125], [0.25, 0.375], [0.5, 0.5]])  # grid cells / 4x4 grid
    images = np.random.default_rng(0).integers(0, 256, (2, 64, 64, 3), dtype=np.uint8)
    for ours, theirs in zip(D.detector_outputs(model, images, anchors, 4), D.detector_outputs(loaded, images, anchors, 4)):
        np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-6)
    assert D.detector_outputs(loaded, images, anchors, 4)[0].shape == (2, 4, 4, 3, 2), "64x64 resized to 32x32"


def test_a_detector_that_does_not_fit_its_files_is_refused_clearly(saved_detector, tmp_path):
    _, path = saved_detector
    with pytest.raises(ValueError, match=r"27 numbers per grid cell, but 2 anchors x \(5 \+ 3 classes\) = 16"):
        D.load_detector(path, class_names=["circle", "square", "triangle"])
    (tmp_path / "odd.txt").write_text("1, 2, 3")
    with pytest.raises(ValueError, match="3 numbers; anchors come in pairs"):
        D.load_detector(path, tmp_path / "odd.txt", class_names=["a"])
    with pytest.raises(FileNotFoundError, match="nowhere.keras is not a file"):
        D.load_detector(tmp_path / "nowhere.keras", class_names=["a"])
    (tmp_path / "junk.keras").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="could not be read as a Keras model"):
        D.load_detector(tmp_path / "junk.keras", class_names=["a"])

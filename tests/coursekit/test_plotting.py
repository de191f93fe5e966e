"""Do the shared figures draw what they are given?"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from coursekit.plotting import draw_boxes

IMAGE = np.zeros((64, 64, 3), np.uint8)
BOXES = np.array([[4, 8, 20, 24, 0], [30, 30, 58, 58, 2], [-1, -1, -1, -1, -1]], np.float32)


def test_draw_boxes_draws_each_box_with_its_class_and_score_and_skips_padding():
    fig, ax = plt.subplots()
    draw_boxes(ax, IMAGE, BOXES, classes=[b"circle", "square", "triangle"], scores=np.array([0.91, 0.5, 0.0]))
    assert [(p.get_x(), p.get_y(), p.get_width(), p.get_height()) for p in ax.patches] == [
        (3.5, 7.5, 16, 16), (29.5, 29.5, 28, 28)], "corners in pixels, drawn around the pixel edges"
    assert [t.get_text() for t in ax.texts] == ["circle 0.91", "triangle 0.50"]
    plt.close(fig)


def test_draw_boxes_without_labels_draws_the_boxes_alone():
    fig, ax = plt.subplots()
    draw_boxes(ax, IMAGE, BOXES[:2], labels=False)
    assert len(ax.patches) == 2 and not ax.texts
    draw_boxes(ax, IMAGE, np.zeros((0, 5)))  # no detections: nothing more, no error
    assert len(ax.patches) == 2
    plt.close(fig)

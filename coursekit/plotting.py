"""Figures the notebooks share: grids of example images, detection boxes, 2-D point sets,
decision boundaries and cost curves."""
import matplotlib.pyplot as plt
import numpy as np

__all__ = ["image_grid", "draw_boxes", "scatter_2d", "plot_decision_boundary", "plot_costs"]


def _label(value, classes):
    value = int(value)
    if classes is None:
        return str(value)
    name = classes[value]
    return name.decode() if isinstance(name, bytes) else str(name)


def image_grid(images, labels=None, classes=None, columns=8, rows=2, title=None, size=1.4):
    """Show the first ``rows * columns`` images in a grid, each titled with its class.

    Parameters
    ----------
    images : ndarray of shape (m, h, w, c), uint8
    labels : ndarray of shape (m,) or (1, m), optional
    classes : sequence of bytes or str, optional
        Class names, indexed by label.
    columns, rows : int
    title : str, optional
    size : float
        Inches per image.

    Returns
    -------
    fig : matplotlib.figure.Figure
    """
    labels = None if labels is None else np.ravel(labels)
    fig, axes = plt.subplots(rows, columns, figsize=(columns * size, rows * size * 1.3), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i >= len(images):
            continue
        image = images[i]
        ax.imshow(image[..., 0] if image.shape[-1] == 1 else image, cmap="gray" if image.shape[-1] == 1 else None,
                  vmin=0, vmax=255)
        if labels is not None:
            ax.set_title(_label(labels[i], classes), fontsize=9)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def draw_boxes(ax, image, boxes, classes=None, scores=None, color="yellow", labels=True):
    """Draw an image and its boxes on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    image : ndarray of shape (h, w, 3), uint8
    boxes : ndarray of shape (n, 5)
        Rows of (x1, y1, x2, y2, class) in pixels; rows of -1 are padding and skipped.
    classes : sequence of bytes or str, optional
        Class names, shown instead of the class numbers.
    scores : ndarray of shape (n,), optional
        Shown after the class name.
    color : str
    labels : bool
        False draws the boxes alone (e.g. true boxes under the detections' labelled ones).
    """
    ax.imshow(image)
    ax.axis("off")
    for i, (x1, y1, x2, y2, label) in enumerate(np.asarray(boxes).reshape(-1, 5)):
        if label < 0:
            continue
        ax.add_patch(plt.Rectangle((x1 - 0.5, y1 - 0.5), x2 - x1, y2 - y1, fill=False, edgecolor=color, linewidth=1.5))
        if labels:
            text = _label(label, classes) + ("" if scores is None else f" {scores[i]:.2f}")
            ax.text(x1, y1 - 1.5, text, color="black", fontsize=7, bbox={"facecolor": color, "pad": 1, "linewidth": 0})


def scatter_2d(ax, X, Y, title=None):
    """Scatter a 2-D binary set.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    X : ndarray of shape (2, m)
        Examples are columns.
    Y : ndarray of shape (1, m) or (m,)
    title : str, optional
    """
    ax.scatter(X[0], X[1], c=np.ravel(Y), s=12, cmap=plt.cm.Spectral, vmin=0, vmax=1, edgecolors="k", linewidths=0.3)
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=10)


def plot_decision_boundary(predict, X, Y, ax=None, title=None, resolution=300):
    """Colour the plane by a classifier's prediction and scatter the data on top.

    Parameters
    ----------
    predict : callable
        ``predict(points) -> labels``: points of shape (2, k), labels of shape (1, k) or (k,).
    X : ndarray of shape (2, m)
    Y : ndarray of shape (1, m) or (m,)
    ax : matplotlib.axes.Axes, optional
        Default: a new figure's axes.
    title : str, optional
    resolution : int
        Grid points per axis.

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4))
    x_min, x_max = X[0].min() - 1, X[0].max() + 1
    y_min, y_max = X[1].min() - 1, X[1].max() + 1
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])  # (2, resolution**2): examples are columns
    labels = np.asarray(predict(grid), dtype=float).reshape(xx.shape)
    # Fixed levels and limits: class 0 and class 1 keep their colours (the points' colours) even
    # where a classifier predicts one class everywhere, as zero initialization does.
    ax.contourf(xx, yy, labels, levels=[-0.5, 0.5, 1.5], cmap=plt.cm.Spectral, vmin=0, vmax=1, alpha=0.8)
    scatter_2d(ax, X, Y, title)
    return ax


def plot_costs(costs, every=100, ax=None, title="Cost during training", xlabel="iteration"):
    """Cost curves, one per label.

    Parameters
    ----------
    costs : list of float, or dict of str -> list of float
        A curve, or curves keyed by their legend label.
    every : int
        Iterations between two recorded costs.
    ax : matplotlib.axes.Axes, optional
    title, xlabel : str

    Returns
    -------
    ax : matplotlib.axes.Axes
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    curves = costs if isinstance(costs, dict) else {None: costs}
    for label, curve in curves.items():
        ax.plot(np.arange(len(curve)) * every, np.squeeze(curve), label=label)
    ax.set_xlabel(xlabel if every == 1 else f"{xlabel} (recorded every {every})")
    ax.set_ylabel("cost")
    ax.set_title(title)
    if len(curves) > 1 or None not in curves:
        ax.legend()
    return ax

"""Loading the course datasets (HDF5 files, never downloaded).

Where files are looked for, first match wins:

1. ``$COURSE_DATA_DIR``, if set;
2. ``datasets/`` in the current folder (a released assignment ships its files there);
3. ``data/`` in the current folder or any folder above it (the course repository, after
   ``make data``).

The classification sets use the classic layout of this course: ``train_<name>.h5`` holds
``train_set_x`` (m, h, w, c) uint8, ``train_set_y`` (m,) and ``list_classes``; ``test_<name>.h5``
likewise. An instructor who owns other files of that layout (say ``train_catvnoncat.h5`` and
``test_catvnoncat.h5``) points a loader at them with one setting, e.g.
``COURSE_FACES=/path/to/train_catvnoncat.h5`` (the test file is found beside it by name), and
the notebooks run on them unchanged.
"""
import os
from pathlib import Path

import numpy as np

__all__ = ["DatasetError", "load_faces", "load_digits", "load_planar_dataset", "load_extra_datasets",
           "load_binary2d", "load_shapes", "load_photo", "photo_names", "data_dir"]


class DatasetError(RuntimeError):
    """A dataset file is missing, unreadable or not laid out as expected; the message says how to fix it."""


_REBUILD = ("Instructors: build the datasets with `make data` in the course repository. "
            "Students: ask your instructor for this assignment's datasets/ folder.")


def _candidates():
    if os.environ.get("COURSE_DATA_DIR"):
        yield Path(os.environ["COURSE_DATA_DIR"])
    cwd = Path.cwd()
    yield cwd / "datasets"
    for folder in (cwd, *cwd.parents):
        yield folder / "data"


def data_dir(file_name):
    """Path: the folder that holds ``file_name``, searched as the module docstring says.

    Raises
    ------
    DatasetError
        If no candidate folder holds the file.
    """
    looked = []
    for folder in _candidates():
        if (folder / file_name).is_file():
            return folder
        looked.append(str(folder))
    raise DatasetError(f"{file_name} not found; looked in {', '.join(looked[:4])} and the folders above. {_REBUILD}")


def _open(path):
    import h5py

    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"{path} does not exist. {_REBUILD}")
    try:
        return h5py.File(path, "r")
    except OSError as error:
        raise DatasetError(f"{path} is not a readable HDF5 file (truncated or corrupted? {error}). "
                           f"Delete it and rebuild it. {_REBUILD}") from None


def _read(file, key, ndim=None, kind=None, path=None):
    """One array from an open HDF5 file, checked for presence, number of axes and dtype kind."""
    if key not in file:
        raise DatasetError(f"{path} has no dataset '{key}' (it holds {sorted(file.keys())}); expected the "
                           f"course layout. Delete it and rebuild it. {_REBUILD}")
    try:
        value = file[key][()]
    except (OSError, KeyError) as error:  # a truncated file can open but fail on read
        raise DatasetError(f"{path}: dataset '{key}' cannot be read ({error}); the file is damaged. "
                           f"Delete it and rebuild it. {_REBUILD}") from None
    if ndim is not None and np.ndim(value) != ndim:
        raise DatasetError(f"{path}: '{key}' has shape {np.shape(value)}, expected {ndim} axes. {_REBUILD}")
    if kind is not None and value.dtype.kind not in kind:
        raise DatasetError(f"{path}: '{key}' has dtype {value.dtype}, expected {kind!r} kinds. {_REBUILD}")
    return value


def _classification_paths(name):
    setting = os.environ.get(f"COURSE_{name.upper()}")
    if setting:
        train = Path(setting)
        if not train.name.startswith("train_"):
            raise DatasetError(f"COURSE_{name.upper()}={setting} must name a file called train_<something>.h5; "
                               f"its test file test_<something>.h5 is expected beside it.")
        return train, train.with_name("test_" + train.name[len("train_"):])
    folder = data_dir(f"train_{name}.h5")
    return folder / f"train_{name}.h5", folder / f"test_{name}.h5"


def load_classification(name):
    """An image classification set in the classic layout.

    Parameters
    ----------
    name : str
        ``"faces"`` or ``"digits"`` (or any ``train_<name>.h5`` / ``test_<name>.h5`` pair).

    Returns
    -------
    train_set_x : ndarray of shape (m_train, h, w, c), uint8
    train_set_y : ndarray of shape (1, m_train)
    test_set_x : ndarray of shape (m_test, h, w, c), uint8
    test_set_y : ndarray of shape (1, m_test)
    classes : ndarray of shape (n_classes,), bytes
    """
    arrays = []
    for split, path in zip(("train", "test"), _classification_paths(name)):
        with _open(path) as f:
            x = _read(f, f"{split}_set_x", ndim=4, kind="u", path=path)
            y = _read(f, f"{split}_set_y", ndim=1, kind="iu", path=path)
            classes = _read(f, "list_classes", ndim=1, path=path)
        if len(x) != len(y):
            raise DatasetError(f"{path}: {len(x)} images but {len(y)} labels. {_REBUILD}")
        arrays += [x, y.reshape(1, -1)]  # labels as a row (1, m): examples are columns
    return (*arrays, classes)


def load_faces():
    """Faces (label 1) and non-faces (label 0), 25x25 grey stored as 3 channels.

    Returns
    -------
    train_set_x_orig : ndarray of shape (160, 25, 25, 3), uint8
    train_set_y : ndarray of shape (1, 160)
    test_set_x_orig : ndarray of shape (40, 25, 25, 3), uint8
    test_set_y : ndarray of shape (1, 40)
    classes : ndarray of shape (2,), bytes: ``[b"non-face", b"face"]``
    """
    return load_classification("faces")


def _upsample(images, size):
    """Bilinear resize of (m, h, w, c) uint8 images to (m, size, size, c)."""
    m, h, w, c = images.shape
    def weights(n_in):
        position = (np.arange(size) + 0.5) * n_in / size - 0.5  # pixel centres, as in image libraries
        position = np.clip(position, 0, n_in - 1)
        low = np.floor(position).astype(int)
        high = np.minimum(low + 1, n_in - 1)
        matrix = np.zeros((size, n_in))
        matrix[np.arange(size), low] += 1 - (position - low)
        matrix[np.arange(size), high] += position - low
        return matrix  # (size, n_in)
    rows, cols = weights(h), weights(w)
    out = np.einsum("yh,mhwc,xw->myxc", rows, images.astype(np.float64), cols)  # (m, size, size, c)
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


def load_digits(size=8):
    """Handwritten digits 0-9.

    Parameters
    ----------
    size : int
        8 gives the original 8x8 grey images; any larger size (64 for the convolutional nets)
        upsamples them bilinearly and repeats the grey channel three times.

    Returns
    -------
    train_set_x_orig : ndarray of shape (1438, size, size, 1 or 3), uint8
    train_set_y : ndarray of shape (1, 1438)
    test_set_x_orig : ndarray of shape (359, size, size, 1 or 3), uint8
    test_set_y : ndarray of shape (1, 359)
    classes : ndarray of shape (10,), bytes
    """
    train_x, train_y, test_x, test_y, classes = load_classification("digits")
    if size != train_x.shape[1]:
        if size < train_x.shape[1]:
            raise ValueError(f"size={size} is smaller than the images ({train_x.shape[1]}); use 8 or more.")
        train_x = np.repeat(_upsample(train_x, size), 3 // train_x.shape[-1], axis=-1)
        test_x = np.repeat(_upsample(test_x, size), 3 // test_x.shape[-1], axis=-1)
    return train_x, train_y, test_x, test_y, classes


def load_planar_dataset():
    """The planar "flower": two classes of petals.

    Returns
    -------
    X : ndarray of shape (2, 400)
        Coordinates, one example per column.
    Y : ndarray of shape (1, 400)
        Labels 0 or 1.
    """
    path = data_dir("planar.h5") / "planar.h5"
    with _open(path) as f:
        return _read(f, "flower/X", ndim=2, kind="f", path=path), _read(f, "flower/Y", ndim=2, kind="iu", path=path)


EXTRA_DATASETS = ("noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure")


def load_extra_datasets():
    """The other 2-D sets of the shallow-network assignment.

    Returns
    -------
    noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure : tuple of (X, Y)
        Each X of shape (200, 2) (examples are rows, as scikit-learn makes them) and Y of shape (200,).
    """
    path = data_dir("planar.h5") / "planar.h5"
    with _open(path) as f:
        return tuple((_read(f, f"{n}/X", ndim=2, path=path), _read(f, f"{n}/Y", ndim=1, path=path))
                     for n in EXTRA_DATASETS)


BINARY2D = ("circles", "two_regions", "moons")


def load_binary2d(name):
    """A 2-D binary classification set of the second course.

    Parameters
    ----------
    name : str
        ``"circles"`` (initialization), ``"two_regions"`` (regularization: noisy labels invite
        over-fitting) or ``"moons"`` (optimization).

    Returns
    -------
    train_X : ndarray of shape (2, m_train)
    train_Y : ndarray of shape (1, m_train)
    test_X : ndarray of shape (2, m_test)
    test_Y : ndarray of shape (1, m_test)
    """
    if name not in BINARY2D:
        raise ValueError(f"unknown set {name!r}; choose one of {BINARY2D}.")
    path = data_dir("binary2d.h5") / "binary2d.h5"
    with _open(path) as f:
        return tuple(_read(f, f"{name}/{key}", ndim=2, path=path)
                     for key in ("train_X", "train_Y", "test_X", "test_Y"))


def load_shapes():
    """Detection scenes: circles, squares and triangles on a textured background.

    Returns
    -------
    data : dict
        ``train_images`` (m, 64, 64, 3) uint8, ``train_boxes`` (m, 4, 5) float32 rows of
        (x1, y1, x2, y2, class) in pixels, padded with rows of -1; ``test_images`` and
        ``test_boxes`` likewise; ``classes`` (3,) bytes.
    """
    path = data_dir("shapes.h5") / "shapes.h5"
    with _open(path) as f:
        data = {key: _read(f, key, ndim=ndim, path=path) for key, ndim in
                (("train_images", 4), ("train_boxes", 3), ("test_images", 4), ("test_boxes", 3))}
        data["classes"] = _read(f, "list_classes", ndim=1, path=path)
    return data


def photo_names():
    """list of str: the photographs available to :func:`load_photo`."""
    path = data_dir("photos.h5") / "photos.h5"
    with _open(path) as f:
        return sorted(f.keys())


def load_photo(name):
    """One photograph for style transfer.

    Parameters
    ----------
    name : str
        One of :func:`photo_names` (e.g. ``"temple"``, ``"stained_tissue"``).

    Returns
    -------
    image : ndarray of shape (256, 256, 3), uint8
    """
    path = data_dir("photos.h5") / "photos.h5"
    with _open(path) as f:
        if name not in f:
            raise DatasetError(f"no photograph named {name!r} in {path}; choose one of {sorted(f.keys())}.")
        return _read(f, name, ndim=3, kind="u", path=path)

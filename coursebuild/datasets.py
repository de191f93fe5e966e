"""Build the course datasets into ``data/``: offline, deterministic, from data that packages ship.

| file(s) | what | built from |
| --- | --- | --- |
| train_faces.h5, test_faces.h5 | face / not a face, 25x25 grey (as 3 channels) | scikit-image ``lfw_subset`` |
| train_digits.h5, test_digits.h5 | handwritten digits 0-9, 8x8 grey | scikit-learn ``load_digits`` |
| planar.h5 | the "flower" and the extra 2-D sets | generated, fixed seeds |
| binary2d.h5 | circles, two noisy regions, moons (train/test) | generated, fixed seeds |
| shapes.h5 | detection scenes: circles, squares, triangles with boxes | generated, fixed seeds |
| photos.h5 | content and style photographs, 256x256 RGB | scikit-image and scikit-learn's images |

Every file's SHA-256 is recorded in ``coursebuild/datasets.sha256``; a build that produces other
bytes fails, so "deterministic" is checked, not assumed. Two habits keep the bytes stable:
HDF5 objects are written without timestamps, and generated coordinates are rounded to 6
decimals, so a last-bit difference in a SIMD ``sin`` on another CPU cannot change a byte.
"""
import hashlib
import shutil
import tempfile
from pathlib import Path

import h5py
import numpy as np

from .paths import ROOT, BuildError

DATA = ROOT / "data"
CHECKSUMS = Path(__file__).with_name("datasets.sha256")
SEED = 1  # every generated set derives its generator from this and its own name


def _rng(name):
    return np.random.default_rng([SEED, int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "little")])


def _sklearn_seed(rng):
    """int: a fresh seed from ``rng`` for one scikit-learn generator call (they take ints, not Generators)."""
    return int(rng.integers(2 ** 31))


def _write(path, arrays, attrs=None):
    """Write ``arrays`` (name -> ndarray; '/' makes groups) to an HDF5 file, without timestamps."""
    with h5py.File(path, "w", track_order=False) as f:
        for name, value in arrays.items():
            # Image stacks are compressed (shapes.h5 shrinks from 17 MB); h5py bundles its zlib,
            # so the compressed bytes are as reproducible as the raw ones.
            options = {"compression": "gzip", "compression_opts": 6} if np.ndim(value) >= 3 else {}
            f.create_dataset(name, data=value, track_times=False, **options)
        for name, value in (attrs or {}).items():
            f.attrs[name] = value


def _stratified_split(labels, test_fraction, rng):
    """(train_index, test_index): a fixed split with each class in the same proportion."""
    train, test = [], []
    for label in np.unique(labels):
        index = rng.permutation(np.flatnonzero(labels == label))
        n_test = int(round(len(index) * test_fraction))
        test.extend(index[:n_test])
        train.extend(index[n_test:])
    return rng.permutation(np.array(train)), rng.permutation(np.array(test))


def _write_classification(folder, stem, x, y, classes, test_fraction, rng):
    """The classic layout: train_<stem>.h5 and test_<stem>.h5 with *_set_x, *_set_y, list_classes."""
    train, test = _stratified_split(y, test_fraction, rng)
    for split, index in (("train", train), ("test", test)):
        _write(folder / f"{split}_{stem}.h5", {
            f"{split}_set_x": x[index],
            f"{split}_set_y": y[index].astype(np.int64),
            "list_classes": np.array(classes, dtype="S"),
        })


def build_faces(folder):
    from skimage.data import lfw_subset

    images = lfw_subset()  # (200, 25, 25) floats in [0, 1]: 100 faces, then 100 non-faces
    grey = np.round(images * 255).astype(np.uint8)
    x = np.repeat(grey[..., None], 3, axis=-1)  # (200, 25, 25, 3): the classic RGB layout
    y = np.r_[np.ones(100), np.zeros(100)].astype(np.int64)
    _write_classification(folder, "faces", x, y, [b"non-face", b"face"], 0.2, _rng("faces"))


def build_digits(folder):
    from sklearn.datasets import load_digits

    digits = load_digits()  # (1797, 8, 8) values 0..16
    x = np.round(digits.images * (255 / 16)).astype(np.uint8)[..., None]  # (1797, 8, 8, 1)
    classes = [str(d).encode() for d in range(10)]
    _write_classification(folder, "digits", x, digits.target, classes, 0.2, _rng("digits"))


def _flower(rng, m=400, petals=4):
    """The planar "flower": two interleaved sets of petals. X (2, m), Y (1, m)."""
    n = m // 2
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype=np.int64)
    for j in range(2):
        index = slice(n * j, n * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + rng.normal(size=n) * 0.2  # angle
        r = petals * np.sin(4 * t) + rng.normal(size=n) * 0.2  # radius
        X[index] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[index] = j
    return np.round(X.T, 6), Y.T


def build_planar(folder):
    from sklearn import datasets as sk

    rng = _rng("planar")
    X, Y = _flower(rng)
    extra = {
        "noisy_circles": sk.make_circles(n_samples=200, factor=0.5, noise=0.3, random_state=_sklearn_seed(rng)),
        "noisy_moons": sk.make_moons(n_samples=200, noise=0.2, random_state=_sklearn_seed(rng)),
        "blobs": sk.make_blobs(n_samples=200, n_features=2, centers=6, random_state=_sklearn_seed(rng)),
        "gaussian_quantiles": sk.make_gaussian_quantiles(cov=0.5, n_samples=200, n_features=2, n_classes=2,
                                                         shuffle=True, random_state=_sklearn_seed(rng)),
        "no_structure": (rng.uniform(size=(200, 2)), rng.uniform(size=200)),
    }
    arrays = {"flower/X": X, "flower/Y": Y}
    for name, (x, y) in extra.items():
        arrays[f"{name}/X"] = np.round(x, 6)
        arrays[f"{name}/Y"] = np.round(y, 6) if name == "no_structure" else y.astype(np.int64)
    _write(folder / "planar.h5", arrays)


def _two_regions(rng, m, flip):
    """Two regions split by a wavy boundary, with a fraction ``flip`` of labels flipped (noise to over-fit)."""
    X = np.c_[rng.uniform(-0.75, 0.45, m), rng.uniform(-0.75, 0.75, m)]
    Y = (X[:, 0] > 0.15 * np.sin(4 * X[:, 1]) - 0.15).astype(np.int64)
    flipped = rng.uniform(size=m) < flip
    Y[flipped] = 1 - Y[flipped]
    return np.round(X.T, 6), Y[None, :]


def build_binary2d(folder):
    from sklearn import datasets as sk

    rng = _rng("binary2d")
    arrays = {}
    for name, (m_train, m_test), make in [
        ("circles", (300, 100), lambda m: sk.make_circles(n_samples=m, noise=0.05, random_state=_sklearn_seed(rng))),
        ("moons", (300, 100), lambda m: sk.make_moons(n_samples=m, noise=0.2, random_state=_sklearn_seed(rng))),
    ]:
        for split, m in (("train", m_train), ("test", m_test)):
            x, y = make(m)
            arrays[f"{name}/{split}_X"] = np.round(x.T, 6)  # (2, m)
            arrays[f"{name}/{split}_Y"] = y.astype(np.int64)[None, :]  # (1, m)
    for split, m, flip in (("train", 211, 0.08), ("test", 200, 0.03)):
        x, y = _two_regions(rng, m, flip)
        arrays[f"two_regions/{split}_X"], arrays[f"two_regions/{split}_Y"] = x, y
    _write(folder / "binary2d.h5", arrays)


SHAPE_CLASSES = [b"circle", b"square", b"triangle"]


def _scene(rng, size=64, max_objects=4):
    """One detection scene: (image (size, size, 3) uint8, boxes (max_objects, 5) float32).

    Boxes are (x1, y1, x2, y2, class) in pixels, padded with -1 rows.
    """
    yy, xx = np.mgrid[0:size, 0:size]
    base = rng.uniform(40, 110, size=3)
    tilt = rng.uniform(-0.6, 0.6, size=3)
    image = base + tilt * (xx[..., None] - size / 2) + rng.normal(0, 6, size=(size, size, 3))
    boxes = np.full((max_objects, 5), -1, dtype=np.float32)
    placed = []
    for _ in range(int(rng.integers(1, max_objects + 1))):
        for _attempt in range(20):
            side = int(rng.integers(12, 29))
            x1, y1 = int(rng.integers(0, size - side)), int(rng.integers(0, size - side))
            box = (x1, y1, x1 + side, y1 + side)
            # Intersection over the smaller box: IoU would let a small shape hide inside a big one.
            if all(_covered(box, other) < 0.1 for other in placed):
                break
        else:
            continue
        label = int(rng.integers(len(SHAPE_CLASSES)))
        cx, cy, half = x1 + side / 2, y1 + side / 2, side / 2
        if label == 0:
            mask = (xx + 0.5 - cx) ** 2 + (yy + 0.5 - cy) ** 2 <= half ** 2
        elif label == 1:
            mask = (xx >= x1) & (xx < x1 + side) & (yy >= y1) & (yy < y1 + side)
        else:  # apex at the top centre, base along the bottom edge
            rel = (yy + 0.5 - y1) / side
            mask = (rel >= 0) & (rel <= 1) & (np.abs(xx + 0.5 - cx) <= half * rel)
        image[mask] = rng.uniform(150, 255, size=3)
        boxes[len(placed)] = (*box, label)
        placed.append(box)
    return np.clip(np.round(image), 0, 255).astype(np.uint8), boxes


def _covered(a, b):
    """The fraction of the smaller of two corner boxes that the other one covers."""
    w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    return w * h / min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))


def build_shapes(folder, m_train=1200, m_test=200):
    rng = _rng("shapes")
    arrays = {}
    for split, m in (("train", m_train), ("test", m_test)):
        scenes = [_scene(rng) for _ in range(m)]
        arrays[f"{split}_images"] = np.stack([s[0] for s in scenes])  # (m, 64, 64, 3)
        arrays[f"{split}_boxes"] = np.stack([s[1] for s in scenes])  # (m, 4, 5)
    arrays["list_classes"] = np.array(SHAPE_CLASSES, dtype="S")
    _write(folder / "shapes.h5", arrays)


#: name -> (loader of the original, where it comes from)
PHOTOS = {
    "astronaut": ("skimage.data.astronaut", "scikit-image"),
    "cat": ("skimage.data.chelsea", "scikit-image"),
    "coffee": ("skimage.data.coffee", "scikit-image"),
    "rocket": ("skimage.data.rocket", "scikit-image"),
    "stained_tissue": ("skimage.data.immunohistochemistry", "scikit-image"),
    "temple": ("china.jpg", "scikit-learn"),
    "flower": ("flower.jpg", "scikit-learn"),
}


def _photo(loader):
    if loader.endswith(".jpg"):
        from sklearn.datasets import load_sample_image
        return load_sample_image(loader)
    import importlib
    module, _, name = loader.rpartition(".")
    return getattr(importlib.import_module(module), name)()


def build_photos(folder, size=256):
    from skimage.transform import resize

    arrays, attrs = {}, {}
    for name, (loader, origin) in PHOTOS.items():
        image = _photo(loader)
        h, w = image.shape[:2]
        side = min(h, w)
        top, left = (h - side) // 2, (w - side) // 2
        square = image[top:top + side, left:left + side]  # centre crop
        small = resize(square, (size, size), order=1, anti_aliasing=True, preserve_range=True)
        arrays[name] = np.clip(np.round(small), 0, 255).astype(np.uint8)  # (256, 256, 3)
        attrs[f"source_{name}"] = f"{origin}: {loader}"
    _write(folder / "photos.h5", arrays, attrs)


BUILDERS = [build_faces, build_digits, build_planar, build_binary2d, build_shapes, build_photos]
FILES = ["train_faces.h5", "test_faces.h5", "train_digits.h5", "test_digits.h5", "planar.h5", "binary2d.h5",
         "shapes.h5", "photos.h5"]


#: The dataset files each assignment ships in its folder (``datasets/``), by assignment id.
ASSIGNMENT_FILES = {
    "c1w2b_logistic_regression": ["train_faces.h5", "test_faces.h5"],
    "c1w3a_planar_data": ["planar.h5"],
    "c1w4b_deep_nn_application": ["train_faces.h5", "test_faces.h5"],
    "c2w1a_initialization": ["binary2d.h5"],
    "c2w1b_regularization": ["binary2d.h5"],
    "c2w2a_optimization": ["binary2d.h5"],
    "c2w3a_tensorflow_intro": ["train_digits.h5", "test_digits.h5"],
    "c4w1a_convolution": ["train_digits.h5", "test_digits.h5"],
    "c4w1b_cnn_application": ["train_digits.h5", "test_digits.h5"],
    "c4w2a_keras_tutorial": ["train_faces.h5", "test_faces.h5"],
    "c4w2b_resnets": ["train_digits.h5", "test_digits.h5"],
    "c4w3a_yolo": ["shapes.h5"],
    "c4w4a_style_transfer": ["photos.h5"],
}


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def recorded_checksums(path=CHECKSUMS):
    """dict file name -> SHA-256, as recorded in ``coursebuild/datasets.sha256``."""
    if not Path(path).is_file():
        return {}
    pairs = (line.split() for line in Path(path).read_text().splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def build(folder=DATA, record=False):
    """Build every dataset into ``folder`` and check the bytes against the recorded checksums.

    Parameters
    ----------
    folder : Path
    record : bool
        Write the new checksums instead of checking them (after an intended change of data).

    Raises
    ------
    BuildError
        If a file's SHA-256 differs from the recorded one: the build is not deterministic here.
    """
    folder = Path(folder)
    with tempfile.TemporaryDirectory(dir=folder.parent if folder.parent.exists() else None) as scratch:
        scratch = Path(scratch)
        for builder in BUILDERS:
            builder(scratch)
        digests = {name: sha256(scratch / name) for name in FILES}
        if record:
            CHECKSUMS.write_text("".join(f"{digests[n]}  {n}\n" for n in FILES))
        else:
            expected = recorded_checksums()
            wrong = [n for n in FILES if expected.get(n) != digests[n]]
            if wrong:
                raise BuildError(
                    f"the datasets {wrong} built with other bytes than recorded in {CHECKSUMS.name}; the "
                    f"build must be deterministic. With the pinned versions (constraints.txt) this is a bug; "
                    f"after an intended change, run `python -m coursebuild data --record`.")
        folder.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.move(scratch / name, folder / name)
    return digests


def ensure(folder=DATA):
    """Build the datasets unless every file is present with its recorded checksum. True if built."""
    expected = recorded_checksums()
    if expected and all((Path(folder) / n).is_file() and sha256(Path(folder) / n) == expected.get(n) for n in FILES):
        return False
    print(f"building the course datasets into {folder} ...", flush=True)
    build(folder)
    return True

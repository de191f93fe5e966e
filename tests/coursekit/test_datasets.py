"""Do the loaders return the documented shapes, accept original-layout files, and explain bad files?"""
import h5py
import numpy as np
import pytest

from coursebuild import datasets as builder
from coursekit import datasets


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    builder.build(folder)
    return folder


@pytest.fixture
def in_data(data, monkeypatch):
    monkeypatch.setenv("COURSE_DATA_DIR", str(data))
    return data


def test_loaders_return_the_documented_shapes(in_data):
    train_x, train_y, test_x, test_y, classes = datasets.load_faces()
    assert train_x.shape[1:] == (25, 25, 3) and train_y.shape == (1, len(train_x)) and test_y.shape == (1, len(test_x))
    assert list(classes) == [b"non-face", b"face"]
    train_x, train_y, *_ = datasets.load_digits()
    assert train_x.shape[1:] == (8, 8, 1) and train_y.shape == (1, len(train_x))
    X, Y = datasets.load_planar_dataset()
    assert X.shape == (2, 400) and Y.shape == (1, 400)
    assert len(datasets.load_extra_datasets()) == 5
    train_X, train_Y, test_X, test_Y = datasets.load_binary2d("moons")
    assert train_X.shape[0] == 2 and train_Y.shape == (1, train_X.shape[1])
    assert datasets.load_shapes()["train_images"].shape[1:] == (64, 64, 3)
    assert datasets.load_photo("temple").shape == (256, 256, 3)


def test_digits_upsample_to_64x64x3_keeping_the_picture(in_data):
    small, *_ = datasets.load_digits()
    big, *_ = datasets.load_digits(size=64)
    assert big.shape == (len(small), 64, 64, 3) and big.dtype == np.uint8
    assert (big[..., 0] == big[..., 2]).all(), "the grey channel is repeated"
    # Output pixel 8k+4 samples position k + 1/16 of the source: bilinear weights put (15/16)^2 of it
    # on source pixel k, so it differs from that pixel by at most about 12% of the full range.
    near_centres = big[:, 4::8, 4::8, 0].astype(float)
    error = np.abs(near_centres - small[..., 0])
    assert error.max() <= 0.122 * 255 + 1


def test_upsampling_is_bilinear():
    """One bright pixel spreads as a symmetric tent: 255 * (15/16)^2 at its 2x2 centre."""
    image = np.zeros((1, 8, 8, 1), dtype=np.uint8)
    image[0, 3, 3, 0] = 255
    big = datasets._upsample(image, 64)[0, :, :, 0].astype(int)
    assert (big[27:29, 27:29] == round(255 * (15 / 16) ** 2)).all()
    np.testing.assert_array_equal(big, big.T)
    np.testing.assert_array_equal(big[24:32, 24:32], big[24:32, 24:32][::-1, ::-1])


def test_upsampling_a_constant_image_keeps_it_constant():
    image = np.full((2, 8, 8, 1), 77, dtype=np.uint8)
    assert (datasets._upsample(image, 64) == 77).all()


def test_files_are_found_in_an_assignment_datasets_folder(data, tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_DATA_DIR", raising=False)
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "planar.h5").write_bytes((data / "planar.h5").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert datasets.load_planar_dataset()[0].shape == (2, 400)


def _original_layout(folder, m=7):
    """Files laid out like the original course's train_catvnoncat.h5 / test_catvnoncat.h5."""
    rng = np.random.default_rng(0)
    for split in ("train", "test"):
        with h5py.File(folder / f"{split}_catvnoncat.h5", "w") as f:
            f[f"{split}_set_x"] = rng.integers(0, 256, size=(m, 64, 64, 3), dtype=np.uint8)
            f[f"{split}_set_y"] = rng.integers(0, 2, size=m)
            f["list_classes"] = np.array([b"non-cat", b"cat"])
    return folder / "train_catvnoncat.h5"


def test_one_setting_points_the_loader_at_original_files(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_FACES", str(_original_layout(tmp_path)))
    train_x, train_y, test_x, test_y, classes = datasets.load_faces()
    assert train_x.shape == (7, 64, 64, 3) and train_y.shape == (1, 7) and list(classes) == [b"non-cat", b"cat"]


def test_the_setting_must_name_a_train_file(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_FACES", str(tmp_path / "catvnoncat.h5"))
    with pytest.raises(datasets.DatasetError, match="train_<something>.h5"):
        datasets.load_faces()


def test_missing_file_names_where_it_looked_and_how_to_build(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(datasets.DatasetError, match=r"(?s)planar.h5 not found.*make data"):
        datasets.load_planar_dataset()


def test_missing_test_file_is_named(tmp_path, monkeypatch):
    train = _original_layout(tmp_path)
    (tmp_path / "test_catvnoncat.h5").unlink()
    monkeypatch.setenv("COURSE_FACES", str(train))
    with pytest.raises(datasets.DatasetError, match="test_catvnoncat.h5 does not exist"):
        datasets.load_faces()


def test_truncated_file_is_explained(data, tmp_path, monkeypatch):
    content = (data / "planar.h5").read_bytes()
    (tmp_path / "planar.h5").write_bytes(content[: len(content) // 3])
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    with pytest.raises(datasets.DatasetError, match=r"planar.h5.*(truncated|damaged)"):
        datasets.load_planar_dataset()


def test_not_an_hdf5_file_is_explained(tmp_path, monkeypatch):
    (tmp_path / "planar.h5").write_text("this is not HDF5")
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    with pytest.raises(datasets.DatasetError, match="not a readable HDF5 file"):
        datasets.load_planar_dataset()


@pytest.mark.parametrize("damage, words", [
    (lambda f: f.pop("train_set_y"), "has no dataset 'train_set_y'"),
    (lambda f: (f.pop("train_set_x"), f.create_dataset("train_set_x", data=np.zeros((7, 64, 64), np.uint8))),
     "expected 4 axes"),
    (lambda f: (f.pop("train_set_x"), f.create_dataset("train_set_x", data=np.zeros((7, 64, 64, 3)))),
     "dtype float64"),
    (lambda f: (f.pop("train_set_y"), f.create_dataset("train_set_y", data=np.zeros(3, np.int64))),
     "7 images but 3 labels"),
])
def test_wrong_layout_is_explained(tmp_path, monkeypatch, damage, words):
    train = _original_layout(tmp_path)
    with h5py.File(train, "a") as f:
        damage(f)
    monkeypatch.setenv("COURSE_FACES", str(train))
    with pytest.raises(datasets.DatasetError, match=words):
        datasets.load_faces()

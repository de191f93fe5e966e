"""Content hashes of files and folders, for the build's skip-if-unchanged caches.

File modification times are useless here (a fresh clone gives every file a new one), so the
caches key on content.
"""
import hashlib
from pathlib import Path

IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


def tree_digest(*paths, extra=""):
    """str: SHA-256 over the names and bytes of every file under ``paths`` (and ``extra`` text).

    Parameters
    ----------
    *paths : Path
        Files or folders; missing ones count as empty, so creating them changes the digest.
    extra : str
        Any other input of the cached step (a setting, an environment variable's value).
    """
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path in paths:
        path = Path(path)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if not file.is_file() or IGNORED_PARTS & set(file.parts) or file.suffix == ".pyc":
                continue
            digest.update(str(file.relative_to(path.parent)).encode("utf-8"))
            digest.update(b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


class Stamp:
    """A recorded digest: ``Stamp(name).matches(d)`` says whether a step already ran on inputs ``d``."""

    def __init__(self, name, folder):
        self.path = Path(folder) / "stamps" / f"{name}.sha256"

    def matches(self, digest):
        return self.path.is_file() and self.path.read_text().strip() == digest

    def record(self, digest):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(digest + "\n")

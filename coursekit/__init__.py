"""What students import beside their notebooks: data loading, plotting and checking helpers.

Nothing in this package implements a graded exercise. Each released assignment folder carries
its own copy of the package, so a student needs only the public packages of pyproject.toml.
"""
import os



def fast_setting(environ=os.environ):
    """bool: whether ``COURSE_FAST`` in ``environ`` asks for the fast setting (anything but unset,
    empty, ``0`` or ``false``)."""
    return environ.get("COURSE_FAST", "0") not in ("", "0", "false", "False")


#: Long training runs read this: ``COURSE_FAST=1`` (set by ``make test``) picks a small, fast
#: setting; unset or ``0`` runs the full setting used to build the book.
FAST = fast_setting()

"""What students import beside their notebooks: data loading, plotting and checking helpers.

Nothing in this package implements a graded exercise. Each released assignment folder carries
its own copy of the package, so a student needs only the public packages of pyproject.toml.
"""
import logging
import os
import sys


def fast_setting(environ=os.environ):
    """bool: whether ``COURSE_FAST`` in ``environ`` asks for the fast setting (anything but unset,
    empty, ``0`` or ``false``)."""
    return environ.get("COURSE_FAST", "0") not in ("", "0", "false", "False")


#: Long training runs read this: ``COURSE_FAST=1`` (set by ``make test``) picks a small, fast
#: setting; unset or ``0`` runs the full setting used to build the book.
FAST = fast_setting()


def route_stderr_to_stdout():
    """Send everything this process writes to stderr to stdout instead, from now on.

    Python's ``sys.stderr``, the logging handlers that hold it (TensorFlow's, made when it was
    imported) and file descriptor 2 (where TensorFlow's C++ logs go) all write to stdout.
    """
    old = sys.stderr
    sys.stdout.flush()
    old.flush()
    os.dup2(1, 2)  # in a kernel, 1 and 2 are the pipes its output threads read; not sys.stdout.fileno()
    sys.stderr = sys.stdout
    loggers = [logging.getLogger()] + [l for l in logging.Logger.manager.loggerDict.values()
                                       if isinstance(l, logging.Logger)]
    for handler in {h for logger in loggers for h in logger.handlers}:
        if isinstance(handler, logging.StreamHandler) and handler.stream is old:
            handler.setStream(sys.stdout)


# nbgrader's Validate (the JupyterLab button, `nbgrader validate`) fails a test cell that wrote
# anything to stderr, a warning or a TensorFlow log line included, while autograding drops stderr
# (nbgrader_config.py); Validate's steps cannot be configured. So under Validate, which marks the
# kernel's environment, stderr goes to stdout, and Validate passes exactly what the grader passes.
if os.environ.get("NBGRADER_EXECUTION") == "validate":
    route_stderr_to_stdout()


#: The output :func:`glue` writes. JupyterLab and nbconvert show nothing for it; the book's build
#: reads it (coursebuild/glue.py).
GLUE_MIMETYPE = "application/vnd.coursekit.glue+json"


def glue(name, value):
    """Record a result of the run, for the text to quote. Shows nothing.

    A markdown cell quotes it as MyST-NB's text role does, ``{glue:text}`name``` or, with a
    Python format spec, ``{glue:text}`name:.1%```. The course's build writes the value in its
    place, in the book's chapter and in the notebook students receive, from one run of the
    reference solution: the text and the outputs beside it cannot drift apart.

    Parameters
    ----------
    name : str
        Unique within the notebook.
    value : int, float or str
        A numpy scalar is taken as the Python number it holds.

    Raises
    ------
    TypeError
        If ``value`` is anything else (an array, a tensor): glue the number the text quotes.
    """
    if hasattr(value, "item") and getattr(value, "shape", None) == ():
        value = value.item()  # a numpy or TensorFlow scalar
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"glue({name!r}, ...) takes a number or a string, not {type(value).__name__}; "
                        f"glue the number the text quotes, e.g. float(accuracy).")
    from IPython.display import display

    display({GLUE_MIMETYPE: {"name": name, "value": value}}, raw=True)

"""Grading code that the hidden tests of the notebooks call (instructors' side only).

Each assignment has a module named like its id, with one :class:`autograder.core.Exercise`
per graded function and a ``grade(name, function)`` entry point; the typical mistakes of
every assignment are catalogued in :mod:`autograder.mistakes`.
"""

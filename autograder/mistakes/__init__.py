"""The catalogue of typical mistakes, one module per assignment.

Each entry is a wrong implementation that makes exactly one typical mistake, registered with
the explanation a student reads when their output matches it. The same entries serve three
purposes: naming the mistake in the hidden tests' feedback, the tests that every entry is
recognised (tests/autograder), and the wrong submissions of the nbgrader round trip.
"""
import importlib


def catalogue(assignment_id):
    """MistakeCatalogue: the typical mistakes of one assignment (e.g. ``"c1w2a_numpy_basics"``)."""
    return importlib.import_module(f"{__name__}.{assignment_id}").MISTAKES

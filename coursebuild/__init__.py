"""The course's build pipeline: student releases (nbgrader), book chapters, the HTML book,
and the leak scan that proves no solution reaches students or readers.

Run it as ``python -m coursebuild {release,chapters,book}``; the Makefile does.
"""

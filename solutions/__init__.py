"""The reference implementations of every graded exercise, one module per assignment.

Instructors' side only: hidden tests compare students' functions with these, and nothing in
this package ever reaches a release folder or the book (tests/coursebuild/test_leaks.py).
"""

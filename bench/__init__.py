"""Benchmarks of the course (``make bench``): each module measures one thing and returns a
section of ``bench/results.md``. Speed is measured here, never asserted in a test."""

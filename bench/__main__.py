"""``python -m bench`` (``make bench``): run every benchmark and write bench/results.md.

``python -m bench conv book`` runs only the named benchmarks and prints their sections (the
results file always holds one whole run, so that its rows can be compared with each other).
"""
import os
import platform
import sys
import time
from pathlib import Path

from bench import book, conv, grading

RESULTS = Path(__file__).resolve().parent / "results.md"
#: name -> (what it measures, run, section); in the order of the results file.
BENCHMARKS = {
    "book": ("make test and make book from nothing, and each notebook", book.run, book.section),
    "conv": ("the convolution layer three ways", conv.run_layers, conv.section),
    "grading": ("grading a class, serial and parallel", grading.run, grading.section),
}


def main(names=None):
    unknown = set(names or ()) - set(BENCHMARKS)
    if unknown:
        sys.exit(f"unknown benchmark(s) {sorted(unknown)}; choose from {list(BENCHMARKS)}")
    start = time.perf_counter()
    sections = []
    for name, (what, run, section) in BENCHMARKS.items():
        if names and name not in names:
            continue
        print(f"benchmark {name}: {what} ...", flush=True)
        sections.append(section(run()))
    header = (f"# Benchmarks\n\nWritten by `make bench` on {platform.machine()} with {os.cpu_count()} cores, "
              f"Python {sys.version.split()[0]}, in {time.perf_counter() - start:.0f} s. Numbers depend on the "
              "machine: compare rows of one run, not runs of different machines.\n\n")
    if names:
        print("\n".join(sections))
        return
    RESULTS.write_text(header + "\n".join(sections))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main(sys.argv[1:])

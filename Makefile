# Two commands matter: `make book` and `make test`. Everything else is a step they call.
# Each step is idempotent and cached, so a second run with nothing changed takes seconds.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

# nbgrader shells out to `alembic` and kernels are found through PATH: use the venv's bin/ first.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: book test bench data release install clean help grade browser sandbox

help:
	@echo "make book   - build the HTML book into _build/html (creates .venv, releases, chapters)"
	@echo "make test   - run the whole test suite (builds the book first: the leak scan reads it)"
	@echo "make data   - build the course datasets into data/ (offline, checked against recorded SHA-256)"
	@echo "make release- generate the student folders into release/ with nbgrader; the text quotes the numbers"
	@echo "             of a run of the solutions (runs the notebooks not yet run and cached, as make book does)"
	@echo "make bench  - run the benchmarks and write bench/results.md"
	@echo "make grade A=<assignment-id> [RELEASE=1] - autograde every submission in parallel, feedback (released"
	@echo "             through the exchange with RELEASE=1), reports/<id>/grades.csv, reports/lms-grades.csv, report"
	@echo "make browser- install Debian's chromium for the site test (make test does it; needs root or sudo)"
	@echo "make sandbox- install Debian's bubblewrap, which grading runs every submission in (needs root or sudo)"
	@echo "make clean  - remove every built thing (.venv excepted)"

install: $(STAMP)

# uv installs the pinned packages (the same versions pip would) in under a minute, where pip
# takes about two; the bytecode is compiled now because the grading sandbox mounts the
# environment read-only, and every kernel would otherwise compile TensorFlow's modules again.
$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "error: Python 3.11 not found; install it or run 'make PYTHON=/path/to/python3.11'"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt uv
	$(PY) -m uv pip install --quiet --compile-bytecode --python $(PY) -c constraints.txt -e '.[test]'
	@touch $@

data: $(STAMP)
	$(PY) -m coursebuild data

release: $(STAMP)
	$(PY) -m coursebuild release

book: $(STAMP)
	$(PY) -m coursebuild book

# Headless Chromium for tests/test_site_browser.py: Debian's package (Playwright drives it; it
# downloads no browser of its own). Installed once; set COURSE_CHROMIUM to use another binary.
CHROMIUM ?= $(or $(COURSE_CHROMIUM),/usr/bin/chromium)
browser: $(CHROMIUM)
$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "no apt-get: install Chromium and set COURSE_CHROMIUM to its path"; exit 1; }
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq --no-install-recommends chromium

# Autograding runs every submission's kernel in Debian's bubblewrap (coursebuild/sandbox.py):
# installed once, like Chromium; grading refuses to run student code without it.
BWRAP ?= /usr/bin/bwrap
sandbox: $(BWRAP)
$(BWRAP):
	@command -v apt-get >/dev/null || { echo "no apt-get: install bubblewrap (bwrap) with your system's package manager"; exit 1; }
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq --no-install-recommends bubblewrap

# The tests run long training loops in their fast setting (see README: COURSE_FAST), on two
# processes (pytest-xdist; tests/conftest.py hands the slow files out first). The book
# build executes every source notebook and stops on any error, so pytest does not run them again
# (`pytest --nbval-lax source` still does, by hand).
test: export COURSE_FAST = 1
test: $(STAMP) $(CHROMIUM) $(BWRAP)
	$(PY) -m coursebuild book
	$(PY) -m pytest -n 2 --dist loadfile --durations=15 tests

# A whole class: autograde in parallel, feedback, export, report (book/instructor_guide.md).
grade: $(STAMP) $(BWRAP)
	@test -n "$(A)" || { echo "usage: make grade A=<assignment-id>"; exit 1; }
	$(PY) -m coursebuild grade $(A) $(if $(filter 1,$(RELEASE)),--release-feedback)

# Speed is measured here, never asserted in a test.
bench: $(STAMP) $(CHROMIUM) $(BWRAP)
	$(PY) -m bench

clean:
	rm -rf _build release chapters data gradebook.db source/*/coursekit source/*/datasets source/*/requirements.txt source/*/*_utils.py

# Set-up-and-go targets. `make example` and `make test` create .venv on first use.
PYTHON ?= python3
VENV := .venv
# What `make lint` checks (ruff's and mypy's settings are in pyproject.toml).
LINT_PATHS := quotecheck tests benchmarks fixtures
# Tests, CI and the example use the compact model next to the repository unless told otherwise.
QUOTECHECK_MODEL_DIR ?= $(abspath ../shared/models/stanza-en-compact-2)
export QUOTECHECK_MODEL_DIR

.PHONY: install example test benchmarks lint

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	# torch first, pinned: 2.13.0 is the local CPU wheel; an unpinned torch pulls GBs of CUDA packages.
	$(VENV)/bin/pip install --quiet torch==2.13.0
	$(VENV)/bin/pip install --quiet -e '.[test,dev,ray]'
	touch $@

install: $(VENV)/.installed

example: install
	$(VENV)/bin/quotecheck check ../shared/seeds/nato-iraq-training.txt

test: install
	$(VENV)/bin/pytest -q

benchmarks: install
	$(VENV)/bin/python benchmarks/accuracy.py --split dev
	$(VENV)/bin/python benchmarks/speed.py --split dev

lint: install
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)
	$(VENV)/bin/mypy

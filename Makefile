# MathKallos: `make run` serves the app, `make test` proves it. See README.md.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_NPM := 1
export REFLEX_CHECK_LATEST_VERSION := false
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run dev test test-unit test-integration test-e2e bench lint format migrate clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	$(PY) -m mathkallos.cli bootstrap
	$(PY) -m mathkallos.cli serve

dev: $(VENV)/.installed
	$(PY) -m mathkallos.cli bootstrap
	$(PY) -m mathkallos.cli serve --dev

migrate: $(VENV)/.installed
	$(PY) -m mathkallos.cli migrate

test: $(VENV)/.dev-installed
	$(PY) -m pytest

test-unit: $(VENV)/.dev-installed
	$(PY) -m pytest tests/unit

test-integration: $(VENV)/.dev-installed
	$(PY) -m pytest tests/integration

test-e2e: $(VENV)/.dev-installed
	$(PY) -m pytest tests/e2e

bench: $(VENV)/.dev-installed
	@set -e; for script in benchmarks/*.py; do echo "== $$script"; $(PY) $$script; done

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff format .

clean:
	rm -rf .web artifacts .pytest_cache .ruff_cache

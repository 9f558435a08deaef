# Nilai — the two commands a newcomer types are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip

.PHONY: run test test-fast install install-test system-deps system-deps-test lint typecheck lock bench dist clean

$(VENV)/.installed: pyproject.toml setup.py constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -c constraints.txt -e '.[test]'
	touch $@

install: system-deps $(VENV)/.installed

install-test: system-deps-test $(VENV)/.installed-test

## Install everything into .venv and start the desktop program.
run: install
	$(VENV)/bin/nilai $(ARGS)

## Install everything (system libraries too, where root) and run the whole test suite.
test: install-test
	bash installer/test-services.sh $(PY) -m pytest $(PYTEST_ARGS)

## The same without the tests marked slow (hostile-bundle campaign, crash campaigns, the frozen
## build's self-test): the quick loop while working. CI (.ci/run) runs everything.
test-fast: install-test
	bash installer/test-services.sh $(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

system-deps:
	bash installer/system-deps.sh

system-deps-test:
	bash installer/system-deps.sh --test

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check app tests benchmarks

## Lint, then type-check app/ with mypy (settings in pyproject.toml's [tool.mypy]).
typecheck: lint
	$(VENV)/bin/mypy

lock:
	$(PYTHON) -m venv /tmp/nilai-lock && /tmp/nilai-lock/bin/pip install -q -e '.[test]' && /tmp/nilai-lock/bin/pip freeze --exclude-editable

## Run the quick form of every benchmark and rewrite the table in benchmarks/README.md (~10 min).
bench: $(VENV)/.installed-test
	$(PY) -m benchmarks.table

## Freeze the program (PyInstaller, one folder), pack the Linux archive, smoke-test it headless.
dist: $(VENV)/.installed-test
	$(PY) installer/build.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache

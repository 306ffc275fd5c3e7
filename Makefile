# The two commands a fresh machine needs: `make run` (the main job) and `make test`.
# Both create the virtual environment and install what they need themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test test-fast lint install neo4j-start neo4j-stop e2e-deps bench bench-deps

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

## Start Neo4j (from Maven Central unless one answers), load seeds/, serve http://127.0.0.1:8000
run: install
	$(BIN)/coachgraph run

## Lint, type-check and run the whole test suite against a real Neo4j it starts itself
test: install e2e-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

## The same without the browser test, for a machine without Chromium and Node.js
test-fast: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Headless Chromium (Debian) and playwright-core for the page's end-to-end test
e2e-deps:
	bash scripts/e2e-deps.sh

## The benchmark (writes BENCHMARKS.md; never decides CI): `make bench ARGS="--sizes S"`
bench: install bench-deps
	$(BIN)/python -m benchmarks.run $(ARGS)

## Debian's wrk (the HTTP load generator) and GNU time for the benchmark
bench-deps:
	bash scripts/bench-deps.sh

neo4j-start: install
	$(BIN)/coachgraph neo4j start

neo4j-stop: install
	$(BIN)/coachgraph neo4j stop

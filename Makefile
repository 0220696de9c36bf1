# Two commands do everything on a fresh machine: `make run` and `make test`.
PY ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SOURCES := mlorg_desktop tests docs/take_screenshots.py $(wildcard benchmarks)

.PHONY: run test check format soak bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)  ## set up .venv and open the window (ARGS="--demo" for example data)
	$(BIN)/mlorg-desktop $(ARGS)

check: $(STAMP)  ## lint, format, types and layer contracts
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/mypy mlorg_desktop/domain mlorg_desktop/store
	$(BIN)/lint-imports

test: check  ## the whole suite, headless
	$(BIN)/python -m pytest $(PYTEST_ARGS)

soak: $(STAMP)  ## 2,000 SIGKILL-mid-write trials, plus the in-place control for comparison
	$(BIN)/python -m tests.store.kill_harness --trials 2000
	$(BIN)/python -m tests.store.kill_harness --trials 500 --naive

format: $(STAMP)
	$(BIN)/ruff check --fix $(SOURCES)
	$(BIN)/ruff format $(SOURCES)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

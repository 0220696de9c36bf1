# Two commands do everything on a fresh machine: `make run` and `make test`.
PY ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SOURCES := mlorg_desktop tests docs/take_screenshots.py $(wildcard benchmarks)

.PHONY: run test check format soak bench bundle bundle-check clean

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

bench: $(STAMP)  ## timings against floors (never part of make test); appends benchmarks/RESULTS.md
	cd benchmarks && ../$(BIN)/python startup.py --runs 9 $(if $(wildcard dist/mlorg-desktop),--frozen,)
	cd benchmarks && ../$(BIN)/python store_speed.py
	cd benchmarks && ../$(BIN)/python ui_speed.py
	cd benchmarks && ../$(BIN)/python sheet_speed.py
	cd benchmarks && ../$(BIN)/python org_speed.py
	@if [ -d $(BUNDLE_VENV) ] && [ -d dist/mlorg-desktop ]; then \
	  $(BUNDLE_VENV)/bin/python benchmarks/bundle_size.py; fi

soak: $(STAMP)  ## 2,000 SIGKILL-mid-write trials, plus the in-place control for comparison
	$(BIN)/python -m tests.store.soak --trials 2000
	$(BIN)/python -m tests.store.soak --trials 500 --naive

BUNDLE_VENV := .venv-bundle
BUNDLE_STAMP := $(BUNDLE_VENV)/.installed-stamp

# A separate build venv: runtime dependencies and PyInstaller only (never two Qt bindings).
$(BUNDLE_STAMP): pyproject.toml
	$(PY) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUNDLE_VENV)/bin/python -m pip install --quiet '.[build]'
	$(BUNDLE_VENV)/bin/python -m pip uninstall --quiet --yes mlorg-desktop
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)  ## one-folder app in dist/mlorg-desktop/
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec

bundle-check: bundle  ## the frozen app's smoke test, sheet and list, as CI runs them
	QT_QPA_PLATFORM=offscreen dist/mlorg-desktop/mlorg-desktop --version
	QT_QPA_PLATFORM=offscreen dist/mlorg-desktop/mlorg-desktop --help | grep -q -- --smoke-test
	QT_QPA_PLATFORM=offscreen dist/mlorg-desktop/mlorg-desktop --smoke-test
	QT_QPA_PLATFORM=offscreen dist/mlorg-desktop/mlorg-desktop sheet --demo -o dist/demo-sheet.pdf
	QT_QPA_PLATFORM=offscreen dist/mlorg-desktop/mlorg-desktop list --demo --json > dist/demo-list.json
	test "$$(grep -c '"id"' dist/demo-list.json)" -eq 15

format: $(STAMP)
	$(BIN)/ruff check --fix $(SOURCES)
	$(BIN)/ruff format $(SOURCES)

clean:
	rm -rf $(VENV) $(BUNDLE_VENV) build dist .pytest_cache .mypy_cache .ruff_cache

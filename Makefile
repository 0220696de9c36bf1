# Two commands do everything on a fresh machine: `make run` and `make test`.
PY ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.venv-stamp
RUN_STAMP := $(VENV)/.run-stamp
STAMP := $(VENV)/.installed-stamp
SOURCES := mlorg_desktop tests docs/take_screenshots.py packaging $(wildcard benchmarks)

.PHONY: run test check format soak bench bundle bundle-check clean mutation mutation-sample mutation-results \
	install-desktop uninstall-desktop

$(VENV_STAMP):
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $(VENV_STAMP)

# Two stamps: `make run` installs the app and its runtime dependencies only; `make test` (and
# everything that lints or tests) adds the test extras. Either works first on a fresh clone.
$(RUN_STAMP): pyproject.toml $(VENV_STAMP)
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml $(VENV_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(RUN_STAMP)  ## set up .venv (runtime only) and open the window (ARGS="--demo" for example data)
	$(BIN)/mlorg-desktop $(ARGS)

# The launcher, icon and AppStream metainfo in the user's XDG data folder, so the desktop's menu
# and software centre list the app. EXEC is what the launcher runs: this checkout's .venv by
# default; EXEC=$$PWD/dist/mlorg-desktop/mlorg-desktop for the bundle, EXEC=mlorg-desktop for an
# app installed on PATH with pip.
DESKTOP_ID := io.github.mlorg.Desktop
XDG_DATA_HOME ?= $(HOME)/.local/share
EXEC ?= $(CURDIR)/$(BIN)/mlorg-desktop
DESKTOP_FILE := $(XDG_DATA_HOME)/applications/$(DESKTOP_ID).desktop
ICON_FILE := $(XDG_DATA_HOME)/icons/hicolor/scalable/apps/$(DESKTOP_ID).svg
METAINFO_FILE := $(XDG_DATA_HOME)/metainfo/$(DESKTOP_ID).metainfo.xml

install-desktop:  ## launcher, icon and metainfo into $$XDG_DATA_HOME (EXEC=... to choose the program)
	install -d "$(dir $(DESKTOP_FILE))" "$(dir $(ICON_FILE))" "$(dir $(METAINFO_FILE))"
	sed 's|^Exec=.*|Exec=$(EXEC)|' resources/$(DESKTOP_ID).desktop > "$(DESKTOP_FILE).tmp"
	chmod 644 "$(DESKTOP_FILE).tmp" && mv "$(DESKTOP_FILE).tmp" "$(DESKTOP_FILE)"
	install -m644 resources/icons/$(DESKTOP_ID).svg "$(ICON_FILE)"
	install -m644 resources/$(DESKTOP_ID).metainfo.xml "$(METAINFO_FILE)"
	@echo "installed $(DESKTOP_FILE) (runs $(EXEC)), its icon and metainfo"

uninstall-desktop:  ## remove what install-desktop put there
	rm -f "$(DESKTOP_FILE)" "$(ICON_FILE)" "$(METAINFO_FILE)"

check: $(STAMP)  ## lint, format, types and layer contracts
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/mypy mlorg_desktop/domain mlorg_desktop/store
	$(BIN)/lint-imports

test: check  ## the whole suite, headless
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)  ## timings against floors (never part of make test); appends benchmarks/RESULTS.md
	cd benchmarks && ../$(BIN)/python startup.py --runs 9 $(if $(wildcard dist/mlorg-desktop),--frozen,)
	cd benchmarks && ../$(BIN)/python startup_blackbox.py --runs 15
	cd benchmarks && ../$(BIN)/python store_speed.py
	cd benchmarks && ../$(BIN)/python ui_speed.py
	cd benchmarks && ../$(BIN)/python sheet_speed.py
	cd benchmarks && ../$(BIN)/python org_speed.py
	cd benchmarks && ../$(BIN)/python roadmap_speed.py
	@if [ -d $(BUNDLE_VENV) ] && [ -d dist/mlorg-desktop ]; then \
	  $(BUNDLE_VENV)/bin/python benchmarks/bundle_size.py; fi

soak: $(STAMP)  ## 2,000 SIGKILL-mid-write trials, plus the in-place control for comparison
	$(BIN)/python -m tests.store.soak --trials 2000
	$(BIN)/python -m tests.store.soak --trials 500 --naive

# Mutation testing (never part of make test): mutmut over one module or package at a time,
# e.g. make mutation MODULE=mlorg_desktop.store.atomic (a prefix of the mutant names). The
# default is the whole of domain/, store/, report/ and the CLI, which takes hours here.
# Results stay in mutants/ (make mutation-results lists the survivors); see docs/testing.md.
MODULE ?= mlorg_desktop.domain mlorg_desktop.store mlorg_desktop.report mlorg_desktop.cli \
	mlorg_desktop.cli_org mlorg_desktop.cli_plan
MUTATION_JOBS ?= 1
MUTATION_STAMP := $(VENV)/.mutation-stamp

$(MUTATION_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	touch $(MUTATION_STAMP)

mutation: $(MUTATION_STAMP)  ## mutmut over MODULE (niced, MUTATION_JOBS workers)
	QT_QPA_PLATFORM=offscreen nice -n 15 $(BIN)/mutmut run --max-children $(MUTATION_JOBS) \
	  $(foreach m,$(MODULE),"$(m).*")
	$(BIN)/python -m tests.mutation_report

# A seeded random sample of each package's mutants: an estimate of every package's score in
# about an hour here (docs/testing.md). Needs mutmut's mutants generated once (make mutation).
SAMPLE ?= 300
SEED ?= 2026
mutation-sample: $(MUTATION_STAMP)  ## mutmut on SAMPLE random mutants per package (seed SEED)
	$(BIN)/python -m tests.mutation_sample --per-package $(SAMPLE) --seed $(SEED) --jobs $(MUTATION_JOBS)
	$(BIN)/python -m tests.mutation_report

mutation-results: $(MUTATION_STAMP)  ## per-module counts and the surviving mutants so far
	$(BIN)/python -m tests.mutation_report

BUNDLE_VENV := .venv-bundle
BUNDLE_STAMP := $(BUNDLE_VENV)/.installed-stamp

# A separate build venv: runtime dependencies and PyInstaller only (never two Qt bindings).
$(BUNDLE_STAMP): pyproject.toml
	$(PY) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUNDLE_VENV)/bin/python -m pip install --quiet '.[build]'
	$(BUNDLE_VENV)/bin/python -m pip uninstall --quiet --yes mlorg-desktop
	touch $(BUNDLE_STAMP)

BUNDLE_EXE := dist/mlorg-desktop/mlorg-desktop
BUNDLE_INPUTS := build.spec packaging/bundle_contents.py \
	$(shell find mlorg_desktop resources -type f -not -path '*/__pycache__/*' -not -name '*.pyc')

bundle: $(BUNDLE_EXE)  ## one-folder app in dist/mlorg-desktop/ (rebuilt only when its inputs change)

$(BUNDLE_EXE): $(BUNDLE_STAMP) $(BUNDLE_INPUTS)
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	touch $@

# The frozen app tested like the source: every CLI test against the executable, the smoke test
# headless and in a real X window under Xvfb (a grab of every tab in dist/bundle-screens/, the
# Compare charts checked for drawn series), the shared libraries and Qt plugins against
# packaging/bundle-manifest.txt, and the size as a ratio to the floor bundle.
bundle-check: $(BUNDLE_EXE) $(STAMP)  ## test the frozen app; results in dist/bundle-check.xml
	MLORG_FROZEN_EXE=$(BUNDLE_EXE) MLORG_BUNDLE_SCREENS=dist/bundle-screens \
	  xvfb-run -a -s "-screen 0 1920x1200x24" \
	  $(BIN)/python -m pytest -m frozen tests/cli tests/bundle -p no:cacheprovider \
	  --junitxml=dist/bundle-check.xml

format: $(STAMP)
	$(BIN)/ruff check --fix $(SOURCES)
	$(BIN)/ruff format $(SOURCES)

clean:
	rm -rf $(VENV) $(BUNDLE_VENV) build dist mutants .pytest_cache .mypy_cache .ruff_cache

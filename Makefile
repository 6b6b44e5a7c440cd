# Quick start: `make demo` and `make test` need only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest browser bench evaluate fuzz foods install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the package, its data or its metadata change (a real wheel, not editable).
$(STAMP): $(BIN)/python pyproject.toml foods.csv $(shell find analyzer -type f -not -path '*/__pycache__/*')
	$(BIN)/python -m pip install --quiet ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The weekly report of the bundled western example: printed, drawn (PNG), as a shareable HTML
# page, and that page photographed in headless Chromium at a phone's and a laptop's width.
demo: $(STAMP) browser
	mkdir -p out
	$(BIN)/analyzer report --example western --chart out/western-week.png
	$(BIN)/analyzer report --example western --format html --out out/western-week.html
	$(BIN)/python tools/screenshots.py out/western-week.html
	@echo "written: out/western-week.png, out/western-week.html, out/western-week-390.png, out/western-week-1280.png"

# Debian's headless Chromium for the browser tests and the demo's screenshots (as root: apt-get;
# otherwise it says what to do, and the browser tests skip unless CI=true).
browser:
	@bash tools/install-browser.sh

lint: $(STAMP)
	$(BIN)/ruff check analyzer tests tools
	$(BIN)/ruff format --check analyzer tests tools

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) browser
	$(BIN)/python -m pytest -q --nbmake tests analyzer notebooks

test: lint typecheck pytest

# The long fuzz run: FUZZ_EXAMPLES cases for each of the four fuzzed properties (hostile
# diaries, arbitrary bytes, amount cells, the CLI); `make test` runs 60 of each.
FUZZ_EXAMPLES ?= 25000
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:randomly tests/test_fuzz.py

bench: $(STAMP)
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_my_foods.py

# How well names are matched and amounts converted, on the labelled sets (tests/data/matching).
evaluate: $(STAMP)
	$(BIN)/python tools/evaluate_matching.py

# Rebuild foods.csv and the portions table from an official USDA SR28 download.
SR28 ?= ../shared/data/sr28
foods: $(BIN)/python
	$(BIN)/python tools/build_foods.py $(SR28)

clean:
	rm -rf $(VENV) out build dist *.egg-info

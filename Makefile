# The two commands in the README: `make run` and `make test`. Both set everything up on a
# fresh machine that has only python3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kotrend-installed
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test test-all lint bench clean browser korean-font

# pip's output goes to a log that is shown only when the install fails, so that `make run`
# prints the keyword box and not pages of installer chatter.
$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (first run only; log in $(VENV)/install.log)..."
	@$(PYTHON) -m venv $(VENV)
	@{ $(BIN)/python -m pip install --upgrade pip && \
	   $(BIN)/python -m pip install -e ".[all,dev]"; } > $(VENV)/install.log 2>&1 || \
	   { tail -n 40 $(VENV)/install.log; echo "install failed: see $(VENV)/install.log"; exit 1; }
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/kotrend box

# Whole files to each worker, the slowest first (tests/conftest.py orders them; xdist would
# otherwise send the files with the most tests first). `make test` leaves out the tests
# marked `exhaustive` (slow, and what they check a faster test checks too); `make test-all`
# runs every test.
PYTEST := $(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

test: $(STAMP) browser korean-font
	$(PYTEST) -m "not exhaustive"

test-all: $(STAMP) browser korean-font
	$(PYTEST)

# The editor page's browser test drives the system Chromium. Best effort: install it with
# apt-get when it is missing and we are root; otherwise that test skips, saying why.
browser:
	-@[ -x $(CHROMIUM) ] || ! command -v apt-get >/dev/null || [ "$$(id -u)" != 0 ] || \
	  { echo "Installing chromium for the browser test (first run only)..."; \
	    apt-get update -qq >/dev/null 2>&1 && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; } || \
	  echo "Could not install chromium; the browser test will be skipped."

# Trend charts have Korean labels. Best effort: install fonts-nanum with apt-get when no
# Korean font is found and we are root; otherwise the charts still render (Hangul as boxes,
# with a warning) and the font test skips.
korean-font:
	-@{ fc-list :lang=ko 2>/dev/null | grep -q . ; } || ! command -v apt-get >/dev/null || \
	  [ "$$(id -u)" != 0 ] || \
	  { echo "Installing fonts-nanum for Korean chart labels (first run only)..."; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq fonts-nanum >/dev/null 2>&1 || \
	    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq fonts-nanum >/dev/null 2>&1; }; } || \
	  echo "Could not install fonts-nanum; Korean chart labels will show as boxes."

lint: $(STAMP)
	$(BIN)/ruff check corpus glossary extract tests bench
	$(BIN)/ruff format --check corpus glossary extract tests bench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# The two commands in the README: `make run` and `make test`. Both set everything up on a
# fresh machine that has only python3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kotrend-installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[all,dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kotrend box

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check corpus glossary extract tests bench
	$(BIN)/ruff format --check corpus glossary extract tests bench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# The two commands in the README: `make run` and `make test`. Both set everything up on a
# fresh machine that has only python3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kotrend-installed

.PHONY: run test lint bench clean

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

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check corpus glossary extract tests bench
	$(BIN)/ruff format --check corpus glossary extract tests bench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

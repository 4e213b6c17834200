# newsindex: the two Quick start commands (see README.md) and the pieces they are made of.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

CORPORA ?= ../shared/corpora
# axe-core (npm) for the accessibility checks of the browser tests, installed into tests/.axe/
AXE_VERSION := 4.11.0
AXE := tests/.axe/node_modules/axe-core/axe.min.js

.PHONY: serve test install install-test xapian-tools browser axe lint bench clean

# Quick start 1: install, index seeds/ and serve the search page on http://127.0.0.1:5000/
serve: install
	$(BIN)/newsindex rebuild seeds
	$(BIN)/newsindex serve --host $(HOST) --port $(PORT)

# Quick start 2: install with test tools and run the whole suite (what CI runs)
test: install-test browser axe
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -m "slow or not slow"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@$(BIN)/python -m pip list 2>/dev/null | grep -iq '^whoosh ' && { echo "The old Whoosh distribution is installed over whoosh3: pip uninstall Whoosh whoosh3 && make install"; exit 1; } || true

install-test: $(BIN)/python xapian-tools
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@$(BIN)/python -m pip list 2>/dev/null | grep -iq '^whoosh ' && { echo "The old Whoosh distribution is installed over whoosh3"; exit 1; } || true

# Debian's xapian-tools (xapian-tcpsrv, xapian-replicate) for the remote-shard tests and serving.
xapian-tools:
	@command -v xapian-tcpsrv >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq xapian-tools >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq xapian-tools >/dev/null; fi; }

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

# axe-core from the npm registry, at a pinned version (Node.js and npm from Debian if missing).
axe: $(AXE)

$(AXE):
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs npm >/dev/null; fi; }
	mkdir -p tests/.axe
	npm install --prefix tests/.axe --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)

# Issue 7's benchmark at 100k articles against SQLite FTS5 and tantivy: writes bench/RESULTS.md
bench: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run_all.py $(CORPORA)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) instance/index .pytest_cache .ruff_cache tests/.axe

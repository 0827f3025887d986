# Two commands: `make run` serves the site, `make test` runs every check.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
INTERFACE ?=
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run hall test check build bench lint format clean

run: $(VENV)/.installed
	$(BIN)/trainer build
	HOST=$(HOST) PORT=$(PORT) $(BIN)/trainer serve

# At the culture house: serve the laptop's Wi-Fi; QR codes carry the address phones open.
# Several networks: it asks which, or `make hall INTERFACE=wlan0`.
hall: $(VENV)/.installed
	$(BIN)/trainer build
	PORT=$(PORT) HALL_INTERFACE=$(INTERFACE) $(BIN)/trainer serve --hall

test: $(VENV)/.installed-test /usr/bin/chromium /usr/lib/postgresql /usr/sbin/nginx
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/trainer check
	$(BIN)/pytest

check: $(VENV)/.installed
	$(BIN)/trainer check

build: $(VENV)/.installed
	$(BIN)/trainer build

bench: $(VENV)/.installed /usr/bin/wrk
	$(BIN)/python bench/serve_pages.py
	$(BIN)/python bench/search_queries.py
	$(BIN)/python bench/start_and_memory.py

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $@

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "trainer needs Python 3.11 or newer; found $$($(PYTHON) --version)"; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	$(PYTHON) -m venv $(VENV)

# Debian's Chromium, driven by Playwright in the browser tests (never a downloaded build).
/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

# Debian's PostgreSQL: tests start a throwaway cluster to run the migrations on it
# (if it cannot be installed, those tests are skipped and say why).
/usr/lib/postgresql:
	-$(SUDO) apt-get update -qq
	-DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql

# Debian's nginx: the multi-server test runs it (in the foreground, its own config in a
# temporary folder) in front of two servers; without it that test is skipped and says why.
/usr/sbin/nginx:
	-$(SUDO) apt-get update -qq
	-DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx

/usr/bin/wrk:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk

clean:
	rm -rf $(VENV) instance/build .pytest_cache .ruff_cache

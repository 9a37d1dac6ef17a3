# pccsite tasks. `make run` and `make test` are the README's quick start.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-test run serve migrate load superuser test lint format migrations-check pytest browser-deps ocr-deps clean bench bench-parser

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --verbosity 0

# The registry of who held each force's office first, so every letter is read against it
# (letters already stored are read again against it, in case it changed).
REGISTRY := data/reference/commissioners-1.csv data/reference/commissioners-2.csv
# The inspectorate's own PEEL grades, a second source the compare pages set beside the letters.
REFERENCE_GRADES := data/reference/peel_pillar_grades_2015_2019.csv data/reference/peel_grade_counts_2021_2025.csv

load: migrate
	$(PY) manage.py import_commissioners $(REGISTRY)
	$(PY) manage.py relink_commissioners
	$(PY) manage.py import_grades $(REFERENCE_GRADES)
	$(PY) manage.py load_letters seeds --no-dataset
	$(PY) manage.py build_dataset

## Installs, migrates a SQLite database, loads the commissioner registry and seeds/, and serves http://$(HOST):$(PORT)
run: load
	$(PY) manage.py runserver $(HOST):$(PORT)

## Creates an admin user interactively (or set DJANGO_SUPERUSER_USERNAME/_EMAIL/_PASSWORD and use --noinput)
superuser: migrate
	$(PY) manage.py createsuperuser

## ruff, the migrations check and the whole pytest suite (browser, OCR and slow tests included)
test: install-test browser-deps ocr-deps lint migrations-check pytest

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# Everything, the slow tests too (a plain `.venv/bin/pytest` leaves them out).
PYTEST_ALL := $(VENV)/bin/pytest -m "slow or not slow"

pytest: install-test
	$(PYTEST_ALL)

# Browser tests drive Debian's chromium; Playwright cannot download its own browser here.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# Scanned PDFs are read by Debian's Tesseract with its English model; the OCR tests need it.
# `make run` does not: only scans need OCR, and without it a scan is refused with that reason.
ocr-deps:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx eng; } || { \
		echo "Installing Debian's tesseract-ocr and tesseract-ocr-eng for the OCR tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-eng; }

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

## Benchmarks at national size (not part of `make test`): writes docs/benchmarks.md (with the
## force page's page-weight budget in Chromium on slow 4G) and docs/parser-benchmark.md
bench: install-test browser-deps
	@command -v wrk >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }
	$(PY) -m devtools.benchmark $(BENCH_ARGS)
	$(PY) -m devtools.parse_bench $(PARSE_BENCH_ARGS)

## The force page's page-weight budget alone, on the seeds: rewrites its section of docs/benchmarks.md
.PHONY: bench-page-weight
bench-page-weight: install-test browser-deps
	$(PY) -m devtools.page_weight $(PAGE_WEIGHT_ARGS)

## The parser's benchmark alone: writes docs/parser-benchmark.md
bench-parser: install-test
	$(PY) -m devtools.parse_bench $(PARSE_BENCH_ARGS)

## 30 s of wrk against gunicorn while load_letters writes 1,000 more letters (not part of `make test`): writes docs/soak.md
.PHONY: soak
soak: install-test
	@command -v wrk >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }
	$(PY) -m devtools.soak $(SOAK_ARGS)

## Re-vendor the plotly.js partial bundle (basic: scatter, bar, pie) from the npm registry;
## npm checks the tarball against the registry's integrity hash, tests/pccsite/test_vendor.py
## checks the copy against static/vendor/plotly/VENDOR.json
PLOTLY_VERSION ?= 4.1.1
.PHONY: vendor-plotly
vendor-plotly:
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent plotly.js-basic-dist-min@$(PLOTLY_VERSION) >/dev/null \
		&& tar xzf plotly.js-basic-dist-min-$(PLOTLY_VERSION).tgz \
		&& cp package/plotly-basic.min.js package/LICENSE $(CURDIR)/static/vendor/plotly/ \
		&& integrity=$$(npm view plotly.js-basic-dist-min@$(PLOTLY_VERSION) dist.integrity) \
		&& cd $(CURDIR) && $(PYTHON) -c 'import hashlib, json, re, sys; \
			d = "static/vendor/plotly/"; js = open(d + "plotly-basic.min.js").read(); \
			files = {n: hashlib.sha256(open(d + n, "rb").read()).hexdigest() for n in ("plotly-basic.min.js", "LICENSE")}; \
			traces = sorted(set(re.findall(r"moduleType:\"trace\",name:\"(\w+)\"", js))); \
			json.dump({"package": "plotly.js-basic-dist-min", "version": sys.argv[1], \
				"tarball": f"https://registry.npmjs.org/plotly.js-basic-dist-min/-/plotly.js-basic-dist-min-{sys.argv[1]}.tgz", \
				"integrity": sys.argv[2], "files": files, "license": "MIT", "traces": traces}, \
				open(d + "VENDOR.json", "w"), indent=2); print("vendored", sys.argv[1], traces)' $(PLOTLY_VERSION) "$$integrity"

# The README's two commands are `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SYSTEM_STAMP := $(VENV)/.system-stamp
PYTEST_WORKERS ?= 2

.PHONY: demo test check lint format typecheck imports pytest soak bench system clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Debian packages the tests and the demo need (fonts shaping, CUPS, SANE, PostgreSQL, Chromium, espeak-ng …);
# scripts/system-packages.txt says why each one is there.
$(SYSTEM_STAMP): scripts/system-packages.txt scripts/install-system-packages.sh | $(STAMP)
	bash scripts/install-system-packages.sh scripts/system-packages.txt
	touch $(SYSTEM_STAMP)

system: $(SYSTEM_STAMP)

demo: $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/python -m ui.audio_build  # the spoken prompts (espeak-ng, cached; only changed strings are redone)
	$(BIN)/kiosk --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

check: lint typecheck imports

pytest: $(STAMP) $(SYSTEM_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n $(PYTEST_WORKERS) --cov --cov-report=term:skip-covered

test: check pytest

# Full-size runs (thousands of notes, long fault sessions) that `make test` runs at CI size.
soak: $(STAMP) $(SYSTEM_STAMP)
	KIOSK_SOAK=1 QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n $(PYTEST_WORKERS) -m slow

bench: $(STAMP) $(SYSTEM_STAMP)
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo-out .coverage .coverage.*

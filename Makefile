# The README's two commands are `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SYSTEM_STAMP := $(VENV)/.system-stamp
PYTEST_WORKERS ?= 2

.PHONY: demo test check lint format typecheck imports pytest pytest-shifted-clocks soak bench system clean

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

# The suite must pass at any hour of any date (issue 15). Tests inject kiosk.clock clocks, but those that run product
# code against the real server process (real-mode kiosk, kioskctl, the agent) must use the system clock — signed
# requests carry its time — and so does anything they stamp. Those (CLOCK_TESTS: every test module that reads the
# system clock or starts a process that does) run again with the wall clock of the whole process tree shifted by
# libfaketime to 03:00 IST a year ahead: outside any 07:00-21:00 hours, on an IST date that is not the UTC date, and
# past any date written into a fixture — the three ways a wall-clock dependence shows, in one run instead of one per
# way. Not the whole suite: the rest runs on injected fake clocks only, so a shifted wall clock cannot change it, and
# PLATFORM.md's faketime caveats (Qt, child processes) make a smaller set the more reliable proof. The monotonic clock
# is left alone (FAKETIME_DONT_FAKE_MONOTONIC=1, or timed waits hang) and tests/shifted_clock/sitecustomize.py works
# round libfaketime's broken time.sleep (tests/README.md).
# tests/server's own modules by wildcard: its dashboard/ folder (Chromium, the rollups) runs only the two named here.
CLOCK_TESTS := tests/ui/test_realmode.py tests/provisioning tests/sync $(wildcard tests/server/test_*.py) \
	tests/access/test_delivery.py tests/server/dashboard/test_queries.py tests/server/dashboard/test_alerts.py tests/drivers/test_selftests.py tests/kiosk/test_hours.py
SHIFTED_CLOCKS := "$$(date -u -d '+1 year' +%Y-%m-%d) 21:30:00 UTC"

pytest-shifted-clocks: $(STAMP) $(SYSTEM_STAMP)
	@for when in $(SHIFTED_CLOCKS); do \
		echo "== the clock-sensitive tests with the wall clock at $$when"; \
		PYTHONPATH=tests/shifted_clock FAKETIME_DONT_FAKE_MONOTONIC=1 QT_QPA_PLATFORM=offscreen \
			faketime "$$when" $(BIN)/pytest -n $(PYTEST_WORKERS) -q -p no:randomly $(CLOCK_TESTS) || exit 1; \
	done

test: check pytest pytest-shifted-clocks

# Full-size runs (thousands of notes, long fault sessions) that `make test` runs at CI size.
soak: $(STAMP) $(SYSTEM_STAMP)
	KIOSK_SOAK=1 QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n $(PYTEST_WORKERS) -m slow

bench: $(STAMP) $(SYSTEM_STAMP)
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo-out .coverage .coverage.*

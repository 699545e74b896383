# One-line targets; `make run` and `make test` work on a fresh Debian machine.
.PHONY: run test test-fast test-browser bench bench-render bench-voices bench-load bench-text accuracy lint i18n-extract i18n-compile setup

VENV := .venv/bin

setup:
	bash scripts/setup.sh

run: setup
	$(VENV)/reader seed && $(VENV)/reader serve --host 127.0.0.1 --port 5000

test:
	bash scripts/setup.sh --browser
	$(VENV)/ruff check . && $(VENV)/ruff format --check .
	READER_REQUIRE_ALL_TIERS=1 $(VENV)/pytest

test-fast: setup
	$(VENV)/pytest -m "not browser and not espeak and not neural"

test-browser:
	bash scripts/setup.sh --browser
	READER_REQUIRE_ALL_TIERS=1 $(VENV)/pytest -m browser

# Every seed article as served, per engine and voice: heard, timed, memory (bench/articles.py;
# BENCH_ARGS="--lang fr,de --engines kokoro" runs a part).
bench: setup
	$(VENV)/python -m bench.articles $(BENCH_ARGS)

bench-render: setup
	$(VENV)/python -m bench.speech

bench-voices: setup
	$(VENV)/python -m bench.voices

bench-load: setup
	command -v wrk >/dev/null || apt-get install -y -qq wrk
	$(VENV)/python -m bench.load

bench-text: setup
	$(VENV)/python -m bench.text

accuracy: setup
	$(VENV)/python -m bench.accuracy

lint:
	$(VENV)/ruff check . && $(VENV)/ruff format --check .

i18n-extract:
	$(VENV)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --omit-header -o reader/translations/messages.pot .
	$(VENV)/pybabel update -i reader/translations/messages.pot -d reader/translations --no-fuzzy-matching

i18n-compile:
	$(VENV)/pybabel compile -d reader/translations

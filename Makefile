# One-line targets; `make run` and `make test` work on a fresh Debian machine.
.PHONY: bench-espeak-rates run test test-postgres test-postgres-again test-fast test-browser bench bench-voices bench-load bench-text accuracy lint i18n-extract i18n-compile setup bench-queue bench-queue-gap bench-podcast bench-render

VENV := .venv/bin

setup:
	bash scripts/setup.sh

run: setup
	$(VENV)/reader seed && $(VENV)/reader serve --host 127.0.0.1 --port 5000

test:
	bash scripts/setup.sh --browser
	$(VENV)/ruff check . && $(VENV)/ruff format --check .
	bash scripts/with-postgres.sh sh -c 'READER_REQUIRE_ALL_TIERS=1 $(VENV)/pytest && $(MAKE) --no-print-directory test-postgres-again'

# The storage, view and job tests a second time, each app in a fresh PostgreSQL schema
# (beside a throwaway cluster: scripts/with-postgres.sh; run alone, `make test-postgres`).
POSTGRES_TESTS := tests/library tests/lexicon tests/views tests/speech/test_jobs.py \
	tests/speech/test_render.py tests/speech/test_service.py tests/speech/test_cache_reuse.py \
	tests/speech/test_lexicon_cache.py tests/speech/test_policy.py tests/speech/test_webvtt.py \
	tests/speech/test_dead_worker.py tests/test_cli.py tests/test_migrations.py

test-postgres-again:
	READER_REQUIRE_ALL_TIERS=1 $(VENV)/pytest --db=postgres -m "not browser and not neural" $(POSTGRES_TESTS)

test-postgres: setup
	bash scripts/with-postgres.sh $(MAKE) --no-print-directory test-postgres-again

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

# espeak-ng's pace per language, before and after reader/speech/engines/espeak_rates.py.
bench-espeak-rates: setup
	$(VENV)/python -m bench.espeak_rates

bench-load: setup
	command -v wrk >/dev/null || apt-get install -y -qq wrk
	$(VENV)/python -m bench.load

bench-queue: setup
	$(VENV)/python -m bench.queue

bench-queue-gap: setup
	$(VENV)/python -m bench.queue_gap

bench-text: setup
	$(VENV)/python -m bench.text

bench-podcast: setup
	$(VENV)/python -m bench.podcast

accuracy: setup
	$(VENV)/python -m bench.accuracy

lint:
	$(VENV)/ruff check . && $(VENV)/ruff format --check .

i18n-extract:
	$(VENV)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --omit-header -o reader/translations/messages.pot .
	$(VENV)/pybabel update -i reader/translations/messages.pot -d reader/translations --no-fuzzy-matching

i18n-compile:
	$(VENV)/pybabel compile -d reader/translations

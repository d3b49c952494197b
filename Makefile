# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench eval-dates eval-events seed-timeline clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	rm -f data/timeline.db data/timeline.db-wal data/timeline.db-shm
	$(BIN)/timeline --db data/timeline.db init
	$(BIN)/timeline --db data/timeline.db import data/events.jsonl --documents data/sources.csv
	COLUMNS=$${COLUMNS:-$$(tput cols 2>/dev/null || echo 120)} $(BIN)/timeline --db data/timeline.db list

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: install
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

eval-dates: install
	$(BIN)/python -m benchmarks.eval_dates

clean:
	rm -rf $(VENV) data/timeline.db* .pytest_cache .mypy_cache .ruff_cache

eval-events: install
	$(BIN)/python -m benchmarks.eval_events $(EVAL_ARGS)

# data/events.jsonl is what the tool extracts from the seed articles, as a
# curator reviewed it (data/review.jsonl): ingest, replay the review, export
# the confirmed events citing spans only (no article text in the repo).
SEEDS ?= ../shared/seeds
seed-timeline: install
	@test -d $(SEEDS) || { echo "seed articles not found at $(SEEDS)"; exit 1; }
	rm -rf .seed-timeline && mkdir .seed-timeline
	$(BIN)/timeline --db .seed-timeline/seeds.db init
	$(BIN)/timeline --db .seed-timeline/seeds.db ingest $(SEEDS) --manifest $(SEEDS)/sources.csv
	$(BIN)/timeline --db .seed-timeline/seeds.db review --apply data/review.jsonl --reject-rest
	$(BIN)/timeline --db .seed-timeline/seeds.db export --status confirmed --no-quotes -o data/events.jsonl
	rm -rf .seed-timeline

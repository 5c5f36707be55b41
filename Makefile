# One command for the report, one for the tests; each makes .venv from the lock file when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LEGACY := .venv-legacy
LSTAMP := $(LEGACY)/.installed
OUT    ?= report
INPUT  ?=
PYTEST_FLAGS ?=

.PHONY: report test test-legacy notebooks lab bench clean lock

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# A second, small environment with matplotlib < 3.11 (no text shaping of its own), to prove the legacy path.
$(LSTAMP): requirements-legacy.lock pyproject.toml
	@test -x $(LEGACY)/bin/python || $(PYTHON) -m venv $(LEGACY)
	$(LEGACY)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-legacy.lock
	$(LEGACY)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(LSTAMP)

# make report INPUT=articles.jsonl OUT=my-report  (INPUT: a folder of .txt, a .jsonl, .csv or .parquet file; default seeds/)
report: $(STAMP)
	$(BIN)/python -m analysis report $(INPUT) --out $(OUT)

test: $(STAMP) $(LSTAMP)
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with notebooks/sanitize.cfg tests notebooks $(PYTEST_FLAGS)
	$(LEGACY)/bin/python -m pytest -m render $(PYTEST_FLAGS)

test-legacy: $(LSTAMP)
	$(LEGACY)/bin/python -m pytest -m render $(PYTEST_FLAGS)

notebooks: $(STAMP)
	$(BIN)/python -m analysis notebooks

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root)  # JupyterLab refuses root without it

bench: $(STAMP)
	$(BIN)/python benchmarks/extract.py

clean:
	rm -rf $(VENV) $(LEGACY) $(OUT)

# The two commands of the README:
#   make book   build the HTML book into _build/html (sets up .venv on first use)
#   make test   run every test (unit, notebooks with nbval, build, browser)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := book
.PHONY: book pdf test test-fast lint env execute variant validate claims rehash clean serve lock bench

$(STAMP): pyproject.toml requirements-lock.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements-lock.txt -e '.[test]'
	touch $(STAMP)

env: $(STAMP)  ## create or update the project-local environment in .venv

book: $(STAMP)  ## build the book (re-executes only when notebooks, data/ or src/ changed)
	$(BIN)/python -m analysis build

pdf: $(STAMP)  ## the whole book as one PDF, _build/pdf/book.pdf (needs Debian's chromium; offline)
	$(BIN)/python -m analysis pdf

test: $(STAMP)  ## run every test
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## the unit tests alone, in seconds (layers, lint, data, rules, registries)
	$(BIN)/python -m pytest tests/unit

lint: $(STAMP)  ## ruff over src/ and tests/, ruff through nbQA over the notebooks, the import layers
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/nbqa ruff chapters
	$(BIN)/nbqa "ruff format" --check chapters
	$(BIN)/lint-imports

execute: $(STAMP)  ## re-execute the notebooks in place after editing them, to store their outputs
	$(BIN)/python -m analysis execute chapters/*.ipynb chapters/appendices/*.ipynb

# e.g. make variant CHAPTER=02_military NAME=constant PARAMS="-p spending_measure constant_usd_m"
CHAPTER ?= 02_military
NAME    ?= variant
PARAMS  ?=
variant: $(STAMP)  ## re-run one chapter with other parameters into variants/ and build its page (the book is untouched)
	$(BIN)/python -m analysis run $(CHAPTER) --name $(NAME) $(PARAMS)

validate: $(STAMP)  ## check every data table against data/datapackage.yaml, and the registries against their schema
	$(BIN)/python -m analysis data validate

claims: $(STAMP)  ## evaluate the report's claims in the terminal
	$(BIN)/python -m analysis claims

rehash: $(STAMP)  ## record the checksums of data tables edited on purpose
	$(BIN)/python -m analysis data rehash

bench: $(STAMP)  ## time cold build, no-op rebuild, a data change and the floor (in a copy of the project)
	$(BIN)/python -m analysis bench --tests

serve:  ## read the built book at http://127.0.0.1:8000
	$(PYTHON) -m http.server --bind 127.0.0.1 --directory _build/html 8000

lock: $(STAMP)  ## re-pin the whole dependency tree after changing pyproject.toml
	{ echo "# The whole dependency tree, pinned: pip install -c requirements-lock.txt -e '.[test]'"; \
	  echo "# Regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^analysis'; } > requirements-lock.txt

clean:  ## remove the built book and its execution cache
	rm -rf _build

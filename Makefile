# Insula: the two quick-start targets (`make example`, `make test`) install what they need.
SHELL := /bin/bash
APT_PACKAGES := libglpk-dev glpk-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT ?= out

.PHONY: deps build release example test bench bench-lp notebooks crosscheck crosscheck-corpus fuzz clean

## deps: install GLPK (library and glpsol) from Debian when missing.
deps:
	@missing=""; \
	dpkg -s libglpk-dev >/dev/null 2>&1 || missing="$$missing libglpk-dev"; \
	command -v glpsol >/dev/null 2>&1 || missing="$$missing glpk-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release --product insula

## example: the main job: schedule the bundled example site for a year, then a chiller-less hot
## site with its rack thermal check, and every rack of it through a July afternoon at 1 s.
example: release
	.build/release/insula solve data/sites/example.yaml --out $(OUT)/example
	.build/release/insula solve data/sites/hot-free-cooling.yaml --out $(OUT)/hot --thermal-check
	.build/release/insula thermal simulate data/sites/hot-free-cooling.yaml --schedule $(OUT)/hot/dispatch.csv \
	    --window 2025-07-14T12:00Z..2025-07-14T16:00Z --step-seconds 1 -o $(OUT)/hot/temperatures.csv

## test: the whole test suite (unit and end-to-end). The tests' scratch files go to one
## temporary folder (TMPDIR), removed afterwards whatever the outcome.
test: deps
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/insula-test-XXXXXX"); \
	TMPDIR="$$scratch" swift test; status=$$?; rm -rf "$$scratch"; exit $$status

## notebooks: execute every case-study notebook against the release insula and export each,
## with its figures, to notebooks-exports/ as HTML and Markdown (fails if a notebook raises).
NOTEBOOKS := $(wildcard notebooks/*.ipynb)
notebooks: release
	@command -v jupyter >/dev/null 2>&1 || { echo "notebooks need jupyter: pip install jupyter nbconvert pandas matplotlib"; exit 2; }
	mkdir -p $(OUT)/notebooks notebooks-exports
	set -e; for notebook in $(NOTEBOOKS); do \
	  name=$$(basename $$notebook .ipynb); \
	  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=1200 --output-dir $(OUT)/notebooks $$notebook; \
	  jupyter nbconvert --to html --output-dir notebooks-exports $(OUT)/notebooks/$$name.ipynb; \
	  jupyter nbconvert --to markdown --output-dir notebooks-exports $(OUT)/notebooks/$$name.ipynb; \
	done

bench: bench-lp

bench-lp: release
	.build/release/insula bench lp

## crosscheck: compare with PyPSA (GLPK and HiGHS) on tools/crosscheck/sites, and HiGHS on the full-year
## data/sites/example.yaml (needs pip install pypsa highspy).
crosscheck: deps
	tools/crosscheck/run.sh

## crosscheck-corpus: compare with PyPSA (HiGHS) on every full-year site in data/sites/real/*.yaml.
crosscheck-corpus: deps
	tools/crosscheck/run.sh --corpus

## fuzz: libFuzzer on the loaders and LP validation, 30 min each (TARGET=FuzzCSV FUZZ_SECONDS=600 for one).
FUZZ_SECONDS ?= 1800
fuzz:
	tools/fuzz/run.sh build
	$(if $(TARGET),tools/fuzz/run.sh run $(TARGET) $(FUZZ_SECONDS) && tools/fuzz/run.sh report,tools/fuzz/run.sh all $(FUZZ_SECONDS))

clean:
	rm -rf .build $(OUT)

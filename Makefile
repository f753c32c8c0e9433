# advdistill: the two commands are `make demo` and `make test` (README, Quick start).
SHELL := /bin/bash
VENV  ?= .venv
BIN   := $(VENV)/bin
PY    := $(BIN)/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install test gpu-check demo repro outputs readme docs docs-check check-links check-outputs check-clean check-export check-readme nbtest export clean-nbs

# (Re)install when the venv is missing or the package metadata changed.
$(STAMP): settings.ini setup.py pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

export: install
	$(BIN)/nbdev_export

clean-nbs: install
	$(BIN)/nbdev_clean

readme: install
	$(PY) tools/readme.py nbs/index.ipynb README.md

# Each check runs its tool and fails if anything git sees changed.
define unchanged
	@before=$$(git status --porcelain; git diff); $(1) >/dev/null; after=$$(git status --porcelain; git diff); \
	if [ "$$before" != "$$after" ]; then echo "FAIL: '$(1)' changed the tree: $(2)"; git status --short; exit 1; fi
endef

check-clean: install
	$(call unchanged,$(BIN)/nbdev_clean,notebooks are not clean; run 'make clean-nbs' and commit)
check-export: install
	$(call unchanged,$(BIN)/nbdev_export,the library is out of sync with nbs/; run 'make export' and commit)
check-readme: install
	$(call unchanged,$(PY) tools/readme.py nbs/index.ipynb README.md,README.md is stale; run 'make readme' and commit)

nbtest: install
	IN_TEST=1 $(PY) tools/nbtest.py

test: check-clean check-export check-readme check-links check-outputs nbtest

# On a CUDA GPU: every `#| cuda` test cell, then ARD, RSLAD, AdaAD and TRADES timed at CIFAR scale (fp32/bf16,
# channels-last, torch.compile), each part under its own time limit, < 8 minutes; writes nbs/bench_results/gpu.{json,md}.
# tools/gpu_check.py exits 3 without a CUDA GPU (checked before installing anything), 1 if a part failed or timed out.
gpu-check:
	@python3 tools/gpu_check.py --probe
	@$(MAKE) --no-print-directory install
	$(PY) tools/gpu_check.py

# The main job on the embedded default (digits): teachers, a student per method, evaluation, table, cards, chart.
demo: install
	$(BIN)/advdistill-demo --out runs/demo

# The small-scale reproduction cards of the converged protocol (results/protocol/): every missing card (the whole plan takes days on 2 cores, so it runs in parts); `make repro FORCE=--force` redoes them all.
repro: install
	$(BIN)/advdistill-repro --all --jobs 2 $(FORCE)

# Re-execute every page and store its outputs, which the docs site shows (flagged cells skipped; about 5 minutes on
# 2 cores); then check them. The benchmark and reproduction pages read stored results (nbs/bench_results, results/).
outputs: install
	$(PY) tools/run_nb.py $(sort $(wildcard nbs/*.ipynb nbs/*/*.ipynb))
	$(BIN)/nbdev_clean
	$(PY) tools/check_outputs.py

# Every notebook's stored outputs within their sizes (an output under 100 KB, a notebook under 500 KB), with no warning or error stored.
check-outputs: install
	$(PY) tools/check_outputs.py --self-test

# The documentation site (needs Quarto: https://quarto.org/docs/get-started/ or `nbdev_install_quarto`).
docs: install
	@command -v quarto >/dev/null || { echo "Quarto is not installed: install it (https://quarto.org/docs/get-started/, or .venv/bin/nbdev_install_quarto with internet access), then run 'make docs' again."; exit 1; }
	$(BIN)/nbdev_docs

# Every internal link of the docs (pages, files, heading anchors) resolves; no Quarto needed (well under a second).
check-links: install
	$(PY) tools/check_links.py --self-test

# nbdev's processing of every notebook (directives, doc cells) without Quarto, and the links.
docs-check: install check-links
	$(BIN)/nbdev_proc_nbs

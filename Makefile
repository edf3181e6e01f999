# Văn bản thi đua, khen thưởng — see README.md.
# Every target that runs Python first creates .venv and installs the pinned packages once.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
YEAR   ?= $(shell date +%Y)
RUN    := $(BIN)/python -m pipeline

.DEFAULT_GOAL := help
.PHONY: help plan new-year decision report diff git-diff-setup pdf all check test lint bench templates check-year check-period clean

help: ## list the targets
	@echo "Cách dùng / usage:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | awk -F'\t' '{printf "  make %-12s %s\n", $$1, $$2}'
	@echo "Ví dụ: make plan YEAR=2024"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

check-year:
	@echo '$(YEAR)' | grep -Eq '^[0-9]{4}$$' || { echo "YEAR phải gồm 4 chữ số, ví dụ: make plan YEAR=2024 (nhận được “$(YEAR)”)" >&2; exit 2; }

plan: check-year $(STAMP) ## build the year's plan: output/YEAR/ke-hoach-YEAR.docx (DRAFT=1: a draft)
	@$(RUN) plan --year $(YEAR) $(if $(DRAFT),--draft)

new-year: check-year $(STAMP) ## prepare content/YEAR/ from the latest earlier year (never overwrites)
	@$(RUN) new-year --year $(YEAR)

check-period:
	@echo '$(PERIOD)' | grep -Eq '^[1-9][0-9]?$$' || { echo "PERIOD phải là số đợt, ví dụ: make decision YEAR=2024 PERIOD=1 (nhận được “$(PERIOD)”)" >&2; exit 2; }

decision: check-year check-period $(STAMP) ## build a period's commendation decision: output/YEAR/quyet-dinh-dot-PERIOD-YEAR.docx
	@$(RUN) decision --year $(YEAR) --period $(PERIOD)

report: check-year $(STAMP) ## report: sơ kết with PERIOD=n, tổng kết without; DATE=dd/mm/yyyy to date it
	@$(RUN) report --year $(YEAR) $(if $(PERIOD),--period $(PERIOD)) $(if $(DATE),--date $(DATE))

diff: $(STAMP) ## compare: A=old.docx B=new.docx | YEAR= DOC=plan REF=<git rev> | YEAR= DOC=plan BASE=<year>
	@# python -m pipeline diff exits 0 same, 1 different, 2 trouble; make fails only on trouble
	@$(RUN) diff $(if $(A),$(A) $(B),--year $(YEAR) --doc $(DOC) $(if $(REF),--ref $(REF)) $(if $(BASE),--base $(BASE))) \
		$(if $(PERIOD),--period $(PERIOD)) $(if $(DRAFT),--draft); status=$$?; [ $$status -le 1 ] || exit $$status

git-diff-setup: $(STAMP) ## let git diff / git log -p show the text of .docx files in this clone
	git config diff.docx.textconv "$(CURDIR)/$(BIN)/python -m pipeline textconv"
	git config diff.docx.cachetextconv true
	@echo "git diff now shows .docx files as text (see .gitattributes)."

pdf: check-year $(STAMP) ## convert the year's .docx in output/YEAR/ to PDF (LibreOffice)
	@$(RUN) pdf --year $(YEAR)

all: check-year $(STAMP) ## build every document of the year and its PDF
	@$(RUN) all --year $(YEAR)

check: $(STAMP) ## check a .docx against Nghị định 30: FILE=doc.docx
	@$(RUN) check $(FILE)

test: $(STAMP) ## run the whole test suite (and ruff)
	$(BIN)/ruff check pipeline tests tools
	$(BIN)/python -m pytest

bench: $(STAMP) ## time the plan and decisions of 1.000 and 10.000 awards (wall time, peak memory)
	$(BIN)/python -m tools.bench

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check pipeline tests tools
	$(BIN)/ruff format --check pipeline tests tools

templates: $(STAMP) ## create missing starting templates in templates/
	@$(RUN) templates

clean: ## remove generated output (keeps .venv)
	rm -rf output/*

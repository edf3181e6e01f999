# Văn bản thi đua, khen thưởng — see README.md.
# Thin wrappers around the `tdkt` command. Every target first makes sure .venv exists and holds the
# packages it needs: the runtime packages for the document targets, plus the dev extras for
# test, lint and bench. Variables reach the command as quoted shell words, never as shell code.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-stamp
DEV_STAMP     := $(VENV)/.dev-stamp
YEAR   ?= $(shell date +%Y)
TDKT   := "$(BIN)/python" -m pipeline --root "$$TDKT_ROOT"
# The project folder reaches the recipes through the environment too: a folder name with quotes or
# "$(...)" in it is never shell code.
export TDKT_ROOT := $(CURDIR)

# Handed to the recipes through the environment, so that a value with spaces, quotes or ";" stays one
# word: recipes read them as "$$YEAR", never as $(YEAR).
export YEAR PERIOD DATE FILE A B DOC REF BASE DRAFT FORCE NAME

.DEFAULT_GOAL := help
.PHONY: check-year check-period help plan new-year decision proposal minutes history report diff git-diff-setup pdf all check test lint bench templates clean

help: ## liệt kê các lệnh
	@echo "Cách dùng: make <lệnh> [YEAR=năm] [PERIOD=đợt] ..."
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | awk -F'\t' '{printf "  make %-15s %s\n", $$1, $$2}'
	@echo "Ví dụ: make plan YEAR=2024; make decision YEAR=2024 PERIOD=1"
	@echo "Không có make (Windows): xem README, mục “Không dùng make”; lệnh tương ứng là tdkt."

# A .venv left half-made by an interrupted first run (no pip, no stamp) is rebuilt; an interrupted
# install is finished by the next run, since the stamp is written last.
define install
	@"$(BIN)/python" -m pip --version >/dev/null 2>&1 || { \
		echo "Đang tạo môi trường Python trong $(VENV) (lần đầu, khoảng một phút)..."; \
		rm -rf "$(VENV)" && $(PYTHON) tools/make_venv.py "$(VENV)"; }
	@echo "Cài các gói Python cần thiết vào $(VENV)..."
	@"$(BIN)/python" -m pip install --quiet --disable-pip-version-check -e '.$(1)'
	@touch "$@"
endef

$(RUNTIME_STAMP): pyproject.toml
	$(call install,)

$(DEV_STAMP): pyproject.toml
	$(call install,[dev])
	@touch "$(RUNTIME_STAMP)"

# "DRAFT" on: 1, yes, có, true; off: empty, 0, no, không, false; anything else is refused.
DRAFT_FLAG = draft=$$(case "$$DRAFT" in \
		(""|0|no|NO|No|không|false) ;; \
		(1|yes|YES|Yes|có|true) echo --draft ;; \
		(*) echo "DRAFT chỉ nhận 1 (bản dự thảo) hoặc 0 (nhận được “$$DRAFT”)" >&2; exit 2 ;; \
	esac) || exit 2

# "FORCE" (decision, report, all): a signed document whose text changed is replaced without
# keeping the previous file (…-truoc-<date>.docx). Same values as DRAFT.
FORCE_FLAG = force=$$(case "$$FORCE" in \
		(""|0|no|NO|No|không|false) ;; \
		(1|yes|YES|Yes|có|true) echo --force ;; \
		(*) echo "FORCE chỉ nhận 1 (ghi đè, không giữ bản trước) hoặc 0 (nhận được “$$FORCE”)" >&2; exit 2 ;; \
	esac) || exit 2

# Cheap guards, so that a typo is reported before a first run spends a minute installing.
check-year:
	@case "$$YEAR" in ([0-9][0-9][0-9][0-9]) ;; (*) echo "YEAR phải gồm 4 chữ số, ví dụ: make plan YEAR=2024 (nhận được “$$YEAR”)" >&2; exit 2 ;; esac

check-period:
	@case "$$PERIOD" in ([1-9]|0[1-9]|[1-9][0-9]) ;; (*) echo "PERIOD phải là số đợt, ví dụ: make decision YEAR=2024 PERIOD=1 (nhận được “$$PERIOD”)" >&2; exit 2 ;; esac

plan: check-year $(RUNTIME_STAMP) ## tạo kế hoạch: output/YEAR/ke-hoach-YEAR.docx (DRAFT=1: bản dự thảo)
	@$(DRAFT_FLAG); $(TDKT) plan "$$YEAR" $$draft

new-year: check-year $(RUNTIME_STAMP) ## chuẩn bị content/YEAR/ từ năm gần nhất trước đó (không ghi đè)
	@$(TDKT) new-year "$$YEAR"

decision: check-year check-period $(RUNTIME_STAMP) ## quyết định khen thưởng của đợt PERIOD: output/YEAR/quyet-dinh-dot-PERIOD-YEAR.docx
	@$(DRAFT_FLAG); $(FORCE_FLAG); $(TDKT) decision "$$YEAR" "$$PERIOD" $$draft $$force

proposal: check-year check-period $(RUNTIME_STAMP) ## tờ trình đề nghị khen thưởng của đợt PERIOD: output/YEAR/to-trinh-dot-PERIOD-YEAR.docx
	@$(DRAFT_FLAG); $(TDKT) proposal "$$YEAR" "$$PERIOD" $$draft

minutes: check-year check-period $(RUNTIME_STAMP) ## biên bản họp Hội đồng TĐKT của đợt PERIOD: output/YEAR/bien-ban-dot-PERIOD-YEAR.docx
	@$(DRAFT_FLAG); $(TDKT) minutes "$$YEAR" "$$PERIOD" $$draft

history: $(RUNTIME_STAMP) ## lịch sử khen thưởng, xếp loại của một người hoặc tập thể: NAME="Họ và tên"
	@[ -n "$$NAME" ] || { echo "Thiếu NAME: make history NAME=\"Nguyễn Văn A\"" >&2; exit 2; }; \
	$(TDKT) history -- "$$NAME"

report: check-year $(RUNTIME_STAMP) ## báo cáo: sơ kết với PERIOD=n, tổng kết khi không có PERIOD; DATE=dd/mm/yyyy (ghi vào tệp nội dung)
	@$(DRAFT_FLAG); $(FORCE_FLAG); $(TDKT) report "$$YEAR" $${PERIOD:+"$$PERIOD"} $${DATE:+--date "$$DATE"} $$draft $$force

# tdkt diff exits 0 same, 1 different, 2 trouble; make fails only on trouble.
diff: $(RUNTIME_STAMP) ## so sánh: A=cũ.docx B=mới.docx | YEAR= DOC=plan REF=<git> | YEAR= DOC=plan BASE=<năm>
	@$(DRAFT_FLAG); \
	if [ -n "$$A$$B" ]; then \
		[ -n "$$A" ] && [ -n "$$B" ] || { echo "Cần cả A=cũ.docx và B=mới.docx" >&2; exit 2; }; \
		set -- -- "$$A" "$$B"; \
	else set -- --year "$$YEAR" --doc "$$DOC" $${REF:+--ref="$$REF"} $${BASE:+--base="$$BASE"}; fi; \
	$(TDKT) diff $${PERIOD:+--period "$$PERIOD"} $$draft "$$@"; status=$$?; [ $$status -le 1 ] || exit $$status

git-diff-setup: $(RUNTIME_STAMP) ## để git diff hiện nội dung chữ của tệp .docx trong bản sao này
	git config diff.docx.textconv "\"$(CURDIR)/$(BIN)/python\" -m pipeline textconv"
	git config diff.docx.cachetextconv true
	@echo "git diff giờ hiện tệp .docx dưới dạng chữ (xem .gitattributes)."

pdf: check-year $(RUNTIME_STAMP) ## chuyển các tệp .docx trong output/YEAR/ sang PDF (cần LibreOffice)
	@$(TDKT) pdf "$$YEAR"

all: check-year $(RUNTIME_STAMP) ## tạo mọi văn bản của năm và bản PDF
	@$(FORCE_FLAG); $(TDKT) all "$$YEAR" $$force

check: $(RUNTIME_STAMP) ## kiểm tra thể thức theo Nghị định 30: FILE=van-ban.docx (mã 0 đúng, 1 có điểm sai, 2 lỗi)
	@[ -n "$$FILE" ] || { echo "Thiếu FILE: make check FILE=van-ban.docx" >&2; exit 2; }; \
	$(TDKT) check -- "$$FILE"

test: $(DEV_STAMP) ## kiểm tra toàn bộ chương trình (ruff và pytest)
	"$(BIN)/ruff" check pipeline tests tools
	"$(BIN)/python" -m pytest

bench: $(DEV_STAMP) ## đo thời gian và bộ nhớ (kế hoạch, quyết định 1.000 và 10.000 người)
	"$(BIN)/python" -m tools.bench

lint: $(DEV_STAMP) ## ruff check và kiểm tra định dạng mã
	"$(BIN)/ruff" check pipeline tests tools
	"$(BIN)/ruff" format --check pipeline tests tools

templates: $(RUNTIME_STAMP) ## tạo các mẫu ban đầu còn thiếu trong templates/
	@$(TDKT) templates

clean: ## xóa các văn bản đã tạo trong output/ (giữ .venv)
	rm -rf output/*

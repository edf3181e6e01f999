"""Issue 12 (robustness): catalog sanity, and no traceback for anything a clerk can do.

`CASES` break a copy of the project without touching output/ and go through the shared
`run_case`. `LOOSE_CASES` break output/ itself, pass a file to `check`, or are refused by argparse
(SystemExit): `run_loose` snapshots output/ after their setup. Write errors and Ctrl-C are
simulated by monkeypatching. The kill -9 loop runs real processes.

Temp files: `write_atomic` writes `.<name>.<random>.tmp` beside the target and renames it. A process
killed with SIGKILL between the two leaves that temp file; the next successful write of the same
target removes every `.<name>.*.tmp` older than itself (`test_stale_temp_files_...`).
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from pipeline.cli import main
from pipeline.documents.signed import is_previous_version
from pipeline.word import write

from .bad_input import Case, broken_project, built_2024, files_under, run_case  # noqa: F401
from .conftest import ROOT, edit

CATALOG = "content/shared/khen-thuong.yaml"
PLAN = "content/2024/ke-hoach.yaml"
DOT_2 = "content/2024/quyet-dinh-dot-2.yaml"
PLAN_DOCX = "output/2024/ke-hoach-2024.docx"
DECISION_2_DOCX = "output/2024/quyet-dinh-dot-2-2024.docx"
FIX_TEMPLATE = "chép lại mẫu từ bản gốc"


def replace(path: str, old: str, new: str, offset: int = 0) -> Callable[[Path], int]:
    """Setup: edit a file of the project; the line of `old`, plus `offset`."""
    return lambda root: edit(root / path, old, new) + offset


def share_limit(form: str, of: str, percent: str) -> str:
    return f"share_limits:\n  - form: {form}\n    of: {of}\n    max_percent: {percent}\n"


def rezip(path: Path, name: str, change: Callable[[bytes], bytes | None]) -> None:
    """Rewrite one entry of a zip (None drops it)."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for entry, data in entries:
            changed = change(data) if entry == name else data
            if changed is not None:
                target.writestr(entry, changed)


def garble_compressed(path: Path, name: str) -> None:
    """Flip bytes inside one entry's compressed data: the zip's directory stays whole."""
    with zipfile.ZipFile(path) as package:
        offset = package.getinfo(name).header_offset
    data = bytearray(path.read_bytes())
    start = offset + 30 + int.from_bytes(data[offset + 26 : offset + 28], "little")
    start += int.from_bytes(data[offset + 28 : offset + 30], "little")
    for index in range(start + 10, start + 60):
        data[index] ^= 0x5A
    path.write_bytes(bytes(data))


def template(name: str, action: Callable[[Path], object]) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        action(root / "templates" / name)

    return setup


def as_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def coefficient(value: str, command: tuple[str, ...] = ("decision", "2024", "2")) -> Case:
    return Case(
        f"coefficient-{value}",
        command,
        CATALOG + ":{line}: forms[1].individual: ",  # the schema or the catalog rule refuses it
        replace(CATALOG, "    individual: 1.0\n", f"    individual: {value}\n"),
    )


def not_a_register_table(root: Path) -> None:
    (root / "content/so-khen-thuong").mkdir()
    (root / "content/so-khen-thuong/cu.csv").write_text("a,b\n1,2\n", encoding="utf-8")


CASES = [
    # ---- 4. catalog sanity ----------------------------------------------------------------------
    coefficient(".nan"),
    coefficient(".inf", ("report", "2024", "--date", "26/12/2024")),
    coefficient("-.inf"),
    coefficient("1e400"),
    coefficient("0", ("plan", "2024")),
    coefficient("-1.5"),
    coefficient("100000000000000000000000000000000000000"),
    coefficient("1000"),
    Case(
        "collective-nan",
        ("decision", "2024", "1"),
        CATALOG + ":{line}: forms[5].collective: phải là một số (ví dụ 0,3), không phải “.NaN”",
        replace(CATALOG, "    collective: 0.6\n", "    collective: .NaN\n"),
    ),
    Case(
        "base-salary-zero",
        ("decision", "2024", "2"),
        CATALOG + ":{line}: base_salaries[2].amount: mức lương cơ sở phải lớn hơn 0 (nhận được 0)",
        replace(CATALOG, "  - amount: 2340000\n", "  - amount: 0\n"),
    ),
    Case(
        "base-salary-negative",
        ("decision", "2024", "1"),
        CATALOG + ":{line}: base_salaries[1].amount: mức lương cơ sở phải lớn hơn 0 (nhận được -1800000)",
        replace(CATALOG, "  - amount: 1800000\n", "  - amount: -1800000\n"),
    ),
    Case(
        "base-salary-absurd",
        ("decision", "2024", "2"),
        CATALOG + ":{line}: base_salaries[2].amount: mức lương cơ sở quá lớn",
        replace(CATALOG, "  - amount: 2340000\n", "  - amount: 234000000000\n"),
    ),
    Case(
        "rounding-step-zero",
        ("decision", "2024", "2"),
        CATALOG + ":{line}: rounding.step: bước làm tròn phải lớn hơn 0 (nhận được 0)",
        replace(CATALOG, "  step: 10000\n", "  step: 0\n"),
    ),
    Case(
        "rounding-step-negative",
        ("decision", "2024", "2"),
        CATALOG + ":{line}: rounding.step: bước làm tròn phải lớn hơn 0",
        replace(CATALOG, "  step: 10000\n", "  step: -10000\n"),
    ),
    Case(
        "rounding-step-absurd",
        ("decision", "2024", "2"),
        CATALOG + ":{line}: rounding.step: bước làm tròn quá lớn",
        replace(CATALOG, "  step: 10000\n", "  step: 100000000\n"),
    ),
    Case(
        "requires-unknown",
        ("decision", "2024", "2"),
        CATALOG + ":{line}: forms[1].requires: không có danh hiệu “lao-dong-tien-tien-2024”",
        replace(CATALOG, "    requires: lao-dong-tien-tien\n", "    requires: lao-dong-tien-tien-2024\n"),
    ),
    Case(
        "share-limit-form-unknown",
        ("decision", "2024", "2"),
        CATALOG + ":{line}: share_limits[0].form: không có danh hiệu “cstdcs”",
        replace(CATALOG, "share_limits: []\n", share_limit("cstdcs", "lao-dong-tien-tien", "15"), 1),
    ),
    Case(
        "share-limit-of-unknown",
        ("plan", "2024"),
        CATALOG + ":{line}: share_limits[0].of: không có danh hiệu “LĐTT”",
        replace(CATALOG, "share_limits: []\n", share_limit("chien-si-thi-dua-co-so", "LĐTT", "15"), 2),
    ),
    Case(
        "share-limit-percent",
        ("decision", "2024", "2"),
        CATALOG + ":{line}: share_limits[0].max_percent: tỷ lệ phải lớn hơn 0 và không quá 100",
        replace(
            CATALOG,
            "share_limits: []\n",
            share_limit("chien-si-thi-dua-co-so", "lao-dong-tien-tien", "150"),
            3,
        ),
    ),
    Case(
        "review-date-after-period",
        ("plan", "2024"),
        PLAN + ":{line}: periods[0].review.date: ngày sơ kết 15/7/2024 nằm ngoài đợt 01/01/2024 - 30/6/2024",
        replace(
            PLAN,
            "      together_with: sơ kết công tác Văn phòng 06 tháng đầu năm 2024\n",
            "      together_with: sơ kết công tác Văn phòng 06 tháng đầu năm 2024\n      date: 15/07/2024\n",
            1,
        ),
    ),
    Case(
        "review-date-next-year",
        ("decision", "2024", "2"),
        PLAN + ":{line}: periods[1].review.date: ngày tổng kết 05/01/2025 nằm ngoài đợt",
        replace(
            PLAN,
            "      together_with: tổng kết công tác Văn phòng năm 2024\n",
            "      together_with: tổng kết công tác Văn phòng năm 2024\n      date: 05/01/2025\n",
            1,
        ),
    ),
    Case(
        "review-date-within-period-is-fine",  # review.date is not printed: the plan is unchanged
        ("plan", "2024"),
        "",
        replace(
            PLAN,
            "      together_with: tổng kết công tác Văn phòng năm 2024\n",
            "      together_with: tổng kết công tác Văn phòng năm 2024\n      date: 27/12/2024\n",
        ),
        code=0,
    ),
    Case(
        "decision-number-twice",
        ("decision", "2024", "2"),
        DOT_2 + ":{line}: document.number: số 52 đã dùng cho quyết định đợt 1 năm 2024 "
        "(content/2024/quyet-dinh-dot-1.yaml:6)",
        replace(DOT_2, "  number: 118\n", "  number: 52\n"),
    ),
    Case(
        "decision-number-twice-in-report",
        ("report", "2024", "--date", "26/12/2024"),
        DOT_2 + ":{line}: document.number: số 52 đã dùng",
        replace(DOT_2, "  number: 118\n", "  number: 52\n"),
    ),
    # ---- 6. year 0000 in content ----------------------------------------------------------------
    Case(
        "year-0000-in-content",
        ("decision", "2024", "2"),
        DOT_2 + ":{line}: document.date: ngày 20/12/0000 không tồn tại (không có năm 0000)",
        replace(DOT_2, "  date: 20/12/2024\n", "  date: 20/12/0000\n"),
    ),
    Case(
        "year-0000-iso-in-plan",
        ("plan", "2024"),
        PLAN + ":{line}: periods[0].deadline: ngày 20/06/0000 không tồn tại",
        replace(PLAN, "    deadline: 20/06/2024\n", "    deadline: 0000-06-20\n"),
    ),
    # ---- 6. templates ---------------------------------------------------------------------------
    Case(
        "template-missing",
        ("plan", "2024"),
        f"templates/ke-hoach.docx: không có mẫu văn bản này; {FIX_TEMPLATE}",
        template("ke-hoach.docx", Path.unlink),
    ),
    Case(
        "template-not-a-zip",
        ("decision", "2024", "2"),
        f"templates/quyet-dinh.docx: mẫu hỏng hoặc không phải tệp Word (.docx); {FIX_TEMPLATE}",
        template("quyet-dinh.docx", lambda p: p.write_text("Đây là văn bản, không phải .docx")),
    ),
    Case(
        "template-empty",
        ("report", "2024", "--date", "26/12/2024"),
        "templates/bao-cao.docx: mẫu hỏng hoặc không phải tệp Word (.docx)",
        template("bao-cao.docx", lambda p: p.write_bytes(b"")),
    ),
    Case(
        "template-zip-without-document",
        ("plan", "2024"),
        "templates/ke-hoach.docx: mẫu không phải tệp Word (.docx) hợp lệ: thiếu word/document.xml",
        template("ke-hoach.docx", lambda p: rezip(p, "word/document.xml", lambda _: None)),
    ),
    Case(
        "template-is-a-folder",
        ("plan", "2024"),
        "templates/ke-hoach.docx: mẫu văn bản là một thư mục, không phải tệp .docx",
        template("ke-hoach.docx", as_folder),
    ),
    Case(
        "template-document-xml-damaged",
        ("plan", "2024"),
        "templates/ke-hoach.docx: phần word/document.xml trong mẫu bị hỏng",
        template("ke-hoach.docx", lambda p: rezip(p, "word/document.xml", lambda d: d[: len(d) // 2])),
    ),
    Case(
        "template-styles-damaged",
        ("decision", "2024", "1"),
        "templates/quyet-dinh.docx: phần word/styles.xml trong mẫu bị hỏng",
        template("quyet-dinh.docx", lambda p: rezip(p, "word/styles.xml", lambda _: b"<w:styles")),
    ),
    Case(
        "template-rels-damaged",
        ("plan", "2024"),
        "templates/ke-hoach.docx: phần word/_rels/document.xml.rels trong mẫu bị hỏng",
        template("ke-hoach.docx", lambda p: rezip(p, "word/_rels/document.xml.rels", lambda _: b"<")),
    ),
    Case(
        "template-unread-part-damaged",  # copied into the output as it is: checked all the same
        ("plan", "2024"),
        "templates/ke-hoach.docx: phần word/theme/theme1.xml trong mẫu bị hỏng",
        template("ke-hoach.docx", lambda p: rezip(p, "word/theme/theme1.xml", lambda d: d[:100])),
    ),
    Case(
        "shared-part-text-damaged",
        ("decision", "2024", "2"),
        "templates/parts/cuoi-van-ban.docx: phần word/document.xml trong mẫu bị hỏng",
        template("parts/cuoi-van-ban.docx", lambda p: rezip(p, "word/document.xml", lambda d: d[:-20])),
    ),
    Case(
        "template-properties-part-not-properties",
        ("plan", "2024"),
        "templates/ke-hoach.docx: mẫu không mở được như tệp Word (.docx)",
        template("ke-hoach.docx", lambda p: rezip(p, "docProps/core.xml", lambda _: b"<foo/>")),
    ),
    Case(
        "template-part-garbled-inside-the-zip",
        ("plan", "2024"),
        "templates/ke-hoach.docx: mẫu hỏng hoặc không phải tệp Word (.docx)",
        template("ke-hoach.docx", lambda p: garble_compressed(p, "word/theme/theme1.xml")),
    ),
    Case(
        "shared-part-garbled-inside-the-zip",
        ("plan", "2024"),
        "templates/parts/dau-van-ban.docx: mẫu hỏng hoặc không phải tệp Word (.docx)",
        template("parts/dau-van-ban.docx", lambda p: garble_compressed(p, "word/document.xml")),
    ),
    Case(
        "shared-part-damaged",
        ("plan", "2024"),
        "templates/parts/dau-van-ban.docx: mẫu hỏng hoặc không phải tệp Word (.docx)",
        template("parts/dau-van-ban.docx", lambda p: p.write_bytes(b"PK\x03\x04 cut short")),
    ),
    Case(
        "shared-part-is-a-folder",
        ("decision", "2024", "2"),
        "templates/quyet-dinh.docx: lỗi mẫu: parts/cuoi-van-ban.docx",
        template("parts/cuoi-van-ban.docx", as_folder),
    ),
    Case(
        "template-jinja-syntax",
        ("plan", "2024"),
        "templates/ke-hoach.docx: lỗi mẫu: unexpected '%'",
        template(
            "ke-hoach.docx", lambda p: rezip(p, "word/document.xml", lambda d: d.replace(b"{{", b"{{ {%", 1))
        ),
    ),
    # ---- issue 16: register, eligibility, Tờ trình, minutes ----------------------------------------
    Case(
        "proposal-without-file",
        ("proposal", "2024", "2"),
        "content/2024/to-trinh-dot-2.yaml: đợt 2 năm 2024 không có Tờ trình (chưa có tệp)",
    ),
    Case(
        "minutes-without-file",
        ("minutes", "2024", "1"),
        "content/2024/bien-ban-dot-1.yaml: đợt 1 năm 2024 chưa có biên bản họp (chưa có tệp)",
    ),
    Case(
        "vote-threshold-zero",
        ("decision", "2024", "2"),
        CATALOG
        + ":{line}: vote_thresholds[0].min_percent: tỷ lệ phải lớn hơn 0 và không quá 100 (nhận được 0)",
        replace(
            CATALOG,
            "    min_percent: 80\n    of: tổng số thành viên\n    source: Nghị định 98/2023/NĐ-CP, Điều 30 (bỏ",
            "    min_percent: 0\n    of: tổng số thành viên\n    source: Nghị định 98/2023/NĐ-CP, Điều 30 (bỏ",
        ),
    ),
    Case(
        "eligibility-unknown-form",
        ("plan", "2024"),
        CATALOG + ":{line}: eligibility[0].form: không có danh hiệu, hình thức “chien-si-tinh”",
        replace(
            CATALOG, "  - form: chien-si-thi-dua-cap-tinh\n    title:", "  - form: chien-si-tinh\n    title:"
        ),
    ),
    Case(
        "eligibility-no-years",
        ("report", "2024", "--date", "26/12/2024"),
        CATALOG + ":{line}: eligibility[1].consecutive_years: số năm liên tục phải từ 1 đến 20",
        replace(CATALOG, "    consecutive_years: 2\n", "    consecutive_years: 0\n"),
    ),
    Case(
        "register-import-not-a-table",
        ("history", "Ma Văn Toàn"),
        "content/so-khen-thuong/cu.csv: không thấy dòng tiêu đề có cột “Họ và tên” và “Danh hiệu hình thức khen thưởng”",
        not_a_register_table,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_input(case: Case, broken_project: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    run_case(case, broken_project, capsys)


def test_the_table_is_large_enough() -> None:
    assert len(CASES) + len(LOOSE_CASES) + len(WRITE_CASES) >= 25


# ---- cases that touch output/ themselves, pass a file, or stop in argparse ------------------------


def run_loose(
    case: Case, root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    """Like run_case, but output/ is compared after setup and argparse's SystemExit is a result."""
    line = case.setup(root)
    before = files_under(root / "output")
    monkeypatch.chdir(root)  # file arguments are relative to the project
    try:
        code = main(["--root", str(root), *case.args])
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr()
    shown = err.err + err.out
    assert "Traceback" not in shown
    assert code == case.code, shown
    assert case.message.format(line=line) in shown, shown
    assert files_under(root / "output") == before, "an existing output changed"
    return shown


def output_file(relative: str, action: Callable[[Path], object]) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        action(root / relative)

    return setup


def file_in_place_of_folder(root: Path) -> None:
    shutil.rmtree(root / "output" / "2024")
    (root / "output" / "2024").write_text("không phải thư mục")


def output_is_a_file(root: Path) -> None:
    shutil.rmtree(root / "output")
    (root / "output").write_text("không phải thư mục")


def docx_without(pattern: bytes) -> Callable[[Path], None]:
    import re

    def setup(root: Path) -> None:
        rezip(root / PLAN_DOCX, "word/document.xml", lambda d: re.sub(pattern, b"", d, flags=re.S))

    return setup


NOT_A_FOLDER = "là một tệp, không phải thư mục; đổi tên hoặc xóa tệp đó rồi chạy lại"

LOOSE_CASES = [
    Case("plan-year-0000", ("plan", "0000"), "năm phải từ 1900 đến 2999, ví dụ 2024 (nhận được “0000”)"),
    Case("decision-year-0000", ("decision", "0000", "1"), "năm phải từ 1900 đến 2999"),
    Case("new-year-0000", ("new-year", "0000"), "năm phải từ 1900 đến 2999"),
    Case("pdf-year-9999", ("pdf", "9999"), "năm phải từ 1900 đến 2999"),
    Case("diff-base-0000", ("diff", "--year", "2024", "--doc", "plan", "--base", "0000"), "năm phải từ 1900"),
    Case(
        "report-date-0000",
        ("report", "2024", "--date", "01/01/0000"),
        "ngày 01/01/0000 không tồn tại (không có năm 0000)",
    ),
    Case(
        "target-is-a-folder",
        ("plan", "2024"),
        "ke-hoach-2024.docx: không ghi được tệp: đã có một thư mục cùng tên",
        output_file(PLAN_DOCX, as_folder),
    ),
    Case(
        "year-folder-is-a-file",
        ("decision", "2024", "2"),
        f"output/2024 {NOT_A_FOLDER}",
        file_in_place_of_folder,
    ),
    Case("output-folder-is-a-file", ("plan", "2024"), f"output {NOT_A_FOLDER}", output_is_a_file),
    Case(
        "pdf-of-an-empty-docx",
        ("pdf", "2024"),
        "output/2024/ke-hoach-2024.docx: tệp rỗng (0 byte), không chuyển sang PDF được; tạo lại văn bản này",
        output_file(PLAN_DOCX, lambda p: p.write_bytes(b"")),
    ),
    Case(
        "pdf-of-a-damaged-docx",
        ("pdf", "2024"),
        "output/2024/quyet-dinh-dot-2-2024.docx: tệp hỏng hoặc không phải tệp Word",
        output_file(DECISION_2_DOCX, lambda p: p.write_bytes(p.read_bytes()[:500])),
    ),
    Case(
        "check-without-sectPr",
        ("check", PLAN_DOCX),
        "- Khổ giấy: thấy không khai báo (thiếu w:sectPr)",
        docx_without(rb"<w:sectPr\b.*?</w:sectPr>"),
        code=1,
    ),
    Case(
        "check-without-pgSz",
        ("check", PLAN_DOCX),
        "- Khổ giấy: thấy không khai báo (thiếu w:pgSz)",
        docx_without(rb"<w:pgSz\b[^>]*/>"),
        code=1,
    ),
    Case(
        "check-without-pgMar",
        ("check", PLAN_DOCX),
        "- Lề trái: thấy không khai báo (thiếu w:pgMar)",
        docx_without(rb"<w:pgMar\b[^>]*/>"),
        code=1,
    ),
    Case(
        "check-empty-body",
        ("check", PLAN_DOCX),
        "- Số, ký hiệu: thấy không có",
        docx_without(rb"(?<=<w:body>).*(?=</w:body>)"),
        code=1,
    ),
    Case(
        "check-without-body",
        ("check", PLAN_DOCX),
        "không đọc được tệp .docx (không có phần nội dung w:body)",
        docx_without(rb"<w:body>.*</w:body>"),
    ),
    Case(
        "textconv-without-body",
        ("textconv", PLAN_DOCX),
        "không đọc được tệp .docx (không có phần nội dung w:body)",
        docx_without(rb"<w:body>.*</w:body>"),
    ),
    Case(
        "check-empty-file",
        ("check", PLAN_DOCX),
        "không đọc được tệp .docx",
        output_file(PLAN_DOCX, lambda p: p.write_bytes(b"")),
    ),
]


@pytest.mark.parametrize("case", LOOSE_CASES, ids=lambda c: c.id)
def test_bad_output_or_argument(
    case: Case,
    broken_project: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run_loose(case, broken_project, capsys, monkeypatch)


# ---- write errors and Ctrl-C, simulated ----------------------------------------------------------


def failing(error: BaseException) -> Callable[..., object]:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise error

    return fail


WRITE_CASES = [
    # (id, function to break, error, command, message, exit code)
    (
        "disk-full",
        "os.fsync",
        OSError(errno.ENOSPC, "No space left on device"),
        ("plan", "2024"),
        "ổ đĩa đã đầy",
        2,
    ),
    (
        "disk-quota",
        "os.fsync",
        OSError(errno.EDQUOT, "Disk quota exceeded"),
        ("decision", "2024", "2"),
        "ổ đĩa đã đầy",
        2,
    ),
    (
        "read-only-folder",
        "tempfile.mkstemp",
        PermissionError(errno.EACCES, "Permission denied"),
        ("decision", "2024", "2"),
        "không có quyền ghi vào thư mục này",
        2,
    ),
    (
        "read-only-file-system",
        "tempfile.mkstemp",
        OSError(errno.EROFS, "Read-only file system"),
        ("plan", "2024"),
        "không có quyền ghi",
        2,
    ),
    (
        "replace-refused",
        "os.replace",
        PermissionError(errno.EPERM, "Operation not permitted"),
        ("report", "2024", "--date", "26/12/2024"),
        "bao-cao-tong-ket-2024.docx: không ghi được tệp",
        2,
    ),
    ("ctrl-c-while-writing", "os.fsync", KeyboardInterrupt(), ("plan", "2024"), "Đã dừng (Ctrl-C)", 130),
    (
        "ctrl-c-before-rename",
        "os.replace",
        KeyboardInterrupt(),
        ("decision", "2024", "1"),
        "Đã dừng (Ctrl-C)",
        130,
    ),
]


@pytest.mark.parametrize(
    "target, error, args, message, code", [c[1:] for c in WRITE_CASES], ids=[c[0] for c in WRITE_CASES]
)
def test_write_errors_and_ctrl_c(
    target: str,
    error: BaseException,
    args: tuple[str, ...],
    message: str,
    code: int,
    broken_project: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module, name = target.split(".")
    monkeypatch.setattr(getattr(write, module), name, failing(error))
    # run_case also proves that no temp file is left: output/ holds exactly the files it held
    run_case(Case(target, args, message, code=code), broken_project, capsys)
    monkeypatch.undo()


def test_ctrl_c_while_rendering_leaves_everything(
    broken_project: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pipeline.word import render

    monkeypatch.setattr(render, "render", failing(KeyboardInterrupt()))
    run_case(
        Case("ctrl-c", ("decision", "2024", "2"), "các tệp đã có giữ nguyên", code=130),
        broken_project,
        capsys,
    )


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_really_read_only_output_folder(broken_project: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    folder = broken_project / "output" / "2024"
    folder.chmod(0o555)
    try:
        run_case(Case("ro", ("plan", "2024"), "không có quyền ghi"), broken_project, capsys)
    finally:
        folder.chmod(0o755)


# ---- a subject longer than the .docx metadata allows ----------------------------------------------

LONG_SUBJECT = (
    "Công tác thi đua khen thưởng năm 2024 gắn với việc thực hiện các phong trào thi đua yêu nước "
    "của Trung ương và của tỉnh nhà, chào mừng kỷ niệm các ngày lễ lớn của đất nước, "
    "hướng tới Đại hội Đảng bộ tỉnh lần thứ XIII, nhiệm kỳ 2025-2030 và Đại hội thi đua yêu nước"
)


def test_a_long_subject_is_shortened_in_the_metadata_only(
    broken_project: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert len(LONG_SUBJECT) == 264
    edit(
        broken_project / PLAN,
        "subject: Công tác thi đua khen thưởng năm 2024\n",
        f"subject: {LONG_SUBJECT}\n",
    )
    assert main(["--root", str(broken_project), "plan", "2024"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    document = Document(str(broken_project / PLAN_DOCX))
    core = document.core_properties
    for value in (core.title, core.subject):
        assert len(value) <= write.PROPERTY_LIMIT and value.endswith("…")
    cut = core.subject[:-1]
    assert LONG_SUBJECT.startswith(cut) and LONG_SUBJECT[len(cut)] in " ,;:-"  # at a word boundary
    body = " ".join(" ".join(p.text for p in document.paragraphs).split())
    assert LONG_SUBJECT[1:] in body  # the document itself keeps the whole subject


def test_shorten() -> None:
    assert write.shorten("ngắn") == "ngắn"
    text = "từ " * 200
    short = write.shorten(text)
    assert len(short) <= 255 and short.endswith("từ…")
    assert write.shorten("x" * 300) == "x" * 254 + "…"
    assert write.shorten("a" * 255) == "a" * 255


# ---- kill -9 and stale temp files -----------------------------------------------------------------


def assert_complete_docx(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        etree.fromstring(package.read("word/document.xml"))


def temps(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f".{name}.*.tmp"))


def build_command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "--root", str(root), *args]


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def test_kill_9_leaves_the_old_or_the_whole_new_file(broken_project: Path) -> None:  # noqa: F811
    root = broken_project
    target = root / DECISION_2_DOCX
    old = target.read_bytes()
    names = {p.name for p in target.parent.iterdir()}
    command = build_command(root, "decision", "2024", "2")
    began = time.monotonic()
    subprocess.run(command, env=ENV, check=True, capture_output=True)  # same content: same bytes
    duration = min(time.monotonic() - began, 1.0)  # a loaded machine must not make the test long
    assert target.read_bytes() == old
    edit(root / DOT_2, "  number: 118\n", "  number: 119\n")  # the new file differs from the old
    seen: list[bytes] = []
    for step in range(15):  # from the middle of the start-up to just after the end of a run
        process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * (0.4 + 0.05 * step))
        process.send_signal(signal.SIGKILL)
        process.wait()
        data = target.read_bytes()
        assert_complete_docx(data)
        seen.append(data)
        # besides temp files of the killed writes, nothing is lost and only whole copies of the
        # signed old decision are added (documents/signed.py keeps it before replacing it)
        folder = target.parent
        left = {p.name for p in folder.iterdir() if not p.name.endswith(".tmp")}
        kept = {name for name in left - names if is_previous_version(Path(name))}
        assert left - kept == names
        assert all((folder / name).read_bytes() == old for name in kept)
        stray = [p.name for p in folder.glob(".*.tmp") if not p.name.startswith(f".{target.stem}")]
        assert stray == []
    assert main(["--root", str(root), "decision", "2024", "2"]) == 0
    new = target.read_bytes()
    assert new != old
    assert set(seen) <= {old, new}
    assert temps(target.parent, target.name) == []


KILLED_IN_WRITE = """
import os, sys, time
from pathlib import Path
from pipeline.cli import main
def hang(_fd):
    Path(sys.argv[1]).touch()
    time.sleep(60)
os.fsync = hang
main(sys.argv[2:])
"""


def test_kill_9_in_the_middle_of_a_write(broken_project: Path) -> None:  # noqa: F811
    """A process killed while its temp file is half written: the old file stays; the next run cleans up."""
    root = broken_project
    target = root / PLAN_DOCX
    old = target.read_bytes()
    flag = root / "writing"
    args = [str(flag), "--root", str(root), "plan", "2024"]
    process = subprocess.Popen([sys.executable, "-c", KILLED_IN_WRITE, *args], env=ENV)
    deadline = time.monotonic() + 20
    while not flag.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert flag.exists()
    assert target.read_bytes() == old
    assert len(temps(target.parent, target.name)) == 1
    time.sleep(0.02)  # the next write starts after the temp file was last written
    assert main(["--root", str(root), "plan", "2024"]) == 0
    assert target.read_bytes() == old  # same content, same bytes
    assert temps(target.parent, target.name) == []


def test_stale_temp_files_are_removed_by_the_next_successful_write(broken_project: Path) -> None:  # noqa: F811
    folder = broken_project / "output" / "2024"
    stale = folder / ".ke-hoach-2024.docx.abc123.tmp"
    stale.write_bytes(b"half a file")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    running = folder / ".ke-hoach-2024.docx.def456.tmp"  # another write still going on
    running.write_bytes(b"being written")
    in_a_minute = time.time() + 60
    os.utime(running, (in_a_minute, in_a_minute))
    other = folder / ".quyet-dinh-dot-1-2024.docx.abc123.tmp"  # another document's: not ours
    other.write_bytes(b"x")
    os.utime(other, (an_hour_ago, an_hour_ago))
    assert main(["--root", str(broken_project), "plan", "2024"]) == 0
    assert not stale.exists()
    assert running.exists() and other.exists()


def test_a_failed_write_keeps_stale_temp_files_and_the_old_output(
    broken_project: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = broken_project / "output" / "2024"
    stale = folder / ".ke-hoach-2024.docx.abc123.tmp"
    stale.write_bytes(b"half a file")
    monkeypatch.setattr(write.os, "replace", failing(OSError(errno.ENOSPC, "full")))
    run_case(Case("full", ("plan", "2024"), "ổ đĩa đã đầy"), broken_project, capsys)
    assert stale.exists()

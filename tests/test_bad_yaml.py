"""Bad YAML: mistaken or hostile content files give a located Vietnamese message and exit 2 without
a traceback or a changed output; values are read as written (no octal, no yes/no booleans)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from pipeline.cli import main
from pipeline.content.model import Issuance, LegalDocument, RewardForm
from pipeline.content.schema import read
from pipeline.errors import Loc, Problems
from pipeline.word import reader

from .bad_input import Case, broken_project, built_2024, run_case  # noqa: F401
from .conftest import edit

PLAN = "content/2024/ke-hoach.yaml"
D1 = "content/2024/quyet-dinh-dot-1.yaml"
D2 = "content/2024/quyet-dinh-dot-2.yaml"
R1 = "content/2024/bao-cao-dot-1.yaml"
RY = "content/2024/bao-cao-tong-ket.yaml"
LEGAL = "content/shared/van-ban.yaml"
REWARDS = "content/shared/khen-thuong.yaml"
ISSUERS = "content/shared/co-quan.yaml"
HOLIDAYS = "content/shared/ngay-nghi.yaml"
ANNIVERSARIES = "content/shared/ngay-ky-niem.yaml"

P = ("plan", "2024")
DEC1 = ("decision", "2024", "1")
DEC2 = ("decision", "2024", "2")
REP1 = ("report", "2024", "1", "--date", "05/7/2024")
REPY = ("report", "2024", "--date", "26/12/2024")
NEW = ("new-year", "2025")

BILLION_LAUGHS = "".join(
    f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ['"lol"'] * 9) + "]\n" for i in range(10)
)


def change(file: str, old: str, new: str):
    """A setup replacing the one occurrence of `old` in `file`; returns the line of `new`."""
    return lambda root: edit(root / file, old, new)


def prepend(file: str, text: str):
    def setup(root: Path) -> int:
        path = root / file
        path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")
        return 1

    return setup


def replace_file(file: str, data: bytes):
    def setup(root: Path) -> None:
        (root / file).write_bytes(data)

    return setup


def bytes_at(file: str, old: str, new: bytes):
    """Replace `old` with raw bytes (not necessarily UTF-8); returns its line."""

    def setup(root: Path) -> int:
        path = root / file
        data = path.read_bytes()
        target = old.encode("utf-8")
        assert data.count(target) == 1
        path.write_bytes(data.replace(target, new))
        return data[: data.index(target)].count(b"\n") + 1

    return setup


def folder_instead(file: str):
    def setup(root: Path) -> None:
        (root / file).unlink()
        (root / file).mkdir()

    return setup


def with_bom(file: str):
    def setup(root: Path) -> None:
        path = root / file
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    return setup


SUBJECT = "subject: Công tác thi đua khen thưởng năm 2024"

CASES = [
    # ---- values: numbers, booleans, dates ----
    Case(
        "int-not-a-number",
        P,
        f"{PLAN}:{{line}}: document.month: phải là một số nguyên, không phải “ba”",
        change(PLAN, "  month: 3\n", "  month: ba\n"),
    ),
    Case(
        "int-with-decimal",
        P,
        f"{PLAN}:{{line}}: document.month: phải là một số nguyên, không phải “3.5”",
        change(PLAN, "  month: 3\n", "  month: 3.5\n"),
    ),
    Case(
        "int-huge",
        DEC1,
        f"{D1}:{{line}}: document.number: số quá lớn (nhiều nhất 12 chữ số)",
        change(D1, "  number: 52\n", "  number: 123456789012345678901234567890\n"),
    ),
    Case(
        "int-five-thousand-digits",
        DEC2,
        f"{D1}:{{line}}: document.number: số quá lớn",
        change(D1, "  number: 52\n", "  number: " + "9" * 5000 + "\n"),
    ),
    Case(
        "int-exponent",
        DEC1,
        f"{REWARDS}:{{line}}: rounding.step: phải là một số nguyên, không phải “1e4”",
        change(REWARDS, "  step: 10000\n", "  step: 1e4\n"),
    ),
    Case(
        "decimal-nan",
        DEC1,
        f"{REWARDS}:{{line}}: forms[0].individual: phải là một số (ví dụ 0,3), không phải “.nan”",
        change(
            REWARDS,
            "    individual: 0.3\n    conferred_by: thu-truong-co-quan\n    annual: true",
            "    individual: .nan\n    conferred_by: thu-truong-co-quan\n    annual: true",
        ),
    ),
    Case(
        "decimal-inf",
        DEC2,
        f"{REWARDS}:{{line}}: forms[0].individual: phải là một số (ví dụ 0,3), không phải “.inf”",
        change(
            REWARDS,
            "    individual: 0.3\n    conferred_by: thu-truong-co-quan\n    annual: true",
            "    individual: .inf\n    conferred_by: thu-truong-co-quan\n    annual: true",
        ),
    ),
    Case(
        "decimal-nan-word",
        DEC1,
        f"{REWARDS}:{{line}}: forms[0].individual: phải là một số (ví dụ 0,3), không phải “NaN”",
        change(
            REWARDS,
            "    individual: 0.3\n    conferred_by: thu-truong-co-quan\n    annual: true",
            "    individual: NaN\n    conferred_by: thu-truong-co-quan\n    annual: true",
        ),
    ),
    Case(
        "decimal-huge",
        DEC1,
        f"{REWARDS}:{{line}}: forms[0].individual: số quá lớn",
        change(
            REWARDS,
            "    individual: 0.3\n    conferred_by: thu-truong-co-quan\n    annual: true",
            "    individual: 1" + "0" * 40 + "\n    conferred_by: thu-truong-co-quan\n    annual: true",
        ),
    ),
    Case(
        "bool-on",
        P,
        f"{LEGAL}:{{line}}: documents[6].party: phải là true hoặc false (hoặc có/không), không phải “on”",
        change(LEGAL, "    party: true\n", "    party: on\n"),
    ),
    Case(
        "literal-yes",
        DEC1,
        f"{REWARDS}:{{line}}: rounding.mode: giá trị “yes” không hợp lệ; chọn một trong: “lên”, “gần nhất”",
        change(REWARDS, "  mode: lên ", "  mode: yes "),
    ),
    Case(
        "date-two-digit-year",
        P,
        f"{PLAN}:{{line}}: document.date: “01/03/24”: năm phải viết đủ 4 chữ số (ví dụ 15/01/2024)",
        change(PLAN, "  date:                   #", "  date: 01/03/24          #"),
    ),
    Case(
        "date-two-digit-year-decision",
        DEC1,
        f"{D1}:{{line}}: document.date: “26/06/24”: năm phải viết đủ 4 chữ số",
        change(D1, "  date: 26/06/2024\n", "  date: 26/06/24\n"),
    ),
    Case(
        "date-year-zero",
        P,
        "ngày 03/02/0000 không tồn tại (không có năm 0000)",
        change(ANNIVERSARIES, "03/02/1930", "03/02/0000"),
    ),
    Case(
        "date-holiday-two-digit-year",
        NEW,
        f"{HOLIDAYS}:{{line}}: holidays[0].date: “01/01/24”: năm phải viết đủ 4 chữ số",
        change(HOLIDAYS, "{date: 01/01/2024,", "{date: 01/01/24,"),
    ),
    # ---- aliases, anchors, tags, nesting ----
    Case(
        "billion-laughs",
        P,
        f"{PLAN}:{{line}}: không dùng neo “&l0”; viết thẳng nội dung",
        prepend(PLAN, BILLION_LAUGHS),
    ),
    Case(
        "billion-laughs-holidays",
        NEW,
        f"{HOLIDAYS}:{{line}}: không dùng neo “&l0”",
        prepend(HOLIDAYS, BILLION_LAUGHS),
    ),
    Case(
        "alias",
        P,
        f"{PLAN}:{{line}}: không dùng bí danh “*goc”; viết thẳng nội dung vào đây",
        change(PLAN, "basis: kh-18-2024-ubnd", "basis: *goc"),
    ),
    Case(
        "recursive-anchor",
        DEC1,
        f"{D1}:{{line}}: không dùng neo “&a”",
        change(D1, "award_files:\n", "loop: &a [*a]\naward_files:\n"),
    ),
    Case(
        "merge-key",
        REPY,
        f"{RY}:{{line}}: không dùng bí danh “*doc”",
        change(RY, "subject:", "extra: {<<: *doc}\nsubject:"),
    ),
    Case(
        "tag-unknown",
        P,
        f"{PLAN}:{{line}}: không dùng thẻ “!foo”; viết giá trị như chữ thường",
        change(PLAN, SUBJECT, "subject: !foo Công tác thi đua khen thưởng năm 2024"),
    ),
    Case(
        "tag-python",
        DEC2,
        f"{D2}:{{line}}: không dùng thẻ “!!python/name:os.system”",
        change(D2, "subject:", "subject: !!python/name:os.system\nx:"),
    ),
    Case(
        "tag-python-object",
        REP1,
        f"{R1}:{{line}}: không dùng thẻ “!!python/object/apply:os.system”",
        prepend(R1, "x: !!python/object/apply:os.system [echo hi]\n"),
    ),
    Case(
        "tag-str",
        P,
        f"{PLAN}:{{line}}: không dùng thẻ “!!str”",
        change(PLAN, "  month: 3\n", "  month: !!str 3\n"),
    ),
    Case(
        "deep-nesting-flow",
        P,
        f"{PLAN}:{{line}}: lồng nhau quá sâu (quá 32 mức)",
        prepend(PLAN, "x: " + "[" * 5000 + "]" * 5000 + "\n"),
    ),
    Case(
        "deep-nesting-block",
        DEC1,
        f"{D1}:33: lồng nhau quá sâu",
        prepend(D1, "".join("  " * i + f"k{i}:\n" for i in range(200))),
    ),
    # ---- syntax ----
    Case(
        "unclosed-double-quote",
        REP1,
        f"{R1}:{{line}}: YAML không hợp lệ: dấu nháy mở ở dòng này chưa được đóng",
        change(R1, "      - Các phòng, ban, đơn vị trực thuộc", '      - "Các phòng, ban, đơn vị trực thuộc'),
    ),
    Case(
        "unclosed-single-quote",
        P,
        f"{PLAN}:{{line}}: YAML không hợp lệ: dấu nháy mở ở dòng này chưa được đóng",
        change(PLAN, SUBJECT, "subject: 'Công tác thi đua khen thưởng năm 2024"),
    ),
    Case(
        "tab-indent",
        DEC1,
        f"{D1}:{{line}}: YAML không hợp lệ: có ký tự Tab; thụt lề bằng dấu cách",
        change(D1, "  signer: vu-duc-chinh", "\tsigner: vu-duc-chinh"),
    ),
    Case(
        "colon-in-text",
        P,
        f"{PLAN}:{{line}}: YAML không hợp lệ: dấu hai chấm đặt sai chỗ",
        change(PLAN, SUBJECT, "subject: Kế hoạch: Công tác thi đua khen thưởng năm 2024"),
    ),
    Case(
        "two-documents",
        REPY,
        f"{RY}:{{line}}: YAML không hợp lệ: tệp chỉ được có một phần nội dung",
        change(RY, "subject:", "---\nsubject:"),
    ),
    Case(
        "null-key",
        DEC1,
        f"{D1}:{{line}}: tên trường phải là một dòng chữ",
        change(D1, "award_files:\n", "~: x\naward_files:\n"),
    ),
    # ---- characters ----
    Case(
        "lone-surrogate-escape",
        P,
        f"{PLAN}:{{line}}: subject: có ký tự không hợp lệ \\ud800 (nửa cặp UTF-16)",
        change(PLAN, SUBJECT, 'subject: "Công tác thi đua\\ud800 khen thưởng năm 2024"'),
    ),
    Case(
        "lone-surrogate-report",
        REP1,
        f"{R1}:{{line}}: subject: có ký tự không hợp lệ \\udfff",
        change(R1, "subject: Sơ kết", 'subject: "\\udfff"\nx: Sơ kết'),
    ),
    Case(
        "control-escape",
        DEC1,
        f"{D1}:{{line}}: funding: có ký tự điều khiển \\u0007 (không in được)",
        change(D1, "funding: Quỹ", 'funding: "\\a"\nx: Quỹ'),
    ),
    Case(
        "nul-escape",
        REPY,
        f"{RY}:{{line}}: subject: có ký tự điều khiển \\u0000",
        change(RY, "subject:", 'subject: "a\\0b"\nx:'),
    ),
    Case(
        "control-raw",
        P,
        f"{PLAN}:{{line}}: có ký tự điều khiển \\u0007 (không in được)",
        change(PLAN, SUBJECT, "subject: Công tác\x07 thi đua khen thưởng năm 2024"),
    ),
    Case(
        "next-line-raw",
        DEC2,
        f"{D2}:{{line}}: có ký tự điều khiển \\u0085",
        change(D2, "subject:", "subject: a\x85b\nx:"),
    ),
    Case(
        "invisible-in-id",
        P,
        f"{PLAN}:{{line}}: document.signer: không có người ký “vu-duc\\u200b-chinh”",
        change(PLAN, "  signer: vu-duc-chinh", "  signer: vu-duc\u200b-chinh"),
    ),
    Case(
        "invisible-in-reference",
        DEC1,
        "“luat-tdkt-2022\\u00a0x”",
        change(D1, "  - luat-tdkt-2022\n", "  - luat-tdkt-2022\u00a0x\n"),
    ),
    # ---- files ----
    Case(
        "not-utf8",
        P,
        f"{PLAN}:{{line}}: tệp không ở mã UTF-8",
        bytes_at(PLAN, "Công tác thi đua khen", "C\xf4ng t\xe1c thi \xf0ua khen".encode("latin-1")),
    ),
    Case(
        "not-utf8-report",
        REPY,
        f"{RY}:{{line}}: tệp không ở mã UTF-8",
        bytes_at(RY, "subject:", b"subject: \xff\xfe"),
    ),
    Case("bom-accepted", P, "", with_bom(PLAN), code=0),
    Case("bom-accepted-decision", DEC1, "", with_bom(D1), code=0),
    Case("empty-file", P, f"{PLAN}: tệp trống, chưa có nội dung", replace_file(PLAN, b"")),
    Case(
        "comments-only", DEC1, f"{D1}: tệp trống, chưa có nội dung", replace_file(D1, b"# only\n# comments\n")
    ),
    Case("empty-report", REP1, f"{R1}: tệp trống", replace_file(R1, b"\n\n")),
    Case("folder", P, f"{PLAN}: đây là một thư mục, không phải tệp YAML", folder_instead(PLAN)),
    Case("folder-shared", DEC1, f"{REWARDS}: đây là một thư mục", folder_instead(REWARDS)),
    Case(
        "top-level-list",
        P,
        f"{PLAN}:1: nội dung tệp phải là các dòng “tên trường: giá trị”, không phải một danh sách",
        replace_file(PLAN, b"- a\n- b\n"),
    ),
    Case(
        "top-level-list-report",
        REPY,
        f"{RY}:1: nội dung tệp phải là các dòng “tên trường: giá trị”",
        replace_file(RY, b"- subject: x\n"),
    ),
    Case(
        "top-level-scalar",
        DEC2,
        f"{D2}:1: nội dung tệp phải là các dòng “tên trường: giá trị”, không phải một dòng chữ",
        replace_file(D2, "quyết định".encode()),
    ),
    Case(
        "new-year-broken-plan",
        NEW,
        f"{PLAN}:{{line}}: YAML không hợp lệ: dấu nháy mở ở dòng này chưa được đóng",
        change(PLAN, SUBJECT, 'subject: "Công tác thi đua khen thưởng năm 2024'),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_yaml(case: Case, broken_project: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    run_case(case, broken_project, capsys)


def test_enough_cases() -> None:
    assert len(CASES) >= 35
    assert len({c.id for c in CASES}) == len(CASES)
    assert {c.args[0] for c in CASES} == {"plan", "decision", "report", "new-year"}


# ---- values as written ----------------------------------------------------------------------


def built_text(root: Path, args: tuple[str, ...], name: str) -> str:
    assert main(["--root", str(root), *args]) == 0
    data = (root / "output" / "2024" / name).read_bytes()
    return "\n".join(reader.texts(Document(io.BytesIO(data))))


@pytest.mark.parametrize(
    ("written", "printed"),
    [("010", "Số: 10/KH-VP"), ("08", "Số: 08/KH-VP"), ("07", "Số: 07/KH-VP"), ('"09"', "Số: 09/KH-VP")],
)
def test_document_number_as_written(project, written: str, printed: str) -> None:
    edit(project.root / PLAN, "  number:                 #", f"  number: {written}  #")
    assert printed in built_text(project.root, P, "ke-hoach-2024.docx")


def test_month_with_leading_zero(project) -> None:
    edit(project.root / PLAN, "  month: 3\n", "  month: 03\n")
    assert "tháng 3 năm 2024" in built_text(project.root, P, "ke-hoach-2024.docx")


def test_cited_number_kept_as_written(project) -> None:
    """A cited document's number is text: printed exactly as the clerk copied it."""
    edit(project.root / LEGAL, '    number: "34"\n', "    number: 010\n")
    assert "Chỉ thị số 010-CT/TW" in built_text(project.root, P, "ke-hoach-2024.docx")


def test_signer_named_no(project) -> None:
    edit(project.root / ISSUERS, "        name: Vũ Đức Chính\n", "        name: No\n")
    text = built_text(project.root, P, "ke-hoach-2024.docx")
    assert "\nNo" in text and "False" not in text


def test_coefficient_with_comma(project) -> None:
    edit(
        project.root / REWARDS,
        "    individual: 0.3\n    conferred_by: thu-truong-co-quan\n    annual: true",
        "    individual: 0,3\n    conferred_by: thu-truong-co-quan\n    annual: true",
    )
    assert main(["--root", str(project.root), *DEC1]) == 0


def convert(cls, data: dict):
    problems = Problems()
    record = read(data, Loc("t.yaml", {(): 1}), cls, problems)
    return record, [str(p) for p in problems.items]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("True", True),
        ("có", True),
        ("yes", True),
        ("false", False),
        ("FALSE", False),
        ("không", False),
        ("no", False),
    ],
)
def test_bool_words(text: str, expected: bool) -> None:
    record, problems = convert(
        LegalDocument, {"id": "x", "type": "Luật", "date": "01/01/2024", "party": text}
    )
    assert problems == [] and record is not None and record.party is expected


@pytest.mark.parametrize("text", ["yes", "no", "on", "Off", "010", "1e3", "null "])
def test_str_field_keeps_text(text: str) -> None:
    record, problems = convert(LegalDocument, {"id": "x", "type": text, "date": "01/01/2024", "number": text})
    assert problems == [] and record is not None
    assert (record.type, record.number) == (text.strip(), text.strip())


@pytest.mark.parametrize(("text", "number"), [("010", 10), ("08", 8), ("+7", 7), (" 52 ", 52), ("0", 0)])
def test_int_decimal_digits(text: str, number: int) -> None:
    record, problems = convert(Issuance, {"number": text, "signer": "a", "drafted_by": "b"})
    assert problems == [] and record is not None and record.number == number


@pytest.mark.parametrize("text", ["0x10", "0o10", "1_000", "1,5", "ba", "-", "1e3"])
def test_int_refused(text: str) -> None:
    _record, problems = convert(Issuance, {"number": text, "signer": "a", "drafted_by": "b"})
    assert problems == [f"t.yaml:1: number: phải là một số nguyên, không phải “{text}”"]


@pytest.mark.parametrize("text", [".nan", "nan", "inf", "-.inf", "Infinity", "1e400", "0x1", "sNaN"])
def test_decimal_refused(text: str) -> None:
    data = {"id": "a", "name": "n", "kind": "danh hiệu", "conferred_by": "c", "individual": text}
    _record, problems = convert(RewardForm, data)
    assert problems == [f"t.yaml:1: individual: phải là một số (ví dụ 0,3), không phải “{text}”"]


def test_nan_from_a_spreadsheet_refused() -> None:
    data = {
        "id": "a",
        "name": "n",
        "kind": "danh hiệu",
        "conferred_by": "c",
        "individual": float("nan"),
    }
    _record, problems = convert(RewardForm, data)
    assert problems == ["t.yaml:1: individual: phải là một số (ví dụ 0,3), không phải “nan”"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [("01/01/24", "“01/01/24”: năm phải viết đủ 4 chữ số"), ("01/01/0000", "không có năm 0000")],
)
def test_date_argument_refused(text: str, reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report", "2024", "--date", text])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and reason in err and "Traceback" not in err

"""Property: any text a clerk (or a hostile paste) puts into a content text field or an award-table
cell either comes out in the .docx as written, after NFC and the documented cleaning, or the build
exits 2 with a Vietnamese message naming the file and line; never a traceback, never exit 0 with
the text missing or cut, never a changed output on exit 2.

Documented cleaning: YAML text fields keep the text as written (NFC, ends stripped; a line break
is a line break); control characters and lone surrogates are refused with their line. Award-table
cells lose invisible characters (format and control characters) with a warning, then NFC and ends
stripped; Excel's `_xHHHH_` escapes are read as the characters they stand for.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.content.splice import Edit, YamlText, apply
from pipeline.word.fulltext import document_text

from .bad_input import COMMANDS_2024, files_under
from .conftest import ROOT

# ---- what random text is made of --------------------------------------------------------------

PIECES = [
    # control characters (C0, C1, DEL), lone surrogates, odd line breaks
    "\x00", "\x07", "\x1b", "\r", "\x7f", "\x85", "\x9f", "\ud800", "\udfff", "\u2028", "\u2029",
    # invisible: zero-width, soft hyphen, BOM, bidi marks and overrides
    "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e",
    "\u2066", "\u2069",
    # combining marks and decomposed Vietnamese (NFD)
    "\u0301", "\u0323", unicodedata.normalize("NFD", "Nguyễn Thị Hạnh"), unicodedata.normalize("NFD", "Đức"),
    # XML/HTML markup
    "<w:t>", "</w:p>", "&amp;", "&lt;", "]]>", "<![CDATA[", "<script>", '"', "'", "&",
    # Jinja / docxtpl syntax
    "{{ x }}", "{{", "}}", "{% if x %}", "{% endif %}", "{%p if x %}", "{{r x }}", "{%tr for a in b %}",
    "{#", "#}", "{%", "%}",
    # Excel's own escape form, written literally
    "_x0041_", "_x000D_",
    # whitespace
    " ", "  ", "\t", "\n", "\u00a0", "\u3000",
    # ordinary text
    "Nông Thị Hạnh", "Phòng Tổng hợp", "540.000", "Điều 1.", "x",
]  # fmt: skip
CHARACTERS = st.characters(blacklist_characters="[")  # "[" starts the inline syntax ([so-dot] ...)
TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(CHARACTERS, max_size=6)), min_size=1, max_size=8
).map("".join)
LONG = st.builds(lambda piece, n: piece * n, st.sampled_from(["Nông Thị Hạnh ", "x", "{{ x }}", "\u200b"]),
                 st.integers(2_000, 20_000))  # fmt: skip
ANY_TEXT = st.one_of(TEXT, TEXT, TEXT, LONG)


# ---- oracles ----------------------------------------------------------------------------------


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def refused_in_yaml(text: str) -> bool:
    """Control characters (but tab and line feed), lone surrogates, U+2028/9 and noncharacters."""
    return any(
        (unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n") or c in "\u2028\u2029\ufffe\uffff"
        for c in text
    )


def cleaned_cell(text: str) -> str:
    """An award-table cell as documented: invisible characters removed, NFC, ends stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(c for c in text if c in "\t\n" or unicodedata.category(c) not in ("Cf", "Cc"))
    return nfc(kept).strip()


# ---- writing the files correctly ---------------------------------------------------------------


def yaml_quoted(text: str, escape_all: bool) -> str:
    """A YAML double-quoted scalar for `text`: non-printable characters (or all) as escapes."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif not escape_all and char.isprintable() and not 0xD800 <= code < 0xE000:
            out.append(char)
        else:
            out.append(f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}")
    scalar = '"' + "".join(out) + '"'
    assert yaml.safe_load(scalar) == text  # the writer under test is the pipeline, not this function
    return scalar


def excel_escaped(text: str) -> str:
    """What Excel writes for `text` in a cell: characters XML cannot hold as `_xHHHH_`."""
    text = re.sub(r"_(x[0-9A-Fa-f]{4}_)", r"_x005F_\1", text)
    return "".join(
        f"_x{ord(c):04X}_" if (ord(c) < 32 and c not in "\t\n\r") or 0xD800 <= ord(c) < 0xE000
        or c in "\ufffe\uffff" else c
        for c in text
    )  # fmt: skip


# ---- the project under test --------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where the text goes, which command builds it, and how the text is expected to come out."""

    id: str
    file: str
    args: tuple[str, ...]
    output: str
    write: Callable[[Path, str, bool], str]
    expected: Callable[[str], str | None]
    """The text the .docx must hold, or None when the input must be refused."""


def yaml_field(*path: str | int) -> Callable[[Path, str, bool], str]:
    def write(file: Path, text: str, escape_all: bool) -> None:
        source = file.read_text(encoding="utf-8")
        node = YamlText(source).node(*path)
        assert node is not None, path
        edit = Edit(node.start_mark.index, node.end_mark.index, yaml_quoted(text, escape_all), path, "")
        file.write_text(apply(source, [edit])[0], encoding="utf-8")
        return text

    return write


def yaml_expected(text: str) -> str | None:
    if refused_in_yaml(text) or not nfc(text).strip():
        return None
    return nfc(text).strip()


def csv_cell(row: int, column: int) -> Callable[[Path, str, bool], str]:
    def write(file: Path, text: str, _escape_all: bool) -> None:
        rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8-sig"))))
        rows[row - 1][column - 1] = text
        out = io.StringIO()
        csv.writer(out).writerows(rows)  # as Excel writes: CR LF, a field with CR or LF quoted
        # A lone surrogate cannot be UTF-8: what lands on disk is the broken bytes other tools write.
        file.write_bytes(out.getvalue().encode("utf-8-sig", errors="surrogatepass"))
        return text

    return write


EXCEL_CELL_LIMIT = 32_767


def xlsx_cell(ref: str) -> Callable[[Path, str, bool], str]:
    def write(file: Path, text: str, _escape_all: bool) -> None:
        while len(excel_escaped(text)) > EXCEL_CELL_LIMIT:  # Excel (and openpyxl) cut a cell there
            text = text[: len(text) * 9 // 10]
        workbook = load_workbook(file)
        workbook.active[ref] = excel_escaped(text)
        workbook.save(file)
        return text

    return write


def cell_expected(text: str) -> str | None:
    clean = cleaned_cell(text)
    if any(unicodedata.category(c) == "Cs" for c in text) or not any(c.isalpha() for c in clean):
        return None
    return clean


UNITS = ("Phòng Tổng hợp", "Phòng Kinh tế", "LĐVP")


def unit_expected(text: str) -> str | None:
    """A unit must be one of the office's: after cleaning, a known unit passes, anything else is refused."""
    clean = cell_expected(text)
    return clean if clean in UNITS else None


def title_expected(_text: str) -> str | None:
    return None  # random text is no known title: refused, with its cell


PLAN = ("plan", "2024")
DECISION_1 = ("decision", "2024", "1")
DECISION_2 = ("decision", "2024", "2")
REPORT_1 = ("report", "2024", "1", "--date", "05/7/2024")
TARGETS = [
    Target("plan-purpose", "content/2024/ke-hoach.yaml", PLAN, "2024/ke-hoach-2024.docx",
           yaml_field("purposes", 0), yaml_expected),
    Target("plan-task-paragraph", "content/2024/ke-hoach.yaml", PLAN, "2024/ke-hoach-2024.docx",
           yaml_field("tasks", 0, "paragraphs", 1), yaml_expected),
    Target("decision-achievement", "content/2024/quyet-dinh-dot-1.yaml", DECISION_1, "",
           yaml_field("achievement"), yaml_expected),
    Target("report-advantage", "content/2024/bao-cao-dot-1.yaml", REPORT_1, "",
           yaml_field("situation", "advantages", 0), yaml_expected),
    Target("xlsx-name", "content/2024/khen-thuong-dot-1.xlsx", DECISION_1, "", xlsx_cell("B8"), cell_expected),
    Target("xlsx-unit", "content/2024/khen-thuong-dot-1.xlsx", DECISION_1, "", xlsx_cell("E8"), unit_expected),
    Target("xlsx-title", "content/2024/khen-thuong-dot-1.xlsx", DECISION_1, "", xlsx_cell("F8"), title_expected),
    Target("csv-name", "content/2024/khen-thuong-dot-2.csv", DECISION_2, "", csv_cell(5, 2), cell_expected),
    Target("csv-unit", "content/2024/khen-thuong-dot-2.csv", DECISION_2, "", csv_cell(5, 5), unit_expected),
    Target("csv-title", "content/2024/khen-thuong-dot-2.csv", DECISION_2, "", csv_cell(5, 6), title_expected),
]  # fmt: skip
TARGET = {t.id: t for t in TARGETS}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the project with the 2024 documents built, shared by every example."""
    root = tmp_path_factory.mktemp("text-property")
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, root / name)
    with contextlib.redirect_stdout(io.StringIO()):
        for args in COMMANDS_2024:
            assert main(["--root", str(root), *args]) == 0, args
    yield root


def run(root: Path, target: Target, text: str, escape_all: bool = False) -> None:
    """Put `text` into the target's field, build, and check the property."""
    original = (ROOT / target.file).read_bytes()
    path = root / target.file
    try:
        text = target.write(path, text, escape_all)
        before = files_under(root / "output")
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()) as out:
            code = main(["--root", str(root), *target.args])
        err_text = err.getvalue()
        assert "Traceback" not in err_text
        expected = target.expected(text)
        if code == 0:
            assert expected is not None, f"accepted what must be refused: {err_text}"
            written = re.search(r"output/(\S+\.docx)", out.getvalue())
            assert written, out.getvalue()
            docx = document_text(Document(root / "output" / written.group(1)))
            assert expected in docx, "the text is missing or changed in the document"
            return
        assert code == 2, err_text
        assert files_under(root / "output") == before, "an existing output changed on exit 2"
        located = re.search(rf"^{re.escape(target.file)}:\d+: .*", err_text, re.MULTILINE)
        assert located, f"no file:line in the message: {err_text}"
        assert any(ord(c) > 127 and c.isalpha() for c in located.group(0).split(": ", 1)[1]), err_text
        assert expected is None or len(expected) > 100_000, f"refused a text that should pass: {err_text}"
    finally:
        path.write_bytes(original)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(target_id=st.sampled_from([t.id for t in TARGETS]), text=ANY_TEXT, escape_all=st.booleans())
# what the property found, kept (each failed before its fix)
@example(target_id="xlsx-title", text='"', escape_all=False)  # matched the form without an abbreviation
@example(target_id="xlsx-name", text="a\x07b", escape_all=False)  # Excel's _x0007_ printed literally
@example(target_id="xlsx-name", text="Ma Văn\r\nToàn", escape_all=False)  # _x000D_ printed literally
@example(target_id="xlsx-name", text="a\ud800b", escape_all=False)  # _xD800_ printed literally
@example(target_id="csv-name", text="a\ud800b", escape_all=False)  # encoding error without its line
@example(target_id="csv-name", text="\rA", escape_all=False)  # a CR in a cell kept as a CR
# and the classes of the issue
@example(target_id="plan-purpose", text=unicodedata.normalize("NFD", "Nguyễn Thị Hạnh"), escape_all=True)
@example(target_id="plan-task-paragraph", text="a\ud800b", escape_all=False)
@example(target_id="decision-achievement", text="a\x85b\u2028", escape_all=False)
@example(target_id="report-advantage", text="{{ x }} {%p if x %} {{r x }} <w:t>&amp;]]>", escape_all=False)
@example(target_id="csv-title", text="Lê\u200bVăn\u00adAn\u202e", escape_all=False)
def test_text_comes_out_as_written_or_is_refused_with_its_line(
    project: Path, target_id: str, text: str, escape_all: bool
) -> None:
    run(project, TARGET[target_id], text, escape_all)


# ---- explicit cases: what must come out, what must be refused -----------------------------------

ACCEPTED = [
    ("plan-purpose", "{{ x }} {% if x %}{%p if x %}{{r x }} <w:t>&amp;]]></w:p>"),
    ("plan-purpose", unicodedata.normalize("NFD", "Nguyễn Thị Hạnh")),
    ("plan-purpose", "Lê\u200b Văn\u00ad An"),
    ("report-advantage", "Dòng 1\nDòng 2\tcột"),
    ("decision-achievement", "x" * 20_000),
    ("xlsx-name", "Nguyễn\u200b Văn <b>An</b> &amp; {{ x }}"),
    ("xlsx-unit", "Phòng\x07 Tổng hợp"),
    ("xlsx-name", "Lê Văn _x0041_ An"),  # typed literally: Excel stores it as _x005F_x0041_
    ("xlsx-name", "Ma Văn\r\nToàn"),
    ("csv-name", "Lê; Văn; An"),
    ("csv-unit", "Phòng \u202eTổng hợp\u200b"),
    ("csv-name", "Lục Thị\r\nThu Hương"),
]


@pytest.mark.parametrize(
    ("target_id", "text"), ACCEPTED, ids=[f"{t}-{i}" for i, (t, _) in enumerate(ACCEPTED)]
)
def test_hostile_text_is_printed_as_written(project: Path, target_id: str, text: str) -> None:
    target = TARGET[target_id]
    assert target.expected(text) is not None
    run(project, target, text)

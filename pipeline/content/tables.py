"""Load stage for award tables: .xlsx and .csv files as units send them.

Columns are found by their usual Vietnamese headings (STT, Họ và tên, Chức vụ, Đơn vị,
Danh hiệu / Hình thức khen thưởng ...) in a header row near the top; other columns are
ignored. Each record remembers its cells, so that a problem names the file, the sheet,
the row and the column.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.content.yamlfile import display_path
from pipeline.errors import Problem, Problems

# Record field → accepted headings (compared after normalising case, spaces and punctuation).
HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("họ và tên", "họ tên", "tên tập thể cá nhân", "tên tập thể hoặc cá nhân", "tên"),
    "form": (
        "danh hiệu hình thức khen thưởng",
        "danh hiệu hoặc hình thức khen thưởng",
        "hình thức khen thưởng",
        "danh hiệu thi đua",
        "danh hiệu",
        "hình thức",
    ),
    "recipient": ("đối tượng", "loại", "cá nhân tập thể", "tập thể cá nhân"),
    "position": ("chức vụ", "chức danh", "chức vụ chức danh"),
    "unit": ("đơn vị", "đơn vị công tác", "phòng đơn vị"),
    "grounds": ("thành tích", "lý do", "căn cứ", "thành tích đề nghị khen thưởng"),
}
REQUIRED = ("name", "form")
RECIPIENT_WORDS = {"cá nhân": "cá nhân", "cn": "cá nhân", "tập thể": "tập thể", "tt": "tập thể"}
HEADER_SEARCH_ROWS = 10


def column_letter(number: int) -> str:
    """1 → A, 27 → AA, as spreadsheets name columns."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def normalise_heading(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


_HEADING_FIELDS = {normalise_heading(h): name for name, options in HEADINGS.items() for h in options}


@dataclass(frozen=True, eq=False)
class CellLoc:
    """Where a table record was written; `at(field)` points at that field's cell."""

    file: str
    sheet: str | None
    row: int
    columns: dict[str, tuple[int, str]] = field(default_factory=dict, repr=False)
    column: int | None = None
    heading: str = ""

    def at(self, *keys: str | int) -> CellLoc:
        name = keys[0] if keys and isinstance(keys[0], str) else None
        if name not in self.columns:
            return self
        column, heading = self.columns[name]
        return CellLoc(self.file, self.sheet, self.row, self.columns, column, heading)

    @property
    def line(self) -> int:
        return self.row

    @property
    def field(self) -> str:
        sheet = f"{self.sheet}!" if self.sheet else ""
        if self.column is None:
            return f"{sheet}dòng {self.row}"
        return f"{sheet}{column_letter(self.column)}{self.row} “{self.heading}”"


@dataclass(frozen=True)
class TableRecord:
    values: dict[str, str]
    loc: CellLoc


def read_table(path: Path, root: Path, problems: Problems) -> list[TableRecord]:
    """Award rows of a .xlsx or .csv file; problems are recorded, bad files give no rows."""
    name = display_path(path, root)
    if not path.is_file():
        problems.extend([Problem(name, None, "", "không tìm thấy tệp danh sách khen thưởng")])
        return []
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        sheets = _xlsx_sheets(path, name, problems)
    elif suffix == ".csv":
        sheets = _csv_sheet(path, name, problems)
    else:
        problems.extend([Problem(name, None, "", "chỉ đọc được tệp .xlsx hoặc .csv")])
        return []
    records: list[TableRecord] = []
    found_header = False
    for sheet, rows in sheets:
        header = _find_header(rows)
        if header is None:
            continue
        found_header = True
        records.extend(_records(name, sheet, rows, header, problems))
    if not found_header and not any(p.file == name for p in problems.items):
        wanted = " và ".join(f"“{HEADINGS[f][0].capitalize()}”" for f in REQUIRED)
        problems.extend([Problem(name, None, "", f"không thấy dòng tiêu đề có cột {wanted}")])
    return records


Rows = list[tuple[int, list[str]]]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _xlsx_sheets(path: Path, name: str, problems: Problems) -> Iterator[tuple[str | None, Rows]]:
    from openpyxl import load_workbook  # heavy: only when a workbook is read

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        problems.extend([Problem(name, None, "", f"không mở được tệp Excel: {exc}")])
        return
    try:
        for sheet in workbook.worksheets:
            rows = [
                (index, [_cell_text(v) for v in values])
                for index, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            yield sheet.title, rows
    finally:
        workbook.close()


def _csv_sheet(path: Path, name: str, problems: Problems) -> Iterator[tuple[str | None, Rows]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.extend(
            [Problem(name, None, "", "tệp CSV không ở mã UTF-8 (trong Excel: Lưu dưới dạng CSV UTF-8)")]
        )
        return
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    yield None, [(index, [_cell_text(v) for v in row]) for index, row in enumerate(reader, start=1)]


def _find_header(rows: Rows) -> tuple[int, dict[str, tuple[int, str]]] | None:
    for index, cells in rows[:HEADER_SEARCH_ROWS]:
        columns: dict[str, tuple[int, str]] = {}
        for column, text in enumerate(cells, start=1):
            field_name = _HEADING_FIELDS.get(normalise_heading(text))
            if field_name and field_name not in columns:
                columns[field_name] = (column, text)
        if all(f in columns for f in REQUIRED):
            return index, columns
    return None


def _records(
    name: str,
    sheet: str | None,
    rows: Rows,
    header: tuple[int, dict[str, tuple[int, str]]],
    problems: Problems,
) -> Iterator[TableRecord]:
    header_row, columns = header
    for index, cells in rows:
        if index <= header_row or not any(cells):
            continue
        values = {f: cells[c - 1] if c - 1 < len(cells) else "" for f, (c, _h) in columns.items()}
        loc = CellLoc(name, sheet, index, columns)
        if not values["name"] and not values["form"]:
            continue  # a footer or a note under the table
        if normalise_heading(values["name"]).startswith(("tổng", "cộng")):
            continue
        if values.get("recipient"):
            word = RECIPIENT_WORDS.get(normalise_heading(values["recipient"]))
            if word is None:
                problems.add(loc.at("recipient"), f"“{values['recipient']}” phải là “Cá nhân” hoặc “Tập thể”")
                continue
            values["recipient"] = word
        yield TableRecord({k: v for k, v in values.items() if v}, loc)

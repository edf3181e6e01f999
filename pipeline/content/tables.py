"""Award tables: .xlsx and .csv files as units send them.

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

from pipeline.errors import Problem, Problems, display_path, escape_invisible, os_reason

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
    "identifier": ("mã", "mã cán bộ", "mã định danh", "mã số cán bộ"),
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


@dataclass(frozen=True)
class TableSpec:
    """The columns of one kind of table: accepted headings per field, and the fields it must have."""

    headings: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    what: str = "danh sách khen thưởng"

    @property
    def fields(self) -> dict[str, str]:
        return {normalise_heading(h): name for name, options in self.headings.items() for h in options}


AWARD_TABLE = TableSpec(HEADINGS, REQUIRED)

# Records of awards made elsewhere (the award register): the award columns plus year and document.
REGISTER_HEADINGS: dict[str, tuple[str, ...]] = {
    **HEADINGS,
    "year": ("năm", "năm khen thưởng", "năm đạt"),
    "document": ("số quyết định", "quyết định", "số ký hiệu quyết định", "văn bản quyết định"),
    "decided_on": ("ngày quyết định", "ngày ký"),
}
REGISTER_TABLE = TableSpec(REGISTER_HEADINGS, ("name", "form", "year", "document"), "sổ khen thưởng")

# Yearly staff evaluations: name, unit, level; the year from the column or from the folder.
EVALUATION_HEADINGS: dict[str, tuple[str, ...]] = {
    "name": HEADINGS["name"],
    "unit": HEADINGS["unit"],
    "position": HEADINGS["position"],
    "identifier": HEADINGS["identifier"],
    "year": REGISTER_HEADINGS["year"],
    "evaluation": ("xếp loại", "mức xếp loại", "kết quả đánh giá", "đánh giá", "xếp loại chất lượng"),
}
EVALUATION_TABLE = TableSpec(EVALUATION_HEADINGS, ("name", "evaluation"), "danh sách đánh giá, xếp loại")

_HEADING_FIELDS = AWARD_TABLE.fields


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


# What Excel shows in a cell whose formula failed; such a cell is refused, never read as a name.
EXCEL_ERRORS = frozenset(
    {
        *("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!"),
        *("#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!"),
    }
)
CSV_FIELD_LIMIT = 128 * 1024
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE container: legacy .xls, or an encrypted .xlsx
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_KEEP_CONTROLS = frozenset("\t\n\r")


def is_invisible(char: str) -> bool:
    """Zero-width and bidi marks, soft hyphen, BOM (format characters) and control characters."""
    return char not in _KEEP_CONTROLS and unicodedata.category(char) in ("Cf", "Cc")


def has_invisible(text: str) -> bool:
    return not text.isprintable() and any(is_invisible(c) for c in text)  # isprintable: the fast path


def strip_invisible(text: str) -> str:
    if text.isprintable():
        return unicodedata.normalize("NFC", text).strip()
    return unicodedata.normalize("NFC", "".join(c for c in text if not is_invisible(c))).strip()


@dataclass
class Sheet:
    """One sheet, sparse: only cells with text are kept, so a stray far cell costs nothing."""

    title: str | None
    rows: dict[int, dict[int, str]] = field(default_factory=dict)
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as (min_col, min_row, max_col, max_row)."""
    cells_visited: int = 0

    @property
    def label(self) -> str | None:
        return escape_invisible(self.title) if self.title is not None else None


def read_award_table(path: Path, root: Path, problems: Problems) -> list[TableRecord]:
    """Award rows of a .xlsx or .csv file; problems are recorded, bad files give no rows."""
    return read_table(path, root, problems, AWARD_TABLE)


def read_table(path: Path, root: Path, problems: Problems, spec: TableSpec) -> list[TableRecord]:
    """Rows of a .xlsx or .csv file with the columns of `spec`; bad files give no rows."""
    name = display_path(path, root)
    trouble = _file_problem(path, spec.what)
    if trouble:
        problems.extend([Problem(name, None, "", trouble)])
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
    for sheet in sheets:
        header = _find_header(sheet, spec)
        if sheet.hidden:
            _warn_hidden_sheet(name, sheet, header, problems, spec)
            continue
        if header is None:
            continue
        found_header = True
        if _hidden_headings(name, sheet, header, problems, spec):
            continue
        records.extend(_records(name, sheet, header, problems, spec))
    if not found_header and not any(p.file == name for p in problems.items):
        wanted = " và ".join(f"“{spec.headings[f][0].capitalize()}”" for f in spec.required)
        problems.extend([Problem(name, None, "", f"không thấy dòng tiêu đề có cột {wanted}")])
    return records


def _file_problem(path: Path, what: str = AWARD_TABLE.what) -> str | None:
    """Why the file cannot be read as an award list, before any parser sees it."""
    if path.is_dir():
        return f"đây là một thư mục, không phải tệp {what}"
    if not path.is_file():
        return f"không tìm thấy tệp {what}"
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as exc:
        return f"không đọc được tệp ({os_reason(exc)})"
    if size == 0:
        return "tệp rỗng (0 byte): hãy lưu lại danh sách từ Excel"
    suffix = path.suffix.lower()
    if start == _CFB_MAGIC:
        if suffix != ".csv" and _ENCRYPTION_STREAM in path.read_bytes():
            return (
                "tệp Excel có đặt mật khẩu nên không đọc được: hãy mở bằng Excel, bỏ mật khẩu "
                "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu) rồi lưu lại"
            )
        return "đây là tệp Excel 97-2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx (Sổ làm việc Excel)"
    if suffix == ".xls":
        return "chỉ đọc được tệp .xlsx hoặc .csv: hãy mở bằng Excel và lưu lại dạng .xlsx"
    return None


def _cell_text(value: Any, excel: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        if excel and "_x" in value:
            value = excel_unescape(value)
        value = value.replace("\r\n", "\n").replace("\r", "\n")  # a line break, however written
    return unicodedata.normalize("NFC", str(value)).strip()


_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_unescape(text: str) -> str:
    """The characters Excel writes as `_xHHHH_` in a workbook (a CR as `_x000D_`; `_x005F_` is "_").

    Surrogate pairs are joined; a lone surrogate stays, to be refused with its cell.
    """
    text = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _xlsx_sheets(path: Path, name: str, problems: Problems) -> Iterator[Sheet]:
    import warnings
    import zipfile

    from openpyxl import load_workbook  # heavy: only when a workbook is read

    if not zipfile.is_zipfile(path):
        problems.extend([Problem(name, None, "", "tệp hỏng hoặc không phải tệp Excel .xlsx")])
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on unsupported extensions
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        problems.extend(
            [Problem(name, None, "", "tệp Excel bị hỏng, không mở được (mở bằng Excel rồi lưu lại)")]
        )
        return
    try:
        for worksheet in workbook.worksheets:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    sheet = _read_sheet(workbook, worksheet)
            except Exception:
                title = escape_invisible(worksheet.title)
                problems.extend([Problem(name, None, title, "trang tính bị hỏng, không đọc được")])
                continue
            yield sheet
    finally:
        workbook.close()


def _read_sheet(workbook: Any, worksheet: Any) -> Sheet:
    """Stream one sheet's XML once: cells with text, hidden rows and merged ranges.

    openpyxl's read-only rows pad every row to the sheet's dimension (a stray value in XFD1048576
    makes 17 billion cells) and give no hidden rows or merges; its parser, driven here the way
    `ReadOnlyWorksheet` drives it, gives all three while reading only the cells that exist.
    """
    from openpyxl.worksheet._reader import WorkSheetParser  # openpyxl is pinned in pyproject.toml

    sheet = Sheet(worksheet.title, hidden=worksheet.sheet_state != "visible")
    with workbook._archive.open(worksheet._worksheet_path) as source:
        parser = WorkSheetParser(
            source,
            workbook.shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for index, cells in parser.parse():
            sheet.cells_visited += len(cells)
            texts = {c["column"]: text for c in cells if (text := _cell_text(c["value"], excel=True))}
            if texts:
                sheet.rows[index] = texts
    sheet.hidden_rows = {
        int(row) for row, attrs in parser.row_dimensions.items() if attrs.get("hidden") in ("1", "true")
    }
    used = {c for cells in sheet.rows.values() for c in cells}
    for attrs in parser.column_dimensions.values():  # <col min max hidden width>; width 0 hides too
        if attrs.get("hidden") in ("1", "true") or _float(attrs.get("width")) == 0:
            first, last = int(attrs["min"]), int(attrs.get("max", attrs["min"]))
            sheet.hidden_columns.update(c for c in used if first <= c <= last)
    if parser.merged_cells is not None:
        sheet.merged = [tuple(m.bounds) for m in parser.merged_cells.mergeCell]  # type: ignore[misc]
    return sheet


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _csv_sheet(path: Path, name: str, problems: Problems) -> Iterator[Sheet]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = "tệp CSV không ở mã UTF-8 (trong Excel: Lưu dưới dạng CSV UTF-8)"
        problems.extend([Problem(name, line, "", message)])
        return
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    sheet = Sheet(None)
    limit = csv.field_size_limit(CSV_FIELD_LIMIT)
    index = 0
    try:
        for index, row in enumerate(reader, start=1):
            sheet.cells_visited += len(row)
            texts = {c: text for c, value in enumerate(row, start=1) if (text := _cell_text(value))}
            if texts:
                sheet.rows[index] = texts
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            message = "có một ô dài hơn 128 KB: tệp CSV bị hỏng hoặc thiếu dấu ngoặc kép đóng"
        else:
            message = "dòng này không đọc được: tệp CSV bị hỏng (ký tự lạ hoặc dấu ngoặc kép sai)"
        problems.extend([Problem(name, index + 1, "", message)])
        return
    finally:
        csv.field_size_limit(limit)
    yield sheet


def _find_header(
    sheet: Sheet, spec: TableSpec = AWARD_TABLE
) -> tuple[int, dict[str, tuple[int, str]]] | None:
    """The heading row and the columns read: a hidden column is never read (see `_hidden_headings`)."""
    known = _HEADING_FIELDS if spec is AWARD_TABLE else spec.fields
    for index in sorted(i for i in sheet.rows if i <= HEADER_SEARCH_ROWS):
        columns: dict[str, tuple[int, str]] = {}
        seen: set[str] = set()
        for column, text in sorted(sheet.rows[index].items()):
            field_name = known.get(normalise_heading(strip_invisible(text)))
            if field_name:
                seen.add(field_name)
                if field_name not in columns and column not in sheet.hidden_columns:
                    columns[field_name] = (column, text)
        if all(f in seen for f in spec.required):
            return index, columns
    return None


def _hidden_headings(
    name: str,
    sheet: Sheet,
    header: tuple[int, dict[str, tuple[int, str]]],
    problems: Problems,
    spec: TableSpec = AWARD_TABLE,
) -> bool:
    """Report recognised columns hidden in Excel; True when the sheet cannot be read.

    The clerk does not see a hidden column, so it is never read: with a visible column of the same
    heading, that one is read and the hidden one named in a warning; without one, the hidden
    column's text would be either printed unseen or dropped, so it is refused.
    """
    header_row, columns = header
    known = _HEADING_FIELDS if spec is AWARD_TABLE else spec.fields
    refused = False
    for column in sorted(sheet.hidden_columns):
        text = sheet.rows[header_row].get(column)
        field_name = known.get(normalise_heading(strip_invisible(text))) if text else None
        if field_name is None:
            continue
        loc = CellLoc(name, sheet.label, header_row, {field_name: (column, text or "")}).at(field_name)
        if field_name in columns:
            used = column_letter(columns[field_name][0])
            message = f"cột {column_letter(column)} đang ẩn nên không đọc; đọc cột {used} cùng tiêu đề"
            problems.warn(loc, message)
        else:
            problems.add(
                loc,
                f"cột {column_letter(column)} đang ẩn: chương trình không đọc cột ẩn; hãy bỏ ẩn cột "
                "(nếu cần in nội dung này) hoặc xóa cột",
            )
            refused = True
    return refused


def _is_footer(values: dict[str, str], spec: TableSpec = AWARD_TABLE) -> bool:
    """A row with no title is a footer or a note when it has no name or a name like "Tổng cộng"."""
    if any(values.get(f) for f in spec.required if f != "name"):
        return False
    return not values["name"] or normalise_heading(values["name"]).startswith(("tổng", "cộng"))


def _row_values(cells: dict[int, str], columns: dict[str, tuple[int, str]]) -> dict[str, str]:
    return {f: cells.get(c, "") for f, (c, _h) in columns.items()}


def _warn_hidden_sheet(
    name: str,
    sheet: Sheet,
    header: tuple[int, dict[str, tuple[int, str]]] | None,
    problems: Problems,
    spec: TableSpec = AWARD_TABLE,
) -> None:
    if header is None:
        count = len(sheet.rows)
    else:
        header_row, columns = header
        count = sum(
            1
            for index, cells in sheet.rows.items()
            if index > header_row and not _is_footer(_row_values(cells, columns), spec)
        )
    if count:
        problems.warnings.append(
            Problem(
                name,
                None,
                sheet.label or "",
                f"trang tính đang ẩn: bỏ qua {count} dòng, không khen thưởng ai trên trang này "
                "(nếu cần, hãy bỏ ẩn trang tính rồi chạy lại)",
            )
        )


def _merge_ref(bounds: tuple[int, int, int, int]) -> str:
    min_col, min_row, max_col, max_row = bounds
    return f"{column_letter(min_col)}{min_row}:{column_letter(max_col)}{max_row}"


def _records(
    name: str,
    sheet: Sheet,
    header: tuple[int, dict[str, tuple[int, str]]],
    problems: Problems,
    spec: TableSpec = AWARD_TABLE,
) -> list[TableRecord]:
    header_row, columns = header
    field_of_column = {c: f for f, (c, _h) in columns.items()}
    # Merges below the heading that hide a value from some row: over several rows, or over
    # several read columns, of a column the program reads.
    bad_merges = []
    for bounds in sheet.merged:
        min_col, min_row, max_col, max_row = bounds
        read = [c for c in field_of_column if min_col <= c <= max_col]
        if min_row > header_row and read and (max_row > min_row or len(read) > 1):
            bad_merges.append(bounds)
    reported: set[tuple[int, int, int, int]] = set()
    hidden: list[tuple[int, str]] = []
    records: list[TableRecord] = []
    for index in sorted(sheet.rows):
        if index <= header_row:
            continue
        values = _row_values(sheet.rows[index], columns)
        loc = CellLoc(name, sheet.label, index, columns)
        if _is_footer(values, spec):
            continue  # a footer or a note under the table
        if index in sheet.hidden_rows:
            hidden.append((index, strip_invisible(values["name"]) or values.get("form", "")))
            continue
        merge = next((b for b in bad_merges if b[1] <= index <= b[3]), None)
        if merge is not None:
            if merge not in reported:
                reported.add(merge)
                first = sheet.rows.get(merge[1], {}).get(merge[0], "")
                problems.extend(
                    [
                        Problem(
                            name,
                            merge[1],
                            f"{sheet.label}!{_merge_ref(merge)}" if sheet.label else _merge_ref(merge),
                            f"ô gộp (Merge): chỉ ô đầu {column_letter(merge[0])}{merge[1]} có giá trị "
                            f"(“{escape_invisible(first)}”), các ô còn lại bị đọc là trống; hãy bỏ gộp ô "
                            "và ghi đủ vào từng dòng",
                        )
                    ]
                )
            continue
        if _refused(values, loc, problems):
            continue
        if values.get("recipient"):
            word = RECIPIENT_WORDS.get(normalise_heading(values["recipient"]))
            if word is None:
                problems.add(loc.at("recipient"), f"“{values['recipient']}” phải là “Cá nhân” hoặc “Tập thể”")
                continue
            values["recipient"] = word
        records.append(TableRecord({k: v for k, v in values.items() if v}, loc))
    if hidden:
        rows = ", ".join(str(i) for i, _ in hidden)
        names = ", ".join(f"“{n}”" for _, n in hidden[:10]) + (" …" if len(hidden) > 10 else "")
        problems.warn(
            CellLoc(name, sheet.label, hidden[0][0]),
            f"bỏ qua {len(hidden)} dòng đang ẩn (do bộ lọc hoặc ẩn dòng), không khen thưởng: {names} "
            f"(dòng {rows}; nếu cần, hãy bỏ lọc, bỏ ẩn rồi chạy lại)",
        )
    return records


_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate (category Cs): text that cannot be written to a .docx."""


def _refused(values: dict[str, str], loc: CellLoc, problems: Problems) -> bool:
    """Refuse Excel error values, lone surrogates and names without letters; remove invisible
    characters (warning)."""
    refused = False
    for key, text in list(values.items()):
        if text.upper() in EXCEL_ERRORS:
            problems.add(loc.at(key), f"ô có giá trị lỗi {text} của Excel: sửa công thức hoặc ghi giá trị")
            refused = True
            continue
        found = _SURROGATE.search(text)
        if found is not None:
            broken = found.group()
            problems.add(
                loc.at(key),
                f"ô có ký tự không hợp lệ {escape_invisible(broken)} (nửa cặp UTF-16): hãy gõ lại nội dung ô",
            )
            refused = True
            continue
        clean = strip_invisible(text)
        if has_invisible(text):
            problems.warn(loc.at(key), f"đã bỏ ký tự ẩn trong “{escape_invisible(text)}”, đọc là “{clean}”")
            values[key] = clean
    name = values["name"]
    if name and not refused and not any(c.isalpha() for c in name):
        problems.add(loc.at("name"), f"“{name}” không phải họ tên: không có chữ cái nào")
        refused = True
    return refused

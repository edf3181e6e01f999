"""Award lists (.xlsx/.csv) a clerk may send: what the program reads is what the clerk sees.

Each bad file is a `Case` run through `tdkt`: exit code, the Vietnamese message with file, sheet,
row and cell, no traceback, earlier outputs unchanged. Warning cases (exit 0) change nothing in
the document; what the document then holds is checked by the plain tests below.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from pipeline.content import tables
from pipeline.content.project import Project
from pipeline.documents.registry import render_decision
from pipeline.documents.year import load_decision
from pipeline.errors import ContentError, Problems

from .bad_input import Case, broken_project, built_2024, run_case  # noqa: F401
from .conftest import edit

D1 = "content/2024/quyet-dinh-dot-1.yaml"
XLSX1 = "content/2024/khen-thuong-dot-1.xlsx"
CSV2 = "content/2024/khen-thuong-dot-2.csv"
SHEET = "Giấy khen đợt 1"
FORM_F = "“Danh hiệu / Hình thức khen thưởng”"
DECISION_1 = ("decision", "2024", "1")
DECISION_2 = ("decision", "2024", "2")
UP = os.pardir  # spelled so that test_portability's search for parent paths in code skips it
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ---- setups -----------------------------------------------------------------------------------


def set_cells(**cells: object):
    """Write cells (A1-style keys) into period 1's workbook."""

    def setup(root: Path) -> None:
        workbook = load_workbook(root / XLSX1)
        for ref, value in cells.items():
            workbook.active[ref] = value
        workbook.save(root / XLSX1)

    return setup


def merge(ref: str):
    def setup(root: Path) -> None:
        workbook = load_workbook(root / XLSX1)
        workbook.active.merge_cells(ref)
        workbook.save(root / XLSX1)

    return setup


def csv_cell(row: int, column: int, value: str):
    """Replace one cell of period 2's CSV (1-based row and column)."""

    def setup(root: Path) -> None:
        path = root / CSV2
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        cells = lines[row - 1].split(",")
        cells[column - 1] = value
        lines[row - 1] = ",".join(cells)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")

    return setup


def append_csv(*cells: str):
    def setup(root: Path) -> int:
        path = root / CSV2
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        lines.append(",".join([str(len(lines)), *cells]))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
        return len(lines)

    return setup


def table_bytes(data: bytes, name: str = "khen-thuong-dot-1.xlsx"):
    """Period 1's list is `name` holding `data`."""

    def setup(root: Path) -> None:
        (root / XLSX1).unlink()
        (root / "content/2024" / name).write_bytes(data)
        if name != "khen-thuong-dot-1.xlsx":
            edit(root / D1, "  - khen-thuong-dot-1.xlsx", f"  - {name}")

    return setup


def csv_bytes(data: bytes):
    def setup(root: Path) -> None:
        (root / CSV2).write_bytes(data)

    return setup


def award_file(name: str):
    def setup(root: Path) -> int:
        return edit(root / D1, "  - khen-thuong-dot-1.xlsx", f"  - '{name}'")

    return setup


def folder_instead_of_file(root: Path) -> None:
    (root / XLSX1).unlink()
    (root / XLSX1).mkdir()


def symlink_out(root: Path) -> int:
    outside = root / "elsewhere.xlsx"
    outside.write_bytes((root / XLSX1).read_bytes())
    os.symlink(outside, root / "content/2024/lien-ket.xlsx")
    return edit(root / D1, "  - khen-thuong-dot-1.xlsx", "  - lien-ket.xlsx")


def zip_without_workbook(root: Path) -> None:
    with zipfile.ZipFile(root / XLSX1, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")


def broken_sheet_xml(root: Path) -> None:
    path = root / XLSX1
    with zipfile.ZipFile(path) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    sheet = next(n for n in entries if n.startswith("xl/worksheets/sheet"))
    entries[sheet] = entries[sheet][: len(entries[sheet]) // 2]
    with zipfile.ZipFile(path, "w") as target:
        for entry, data in entries.items():
            target.writestr(entry, data)


def hidden_sheet(root: Path) -> None:
    """An old list of 26 people left on a hidden sheet."""
    workbook = load_workbook(root / XLSX1)
    old = workbook.create_sheet("Năm 2023")
    old.append(["STT", "Họ và tên", "Đối tượng", "Chức vụ", "Đơn vị", "Danh hiệu / Hình thức khen thưởng"])
    for i in range(26):
        old.append([i + 1, f"Người Cũ {chr(65 + i)}", "Cá nhân", "Chuyên viên", "Phòng Kinh tế", "Giấy khen"])
    old.sheet_state = "hidden"
    workbook.save(root / XLSX1)


def hidden_row(filtered: bool):
    def setup(root: Path) -> None:
        workbook = load_workbook(root / XLSX1)
        sheet = workbook.active
        sheet.append([31, "Nguyễn Văn Ẩn", "Cá nhân", "Chuyên viên", "Phòng Kinh tế", "Giấy khen"])
        sheet.row_dimensions[sheet.max_row].hidden = True
        if filtered:
            sheet.auto_filter.ref = f"A3:G{sheet.max_row}"
        workbook.save(root / XLSX1)

    return setup


def hide_columns(*letters: str):
    """Hide columns of period 1's list in Excel (Format > Hide)."""

    def setup(root: Path) -> None:
        workbook = load_workbook(root / XLSX1)
        for letter in letters:
            workbook.active.column_dimensions[letter].hidden = True
        workbook.save(root / XLSX1)

    return setup


def name_column_dragged_to_zero_width(root: Path) -> None:
    """Column B dragged shut: Excel writes width 0 (openpyxl would drop it, so the XML is edited)."""
    path = root / XLSX1
    with zipfile.ZipFile(path) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    old = b'<col width="28" customWidth="1" min="2" max="2"/>'
    assert old in entries[sheet]
    entries[sheet] = entries[sheet].replace(old, b'<col width="0" customWidth="1" min="2" max="2"/>')
    with zipfile.ZipFile(path, "w") as target:
        for entry, data in entries.items():
            target.writestr(entry, data)


def old_titles_in_a_hidden_column(root: Path) -> None:
    """Column F (hidden) keeps last year's titles; the clerk typed this year's into a visible H."""
    workbook = load_workbook(root / XLSX1)
    sheet = workbook.active
    for row in range(3, sheet.max_row + 1):
        sheet[f"H{row}"] = sheet[f"F{row}"].value
        if row > 3 and sheet[f"F{row}"].value:
            sheet[f"F{row}"] = "Chiến sĩ thi đua cơ sở"
    sheet.column_dimensions["F"].hidden = True
    workbook.save(root / XLSX1)


def hidden_notes_column(root: Path) -> None:
    workbook = load_workbook(root / XLSX1)
    sheet = workbook.active
    sheet["H3"] = "Ghi chú"
    sheet["H5"] = "đã xác minh"
    sheet.column_dimensions["H"].hidden = True
    workbook.save(root / XLSX1)


def stray_last_cell(root: Path) -> None:
    workbook = load_workbook(root / XLSX1)
    workbook.active["XFD1048576"] = "x"
    workbook.save(root / XLSX1)


# ---- cases ------------------------------------------------------------------------------------

X = f"{XLSX1}:"
CASES = [
    # Excel error values, in every column that is read
    Case("error-na-in-title", DECISION_1, f"{X}5: {SHEET}!F5 {FORM_F}: ô có giá trị lỗi #N/A của Excel",
         set_cells(F5="#N/A")),
    Case("error-ref-in-name", DECISION_1, f"{X}6: {SHEET}!B6 “Họ và tên”: ô có giá trị lỗi #REF! của Excel",
         set_cells(B6="#REF!")),
    Case("error-value-in-unit", DECISION_1, f"{X}8: {SHEET}!E8 “Đơn vị”: ô có giá trị lỗi #VALUE!",
         set_cells(E8="#VALUE!")),
    Case("error-div0-in-position", DECISION_1, f"{X}9: {SHEET}!D9 “Chức vụ”: ô có giá trị lỗi #DIV/0!",
         set_cells(D9="#DIV/0!")),
    Case("error-name-in-kind", DECISION_1, f"{X}10: {SHEET}!C10 “Đối tượng”: ô có giá trị lỗi #NAME?",
         set_cells(C10="#NAME?")),
    Case("error-na-as-csv-text", DECISION_2, f"{CSV2}:4: B4 “Họ và tên”: ô có giá trị lỗi #N/A của Excel",
         csv_cell(4, 2, "#N/A")),
    # names without letters
    Case("name-is-a-number-xlsx", DECISION_1, f"{X}7: {SHEET}!B7 “Họ và tên”: “12345” không phải họ tên",
         set_cells(B7=12345)),
    Case("name-is-digits-csv", DECISION_2, f"{CSV2}:5: B5 “Họ và tên”: “12345” không phải họ tên: không có chữ cái",
         csv_cell(5, 2, "12345")),
    Case("name-is-punctuation", DECISION_2, f"{CSV2}:5: B5 “Họ và tên”: “- - -” không phải họ tên",
         csv_cell(5, 2, "- - -")),
    # merged cells
    Case("merged-title-over-rows", DECISION_1, f"{X}5: {SHEET}!F5:F7: ô gộp (Merge): chỉ ô đầu F5 có giá trị",
         merge("F5:F7")),
    Case("merged-name-and-kind", DECISION_1, f"{X}8: {SHEET}!B8:C8: ô gộp (Merge)", merge("B8:C8")),
    # unreadable files
    Case("legacy-xls", DECISION_1, f"{D1[:13]}khen-thuong-dot-1.xls: đây là tệp Excel 97-2003 (.xls): hãy mở "
         "bằng Excel và lưu lại dạng .xlsx", table_bytes(CFB + bytes(504), "khen-thuong-dot-1.xls")),
    Case("xls-named-xlsx", DECISION_1, f"{XLSX1}: đây là tệp Excel 97-2003 (.xls)", table_bytes(CFB + bytes(504))),
    Case("password-protected", DECISION_1, f"{XLSX1}: tệp Excel có đặt mật khẩu nên không đọc được",
         table_bytes(CFB + bytes(56) + "EncryptionInfo".encode("utf-16-le") + bytes(420))),
    Case("not-a-zip", DECISION_1, f"{XLSX1}: tệp hỏng hoặc không phải tệp Excel .xlsx",
         table_bytes(b"PK\x03\x04 this is not really a zip" * 10)),
    Case("zip-without-workbook", DECISION_1, f"{XLSX1}: tệp Excel bị hỏng, không mở được", zip_without_workbook),
    Case("broken-sheet-xml", DECISION_1, f"{XLSX1}: {SHEET}: trang tính bị hỏng, không đọc được",
         broken_sheet_xml),
    Case("zero-byte-xlsx", DECISION_1, f"{XLSX1}: tệp rỗng (0 byte)", table_bytes(b"")),
    Case("zero-byte-csv", DECISION_2, f"{CSV2}: tệp rỗng (0 byte)", csv_bytes(b"")),
    Case("folder-named-like-the-file", DECISION_1, f"{XLSX1}: đây là một thư mục, không phải tệp",
         folder_instead_of_file),
    Case("csv-not-utf8", DECISION_2, f"{CSV2}:1: tệp CSV không ở mã UTF-8",
         csv_bytes("STT,Họ và tên,Danh hiệu\n1,Lê Thị Cúc,LĐTT\n".encode("cp1258", errors="replace"))),
    Case("csv-field-over-128kb", DECISION_2, f"{CSV2}:2: có một ô dài hơn 128 KB",
         csv_bytes(b"STT,H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan,Danh hi\xe1\xbb\x87u\n1,\"" + b"a" * 200_000 + b"\n")),
    # award_files pointing outside the year's folder
    Case("award-file-absolute", DECISION_1, f"{D1}:{{line}}: award_files[0]: “/etc/passwd”: tệp danh sách phải "
         "nằm trong thư mục 2024/", award_file("/etc/passwd")),
    Case("award-file-dot-dot", DECISION_1, f"{D1}:{{line}}: award_files[0]: “{UP}/shared/x.xlsx”: tệp danh sách",
         award_file(f"{UP}/shared/x.xlsx")),
    Case("award-file-backslash-dot-dot", DECISION_1, f"{D1}:{{line}}: award_files[0]: “..\\x.xlsx”: tệp",
         award_file("..\\x.xlsx")),
    Case("award-file-windows-drive", DECISION_1, f"{D1}:{{line}}: award_files[0]: “C:/x.xlsx”: tệp danh sách",
         award_file("C:/x.xlsx")),
    Case("award-file-symlink-out", DECISION_1, f"{D1}:{{line}}: award_files[0]: “lien-ket.xlsx”: tệp danh sách "
         "phải nằm trong thư mục 2024/", symlink_out),
    # the same person twice, once with a zero-width space
    Case("zero-width-duplicate", DECISION_2, f"{CSV2}:{{line}}: B{{line}} “Họ và tên”: Hà Đức Anh đã được khen "
         "“Lao động tiên tiến” năm 2024",
         append_csv("Hà\u200b Đức Anh", "Cá nhân", "Chuyên viên", "Phòng Tổng hợp", "LĐTT", "")),
    # warnings: the build goes on and the document is the same as before
    Case("hidden-sheet-skipped", DECISION_1, f"Cảnh báo: {XLSX1}: Năm 2023: trang tính đang ẩn: bỏ qua 26 dòng",
         hidden_sheet, code=0),
    Case("hidden-row-skipped", DECISION_1, f"Cảnh báo: {X}36: {SHEET}!dòng 36: bỏ qua 1 dòng đang ẩn (do bộ lọc "
         "hoặc ẩn dòng), không khen thưởng: “Nguyễn Văn Ẩn”", hidden_row(False), code=0),
    Case("filtered-row-skipped", DECISION_1, "bỏ qua 1 dòng đang ẩn", hidden_row(True), code=0),
    Case("zero-width-space-removed", DECISION_1, f"Cảnh báo: {X}8: {SHEET}!B8 “Họ và tên”: đã bỏ ký tự ẩn trong "
         "“Ma\\u200b Văn Toàn”, đọc là “Ma Văn Toàn”", set_cells(B8="Ma\u200b Văn Toàn"), code=0),
    Case("soft-hyphen-and-bom-removed", DECISION_2, f"Cảnh báo: {CSV2}:4: B4 “Họ và tên”: đã bỏ ký tự ẩn trong "
         "“\\ufeffMa Văn To\\u00adàn”", csv_cell(4, 2, "\ufeffMa Văn To\u00adàn"), code=0),
    Case("bidi-marks-removed", DECISION_1, f"{X}8: {SHEET}!E8 “Đơn vị”: đã bỏ ký tự ẩn trong "
         "“\\u202bPhòng Tổng hợp\\u200e\\u2060”", set_cells(E8="\u202bPhòng Tổng hợp\u200e\u2060"), code=0),
    Case("control-character-removed", DECISION_2, f"{CSV2}:4: E4 “Đơn vị”: đã bỏ ký tự ẩn trong "
         "“Phòng Tổng\\u0007 hợp”", csv_cell(4, 5, "Phòng Tổng\u0007 hợp"), code=0),
    Case("stray-value-in-the-last-cell", DECISION_1, "", stray_last_cell, code=0),
    # columns hidden in Excel: never read; refused when no visible column has the heading
    Case("hidden-title-column", DECISION_1, f"{X}3: {SHEET}!F3 {FORM_F}: cột F đang ẩn: chương trình không đọc "
         "cột ẩn; hãy bỏ ẩn cột", hide_columns("F")),
    Case("hidden-unit-column", DECISION_1, f"{X}3: {SHEET}!E3 “Đơn vị”: cột E đang ẩn", hide_columns("E")),
    Case("hidden-grounds-column", DECISION_1, f"{X}3: {SHEET}!G3 “Thành tích”: cột G đang ẩn", hide_columns("G")),
    Case("zero-width-name-column", DECISION_1, f"{X}3: {SHEET}!B3 “Họ và tên”: cột B đang ẩn",
         name_column_dragged_to_zero_width),
    Case("two-hidden-columns-both-named", DECISION_1, f"{X}3: {SHEET}!D3 “Chức vụ”: cột D đang ẩn",
         hide_columns("D", "E")),
    Case("hidden-old-title-column-beside-a-visible-one", DECISION_1, f"Cảnh báo: {X}3: {SHEET}!F3 {FORM_F}: cột F "
         "đang ẩn nên không đọc; đọc cột H cùng tiêu đề", old_titles_in_a_hidden_column, code=0),
    Case("hidden-column-not-read-anyway", DECISION_1, "", hidden_notes_column, code=0),
    # a title of only quotes is no title (it matched the form without an abbreviation)
    Case("title-only-quotes", DECISION_1, f"{X}8: {SHEET}!F8 {FORM_F}:", set_cells(F8='"')),
    Case("unit-only-quotes", DECISION_2, f"{CSV2}:5: E5 “Đơn vị”:", csv_cell(5, 5, "''")),
    # Excel's _xHHHH_ escapes: a CR is a line break, a control character is removed, a lone surrogate refused
    Case("excel-escaped-control-character", DECISION_1, f"{X}8: {SHEET}!E8 “Đơn vị”: đã bỏ ký tự ẩn trong "
         "“Phòng Tổng\\u0007 hợp”", set_cells(E8="Phòng Tổng_x0007_ hợp"), code=0),
    Case("excel-escaped-lone-surrogate", DECISION_1, f"{X}8: {SHEET}!B8 “Họ và tên”: ô có ký tự không hợp lệ "
         "\\ud800 (nửa cặp UTF-16)", set_cells(B8="Ma Văn_xD800_ Toàn")),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_award_table(case: Case, broken_project: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    run_case(case, broken_project, capsys)


def test_enough_cases() -> None:
    assert len(CASES) >= 45


# ---- what the document holds after a warning ----------------------------------------------------


def list_rows(data: bytes) -> list[tuple[str, str]]:
    """(name, amount) of each award row of the list."""
    table = Document(io.BytesIO(data)).tables[-1]
    return [
        (r.cells[1].text, r.cells[3].text)
        for r in table.rows
        if r.cells[0].text.isdigit() and r.cells[1]._tc is not r.cells[2]._tc
    ]


def test_a_hidden_sheet_pays_nobody(project: Project) -> None:
    hidden_sheet(project.root)
    data, warnings = render_decision(project, 2024, 1)
    rows = list_rows(data)
    assert len(rows) == 30 and not any(name.startswith("Người Cũ") for name, _ in rows)
    assert [str(w) for w in warnings if "ẩn" in w.message] == [
        f"{XLSX1}: Năm 2023: trang tính đang ẩn: bỏ qua 26 dòng, không khen thưởng ai trên trang này "
        "(nếu cần, hãy bỏ ẩn trang tính rồi chạy lại)"
    ]


def test_a_row_hidden_by_a_filter_is_not_paid(project: Project) -> None:
    hidden_row(True)(project.root)
    data, warnings = render_decision(project, 2024, 1)
    assert "Nguyễn Văn Ẩn" not in [name for name, _ in list_rows(data)]
    assert any("Nguyễn Văn Ẩn" in w.message for w in warnings)


def test_an_invisible_character_is_removed_from_the_name_in_the_document(project: Project) -> None:
    set_cells(B8="Ma\u200b Văn Toàn")(project.root)
    data, warnings = render_decision(project, 2024, 1)
    assert ("Ma Văn Toàn", "540.000") in list_rows(data)
    assert "\u200b" not in "".join(name for name, _ in list_rows(data))
    assert len(warnings) == 1


def test_warnings_of_an_earlier_decisions_list_are_not_repeated(project: Project) -> None:
    set_cells(B8="Ma\u200b Văn Toàn")(project.root)
    assert render_decision(project, 2024, 1)[1]
    assert not [w for w in render_decision(project, 2024, 2)[1] if w.file == XLSX1]


def test_a_zero_width_space_does_not_make_a_second_person(project: Project) -> None:
    lines = (project.root / CSV2).read_text(encoding="utf-8-sig").splitlines()
    first = next(i for i, line in enumerate(lines, start=1) if "Hà Đức Anh" in line)
    row = append_csv("Hà\u200b Đức Anh", "Cá nhân", "Chuyên viên", "Phòng Tổng hợp", "LĐTT", "")(project.root)
    with pytest.raises(ContentError) as caught:
        load_decision(project.root, 2024, 2)
    assert [str(p) for p in caught.value.problems] == [
        f"{CSV2}:{row}: B{row} “Họ và tên”: Hà Đức Anh đã được khen “Lao động tiên tiến” năm 2024 ({CSV2}:{first})"
    ]


def test_a_real_award_to_someone_named_tong_is_kept(project: Project) -> None:
    append_csv("Tổng Thị Hoa", "Cá nhân", "Chuyên viên", "Phòng Tổng hợp", "Giấy khen", "")(project.root)
    decision = load_decision(project.root, 2024, 2)
    assert [a.record.name for a in decision.awards if a.record.name.startswith("Tổng")] == ["Tổng Thị Hoa"]


def test_a_total_row_without_a_title_is_still_a_footer(project: Project) -> None:
    append_csv("Tổng cộng: 33", "", "", "", "", "")(project.root)
    assert len(load_decision(project.root, 2024, 2).awards) == 32


def test_merged_title_and_headings_above_the_table_are_fine(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH"])
    sheet.append(["STT", "Họ và tên", "Danh hiệu"])
    sheet.append([1, "Nguyễn Văn Bình", "LĐTT"])
    sheet.merge_cells("A1:C1")
    workbook.save(tmp_path / "a.xlsx")
    problems = Problems()
    records = tables.read_award_table(tmp_path / "a.xlsx", tmp_path, problems)
    assert not problems and [r.values["name"] for r in records] == ["Nguyễn Văn Bình"]


def test_a_stray_value_in_the_last_cell_is_read_without_visiting_empty_cells(project: Project) -> None:
    stray_last_cell(project.root)
    problems = Problems()
    sheets = list(tables._xlsx_sheets(project.root / XLSX1, XLSX1, problems))
    assert not problems and len(sheets) == 1
    sheet = sheets[0]
    # 35 rows of at most 7 cells, and the one stray cell: nothing of the 17 billion cells between
    assert sheet.cells_visited <= 35 * 7 + 1
    assert len(sheet.rows) == 33 + 1 and sheet.rows[1048576] == {16384: "x"}
    assert len(tables.read_award_table(project.root / XLSX1, project.root, problems)) == 30


def test_invisible_characters_are_escaped_in_messages() -> None:
    assert tables.escape_invisible("vu-duc\u200b-chinh") == "vu-duc\\u200b-chinh"
    assert tables.strip_invisible("\ufeffMa\u00ad Văn\u202e Toàn\x00") == "Ma Văn Toàn"
    assert tables.strip_invisible("Dòng 1\nDòng 2") == "Dòng 1\nDòng 2"  # a line break is visible


def test_a_hidden_column_is_never_read(project: Project) -> None:
    old_titles_in_a_hidden_column(project.root)
    problems = Problems()
    records = tables.read_award_table(project.root / XLSX1, project.root, problems)
    assert not problems and len(records) == 30
    assert "Chiến sĩ thi đua cơ sở" not in {r.values["form"] for r in records}
    assert [str(w) for w in problems.warnings] == [
        f"{XLSX1}:3: {SHEET}!F3 {FORM_F}: cột F đang ẩn nên không đọc; đọc cột H cùng tiêu đề"
    ]


def test_a_hidden_column_the_program_does_not_read_says_nothing(project: Project) -> None:
    hidden_notes_column(project.root)
    problems = Problems()
    assert len(tables.read_award_table(project.root / XLSX1, project.root, problems)) == 30
    assert not problems and not problems.warnings


def test_excel_escapes_are_read_as_characters() -> None:
    assert tables.excel_unescape("Dòng 1_x000D_\nDòng 2") == "Dòng 1\r\nDòng 2"
    assert tables.excel_unescape("_x005F_x0041_") == "_x0041_"  # a literal "_x0041_" typed by the clerk
    assert tables.excel_unescape("_xD83D__xDE00_") == "\U0001f600"  # a surrogate pair is one character
    assert tables._cell_text("Dòng 1_x000D_\nDòng 2", excel=True) == "Dòng 1\nDòng 2"

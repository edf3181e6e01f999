"""The Nghị định 30 checker: our documents pass; each deliberately broken one reports its fault."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from pipeline.cli import main
from pipeline.documents.registry import render_plan
from pipeline.documents.rollover import roll_over
from pipeline.word import nd30 as check

from .conftest import decision_2024, plan_2024, report_2024

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def plan_bytes() -> bytes:
    return plan_2024()


def every_document() -> dict[str, bytes]:
    return {
        "kế hoạch 2024": plan_2024(),
        "kế hoạch 2024 (dự thảo)": plan_2024(draft=True),
        "quyết định đợt 1": decision_2024(1)[0],
        "quyết định đợt 2": decision_2024(2)[0],
        "báo cáo sơ kết": report_2024(1, TODAY)[0],
        "báo cáo tổng kết": report_2024(None, TODAY)[0],
        "báo cáo dự thảo": report_2024(1, dt.date(2024, 6, 1))[0],
    }


def test_every_document_we_generate_passes_with_no_deviation():
    for name, data in every_document().items():
        assert check.check(Document(io.BytesIO(data))) == [], name


def test_a_draft_whose_signer_is_still_to_be_decided_is_not_yet_conforming(project):
    roll_over(project.root, 2025)
    found = [str(d) for d in check.check(Document(io.BytesIO(render_plan(project, 2025, draft=True))))]
    assert found == [
        "Chữ ký: thấy không có chức vụ và họ tên người ký; quy định: chức vụ in hoa, đậm; họ tên đậm"
    ]


def header_cell(document, row: int, column: int):
    return document.tables[0].rows[row].cells[column]


def paragraph_with(document, start: str):
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(start):
            return paragraph
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if paragraph.text.startswith(start):
                        return paragraph
    raise AssertionError(start)


def set_text(paragraph, text: str) -> None:
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run.text = ""


def margin(d):
    d.sections[0].left_margin = Mm(25)


def letter(d):
    d.sections[0].page_width, d.sections[0].page_height = Mm(216), Mm(279)


def arial(d):
    paragraph_with(d, "- Phát động").runs[0].font.name = "Arial"


def quoc_hieu_not_bold(d):
    paragraph_with(d, "CỘNG HÒA").runs[0].bold = False


def quoc_hieu_old_spelling(d):
    set_text(paragraph_with(d, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def motto_dashes(d):
    set_text(paragraph_with(d, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")


def motto_without_line(d):
    cell = header_cell(d, 0, 1)
    line = cell.paragraphs[2]
    line._p.getparent().remove(line._p)


def issuing_body_not_bold(d):
    paragraph_with(d, "VĂN PHÒNG").runs[0].bold = False


def parent_body_bold(d):
    paragraph_with(d, "UBND TỈNH").runs[0].bold = True


def number_without_zero(d):
    set_text(paragraph_with(d, "Số:"), "Số: 5/KH-VP")


def symbol_with_spaces(d):
    set_text(paragraph_with(d, "Số:"), "Số: 05/KH - VP")


def symbol_of_another_type(d):
    set_text(paragraph_with(d, "Số:"), "Số: 05/QĐ-VP")


def date_leading_zeros(d):
    set_text(paragraph_with(d, "Bắc Kạn, ngày"), "Bắc Kạn, ngày 5 tháng 03 năm 2024")


def date_upright(d):
    paragraph_with(d, "Bắc Kạn, ngày").runs[0].italic = False


def title_not_bold(d):
    for run in paragraph_with(d, "KẾ HOẠCH").runs:
        run.bold = False


def title_left(d):
    paragraph_with(d, "KẾ HOẠCH").alignment = WD_ALIGN_PARAGRAPH.LEFT


def body_12(d):
    paragraph_with(d, "- Phát động").runs[0].font.size = Pt(12)


def recipients_heading_upright(d):
    paragraph_with(d, "Nơi nhận").runs[0].italic = False


def recipient_12(d):
    paragraph_with(d, "- Sở Nội vụ").runs[0].font.size = Pt(12)


def signer_name_not_bold(d):
    paragraph_with(d, "Vũ Đức Chính").runs[0].bold = False


def no_page_numbers(d):
    for paragraph in d.sections[0].header.paragraphs:
        paragraph._p.getparent().remove(paragraph._p)
    d.sections[0].header.add_paragraph("")


def number_on_page_one(d):
    d.sections[0].different_first_page_header_footer = False


BROKEN: list[tuple[Callable, str]] = [
    (margin, "Lề trái: thấy 25 mm; quy định: từ 30 đến 35 mm"),
    (letter, "Khổ giấy: thấy 216 × 279 mm; quy định: A4 (210 × 297 mm)"),
    (arial, "Phông chữ: thấy Arial (1 đoạn chữ); quy định: Times New Roman (Unicode, TCVN 6909:2001)"),
    (quoc_hieu_not_bold, "Quốc hiệu: thấy chữ không đậm; quy định: chữ in hoa, đậm"),
    (
        quoc_hieu_old_spelling,
        "Quốc hiệu: thấy “CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM”; quy định: “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”",
    ),
    (
        motto_dashes,
        "Tiêu ngữ: thấy “Độc lập – Tự do – Hạnh phúc”; quy định: “Độc lập - Tự do - Hạnh phúc” (viết hoa chữ đầu, gạch nối có cách chữ)",
    ),
    (
        motto_without_line,
        "Tiêu ngữ: thấy không có đường kẻ dưới; quy định: đường kẻ ngang, nét liền, dài bằng dòng chữ",
    ),
    (
        issuing_body_not_bold,
        "Tên cơ quan ban hành: thấy “VĂN PHÒNG” không đậm; quy định: chữ in hoa, cỡ 12-13, đậm",
    ),
    (
        parent_body_bold,
        "Tên cơ quan chủ quản: thấy “UBND TỈNH BẮC KẠN” in đậm; quy định: chữ in hoa, cỡ 12-13, không đậm",
    ),
    (
        number_without_zero,
        "Số, ký hiệu: thấy số “5”; quy định: số nhỏ hơn 10 viết thêm số 0 phía trước: “05”",
    ),
    (
        symbol_with_spaces,
        "Số, ký hiệu: thấy “Số: 05/KH - VP”; quy định: “Số: <số>/<ký hiệu>”, ví dụ “Số: 05/KH-VP”",
    ),
    (symbol_of_another_type, "Tên loại văn bản: thấy “KẾ HOẠCH” với ký hiệu “QĐ”; quy định: ký hiệu “KH”"),
    (date_upright, "Địa danh, thời gian: thấy chữ đứng; quy định: chữ in thường, nghiêng"),
    (title_not_bold, "Tên loại và trích yếu: thấy chữ không đậm; quy định: chữ đậm"),
    (title_left, "Tên loại và trích yếu: thấy căn left; quy định: căn giữa"),
    (
        body_12,
        "Nội dung văn bản: thấy 1 đoạn có cỡ 12, ví dụ “- Phát động và triển khai các phong trào thi đua y”; quy định: cỡ 13-14",
    ),
    (recipients_heading_upright, "Nơi nhận: thấy không đậm nghiêng; quy định: chữ nghiêng, đậm"),
    (recipient_12, "Danh sách nơi nhận: thấy cỡ 12; quy định: cỡ 11"),
    (
        signer_name_not_bold,
        "Họ tên người ký: thấy “Vũ Đức Chính” không đậm; quy định: chữ in thường, đậm, cỡ 13-14",
    ),
    (
        no_page_numbers,
        "Số trang: thấy không đánh số trang; quy định: số trang ở giữa lề trên, không đánh số trang 1 (văn bản từ 2 trang)",
    ),
    (
        number_on_page_one,
        "Số trang: thấy có số ở trang 1; quy định: số trang ở giữa lề trên, không đánh số trang 1 (văn bản từ 2 trang)",
    ),
]


@pytest.mark.parametrize(("breaking", "expected"), BROKEN, ids=[b.__name__ for b, _ in BROKEN])
def test_a_broken_document_reports_its_fault(plan_bytes, breaking, expected):
    document = Document(io.BytesIO(plan_bytes))
    breaking(document)
    buffer = io.BytesIO()
    document.save(buffer)
    assert [str(d) for d in check.check(Document(io.BytesIO(buffer.getvalue())))] == [expected]


def test_leading_zeros_in_the_date_line(plan_bytes):
    document = Document(io.BytesIO(plan_bytes))
    date_leading_zeros(document)
    assert [str(d) for d in check.check(document)] == [
        "Địa danh, thời gian: thấy ngày “5”; quy định: ngày nhỏ hơn 10 viết “05”",
        "Địa danh, thời gian: thấy tháng “03”; quy định: tháng 01, 02 có số 0; từ tháng 3 không: “3”",
    ]


def test_check_command_exit_codes(tmp_path, plan_bytes, capsys):
    good = tmp_path / "tot.docx"
    good.write_bytes(plan_bytes)
    assert main(["check", str(good)]) == 0
    assert "đúng thể thức" in capsys.readouterr().out
    document = Document(io.BytesIO(plan_bytes))
    margin(document)
    bad = tmp_path / "sai.docx"
    document.save(bad)
    assert main(["check", str(bad)]) == 1
    assert capsys.readouterr().out.startswith("- Lề trái: thấy 25 mm")
    unreadable = tmp_path / "hong.docx"
    unreadable.write_text("không phải docx", encoding="utf-8")
    assert main(["check", str(unreadable)]) == 2

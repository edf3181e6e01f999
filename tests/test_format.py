"""The generated plan against Nghị định 30/2020/NĐ-CP, Phụ lục I, and OOXML's element order."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from pipeline.word.ooxml import PPR_ORDER, TBLPR_ORDER

from .conftest import ROOT, plan_2024

TEMPLATES = sorted((ROOT / "templates").rglob("*.docx"))


@pytest.fixture(scope="module")
def plan():
    return Document(io.BytesIO(plan_2024()))


def test_a4_portrait_with_margins_in_the_decrees_ranges(plan):
    section = plan.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    twip = Mm(0.02)  # Word stores lengths in twentieths of a point
    assert Mm(20) - twip <= section.top_margin <= Mm(25) + twip
    assert Mm(20) - twip <= section.bottom_margin <= Mm(25) + twip
    assert Mm(30) - twip <= section.left_margin <= Mm(35) + twip
    assert Mm(15) - twip <= section.right_margin <= Mm(20) + twip


def test_times_new_roman_everywhere(plan):
    fonts = {
        value
        for part in (plan.element, plan.styles.element)
        for element in part.iter(qn("w:rFonts"))
        for key, value in element.attrib.items()
        if not key.lower().endswith("theme")
    }
    assert fonts == {"Times New Roman"}
    theme_fonts = [
        k for e in plan.styles.element.iter(qn("w:rFonts")) for k in e.attrib if k.lower().endswith("theme")
    ]
    assert theme_fonts == []


def test_body_is_justified_indented_and_spaced(plan):
    normal = plan.styles["Normal"]
    fmt = normal.paragraph_format
    assert normal.font.size.pt in (13, 14)
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent in (Cm(1), Cm(1.27))
    assert fmt.space_before.pt >= 6
    assert 1.0 <= fmt.line_spacing <= 1.5


def test_page_numbers_from_page_two_centred_in_the_top_margin(plan):
    section = plan.sections[0]
    assert section.different_first_page_header_footer
    assert "".join(p.text for p in section.first_page_header.paragraphs).strip() == ""
    header = section.header
    assert not header.is_linked_to_previous
    number = header.paragraphs[0]
    codes = "".join(t.text for t in number._p.iter(qn("w:instrText")))
    assert codes.strip() == "PAGE"
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    sizes = {r.font.size.pt for r in number.runs if r.font.size is not None}
    assert sizes and sizes <= {13, 14}


def bordered(cell) -> list:
    return [
        p for p in cell.paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    ]


def test_solid_lines_under_the_issuing_body_and_the_motto_and_the_subject(plan):
    header = plan.tables[0]
    body_cell, motto_cell = header.rows[0].cells
    for cell in (body_cell, motto_cell):
        (line,) = bordered(cell)
        assert line.paragraph_format.left_indent == line.paragraph_format.right_indent  # centred
    title = next(p for p in plan.paragraphs if p.text.startswith("KẾ HOẠCH"))
    following = title._p.getnext()
    assert following.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None


def test_header_and_closing_are_borderless_tables(plan):
    for table in plan.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders is None or all(b.get(qn("w:val")) in ("nil", "none") for b in borders)


def order_faults(root, tag: str, order: list[str]) -> list[str]:
    faults = []
    for element in root.iter(qn(f"w:{tag}")):
        names = [c.tag.split("}")[1] for c in element if c.tag.startswith("{http://schemas.openxmlformats")]
        known = [n for n in names if n in order]
        if known != sorted(known, key=order.index):
            faults.append(f"{tag}: {names}")
    return faults


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.name for p in TEMPLATES])
def test_templates_keep_the_element_order_word_requires(path: Path):
    document = Document(str(path))
    for root in (document.element, document.styles.element):
        assert order_faults(root, "pPr", PPR_ORDER) == []
        assert order_faults(root, "tblPr", TBLPR_ORDER) == []


def test_the_generated_plan_keeps_the_element_order_word_requires(plan):
    assert order_faults(plan.element, "pPr", PPR_ORDER) == []
    assert order_faults(plan.element, "tblPr", TBLPR_ORDER) == []


def test_no_stale_preview_picture_in_the_package():
    import zipfile

    with zipfile.ZipFile(io.BytesIO(plan_2024())) as package:
        assert not [n for n in package.namelist() if "thumbnail" in n]

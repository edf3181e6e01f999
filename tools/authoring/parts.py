"""The shared parts: the document header and the closing block (Nơi nhận and signature)."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement

from tools.authoring.elements import (
    CENTER,
    borderless_table,
    box,
    drop_trailing_empty_paragraph,
    new_document,
    paragraph,
    rule,
)


def header_part() -> DocxDocument:
    """Issuing body | Quốc hiệu and Tiêu ngữ; number | place and date."""
    doc = new_document("Phần đầu văn bản (cơ quan ban hành, Quốc hiệu, số, ngày)")
    left_w, right_w = 6.2, 10.6  # wider than the text block: the Quốc hiệu fits on one line
    table = borderless_table(doc, [left_w, right_w], rows=2)
    left, right = table.rows[0].cells
    cell_par = dict(align=CENTER, indent=False, before=0, after=0)
    # Lines above the body's name: none (a body without a governing body), one, or two.
    paragraph(left, "{%p for line in header.upper %}", size=13, reuse_first=True, **cell_par)
    paragraph(left, "{{ line }}", size=13, **cell_par)
    paragraph(left, "{%p endfor %}", size=13, **cell_par)
    paragraph(left, "{%p for line in header.name %}", size=13, **cell_par)
    paragraph(left, "{{ line }}", size=13, bold=True, **cell_par)
    paragraph(left, "{%p endfor %}", size=13, **cell_par)
    rule(left, 1.5, left_w)
    paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, reuse_first=True, **cell_par)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, **cell_par)
    rule(right, 6.0, right_w)
    number, place = table.rows[1].cells
    paragraph(
        number,
        "{{ header.number_line }}",
        size=13,
        reuse_first=True,
        align=CENTER,
        indent=False,
        before=6,
        after=0,
    )
    # A công văn's subject ("V/v ...") under its number.
    paragraph(number, "{%p if header.excerpt %}", size=12, **cell_par)
    paragraph(number, "{{ header.excerpt }}", size=12, **cell_par)
    paragraph(number, "{%p endif %}", size=12, **cell_par)
    paragraph(
        place,
        "{{ header.place_date }}",
        size=14,
        italic=True,
        reuse_first=True,
        align=CENTER,
        indent=False,
        before=6,
        after=0,
    )
    drop_trailing_empty_paragraph(doc)
    paragraph(doc, "{%p if draft %}")
    box(paragraph(doc, "DỰ THẢO", bold=True, align=CENTER, indent=False, before=12))
    paragraph(doc, "{%p endif %}")
    return doc


def closing_part() -> DocxDocument:
    """Nơi nhận | signer's authority, title and name."""
    doc = new_document("Phần cuối văn bản (nơi nhận, chữ ký)")
    table = borderless_table(doc, [7.0, 9.0])
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # signature stays whole
    left, right = table.rows[0].cells
    plain = dict(indent=False, before=0, after=0)
    heading = paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True, reuse_first=True, **plain)
    heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph(left, "{%p for line in closing.recipients %}", size=11, **plain)
    paragraph(left, "{{ line }}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, **plain)
    paragraph(left, "{%p endfor %}", size=11, **plain)
    center = dict(align=CENTER, indent=False, before=0, after=0)
    paragraph(right, "{%p for line in closing.signature_lines %}", reuse_first=True, **center)
    paragraph(right, "{{ line }}", size=14, bold=True, **center)
    paragraph(right, "{%p endfor %}", **center)
    for _ in range(4):
        paragraph(right, **center)
    paragraph(right, "{{ closing.signer_name }}", size=14, bold=True, **center)
    drop_trailing_empty_paragraph(doc)
    return doc

"""Effective run and paragraph formatting as the diff reads it (word/styles.py)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from pipeline.word.styles import Resolver, paragraph_properties


def _document():
    document = Document()
    bold = document.styles.add_style("Đậm", 1)  # WD_STYLE_TYPE.PARAGRAPH
    bold.font.bold = True
    bold.font.size = Pt(15)
    bold.paragraph_format.alignment = 1  # center
    return document


def _run(paragraph, properties: str = ""):
    run = paragraph.add_run("chữ")
    if properties:
        run._r.insert(0, parse_xml(f"<w:rPr {nsdecls('w')}>{properties}</w:rPr>"))
    return run


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        ("", (True, False, 15.0)),  # everything from the paragraph's style
        ('<w:b w:val="0"/>', (False, False, 15.0)),  # written "off" wins over the style
        ('<w:b w:val="false"/><w:i/>', (False, True, 15.0)),
        ('<w:sz w:val="26"/>', (True, False, 13.0)),  # half-points
        ('<w:b w:val="1"/><w:i w:val="on"/><w:sz w:val="28"/>', (True, True, 14.0)),
    ],
)
def test_a_run_reads_what_is_written_on_it_then_its_style(properties, expected):
    document = _document()
    paragraph = document.add_paragraph(style="Đậm")
    run = _run(paragraph, properties)
    style_id, _jc = paragraph_properties(paragraph._p)
    assert Resolver(document).run_format(run._r, style_id) == expected


def test_a_plain_paragraph_has_the_document_default_size():
    document = _document()
    paragraph = document.add_paragraph()
    resolver = Resolver(document)
    assert resolver.run_format(_run(paragraph)._r, None) == (False, False, resolver.default_size)


@pytest.mark.parametrize(
    ("jc", "expected"),
    [(None, "center"), ("both", "justify"), ("end", "right"), ("start", "left"), ("distribute", "left")],
)
def test_alignment_written_on_the_paragraph_wins_over_its_style(jc, expected):
    document = _document()
    paragraph = document.add_paragraph(style="Đậm")
    if jc is not None:
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{jc}"/>'))
    assert Resolver(document).align(*paragraph_properties(paragraph._p)) == expected


def test_a_run_style_then_the_paragraph_style_then_the_default():
    document = _document()
    italic = document.styles.add_style("Nghiêng", 2)  # WD_STYLE_TYPE.CHARACTER
    italic.font.italic = True
    italic.font.size = Pt(11)
    paragraph = document.add_paragraph(style="Đậm")
    run = paragraph.add_run("chữ", style="Nghiêng")
    style_id, _jc = paragraph_properties(paragraph._p)
    assert Resolver(document).run_format(run._r, style_id) == (True, True, 11.0)


def test_the_first_written_value_counts_as_python_docx_reads_it():
    document = _document()
    paragraph = document.add_paragraph()
    run = _run(paragraph, '<w:b w:val="0"/><w:b/><w:sz w:val="20"/><w:sz w:val="30"/>')
    assert Resolver(document).run_format(run._r, None) == (False, False, 10.0)
    assert (run.bold, run.font.size.pt) == (False, 10.0)

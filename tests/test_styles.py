"""Effective run and paragraph formatting as the diff reads it (word/styles.py)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from pipeline.word.styles import Resolver


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
    assert Resolver(document).run_format(paragraph, run) == expected


def test_a_plain_paragraph_has_the_document_default_size():
    document = _document()
    paragraph = document.add_paragraph()
    resolver = Resolver(document)
    assert resolver.run_format(paragraph, _run(paragraph)) == (False, False, resolver.default_size)


@pytest.mark.parametrize(
    ("jc", "expected"),
    [(None, "center"), ("both", "justify"), ("end", "right"), ("start", "left"), ("distribute", "left")],
)
def test_alignment_written_on_the_paragraph_wins_over_its_style(jc, expected):
    document = _document()
    paragraph = document.add_paragraph(style="Đậm")
    if jc is not None:
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{jc}"/>'))
    assert Resolver(document).align(paragraph) == expected

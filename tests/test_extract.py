from docx import Document
from docx.shared import Pt

from pipeline.word import reader as extract


def test_tables_read_row_by_row_with_a_merged_cell_once():
    document = Document()
    document.add_paragraph("trước")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "gộp"
    for r in (1, 2):
        for c in (0, 1):
            table.cell(r, c).text = f"ô {r}{c}"
    document.add_paragraph("sau")
    found = [(b.text, b.where) for b in extract.blocks(document)]
    assert found == [
        ("trước", "body"),
        ("gộp", "table0.r0c0"),
        ("ô 10", "table0.r1c0"),
        ("ô 11", "table0.r1c1"),
        ("ô 20", "table0.r2c0"),
        ("ô 21", "table0.r2c1"),
        ("sau", "body"),
    ]


def test_formatting_is_resolved_through_runs_and_styles():
    document = Document()
    paragraph = document.add_paragraph(style="Title")
    paragraph.add_run("đậm").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("một ").bold = True
    mixed.add_run("hai").font.size = Pt(16)
    first, second = extract.blocks(document)
    assert first.bold is True and first.style == "Title"
    assert second.bold is None and second.size is None  # mixed runs

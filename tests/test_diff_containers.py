"""The diff reads every text container: a change anywhere is reported, never an exit 0."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from pipeline.cli import main
from pipeline.word import diff as docdiff
from pipeline.word import diff_html, redline
from pipeline.word.reader import read_document, texts

from .docx_fixtures import (
    complex_field,
    document,
    footnote_reference,
    para,
    reopened,
    run,
    saved,
    table,
    text_box,
)

OLD, NEW = "540.000", "5.400.000 đồng"


def sdt(inner: str) -> str:
    return f'<w:sdt><w:sdtPr><w:alias w:val="Số tiền"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'


def cell(inner: str) -> str:
    return f"<w:tc>{inner}</w:tc>"


def wrapped_table(row: str) -> str:
    return f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{row}</w:tbl>"


CASES: dict[str, Callable[[str], DocxDocument]] = {
    "nested table": lambda v: document(
        table([[para(run("Số tiền")), para(run("Mức")) + table([[para(run(v))]]) + para("")]])
    ),
    "block content control": lambda v: document(para(run("Điều 2.")), sdt(para(run(v)))),
    "run content control": lambda v: document(para(run("Số tiền: ") + sdt(run(v)))),
    "cell content control": lambda v: document(
        wrapped_table(f"<w:tr>{cell(para(run('Số tiền')))}{sdt(cell(para(run(v))))}</w:tr>")
    ),
    "row content control": lambda v: document(
        wrapped_table(sdt(f"<w:tr>{cell(para(run('Số tiền')))}{cell(para(run(v)))}</w:tr>"))
    ),
    "text box": lambda v: document(para(run("Xem hộp: ") + text_box(v, v))),
    "simple field": lambda v: document(
        para(f'<w:fldSimple w:instr=" DOCPROPERTY SoTien "><w:r><w:t>{v}</w:t></w:r></w:fldSimple>')
    ),
    "complex field": lambda v: document(para(run("Số tiền: ") + complex_field(" MERGEFIELD so_tien ", v))),
    "hyperlink": lambda v: document(para(f'<w:hyperlink w:anchor="dieu1">{run(v)}</w:hyperlink>')),
    "smart tag": lambda v: document(
        para(f'<w:smartTag w:uri="urn:x" w:element="money">{run(v)}</w:smartTag>')
    ),
    "custom XML": lambda v: document(para(f'<w:customXml w:element="money">{run(v)}</w:customXml>')),
    "inserted text": lambda v: document(para(f'<w:ins w:id="1" w:author="A">{run(v)}</w:ins>')),
    "moved-to text": lambda v: document(para(f'<w:moveTo w:id="1" w:author="A">{run(v)}</w:moveTo>')),
    "footnote": lambda v: document(para(run("Tiền thưởng") + footnote_reference(1)), footnotes=[f"Mức {v}"]),
    "after a tab": lambda v: document(para(run("Số tiền") + "<w:r><w:tab/></w:r>" + run(v))),
}


def write_pair(tmp_path: Path, old: DocxDocument, new: DocxDocument) -> tuple[Path, Path]:
    a, b = tmp_path / "cũ.docx", tmp_path / "mới.docx"
    a.write_bytes(saved(old))
    b.write_bytes(saved(new))
    return a, b


@pytest.mark.parametrize("case", CASES)
def test_a_change_inside_the_container_is_reported(case, tmp_path, capsys):
    old, new = CASES[case](OLD), CASES[case](NEW)
    comparison = docdiff.compare(old, new, "cũ", "mới")
    assert not comparison.same
    assert "5.400" in docdiff.render_text(comparison)
    assert "5.400" in diff_html.render_html(comparison)
    a, b = write_pair(tmp_path, old, new)
    assert main(["--root", str(tmp_path), "diff", str(a), str(b), "--color", "never"]) == 1
    assert "5.400" in capsys.readouterr().out
    assert main(["textconv", str(a)]) == 0
    assert OLD in capsys.readouterr().out
    assert main(["textconv", str(b)]) == 0
    assert NEW in capsys.readouterr().out


@pytest.mark.parametrize("case", CASES)
def test_the_same_container_twice_is_the_same(case, tmp_path, capsys):
    a, b = write_pair(tmp_path, CASES[case](OLD), CASES[case](OLD))
    assert main(["--root", str(tmp_path), "diff", str(a), str(b)]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("case", CASES)
def test_the_redline_accepted_is_the_new_text_rejected_the_old(case):
    old, new = CASES[case](OLD), CASES[case](NEW)
    old_text, new_text = docdiff.document_text(old), docdiff.document_text(new)
    data = saved(redline.redline(old, new))
    assert docdiff.document_text(redline.accept_document(reopened(data))) == new_text
    assert docdiff.document_text(redline.reject_document(reopened(data))) == old_text


def test_what_is_not_document_text_is_left_out():
    doc = document(
        para(run("Số tiền: ") + complex_field(" MERGEFIELD so_tien ", OLD)),
        para(run("Giữ") + '<w:del w:id="1" w:author="A"><w:r><w:delText>bỏ đi</w:delText></w:r></w:del>'),
        para(run("Ở đây") + f'<w:moveFrom w:id="2" w:author="A">{run("chuyển đi")}</w:moveFrom>'),
        para(run("Hộp: ") + text_box("một lần", "một lần")),
    )
    text = docdiff.document_text(doc)
    assert "MERGEFIELD" not in text and "bỏ đi" not in text and "chuyển đi" not in text
    assert text.count("một lần") == 1  # one branch of mc:AlternateContent, not both
    assert text.count(OLD) == 1


def test_comments_are_not_document_text(tmp_path):
    old, new = document(para(run("Điều 1."))), document(para(run("Điều 1.")))
    new.add_comment(new.paragraphs[0].runs, text="Ghi chú của người duyệt", author="B")
    new = reopened(saved(new))
    assert "Ghi chú" not in docdiff.document_text(new)
    assert docdiff.compare(old, new, "a", "b").same


@pytest.mark.parametrize(
    "brk", ["<w:br/>", "<w:cr/>", '<w:br w:type="page"/>', '<w:br w:type="column"/>', "<w:tab/>"]
)
def test_a_break_never_glues_words(brk, tmp_path, capsys):
    old = document(para(run("Bà Nông Thị") + f"<w:r>{brk}</w:r>" + run("Hạnh")))
    new = document(para(run("Bà Nông Thị") + f"<w:r>{brk}</w:r>" + run("Hạnh, kế toán")))
    comparison = docdiff.compare(old, new, "a", "b")
    shown = [
        docdiff.document_text(old),
        docdiff.render_text(comparison),
        diff_html.render_html(comparison),
        *texts(old),
    ]
    assert all("ThịHạnh" not in s for s in shown)
    assert " ".join(texts(old)) == "Bà Nông Thị Hạnh"
    a, _ = write_pair(tmp_path, old, new)
    assert main(["textconv", str(a)]) == 0
    assert "ThịHạnh" not in capsys.readouterr().out


def test_the_safety_net_reports_what_only_the_full_text_shows(tmp_path, capsys):
    # the reader takes the DrawingML branch; the VML fallback differs, which LibreOffice may show
    old = document(para(run("Hộp: ") + text_box(OLD, OLD)))
    new = document(para(run("Hộp: ") + text_box(OLD, NEW)))
    comparison = docdiff.compare(old, new, "a", "b")
    ((change),) = comparison.changes
    assert change.kind == "text"
    assert any(NEW in line for line in change.lines if line.startswith("+"))
    assert NEW in docdiff.render_text(comparison) and NEW in diff_html.render_html(comparison)
    a, b = write_pair(tmp_path, old, new)
    assert main(["--root", str(tmp_path), "diff", str(a), str(b), "--color", "never"]) == 1
    assert NEW in capsys.readouterr().out
    body = reopened(saved(redline.redline(old, new))).element.body
    assert body.find(f".//{qn('w:ins')}") is not None and body.find(f".//{qn('w:del')}") is not None


def test_a_redline_of_different_documents_always_has_changes():
    for case, build in CASES.items():
        parts = read_document(reopened(saved(redline.redline(build(OLD), build(NEW)))))
        assert any(list(part.element.iter(qn("w:ins"))) for part in parts), case

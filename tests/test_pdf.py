"""PDF output: one LibreOffice process for a batch, metadata from the content, text intact."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.cli import main
from pipeline.documents.registry import build_decision, build_plan
from pipeline.word import pdf

from .conftest import copy_project

needs_libreoffice = pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> list[Path]:
    """The 2024 plan and decision 1, built once into a folder of their own; tests only read them."""
    project = copy_project(tmp_path_factory.mktemp("pdf"))
    return [build_plan(project, 2024), build_decision(project, 2024, 1).path]


@pytest.fixture(scope="session")
def converted(built) -> list[pdf.PdfResult]:
    """Both converted by one LibreOffice run, shared by the tests that only read the PDFs."""
    return pdf.build_pdfs(built)


@needs_libreoffice
def test_batch_conversion_metadata_and_text(converted):
    results = converted
    assert [r.pdf.name for r in results] == ["ke-hoach-2024.pdf", "quyet-dinh-dot-1-2024.pdf"]
    plan = PdfReader(str(results[0].pdf))
    assert results[0].pages == len(plan.pages) >= 3
    meta = plan.metadata
    assert meta.title == "Kế hoạch công tác thi đua khen thưởng năm 2024"
    assert meta.author == "Văn phòng Ủy ban nhân dân tỉnh"
    assert meta.subject == "Công tác thi đua khen thưởng năm 2024"
    assert "/KH-VP" in meta.get("/Keywords")
    assert meta.get("/CreationDate") == "D:20240301000000+00'00'"
    decision = PdfReader(str(results[1].pdf)).metadata
    assert "52/QĐ-VP" in decision.get("/Keywords")
    for result in results:
        assert pdf.text_mismatch(result.source.read_bytes(), result.pdf.read_bytes()) == ""
    text = " ".join(" ".join(page.extract_text() for page in plan.pages).split())
    assert "Văn phòng Ủy ban nhân dân tỉnh (Văn phòng)" in text
    assert "kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)" in text


@needs_libreoffice
def test_every_font_is_times_new_roman_or_its_metric_twin(converted):
    fonts = set()
    for page in PdfReader(str(converted[0].pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in fonts), fonts


@needs_libreoffice
def test_same_content_same_pdf_text_and_fixed_volatile_fields(converted, tmp_path):
    # a second conversion of the same plan, alone and in another folder, against the shared batch's
    again = tmp_path / converted[0].source.name
    shutil.copyfile(converted[0].source, again)
    first = converted[0].pdf.read_bytes()
    second = pdf.build_pdfs([again])[0].pdf.read_bytes()
    assert pdf.pdf_text(first) == pdf.pdf_text(second)
    one, two = PdfReader(io.BytesIO(first)), PdfReader(io.BytesIO(second))
    assert one.metadata == two.metadata
    assert one.trailer["/ID"] == two.trailer["/ID"]


@needs_libreoffice
def test_a_pdf_of_other_text_is_caught(converted):
    plan, decision = converted
    assert pdf.text_mismatch(plan.source.read_bytes(), decision.pdf.read_bytes()).startswith("thiếu")


def test_without_libreoffice_the_message_says_how_to_install_it(built, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(pdf.PdfUnavailable, match="libreoffice-writer-nogui fonts-liberation2"):
        pdf.build_pdfs(built)


def test_make_plan_still_builds_the_docx_and_says_how_to_get_pdfs(project, monkeypatch, capsys):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    assert main(["--root", str(project.root), "plan", "2024"]) == 0
    assert (project.root / "output/2024/ke-hoach-2024.docx").is_file()
    err = capsys.readouterr().err
    assert "sudo apt-get install libreoffice-writer-nogui fonts-liberation2" in err and "tdkt pdf 2024" in err


def test_pdf_command_with_nothing_to_convert_exits_2(project, capsys):
    assert main(["--root", str(project.root), "pdf", "2024"]) == 2
    assert "chưa có văn bản .docx nào" in capsys.readouterr().err

"""`tdkt all` and `tdkt pdf` do only what changed (documents/builds.py): which documents were
rendered, which PDFs converted, and that LibreOffice was not started when nothing changed.

LibreOffice is a fake that records its calls and fails, so no test needs it; PDFs a test calls
"converted" are placeholders recorded the way a real conversion records them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.documents import builds

from .conftest import edit

DOCUMENTS = [
    "ke-hoach-2024.docx",
    "quyet-dinh-dot-1-2024.docx",
    "quyet-dinh-dot-2-2024.docx",
    "bao-cao-so-ket-dot-1-2024.docx",
    "bao-cao-tong-ket-2024.docx",
]
AWARD = "2,Nông Thị Hạnh,Cá nhân,Phó Chánh Văn phòng,LĐVP,Lao động tiên tiến"


@pytest.fixture
def soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A LibreOffice that writes down the files it was asked to convert, then fails."""
    calls = tmp_path / "soffice-calls.txt"
    program = tmp_path / "fake-soffice"
    program.write_text(f'#!/bin/sh\nfor a in "$@"; do echo "$a" >> "{calls}"; done\nexit 1\n')
    program.chmod(0o755)
    monkeypatch.setenv("LIBREOFFICE", str(program))
    return calls


def converted(calls: Path) -> list[str]:
    """Names of the .docx files LibreOffice was asked to convert."""
    if not calls.exists():
        return []
    lines = calls.read_text().splitlines()
    return sorted(re.sub(r"^\d{4}-", "", Path(line).name) for line in lines if line.endswith(".docx"))


def run(project, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["--root", str(project.root), *args])
    out, err = capsys.readouterr()
    return status, out, err


def rendered(out: str) -> list[str]:
    return [
        line.rsplit("/", 1)[1] for line in out.splitlines() if line.startswith("Đã tạo") and ".docx" in line
    ]


def kept(out: str) -> list[str]:
    return [line.rsplit("/", 1)[1] for line in out.splitlines() if line.startswith("Không đổi:")]


def fake_pdfs(project) -> None:
    """Placeholder PDFs for every .docx, recorded as a conversion records them."""
    folder = project.output_dir(2024)
    sources = sorted(folder.glob("*.docx"))
    for source in sources:
        builds.pdf_of(source).write_bytes(b"%PDF-1.4 placeholder of " + source.name.encode())
    record = builds.Record.load(folder)
    builds.record_pdfs(record, sources)
    record.save()


@pytest.fixture
def built(project, soffice, capsys):
    """The year built once; LibreOffice (the fake) fails, so the PDFs are then faked."""
    status, out, _err = run(project, capsys, "all", "2024")
    assert status == 2 and rendered(out) == DOCUMENTS
    assert converted(soffice) == sorted(DOCUMENTS)
    soffice.unlink()
    fake_pdfs(project)
    return project


def test_a_second_run_with_nothing_changed_renders_nothing_and_starts_no_libreoffice(built, soffice, capsys):
    before = {p.name: p.read_bytes() for p in built.output_dir(2024).iterdir()}
    status, out, err = run(built, capsys, "all", "2024")
    assert status == 0, err
    assert rendered(out) == []
    assert kept(out) == DOCUMENTS + [name.replace(".docx", ".pdf") for name in DOCUMENTS]
    assert not soffice.exists()
    assert {p.name: p.read_bytes() for p in built.output_dir(2024).iterdir()} == before


def test_changing_one_award_renders_the_decision_and_the_reports_that_read_it(built, soffice, capsys):
    edit(built.content_dir(2024) / "khen-thuong-dot-2.csv", AWARD, AWARD.replace("Phó Chánh", "Chánh"))
    status, out, _err = run(built, capsys, "all", "2024")
    assert status == 2  # the fake LibreOffice fails on what it is given
    assert rendered(out) == [
        "quyet-dinh-dot-2-2024.docx",
        "bao-cao-so-ket-dot-1-2024.docx",
        "bao-cao-tong-ket-2024.docx",
    ]
    assert kept(out)[:2] == ["ke-hoach-2024.docx", "quyet-dinh-dot-1-2024.docx"]
    # only the .docx whose bytes changed go to LibreOffice: the sơ kết of period 1 reads the
    # period-2 list but does not count it, so its bytes and its PDF stay
    assert converted(soffice) == ["quyet-dinh-dot-2-2024.docx"]
    assert "bao-cao-so-ket-dot-1-2024.pdf" in kept(out)


def test_a_template_change_renders_every_document(built, soffice, capsys):
    template = built.templates / "parts" / next(p.name for p in (built.templates / "parts").iterdir())
    template.write_bytes(template.read_bytes())  # same bytes: nothing to do
    assert rendered(run(built, capsys, "all", "2024")[1]) == []
    with template.open("ab") as handle:
        handle.write(b"\0")  # a changed byte (the zip still opens: trailing data is ignored)
    _status, out, err = run(built, capsys, "all", "2024")
    assert rendered(out) == DOCUMENTS, err


def test_an_output_changed_by_hand_or_a_damaged_record_is_built_again(built, soffice, capsys):
    decision = built.output_dir(2024) / "quyet-dinh-dot-1-2024.docx"
    original = decision.read_bytes()
    decision.write_bytes(b"edited")
    assert rendered(run(built, capsys, "all", "2024")[1]) == ["quyet-dinh-dot-1-2024.docx"]
    assert decision.read_bytes() == original
    (built.output_dir(2024) / builds.RECORD).write_text("{ not json", encoding="utf-8")
    assert rendered(run(built, capsys, "all", "2024")[1]) == DOCUMENTS


def test_the_record_names_what_each_document_read(built):
    record = json.loads((built.output_dir(2024) / builds.RECORD).read_text(encoding="utf-8"))
    files = record["documents"]["decision-1"]["files"]
    assert "content/2024/khen-thuong-dot-1.xlsx" in files
    assert "content/2024/khen-thuong-dot-2.csv" not in files  # period 1 does not read period 2
    assert "content/2024/khen-thuong-dot-2.csv" in record["documents"]["report"]["files"]
    assert record["pdfs"]["ke-hoach-2024.pdf"]["docx"] == builds.file_digest(
        built.output_dir(2024) / "ke-hoach-2024.docx"
    )


def test_pdf_flags_and_rebuilds_a_pdf_that_no_longer_matches_its_docx(built, soffice, capsys):
    edit(built.content_dir(2024) / "khen-thuong-dot-2.csv", AWARD, AWARD.replace("Phó Chánh", "Chánh"))
    assert run(built, capsys, "decision", "2024", "2")[0] == 0
    status, out, err = run(built, capsys, "pdf", "2024")
    assert status == 2  # the fake LibreOffice fails
    assert "Cảnh báo: output/2024/quyet-dinh-dot-2-2024.pdf không khớp với quyet-dinh-dot-2-2024.docx" in err
    assert converted(soffice) == ["quyet-dinh-dot-2-2024.docx"]
    assert len(kept(out)) == 4


def test_pdf_with_every_pdf_current_starts_no_libreoffice(built, soffice, capsys):
    status, out, err = run(built, capsys, "pdf", "2024")
    assert status == 0, err
    assert len(kept(out)) == 5 and "Cảnh báo" not in err
    assert not soffice.exists()

"""What a clone needs on any machine: LibreOffice found where it is installed, nothing outside the tree."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from pipeline.word import pdf

from .conftest import ROOT


def fake_program(path: Path) -> Path:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    return path


def test_the_libreoffice_variable_wins_and_a_wrong_one_is_named(tmp_path, monkeypatch):
    program = fake_program(tmp_path / "LibreOffice 24" / "soffice.exe")
    monkeypatch.setenv("LIBREOFFICE", str(program))
    assert pdf.soffice() == str(program)
    monkeypatch.setenv("LIBREOFFICE", str(tmp_path / "không-có.exe"))
    assert pdf.soffice() is None
    assert "biến LIBREOFFICE=" in pdf.missing_hint(2024) and "tdkt pdf 2024" in pdf.missing_hint(2024)


def test_soffice_exe_under_program_files_is_found_without_path(tmp_path, monkeypatch):
    monkeypatch.delenv("LIBREOFFICE", raising=False)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.delenv(name, raising=False)
    assert pdf.soffice() is None
    program = fake_program(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    assert pdf.soffice() == str(program)


def test_no_code_reads_outside_the_project_tree():
    outside = re.compile(r"\.\./|parent\s*/\s*\"shared\"|\.parent\.parent\.parent")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("pipeline", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if outside.search(line) and path.name != "test_portability.py"
    ]
    assert offenders == []


def test_messages_reach_a_redirected_stream_whole_whatever_its_code_page(tmp_path):
    """Windows gives a redirected stream the locale's code page (cp1252 has no "ạ"): we write UTF-8."""
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "plan", "20x4"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        check=False,
    )
    assert result.returncode == 2
    assert "năm phải gồm 4 chữ số" in result.stderr.decode("utf-8")

"""The command line the Makefile calls: exit codes, messages, and what it leaves on disk."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.cli import main

from .conftest import ROOT, edit


def test_plan_builds_the_docx_and_says_where(project, capsys):
    assert main(["--root", str(project.root), "plan", "2024"]) == 0
    assert (project.root / "output/2024/ke-hoach-2024.docx").is_file()
    assert capsys.readouterr().out.strip() == "Đã tạo output/2024/ke-hoach-2024.docx"


@pytest.mark.parametrize("year", ["24", "20244", "abcd", "2024a", ""])
def test_a_year_that_is_not_four_digits_is_refused_before_anything_is_read(project, capsys, year):
    with pytest.raises(SystemExit) as caught:
        main(["--root", str(project.root), "plan", year])
    assert caught.value.code == 2
    assert "năm phải gồm 4 chữ số" in capsys.readouterr().err
    assert not (project.root / "output").exists()


def test_content_errors_go_to_stderr_with_exit_code_2(project, capsys):
    line = edit(project.root / "content/2024/ke-hoach.yaml", "end: 30/06/2024", "end: 30/02/2024")
    assert main(["--root", str(project.root), "plan", "2024"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"content/2024/ke-hoach.yaml:{line}: periods[0].end: ngày 30/02/2024 không tồn tại",
        "Có 1 lỗi trong nội dung; không tạo hay thay đổi tệp nào.",
    ]
    assert not (project.root / "output").exists()


def test_a_missing_year_names_the_folder(project, capsys):
    assert main(["--root", str(project.root), "plan", "2031"]) == 2
    assert "content/2031/: chưa có nội dung cho năm 2031" in capsys.readouterr().err


def test_module_entry_point_has_help():
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0
    assert "plan" in result.stdout and "templates" in result.stdout


def test_decision_builds_and_reports_warnings_on_stderr(project, capsys):
    edit(
        project.root / "content/2024/ke-hoach.yaml",
        "together_with: tổng kết công tác Văn phòng năm 2024",
        "together_with: tổng kết công tác Văn phòng năm 2024\n      date: 18/12/2024",
    )
    assert main(["--root", str(project.root), "decision", "2024", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "Đã tạo output/2024/quyet-dinh-dot-2-2024.docx"
    assert captured.err.startswith("Cảnh báo: content/2024/quyet-dinh-dot-2.yaml:")
    assert (project.root / "output/2024/quyet-dinh-dot-2-2024.docx").is_file()


@pytest.mark.parametrize("period", ["0", "00", "x", "-1", "100"])
def test_a_period_that_is_not_a_number_is_refused(project, capsys, period):
    with pytest.raises(SystemExit) as caught:
        main(["--root", str(project.root), "decision", "2024", period])
    assert caught.value.code == 2
    assert "đợt phải là số" in capsys.readouterr().err


def test_report_commands_build_the_sơ_kết_and_the_tổng_kết(project, capsys):
    assert main(["--root", str(project.root), "report", "2024", "1"]) == 0
    assert main(["--root", str(project.root), "report", "2024", "--date", "28/12/2024"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Đã tạo output/2024/bao-cao-so-ket-dot-1-2024.docx",
        "Đã ghi ngày báo cáo 28/12/2024 (thay 26/12/2024) vào content/2024/bao-cao-tong-ket.yaml:7 (document.date)",
        "Đã tạo output/2024/bao-cao-tong-ket-2024.docx",
    ]
    assert "  date: 28/12/2024\n" in (project.root / "content/2024/bao-cao-tong-ket.yaml").read_text("utf-8")


def test_report_date_that_does_not_exist_is_refused(project, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--root", str(project.root), "report", "2024", "--date", "31/11/2024"])
    assert caught.value.code == 2
    assert "ngày 31/11/2024 không tồn tại" in capsys.readouterr().err

"""The command line the Makefile calls: exit codes, messages, and what it leaves on disk."""

from __future__ import annotations

import os
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


def _run(root, *args: str, **redirect) -> subprocess.CompletedProcess:
    """The console script as a clerk's shell runs it (stdout buffered), stdout and stderr as given."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "--root", str(root), *args],
        cwd=ROOT, env=environment, check=False, **redirect,
    )  # fmt: skip


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_trouble_not_success(project):
    with open("/dev/full", "w") as full:
        result = _run(project.root, "plan", "2024", stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 2
    assert "Không ghi được kết quả ra màn hình hay tệp (ổ đĩa đã đầy)" in result.stderr


@pytest.mark.parametrize("closed", ["stdout", "stderr"])
def test_a_stream_closed_by_the_caller_changes_no_exit_code(project, closed):
    def closing() -> None:
        os.close(1 if closed == "stdout" else 2)

    assert _run(project.root, "plan", "2024", preexec_fn=closing).returncode == 0
    assert _run(project.root, "plan", "2031", preexec_fn=closing).returncode == 2


def test_a_reader_that_goes_away_is_not_trouble(project):
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    result = _run(project.root, "plan", "2024", stdout=reader.stdin, stderr=subprocess.PIPE, text=True)
    reader.stdin.close()
    reader.wait()
    assert result.returncode == 0 and "Traceback" not in result.stderr


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

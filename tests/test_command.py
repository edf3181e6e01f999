"""The `tdkt` console script and the Makefile around it: exit codes, quoting, drafts, revisions."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from pipeline import cli
from pipeline.cli import main
from pipeline.documents import versions as review
from pipeline.word import reader as extract

from .conftest import ROOT

VENV = Path(sys.executable).parent.parent
TDKT = Path(sys.executable).parent / ("tdkt.exe" if os.name == "nt" else "tdkt")


def tdkt(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TDKT), *args], capture_output=True, text=True, cwd=cwd, check=False)


@pytest.fixture
def plan_file(project) -> Path:
    assert main(["--root", str(project.root), "plan", "2024"]) == 0
    return project.root / "output/2024/ke-hoach-2024.docx"


def test_the_console_script_is_declared_and_installed():
    assert 'tdkt = "pipeline.console:run"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert TDKT.is_file()


def test_check_exits_0_when_conforming_1_with_deviations_2_when_unreadable(plan_file, tmp_path):
    assert tdkt("check", str(plan_file), cwd=tmp_path).returncode == 0

    document = Document(str(plan_file))
    document.sections[0].left_margin = document.sections[0].left_margin // 2
    broken = tmp_path / "lề hẹp.docx"
    document.save(str(broken))
    deviations = tdkt("check", str(broken), cwd=tmp_path)
    assert deviations.returncode == 1
    assert "Lề trái" in deviations.stdout

    not_docx = tmp_path / "ghi chú.docx"
    not_docx.write_text("không phải tệp Word", encoding="utf-8")
    unreadable = tdkt("check", str(not_docx), cwd=tmp_path)
    assert unreadable.returncode == 2
    assert "Traceback" not in unreadable.stderr and str(not_docx) in unreadable.stderr


def test_diff_exits_0_same_1_different_2_trouble(project, plan_file, tmp_path):
    assert main(["--root", str(project.root), "decision", "2024", "1"]) == 0
    decision = project.root / "output/2024/quyet-dinh-dot-1-2024.docx"
    out = ["--out", str(tmp_path / "diff"), "--color", "never"]
    same = tdkt("diff", str(plan_file), str(plan_file), *out, cwd=tmp_path)
    assert same.returncode == 0 and same.stdout == "" and "Hai văn bản giống nhau." in same.stderr
    different = tdkt("diff", str(plan_file), str(decision), *out, cwd=tmp_path)
    assert different.returncode == 1 and "QUYẾT ĐỊNH" in different.stdout
    missing = tdkt("diff", str(plan_file), str(tmp_path / "không-có.docx"), *out, cwd=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_ctrl_c_exits_130_with_a_sentence_not_a_traceback(project, monkeypatch, capsys):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_plan", interrupted)
    assert main(["--root", str(project.root), "plan", "2024"]) == 130
    assert "Đã dừng (Ctrl-C)" in capsys.readouterr().err
    assert not (project.root / "output").exists()


def test_argument_errors_are_in_vietnamese(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["decision", "2024"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: tdkt decision")
    assert "tdkt decision: lỗi: thiếu tham số: ĐỢT" in err
    with pytest.raises(SystemExit):
        main(["lập-kế-hoạch"])
    assert "không có lựa chọn 'lập-kế-hoạch'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    help_text = capsys.readouterr().out
    assert "tùy chọn:" in help_text and "in hướng dẫn này rồi thoát" in help_text
    assert "usage" not in help_text and "options" not in help_text


def test_period_01_means_period_1(project, capsys):
    assert main(["--root", str(project.root), "decision", "2024", "01"]) == 0
    assert capsys.readouterr().out.strip() == "Đã tạo output/2024/quyet-dinh-dot-1-2024.docx"


def test_a_revision_starting_with_a_dash_is_refused_before_git_runs(project, monkeypatch, capsys):
    calls: list[list[str]] = []
    monkeypatch.setattr(review.subprocess, "run", lambda command, **_kw: calls.append(command))
    assert (
        main(["--root", str(project.root), "diff", "--year", "2024", "--doc", "plan", "--ref=--output=x"])
        == 2
    )
    assert calls == []
    assert "“--output=x” không phải là một phiên bản git" in capsys.readouterr().err


def test_a_revision_is_verified_with_end_of_options_before_it_is_archived(project, monkeypatch):
    calls: list[list[str]] = []

    def fake_git(command: list[str], **_kw) -> subprocess.CompletedProcess[bytes]:
        calls.append(command)
        return subprocess.CompletedProcess(command, 128, b"", b"")

    monkeypatch.setattr(review.subprocess, "run", fake_git)
    with pytest.raises(review.ReviewProblem, match="không có phiên bản git “main~99”"):
        review.content_at(project.root, "main~99", project.root / "scratch")
    assert calls == [
        [
            "git",
            "-C",
            str(project.root),
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            "main~99^{commit}",
        ]
    ]


# ---- the Makefile: thin wrappers that quote what they pass -------------------------------------


def make(project_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """make in a copy of the project, with this test run's virtual environment already in place."""
    stamp = project_root / "runtime-stamp"
    stamp.touch()
    return subprocess.run(
        [
            "make",
            "-s",
            "-f",
            str(ROOT / "Makefile"),
            "-C",
            str(project_root),
            f"VENV={VENV}",
            f"RUNTIME_STAMP={stamp}",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def make_project(project) -> Path:
    shutil.copy2(ROOT / "pyproject.toml", project.root / "pyproject.toml")  # older than the stamp
    return project.root


def is_draft(path: Path) -> bool:
    return any("DỰ THẢO" in text for text in extract.texts(Document(str(path))))


@pytest.mark.parametrize(("draft", "expected"), [("0", False), ("no", False), ("", False), ("1", True)])
def test_make_draft_values(make_project, draft, expected):
    result = make(make_project, "plan", "YEAR=2024", f"DRAFT={draft}")
    assert result.returncode == 0, result.stderr
    assert is_draft(make_project / "output/2024/ke-hoach-2024.docx") is expected


def test_make_refuses_a_draft_value_it_does_not_know(make_project):
    result = make(make_project, "plan", "YEAR=2024", "DRAFT=có lẽ")
    assert result.returncode == 2
    assert "DRAFT chỉ nhận 1 (bản dự thảo) hoặc 0 (nhận được “có lẽ”)" in result.stderr
    assert not (make_project / "output").exists()


def test_make_check_passes_a_path_with_spaces_as_one_argument(make_project):
    assert make(make_project, "plan", "YEAR=2024").returncode == 0
    spaced = make_project / "bản sao kế hoạch.docx"
    shutil.copyfile(make_project / "output/2024/ke-hoach-2024.docx", spaced)
    result = make(make_project, "check", f"FILE={spaced}")
    assert result.returncode == 0, result.stderr
    assert f"{spaced}: đúng thể thức" in result.stdout


def test_make_runs_no_shell_code_from_a_variable(make_project):
    result = make(make_project, "report", "YEAR=2024", "DATE=26/12/2024; touch pwned")
    assert result.returncode == 2
    assert "“26/12/2024; touch pwned” không phải ngày" in result.stderr
    assert not (make_project / "pwned").exists()
    assert not (make_project / "output").exists()


def test_make_diff_refuses_a_ref_that_looks_like_an_option(make_project):
    result = make(make_project, "diff", "YEAR=2024", "DOC=plan", "REF=--output=x")
    assert result.returncode == 2
    assert "“--output=x” không phải là một phiên bản git" in result.stderr
    assert not (make_project / "x").exists()


def test_make_refuses_a_bad_year_before_setting_anything_up(tmp_path):
    result = subprocess.run(
        ["make", "-C", str(ROOT), "plan", "YEAR=20x4", "VENV=" + str(tmp_path / "venv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "YEAR phải gồm 4 chữ số" in result.stderr
    assert not (tmp_path / "venv").exists()


# ---- the bootstrap ------------------------------------------------------------------------------


def test_an_interrupted_first_run_is_repaired_by_the_next_make_plan(tmp_path):
    """A .venv left without pip (the first run stopped while creating it) is rebuilt by make plan."""
    clone = tmp_path / "bản sao"
    for name in ("pipeline", "content", "templates", "tools"):
        shutil.copytree(ROOT / name, clone / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, clone / name)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(clone / ".venv")], check=True)

    result = subprocess.run(
        ["make", "-C", str(clone), "plan", "YEAR=2024"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã tạo output/2024/ke-hoach-2024.docx" in result.stdout
    assert (clone / ".venv/.runtime-stamp").is_file()
    # the clerk's environment holds the runtime packages only
    assert not list((clone / ".venv").glob("lib/python*/site-packages/pytest"))
    with zipfile.ZipFile(io.BytesIO((clone / "output/2024/ke-hoach-2024.docx").read_bytes())) as docx:
        assert "word/document.xml" in docx.namelist()


def test_ctrl_c_while_creating_the_environment_is_a_sentence(tmp_path):
    """The first run's venv creation, stopped by Ctrl-C (SIGINT to the whole process group)."""
    created = subprocess.Popen(
        [sys.executable, str(ROOT / "tools/make_venv.py"), str(tmp_path / ".venv")],
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.5)
    os.killpg(created.pid, signal.SIGINT)
    out, err = created.communicate(timeout=60)
    assert created.returncode == 130, out + err
    assert "Traceback" not in err and "Đã dừng (Ctrl-C)" in err


def test_templates_needs_the_project_tree_and_says_so(project, capsys):
    assert main(["--root", str(project.root), "templates"]) == 2
    assert "không có công cụ tạo mẫu" in capsys.readouterr().err


def test_templates_creates_only_what_is_missing(project, capsys):
    shutil.copytree(ROOT / "tools", project.root / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    (project.root / "templates/bao-cao.docx").unlink()
    assert main(["--root", str(project.root), "templates"]) == 0
    assert capsys.readouterr().out.strip() == "Đã tạo templates/bao-cao.docx"
    assert (project.root / "templates/bao-cao.docx").read_bytes() == (
        ROOT / "templates/bao-cao.docx"
    ).read_bytes()


def test_a_ctrl_c_while_the_program_is_still_loading_exits_130_without_a_traceback(monkeypatch, capsys):
    import builtins

    from pipeline import console

    real_import = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "pipeline.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as caught:
        console.run()
    assert caught.value.code == 130
    assert "Đã dừng (Ctrl-C)" in capsys.readouterr().err


def test_a_folder_that_is_not_the_project_is_named_as_such(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "new-year", "2025"]) == 2
    assert "không phải thư mục dự án (không có thư mục content/)" in capsys.readouterr().err


@pytest.mark.parametrize("given", ["", "."])
def test_check_without_a_file_says_a_file_is_needed(given, capsys):
    assert main(["check", given]) == 2
    assert "cần tên một tệp .docx" in capsys.readouterr().err


def test_make_check_without_file_and_diff_with_one_side_are_refused(make_project):
    result = make(make_project, "check")
    assert result.returncode == 2 and "Thiếu FILE" in result.stderr
    result = make(make_project, "diff", "A=cu.docx")
    assert result.returncode == 2 and "Cần cả A=cũ.docx và B=mới.docx" in result.stderr


def test_make_check_passes_a_file_named_like_an_option_as_a_file(make_project):
    result = make(make_project, "check", "FILE=--help")
    assert result.returncode == 2 and "--help" in result.stderr and "cách dùng" not in result.stdout

"""Table-driven bad input: each case breaks a copy of the project, runs one `tdkt` command, and checks
the exit code, the message (with file:line where there is one), that no traceback reaches the clerk,
and that the documents built before are unchanged."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.cli import main

from .conftest import ROOT, as_of_2024

COMMANDS_2024 = (
    ("plan", "2024"),
    ("decision", "2024", "1"),
    ("decision", "2024", "2"),
    ("report", "2024", "1", "--date", "05/7/2024"),
    ("report", "2024", "--date", "26/12/2024"),
)


def no_change(_root: Path) -> int | None:
    return None


@dataclass(frozen=True)
class Case:
    """One mistaken or hostile input. `message` may hold "{line}", filled from what `setup` returns."""

    id: str
    args: tuple[str, ...]
    message: str
    setup: Callable[[Path], int | None] = no_change
    code: int = 2


@pytest.fixture(scope="session")
def built_2024(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2024 documents, built once from the repository's content."""
    root = tmp_path_factory.mktemp("built-2024")
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, root / name, ignore=as_of_2024)
    for args in COMMANDS_2024:
        assert main(["--root", str(root), *args]) == 0, args
    return root / "output"


@pytest.fixture
def broken_project(tmp_path: Path, built_2024: Path) -> Path:
    """A copy of content, templates and the 2024 outputs, free to break."""
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=as_of_2024)
    shutil.copytree(built_2024, tmp_path / "output")
    return tmp_path


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run_case(case: Case, root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the case; return stderr for further checks."""
    before = files_under(root / "output")
    line = case.setup(root)
    code = main(["--root", str(root), *case.args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == case.code, err
    assert case.message.format(line=line) in err, err
    assert files_under(root / "output") == before, "an existing output changed"
    return err

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.documents.build import Project

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "tests" / "data" / "reference"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the project's content and templates, free to break."""
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return Project(tmp_path)


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old`; return the line where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:start].count("\n") + 1

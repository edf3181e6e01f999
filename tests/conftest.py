from __future__ import annotations

import datetime as dt
import functools
import shutil
from pathlib import Path

import pytest

from pipeline.content.project import Project
from pipeline.documents.registry import render_decision, render_plan, render_report
from pipeline.documents.report.rules import ValidReport
from pipeline.errors import Problem

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "tests" / "data" / "reference"


def as_of_2024(folder: str, names: list[str]) -> list[str]:
    """shutil.copytree's ignore: the content folders of years after 2024. Most tests start from the
    project as it was in 2024 (new-year 2025 must not find content/2025/ there already)."""
    if Path(folder).name != "content":
        return []
    return [n for n in names if n.isdigit() and len(n) == 4 and int(n) > 2024]


def copy_project(root: Path, *, later_years: bool = False) -> Project:
    """A copy of the project's content and templates under `root`, free to break; the years after
    2024 only with `later_years`."""
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, root / name, ignore=None if later_years else as_of_2024)
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the project's content and templates, free to break."""
    return copy_project(tmp_path)


# The project's own 2024 documents, each rendered once per session, for tests that edit no content
# (rendering only reads). A test that edits content renders from its `project` copy instead.


@functools.cache
def plan_2024(draft: bool = False) -> bytes:
    return render_plan(Project(ROOT), 2024, draft=draft)


@functools.cache
def decision_2024(period: int) -> tuple[bytes, tuple[Problem, ...]]:
    data, warnings = render_decision(Project(ROOT), 2024, period)
    return data, tuple(warnings)


@functools.cache
def report_2024(
    period: int | None, today: dt.date, report_date: dt.date | None = None
) -> tuple[bytes, ValidReport]:
    return render_report(Project(ROOT), 2024, period, today=today, report_date=report_date)


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old`; return the line where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:start].count("\n") + 1


PROJECTS_DIR = ROOT / "tests" / "data" / "projects"


def other_project(name: str, root: Path) -> Project:
    """A project of another office kept in tests/data/projects/<name>: its content files over the
    shared catalogs it does not replace, with this project's templates."""
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "content" / "shared", root / "content" / "shared")
    shutil.copytree(PROJECTS_DIR / name / "content", root / "content", dirs_exist_ok=True)
    return Project(root)

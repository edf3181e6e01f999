"""The document kinds, side by side: what the command line, `all`, `diff` and `pdf` iterate.

Each kind says which of its documents a year's content holds, and renders or builds one of them.
All builds of one command share one `Content`, so each content file is read once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.project import Content, Project
from pipeline.documents.decision import build as decision
from pipeline.documents.decision.rules import decision_periods
from pipeline.documents.plan import build as plan
from pipeline.documents.report import build as report
from pipeline.documents.report.rules import report_file
from pipeline.documents.shared import Built


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    periods: Callable[[Path], list[int | None]]
    """The documents of this kind a year's content folder holds, by period (None: the year's)."""
    render: Callable[..., bytes]
    """(project, year, period, *, draft, today, content) → .docx bytes."""
    build: Callable[..., Built]
    """(project, year, period, *, today, content) → the file written, with its warnings."""


def _plan_periods(folder: Path) -> list[int | None]:
    return [None]


def _report_periods(folder: Path) -> list[int | None]:
    found: list[int | None] = [
        int(p.stem.rsplit("-", 1)[1]) for p in sorted(folder.glob("bao-cao-dot-*.yaml"))
    ]
    return found + ([None] if (folder / report_file(None)).is_file() else [])


KINDS: dict[str, Kind] = {
    "plan": Kind(
        "plan",
        "kế hoạch",
        _plan_periods,
        lambda project, year, period, *, draft=False, today, content=None: plan.render_plan(
            project, year, draft=draft, content=content
        ),
        lambda project, year, period, *, today, content=None: Built(
            plan.build_plan(project, year, content=content), []
        ),
    ),
    "decision": Kind(
        "decision",
        "quyết định khen thưởng",
        lambda folder: list(decision_periods(folder)),
        lambda project, year, period, *, draft=False, today, content=None: decision.render_decision(
            project, year, period, content=content
        )[0],
        lambda project, year, period, *, today, content=None: decision.build_decision(
            project, year, period, content=content
        ),
    ),
    "report": Kind(
        "report",
        "báo cáo",
        _report_periods,
        lambda project, year, period, *, draft=False, today, content=None: report.render_report(
            project, year, period, today=today, content=content
        )[0],
        lambda project, year, period, *, today, content=None: report.build_report(
            project, year, period, today=today, content=content
        )[0],
    ),
}


def build_all(
    project: Project, year: int, *, today: dt.date, content: Content | None = None
) -> Iterator[Built]:
    """Every document of the year that has content, kind by kind; one Content for all of them."""
    content = content or Content(project)
    folder = project.content_dir(year)
    for kind in KINDS.values():
        for period in kind.periods(folder):
            yield kind.build(project, year, period, today=today, content=content)

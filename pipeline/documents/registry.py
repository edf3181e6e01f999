"""The document kinds side by side, and how each becomes a file: what the command line, `all`,
`diff` and `pdf` iterate.

Each kind's rules, template context, template and file name live in its package (plan/,
decision/, report/); `year.py` validates them once per Content. All builds of one command share
one Content, so each content file is read once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.project import Content, Project
from pipeline.documents.decision import context as decision
from pipeline.documents.decision.rules import decision_periods
from pipeline.documents.plan import context as plan
from pipeline.documents.report import context as report
from pipeline.documents.report.rules import ValidReport, report_file
from pipeline.documents.shared import Built, document_bytes
from pipeline.documents.year import load_decision, load_plan, load_report
from pipeline.errors import InputProblem, Problem
from pipeline.word.write import write_atomic

PLAN_TEMPLATE = plan.TEMPLATE
DECISION_TEMPLATE = decision.TEMPLATE
REPORT_TEMPLATE = report.TEMPLATE


# ---- one function pair per kind ------------------------------------------------------------------


def render_plan(project: Project, year: int, *, draft: bool = False, content: Content | None = None) -> bytes:
    """The plan of a year as .docx bytes; raises ContentError or TemplateProblem."""
    valid = load_plan(project.root, year, draft=draft, content=content or Content(project))
    return document_bytes(
        project.templates, plan.TEMPLATE, plan.plan_context(valid), plan.plan_properties(valid)
    )


def build_plan(project: Project, year: int, *, draft: bool = False, content: Content | None = None) -> Path:
    path = project.output_dir(year) / plan.output_name(year)
    write_atomic(path, render_plan(project, year, draft=draft, content=content))
    return path


def render_decision(
    project: Project, year: int, period: int, *, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The decision of a period as .docx bytes, with the warnings its rules raised."""
    valid = load_decision(project.root, year, period, content=content or Content(project))
    context, props = decision.decision_context(valid), decision.decision_properties(valid)
    return document_bytes(project.templates, decision.TEMPLATE, context, props), valid.warnings


def build_decision(project: Project, year: int, period: int, *, content: Content | None = None) -> Built:
    data, warnings = render_decision(project, year, period, content=content)
    path = project.output_dir(year) / decision.output_name(year, period)
    write_atomic(path, data)
    return Built(path, warnings)


def render_report(
    project: Project,
    year: int,
    period: int | None,
    *,
    today: dt.date,
    report_date: dt.date | None = None,
    content: Content | None = None,
) -> tuple[bytes, ValidReport]:
    """A báo cáo sơ kết (period) or tổng kết (period None) as .docx bytes, with its validated input."""
    valid = load_report(
        project.root, year, period, today=today, report_date=report_date, content=content or Content(project)
    )
    context, props = report.report_context(valid), report.report_properties(valid)
    return document_bytes(project.templates, report.TEMPLATE, context, props), valid


def build_report(
    project: Project,
    year: int,
    period: int | None,
    *,
    today: dt.date,
    report_date: dt.date | None = None,
    content: Content | None = None,
) -> tuple[Built, ValidReport]:
    data, valid = render_report(project, year, period, today=today, report_date=report_date, content=content)
    path = project.output_dir(year) / report.output_name(year, valid)
    write_atomic(path, data)
    return Built(path, valid.warnings), valid


# ---- the registry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str
    periods: Callable[[Path], list[int | None]]
    """The documents of this kind a year's content folder holds, by period (None: the year's)."""
    render: Callable[[Project, int, int | None, bool, dt.date, Content | None], bytes]
    """(project, year, period, draft, today, content) → .docx bytes."""
    build: Callable[[Project, int, int | None, dt.date, Content | None], Built]
    """(project, year, period, today, content) → the file written, with its warnings."""


def _report_periods(folder: Path) -> list[int | None]:
    numbers: list[int | None] = [
        int(p.stem.rsplit("-", 1)[1]) for p in sorted(folder.glob("bao-cao-dot-*.yaml"))
    ]
    return numbers + ([None] if (folder / report_file(None)).is_file() else [])


class PeriodMissing(InputProblem):
    """A decision asked for without its period; exit 2."""


def _period(period: int | None) -> int:
    if period is None:
        raise PeriodMissing("quyết định cần PERIOD (đợt)")
    return period


KINDS: dict[str, Kind] = {
    "plan": Kind(
        "plan",
        lambda folder: [None],
        lambda project, year, _period, draft, _today, content: render_plan(
            project, year, draft=draft, content=content
        ),
        lambda project, year, _period, _today, content: Built(build_plan(project, year, content=content), []),
    ),
    "decision": Kind(
        "decision",
        lambda folder: list(decision_periods(folder)),
        lambda project, year, period, _draft, _today, content: render_decision(
            project, year, _period(period), content=content
        )[0],
        lambda project, year, period, _today, content: build_decision(
            project, year, _period(period), content=content
        ),
    ),
    "report": Kind(
        "report",
        _report_periods,
        lambda project, year, period, _draft, today, content: render_report(
            project, year, period, today=today, content=content
        )[0],
        lambda project, year, period, today, content: build_report(
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
            yield kind.build(project, year, period, today, content)


def render_kind(project: Project, kind: str, year: int, period: int | None, *, draft: bool = False) -> bytes:
    """One document of a kind as .docx bytes (make diff)."""
    if kind == "decision" and period is None:
        raise PeriodMissing("so sánh quyết định cần PERIOD (đợt)")
    return KINDS[kind].render(project, year, period, draft, dt.date.today(), None)

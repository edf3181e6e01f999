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
class Job:
    """One document to render or build."""

    project: Project
    year: int
    period: int | None
    """The period of a decision or sơ kết; None for the plan and the year's report."""
    today: dt.date
    draft: bool = False
    content: Content | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    periods: Callable[[Path], list[int | None]]
    """The documents of this kind a year's content folder holds, by period (None: the year's)."""
    render: Callable[[Job], bytes]
    build: Callable[[Job], Built]
    """Write the file; return it with its warnings."""


class PeriodMissing(InputProblem):
    """A decision asked for without its period; exit 2."""


def _period(job: Job) -> int:
    if job.period is None:
        raise PeriodMissing("quyết định cần PERIOD (đợt)")
    return job.period


def _report_periods(folder: Path) -> list[int | None]:
    numbers: list[int | None] = [
        int(p.stem.rsplit("-", 1)[1]) for p in sorted(folder.glob("bao-cao-dot-*.yaml"))
    ]
    return numbers + ([None] if (folder / report_file(None)).is_file() else [])


KINDS: dict[str, Kind] = {
    "plan": Kind(
        "plan",
        periods=lambda _folder: [None],
        render=lambda job: render_plan(job.project, job.year, draft=job.draft, content=job.content),
        build=lambda job: Built(build_plan(job.project, job.year, content=job.content), []),
    ),
    "decision": Kind(
        "decision",
        periods=lambda folder: list(decision_periods(folder)),
        render=lambda job: render_decision(job.project, job.year, _period(job), content=job.content)[0],
        build=lambda job: build_decision(job.project, job.year, _period(job), content=job.content),
    ),
    "report": Kind(
        "report",
        periods=_report_periods,
        render=lambda job: render_report(
            job.project, job.year, job.period, today=job.today, content=job.content
        )[0],
        build=lambda job: build_report(
            job.project, job.year, job.period, today=job.today, content=job.content
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
            yield kind.build(Job(project, year, period, today, content=content))


def render_kind(project: Project, kind: str, year: int, period: int | None, *, draft: bool = False) -> bytes:
    """One document of a kind as .docx bytes (make diff)."""
    if kind == "decision" and period is None:
        raise PeriodMissing("so sánh quyết định cần PERIOD (đợt)")
    return KINDS[kind].render(Job(project, year, period, dt.date.today(), draft=draft))

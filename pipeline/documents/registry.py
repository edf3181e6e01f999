"""The document kinds side by side, and how each becomes a file: what the command line, `all`,
`diff` and `pdf` iterate.

Each kind's rules, template context, template and file name live in its package (plan/,
decision/, report/); `year.py` validates them once per Content. All builds of one command share
one Content, so each content file is read once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.project import Content, Project
from pipeline.documents.decision import context as decision
from pipeline.documents.decision.rules import decision_periods
from pipeline.documents.minutes import context as minutes
from pipeline.documents.minutes.rules import minutes_periods
from pipeline.documents.plan import context as plan
from pipeline.documents.proposal import context as proposal
from pipeline.documents.report import context as report
from pipeline.documents.report.rules import ValidReport, report_file
from pipeline.documents.shared import Built, document_bytes
from pipeline.documents.year import (
    load_decision,
    load_minutes,
    load_plan,
    load_proposal,
    load_report,
    proposal_periods,
)
from pipeline.errors import ContentError, InputProblem, Problem, os_reason
from pipeline.word.write import write_atomic

PLAN_TEMPLATE = plan.TEMPLATE
DECISION_TEMPLATE = decision.TEMPLATE
REPORT_TEMPLATE = report.TEMPLATE
PROPOSAL_TEMPLATE = proposal.TEMPLATE
MINUTES_TEMPLATE = minutes.TEMPLATE


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
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The decision of a period as .docx bytes, with the warnings its rules raised."""
    valid = load_decision(project.root, year, period, draft=draft, content=content or Content(project))
    context, props = decision.decision_context(valid), decision.decision_properties(valid)
    return document_bytes(project.templates, decision.TEMPLATE, context, props), valid.warnings


def build_decision(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> Built:
    data, warnings = render_decision(project, year, period, draft=draft, content=content)
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
    draft: bool = False,
    content: Content | None = None,
) -> tuple[bytes, ValidReport]:
    """A báo cáo sơ kết (period) or tổng kết (period None) as .docx bytes, with its validated input."""
    valid = load_report(
        project.root,
        year,
        period,
        today=today,
        report_date=report_date,
        draft=draft,
        content=content or Content(project),
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
    draft: bool = False,
    content: Content | None = None,
) -> tuple[Built, ValidReport]:
    data, valid = render_report(
        project, year, period, today=today, report_date=report_date, draft=draft, content=content
    )
    path = project.output_dir(year) / report.output_name(year, valid)
    write_atomic(path, data)
    return Built(path, valid.warnings), valid


def render_proposal(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The Tờ trình of a period as .docx bytes, with the warnings its rules raised."""
    valid = load_proposal(project.root, year, period, draft=draft, content=content or Content(project))
    context, props = proposal.proposal_context(valid), proposal.proposal_properties(valid)
    return document_bytes(project.templates, proposal.TEMPLATE, context, props), valid.warnings


def build_proposal(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> Built:
    data, warnings = render_proposal(project, year, period, draft=draft, content=content)
    path = project.output_dir(year) / proposal.output_name(year, period)
    write_atomic(path, data)
    return Built(path, warnings)


def render_minutes(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The council's minutes of a period as .docx bytes, with the warnings its rules raised."""
    valid = load_minutes(project.root, year, period, draft=draft, content=content or Content(project))
    context, props = minutes.minutes_context(valid), minutes.minutes_properties(valid)
    return document_bytes(project.templates, minutes.TEMPLATE, context, props), valid.warnings


def build_minutes(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> Built:
    data, warnings = render_minutes(project, year, period, draft=draft, content=content)
    path = project.output_dir(year) / minutes.output_name(year, period)
    write_atomic(path, data)
    return Built(path, warnings)


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
class Prepared:
    """A document rendered, not yet written."""

    path: Path
    data: bytes
    warnings: list[Problem]


@dataclass(frozen=True)
class Kind:
    name: str
    periods: Callable[[Path], list[int | None]]
    """The documents of this kind a year's content folder holds, by period (None: the year's)."""
    prepare: Callable[[Job], Prepared]
    """Render the document and name its file; nothing is written."""

    def render(self, job: Job) -> bytes:
        return self.prepare(job).data

    def build(self, job: Job) -> Built:
        """Write the file; return it with its warnings."""
        prepared = self.prepare(job)
        write_atomic(prepared.path, prepared.data)
        return Built(prepared.path, prepared.warnings)


class PeriodMissing(InputProblem):
    """A decision asked for without its period; exit 2."""


def _period(job: Job, what: str = "quyết định") -> int:
    if job.period is None:
        raise PeriodMissing(f"{what} cần PERIOD (đợt)")
    return job.period


def _report_periods(folder: Path) -> list[int | None]:
    numbers: list[int | None] = [
        int(p.stem.rsplit("-", 1)[1]) for p in sorted(folder.glob("bao-cao-dot-*.yaml"))
    ]
    return numbers + ([None] if (folder / report_file(None)).is_file() else [])


def _plan(job: Job) -> Prepared:
    data = render_plan(job.project, job.year, draft=job.draft, content=job.content)
    return Prepared(job.project.output_dir(job.year) / plan.output_name(job.year), data, [])


def _decision(job: Job) -> Prepared:
    period = _period(job)
    data, warnings = render_decision(job.project, job.year, period, draft=job.draft, content=job.content)
    return Prepared(job.project.output_dir(job.year) / decision.output_name(job.year, period), data, warnings)


def _proposal(job: Job) -> Prepared:
    period = _period(job, "tờ trình")
    data, warnings = render_proposal(job.project, job.year, period, draft=job.draft, content=job.content)
    return Prepared(job.project.output_dir(job.year) / proposal.output_name(job.year, period), data, warnings)


def _minutes(job: Job) -> Prepared:
    period = _period(job, "biên bản")
    data, warnings = render_minutes(job.project, job.year, period, draft=job.draft, content=job.content)
    return Prepared(job.project.output_dir(job.year) / minutes.output_name(job.year, period), data, warnings)


def _report(job: Job) -> Prepared:
    data, valid = render_report(
        job.project, job.year, job.period, today=job.today, draft=job.draft, content=job.content
    )
    return Prepared(
        job.project.output_dir(job.year) / report.output_name(job.year, valid), data, valid.warnings
    )


KINDS: dict[str, Kind] = {
    "plan": Kind("plan", periods=lambda _folder: [None], prepare=_plan),
    "minutes": Kind("minutes", periods=lambda folder: list(minutes_periods(folder)), prepare=_minutes),
    "decision": Kind("decision", periods=lambda folder: list(decision_periods(folder)), prepare=_decision),
    "report": Kind("report", periods=_report_periods, prepare=_report),
    "proposal": Kind("proposal", periods=lambda folder: list(proposal_periods(folder)), prepare=_proposal),
}


class PartlyWritten(InputProblem):
    """Writing stopped after some files were written: the message names them; exit 2."""


def build_all(project: Project, year: int, *, today: dt.date, content: Content | None = None) -> list[Built]:
    """Every document of the year that has content, kind by kind; one Content for all of them.

    Every document is validated and rendered first: if any is wrong, ContentError lists the
    problems of all of them and nothing is written. A failure while writing names what was written.
    """
    content = content or Content(project)
    folder = project.content_dir(year)
    prepared: list[Prepared] = []
    problems: list[Problem] = []
    for kind in KINDS.values():
        for period in kind.periods(folder):
            try:
                prepared.append(kind.prepare(Job(project, year, period, today, content=content)))
            except ContentError as exc:
                problems += [p for p in exc.problems if p not in problems]
    if problems:
        raise ContentError(problems)
    built: list[Built] = []
    for item in prepared:
        try:
            write_atomic(item.path, item.data)
        except OSError as exc:
            written = ", ".join(project.display(b.path) for b in built) or "không có tệp nào"
            raise PartlyWritten(
                f"{project.display(item.path)}: không ghi được ({os_reason(exc)}); đã ghi: {written}"
            ) from exc
        built.append(Built(item.path, item.warnings))
    return built


def render_kind(project: Project, kind: str, year: int, period: int | None, *, draft: bool = False) -> bytes:
    """One document of a kind as .docx bytes (make diff)."""
    names = {"decision": "quyết định", "proposal": "tờ trình", "minutes": "biên bản"}
    if kind in names and period is None:
        raise PeriodMissing(f"so sánh {names[kind]} cần PERIOD (đợt)")
    return KINDS[kind].render(Job(project, year, period, dt.date.today(), draft=draft))

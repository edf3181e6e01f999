"""Runs the stages for one document: load → validate → compute → render → write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import (
    compute,
    compute_decision,
    compute_report,
    render,
    validate,
    validate_decision,
    validate_report,
    write,
)
from .errors import Problem

PLAN_TEMPLATE = "ke-hoach.docx"
DECISION_TEMPLATE = "quyet-dinh.docx"
REPORT_TEMPLATE = "bao-cao.docx"


@dataclass(frozen=True)
class Project:
    """Where content, templates and output live."""

    root: Path

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    def output_dir(self, year: int) -> Path:
        return self.root / "output" / str(year)


def plan_properties(plan: validate.ValidPlan) -> write.Properties:
    doc = plan.content.document
    number = compute.number_line(plan.issuer, doc.number, "ke-hoach").removeprefix("Số: ").strip()
    draft = "; dự thảo" if plan.draft else ""
    return write.Properties(
        title=f"Kế hoạch {compute.lower_first(plan.content.subject)}",
        subject=plan.content.subject,
        author=plan.issuer.full_name,
        keywords=f"{number}; kế hoạch; thi đua, khen thưởng; {plan.year}{draft}",
        date=plan.date,
    )


def render_plan(project: Project, year: int, *, draft: bool = False) -> bytes:
    """The plan of a year as .docx bytes; raises ContentError or TemplateProblem."""
    plan = validate.load_plan(project.root, year, draft=draft)
    context = compute.plan_context(plan)
    document = render.render(project.templates / PLAN_TEMPLATE, context)
    write.set_properties(document.docx, plan_properties(plan))
    return write.normalize_zip(render.to_bytes(document))


def build_plan(project: Project, year: int, *, draft: bool = False) -> Path:
    data = render_plan(project, year, draft=draft)
    path = project.output_dir(year) / f"ke-hoach-{year}.docx"
    write.write_atomic(path, data)
    return path


@dataclass(frozen=True)
class Built:
    path: Path
    warnings: list[Problem]


def decision_properties(decision: validate_decision.ValidDecision) -> write.Properties:
    doc = decision.content.document
    number = compute.number_line(decision.issuer, doc.number, "quyet-dinh").removeprefix("Số: ").strip()
    return write.Properties(
        title=f"Quyết định về việc {decision.content.subject}",
        subject=decision.content.subject,
        author=decision.issuer.full_name,
        keywords=f"{number}; quyết định khen thưởng; đợt {decision.period}; {decision.year}",
        date=decision.date,
    )


def render_decision(project: Project, year: int, period: int) -> tuple[bytes, list[Problem]]:
    """The decision of a period as .docx bytes, with the warnings its rules raised."""
    decision = validate_decision.load_decision(project.root, year, period)
    context = compute_decision.decision_context(decision)
    document = render.render(project.templates / DECISION_TEMPLATE, context)
    write.set_properties(document.docx, decision_properties(decision))
    return write.normalize_zip(render.to_bytes(document)), decision.warnings


def build_decision(project: Project, year: int, period: int) -> Built:
    data, warnings = render_decision(project, year, period)
    path = project.output_dir(year) / f"quyet-dinh-dot-{period}-{year}.docx"
    write.write_atomic(path, data)
    return Built(path, warnings)


def report_properties(report: validate_report.ValidReport) -> write.Properties:
    doc = report.content.document
    number = compute.number_line(report.issuer, doc.number, "bao-cao").removeprefix("Số: ").strip()
    draft = "; dự thảo" if report.draft else ""
    return write.Properties(
        title=f"Báo cáo {compute.lower_first(report.content.subject)}",
        subject=report.content.subject,
        author=report.issuer.full_name,
        keywords=f"{number}; báo cáo {report.scope.kind}; {report.scope.label(report.year)}{draft}",
        date=report.date,
    )


def render_report(
    project: Project, year: int, period: int | None, *, today: dt.date, report_date: dt.date | None = None
) -> tuple[bytes, validate_report.ValidReport]:
    """A báo cáo sơ kết (period) or tổng kết (period None) as .docx bytes, with its validated input."""
    report = validate_report.load_report(project.root, year, period, today=today, report_date=report_date)
    context = compute_report.report_context(report)
    document = render.render(project.templates / REPORT_TEMPLATE, context)
    write.set_properties(document.docx, report_properties(report))
    return write.normalize_zip(render.to_bytes(document)), report


def report_name(year: int, report: validate_report.ValidReport) -> str:
    if report.scope.period is None:
        return f"bao-cao-tong-ket-{year}.docx"
    return f"bao-cao-so-ket-dot-{report.scope.period}-{year}.docx"


def build_report(
    project: Project, year: int, period: int | None, *, today: dt.date, report_date: dt.date | None = None
) -> tuple[Built, validate_report.ValidReport]:
    data, report = render_report(project, year, period, today=today, report_date=report_date)
    path = project.output_dir(year) / report_name(year, report)
    write.write_atomic(path, data)
    return Built(path, report.warnings), report

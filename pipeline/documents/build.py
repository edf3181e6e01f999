"""Runs the stages for one document: load → validate → compute → render → write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.content.model import Issuer
from pipeline.documents.plan import context as compute
from pipeline.documents.plan import rules as validate
from pipeline.errors import Problem
from pipeline.word import render, write

if TYPE_CHECKING:
    from pipeline.documents.report.rules import ValidReport

PLAN_TEMPLATE = "ke-hoach.docx"
DECISION_TEMPLATE = "quyet-dinh.docx"
REPORT_TEMPLATE = "bao-cao.docx"
DOCUMENT_KINDS = ("plan", "decision", "report")


@dataclass(frozen=True)
class Project:
    """Where content, templates and output live."""

    root: Path

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    def output_dir(self, year: int) -> Path:
        return self.root / "output" / str(year)


def properties(
    kind: str, label: str, subject: str, issuer: Issuer, number: int | None, details: str, date: dt.date
) -> write.Properties:
    """Core properties from the content: title, subject, author, keywords with number and symbol."""
    symbol = compute.number_line(issuer, number, kind).removeprefix("Số: ").strip()
    return write.Properties(
        title=f"{label} {compute.lower_first(subject)}",
        subject=subject,
        author=issuer.full_name,
        keywords=f"{symbol}; {details}",
        date=date,
    )


def document_bytes(project: Project, template: str, context: dict, props: write.Properties) -> bytes:
    """Render a template, stamp its properties, and return reproducible .docx bytes."""
    document = render.render(project.templates / template, context)
    write.set_properties(document.docx, props)
    return write.normalize_zip(render.to_bytes(document))


def render_plan(project: Project, year: int, *, draft: bool = False) -> bytes:
    """The plan of a year as .docx bytes; raises ContentError or TemplateProblem."""
    plan = validate.load_plan(project.root, year, draft=draft)
    content = plan.content
    details = f"kế hoạch; thi đua, khen thưởng; {year}" + ("; dự thảo" if plan.draft else "")
    props = properties(
        "ke-hoach", "Kế hoạch", content.subject, plan.issuer, content.document.number, details, plan.date
    )
    return document_bytes(project, PLAN_TEMPLATE, compute.plan_context(plan), props)


def build_plan(project: Project, year: int, *, draft: bool = False) -> Path:
    data = render_plan(project, year, draft=draft)
    path = project.output_dir(year) / f"ke-hoach-{year}.docx"
    write.write_atomic(path, data)
    return path


@dataclass(frozen=True)
class Built:
    path: Path
    warnings: list[Problem]


def render_decision(project: Project, year: int, period: int) -> tuple[bytes, list[Problem]]:
    """The decision of a period as .docx bytes, with the warnings its rules raised."""
    # spreadsheets and money: only for decisions
    from pipeline.documents.decision import context as compute_decision
    from pipeline.documents.decision import rules as validate_decision

    decision = validate_decision.load_decision(project.root, year, period)
    content = decision.content
    details = f"quyết định khen thưởng; đợt {period}; {year}"
    props = properties(
        "quyet-dinh",
        "Quyết định về việc",
        content.subject,
        decision.issuer,
        content.document.number,
        details,
        decision.date,
    )
    data = document_bytes(project, DECISION_TEMPLATE, compute_decision.decision_context(decision), props)
    return data, decision.warnings


def build_decision(project: Project, year: int, period: int) -> Built:
    data, warnings = render_decision(project, year, period)
    path = project.output_dir(year) / f"quyet-dinh-dot-{period}-{year}.docx"
    write.write_atomic(path, data)
    return Built(path, warnings)


def render_report(
    project: Project, year: int, period: int | None, *, today: dt.date, report_date: dt.date | None = None
) -> tuple[bytes, ValidReport]:
    """A báo cáo sơ kết (period) or tổng kết (period None) as .docx bytes, with its validated input."""
    from pipeline.documents.report import context as compute_report
    from pipeline.documents.report import rules as validate_report

    report = validate_report.load_report(project.root, year, period, today=today, report_date=report_date)
    content = report.content
    details = f"báo cáo {report.scope.kind}; {report.scope.label(year)}" + (
        "; dự thảo" if report.draft else ""
    )
    props = properties(
        "bao-cao", "Báo cáo", content.subject, report.issuer, content.document.number, details, report.date
    )
    return document_bytes(project, REPORT_TEMPLATE, compute_report.report_context(report), props), report


def report_name(year: int, report: ValidReport) -> str:
    if report.scope.period is None:
        return f"bao-cao-tong-ket-{year}.docx"
    return f"bao-cao-so-ket-dot-{report.scope.period}-{year}.docx"


def build_report(
    project: Project, year: int, period: int | None, *, today: dt.date, report_date: dt.date | None = None
) -> tuple[Built, ValidReport]:
    data, report = render_report(project, year, period, today=today, report_date=report_date)
    path = project.output_dir(year) / report_name(year, report)
    write.write_atomic(path, data)
    return Built(path, report.warnings), report

"""The report (báo cáo sơ kết, tổng kết) as a document: template, file name, properties, bytes."""

from __future__ import annotations

import datetime as dt

from pipeline.content.project import Content, Project
from pipeline.documents.report.context import report_context
from pipeline.documents.report.rules import ValidReport, load_report
from pipeline.documents.shared import Built, document_bytes, properties
from pipeline.word.write import write_atomic

REPORT_TEMPLATE = "bao-cao.docx"


def report_name(year: int, report: ValidReport) -> str:
    if report.scope.period is None:
        return f"bao-cao-tong-ket-{year}.docx"
    return f"bao-cao-so-ket-dot-{report.scope.period}-{year}.docx"


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
    report = load_report(
        project.root, year, period, today=today, report_date=report_date, content=content or Content(project)
    )
    text = report.content
    details = f"báo cáo {report.scope.kind}; {report.scope.label(year)}" + (
        "; dự thảo" if report.draft else ""
    )
    props = properties(
        "bao-cao", "Báo cáo", text.subject, report.issuer, text.document.number, details, report.date
    )
    return document_bytes(project.templates, REPORT_TEMPLATE, report_context(report), props), report


def build_report(
    project: Project,
    year: int,
    period: int | None,
    *,
    today: dt.date,
    report_date: dt.date | None = None,
    content: Content | None = None,
) -> tuple[Built, ValidReport]:
    data, report = render_report(project, year, period, today=today, report_date=report_date, content=content)
    path = project.output_dir(year) / report_name(year, report)
    write_atomic(path, data)
    return Built(path, report.warnings), report

"""The decision (quyết định khen thưởng) as a document: template, file name, properties, bytes."""

from __future__ import annotations

from pipeline.content.project import Content, Project
from pipeline.documents.decision.context import decision_context
from pipeline.documents.decision.rules import load_decision
from pipeline.documents.shared import Built, document_bytes, properties
from pipeline.errors import Problem
from pipeline.word.write import write_atomic

DECISION_TEMPLATE = "quyet-dinh.docx"


def decision_file(year: int, period: int) -> str:
    return f"quyet-dinh-dot-{period}-{year}.docx"


def render_decision(
    project: Project, year: int, period: int, *, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The decision of a period as .docx bytes, with the warnings its rules raised."""
    decision = load_decision(project.root, year, period, content=content or Content(project))
    text = decision.content
    details = f"quyết định khen thưởng; đợt {period}; {year}"
    props = properties(
        "quyet-dinh",
        "Quyết định về việc",
        text.subject,
        decision.issuer,
        text.document.number,
        details,
        decision.date,
    )
    data = document_bytes(project.templates, DECISION_TEMPLATE, decision_context(decision), props)
    return data, decision.warnings


def build_decision(project: Project, year: int, period: int, *, content: Content | None = None) -> Built:
    data, warnings = render_decision(project, year, period, content=content)
    path = project.output_dir(year) / decision_file(year, period)
    write_atomic(path, data)
    return Built(path, warnings)

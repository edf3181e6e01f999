"""The plan as a document: its template, file name, properties and bytes."""

from __future__ import annotations

from pathlib import Path

from pipeline.content.project import Content, Project
from pipeline.documents.plan.context import plan_context
from pipeline.documents.plan.rules import load_plan
from pipeline.documents.shared import document_bytes, properties
from pipeline.word.write import write_atomic

PLAN_TEMPLATE = "ke-hoach.docx"


def plan_file(year: int) -> str:
    return f"ke-hoach-{year}.docx"


def render_plan(project: Project, year: int, *, draft: bool = False, content: Content | None = None) -> bytes:
    """The plan of a year as .docx bytes; raises ContentError or TemplateProblem."""
    plan = load_plan(project.root, year, draft=draft, content=content or Content(project))
    text = plan.content
    details = f"kế hoạch; thi đua, khen thưởng; {year}" + ("; dự thảo" if plan.draft else "")
    props = properties(
        "ke-hoach", "Kế hoạch", text.subject, plan.issuer, text.document.number, details, plan.date
    )
    return document_bytes(project.templates, PLAN_TEMPLATE, plan_context(plan), props)


def build_plan(project: Project, year: int, *, draft: bool = False, content: Content | None = None) -> Path:
    data = render_plan(project, year, draft=draft, content=content)
    path = project.output_dir(year) / plan_file(year)
    write_atomic(path, data)
    return path

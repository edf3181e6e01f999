"""Runs the stages for one document: load → validate → compute → render → write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import compute, compute_decision, render, validate, validate_decision, write
from .errors import Problem

PLAN_TEMPLATE = "ke-hoach.docx"
DECISION_TEMPLATE = "quyet-dinh.docx"


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
    return write.Properties(
        title=f"Kế hoạch {compute.lower_first(plan.content.subject)}",
        subject=plan.content.subject,
        author=plan.issuer.full_name,
        keywords=f"{number}; kế hoạch; thi đua, khen thưởng; {plan.year}",
        date=plan.date,
    )


def render_plan(project: Project, year: int) -> bytes:
    """The plan of a year as .docx bytes; raises ContentError or TemplateProblem."""
    plan = validate.load_plan(project.root, year)
    context = compute.plan_context(plan)
    document = render.render(project.templates / PLAN_TEMPLATE, context)
    write.set_properties(document.docx, plan_properties(plan))
    return write.normalize_zip(render.to_bytes(document))


def build_plan(project: Project, year: int) -> Path:
    data = render_plan(project, year)
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

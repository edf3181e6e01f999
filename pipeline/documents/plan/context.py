"""The plan's template context: every date, count and citation derived from the content."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pipeline.documents.shared import (
    cited,
    distribution_lines,
    expand_prose,
    header_context,
    lower_first,
    properties,
    signature_lines,
)
from pipeline.vn import dates
from pipeline.vn.amounts import two_digits
from pipeline.word.write import Properties

if TYPE_CHECKING:
    from pipeline.documents.plan.rules import ValidPlan


def output_name(year: int) -> str:
    return f"ke-hoach-{year}.docx"


def plan_properties(plan: ValidPlan) -> Properties:
    text = plan.content
    details = f"kế hoạch; thi đua, khen thưởng; {plan.year}" + ("; dự thảo" if plan.draft else "")
    return properties(
        text.kind.symbol, text.kind.name, text.subject, plan.issuer, text.document.number, details, plan.date
    )


def plan_context(plan: ValidPlan) -> dict[str, Any]:
    content, catalogs, issuer, year = plan.content, plan.catalogs, plan.issuer, plan.year
    count = len(content.periods)

    span = plan.span

    def prose(text: str, within: tuple[dt.date, dt.date] = span) -> str:
        return expand_prose(text, catalogs, year, count, plan.date, within)

    departments = {d.code: d.name for d in issuer.departments}
    dossier_offices = {d.code: d.reference for d in issuer.departments}
    periods = []
    for number, period in enumerate(content.periods, start=1):
        review = period.review
        within = (period.start, period.end)
        scope = f" đợt {plan.period_label(number)}" if review.kind == "sơ kết" else ""
        closing = (
            f"Tổ chức {review.kind} cùng với {prose(review.together_with, within)}. "
            f"Thời hạn gửi hồ sơ đề nghị khen thưởng{scope} về {dossier_offices[period.dossiers_to]} "
            f"chậm nhất ngày {dates.numeric(period.deadline)}."
        )
        if period.note:
            closing += " " + prose(period.note, within)
        periods.append(
            {
                "label": plan.period_label(number),
                "start": dates.numeric(period.start),
                "end": dates.numeric(period.end),
                "paragraphs": [prose(period.celebrate, within), closing],
            }
        )
    duties = []
    for duty in content.duties:
        text = prose(duty.text)
        duties.append(f"{departments[duty.department]} {text}" if duty.department else text)

    doc = content.document
    kind = content.kind
    marked_month = plan.is_marked("document", "month")
    return {
        "header": header_context(
            issuer,
            kind.symbol,
            doc.number,
            doc.date,
            plan.date,
            month_known=not marked_month,
            numbered=kind.numbered,
            excerpt="" if kind.titled else f"V/v {lower_first(content.subject)}",
        ),
        "kind": {"name": kind.name, "title": kind.name.upper() if kind.titled else "", "titled": kind.titled},
        "draft": plan.draft,
        "subject": content.subject,
        "subject_in_text": lower_first(content.subject),
        "basis": f"[{content.basis}]"
        if plan.is_marked("basis")
        else cited(catalogs.legal[content.basis], plan.date, catalogs),
        "issuer": {
            "full_name": issuer.full_name,
            "common_name": issuer.common_name,
            "short_name": issuer.short_name,
        },
        "purposes": [prose(t) for t in content.purposes],
        "requirements": [prose(t) for t in content.requirements],
        "tasks": [
            {
                "title": prose(task.title),
                "paragraphs": [prose(t) for t in task.paragraphs],
                "bullets": [prose(t) for t in task.items],
            }
            for task in content.tasks
        ],
        "period_count": two_digits(count),
        "periods": periods,
        "duties": duties,
        "closing": {
            "recipients": distribution_lines(content.recipients, doc.drafted_by),
            "signature_lines": signature_lines(issuer, plan.signer, doc.authority),
            "signer_name": plan.signer.name if plan.signer else "",
        },
    }

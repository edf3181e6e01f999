"""Compute stage: the render context, with every date, count and citation derived from content."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipeline.content.model import Anniversary, Issuer, LegalDocument, Signer
from pipeline.documents.plan.rules import Catalogs, ValidPlan
from pipeline.vn import dates, inline

TYPE_ABBREVIATIONS = {"ke-hoach": "KH", "quyet-dinh": "QĐ", "bao-cao": "BC"}


def two_digits(count: int) -> str:
    """Counts below 10 take a leading zero in administrative prose: '02 đợt'."""
    return f"{count:02d}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def anniversary_text(anniversary: Anniversary, year: int) -> str:
    """'94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)'."""
    years = year - anniversary.origin.year
    recurrence = dates.anniversary_of(anniversary.origin, year)
    span = f"{dates.numeric(anniversary.origin)} - {dates.numeric(recurrence)}"
    return f"{years} năm {anniversary.name} ({span})"


def document_number(doc: LegalDocument) -> str:
    separator = "-" if doc.party else "/"
    return f"{doc.number}{separator}{doc.symbol}"


def citation(doc: LegalDocument, *, spelled: bool = False) -> str:
    """'Kế hoạch số 18/KH-UBND ngày 15/01/2024 của UBND tỉnh Bắc Kạn về công tác ...'.

    `spelled` writes the date as "ngày 15 tháng 01 năm 2024", as the Căn cứ lines of a decision do.
    """
    day = dates.spelled(doc.date) if spelled else f"ngày {dates.numeric(doc.date)}"
    if doc.title is not None:
        return f"{doc.title} {day}"
    text = f"{doc.type} số {document_number(doc)} {day} của {doc.issuer}"
    if doc.subject:
        text += f" {doc.connector} {doc.subject}" if doc.connector else f" {doc.subject}"
    return text


def expand(text: str, catalogs: Catalogs, year: int, period_count: int) -> str:
    def resolve(ref: inline.Reference) -> str:
        if ref.kind == "ky-niem":
            return anniversary_text(catalogs.anniversaries[ref.id], year)
        if ref.kind == "phong-trao":
            return f"“{catalogs.movements[ref.id].name}”"
        if ref.kind == "van-ban":
            return citation(catalogs.legal[ref.id])
        return two_digits(period_count)

    return inline.expand(text, resolve)


def number_line(issuer: Issuer, number: int | None, kind: str) -> str:
    """'Số: 05/KH-VP', or 'Số:      /KH-VP' before the number is given."""
    shown = two_digits(number) if number is not None else dates.BLANK
    return f"Số: {shown}/{TYPE_ABBREVIATIONS[kind]}-{issuer.symbol}"


def signature_lines(issuer: Issuer, signer: Signer | None, authority: str) -> list[str]:
    """Authority and title lines over the signer's name, as Nghị định 30 allows.

    A draft whose signer is not decided yet shows the head's title alone.
    """
    head = issuer.head_title.upper()
    if signer is None:
        return [head]
    own = signer.title.upper()
    if authority == "":
        return [own]
    if authority == "Q.":
        return [f"Q. {head}"]
    if authority == "TM.":
        return [f"TM. {issuer.full_name.upper()}", own]
    return [f"{authority} {head}", own]


def recipient_lines(groups: list[Any], archive_unit: str) -> list[str]:
    """'- Sở Nội vụ;' each, headings as written, the last '- Lưu: VT, <unit>.'."""
    lines: list[str] = []
    for group in groups:
        if group.heading:
            lines.append(f"{group.heading.rstrip(':')}:")
        lines.extend(f"- {name.rstrip(';')};" for name in group.to)
    lines.append(f"- Lưu: VT, {archive_unit}.")
    return lines


def header_context(
    issuer: Issuer,
    kind: str,
    number: int | None,
    date: dt.date | None,
    on: dt.date,
    *,
    month_known: bool = True,
) -> dict[str, str]:
    """Issuing body, number line and place-and-date line; the month stays blank while unknown."""
    return {
        "parent": issuer.parent,
        "name": issuer.name,
        "number_line": number_line(issuer, number, kind),
        "place_date": dates.place_and_date(issuer.place, date, on.month if month_known else None, on.year),
    }


def plan_context(plan: ValidPlan) -> dict[str, Any]:
    content, catalogs, issuer, year = plan.content, plan.catalogs, plan.issuer, plan.year
    count = len(content.periods)

    def prose(text: str) -> str:
        return expand(text, catalogs, year, count)

    departments = {d.code: d.name for d in issuer.departments}
    periods = []
    for number, period in enumerate(content.periods, start=1):
        review = period.review
        scope = f" đợt {number}" if review.kind == "sơ kết" else ""
        closing = (
            f"Tổ chức {review.kind} cùng với {prose(review.together_with)}. "
            f"Thời hạn gửi hồ sơ đề nghị khen thưởng{scope} về phòng {period.dossiers_to} "
            f"chậm nhất ngày {dates.numeric(period.deadline)}."
        )
        if period.note:
            closing += " " + prose(period.note)
        periods.append(
            {
                "start": dates.numeric(period.start),
                "end": dates.numeric(period.end),
                "paragraphs": [prose(period.celebrate), closing],
            }
        )
    duties = []
    for duty in content.duties:
        text = prose(duty.text)
        duties.append(f"{departments[duty.department]} {text}" if duty.department else text)

    doc = content.document
    marked_month = plan.is_marked("document", "month")
    return {
        "header": header_context(
            issuer, "ke-hoach", doc.number, doc.date, plan.date, month_known=not marked_month
        ),
        "draft": plan.draft,
        "subject": content.subject,
        "subject_in_text": lower_first(content.subject),
        "basis": f"[{content.basis}]" if plan.is_marked("basis") else citation(catalogs.legal[content.basis]),
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
            "recipients": recipient_lines(content.recipients, doc.drafted_by),
            "signature_lines": signature_lines(issuer, plan.signer, doc.authority),
            "signer_name": plan.signer.name if plan.signer else "",
        },
    }

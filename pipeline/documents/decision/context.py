"""The decision's template context: the articles and the attached list."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pipeline.content.model import RewardForm
from pipeline.documents.decision.money import (
    RECIPIENTS,
    Payment,
    coefficient_text,
    count_text,
    payments,
    withheld_notes,
)
from pipeline.documents.shared import (
    cited,
    date_words,
    distribution_lines,
    document_number,
    header_context,
    properties,
    signature_lines,
)
from pipeline.vn import collation
from pipeline.vn.amounts import grouped, money_in_words, two_digits
from pipeline.word.write import Properties

if TYPE_CHECKING:
    from pipeline.documents.decision.rules import ValidDecision


def output_name(year: int, period: int) -> str:
    return f"quyet-dinh-dot-{period}-{year}.docx"


def decision_properties(decision: ValidDecision) -> Properties:
    text = decision.content
    details = f"quyết định khen thưởng; đợt {decision.period}; {decision.year}"
    return properties(
        "quyet-dinh",
        "Quyết định về việc",
        text.subject,
        decision.issuer,
        text.document.number,
        details,
        decision.date,
    )


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
ROUNDING_UNITS = {1000: "hàng nghìn đồng", 10000: "hàng chục nghìn đồng", 100000: "hàng trăm nghìn đồng"}


def _forms_in_order(decision: ValidDecision) -> list[RewardForm]:
    used = {a.form.id for a in decision.awards}
    return [f for f in decision.catalogs.rewards.forms if f.id in used]


def _verb(form: RewardForm, year: int) -> str:
    if form.kind == "danh hiệu":
        return f"Công nhận danh hiệu “{form.name}”" + (f" năm {year}" if form.annual else "")
    return f"Tặng {form.name}"


LIST_MISSING = "[CẦN BỔ SUNG: danh sách khen thưởng (award_files)]"
"""What a draft without any award prints where the counts and money will go."""


def list_missing(decision: ValidDecision) -> bool:
    """A draft whose award list is not there yet: no count or amount is printed as if known."""
    return decision.draft and not decision.awards


def article1(decision: ValidDecision) -> dict[str, Any]:
    forms = _forms_in_order(decision)
    own = {d.code for d in decision.issuer.departments}
    belong = all(a.unit is not None and a.unit.code in own for a in decision.awards)
    who = (f"thuộc {decision.issuer.full_name} " if belong else "") + decision.content.achievement
    if list_missing(decision):
        text = f"Khen thưởng các tập thể, cá nhân {who} (có danh sách kèm theo): {LIST_MISSING}."
        return {"text": text, "items": []}
    items = []
    for form in forms:
        counts = {
            r: sum(1 for a in decision.awards if a.form.id == form.id and a.recipient == r)
            for r in RECIPIENTS
        }
        items.append(f"{_verb(form, decision.year)} cho {count_text(counts)}")
    if len(items) == 1:
        return {"text": f"{items[0]} {who} (có danh sách kèm theo).", "items": []}
    numbered = [f"{i}. {text}{';' if i < len(items) else '.'}" for i, text in enumerate(items, start=1)]
    return {
        "text": f"Khen thưởng các tập thể, cá nhân {who} (có danh sách kèm theo), cụ thể:",
        "items": numbered,
    }


def article2(decision: ValidDecision, paid: list[Payment]) -> dict[str, Any]:
    from babel.numbers import format_decimal  # Babel's locale data: loaded only for a decision

    base = decision.base_salary
    rounding = decision.catalogs.rewards.rounding
    how = "làm tròn lên" if rounding.mode == "lên" else "làm tròn"
    unit = ROUNDING_UNITS.get(rounding.step, f"bội số của {grouped(rounding.step)} đồng")
    source = f" theo {base.source}" if base.source else ""
    lines = [f"Mức lương cơ sở {grouped(base.amount)} đồng{source}; tiền thưởng {how} {unit}:"]
    for form in _forms_in_order(decision):
        for recipient in RECIPIENTS:
            group = [
                p for p in paid if p.award.form.id == form.id and p.award.recipient == recipient and p.paid
            ]
            if not group:
                continue
            coefficient = form.coefficient(recipient) or Decimal(0)
            raw = coefficient * base.amount
            exact = (
                f"{grouped(int(raw))} đồng" if raw == int(raw) else f"{format_decimal(raw, locale='vi')} đồng"
            )
            formula = f"{coefficient_text(coefficient)} × {grouped(base.amount)} đồng = {exact}"
            amount = group[0].amount
            if amount != raw:
                formula += f", làm tròn {grouped(amount)} đồng"
            subtotal = sum(p.amount for p in group)
            lines.append(
                f"- {form.name}, {recipient}: {formula}; {two_digits(len(group))} {recipient}, "
                f"cộng {grouped(subtotal)} đồng."
            )
    lines.extend(f"- {note[0].upper()}{note[1:]}." for note in withheld_notes(paid))
    total = sum(p.amount for p in paid if p.paid)
    if list_missing(decision):
        lines.append(f"Tổng số tiền thưởng: {LIST_MISSING}.")
    else:
        lines.append(f"Tổng số tiền thưởng: {grouped(total)} đồng (Bằng chữ: {money_in_words(total)}).")
    lines.append(f"Nguồn kinh phí: {decision.content.funding.rstrip('.')}.")
    return {"lines": lines, "total": total}


def _detail(payment: Payment) -> str:
    record, unit = payment.award.record, payment.award.unit
    if payment.award.recipient == "tập thể":
        return record.position or ""
    parts = [record.position, unit.name if unit else record.unit]
    return ", ".join(p for p in parts if p)


def _sorted(group: list[Payment], order: str) -> list[Payment]:
    """As sent, or by name: a person by given name, a collective by its full name ("Phòng Kinh tế")."""
    if order != "theo tên":
        return group

    def key(payment: Payment) -> object:
        name = payment.award.record.name
        return collation.name_key(name) if payment.award.recipient == "cá nhân" else collation.text_key(name)

    return sorted(group, key=key)


def list_rows(decision: ValidDecision, paid: list[Payment]) -> list[dict[str, str]]:
    """The attached list: group rows, award rows, a subtotal per group."""
    forms = _forms_in_order(decision)
    rows: list[dict[str, str]] = []

    def block(payments_in_group: list[Payment], number: str, label: str) -> None:
        rows.append({"kind": "group", "number": number, "label": label, "amount": ""})
        for index, payment in enumerate(_sorted(payments_in_group, decision.content.order), start=1):
            rows.append(
                {
                    "kind": "item",
                    "number": str(index),
                    "label": payment.award.record.name,
                    "detail": _detail(payment),
                    "amount": grouped(payment.amount) if payment.paid else "-",
                }
            )
        subtotal = sum(p.amount for p in payments_in_group if p.paid)
        rows.append({"kind": "subtotal", "number": "", "label": "Cộng", "amount": grouped(subtotal)})

    def by_recipient(group: Iterable[Payment]) -> list[tuple[str, list[Payment]]]:
        items = list(group)
        found = [(r, [p for p in items if p.award.recipient == r]) for r in RECIPIENTS]
        return [(r, g) for r, g in found if g]

    if len(forms) == 1:
        for i, (recipient, group) in enumerate(by_recipient(paid)):
            block(group, ROMAN[i], recipient.capitalize())
        return rows
    for i, form in enumerate(forms):
        title = f"Danh hiệu “{form.name}”" if form.kind == "danh hiệu" else form.name
        rows.append({"kind": "heading", "number": ROMAN[i], "label": title, "amount": ""})
        for j, (recipient, group) in enumerate(
            by_recipient(p for p in paid if p.award.form.id == form.id), 1
        ):
            block(group, str(j), recipient.capitalize())
    return rows


def decision_context(decision: ValidDecision) -> dict[str, Any]:
    content, issuer, year = decision.content, decision.issuer, decision.year
    doc = content.document
    catalogs = decision.catalogs
    paid = payments(decision)
    notes = withheld_notes(paid)
    second = article2(decision, paid)
    bases = [
        "Căn cứ "
        + (b if b not in catalogs.legal else cited(catalogs.legal[b], decision.date, catalogs, spelled=True))
        + ";"
        for b in content.bases
    ]
    return {
        "header": header_context(issuer, "quyet-dinh", doc.number, doc.date, decision.date),
        "draft": decision.draft,
        "subject": content.subject,
        "authority_line": issuer.head_full_title.upper(),
        "bases": bases,
        "proposal": content.proposal.rstrip(".;") + ".",
        "article1": article1(decision),
        "article2": {"lead": second["lines"][0], "lines": second["lines"][1:]},
        "article3": f"{content.executors} chịu trách nhiệm thi hành Quyết định này./.",
        "closing": {
            "recipients": distribution_lines(content.recipients, doc.drafted_by),
            "signature_lines": signature_lines(issuer, decision.signer, doc.authority),
            "signer_name": decision.signer.name if decision.signer else "",
        },
        "award_list": {
            "title": content.list_title,
            "attribution": f"(Kèm theo Quyết định số {document_number('quyet-dinh', issuer, doc.number)} "
            f"{date_words(doc.date, decision.date)} "
            f"của {issuer.head_common_title})",
            "rows": list_rows(decision, paid),
            "total": "[CẦN BỔ SUNG]" if list_missing(decision) else grouped(second["total"]),
            "in_words": "Bằng chữ: "
            + (LIST_MISSING if list_missing(decision) else money_in_words(second["total"]))
            + ".",
            "note": f"Ghi chú: “-”: {'; '.join(notes)}." if notes else "",
        },
        "year": year,
    }

"""Compute stage for commendation decisions: reward money, the articles and the attached list."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.numbers import format_decimal

from pipeline.content.model import RewardForm, Rounding
from pipeline.documents.decision.rules import Award, ValidDecision
from pipeline.documents.plan.context import (
    citation,
    header_context,
    recipient_lines,
    signature_lines,
    two_digits,
)
from pipeline.vn import collation, dates
from pipeline.vn.amounts import grouped, money_in_words

RECIPIENTS = ("tập thể", "cá nhân")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
ROUNDING_UNITS = {1000: "hàng nghìn đồng", 10000: "hàng chục nghìn đồng", 100000: "hàng trăm nghìn đồng"}


def reward_amount(coefficient: Decimal, base_salary: int, rounding: Rounding) -> int:
    """Coefficient × base salary, rounded as the content says (default: up to 10.000 đ)."""
    raw = coefficient * base_salary
    steps = raw / rounding.step
    if rounding.mode == "lên":
        return math.ceil(steps) * rounding.step
    return int(steps.quantize(Decimal(1), rounding=ROUND_HALF_UP)) * rounding.step


def coefficient_text(coefficient: Decimal) -> str:
    """'0,3', '1,0', '1,5' — the Vietnamese decimal comma."""
    return format_decimal(coefficient, format="0.0##", locale="vi")


def count_text(counts: dict[str, int]) -> str:
    """'02 tập thể và 15 cá nhân'."""
    return " và ".join(f"{two_digits(counts[r])} {r}" for r in RECIPIENTS if counts.get(r))


@dataclass(frozen=True)
class Payment:
    award: Award
    amount: int
    paid: bool
    """False when the recipient receives a higher amount in the same decision."""


def payments(decision: ValidDecision) -> list[Payment]:
    """Every award with its amount; one recipient is paid only the highest amount of the decision."""
    rounding, base = decision.catalogs.rewards.rounding, decision.base_salary.amount
    amounts = [
        reward_amount(a.form.coefficient(a.recipient) or Decimal(0), base, rounding) for a in decision.awards
    ]
    best: dict[tuple[str, str, str], int] = {}
    for index, award in enumerate(decision.awards):
        current = best.get(award.who)
        if current is None or amounts[index] > amounts[current]:
            best[award.who] = index
    return [Payment(award, amounts[i], best[award.who] == i) for i, award in enumerate(decision.awards)]


def _forms_in_order(decision: ValidDecision) -> list[RewardForm]:
    used = {a.form.id for a in decision.awards}
    return [f for f in decision.catalogs.rewards.forms if f.id in used]


def _verb(form: RewardForm, year: int) -> str:
    if form.kind == "danh hiệu":
        return f"Công nhận danh hiệu “{form.name}”" + (f" năm {year}" if form.annual else "")
    return f"Tặng {form.name}"


def article1(decision: ValidDecision) -> dict[str, Any]:
    forms = _forms_in_order(decision)
    who = f"thuộc {decision.issuer.full_name} {decision.content.achievement}"
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
    if any(not p.paid for p in paid):
        lines.append(
            "- Đối tượng được nhiều hình thức trong Quyết định này chỉ nhận mức tiền thưởng cao nhất."
        )
    total = sum(p.amount for p in paid if p.paid)
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
    if order != "theo tên":
        return group
    return sorted(group, key=lambda p: collation.name_key(p.award.record.name))


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
    second = article2(decision, paid)
    bases = [f"Căn cứ {citation(catalogs.legal[b], spelled=True)};" for b in content.bases]
    number = two_digits(doc.number) if doc.number is not None else dates.BLANK
    when = (
        dates.spelled(doc.date)
        if doc.date
        else f"ngày{dates.BLANK}tháng {dates.month_text(decision.date.month)} năm {decision.date.year}"
    )
    return {
        "header": header_context(issuer, "quyet-dinh", doc.number, doc.date, decision.date),
        "draft": False,
        "subject": content.subject,
        "authority_line": issuer.head_full_title.upper(),
        "bases": bases,
        "proposal": content.proposal.rstrip(".;") + ".",
        "article1": article1(decision),
        "article2": {"lead": second["lines"][0], "lines": second["lines"][1:]},
        "article3": f"{content.executors} chịu trách nhiệm thi hành Quyết định này./.",
        "closing": {
            "recipients": recipient_lines(content.recipients, doc.drafted_by),
            "signature_lines": signature_lines(issuer, decision.signer, doc.authority),
            "signer_name": decision.signer.name,
        },
        "award_list": {
            "title": content.list_title,
            "attribution": f"(Kèm theo Quyết định số {number}/QĐ-{issuer.symbol} {when} "
            f"của {issuer.head_common_title})",
            "rows": list_rows(decision, paid),
            "total": grouped(second["total"]),
            "in_words": f"Bằng chữ: {money_in_words(second['total'])}.",
            "note": (
                "Ghi chú: “-”: đối tượng được nhiều hình thức trong Quyết định này, "
                "nhận mức tiền thưởng cao nhất."
                if any(not p.paid for p in paid)
                else ""
            ),
        },
        "year": year,
    }

"""Reward money: coefficient × base salary, rounded, and who is paid what at one time.

Luật Thi đua, khen thưởng 2022 and its decree (the same principle as NĐ 91/2017, art. 67):
several emulation titles (danh hiệu) at one time → only the highest title's money; several forms
of commendation (hình thức) for the same achievement → only the highest form's money; a title and
a form → both. One decision is one time; forms whose stated achievements (grounds) differ are
different achievements and are each paid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from pipeline.vn.amounts import two_digits

if TYPE_CHECKING:
    from pipeline.content.model import Rounding
    from pipeline.documents.decision.rules import Award, ValidDecision

RECIPIENTS = ("tập thể", "cá nhân")


def reward_amount(coefficient: Decimal, base_salary: int, rounding: Rounding) -> int:
    """Coefficient × base salary, rounded as the content says (default: up to 10.000 đ)."""
    raw = coefficient * base_salary
    steps = raw / rounding.step
    if rounding.mode == "lên":
        return math.ceil(steps) * rounding.step
    return int(steps.quantize(Decimal(1), rounding=ROUND_HALF_UP)) * rounding.step


def coefficient_text(coefficient: Decimal) -> str:
    """'0,3', '1,0', '1,5' — the Vietnamese decimal comma."""
    from babel.numbers import format_decimal

    return format_decimal(coefficient, format="0.0##", locale="vi")


def count_text(counts: dict[str, int]) -> str:
    """'02 tập thể và 15 cá nhân'."""
    return " và ".join(f"{two_digits(counts[r])} {r}" for r in RECIPIENTS if counts.get(r))


WITHHELD_NOTES = {
    "danh hiệu": "đối tượng được nhiều danh hiệu thi đua trong Quyết định này chỉ nhận tiền thưởng "
    "của danh hiệu cao nhất",
    "hình thức": "đối tượng được nhiều hình thức khen thưởng cho cùng một thành tích chỉ nhận tiền thưởng "
    "của hình thức cao nhất",
}
"""Why an amount is not paid, by the kind of award that outranks it (the list's "-" note)."""


@dataclass(frozen=True)
class Payment:
    award: Award
    amount: int
    withheld: str | None = None
    """None when paid; else the kind ("danh hiệu" / "hình thức") of a higher award at the same time."""

    @property
    def paid(self) -> bool:
        return self.withheld is None


def _same_time_group(award: Award) -> tuple[object, ...]:
    """Awards in one group are paid once (the highest): titles together, forms per achievement."""
    if award.form.kind == "danh hiệu":
        return (award.who, award.form.kind)
    return (award.who, award.form.kind, " ".join((award.record.grounds or "").lower().split()))


def payments(decision: ValidDecision) -> list[Payment]:
    """Every award of the decision with its amount and whether it is paid (see the module's rule)."""
    rounding, base = decision.catalogs.rewards.rounding, decision.base_salary.amount
    amounts = [
        reward_amount(a.form.coefficient(a.recipient) or Decimal(0), base, rounding) for a in decision.awards
    ]
    best: dict[tuple[object, ...], int] = {}
    for index, award in enumerate(decision.awards):
        group = _same_time_group(award)
        current = best.get(group)
        if current is None or amounts[index] > amounts[current]:
            best[group] = index
    return [
        Payment(award, amounts[i], None if best[_same_time_group(award)] == i else award.form.kind)
        for i, award in enumerate(decision.awards)
    ]


def withheld_notes(paid: list[Payment]) -> list[str]:
    """The reasons some amounts are not paid, in a fixed order (titles, then forms)."""
    kinds = {p.withheld for p in paid}
    return [note for kind, note in WITHHELD_NOTES.items() if kind in kinds]

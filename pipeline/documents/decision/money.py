"""Reward money: coefficient × base salary, rounded; one recipient paid once per decision."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

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

"""Eligibility over the years: the rules of content/shared/khen-thuong.yaml (`eligibility`) applied to
one nominee with the award register.

A confirmed rule that fails is an error naming the missing years; a rule marked `confirmed: false`
(the law leaves it uncertain) gives a warning instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.documents.register import Ambiguous, Register, ambiguous_message
from pipeline.errors import Problems, Where

if TYPE_CHECKING:
    from pipeline.content.model import EligibilityRule, RewardCatalog


@dataclass(frozen=True)
class Nominee:
    """Who is proposed or awarded what, and where the list says so."""

    recipient: str
    name: str
    unit_key: str
    identifier: str | None
    form: str
    loc: Where


UNCONFIRMED = " — quy định chưa được xác nhận, hãy kiểm tra lại"


def years_text(years: list[int]) -> str:
    return ", ".join(str(y) for y in years)


def check_nominee(
    nominee: Nominee, year: int, on: dt.date, catalog: RewardCatalog, register: Register, problems: Problems
) -> None:
    """Every rule in force on `on` for the nominee's form; problems (or warnings) name the missing years."""
    rules = [
        r
        for r in catalog.eligibility
        if r.form == nominee.form and r.in_force(on) and r.recipient in (None, nominee.recipient)
    ]
    if not rules:
        return
    found = register.find(nominee.recipient, nominee.name, nominee.unit_key, nominee.identifier)
    names = {f.id: f.name for f in catalog.forms}
    form_name = names.get(nominee.form, nominee.form)
    for rule in rules:
        report = problems.add if rule.confirmed else problems.warn
        tail = f" ({rule.source}{'' if rule.confirmed else UNCONFIRMED})"
        if isinstance(found, Ambiguous):
            report(
                nominee.loc.at("name"),
                ambiguous_message(nominee.name, found) + f"; chưa xét được “{form_name}”",
            )
            continue
        needed = _needed(rule, names)
        if rule.min_years_since is not None:
            earlier = [y for y in found.years(rule.title or "") if y < year] if found else []
            if earlier and year - max(earlier) < rule.min_years_since:
                report(
                    nominee.loc.at("form"),
                    f"{nominee.name}: “{form_name}” cần cách lần được “{needed}” trước ít nhất "
                    f"{rule.min_years_since:02d} năm; lần gần nhất năm {max(earlier)}{tail}",
                )
            continue
        last = year if rule.until == "cùng năm" else year - 1
        wanted = list(range(last - rule.consecutive_years + 1, last + 1))
        kind = "evaluation" if rule.evaluation else "award"
        have = found.years(rule.evaluation or rule.title or "", kind) if found else set()
        missing = [y for y in wanted if y not in have]
        if missing:
            report(
                nominee.loc.at("form"),
                f"{nominee.name}: “{form_name}” cần “{needed}” {rule.consecutive_years:02d} năm liên tục "
                f"({years_text(wanted)}); thiếu năm {years_text(missing)} trong sổ khen thưởng{tail}",
            )


def _needed(rule: EligibilityRule, names: dict[str, str]) -> str:
    if rule.evaluation:
        return rule.evaluation
    return names.get(rule.title or "", rule.title or "")

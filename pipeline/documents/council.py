"""The council's votes (biên bản họp Hội đồng Thi đua - Khen thưởng) and what they allow.

Shared by the minutes, which count the votes, and by the decision and the Tờ trình, which may hold
only nominees who reached the threshold of their title (content/shared/khen-thuong.yaml,
`vote_thresholds`). A threshold marked `confirmed: false` warns instead of refusing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from pipeline.documents.eligibility import Nominee
from pipeline.documents.register import fold
from pipeline.errors import Problems, Where

if TYPE_CHECKING:
    from pipeline.content.model import RewardCatalog, RewardForm, VoteThreshold


@dataclass(frozen=True)
class Vote:
    """One nominee's votes at the meeting and the result against the threshold of its title."""

    name: str
    form: RewardForm
    unit_key: str
    """The department code the nomination names, or "" when it names none."""
    votes_for: int
    votes_against: int
    base: int
    """Members the threshold counts: all the council's, or those present."""
    threshold: VoteThreshold | None
    loc: Where

    @property
    def percent(self) -> Decimal:
        return Decimal(self.votes_for * 100) / self.base if self.base else Decimal(0)

    @property
    def passed(self) -> bool | None:
        """True/False against the threshold; None where no threshold applies."""
        if self.threshold is None:
            return None
        return self.votes_for * 100 >= self.threshold.min_percent * self.base


def percent_text(value: Decimal) -> str:
    """'83,33%' — two decimals at most, the Vietnamese comma."""
    return f"{format_decimal(value.quantize(Decimal('0.01')), format='0.##', locale='vi')}%"


def threshold_for(catalog: RewardCatalog, form: str, on: dt.date) -> VoteThreshold | None:
    return next((t for t in catalog.vote_thresholds if t.form == form and t.in_force(on)), None)


@dataclass(frozen=True)
class Meeting:
    """The votes of one meeting, as the decision and the Tờ trình check their nominees."""

    where: str
    """"biên bản họp ngày 16/12/2024 (content/2024/bien-ban-dot-2.yaml)"."""
    date: dt.date
    votes: list[Vote]

    def check(self, nominee: Nominee, catalog: RewardCatalog, problems: Problems) -> None:
        """A nominee of a title with a threshold must have been voted on and have reached it."""
        found = [
            v
            for v in self.votes
            if v.form.id == nominee.form
            and fold(v.name) == fold(nominee.name)
            and v.unit_key in ("", nominee.unit_key)
        ]
        threshold = threshold_for(catalog, nominee.form, self.date)
        names = {f.id: f.name for f in catalog.forms}
        form = names.get(nominee.form, nominee.form)
        if len(found) > 1:
            problems.add(
                nominee.loc.at("name"),
                f"{nominee.name}: {len(found):02d} dòng “{form}” trùng tên trong {self.where}: "
                "ghi đơn vị (unit) cho từng dòng",
            )
            return
        if not found:
            if threshold is not None:
                problems.add(
                    nominee.loc.at("name"),
                    f"{nominee.name}: “{form}” cần Hội đồng bỏ phiếu nhưng không có trong {self.where}",
                )
            return
        vote = found[0]
        if vote.passed is False and threshold is not None:
            report = problems.add if threshold.confirmed else problems.warn
            tail = "" if threshold.confirmed else " — ngưỡng chưa được xác nhận, hãy kiểm tra lại"
            report(
                nominee.loc.at("name"),
                f"{nominee.name}: “{form}” được {vote.votes_for:02d}/{vote.base:02d} phiếu tán thành "
                f"({percent_text(vote.percent)}) trong {self.where}, dưới ngưỡng "
                f"{percent_text(threshold.min_percent)} {threshold.of} ({threshold.source}{tail}): "
                "không được đưa vào quyết định hay Tờ trình",
            )

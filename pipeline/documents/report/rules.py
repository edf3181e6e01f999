"""The rules of period reports (báo cáo sơ kết, tổng kết).

A report covers one period of the plan (sơ kết) or the whole year (tổng kết). It counts the
decisions signed within its span and up to its own date; the year's decisions and, where they
exist, the previous year's are validated as when they were built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pipeline.content.catalogs import Catalogs
    from pipeline.content.model import Issuer, ReportContent, Signer
    from pipeline.documents.decision.rules import ValidDecision
    from pipeline.documents.plan.rules import ValidPlan
    from pipeline.documents.register import Entry

from pipeline.content.schema import Record
from pipeline.documents.shared import check_issuance, check_references, document_date
from pipeline.errors import Loc, Problem, Problems
from pipeline.vn import dates

OPTIONAL_LISTS = {"commendation"}


def report_file(period: int | None) -> str:
    return "bao-cao-tong-ket.yaml" if period is None else f"bao-cao-dot-{period}.yaml"


@dataclass(frozen=True)
class Scope:
    kind: Literal["sơ kết", "tổng kết"]
    period: int | None
    """The plan's period for a sơ kết; None for the year."""
    start: dt.date
    end: dt.date

    def label(self, year: int) -> str:
        return f"năm {year}" if self.period is None else f"đợt {self.period} năm {year}"


@dataclass(frozen=True)
class ValidReport:
    year: int
    scope: Scope
    plan: ValidPlan
    content: ReportContent
    issuer: Issuer
    signer: Signer | None
    """None only in a draft whose signer is still marked."""
    date: dt.date
    """The report's date, or the first day of its month while the day is blank."""
    report_date: dt.date | None
    draft: bool
    decisions: list[ValidDecision]
    """The decisions the report counts: signed within its span, by its date."""
    previous: dict[str, dict[str, int]] | None
    """The previous year's awards over the same span by form and recipient (from the award register),
    where that year has records."""
    movements: list[str]
    """Ids of the movements the plan launched, in the plan's order."""
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Earlier:
    """The previous year's award entries in the register, and that year's plan where content has one."""

    entries: list[Entry]
    plan: ValidPlan | None


def scope_of(plan: ValidPlan, period: int | None) -> Scope:
    periods = plan.content.periods
    if period is None or periods[period - 1].review.kind == "tổng kết":
        return Scope("tổng kết", None, periods[0].start, periods[-1].end)
    chosen = periods[period - 1]
    return Scope("sơ kết", period, chosen.start, chosen.end)


def counted(decisions: list[ValidDecision], start: dt.date, cutoff: dt.date) -> list[ValidDecision]:
    return [
        d
        for d in decisions
        if d.content.document.date is not None and start <= d.content.document.date <= cutoff
    ]


def _empty_sections(record: Record, loc: Loc, problems: Problems) -> None:
    """Sections a clerk left empty are refused rather than printed empty."""
    for spec in fields(record):  # type: ignore[arg-type]
        value: Any = getattr(record, spec.name)
        if spec.name in ("loc", "recipients") or spec.name in OPTIONAL_LISTS:
            continue
        if isinstance(value, list) and not value:
            problems.add(loc.at(spec.name), "mục này chưa có nội dung (báo cáo không in mục trống)")
        elif is_dataclass(value) and isinstance(value, Record):
            _empty_sections(value, value.loc, problems)


def _prose(content: ReportContent) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = [(content.loc.at("subject"), content.subject)]
    groups = [
        ("leadership", content.leadership),
        ("commendation", content.commendation),
        ("directions", content.directions),
        ("proposals", content.proposals),
    ]
    for name, texts in groups:
        found += [(content.loc.at(name, i), t) for i, t in enumerate(texts)]
    for name in ("advantages", "difficulties"):
        found += [
            (content.situation.loc.at(name, i), t) for i, t in enumerate(getattr(content.situation, name))
        ]
    for name in ("strengths", "shortcomings", "causes", "lessons"):
        found += [
            (content.assessment.loc.at(name, i), t) for i, t in enumerate(getattr(content.assessment, name))
        ]
    for item in content.movements:
        found += [(item.loc.at("results", i), t) for i, t in enumerate(item.results)]
    return found


def check_report(
    plan: ValidPlan,
    scope: Scope,
    content: ReportContent | None,
    decisions: list[ValidDecision],
    earlier: Earlier | None,
    problems: Problems,
    *,
    today: dt.date,
    report_date: dt.date | None,
    draft: bool = False,
    signer_marked: bool = False,
) -> ValidReport:
    """The report's rules, over the year's plan and decisions; raise ContentError on any problem."""
    year, catalogs = plan.year, plan.catalogs
    if content is None:
        problems.raise_if_any()
    assert content is not None

    if report_date is not None:  # the date given on the command line wins over the file's
        content = replace(content, document=replace(content.document, date=report_date, month=None))
    on = document_date(content.document, year, problems)
    issued = (
        check_issuance(content.document, on, catalogs, problems, signer_marked=signer_marked) if on else None
    )
    _empty_sections(content, content.loc, problems)
    for loc, text in _prose(content):
        check_references(text, loc, catalogs, on or scope.end, year, problems)

    launched = plan.movements()
    reported = []
    for i, item in enumerate(content.movements):
        if item.movement not in launched:
            problems.add(
                content.loc.at("movements", i, "movement"),
                f"kế hoạch năm {year} không phát động phong trào “{item.movement}”",
            )
        reported.append(item.movement)
    for ident in launched:
        if ident not in reported:
            name = catalogs.movements[ident].name
            problems.add(
                content.loc.at("movements"),
                f"chưa có kết quả của phong trào “{name}” mà kế hoạch đã phát động",
            )

    given = content.document.date
    if given is not None and given < scope.start:
        problems.add(
            content.document.loc.at("date"), f"báo cáo ngày {dates.numeric(given)} trước khi đợt bắt đầu"
        )
    problems.raise_if_any()
    assert on is not None and issued is not None and (issued[1] is not None or signer_marked)

    cutoff = min(scope.end, given) if given else scope.end
    for decision in decisions:
        if decision.content.document.date is None:
            problems.warn(
                decision.content.document.loc,
                f"quyết định đợt {decision.period} chưa có ngày ký nên chưa được tính vào báo cáo",
            )
    previous = _previous_counts(earlier, scope, issued[0].confers_as, catalogs, problems) if earlier else None
    return ValidReport(
        year=year,
        scope=scope,
        plan=plan,
        content=content,
        issuer=issued[0],
        signer=issued[1],
        date=on,
        report_date=given,
        draft=draft or (given is None and scope.end > today),
        decisions=counted(decisions, scope.start, cutoff),
        previous=previous,
        movements=launched,
        warnings=list(problems.warnings),
    )


def _previous_window(plan: ValidPlan | None, scope: Scope, year: int) -> tuple[dt.date, dt.date] | None:
    """The same span in the previous year, from that year's plan (the whole year for a tổng kết)."""
    if plan is None:
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if scope.period is None else None
    periods = plan.content.periods
    if scope.period is None:
        return periods[0].start, periods[-1].end
    if scope.period > len(periods):
        return None
    return periods[scope.period - 1].start, periods[scope.period - 1].end


def _previous_counts(
    earlier: Earlier, scope: Scope, confers_as: str, catalogs: Catalogs, problems: Problems
) -> dict[str, dict[str, int]] | None:
    """The previous year's awards over the same span, by form and recipient, from the award register.

    Only forms the issuer confers are compared, as the report's own figures count only its decisions.
    A tổng kết counts every award of that year; a sơ kết only those whose decision date is known."""
    year = earlier.entries[0].year
    window = _previous_window(earlier.plan, scope, year)
    if window is None:
        return None
    start, end = window
    forms = {f.id: f for f in catalogs.rewards.forms}
    counts: dict[str, dict[str, int]] = {}
    undated = 0
    for entry in earlier.entries:
        form = forms.get(entry.what or "")
        if form is None or form.conferred_by != confers_as:
            continue
        if entry.date is None:
            if scope.period is not None:
                undated += 1
                continue
        elif not start <= entry.date <= end:
            continue
        by_recipient = counts.setdefault(form.id, {})
        by_recipient[entry.recipient] = by_recipient.get(entry.recipient, 0) + 1
    if undated:
        first = next(e for e in earlier.entries if e.date is None)
        problems.warn(
            first.loc,
            f"{undated:02d} khen thưởng năm {year} trong sổ khen thưởng không có ngày quyết định nên không "
            "được so sánh theo đợt (thêm cột “Ngày quyết định”)",
        )
    return counts

"""The rules of period reports (báo cáo sơ kết, tổng kết).

A report covers one period of the plan (sơ kết) or the whole year (tổng kết). It counts the
decisions signed within its span and up to its own date; the year's decisions and, where they
exist, the previous year's are validated as when they were built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, is_dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pipeline.content.catalogs import Catalogs
    from pipeline.content.model import Issuer, RewardForm, Signer
    from pipeline.content.period_model import RecordedAward, ReportContent, ReportSection
    from pipeline.documents.decision.rules import ValidDecision
    from pipeline.documents.plan.rules import ValidPlan
    from pipeline.documents.register import Entry

from pipeline.content.period_model import DEFAULT_REPORT_SECTIONS
from pipeline.content.schema import Record
from pipeline.documents.shared import check_issuance, check_references, document_date
from pipeline.errors import Loc, Problem, Problems
from pipeline.vn import dates, inline

OPTIONAL_LISTS = {"commendation", "recorded_awards"}


def report_file(period: int | None) -> str:
    return "bao-cao-tong-ket.yaml" if period is None else f"bao-cao-dot-{period}.yaml"


@dataclass(frozen=True)
class Scope:
    kind: Literal["sơ kết", "tổng kết"]
    period: int | None
    """The plan's period for a sơ kết; None for the year."""
    start: dt.date
    end: dt.date
    shown: str = ""
    """The period's number as the plan writes it: "2" or "II"."""
    campaign: str = ""
    """The plan's time as reports name it ("năm học 2021 - 2022"); empty: "năm <year>"."""

    def label(self, year: int) -> str:
        base = self.campaign or f"năm {year}"
        return base if self.period is None else f"đợt {self.shown or self.period} {base}"


@dataclass(frozen=True)
class Recorded:
    """An award record of the report (not made by this issuer's decisions), its form resolved."""

    record: RecordedAward
    form: RewardForm
    recipient: str


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
    recorded: list[Recorded] = field(default_factory=list)
    """Award records within the report's span, by its date."""
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Earlier:
    """The previous year's award entries in the register, and that year's plan where content has one."""

    entries: list[Entry]
    plan: ValidPlan | None


def scope_of(plan: ValidPlan, period: int | None) -> Scope:
    periods = plan.content.periods
    if period is None or periods[period - 1].review.kind == "tổng kết":
        return Scope("tổng kết", None, periods[0].start, periods[-1].end, campaign=plan.campaign)
    chosen = periods[period - 1]
    return Scope("sơ kết", period, chosen.start, chosen.end, plan.period_label(period), plan.campaign)


def counted(decisions: list[ValidDecision], start: dt.date, cutoff: dt.date) -> list[ValidDecision]:
    return [
        d
        for d in decisions
        if d.content.document.date is not None and start <= d.content.document.date <= cutoff
    ]


def _empty_sections(record: Record, loc: Loc, problems: Problems, skip: frozenset[str] = frozenset()) -> None:
    """Sections a clerk left empty are refused rather than printed empty."""
    for spec in fields(record):  # type: ignore[arg-type]
        value: Any = getattr(record, spec.name)
        if spec.name in ("loc", "recipients", "sections") or spec.name in OPTIONAL_LISTS | skip:
            continue
        if isinstance(value, list) and not value:
            problems.add(loc.at(spec.name), "mục này chưa có nội dung (báo cáo không in mục trống)")
        elif is_dataclass(value) and isinstance(value, Record):
            _empty_sections(value, value.loc, problems)


MAX_SECTION_DEPTH = 3
"""I., 1., a): the levels a report's own outline may use."""

POINT_LETTERS = [
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
]
"""Vietnamese point letters: a), b), c), d), đ), e), g) …"""


def _check_outline(content: ReportContent, problems: Problems) -> set[str] | None:
    """Either the default outline (every field of DEFAULT_REPORT_SECTIONS) or the report's own;
    for the report's own, the computed blocks it prints (None for the default outline)."""
    if not content.sections:
        missing = frozenset(
            name
            for name in DEFAULT_REPORT_SECTIONS
            if name != "movements" and content.loc.at(name).path not in content.loc.lines  # not written
        )
        for name in sorted(missing, key=DEFAULT_REPORT_SECTIONS.index):
            message = "thiếu trường bắt buộc (hoặc ghi bố cục riêng của báo cáo trong sections)"
            problems.add(content.loc.at(name), message)
        for name in ("situation", "assessment"):
            if name not in missing and getattr(content, name) is None:  # written without content
                problems.add(content.loc.at(name), "mục này chưa có nội dung (báo cáo không in mục trống)")
        _empty_sections(content, content.loc, problems, missing)
        return None
    for name in (*DEFAULT_REPORT_SECTIONS, "commendation"):
        if name != "movements" and getattr(content, name) not in (None, []):
            problems.add(
                content.loc.at(name),
                "báo cáo có bố cục riêng (sections): ghi nội dung này trong một mục của sections",
            )
    blocks: dict[str, Loc] = {}
    _check_sections(content.sections, 1, blocks, problems)
    if content.movements and "phong-trao" not in blocks:
        problems.add(
            content.loc.at("movements"),
            "kết quả các phong trào chỉ được in trong mục có “block: phong-trao”; thêm mục đó vào sections",
        )
    return set(blocks)


def _check_sections(
    sections: list[ReportSection], level: int, blocks: dict[str, Loc], problems: Problems
) -> None:
    if level == MAX_SECTION_DEPTH and len(sections) > len(POINT_LETTERS):
        problems.add(
            sections[len(POINT_LETTERS)].loc,
            f"quá {len(POINT_LETTERS)} điểm a), b) … trong một mục: tách thành nhiều mục",
        )
    for section in sections:
        if level > MAX_SECTION_DEPTH:
            problems.add(section.loc, f"mục lồng quá {MAX_SECTION_DEPTH} cấp (I., 1., a)): gộp vào mục cha")
            continue
        if section.block is not None:
            if section.block in blocks:
                problems.add(
                    section.loc.at("block"),
                    f"“block: {section.block}” đã có ở mục khác (dòng {blocks[section.block].line}): "
                    "mỗi phần tính sẵn chỉ in một lần",
                )
            else:
                blocks[section.block] = section.loc.at("block")
            if section.block == "phong-trao" and level > 2:
                problems.add(
                    section.loc.at("block"),
                    "“block: phong-trao” chỉ dùng ở mục cấp I. hoặc 1. (mỗi phong trào là một điểm a), b) …)",
                )
        has_text = section.paragraphs or section.items or section.block or section.sections
        if not has_text and not section.optional:
            problems.add(
                section.loc,
                f"mục “{section.title}” chưa có nội dung (báo cáo không in mục trống; "
                "“optional: true” để bỏ mục khi không có nội dung)",
            )
        _check_sections(section.sections, level + 1, blocks, problems)


def _section_prose(sections: list[ReportSection]) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for section in sections:
        found.append((section.loc.at("title"), section.title))
        found += [(section.loc.at("paragraphs", i), t) for i, t in enumerate(section.paragraphs)]
        found += [(section.loc.at("items", i), t) for i, t in enumerate(section.items)]
        found += _section_prose(section.sections)
    return found


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
    situation, assessment = content.situation, content.assessment
    for name in ("advantages", "difficulties") if situation else ():
        found += [(situation.loc.at(name, i), t) for i, t in enumerate(getattr(situation, name))]
    for name in ("strengths", "shortcomings", "causes", "lessons") if assessment else ():
        found += [(assessment.loc.at(name, i), t) for i, t in enumerate(getattr(assessment, name))]
    for item in content.movements:
        found += [(item.loc.at("results", i), t) for i, t in enumerate(item.results)]
    return found + _section_prose(content.sections)


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
    on = document_date(content.document, year, problems, plan.span)
    issued = (
        check_issuance(content.document, on, catalogs, problems, signer_marked=signer_marked) if on else None
    )
    blocks = _check_outline(content, problems)
    for loc, text in _prose(content):
        check_references(
            text, loc, catalogs, on or scope.end, year, problems, draft=draft, figures_allowed=True
        )

    launched = plan.movements()
    reported = []
    for i, item in enumerate(content.movements):
        if item.movement not in launched:
            problems.add(
                content.loc.at("movements", i, "movement"),
                f"kế hoạch năm {year} không phát động phong trào “{item.movement}”",
            )
        reported.append(item.movement)
    own_outline_without_movements = blocks is not None and "phong-trao" not in blocks
    missing = [catalogs.movements[ident].name for ident in launched if ident not in reported]
    if missing and own_outline_without_movements:
        problems.warn(
            content.loc.at("sections"),
            f"kế hoạch năm {year} phát động {len(missing):02d} phong trào mà báo cáo không có mục kết quả "
            "phong trào (mục có “block: phong-trao” và danh sách movements): "
            + ", ".join(f"“{name}”" for name in missing),
        )
    elif missing:
        for name in missing:
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
    recorded = [
        found
        for i, record in enumerate(content.recorded_awards)
        if (found := _recorded(record, catalogs, content.loc.at("recorded_awards", i), problems))
        and scope.start <= record.date <= cutoff
    ]
    counted_decisions = counted(decisions, scope.start, cutoff)
    computed = _figures(counted_decisions, recorded)
    for loc, text in _prose(content):
        for ref in inline.references(text):
            if ref.kind in inline.FIGURES and "=" in ref.id:
                _check_figure(ref, computed, loc, problems)
    problems.raise_if_any()
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
        decisions=counted_decisions,
        previous=previous,
        movements=launched,
        recorded=recorded,
        warnings=list(problems.warnings),
    )


RECIPIENT_KEYS = {"cá nhân": "ca-nhan", "tập thể": "tap-the"}


def _figures(decisions: list[ValidDecision], recorded: list[Recorded]) -> dict[str, int]:
    """The counts a report's typed figures may be checked against, by key: quyet-dinh, ca-nhan,
    tap-the, <form id>, <form id>.ca-nhan, <form id>.tap-the (awards, "lượt")."""
    found: dict[str, int] = {"quyet-dinh": len(decisions), "ca-nhan": 0, "tap-the": 0}
    pairs = [(a.form.id, a.recipient) for d in decisions for a in d.awards]
    pairs += [(r.form.id, r.recipient) for r in recorded]
    for form, recipient in pairs:
        for key in (RECIPIENT_KEYS[recipient], form, f"{form}.{RECIPIENT_KEYS[recipient]}"):
            found[key] = found.get(key, 0) + 1
    return found


def _number(text: str) -> Decimal | None:
    """'05', '1.234', '12,5' as a number; None if it is not one."""
    cleaned = text.strip().replace(".", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _check_figure(ref: inline.Reference, computed: dict[str, int], loc: Loc, problems: Problems) -> None:
    what, typed = inline.figure(ref)
    shown = f"“[{ref.kind}:{ref.id}]”"
    if ref.kind == "so-lieu":
        if what not in computed:
            known = ", ".join(sorted(computed))
            problems.add(loc, f"{shown}: không tính được “{what}” (có: {known})")
            return
        value = _number(typed)
        if value != computed[what]:
            problems.add(loc, f"{shown}: gõ {typed} nhưng theo các quyết định là {computed[what]:02d}")
        return
    part, _, whole = what.partition("/")
    a, b, percent = _number(part), _number(whole), _number(typed.rstrip("% "))
    if a is None or b is None or percent is None or b == 0 or not typed.strip().endswith("%"):
        problems.add(loc, f"{shown}: cần dạng [ti-le:<số>/<tổng>=<phần trăm>%], ví dụ [ti-le:10/40=25%]")
        return
    places = -percent.as_tuple().exponent if percent.as_tuple().exponent < 0 else 0
    exact = (a / b * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if exact != percent:
        right = format(exact, "f").replace(".", ",")
        problems.add(loc, f"{shown}: {part}/{whole} = {right}%, không phải {typed}")


def _recorded(record: RecordedAward, catalogs: Catalogs, loc: Loc, problems: Problems) -> Recorded | None:
    wanted = " ".join(record.form.casefold().split())
    form = next(
        (
            f
            for f in catalogs.rewards.forms
            if wanted in {f.id.casefold(), f.name.casefold(), (f.abbreviation or "").casefold()}
        ),
        None,
    )
    if form is None:
        known = ", ".join(f.name for f in catalogs.rewards.forms)
        problems.add(
            loc.at("form"), f"“{record.form}” không có trong danh mục danh hiệu, hình thức (có: {known})"
        )
        return None
    allowed = [r for r in ("cá nhân", "tập thể") if form.coefficient(r) is not None]
    recipient = record.recipient or (allowed[0] if len(allowed) == 1 else None)
    if recipient is None:
        problems.add(
            loc.at("recipient"), f"“{form.name}” tặng cả cá nhân và tập thể: ghi rõ cá nhân hoặc tập thể"
        )
        return None
    if recipient not in allowed:
        problems.add(loc.at("recipient"), f"“{form.name}” không tặng cho {recipient}")
        return None
    if record.amount is not None and record.amount < 0:
        problems.add(loc.at("amount"), "số tiền không được âm")
        return None
    return Recorded(record, form, recipient)


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

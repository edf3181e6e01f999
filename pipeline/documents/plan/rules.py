"""The plan's rules (kế hoạch thi đua, khen thưởng): periods, deadlines, catalog references,
validity dates of issuer, signer and cited documents.

Every problem is collected; ContentError carries all of them, each with file, line and field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.content import marks
from pipeline.content.model import PlanContent
from pipeline.content.project import Content
from pipeline.content.schema import read
from pipeline.documents.shared import (
    check_department,
    check_in_force,
    check_issuance,
    check_references,
    document_date,
    occurrence_year,
)
from pipeline.errors import Loc, PathKey, Problem, Problems
from pipeline.vn import dates, inline

if TYPE_CHECKING:
    from pipeline.content.catalogs import Catalogs
    from pipeline.content.model import Issuer, Signer

PLAN_FILE = "ke-hoach.yaml"


@dataclass(frozen=True)
class ValidPlan:
    year: int
    content: PlanContent
    catalogs: Catalogs
    issuer: Issuer
    signer: Signer | None
    """None only in a draft whose signer is still marked."""
    date: dt.date
    """The document's date, or the first day of its month while the day is blank."""
    draft: bool = False
    marked: frozenset[PathKey] = frozenset()
    """Fields still marked "CẦN BỔ SUNG" (a draft only)."""
    warnings: tuple[Problem, ...] = ()
    """What the plan's rules warned about (a draft citing a document out of force)."""

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        return campaign_span(self.content, self.year)

    @property
    def campaign(self) -> str:
        """The campaign's time as reports name it: "năm 2024", or the span's label."""
        span = self.content.span
        return span.label if span is not None and span.label else f"năm {self.year}"

    def period_label(self, number: int) -> str:
        """'1', or 'I' when the plan numbers its periods in Roman numerals."""
        return roman(number) if self.content.numbering == "I" else str(number)

    def is_marked(self, *path: str | int) -> bool:
        return tuple(path) in self.marked

    def movements(self) -> list[str]:
        """Ids of the movements the plan launches ([phong-trao:id]), in the plan's order."""
        found: list[str] = []
        for _loc, text in prose_fields(self.content):
            for ref in inline.references(text):
                if ref.kind == "phong-trao" and ref.id not in found:
                    found.append(ref.id)
        return found


def roman(number: int) -> str:
    """1 → I, 4 → IV, 12 → XII."""
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def campaign_span(plan: PlanContent, year: int) -> tuple[dt.date, dt.date]:
    """The plan's own span, or the calendar year of its content folder."""
    if plan.span is not None:
        return plan.span.start, plan.span.end
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


MARKABLE = {("basis",), ("document", "month"), ("document", "signer")}
"""Fields `make new-year` may mark; a draft prints them as marks, blank or without a name."""


def read_plan(
    content: Content, year: int, catalogs: Catalogs | None, problems: Problems, draft: bool
) -> ValidPlan | None:
    """The year's plan, validated; None (with problems recorded) if anything is wrong."""
    folder = content.project.content_dir(year)
    if not folder.is_dir():
        name = content.project.display(folder) + "/"
        problems.extend([Problem(name, None, "", f"chưa có nội dung cho năm {year}: không có thư mục này")])
        return None
    loaded = content.yaml(folder / PLAN_FILE, problems)
    if loaded is None:
        return None
    found = list(marks.find_marks(loaded.data))
    if found and not draft:
        for path, text in found:
            problems.add(loaded.loc.at(*path), marks.unfilled(text))
        return None
    marked = frozenset(path for path, _ in found)
    whole = frozenset(path for path, text in found if marks.is_mark(text))
    for path in whole - MARKABLE:
        problems.add(
            loaded.loc.at(*path), "chỉ đánh dấu CẦN BỔ SUNG được ở basis, document.month, document.signer"
        )
    data = marks.without(loaded.data, {("document", "month")} & marked)
    plan = read(data, loaded.loc, PlanContent, problems)
    if catalogs is None or plan is None:
        return None
    return _check_plan(plan, catalogs, year, problems, draft=draft, marked=marked)


def _check_plan(
    plan: PlanContent,
    catalogs: Catalogs,
    year: int,
    problems: Problems,
    *,
    draft: bool = False,
    marked: frozenset[PathKey] = frozenset(),
) -> ValidPlan | None:
    if ("document", "month") in marked and plan.document.date is None:
        on: dt.date | None = dt.date(year, 1, 1)  # month not decided yet: the year's first day
    else:
        span = campaign_span(plan, year)
        on = document_date(plan.document, year, problems, span if span[0] <= span[1] else None)
    if on is None:
        return None
    if not plan.kind.numbered and plan.document.number is not None:
        problems.add(plan.document.loc.at("number"), f"{plan.kind.name} ban hành không có số (kind.numbered)")
    signer_marked = ("document", "signer") in marked
    issued = check_issuance(plan.document, on, catalogs, problems, signer_marked=signer_marked)
    basis = catalogs.legal.get(plan.basis)
    if ("basis",) in marked:
        pass  # a draft cites the mark itself
    elif basis is None:
        problems.add(plan.loc.at("basis"), f"không có văn bản “{plan.basis}” trong danh mục văn bản")
    else:
        check_in_force(basis, on, plan.loc.at("basis"), problems, catalogs, draft=draft)

    for loc, text in prose_fields(plan):
        check_references(text, loc, catalogs, on, year, problems, draft=draft)

    for name in ("purposes", "requirements", "tasks", "periods", "duties", "recipients"):
        if not getattr(plan, name):
            problems.add(plan.loc.at(name), "danh sách trống")
    for group in plan.recipients:
        if not group.to:
            problems.add(group.loc.at("to"), "danh sách nơi nhận trống")
    if issued is None:
        return None
    issuer, signer = issued
    departments = {d.code for d in issuer.departments}
    for duty in plan.duties:
        if duty.department is not None:
            check_department(duty.department, duty.loc.at("department"), departments, problems)
    span = _check_span(plan, year, problems)
    if span is not None:
        _check_periods(plan, catalogs, span, on, departments, problems)
        check_typed_counts(plan, catalogs, span, problems)
    if problems or (signer is None and not signer_marked):
        return None
    warnings = tuple(problems.warnings)
    return ValidPlan(year, plan, catalogs, issuer, signer, on, draft=draft, marked=marked, warnings=warnings)


def prose_fields(plan: PlanContent) -> Iterator[tuple[Loc, str]]:
    """Every text a clerk writes in a plan, with its place."""
    yield plan.loc.at("subject"), plan.subject
    for i, text in enumerate(plan.purposes):
        yield plan.loc.at("purposes", i), text
    for i, text in enumerate(plan.requirements):
        yield plan.loc.at("requirements", i), text
    for task in plan.tasks:
        yield task.loc.at("title"), task.title
        for i, text in enumerate(task.paragraphs):
            yield task.loc.at("paragraphs", i), text
        for i, text in enumerate(task.items):
            yield task.loc.at("items", i), text
    for period in plan.periods:
        yield period.loc.at("celebrate"), period.celebrate
        yield period.review.loc.at("together_with"), period.review.together_with
        if period.note is not None:
            yield period.loc.at("note"), period.note
    for duty in plan.duties:
        yield duty.loc.at("text"), duty.text


def _check_span(plan: PlanContent, year: int, problems: Problems) -> tuple[dt.date, dt.date] | None:
    start, end = campaign_span(plan, year)
    if end < start:
        assert plan.span is not None
        problems.add(
            plan.span.loc.at("end"),
            f"kế hoạch kết thúc ngày {dates.numeric(end)}, trước ngày bắt đầu {dates.numeric(start)}",
        )
        return None
    return start, end


def _span_words(span: tuple[dt.date, dt.date]) -> str:
    start, end = span
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"năm {start.year} của kế hoạch"
    return f"thời gian của kế hoạch ({dates.numeric(start)} - {dates.numeric(end)})"


def _check_periods(
    plan: PlanContent,
    catalogs: Catalogs,
    span: tuple[dt.date, dt.date],
    issued: dt.date,
    departments: set[str],
    problems: Problems,
) -> None:
    """Each period's dates, deadline and anniversaries. A period whose own dates are refused is
    not checked further, nor compared with the next one: one mistake, one error."""
    previous = None
    issue_day = dates.numeric(issued)
    for period in plan.periods:
        loc = period.loc
        start, end = dates.numeric(period.start), dates.numeric(period.end)
        if period.end < period.start:
            problems.add(loc.at("end"), f"đợt kết thúc ngày {end}, trước ngày bắt đầu {start}")
            continue
        outside = False
        for name, day in (("start", period.start), ("end", period.end)):
            if not span[0] <= day <= span[1]:
                problems.add(loc.at(name), f"ngày {dates.numeric(day)} nằm ngoài {_span_words(span)}")
                outside = True
        if outside:
            continue
        if previous is not None and period.start <= previous.end:
            problems.add(
                loc.at("start"),
                f"đợt bắt đầu ngày {start}, trùng với đợt trước "
                f"(kết thúc ngày {dates.numeric(previous.end)})",
            )
        elif previous is not None and period.start > previous.end + dt.timedelta(days=1):
            problems.warn(
                loc.at("start"),
                f"đợt bắt đầu ngày {start}, không liền sau đợt trước (kết thúc ngày "
                f"{dates.numeric(previous.end)}): khoảng giữa hai đợt không thuộc đợt nào",
            )
        if period.start < issued and plan.document.date is not None:
            problems.warn(
                loc.at("start"),
                f"đợt bắt đầu ngày {start}, trước ngày ban hành kế hoạch {issue_day}",
            )
        if period.deadline > period.end:
            problems.add(
                loc.at("deadline"),
                f"hạn nộp hồ sơ {dates.numeric(period.deadline)} sau ngày kết thúc đợt {end}",
            )
        elif period.deadline < period.start:
            problems.add(
                loc.at("deadline"),
                f"hạn nộp hồ sơ {dates.numeric(period.deadline)} trước ngày bắt đầu đợt {start}",
            )
        review = period.review.date
        if review is not None and not period.start <= review <= period.end:
            problems.add(
                period.review.loc.at("date"),
                f"ngày {period.review.kind} {dates.numeric(review)} nằm ngoài đợt {start} - {end}",
            )
        check_department(period.dossiers_to, loc.at("dossiers_to"), departments, problems)
        for ref in inline.references(period.celebrate):
            anniversary = catalogs.anniversaries.get(ref.id) if ref.kind == "ky-niem" else None
            if anniversary is None:
                continue
            year = occurrence_year(anniversary.origin, period.start, period.end)
            if year is None:
                day = dates.anniversary_of(anniversary.origin, period.start.year)
                problems.add(
                    loc.at("celebrate"),
                    f"ngày kỷ niệm {dates.numeric(day)} ({anniversary.name}) nằm ngoài đợt {start} - {end}",
                )
                continue
            day = dates.anniversary_of(anniversary.origin, year)
            if day < issued and plan.document.date is not None:
                problems.warn(
                    loc.at("celebrate"),
                    f"chào mừng ngày kỷ niệm {dates.numeric(day)} ({anniversary.name}) đã qua vào ngày "
                    f"ban hành kế hoạch {issue_day}",
                )
        previous = period


_TYPED_COUNT = re.compile(r"(\d+)\s+năm\s+")


def check_typed_counts(
    plan: PlanContent, catalogs: Catalogs, span: tuple[dt.date, dt.date], problems: Problems
) -> None:
    """An anniversary's count typed by hand ("92 năm Ngày thành lập ...") checked against the
    calendar: an error when it disagrees, a suggestion to use the reference when it agrees."""
    for loc, text in prose_fields(plan):
        folded = text.casefold()
        for match in _TYPED_COUNT.finditer(text):
            rest = folded[match.end() :]
            for anniversary in catalogs.anniversaries.values():
                if not rest.startswith(anniversary.name.casefold()):
                    continue
                typed = int(match.group(1))
                counts = {
                    y - anniversary.origin.year: y
                    for y in range(span[0].year, span[1].year + 1)
                    if span[0] <= dates.anniversary_of(anniversary.origin, y) <= span[1]
                } or {span[0].year - anniversary.origin.year: span[0].year}
                shown = f"“{match.group(0)}{text[match.end() : match.end() + len(anniversary.name)]}”"
                if typed in counts:
                    problems.warn(
                        loc,
                        f"{shown} gõ tay, đúng với lịch; nên viết [ky-niem:{anniversary.id}] "
                        "để số năm và ngày được tính tự động",
                    )
                else:
                    right = ", ".join(
                        f"{n} năm ({dates.numeric(anniversary.origin)} - "
                        f"{dates.numeric(dates.anniversary_of(anniversary.origin, y))})"
                        for n, y in counts.items()
                    )
                    problems.add(
                        loc,
                        f"{shown} gõ tay sai số năm: theo lịch là {right}; viết [ky-niem:{anniversary.id}]",
                    )


def check_plan(content: Content, year: int, problems: Problems, *, draft: bool = False) -> ValidPlan | None:
    """The catalogs and the year's plan, validated once per `content`; None (with problems) if wrong."""
    catalogs = content.catalogs(problems)
    warned = len(problems.warnings)
    plan = content.once(
        ("plan", year, draft), lambda found: read_plan(content, year, catalogs, found, draft), problems
    )
    del problems.warnings[warned:]  # the plan's own (ValidPlan.warnings): shown when the plan is built
    return plan


def load_plan(root: Path, year: int, *, draft: bool = False, content: Content | None = None) -> ValidPlan:
    """Load and validate a year's plan and the shared catalogs; raise ContentError on any problem.

    A draft tolerates "CẦN BỔ SUNG" marks; otherwise each mark is a problem.
    """
    problems = Problems()
    plan = check_plan(content or Content(root), year, problems, draft=draft)
    problems.raise_if_any()
    assert plan is not None
    return replace(plan, warnings=tuple(problems.warnings)) if problems.warnings else plan

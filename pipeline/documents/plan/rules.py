"""Validate stage: typed records from loaded YAML, then the rules a plan must keep.

Every problem is collected; ContentError carries all of them, each with file, line and field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pipeline.content import marks
from pipeline.content.model import (
    Anniversary,
    AnniversaryCalendar,
    Issuance,
    Issuer,
    IssuersFile,
    LegalCatalog,
    LegalDocument,
    Movement,
    MovementCatalog,
    PlanContent,
    RewardCatalog,
    Signer,
)
from pipeline.content.schema import Record, read
from pipeline.content.yamlfile import Loaded, display_path, load_yaml
from pipeline.errors import Loc, PathKey, Problem, Problems
from pipeline.vn import dates, inline

SHARED_FILES = {
    "issuers": "co-quan.yaml",
    "legal": "van-ban.yaml",
    "anniversaries": "ngay-ky-niem.yaml",
    "movements": "phong-trao.yaml",
    "rewards": "khen-thuong.yaml",
}
PLAN_FILE = "ke-hoach.yaml"

T = TypeVar("T", bound=Record)


@dataclass(frozen=True)
class Catalogs:
    issuers: list[Issuer]
    legal: dict[str, LegalDocument]
    anniversaries: dict[str, Anniversary]
    movements: dict[str, Movement]
    rewards: RewardCatalog


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

    def is_marked(self, *path: str | int) -> bool:
        return tuple(path) in self.marked


def content_dir(root: Path, year: int) -> Path:
    return root / "content" / str(year)


def load_catalogs(root: Path, problems: Problems) -> Catalogs | None:
    shared = root / "content" / "shared"
    loaded = {key: load_yaml(shared / name, root, problems) for key, name in SHARED_FILES.items()}
    issuers = read_file(loaded["issuers"], IssuersFile, problems)
    legal = read_file(loaded["legal"], LegalCatalog, problems)
    calendar = read_file(loaded["anniversaries"], AnniversaryCalendar, problems)
    movements = read_file(loaded["movements"], MovementCatalog, problems)
    rewards = read_file(loaded["rewards"], RewardCatalog, problems)
    if issuers is None or legal is None or calendar is None or movements is None or rewards is None:
        return None
    catalogs = Catalogs(
        issuers=issuers.issuers,
        legal=by_id(legal.documents, problems),
        anniversaries=by_id(calendar.anniversaries, problems),
        movements=by_id(movements.movements, problems),
        rewards=rewards,
    )
    _check_catalogs(catalogs, problems)
    return catalogs


def load_plan(root: Path, year: int, *, draft: bool = False) -> ValidPlan:
    """Load and validate a year's plan and the shared catalogs; raise ContentError on any problem.

    A draft tolerates "CẦN BỔ SUNG" marks; otherwise each mark is a problem.
    """
    problems = Problems()
    catalogs = load_catalogs(root, problems)
    plan = check_plan(root, year, catalogs, problems, draft=draft)
    problems.raise_if_any()
    assert plan is not None
    return plan


MARKABLE = {("basis",), ("document", "month"), ("document", "signer")}
"""Fields `make new-year` may mark; a draft prints them as marks, blank or without a name."""


def load_year(root: Path, year: int, problems: Problems, period: int | None, file_name: str) -> ValidPlan:
    """The catalogs and the year's plan that a decision or a report rests on, and the period's
    number checked against the plan; raises ContentError with every problem found so far."""
    catalogs = load_catalogs(root, problems)
    plan = check_plan(root, year, catalogs, problems)
    if plan is None:
        problems.raise_if_any()
    assert plan is not None
    count = len(plan.content.periods)
    if period is not None and not 1 <= period <= count:
        name = display_path(content_dir(root, year) / file_name, root)
        problems.extend(
            [Problem(name, None, "", f"kế hoạch năm {year} có {count:02d} đợt; không có đợt {period}")]
        )
        problems.raise_if_any()
    return plan


def check_plan(
    root: Path, year: int, catalogs: Catalogs | None, problems: Problems, *, draft: bool = False
) -> ValidPlan | None:
    """The year's plan, validated; None (with problems recorded) if anything is wrong."""
    folder = content_dir(root, year)
    if not folder.is_dir():
        name = display_path(folder, root) + "/"
        problems.extend([Problem(name, None, "", f"chưa có nội dung cho năm {year}: không có thư mục này")])
        return None
    loaded = load_yaml(folder / PLAN_FILE, root, problems)
    if loaded is None:
        return None
    found = list(marks.find_marks(loaded.data))
    if found and not draft:
        for path, text in found:
            problems.add(
                loaded.loc.at(*path), f"chưa bổ sung: {marks.note_of(text)} (hoặc tạo bản nháp: DRAFT=1)"
            )
        return None
    marked = frozenset(path for path, _ in found)
    for path in marked - MARKABLE:
        problems.add(
            loaded.loc.at(*path), "chỉ đánh dấu CẦN BỔ SUNG được ở basis, document.month, document.signer"
        )
    data = marks.without(loaded.data, {("document", "month")} & marked)
    plan = read(data, loaded.loc, PlanContent, problems)
    if catalogs is None or plan is None:
        return None
    return _check_plan(plan, catalogs, year, problems, draft=draft, marked=marked)


def read_file(loaded: Loaded | None, cls: type[T], problems: Problems) -> T | None:
    return None if loaded is None else read(loaded.data, loaded.loc, cls, problems)


def by_id(records: list[T], problems: Problems) -> dict[str, T]:
    result: dict[str, T] = {}
    for record in records:
        ident = record.id  # type: ignore[attr-defined]
        if ident in result:
            problems.add(record.loc.at("id"), f"mã “{ident}” đã dùng ở dòng {result[ident].loc.line}")
        else:
            result[ident] = record
    return result


def _check_catalogs(catalogs: Catalogs, problems: Problems) -> None:
    for issuer in catalogs.issuers:
        if issuer.valid_until and issuer.valid_until < issuer.valid_from:
            problems.add(issuer.loc.at("valid_until"), "ngày hết hiệu lực trước ngày có hiệu lực")
        by_id(issuer.signers, problems)
        codes: set[str] = set()
        for i, department in enumerate(issuer.departments):
            if department.code in codes:
                problems.add(issuer.loc.at("departments", i, "code"), "mã phòng bị lặp")
            codes.add(department.code)
    for doc in catalogs.legal.values():
        if doc.title is None and (doc.number is None or doc.symbol is None or doc.issuer is None):
            problems.add(doc.loc, "văn bản trích dẫn theo số cần đủ number, symbol và issuer (hoặc có title)")
        if doc.in_force_until and doc.in_force_until < (doc.in_force_from or doc.date):
            problems.add(doc.loc.at("in_force_until"), "ngày hết hiệu lực trước ngày có hiệu lực")


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
        on = document_date(plan.document, year, problems)
    if on is None:
        return None
    signer_marked = ("document", "signer") in marked
    issued = check_issuance(plan.document, on, catalogs, problems, signer_marked=signer_marked)
    basis = catalogs.legal.get(plan.basis)
    if ("basis",) in marked:
        pass  # a draft cites the mark itself
    elif basis is None:
        problems.add(plan.loc.at("basis"), f"không có văn bản “{plan.basis}” trong danh mục văn bản")
    else:
        check_in_force(basis, on, plan.loc.at("basis"), problems)

    for loc, text in prose_fields(plan):
        check_references(text, loc, catalogs, on, year, problems)

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
    _check_periods(plan, catalogs, year, departments, problems)
    if problems or (signer is None and not signer_marked):
        return None
    return ValidPlan(year, plan, catalogs, issuer, signer, on, draft=draft, marked=marked)


def check_issuance(
    doc: Issuance, on: dt.date, catalogs: Catalogs, problems: Problems, *, signer_marked: bool = False
) -> tuple[Issuer, Signer | None] | None:
    """The issuer and signer in force on a document's date (None where wrong, with a problem)."""
    shown = dates.numeric(on)
    issuers = [i for i in catalogs.issuers if i.in_force(on)]
    if len(issuers) != 1:
        what = "không có cơ quan ban hành nào" if not issuers else "có nhiều cơ quan ban hành"
        problems.add(doc.loc.at("date" if doc.date else "month"), f"{what} có hiệu lực vào ngày {shown}")
        return None
    issuer = issuers[0]
    check_department(doc.drafted_by, doc.loc.at("drafted_by"), {d.code for d in issuer.departments}, problems)
    if signer_marked:
        return issuer, None
    signer = next((s for s in issuer.signers if s.id == doc.signer), None)
    if signer is None:
        known = ", ".join(s.id for s in issuer.signers)
        problems.add(doc.loc.at("signer"), f"không có người ký “{doc.signer}” (có: {known})")
        return issuer, None
    if not (signer.valid_from <= on and (signer.valid_until is None or on <= signer.valid_until)):
        problems.add(doc.loc.at("signer"), f"{signer.name} không giữ chức vụ ký vào ngày {shown}")
        return issuer, None
    return issuer, signer


def document_date(doc: Issuance, year: int, problems: Problems) -> dt.date | None:
    """The document's date, or the first day of its month while the day is blank."""
    if doc.number is not None and doc.number < 1:
        problems.add(doc.loc.at("number"), "số văn bản phải từ 01 trở lên")
    if doc.month is not None and not 1 <= doc.month <= 12:
        problems.add(doc.loc.at("month"), f"không có tháng {doc.month}")
        return None
    if doc.date is not None:
        if doc.month is not None and doc.month != doc.date.month:
            problems.add(
                doc.loc.at("month"), f"tháng {doc.month} khác tháng của ngày {dates.numeric(doc.date)}"
            )
        return doc.date
    if doc.month is None:
        problems.add(doc.loc, "cần ngày ban hành (date) hoặc, khi chưa có ngày, tháng ban hành (month)")
        return None
    return dt.date(year, doc.month, 1)


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


def check_references(
    text: str, loc: Loc, catalogs: Catalogs, on: dt.date, year: int, problems: Problems
) -> None:
    for message in inline.problems_in(text):
        problems.add(loc, message)
    for ref in inline.references(text):
        if ref.kind == "ky-niem":
            anniversary = catalogs.anniversaries.get(ref.id)
            if anniversary is None:
                problems.add(loc, f"không có ngày kỷ niệm “{ref.id}” trong lịch ngày kỷ niệm")
            elif anniversary.origin.year >= year:
                problems.add(loc, f"“{anniversary.name}” chưa tròn năm nào vào năm {year}")
        elif ref.kind == "phong-trao" and ref.id not in catalogs.movements:
            problems.add(loc, f"không có phong trào “{ref.id}” trong danh mục phong trào thi đua")
        elif ref.kind == "van-ban":
            doc = catalogs.legal.get(ref.id)
            if doc is None:
                problems.add(loc, f"không có văn bản “{ref.id}” trong danh mục văn bản")
            else:
                check_in_force(doc, on, loc, problems)


def check_in_force(doc: LegalDocument, on: dt.date, loc: Loc, problems: Problems) -> None:
    if not doc.in_force(on):
        problems.add(loc, f"văn bản “{doc.id}” không có hiệu lực vào ngày {dates.numeric(on)}")


def check_department(code: str, loc: Loc, departments: set[str], problems: Problems) -> None:
    if code not in departments:
        known = ", ".join(sorted(departments))
        problems.add(loc, f"không có phòng “{code}” trong danh sách phòng, ban (có: {known})")


def _check_periods(
    plan: PlanContent, catalogs: Catalogs, year: int, departments: set[str], problems: Problems
) -> None:
    previous = None
    for period in plan.periods:
        loc = period.loc
        start, end = dates.numeric(period.start), dates.numeric(period.end)
        if period.end < period.start:
            problems.add(loc.at("end"), f"đợt kết thúc ngày {end}, trước ngày bắt đầu {start}")
            continue
        for name, day in (("start", period.start), ("end", period.end)):
            if day.year != year:
                problems.add(loc.at(name), f"ngày {dates.numeric(day)} nằm ngoài năm {year} của kế hoạch")
        if previous is not None and period.start <= previous.end:
            problems.add(
                loc.at("start"),
                f"đợt bắt đầu ngày {start}, trùng với đợt trước "
                f"(kết thúc ngày {dates.numeric(previous.end)})",
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
        check_department(period.dossiers_to, loc.at("dossiers_to"), departments, problems)
        for ref in inline.references(period.celebrate):
            anniversary = catalogs.anniversaries.get(ref.id) if ref.kind == "ky-niem" else None
            if anniversary is None:
                continue
            day = dates.anniversary_of(anniversary.origin, year)
            if not period.start <= day <= period.end:
                problems.add(
                    loc.at("celebrate"),
                    f"ngày kỷ niệm {dates.numeric(day)} ({anniversary.name}) nằm ngoài đợt {start} - {end}",
                )
        previous = period

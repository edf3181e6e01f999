"""Next year from this year (tdkt new-year): content/<year>/ from the latest earlier year.

Each new file is the old one edited at the exact place of each value (content/splice.py), so the
clerk's layout, comments, flow mappings and block values stay. The rollover changes only what it
is sure of and reports every change with its line; everything else is listed for review:
- the old year where it stands for the document's year; ranges, terms, dates, citations and ids
  stay (documents/carryover.py);
- periods move to the new year; deadlines and review dates that fall on a Saturday, a Sunday or a
  holiday of content/shared/ngay-nghi.yaml move to the previous working day;
- citations out of force for the whole year are swapped for their successor (or marked);
- when the issuer changes, text naming the old province is listed;
- what cannot be known is marked "CẦN BỔ SUNG"; number and day of issue are left blank;
- the decisions and reports of the year are prepared too (documents/year_files.py).
The new folder is written beside the target and renamed into place: an existing content/<year>/
(another run's included) is never overwritten or removed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.content import marks
from pipeline.content.project import Content
from pipeline.content.splice import Edit, YamlText, apply
from pipeline.documents import carryover
from pipeline.documents.plan.rules import PLAN_FILE, ValidPlan, check_plan, load_plan
from pipeline.documents.shared import anniversary_text
from pipeline.documents.year_files import Prepared, prepare_year_files, work_order
from pipeline.errors import InputProblem, Problem, Problems
from pipeline.vn import dates


class RolloverRefused(InputProblem):
    """The new year cannot be prepared (exists already, or nothing to start from); exit 2."""


@dataclass
class Rollover:
    source: Path
    target: Path
    moved: list[str] = field(default_factory=list)
    """Deadlines and review dates moved to a working day, as sentences."""
    round_anniversaries: list[str] = field(default_factory=list)
    changes: list[Problem] = field(default_factory=list)
    """Every change made to the carried-over text, file:line of the new file."""
    reviews: list[Problem] = field(default_factory=list)
    """What was left as written and needs a clerk's look (old year, old province, citations)."""
    marks: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Anything else the new plan's checks found (the clerk will see them at tdkt plan)."""
    files: list[Path] = field(default_factory=list)
    """Every file written, the plan first."""
    order: list[str] = field(default_factory=list)
    """The year's work in order: plan, each period's decision and report."""
    warnings: list[Problem] = field(default_factory=list)
    """The new year's holidays missing or unconfirmed in content/shared/ngay-nghi.yaml."""


def latest_earlier_year(root: Path, year: int) -> int | None:
    years = [
        int(p.name)
        for p in (root / "content").iterdir()
        if p.is_dir() and re.fullmatch(r"\d{4}", p.name) and int(p.name) < year and (p / PLAN_FILE).is_file()
    ]
    return max(years, default=None)


def previous_working_day(day: dt.date, holidays: set[dt.date]) -> dt.date:
    """The day itself, or the last working day before it (not Saturday, Sunday or a holiday)."""
    while day.weekday() >= 5 or day in holidays:
        day -= dt.timedelta(days=1)
    return day


def round_anniversaries(plan: ValidPlan, year: int) -> list[str]:
    """'[ky-niem:id]  95 năm ...' for each anniversary whose count in `year` is a multiple of 5."""
    found = []
    for ident, anniversary in plan.catalogs.anniversaries.items():
        years = year - anniversary.origin.year
        if years > 0 and years % 5 == 0:
            day = dates.anniversary_of(anniversary.origin, year)
            found.append((day, f"[ky-niem:{ident}]  {anniversary_text(anniversary, year)}"))
    return [text for _day, text in sorted(found)]


def carry_text(
    source: YamlText,
    structural: list[Edit],
    plan: ValidPlan,
    year: int,
    file: str,
    inserts: list[Edit] = (),  # type: ignore[assignment]
) -> Prepared:
    """The new text of a carried-over file: structural edits, the year, citations; with the
    changes and the occurrences left for review, each at its line in the new text."""
    catalogs, old = plan.catalogs, plan.year
    taken = [(e.start, max(e.end, e.start + 1)) for e in structural]

    def free(index: int) -> bool:
        return not any(s <= index < e for s, e in taken)

    year_edits, year_found = carryover.year_edits(source, old, year)
    cite_edits, cite_found = carryover.citation_edits(source, catalogs, year)
    cite_spans = [(e.start, e.end) for e in cite_edits]
    year_edits = [e for e in year_edits if free(e.start)]
    year_found = [f for f in year_found if free(f.index) and not any(s <= f.index < e for s, e in cite_spans)]
    found = carryover.year_found(source, year_found, old) + [f for f in cite_found if free(f.index)]
    old_place, places = carryover.issuer_places(catalogs, plan.date, year)
    if old_place and places:
        found += [f for f in carryover.old_place_reviews(source, catalogs, old_place) if free(f.index)]
    edits = structural + [e for e in cite_edits if free(e.start)] + year_edits + list(inserts)
    edits = [e for e in edits if source.text[e.start : e.end] != e.text]  # already so: no change
    text, applied = apply(source.text, edits)
    changes = []
    for item in applied:
        if item.edit.start == item.edit.end and item.edit.text.endswith("\n"):  # inserted lines
            count = item.edit.text.count("\n")
            changes += [Problem(file, item.line + i, "", item.edit.why) for i in range(count)]
        else:
            changes.append(Problem(file, item.line, carryover._field(item.edit.path), item.edit.why))

    def new_line(index: int) -> int:
        shift = sum(len(e.text) - (e.end - e.start) for e in edits if e.end <= index)
        return text.count("\n", 0, index + shift) + 1

    reviews = [carryover.as_problem(file, new_line(f.index), f) for f in found]
    reviews.sort(key=lambda p: (p.line or 0, p.message))
    return Prepared(text, changes, reviews)


def _plan_edits(
    source: YamlText, plan: ValidPlan, year: int, holidays: set[dt.date]
) -> tuple[list[Edit], list[str]]:
    old = plan.year
    doc = plan.content.document
    quote = marks.mark
    month_marked = plan.is_marked("document", "month")
    before = {  # what the previous year had, where it had it (not a mark of its own)
        "month": "" if month_marked else f" (năm {old}: tháng {plan.date.month})",
        "signer": "" if plan.signer is None else f" (năm {old}: {doc.signer}, {plan.signer.name})",
        "basis": "" if plan.is_marked("basis") else f" (năm {old}: {plan.content.basis})",
    }
    wanted: list[tuple[tuple[str | int, ...], str | None, str]] = [
        (("document", "number"), None, "để trống số văn bản"),
        (("document", "date"), None, "để trống ngày ký"),
        (
            ("document", "month"),
            quote(f"tháng ban hành kế hoạch năm {year}{before['month']}"),
            "đánh dấu CẦN BỔ SUNG",
        ),
        (("document", "signer"), quote(f"người ký năm {year}{before['signer']}"), "đánh dấu CẦN BỔ SUNG"),
        (
            ("basis",),
            quote(
                f"mã kế hoạch thi đua, khen thưởng năm {year} của UBND tỉnh, sau khi thêm vào "
                f"content/shared/van-ban.yaml{before['basis']}"
            ),
            "đánh dấu CẦN BỔ SUNG",
        ),
    ]
    moved: list[str] = []
    for index, period in enumerate(plan.content.periods):
        base = ("periods", index)
        for name, day in (("start", period.start), ("end", period.end)):
            new = dates.numeric(dates.anniversary_of(day, year))
            wanted.append(((*base, name), new, f"ngày {dates.numeric(day)} thành {new}"))
        dated = [("deadline", "hạn nộp hồ sơ", period.deadline, (*base, "deadline"))]
        if period.review.date is not None:
            dated.append(
                ("review.date", f"ngày {period.review.kind}", period.review.date, (*base, "review", "date"))
            )
        for name, label, day, path in dated:
            moved_to = dates.anniversary_of(day, year)
            working = previous_working_day(moved_to, holidays)
            wanted.append(
                (path, dates.numeric(working), f"ngày {dates.numeric(day)} thành {dates.numeric(working)}")
            )
            if working != moved_to:
                was = f"{dates.numeric(moved_to)} ({dates.weekday(moved_to)})"
                now = f"{dates.numeric(working)} ({dates.weekday(working)})"
                moved.append(f"periods[{index}].{name}: {label} đợt {index + 1} {was} dời về {now}")
    edits = [e for path, value, why in wanted if (e := source.replace_value(path, value, why))]
    return edits, moved


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def prepare_plan(
    plan: ValidPlan, source_text: str, year: int, holidays: set[dt.date], file: str, shown_source: str
) -> tuple[Prepared, list[str], list[str]]:
    source = YamlText(source_text, shown_source)
    structural, moved = _plan_edits(source, plan, year, holidays)
    inserts = [
        Edit(
            0,
            0,
            f"# Tạo bằng “tdkt new-year {year}” từ {shown_source}. Kiểm tra lại nội dung;\n"
            "# các chỗ “CẦN BỔ SUNG” phải điền trước khi in (hoặc in bản nháp: --draft).\n",
            (),
            "thêm chú thích đầu tệp",
        )
    ]
    suggested = round_anniversaries(plan, year)
    tasks = next((k for k, _v in source.root.value if k.value == "tasks"), None) if source.root else None
    if tasks is not None and suggested:
        at = _line_start(source.text, tasks.start_mark.index)
        lines = [f"# Ngày kỷ niệm tròn năm {year} (gợi ý cho phần nhiệm vụ; viết vào câu bằng tham chiếu):\n"]
        lines += [f"#   {s}\n" for s in suggested]
        inserts.append(Edit(at, at, "".join(lines), (), "thêm gợi ý ngày kỷ niệm tròn năm"))
    return carry_text(source, structural, plan, year, file, inserts), moved, suggested


def roll_over(root: Path, year: int) -> Rollover:
    content = Content(root)
    project = content.project
    target_dir = project.content_dir(year)
    shown_target = project.display(target_dir) + "/"
    if target_dir.exists():
        raise RolloverRefused(
            f"{shown_target} đã có; không ghi đè (xóa hoặc đổi tên thư mục nếu muốn tạo lại)"
        )
    source_year = latest_earlier_year(root, year)
    if source_year is None:
        raise RolloverRefused(f"không có năm nào trước {year} có {PLAN_FILE} để chuyển sang")
    # the source must be sound (its errors would carry over); its own marks are replaced anyway
    plan = load_plan(root, source_year, draft=True, content=content)
    source = project.content_dir(source_year) / PLAN_FILE
    result = Rollover(source, target_dir / PLAN_FILE)
    result.warnings = content.holiday_warnings(year)
    shown_plan = project.display(result.target)
    prepared, result.moved, result.round_anniversaries = prepare_plan(
        plan,
        source.read_text(encoding="utf-8"),
        year,
        content.holidays(),
        shown_plan,
        project.display(source),
    )
    files: dict[str, Prepared] = {PLAN_FILE: prepared}
    files.update(prepare_year_files(content, plan, year, carry_text))
    for item in files.values():
        result.changes += item.changes
        result.reviews += item.reviews
    _write_folder(target_dir, {name: item.text for name, item in files.items()}, shown_target)
    result.files = [target_dir / name for name in files]
    result.order = work_order(plan, year)

    problems = Problems()
    check_plan(content, year, problems)
    new_file = content.yaml(result.target, Problems())
    marked = (
        {new_file.loc.at(*path).field for path, _ in marks.find_marks(new_file.data)} if new_file else set()
    )
    is_mark = [p.file == shown_plan and p.field in marked for p in problems.items]
    result.marks = [p for p, mark in zip(problems.items, is_mark, strict=True) if mark]
    result.problems = [p for p, mark in zip(problems.items, is_mark, strict=True) if not mark]
    return result


def _write_folder(target: Path, files: dict[str, str], shown: str) -> None:
    """Write the files into a fresh folder beside `target`, then rename it into place.

    Renaming a folder onto an existing one fails: whichever run renames first wins, and a run that
    loses removes only its own scratch folder, never what another run made.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        for name, text in files.items():
            (scratch / name).write_bytes(text.encode("utf-8"))
        try:
            if target.exists():
                raise FileExistsError(target)
            os.rename(scratch, target)
        except OSError as exc:
            raise RolloverRefused(f"{shown} đã có (vừa được tạo); không ghi đè") from exc
    finally:
        if scratch.exists():
            shutil.rmtree(scratch)

"""Next year from this year (make new-year): content/<year>/ke-hoach.yaml from the latest earlier year.

The new file is the old one edited in place, so the clerk's layout and comments stay:
- purposes, requirements, tasks and movements carry over; the old year in the text becomes the new;
- periods move to the new year; deadlines and review dates that fall on a Saturday, a Sunday or a
  holiday of content/shared/ngay-nghi.yaml move to the previous working day;
- anniversary counts need nothing: they are computed from the references;
- what cannot be known is marked "CẦN BỔ SUNG" (the province's new plan, the month of issue, the
  signer); number and day of issue are left blank;
- the new year's round anniversaries (multiples of 5) are offered in a comment above the tasks.
Nothing under templates/ is touched, and an existing content/<year>/ is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.content import marks
from pipeline.content.model import HolidayCalendar
from pipeline.content.yamlfile import display_path, load_yaml
from pipeline.documents.plan import context as compute
from pipeline.documents.plan.rules import (
    PLAN_FILE,
    ValidPlan,
    check_plan,
    content_dir,
    load_catalogs,
    load_plan,
    read_file,
)
from pipeline.errors import InputProblem, PathKey, Problem, Problems
from pipeline.vn import dates
from pipeline.word.write import write_atomic

HOLIDAYS_FILE = "ngay-nghi.yaml"
_VALUE_LINE = re.compile(
    r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_]\w*):(?P<gap>[ \t]*)(?P<value>[^#\r\n]*?)"
    r"(?P<comment>[ \t]*#[^\r\n]*)?(?P<nl>\r?\n)?$"
)


class RolloverRefused(InputProblem):
    """The new year cannot be prepared (exists already, or nothing to start from); exit 2."""


@dataclass
class Rollover:
    source: Path
    target: Path
    moved: list[str] = field(default_factory=list)
    """Deadlines and review dates moved to a working day, as sentences."""
    round_anniversaries: list[str] = field(default_factory=list)
    marks: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Anything else the new file's checks found (the clerk will see them at make plan)."""


def latest_earlier_year(root: Path, year: int) -> int | None:
    years = [
        int(p.name)
        for p in (root / "content").iterdir()
        if p.is_dir() and re.fullmatch(r"\d{4}", p.name) and int(p.name) < year and (p / PLAN_FILE).is_file()
    ]
    return max(years, default=None)


def load_holidays(root: Path) -> set[dt.date]:
    problems = Problems()
    loaded = load_yaml(root / "content" / "shared" / HOLIDAYS_FILE, root, problems)
    calendar = read_file(loaded, HolidayCalendar, problems)
    problems.raise_if_any()
    assert calendar is not None
    return {h.date for h in calendar.holidays}


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
            found.append((day, f"[ky-niem:{ident}]  {compute.anniversary_text(anniversary, year)}"))
    return [text for _day, text in sorted(found)]


def _set_value(line: str, value: str | None) -> str:
    """The line with its value replaced (None: left blank); indentation and comment kept."""
    match = _VALUE_LINE.match(line)
    if match is None:
        raise RolloverRefused(
            f"không sửa được dòng “{line.strip()}”: hãy viết trường này dạng “khóa: giá trị”"
        )
    head, newline = f"{match['lead']}{match['key']}:", match["nl"] or ""
    raw_comment = match["comment"] or ""
    comment = raw_comment.strip()
    if value:
        return f"{head} {value}" + (f"  {comment}" if comment else "") + newline
    if comment:  # keep the comment where it stood; "key:# ..." would not be a comment
        width = len(match["gap"]) + len(match["value"]) + len(raw_comment) - len(raw_comment.lstrip())
        return f"{head}{' ' * max(width, 1)}{comment}{newline}"
    return head + newline


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def roll_over(root: Path, year: int) -> Rollover:
    target_dir = content_dir(root, year)
    shown_target = display_path(target_dir, root) + "/"
    if target_dir.exists():
        raise RolloverRefused(
            f"{shown_target} đã có; không ghi đè (xóa hoặc đổi tên thư mục nếu muốn tạo lại)"
        )
    source_year = latest_earlier_year(root, year)
    if source_year is None:
        raise RolloverRefused(f"không có năm nào trước {year} có {PLAN_FILE} để chuyển sang")
    plan = load_plan(root, source_year)  # the source must be sound: its errors would carry over
    holidays = load_holidays(root)
    source = content_dir(root, source_year) / PLAN_FILE
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    loc = plan.content.loc
    result = Rollover(source, target_dir / PLAN_FILE)

    edits: dict[int, str | None] = {}

    def edit(path: PathKey, value: str | None) -> None:
        line = loc.lines.get(path)
        if line is not None:
            edits[line] = value

    doc = plan.content.document
    edit(("document", "number"), None)
    edit(("document", "date"), None)
    month_note = f"tháng ban hành kế hoạch năm {year} (năm {source_year}: tháng {plan.date.month})"
    if ("document", "month") in loc.lines:
        edit(("document", "month"), _quote(marks.mark(month_note)))
    signer_note = (
        f"người ký năm {year} (năm {source_year}: {doc.signer}, {plan.signer.name if plan.signer else ''})"
    )
    edit(("document", "signer"), _quote(marks.mark(signer_note)))
    basis_note = (
        f"mã kế hoạch thi đua, khen thưởng năm {year} của UBND tỉnh, sau khi thêm vào "
        f"content/shared/van-ban.yaml (năm {source_year}: {plan.content.basis})"
    )
    edit(("basis",), _quote(marks.mark(basis_note)))

    for index, period in enumerate(plan.content.periods):
        base = ("periods", index)
        edit((*base, "start"), dates.numeric(dates.anniversary_of(period.start, year)))
        edit((*base, "end"), dates.numeric(dates.anniversary_of(period.end, year)))
        dated = [("deadline", "hạn nộp hồ sơ", period.deadline, (*base, "deadline"))]
        if period.review.date is not None:
            dated.append(
                ("review.date", f"ngày {period.review.kind}", period.review.date, (*base, "review", "date"))
            )
        for name, label, old, path in dated:
            moved_to = dates.anniversary_of(old, year)
            working = previous_working_day(moved_to, holidays)
            edit(path, dates.numeric(working))
            if working != moved_to:
                was = f"{dates.numeric(moved_to)} ({dates.weekday(moved_to)})"
                now = f"{dates.numeric(working)} ({dates.weekday(working)})"
                result.moved.append(f"periods[{index}].{name}: {label} đợt {index + 1} {was} dời về {now}")

    old_year = re.compile(rf"(?<![\w-]){source_year}(?![\w-])")  # not inside an id like kh-18-2024-ubnd
    out: list[str] = [
        f"# Tạo bằng “make new-year YEAR={year}” từ {display_path(source, root)}. Kiểm tra lại nội dung;\n",
        "# các chỗ “CẦN BỔ SUNG” phải điền trước khi in (hoặc in bản nháp: DRAFT=1).\n",
    ]
    tasks_line = loc.lines.get(("tasks",))
    result.round_anniversaries = round_anniversaries(plan, year)
    for number, line in enumerate(lines, start=1):
        if number == tasks_line and result.round_anniversaries:
            out.append(
                f"# Ngày kỷ niệm tròn năm {year} (gợi ý cho phần nhiệm vụ; viết vào câu bằng tham chiếu):\n"
            )
            out.extend(f"#   {text}\n" for text in result.round_anniversaries)
        if number in edits:
            out.append(_set_value(line, edits[number]))
        else:
            out.append(old_year.sub(str(year), line))

    text = "".join(out)
    try:
        target_dir.mkdir(parents=True)
        write_atomic(result.target, text.encode("utf-8"))
    except BaseException:
        if result.target.exists():
            result.target.unlink()
        if target_dir.exists() and not any(target_dir.iterdir()):
            target_dir.rmdir()
        raise

    problems = Problems()
    check_plan(root, year, load_catalogs(root, problems), problems)
    result.marks = [p for p in problems.items if "chưa bổ sung" in p.message]
    result.problems = [p for p in problems.items if "chưa bổ sung" not in p.message]
    return result

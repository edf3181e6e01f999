"""Vietnamese dates as Nghị định 30/2020/NĐ-CP writes them.

Day: two digits below 10 ("05"). Month: two digits for January and February only
("02", "3"). Numeric form "03/02/1930", "07/5/1954"; spelled form
"ngày 05 tháng 02 năm 2024". Babel knows the Vietnamese locale, not this rule.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

BLANK = " " * 6
"""What stands for a number or a day not yet known, in "Số:      /KH-VP"."""

_NUMERIC = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_SHORT_YEAR = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{1,3}\s*$")


class DateFormatError(ValueError):
    """Text that is not a date; the message is in Vietnamese."""


def day_text(day: int) -> str:
    return f"{day:02d}"


def month_text(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def numeric(d: date) -> str:
    """'03/02/1930', '07/5/1954', '15/01/2024'."""
    return f"{day_text(d.day)}/{month_text(d.month)}/{d.year}"


def spelled(d: date) -> str:
    """'ngày 05 tháng 02 năm 2024'."""
    return f"ngày {day_text(d.day)} tháng {month_text(d.month)} năm {d.year}"


def place_and_date(place: str, d: date | None, month: int | None, year: int) -> str:
    """'Bắc Kạn, ngày 05 tháng 3 năm 2024'; the day (and the month) stay blank until known."""
    if d is not None:
        return f"{place}, {spelled(d)}"
    shown = month_text(month) if month is not None else BLANK
    return f"{place}, ngày{BLANK}tháng {shown} năm {year}"


def weekday(d: date) -> str:
    """'Thứ Hai' ... 'Chủ Nhật', from Babel's Vietnamese locale."""
    from babel.dates import format_date  # only weekday names need Babel's locale data

    name = format_date(d, "EEEE", locale="vi")
    return name[:1].upper() + name[1:]


def anniversary_of(origin: date, year: int) -> date:
    """The day an origin date recurs in a year; 29 February falls on 28 February in common years."""
    if origin.month == 2 and origin.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return origin.replace(year=year)


def parse(text: str) -> date:
    """'15/01/2024' (or ISO '2024-01-15') to a date; DateFormatError says why not."""
    if match := _NUMERIC.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif _SHORT_YEAR.match(text):
        raise DateFormatError(f"“{text.strip()}”: năm phải viết đủ 4 chữ số (ví dụ 15/01/2024)")
    else:
        raise DateFormatError(f"“{text}” không phải ngày (viết dạng ngày/tháng/năm, ví dụ 15/01/2024)")
    shown = f"{day:02d}/{month:02d}/{year:04d}"
    if year < 1:
        raise DateFormatError(f"ngày {shown} không tồn tại (không có năm {year:04d})")
    if not 1 <= month <= 12:
        raise DateFormatError(f"ngày {shown} không tồn tại (không có tháng {month})")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateFormatError(f"ngày {shown} không tồn tại")
    return date(year, month, day)

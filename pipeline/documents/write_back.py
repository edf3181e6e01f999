"""A report date given on the command line (DATE=, --date) written back into the report's content
file, so the next build (make all) has it too. The edit is made at the exact place of the value
(content/splice.py): comments and layout stay. If it cannot be written back, the build refuses
rather than make a report whose date would be lost.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.content.splice import Edit, SpliceProblem, YamlText, apply
from pipeline.errors import InputProblem
from pipeline.vn import dates
from pipeline.word.write import WriteProblem, write_atomic


class DateNotSaved(InputProblem):
    """The report date could not be written into the content file; nothing is built; exit 2."""


def write_report_date(path: Path, shown: str, day: dt.date) -> str | None:
    """Put `day` in `document.date` of the report's content file (blanking `document.month`, which
    the date replaces). Returns what was done, None when the file already has that date."""
    try:
        text = path.read_text(encoding="utf-8")
        source = YamlText(text, shown)
    except (OSError, UnicodeDecodeError, SpliceProblem) as exc:
        raise DateNotSaved(
            f"{shown}: không ghi được ngày báo cáo {dates.numeric(day)} vào tệp ({exc}); "
            "chưa tạo báo cáo. Sửa tệp rồi chạy lại, hoặc ghi ngày vào document.date"
        ) from exc
    written = f"{day:%d/%m/%Y}"
    node = source.node("document", "date")
    old = str(node.value).strip() if node is not None and node.value is not None else ""
    if old == written:
        return None
    why = "ngày báo cáo"
    edits: list[Edit] = []
    edit = (
        source.replace_value(("document", "date"), written, why)
        if node is not None
        else source.insert_field(("document",), "date", written, why)
    )
    if edit is None:
        raise DateNotSaved(
            f"{shown}: không tìm được chỗ ghi ngày báo cáo {dates.numeric(day)} "
            "(cần mục document: viết mỗi trường một dòng); chưa tạo báo cáo. "
            f"Ghi “date: {written}” vào mục document rồi chạy lại"
        )
    edits.append(edit)
    month_node = source.node("document", "month")
    month_text = str(month_node.value or "").strip() if month_node is not None else ""
    if month_text and month_text.lstrip("0") != str(day.month):  # a month the date contradicts
        month = source.replace_value(("document", "month"), None, "tháng: đã có ngày")
        if month is not None:
            edits.append(month)
    new_text, applied = apply(text, edits)
    try:
        write_atomic(path, new_text.encode("utf-8"))
    except WriteProblem as exc:
        raise DateNotSaved(
            f"{shown}: không ghi được ngày báo cáo {dates.numeric(day)} vào tệp ({exc}); chưa tạo báo cáo"
        ) from exc
    line = applied[[a.edit for a in applied].index(edit)].line
    was = f" (thay {old})" if old else ""
    return f"Đã ghi ngày báo cáo {written}{was} vào {shown}:{line} (document.date)"

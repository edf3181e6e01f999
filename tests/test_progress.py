"""The progress line: redrawn in place on a terminal, plain lines elsewhere only for long work."""

from __future__ import annotations

import io

from pipeline import progress as progress_module
from pipeline.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_one_line_is_redrawn_with_a_bar_and_cleared_at_the_end():
    stream = Terminal()
    progress = Progress("Đang tạo văn bản", 2, stream=stream)
    progress.step("kế hoạch")
    progress.step("quyết định đợt 1")
    progress.finish()
    text = stream.getvalue()
    assert "\n" not in text
    assert "Đang tạo văn bản: [" + "-" * 24 + "] 1/2 kế hoạch" in text
    assert "[" + "#" * 12 + "-" * 12 + "] 2/2 quyết định đợt 1" in text
    assert text.endswith("\r\x1b[K")


def test_elsewhere_quick_work_prints_nothing_and_long_work_plain_lines(monkeypatch):
    stream = io.StringIO()
    quick = Progress("Đang tạo văn bản", stream=stream)
    quick.step("kế hoạch")
    quick.finish()
    assert stream.getvalue() == ""
    clock = [100.0, 103.0]  # started, then a step 3 s later (and later steps)
    monkeypatch.setattr(
        progress_module.time, "monotonic", lambda: clock.pop(0) if len(clock) > 1 else clock[0]
    )
    slow = Progress("So sánh", 3, stream=stream)
    slow.step("đọc hai văn bản")
    assert stream.getvalue() == "So sánh: 1/3 đọc hai văn bản\n"
    stream.truncate(0)
    stream.seek(0)
    Progress("Đang chuyển sang PDF bằng LibreOffice", long=True, stream=stream).step("5 văn bản")
    assert stream.getvalue() == "Đang chuyển sang PDF bằng LibreOffice: 5 văn bản\n"

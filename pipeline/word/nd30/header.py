"""The header: Quốc hiệu and Tiêu ngữ, issuing body, number and symbol, place and date."""

from __future__ import annotations

import calendar
import re

from pipeline.word.nd30.document import CheckedDocument
from pipeline.word.nd30.rules import (
    DATE_LINE,
    NUMBER_LINE,
    QUOC_HIEU,
    TIEU_NGU,
    base_letters,
    bold,
    has_rule_below,
    italic,
    size_ok,
    sizes,
    sizes_text,
)
from pipeline.word.reader import Para

PLACE_WORDS = ("TỈNH ", "THÀNH PHỐ ", "HUYỆN ", "QUẬN ", "THỊ XÃ ", "XÃ ", "PHƯỜNG ", "THỊ TRẤN ")
"""A line of the issuing body's name that starts with one of these continues the line above it."""


class HeaderChecks(CheckedDocument):
    def national_title(self) -> None:
        found = self.find(lambda t: base_letters(t) == base_letters(QUOC_HIEU))
        if found is None:
            self.add("Quốc hiệu", "không có", f"“{QUOC_HIEU}”, chữ in hoa, cỡ 12-13, đứng, đậm")
        else:
            _c, _i, para = found
            if para.text.strip() != QUOC_HIEU:
                self.add("Quốc hiệu", f"“{para.text.strip()}”", f"“{QUOC_HIEU}”")
            if not bold(para):
                self.add("Quốc hiệu", "chữ không đậm", "chữ in hoa, đậm")
            if not size_ok(para, 12, 13):
                self.add("Quốc hiệu", sizes_text(sizes(para)), "cỡ 12-13")
        found = self.find(lambda t: base_letters(t) == base_letters(TIEU_NGU))
        if found is None:
            self.add("Tiêu ngữ", "không có", f"“{TIEU_NGU}”, cỡ 13-14, đậm, có gạch nối")
            return
        column, index, para = found
        if para.text.strip() != TIEU_NGU:
            self.add(
                "Tiêu ngữ", f"“{para.text.strip()}”", f"“{TIEU_NGU}” (viết hoa chữ đầu, gạch nối có cách chữ)"
            )
        if not bold(para):
            self.add("Tiêu ngữ", "chữ không đậm", "chữ đậm")
        if not size_ok(para, 13, 14):
            self.add("Tiêu ngữ", sizes_text(sizes(para)), "cỡ 13-14")
        cell = self.header_cells[column]
        if not has_rule_below(para, cell[index + 1] if index + 1 < len(cell) else None):
            self.add("Tiêu ngữ", "không có đường kẻ dưới", "đường kẻ ngang, nét liền, dài bằng dòng chữ")

    def number_and_body(self) -> str | None:
        found = self.find(lambda t: t.startswith("Số"))
        if found is None:
            self.add("Số, ký hiệu", "không có", "“Số: 05/KH-VP” dưới tên cơ quan ban hành")
            return None
        column, index, para = found
        text = para.text.strip()
        match = NUMBER_LINE.match(text)
        if match is None:
            self.add("Số, ký hiệu", f"“{text}”", "“Số: <số>/<ký hiệu>”, ví dụ “Số: 05/KH-VP”")
            return None
        if not match["colon"]:
            self.add("Số, ký hiệu", f"“{text}”", "có dấu hai chấm sau chữ “Số”")
        number = match["number"]
        if number and int(number) < 10 and len(number) != 2:
            self.add(
                "Số, ký hiệu",
                f"số “{number}”",
                f"số nhỏ hơn 10 viết thêm số 0 phía trước: “{int(number):02d}”",
            )
        symbol = match["symbol"]
        if not symbol or " " in symbol or not re.fullmatch(r"[\wĐđ]+(-[\wĐđ]+)*", symbol):
            self.add("Số, ký hiệu", f"ký hiệu “{symbol}”", "chữ viết tắt nối bằng “-”, không cách chữ")
        if not size_ok(para, 13, 13):
            self.add("Số, ký hiệu", sizes_text(sizes(para)), "cỡ 13")
        self.issuing_body(self.header_cells[column][:index])
        return symbol

    def issuing_body(self, above: list[Para]) -> None:
        """The issuing body: its name (bold, one or more lines) under none, one or two lines of the
        bodies above it (not bold); a body without a governing body is one bold block."""
        lines = [p for p in above if p.text.strip()]
        if not lines:
            self.add("Tên cơ quan ban hành", "không có", "chữ in hoa, đậm, trên dòng số, ký hiệu")
            return
        name_lines = 1  # a name broken over lines: "ỦY BAN NHÂN DÂN" / "TỈNH BẮC KẠN", all bold
        while (
            name_lines < len(lines)
            and bold(lines[-name_lines - 1])
            and lines[-name_lines].text.strip().upper().startswith(PLACE_WORDS)
        ):
            name_lines += 1
        body = lines[-1]
        if not bold(body):
            self.add("Tên cơ quan ban hành", f"“{body.text.strip()}” không đậm", "chữ in hoa, cỡ 12-13, đậm")
            name_lines = 1
        for line in lines[-name_lines:]:
            if line.text.strip() != line.text.strip().upper():
                self.add("Tên cơ quan ban hành", f"“{line.text.strip()}”", "chữ in hoa")
            if not size_ok(line, 12, 13):
                self.add("Tên cơ quan ban hành", sizes_text(sizes(line)), "cỡ 12-13")
        if not has_rule_below(body, next((p for p in above[above.index(body) + 1 :]), None)):
            self.add(
                "Tên cơ quan ban hành",
                "không có đường kẻ dưới",
                "đường kẻ ngang nét liền, dài 1/3-1/2 dòng chữ",
            )
        parents = lines[:-name_lines]
        if len(parents) > 2:
            self.add(
                "Tên cơ quan chủ quản",
                f"{len(parents)} dòng trên tên cơ quan ban hành",
                "nhiều nhất hai cấp cơ quan chủ quản",
            )
        for parent in parents:
            if bold(parent):
                self.add(
                    "Tên cơ quan chủ quản",
                    f"“{parent.text.strip()}” in đậm",
                    "chữ in hoa, cỡ 12-13, không đậm",
                )
            if not size_ok(parent, 12, 13):
                self.add("Tên cơ quan chủ quản", sizes_text(sizes(parent)), "cỡ 12-13")

    def excerpt(self, symbol: str | None) -> None:
        """A công văn's subject: "V/v ..." under its number, cỡ 12-13, đứng."""
        if (symbol or "").split("-")[0] != "CV":
            return
        found = self.find(lambda t: t.startswith("Số"))
        if found is None:
            return
        column, index, _para = found
        below = [p for p in self.header_cells[column][index + 1 :] if p.text.strip()]
        excerpt = below[0] if below else None
        if excerpt is None or not excerpt.text.strip().startswith("V/v"):
            self.add("Trích yếu công văn", "không có", "“V/v <nội dung>” dưới số, ký hiệu, cỡ 12-13, đứng")
            return
        if italic(excerpt) or bold(excerpt):
            self.add("Trích yếu công văn", "chữ nghiêng hoặc đậm", "chữ in thường, đứng")
        if not size_ok(excerpt, 12, 13):
            self.add("Trích yếu công văn", sizes_text(sizes(excerpt)), "cỡ 12-13")

    def place_and_date(self) -> None:
        found = self.find(lambda t: DATE_LINE.match(t) is not None)
        if found is None:
            self.add("Địa danh, thời gian", "không có", "“<địa danh>, ngày 05 tháng 3 năm 2024”, in nghiêng")
            return
        para = found[2]
        match = DATE_LINE.match(para.text.strip())
        day, month, year = match["day"], match["month"], int(match["year"])
        if not italic(para):
            self.add("Địa danh, thời gian", "chữ đứng", "chữ in thường, nghiêng")
        if not size_ok(para, 13, 14):
            self.add("Địa danh, thời gian", sizes_text(sizes(para)), "cỡ 13-14")
        if day and int(day) < 10 and len(day) != 2:
            self.add("Địa danh, thời gian", f"ngày “{day}”", f"ngày nhỏ hơn 10 viết “{int(day):02d}”")
        if month:
            expected = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
            if month != expected:
                self.add(
                    "Địa danh, thời gian",
                    f"tháng “{month}”",
                    f"tháng 01, 02 có số 0; từ tháng 3 không: “{expected}”",
                )
            if not 1 <= int(month) <= 12 or (
                day and not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]
            ):
                self.add("Địa danh, thời gian", f"ngày {day}/{month}/{year}", "một ngày có thật")

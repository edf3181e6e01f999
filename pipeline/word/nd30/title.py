"""The type name (KẾ HOẠCH, QUYẾT ĐỊNH ...) and the subject under it."""

from __future__ import annotations

from pipeline.word.nd30.document import CheckedDocument
from pipeline.word.nd30.rules import (
    ABBREVIATIONS,
    TYPE_NAMES,
    bold,
    has_rule_below,
    size_ok,
    sizes,
    sizes_text,
)
from pipeline.word.reader import Para, TableBlock


class TitleChecks(CheckedDocument):
    def type_and_subject(self, symbol: str | None) -> None:
        start = 1 if self.header_cells and self.body and isinstance(self.body[0], TableBlock) else 0
        paragraphs = [b for b in self.body[start:] if isinstance(b, Para)]
        expected_abbreviation = (symbol or "").split("-")[0]
        title = None
        for index, para in enumerate(paragraphs[:8]):
            first = para.text.strip().split("\n")[0].strip()
            if first in TYPE_NAMES:
                title = (index, para, first)
                break
        if title is None:
            if expected_abbreviation in ABBREVIATIONS:
                self.add(
                    "Tên loại văn bản",
                    "không có",
                    f"tên loại tương ứng với ký hiệu “{expected_abbreviation}”, in hoa, đậm",
                )
            return  # a công văn has no type name
        index, para, name = title
        if expected_abbreviation and TYPE_NAMES[name] != expected_abbreviation:
            self.add(
                "Tên loại văn bản",
                f"“{name}” với ký hiệu “{expected_abbreviation}”",
                f"ký hiệu “{TYPE_NAMES[name]}”",
            )
        lines = para.text.strip().split("\n")
        if not bold(para):
            self.add("Tên loại và trích yếu", "chữ không đậm", "chữ đậm")
        if para.align != "center":
            self.add("Tên loại và trích yếu", f"căn {para.align}", "căn giữa")
        if not size_ok(para, 13, 14):
            self.add("Tên loại và trích yếu", sizes_text(sizes(para)), "cỡ 13-14")
        subject = (
            para if len(lines) > 1 else next((p for p in paragraphs[index + 1 :] if p.text.strip()), None)
        )
        if subject is None:
            self.add("Trích yếu nội dung", "không có", "dưới tên loại văn bản, chữ đậm, căn giữa")
            return
        if subject is not para and (not bold(subject) or not size_ok(subject, 13, 14)):
            self.add(
                "Trích yếu nội dung",
                f"{'đậm' if bold(subject) else 'không đậm'}, {sizes_text(sizes(subject))}",
                "chữ đậm, cỡ 13-14",
            )
        after = (
            paragraphs[paragraphs.index(subject) + 1]
            if paragraphs.index(subject) + 1 < len(paragraphs)
            else None
        )
        if not has_rule_below(subject, after):
            self.add(
                "Trích yếu nội dung",
                "không có đường kẻ dưới",
                "đường kẻ ngang nét liền, dài 1/3-1/2 dòng chữ",
            )

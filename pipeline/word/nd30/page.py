"""Paper, margins, font, body text size and page numbers."""

from __future__ import annotations

from collections import Counter
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Mm

from pipeline.vn.amounts import decimal
from pipeline.word.nd30.document import CheckedDocument
from pipeline.word.nd30.rules import (
    FONT,
    MARGINS,
    TOLERANCE,
    all_paragraphs,
    has_page_field,
    paragraph_has_page,
    size_ok,
    sizes,
    sizes_text,
    style_id,
)
from pipeline.word.reader import Para, TableBlock


class PageChecks(CheckedDocument):
    def page(self) -> None:
        sections = self.document.sections
        if not len(sections):
            self.add("Khổ giấy", "không khai báo (thiếu w:sectPr)", "A4 (210 × 297 mm)")
            for side, (_attribute, low, high) in MARGINS.items():
                self.add(f"Lề {side}", "không khai báo (thiếu w:sectPr)", f"từ {low} đến {high} mm")
            return
        for number, section in enumerate(sections, start=1):
            label = f" (mục {number})" if len(sections) > 1 else ""
            if section.page_width is None or section.page_height is None:
                self.add(f"Khổ giấy{label}", "không khai báo (thiếu w:pgSz)", "A4 (210 × 297 mm)")
            else:
                width, height = sorted((section.page_width, section.page_height))
                if abs(width - Mm(210)) > Mm(1) or abs(height - Mm(297)) > Mm(1):
                    found = f"{width / Mm(1):.0f} × {height / Mm(1):.0f} mm"
                    self.add(f"Khổ giấy{label}", found, "A4 (210 × 297 mm)")
            for side, (attribute, low, high) in MARGINS.items():
                value = getattr(section, attribute)
                if value is None:
                    self.add(f"Lề {side}{label}", "không khai báo (thiếu w:pgMar)", f"từ {low} đến {high} mm")
                elif not Mm(low) - TOLERANCE <= value <= Mm(high) + TOLERANCE:
                    self.add(f"Lề {side}{label}", f"{decimal(value / Mm(1), 1)} mm", f"từ {low} đến {high} mm")

    def fonts(self) -> None:
        found: Counter[str] = Counter()
        styles = self.document.styles.element
        default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        for para in all_paragraphs(self.body):
            for _start, _end, run in para.runs:
                found[self._font(run, para, default)] += 1
        wrong = {name: n for name, n in found.items() if name != FONT}
        if wrong:
            shown = ", ".join(f"{name} ({n} đoạn chữ)" for name, n in sorted(wrong.items()))
            self.add("Phông chữ", shown, f"{FONT} (Unicode, TCVN 6909:2001)")

    def _font(self, run: Any, para: Para, default: Any) -> str:
        candidates = [run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")]
        style = self.document.styles.get_by_id(style_id(para.element), 1) if style_id(para.element) else None
        while style is not None:
            candidates.append(style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}"))
            style = style.base_style
        candidates.append(default)
        for fonts in candidates:
            if fonts is None:
                continue
            if fonts.get(qn("w:ascii")):
                return fonts.get(qn("w:ascii"))
            if fonts.get(qn("w:asciiTheme")):
                return f"phông theo theme ({fonts.get(qn('w:asciiTheme'))})"
        return "mặc định của Word (không khai báo)"

    def body_size(self) -> None:
        start = 1 if self.body and isinstance(self.body[0], TableBlock) else 0
        wrong = [
            p for p in self.body[start:] if isinstance(p, Para) and p.text.strip() and not size_ok(p, 13, 14)
        ]
        if wrong:
            example = wrong[0].text.strip()[:50]
            self.add(
                "Nội dung văn bản",
                f"{len(wrong)} đoạn có {sizes_text(set().union(*map(sizes, wrong)))}, ví dụ “{example}”",
                "cỡ 13-14",
            )

    def page_numbers(self) -> None:
        if not len(self.document.sections):
            self.add("Số trang", "không kiểm tra được (thiếu w:sectPr)", "số trang ở giữa lề trên")
            return
        section = self.document.sections[0]
        in_header = has_page_field(section.header) if not section.header.is_linked_to_previous else False
        in_footer = has_page_field(section.footer) if not section.footer.is_linked_to_previous else False
        rule = "số trang ở giữa lề trên, không đánh số trang 1 (văn bản từ 2 trang)"
        if not in_header and not in_footer:
            self.add("Số trang", "không đánh số trang", rule)
            return
        if in_footer and not in_header:
            self.add("Số trang", "ở chân trang", rule)
        if not section.different_first_page_header_footer or has_page_field(section.first_page_header):
            self.add("Số trang", "có số ở trang 1", rule)
        paragraph = next((p for p in section.header.paragraphs if paragraph_has_page(p._p)), None)
        if paragraph is not None and paragraph.alignment is not None and paragraph.alignment != 1:
            self.add("Số trang", "không căn giữa", rule)

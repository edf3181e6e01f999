"""Check any .docx against Nghị định 30/2020/NĐ-CP, Phụ lục I (make check FILE=...).

Elements are found by their wording, not by their position, so a hand-made document is checked
as well as ours: the Quốc hiệu and Tiêu ngữ, the number line ("Số: ..."), the place-and-date
line, the issuing body above the number, the type name (KẾ HOẠCH, QUYẾT ĐỊNH ...) and subject,
the body, "Nơi nhận:" and the signature beside it, page size, margins, font and page numbers.
Each deviation names the element, what was found and what the rule says.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm

from pipeline.word.diff import BODY, Para, Tab, open_docx, read_document

TYPE_NAMES = {
    "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr", "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA", "DỰ ÁN": "DA", "BÁO CÁO": "BC", "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ", "CÔNG ĐIỆN": "CĐ", "BẢN GHI NHỚ": "BGN", "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ", "GIẤY MỜI": "GM", "GIẤY GIỚI THIỆU": "GGT", "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG", "PHIẾU CHUYỂN": "PC", "PHIẾU BÁO": "PB",
}  # fmt: skip
ABBREVIATIONS = set(TYPE_NAMES.values()) | {"SY", "TrS", "SL"}
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
NUMBER_LINE = re.compile(r"^Số\s*(?P<colon>:?)\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S*)$")
DATE_LINE = re.compile(
    r"^(?P<place>[^,]+),\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d*)\s*năm\s*(?P<year>\d{4})\s*$"
)
MARGINS = {"trên": ("top_margin", 20, 25), "dưới": ("bottom_margin", 20, 25),
           "trái": ("left_margin", 30, 35), "phải": ("right_margin", 15, 20)}  # fmt: skip
TOLERANCE = Mm(0.05)
FONT = "Times New Roman"


@dataclass(frozen=True)
class Deviation:
    element: str
    found: str
    rule: str

    def __str__(self) -> str:
        return f"{self.element}: thấy {self.found}; quy định: {self.rule}"


def base_letters(text: str) -> str:
    """Lower case without diacritics, đ as d, spacing and dashes folded: for finding, not judging."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-–—]", " - ", text).split())


# ---- facts about a paragraph ------------------------------------------------------------------


def _visible(para: Para) -> list[int]:
    return [i for i, c in enumerate(para.text) if not c.isspace()]


def bold(para: Para) -> bool:
    return all(para.formats[i][0] for i in _visible(para))


def italic(para: Para) -> bool:
    return all(para.formats[i][1] for i in _visible(para))


def sizes(para: Para) -> set[float | None]:
    return {para.formats[i][2] for i in _visible(para)}


def _sizes_text(found: set[float | None]) -> str:
    shown = sorted(("?" if s is None else (str(int(s)) if s == int(s) else str(s))) for s in found)
    return "cỡ " + ", ".join(shown)


def _size_ok(para: Para, low: float, high: float) -> bool:
    return all(s is not None and low <= s <= high for s in sizes(para))


def has_rule_below(para: Para, following: Para | None) -> bool:
    """A solid line under a paragraph: its own bottom border, the next paragraph's, or a drawing."""
    for element in (para.element, following.element if following else None):
        if element is None:
            continue
        if element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None:
            return True
        if any(e.tag in (qn("w:drawing"), qn("w:pict")) for e in element.iter()):
            return True
    return False


# ---- the checks -----------------------------------------------------------------------------------


class _Checker:
    def __init__(self, document: DocxDocument):
        self.document = document
        self.deviations: list[Deviation] = []
        parts = read_document(document)
        self.body = next(p for p in parts if p.name == BODY).blocks
        self.header_cells: list[list[Para]] = []
        if self.body and isinstance(self.body[0], Tab):
            table = self.body[0]
            columns = max(len(r.cells) for r in table.rows)
            self.header_cells = [
                [p for row in table.rows if c < len(row.cells) for p in row.cells[c]] for c in range(columns)
            ]
        else:
            top: list[Para] = []
            for block in self.body:
                if isinstance(block, Tab):
                    break
                top.append(block)
            self.header_cells = [top[:12]]

    def add(self, element: str, found: str, rule: str) -> None:
        self.deviations.append(Deviation(element, found, rule))

    def find(self, predicate: Any) -> tuple[int, int, Para] | None:
        for c, cell in enumerate(self.header_cells):
            for i, para in enumerate(cell):
                if para.text.strip() and predicate(para.text.strip()):
                    return c, i, para
        return None

    def run(self) -> list[Deviation]:
        self.page()
        self.fonts()
        self.national_title()
        symbol = self.number_and_body()
        self.place_and_date()
        self.type_and_subject(symbol)
        self.body_size()
        self.closing()
        self.page_numbers()
        return self.deviations

    # paper, margins, font

    def page(self) -> None:
        for number, section in enumerate(self.document.sections, start=1):
            label = f" (mục {number})" if len(self.document.sections) > 1 else ""
            width, height = sorted((section.page_width or 0, section.page_height or 0))
            if abs(width - Mm(210)) > Mm(1) or abs(height - Mm(297)) > Mm(1):
                self.add(
                    f"Khổ giấy{label}", f"{width / Mm(1):.0f} × {height / Mm(1):.0f} mm", "A4 (210 × 297 mm)"
                )
            for side, (attribute, low, high) in MARGINS.items():
                value = getattr(section, attribute) or 0
                if not Mm(low) - TOLERANCE <= value <= Mm(high) + TOLERANCE:
                    self.add(f"Lề {side}{label}", f"{value / Mm(1):.1f} mm", f"từ {low} đến {high} mm")

    def fonts(self) -> None:
        found: Counter[str] = Counter()
        styles = self.document.styles.element
        default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        for para in _all_paragraphs(self.body):
            for _start, _end, run in para.runs:
                found[self._font(run, para, default)] += 1
        wrong = {name: n for name, n in found.items() if name != FONT}
        if wrong:
            shown = ", ".join(f"{name} ({n} đoạn chữ)" for name, n in sorted(wrong.items()))
            self.add("Phông chữ", shown, f"{FONT} (Unicode, TCVN 6909:2001)")

    def _font(self, run: Any, para: Para, default: Any) -> str:
        candidates = [run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")]
        style = (
            self.document.styles.get_by_id(_style_id(para.element), 1) if _style_id(para.element) else None
        )
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

    # header

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
            if not _size_ok(para, 12, 13):
                self.add("Quốc hiệu", _sizes_text(sizes(para)), "cỡ 12-13")
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
        if not _size_ok(para, 13, 14):
            self.add("Tiêu ngữ", _sizes_text(sizes(para)), "cỡ 13-14")
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
        if not _size_ok(para, 13, 13):
            self.add("Số, ký hiệu", _sizes_text(sizes(para)), "cỡ 13")
        self.issuing_body(self.header_cells[column][:index])
        return symbol

    def issuing_body(self, above: list[Para]) -> None:
        lines = [p for p in above if p.text.strip()]
        if not lines:
            self.add("Tên cơ quan ban hành", "không có", "chữ in hoa, đậm, trên dòng số, ký hiệu")
            return
        body = lines[-1]
        if not bold(body):
            self.add("Tên cơ quan ban hành", f"“{body.text.strip()}” không đậm", "chữ in hoa, cỡ 12-13, đậm")
        if body.text.strip() != body.text.strip().upper():
            self.add("Tên cơ quan ban hành", f"“{body.text.strip()}”", "chữ in hoa")
        if not _size_ok(body, 12, 13):
            self.add("Tên cơ quan ban hành", _sizes_text(sizes(body)), "cỡ 12-13")
        if not has_rule_below(body, next((p for p in above[above.index(body) + 1 :]), None)):
            self.add(
                "Tên cơ quan ban hành",
                "không có đường kẻ dưới",
                "đường kẻ ngang nét liền, dài 1/3-1/2 dòng chữ",
            )
        for parent in lines[:-1]:
            if bold(parent):
                self.add(
                    "Tên cơ quan chủ quản",
                    f"“{parent.text.strip()}” in đậm",
                    "chữ in hoa, cỡ 12-13, không đậm",
                )
            if not _size_ok(parent, 12, 13):
                self.add("Tên cơ quan chủ quản", _sizes_text(sizes(parent)), "cỡ 12-13")

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
        if not _size_ok(para, 13, 14):
            self.add("Địa danh, thời gian", _sizes_text(sizes(para)), "cỡ 13-14")
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

    def type_and_subject(self, symbol: str | None) -> None:
        start = 1 if self.header_cells and self.body and isinstance(self.body[0], Tab) else 0
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
        if not _size_ok(para, 13, 14):
            self.add("Tên loại và trích yếu", _sizes_text(sizes(para)), "cỡ 13-14")
        subject = (
            para if len(lines) > 1 else next((p for p in paragraphs[index + 1 :] if p.text.strip()), None)
        )
        if subject is None:
            self.add("Trích yếu nội dung", "không có", "dưới tên loại văn bản, chữ đậm, căn giữa")
            return
        if subject is not para and (not bold(subject) or not _size_ok(subject, 13, 14)):
            self.add(
                "Trích yếu nội dung",
                f"{'đậm' if bold(subject) else 'không đậm'}, {_sizes_text(sizes(subject))}",
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

    def body_size(self) -> None:
        start = 1 if self.body and isinstance(self.body[0], Tab) else 0
        wrong = [
            p for p in self.body[start:] if isinstance(p, Para) and p.text.strip() and not _size_ok(p, 13, 14)
        ]
        if wrong:
            example = wrong[0].text.strip()[:50]
            self.add(
                "Nội dung văn bản",
                f"{len(wrong)} đoạn có {_sizes_text(set().union(*map(sizes, wrong)))}, ví dụ “{example}”",
                "cỡ 13-14",
            )

    def closing(self) -> None:
        for table in (b for b in self.body if isinstance(b, Tab)):
            for row in table.rows:
                for c, cell in enumerate(row.cells):
                    start = next(
                        (i for i, p in enumerate(cell) if p.text.strip().startswith("Nơi nhận")), None
                    )
                    if start is not None:
                        self.recipients(cell[start:])
                        others = [
                            p for k, other in enumerate(row.cells) if k != c for p in other if p.text.strip()
                        ]
                        self.signer(others)
                        return
        self.add("Nơi nhận", "không có", "“Nơi nhận:” cỡ 12, nghiêng, đậm, ngang hàng với chức vụ người ký")

    def recipients(self, paragraphs: list[Para]) -> None:
        heading, items = paragraphs[0], [p for p in paragraphs[1:] if p.text.strip()]
        if heading.text.strip() != "Nơi nhận:":
            self.add("Nơi nhận", f"“{heading.text.strip()}”", "“Nơi nhận:”")
        if not (bold(heading) and italic(heading)):
            self.add("Nơi nhận", "không đậm nghiêng", "chữ nghiêng, đậm")
        if not _size_ok(heading, 12, 12):
            self.add("Nơi nhận", _sizes_text(sizes(heading)), "cỡ 12")
        wrong = [p for p in items if not _size_ok(p, 11, 11)]
        if wrong:
            self.add("Danh sách nơi nhận", _sizes_text(set().union(*map(sizes, wrong))), "cỡ 11")

    def signer(self, paragraphs: list[Para]) -> None:
        if len(paragraphs) < 2:
            self.add("Chữ ký", "không có chức vụ và họ tên người ký", "chức vụ in hoa, đậm; họ tên đậm")
            return
        *titles, name = paragraphs
        for title in titles:
            if title.text.strip() != title.text.strip().upper() or not bold(title):
                self.add("Chức vụ người ký", f"“{title.text.strip()}”", "chữ in hoa, đậm, cỡ 13-14")
            elif not _size_ok(title, 13, 14):
                self.add("Chức vụ người ký", _sizes_text(sizes(title)), "cỡ 13-14")
        if not bold(name):
            self.add("Họ tên người ký", f"“{name.text.strip()}” không đậm", "chữ in thường, đậm, cỡ 13-14")
        elif not _size_ok(name, 13, 14):
            self.add("Họ tên người ký", _sizes_text(sizes(name)), "cỡ 13-14")

    def page_numbers(self) -> None:
        section = self.document.sections[0]
        in_header = _has_page_field(section.header) if not section.header.is_linked_to_previous else False
        in_footer = _has_page_field(section.footer) if not section.footer.is_linked_to_previous else False
        rule = "số trang ở giữa lề trên, không đánh số trang 1 (văn bản từ 2 trang)"
        if not in_header and not in_footer:
            self.add("Số trang", "không đánh số trang", rule)
            return
        if in_footer and not in_header:
            self.add("Số trang", "ở chân trang", rule)
        if not section.different_first_page_header_footer or _has_page_field(section.first_page_header):
            self.add("Số trang", "có số ở trang 1", rule)
        paragraph = next((p for p in section.header.paragraphs if _paragraph_has_page(p._p)), None)
        if paragraph is not None and paragraph.alignment is not None and paragraph.alignment != 1:
            self.add("Số trang", "không căn giữa", rule)


def _style_id(paragraph: Any) -> str | None:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def _all_paragraphs(blocks: list[Any]) -> list[Para]:
    found = []
    for block in blocks:
        if isinstance(block, Para):
            found.append(block)
        else:
            found.extend(p for row in block.rows for cell in row.cells for p in cell)
    return found


def _paragraph_has_page(element: Any) -> bool:
    codes = "".join(e.text or "" for e in element.iter(qn("w:instrText")))
    codes += "".join(e.get(qn("w:instr"), "") for e in element.iter(qn("w:fldSimple")))
    return "PAGE" in codes.split()


def _has_page_field(part: Any) -> bool:
    return not part.is_linked_to_previous and any(_paragraph_has_page(p._p) for p in part.paragraphs)


def check(document: DocxDocument) -> list[Deviation]:
    return _Checker(document).run()


def check_file(path: Path) -> list[Deviation]:
    return check(open_docx(path))

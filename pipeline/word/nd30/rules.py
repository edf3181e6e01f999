"""What Nghị định 30/2020/NĐ-CP, Phụ lục I asks, and facts about a paragraph read back from a .docx."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Mm

from pipeline.vn.amounts import decimal
from pipeline.word.reader import Para

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


def sizes_text(found: set[float | None]) -> str:
    known = sorted(s for s in found if s is not None)
    shown = [decimal(s) for s in known] + (["?"] if None in found else [])
    return "cỡ " + "; ".join(shown)


def size_ok(para: Para, low: float, high: float) -> bool:
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


def style_id(paragraph: Any) -> str | None:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def all_paragraphs(blocks: list[Any]) -> list[Para]:
    found = []
    for block in blocks:
        if isinstance(block, Para):
            found.append(block)
        else:
            found.extend(p for row in block.rows for cell in row.cells for p in cell)
    return found


def paragraph_has_page(element: Any) -> bool:
    codes = "".join(e.text or "" for e in element.iter(qn("w:instrText")))
    codes += "".join(e.get(qn("w:instr"), "") for e in element.iter(qn("w:fldSimple")))
    return "PAGE" in codes.split()


def has_page_field(part: Any) -> bool:
    return not part.is_linked_to_previous and any(paragraph_has_page(p._p) for p in part.paragraphs)

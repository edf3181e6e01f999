"""Check any .docx against Nghị định 30/2020/NĐ-CP, Phụ lục I (make check FILE=...).

Elements are found by their wording, not by their position, so a hand-made document is checked
as well as ours: the Quốc hiệu and Tiêu ngữ, the number line ("Số: ..."), the place-and-date
line, the issuing body above the number, the type name (KẾ HOẠCH, QUYẾT ĐỊNH ...) and subject,
the body, "Nơi nhận:" and the signature beside it, page size, margins, font and page numbers.
Each deviation names the element, what was found and what the rule says.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from pipeline.word.nd30.closing import ClosingChecks
from pipeline.word.nd30.header import HeaderChecks
from pipeline.word.nd30.page import PageChecks
from pipeline.word.nd30.rules import Deviation
from pipeline.word.nd30.title import TitleChecks
from pipeline.word.reader import open_docx

__all__ = ["Deviation", "check", "check_file"]


class _Checker(PageChecks, HeaderChecks, TitleChecks, ClosingChecks):
    def run(self) -> list[Deviation]:
        self.page()
        self.fonts()
        self.national_title()
        symbol = self.number_and_body()
        self.excerpt(symbol)
        self.place_and_date()
        self.type_and_subject(symbol)
        self.body_size()
        self.closing()
        self.page_numbers()
        return self.deviations


def check(document: DocxDocument) -> list[Deviation]:
    return _Checker(document).run()


def check_file(path: Path) -> list[Deviation]:
    return check(open_docx(path))

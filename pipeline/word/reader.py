"""Paragraphs of a .docx with their effective formatting, in reading order.

Body paragraphs and tables (row by row, cell by cell) in document order; formatting is
resolved through direct formatting, the paragraph style chain and the document defaults.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

ALIGN_NAMES = {
    WD_ALIGN_PARAGRAPH.LEFT: "left",
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
}


@dataclass(frozen=True)
class Block:
    """One paragraph: its text (NFC) and formatting; bold/italic/size are None when mixed."""

    text: str
    where: str
    style: str
    align: str
    bold: bool | None
    italic: bool | None
    size: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def blocks(document: DocxDocument) -> list[Block]:
    resolver = Resolver(document)
    return [resolver.block(p, where) for p, where in _paragraphs(document)]


def texts(document: DocxDocument) -> list[str]:
    """Non-empty paragraph texts, whitespace collapsed."""
    return [t for t in (" ".join(b.text.split()) for b in blocks(document)) if t]


def _paragraphs(document: DocxDocument) -> Iterator[tuple[Paragraph, str]]:
    body = document.element.body
    table_index = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document._body), "body"
        elif child.tag == qn("w:tbl"):
            yield from _table_paragraphs(Table(child, document._body), f"table{table_index}")
            table_index += 1


def _table_paragraphs(table: Table, name: str) -> Iterator[tuple[Paragraph, str]]:
    seen: set[Any] = set()  # the cell elements themselves: ids of lxml proxies are reused
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if cell._tc in seen:
                continue  # a merged cell appears once
            seen.add(cell._tc)
            for paragraph in cell.paragraphs:
                yield paragraph, f"{name}.r{r}c{c}"


class Resolver:
    """Effective formatting of paragraphs and runs: direct, then style chain, then defaults."""

    def __init__(self, document: DocxDocument):
        self.default_size = _default_size(document)

    def block(self, paragraph: Paragraph, where: str) -> Block:
        runs = [r for r in paragraph.runs if r.text.strip()]
        style = paragraph.style
        return Block(
            text=unicodedata.normalize("NFC", paragraph.text),
            where=where,
            style=style.name if style is not None else "",
            align=self._align(paragraph),
            bold=_same(self._font(paragraph, r, "bold") or False for r in runs),
            italic=_same(self._font(paragraph, r, "italic") or False for r in runs),
            size=_same(self._size(paragraph, r) for r in runs),
        )

    def run_format(self, paragraph: Paragraph, run: Any) -> tuple[bool, bool, float | None]:
        """(bold, italic, size in pt) of one run."""
        return (
            bool(self._font(paragraph, run, "bold")),
            bool(self._font(paragraph, run, "italic")),
            self._size(paragraph, run),
        )

    def align(self, paragraph: Paragraph) -> str:
        return self._align(paragraph)

    def _font(self, paragraph: Paragraph, run: Any, name: str) -> Any:
        value = getattr(run.font, name)
        style = run.style if run.style is not None and run.style.name != "Default Paragraph Font" else None
        chain = [style, paragraph.style]
        for start in chain:
            while value is None and start is not None:
                value = getattr(start.font, name)
                start = start.base_style
        return value

    def _size(self, paragraph: Paragraph, run: Any) -> float | None:
        size = self._font(paragraph, run, "size")
        return size.pt if size is not None else self.default_size

    def _align(self, paragraph: Paragraph) -> str:
        value = paragraph.alignment
        style = paragraph.style
        while value is None and style is not None:
            value = style.paragraph_format.alignment
            style = style.base_style
        return ALIGN_NAMES.get(value, "left") if value is not None else "left"


def _same(values: Iterator[Any]) -> Any:
    found = set(values)
    return found.pop() if len(found) == 1 else None


def _default_size(document: DocxDocument) -> float | None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}") if defaults is not None else None
    return int(size.get(qn("w:val"))) / 2 if size is not None else None

"""The document under check: its body, the header cells where the header elements are sought,
and the deviations found so far. Each group of checks (page, header, title, closing) derives from it."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument

from pipeline.word.nd30.rules import Deviation
from pipeline.word.reader import BODY, Para, TableBlock, read_document


class CheckedDocument:
    def __init__(self, document: DocxDocument):
        self.document = document
        self.deviations: list[Deviation] = []
        parts = read_document(document)
        self.body = next(p for p in parts if p.name == BODY).blocks
        self.header_cells: list[list[Para]] = []
        if self.body and isinstance(self.body[0], TableBlock):
            table = self.body[0]
            columns = max(len(r.cells) for r in table.rows)
            self.header_cells = [
                [p for row in table.rows if c < len(row.cells) for p in row.cells[c]] for c in range(columns)
            ]
        else:
            top: list[Para] = []
            for block in self.body:
                if isinstance(block, TableBlock):
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

"""Effective formatting of paragraphs and runs: direct, then the style chain, then defaults."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

ALIGN_NAMES = {
    WD_ALIGN_PARAGRAPH.LEFT: "left",
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
}


class Resolver:
    """Effective formatting of paragraphs and runs: direct, then style chain, then defaults."""

    def __init__(self, document: DocxDocument):
        self.default_size = _default_size(document)
        # python-docx looks a style up by scanning every style: each is looked up once here
        self._styles: dict[tuple[str, str | None], Any] = {}
        self._chains: dict[int, list[Any]] = {}

    def run_format(self, paragraph: Paragraph, run: Any) -> tuple[bool, bool, float | None]:
        """(bold, italic, size in pt) of one run."""
        return (
            bool(self._font(paragraph, run, "bold")),
            bool(self._font(paragraph, run, "italic")),
            self._size(paragraph, run),
        )

    def align(self, paragraph: Paragraph) -> str:
        value = paragraph.alignment
        for style in self._chain(self.paragraph_style(paragraph)):
            if value is not None:
                break
            value = style.paragraph_format.alignment
        return ALIGN_NAMES.get(value, "left") if value is not None else "left"

    def paragraph_style(self, paragraph: Paragraph) -> Any:
        key = ("p", paragraph._p.style)
        if key not in self._styles:
            self._styles[key] = paragraph.style
        return self._styles[key]

    def _run_style(self, run: Any) -> Any:
        key = ("r", run._r.style)
        if key not in self._styles:
            style = run.style
            default = style is None or style.name == "Default Paragraph Font"
            self._styles[key] = None if default else style
        return self._styles[key]

    def _chain(self, style: Any) -> list[Any]:
        """The style and the styles it is based on."""
        if style is None:
            return []
        if id(style) not in self._chains:
            chain, current = [], style
            while current is not None and len(chain) < 50:
                chain.append(current)
                current = current.base_style
            self._chains[id(style)] = chain
        return self._chains[id(style)]

    def _font(self, paragraph: Paragraph, run: Any, name: str) -> Any:
        value = getattr(run.font, name)
        for style in self._chain(self._run_style(run)) + self._chain(self.paragraph_style(paragraph)):
            if value is not None:
                break
            value = getattr(style.font, name)
        return value

    def _size(self, paragraph: Paragraph, run: Any) -> float | None:
        size = self._font(paragraph, run, "size")
        return size.pt if size is not None else self.default_size


def same(values: Iterator[Any]) -> Any:
    found = set(values)
    return found.pop() if len(found) == 1 else None


def _default_size(document: DocxDocument) -> float | None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}") if defaults is not None else None
    return int(size.get(qn("w:val"))) / 2 if size is not None else None

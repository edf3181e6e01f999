"""Effective formatting of paragraphs and runs: direct, then the style chain, then defaults."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree

ALIGN_NAMES = {
    WD_ALIGN_PARAGRAPH.LEFT: "left",
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
}


class Resolver:
    """Effective formatting of paragraph and run elements: direct, then style chain, then defaults.

    It reads the XML directly and each style once per style id (python-docx's properties, which
    look a style up by scanning every style, cost minutes over 10.000 table rows)."""

    def __init__(self, document: DocxDocument):
        self.part = document.part
        self.default_size = _default_size(document)
        self._styles: dict[tuple[WD_STYLE_TYPE, str | None], Any] = {}
        self._chains: dict[int, list[Any]] = {}
        self._aligns: dict[str | None, str] = {}
        self._names: dict[str | None, str] = {}
        self._inherited: dict[tuple[str | None, str | None], tuple[Any, Any, float | None]] = {}
        """(bold, italic, size in pt) from the styles, by (run style id, paragraph style id)."""

    @cached_property
    def styles_signature(self) -> bytes:
        """The document's styles part as written: two documents with equal ones format equal XML alike."""
        return hashlib.blake2b(etree.tostring(self.part.styles.element), digest_size=16).digest()

    def run_format(self, run: Any, style_id: str | None) -> tuple[bool, bool, float | None]:
        """(bold, italic, size in pt) of a w:r in a paragraph of style `style_id`: its own w:rPr,
        else its styles'."""
        bold, italic, size, run_style = _direct(run.find(_RPR))
        if bold is None or italic is None or size is None:
            key = (run_style, style_id)
            if key not in self._inherited:
                styled_size = self._styled(run_style, style_id, "size")
                self._inherited[key] = (
                    self._styled(run_style, style_id, "bold"),
                    self._styled(run_style, style_id, "italic"),
                    styled_size.pt if styled_size is not None else None,
                )
            styled = self._inherited[key]
            bold = styled[0] if bold is None else bold
            italic = styled[1] if italic is None else italic
            size = styled[2] if size is None else size
        return bool(bold), bool(italic), size if size is not None else self.default_size

    def align(self, style_id: str | None, jc: str | None) -> str:
        """The alignment of a paragraph of style `style_id` whose own w:jc is `jc`."""
        if jc is not None:
            return JC_NAMES.get(jc, "left")
        if style_id not in self._aligns:
            chain = self._chain(self.style(style_id))
            value = next((v for s in chain if (v := s.paragraph_format.alignment) is not None), None)
            self._aligns[style_id] = ALIGN_NAMES.get(value, "left")
        return self._aligns[style_id]

    def style_name(self, style_id: str | None) -> str:
        """The name of a paragraph style id ("" when the document has no such style)."""
        if style_id not in self._names:
            style = self.style(style_id)
            self._names[style_id] = style.name if style is not None else ""
        return self._names[style_id]

    def style(self, style_id: str | None) -> Any:
        """The paragraph style of an id, as python-docx's `Paragraph.style` finds it."""
        return self._style(style_id, WD_STYLE_TYPE.PARAGRAPH)

    def _style(self, style_id: str | None, kind: WD_STYLE_TYPE) -> Any:
        key = (kind, style_id)
        if key not in self._styles:
            found = self.part.get_style(style_id, kind)
            if kind == WD_STYLE_TYPE.CHARACTER and (found is None or found.name == "Default Paragraph Font"):
                found = None
            self._styles[key] = found
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

    def _styled(self, run_style: str | None, style_id: str | None, name: str) -> Any:
        """The first `name` font value set in the run's style chain, then the paragraph's."""
        chain = self._chain(self._style(run_style, WD_STYLE_TYPE.CHARACTER)) + self._chain(
            self.style(style_id)
        )
        return next((v for style in chain if (v := getattr(style.font, name)) is not None), None)


def paragraph_properties(p: Any) -> tuple[str | None, str | None]:
    """(w:pStyle, w:jc) values written on a w:p element, None where not written."""
    ppr = p.find(_PPR)
    style_id = jc = None
    if ppr is not None:
        for child in ppr:
            tag = child.tag
            if tag == _PSTYLE and style_id is None:
                style_id = child.get(_VAL)
            elif tag == _JC and jc is None:
                jc = child.get(_VAL, "")
    return style_id, jc


_RPR, _B, _I, _SZ, _RSTYLE, _VAL = (qn(f"w:{n}") for n in ("rPr", "b", "i", "sz", "rStyle", "val"))
_PPR, _PSTYLE, _JC = (qn(f"w:{n}") for n in ("pPr", "pStyle", "jc"))
JC_NAMES = {
    "start": "left",
    "end": "right",
    **{m.xml_value: ALIGN_NAMES.get(m, "left") for m in WD_ALIGN_PARAGRAPH if m.xml_value},
}
"""w:jc values as names ("start"/"end": the ISO 29500 names of left and right); others read as "left"."""


_OFF = {"0", "false", "off"}


def _direct(rpr: Any) -> tuple[bool | None, bool | None, float | None, str | None]:
    """(bold, italic, size in pt, run style id) written on a run; None where not written."""
    found: dict[str, Any] = {}
    for child in rpr if rpr is not None else ():
        found.setdefault(child.tag, child)  # the first one written counts, as python-docx reads it
    bold, italic, size, style = (found.get(tag) for tag in (_B, _I, _SZ, _RSTYLE))
    half_points = size.get(_VAL, "") if size is not None else ""
    return (
        None if bold is None else bold.get(_VAL, "true").lower() not in _OFF,
        None if italic is None else italic.get(_VAL, "true").lower() not in _OFF,
        int(half_points) / 2 if half_points.isdigit() else None,
        style.get(_VAL) if style is not None else None,
    )


def same(values: Iterator[Any]) -> Any:
    found = set(values)
    return found.pop() if len(found) == 1 else None


def _default_size(document: DocxDocument) -> float | None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}") if defaults is not None else None
    return int(size.get(qn("w:val"))) / 2 if size is not None else None

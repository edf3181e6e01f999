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
        self._aligns: dict[str | None, str] = {}
        self._inherited: dict[tuple[str | None, str | None], tuple[Any, Any, float | None]] = {}
        """(bold, italic, size in pt) from the styles, by (run style, paragraph style)."""

    def run_format(self, paragraph: Paragraph, run: Any) -> tuple[bool, bool, float | None]:
        """(bold, italic, size in pt) of one run: its own w:rPr, else its styles'.

        The run's properties are read from the XML directly and the styles' once per pair of
        run and paragraph style (python-docx's properties cost minutes over 10.000 table rows)."""
        bold, italic, size, run_style = _direct(run._r.find(_RPR))
        if bold is None or italic is None or size is None:
            key = (run_style, _style_id(paragraph._p))
            if key not in self._inherited:
                styled_size = self._styled(paragraph, run, "size")
                self._inherited[key] = (
                    self._styled(paragraph, run, "bold"),
                    self._styled(paragraph, run, "italic"),
                    styled_size.pt if styled_size is not None else None,
                )
            styled = self._inherited[key]
            bold = styled[0] if bold is None else bold
            italic = styled[1] if italic is None else italic
            size = styled[2] if size is None else size
        return bool(bold), bool(italic), size if size is not None else self.default_size

    def align(self, paragraph: Paragraph) -> str:
        ppr = paragraph._p.find(_PPR)
        jc = ppr.find(_JC) if ppr is not None else None
        if jc is not None:
            return JC_NAMES.get(jc.get(_VAL, ""), "left")
        style_id = _style_id(paragraph._p)
        if style_id not in self._aligns:
            chain = self._chain(self.paragraph_style(paragraph))
            value = next((v for s in chain if (v := s.paragraph_format.alignment) is not None), None)
            self._aligns[style_id] = ALIGN_NAMES.get(value, "left")
        return self._aligns[style_id]

    def paragraph_style(self, paragraph: Paragraph) -> Any:
        key = ("p", _style_id(paragraph._p))
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

    def _styled(self, paragraph: Paragraph, run: Any, name: str) -> Any:
        """The first `name` font value set in the run's style chain, then the paragraph's."""
        chain = self._chain(self._run_style(run)) + self._chain(self.paragraph_style(paragraph))
        return next((v for style in chain if (v := getattr(style.font, name)) is not None), None)


_RPR, _B, _I, _SZ, _RSTYLE, _VAL = (qn(f"w:{n}") for n in ("rPr", "b", "i", "sz", "rStyle", "val"))
_PPR, _PSTYLE, _JC = (qn(f"w:{n}") for n in ("pPr", "pStyle", "jc"))
JC_NAMES = {
    "start": "left",
    "end": "right",
    **{m.xml_value: ALIGN_NAMES.get(m, "left") for m in WD_ALIGN_PARAGRAPH if m.xml_value},
}
"""w:jc values as names ("start"/"end": the ISO 29500 names of left and right); others read as "left"."""


def _style_id(p: Any) -> str | None:
    """The w:pStyle of a paragraph element, as python-docx's `CT_P.style` reads it."""
    ppr = p.find(_PPR)
    style = ppr.find(_PSTYLE) if ppr is not None else None
    return style.get(_VAL) if style is not None else None


_OFF = {"0", "false", "off"}


def _direct(rpr: Any) -> tuple[bool | None, bool | None, float | None, str | None]:
    """(bold, italic, size in pt, run style id) written on a run; None where not written."""
    if rpr is None:
        return None, None, None, None
    bold, italic, size, style = rpr.find(_B), rpr.find(_I), rpr.find(_SZ), rpr.find(_RSTYLE)
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

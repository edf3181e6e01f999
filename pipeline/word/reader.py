"""Read a .docx back: the one reader, with the effective-formatting resolver.

`read_document` gives each part (body, every distinct header and footer) as paragraphs (text and
per-character bold/italic/size) and tables (rows of cells of paragraphs); the diff, the redline,
the format checker and the PDF check use it. `blocks` and `texts` are the snapshot view: body
paragraphs and table cells in reading order with their effective formatting.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from pipeline.errors import InputProblem

ALIGN_NAMES = {
    WD_ALIGN_PARAGRAPH.LEFT: "left",
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
}


@dataclass(frozen=True)
class FormattedParagraph:
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


def blocks(document: DocxDocument) -> list[FormattedParagraph]:
    """Body paragraphs and table cells (row by row, a merged cell once) in reading order."""
    body = read_document(document)[0]
    found: list[FormattedParagraph] = []
    tables = 0
    for block in body.blocks:
        if isinstance(block, Para):
            found.append(_formatted(block, "body"))
            continue
        for r, row in enumerate(block.rows):
            for c, cell in _grid_cells(row):
                found.extend(_formatted(p, f"table{tables}.r{r}c{c}") for p in cell)
        tables += 1
    return found


def texts(document: DocxDocument) -> list[str]:
    """Non-empty paragraph texts, whitespace collapsed."""
    return [t for t in (" ".join(b.text.split()) for b in blocks(document)) if t]


def _grid_cells(row: Row) -> Iterator[tuple[int, list[Para]]]:
    """Each cell with its grid column; cells continuing a vertical merge are left out."""
    column = 0
    for tc, cell in zip(row.element.tc_lst, row.cells, strict=True):
        if tc.vMerge != "continue":
            yield column, cell
        column += tc.grid_span


def _formatted(para: Para, where: str) -> FormattedParagraph:
    runs = [para.formats[start] for start, end, _r in para.runs if para.text[start:end].strip()]
    return FormattedParagraph(
        text=unicodedata.normalize("NFC", para.text),
        where=where,
        style=para.style,
        align=para.align,
        bold=_same(f[0] for f in runs),
        italic=_same(f[1] for f in runs),
        size=_same(f[2] for f in runs),
    )


class Resolver:
    """Effective formatting of paragraphs and runs: direct, then style chain, then defaults.

    Read-only. Style lookups in python-docx scan every style of the document, so whatever comes
    from styles is cached per style id; only direct formatting is read for each run.
    """

    def __init__(self, document: DocxDocument):
        self.default_size = _default_size(document)
        self._part = document.part
        self._styles: dict[tuple[str | None, WD_STYLE_TYPE], Any] = {}
        self._inherited: dict[tuple[str | None, str | None, str], Any] = {}
        self._aligns: dict[str | None, Any] = {}

    def run_format(self, paragraph: Paragraph, run: Run) -> Fmt:
        """(bold, italic, size in pt) of one run."""
        return (
            bool(self._font(paragraph, run, "bold")),
            bool(self._font(paragraph, run, "italic")),
            self._size(paragraph, run),
        )

    def align(self, paragraph: Paragraph) -> str:
        value = paragraph.alignment
        if value is None:
            value = self._style_alignment(paragraph._p.style)
        return ALIGN_NAMES.get(value, "left") if value is not None else "left"

    def style_name(self, paragraph: Paragraph) -> str:
        style = self._style(paragraph._p.style, WD_STYLE_TYPE.PARAGRAPH)
        return style.name if style is not None else ""

    def _style(self, style_id: str | None, kind: WD_STYLE_TYPE) -> Any:
        """What `paragraph.style` / `run.style` give: the style, or the default one for its kind."""
        key = (style_id, kind)
        if key not in self._styles:
            self._styles[key] = self._part.get_style(style_id, kind)
        return self._styles[key]

    def _font(self, paragraph: Paragraph, run: Run, name: str) -> Any:
        value = getattr(run.font, name)
        if value is not None:
            return value
        key = (run._r.style, paragraph._p.style, name)
        if key not in self._inherited:
            self._inherited[key] = self._from_styles(*key)
        return self._inherited[key]

    def _from_styles(self, run_style_id: str | None, paragraph_style_id: str | None, name: str) -> Any:
        """The run style's chain (unless it is the default character font), then the paragraph's."""
        run_style = self._style(run_style_id, WD_STYLE_TYPE.CHARACTER)
        if run_style is not None and run_style.name == "Default Paragraph Font":
            run_style = None
        value = None
        for start in (run_style, self._style(paragraph_style_id, WD_STYLE_TYPE.PARAGRAPH)):
            while value is None and start is not None:
                value = getattr(start.font, name)
                start = start.base_style
        return value

    def _size(self, paragraph: Paragraph, run: Run) -> float | None:
        size = self._font(paragraph, run, "size")
        return size.pt if size is not None else self.default_size

    def _style_alignment(self, style_id: str | None) -> Any:
        if style_id not in self._aligns:
            value, style = None, self._style(style_id, WD_STYLE_TYPE.PARAGRAPH)
            while value is None and style is not None:
                value = style.paragraph_format.alignment
                style = style.base_style
            self._aligns[style_id] = value
        return self._aligns[style_id]


def _same(values: Iterator[Any]) -> Any:
    found = set(values)
    return found.pop() if len(found) == 1 else None


def _default_size(document: DocxDocument) -> float | None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}") if defaults is not None else None
    return int(size.get(qn("w:val"))) / 2 if size is not None else None


Fmt = tuple[bool, bool, float | None]
"""Bold, italic, size in pt of one character."""

_CONTAINERS = {qn(f"w:{t}") for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml")}
_COMPLEX = {
    qn(f"w:{t}")
    for t in (
        "fldChar",
        "instrText",
        "drawing",
        "object",
        "pict",
        "footnoteReference",
        "endnoteReference",
        "sym",
    )
}


class Unreadable(InputProblem):
    """A file that is not a readable .docx; diff exits 2."""


@dataclass(eq=False)
class Para:
    text: str
    style: str
    align: str
    formats: tuple[Fmt, ...]
    """The formatting of each character of `text`."""
    runs: list[tuple[int, int, Any]]
    """(start, end, w:r element) of each run with text."""
    element: Any
    complex: bool
    """Fields, drawings or notes: a change replaces the whole paragraph in a redline."""


@dataclass(eq=False)
class Row:
    cells: list[list[Para]]
    element: Any

    @property
    def text(self) -> str:
        return " | ".join(" / ".join(p.text for p in cell) for cell in self.cells)


@dataclass(eq=False)
class TableBlock:
    rows: list[Row]
    element: Any

    @property
    def text(self) -> str:
        return "\n".join(row.text for row in self.rows)


Block = Para | TableBlock


@dataclass(eq=False)
class Part:
    name: str
    blocks: list[Block]
    element: Any
    """The container (w:body, w:hdr, w:ftr) the blocks live in."""


def open_docx(path: Path) -> DocxDocument:
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise Unreadable(f"{path}: không đọc được tệp .docx ({exc})") from exc
    if document.element.body is None:
        raise Unreadable(f"{path}: không đọc được tệp .docx (không có phần nội dung w:body)")
    return document


def run_elements(element: Any) -> list[Any]:
    found = []
    for child in element:
        if child.tag == qn("w:r"):
            found.append(child)
        elif child.tag in _CONTAINERS:
            found.extend(run_elements(child))
    return found


def read_paragraph(paragraph: Paragraph, resolver: Resolver) -> Para:
    text, formats, runs = "", [], []
    complex_content = False
    for r in run_elements(paragraph._p):
        run = Run(r, paragraph)
        piece = run.text
        complex_content |= any(child.tag in _COMPLEX for child in r.iter())
        if not piece:
            continue
        runs.append((len(text), len(text) + len(piece), r))
        text += piece
        formats.extend([resolver.run_format(paragraph, run)] * len(piece))
    style, align = resolver.style_name(paragraph), resolver.align(paragraph)
    return Para(text, style, align, tuple(formats), runs, paragraph._p, complex_content)


def read_blocks(container: Any, parent: Any, resolver: Resolver) -> list[Block]:
    blocks: list[Block] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(read_paragraph(Paragraph(child, parent), resolver))
        elif child.tag == qn("w:tbl"):
            blocks.append(read_docx_table(Table(child, parent), resolver))
    return blocks


def read_docx_table(table: Table, resolver: Resolver) -> TableBlock:
    rows = []
    for tr in table._tbl.tr_lst:
        # the row's own cells, as written (a merged cell is one w:tc with a grid span)
        cells = [[read_paragraph(p, resolver) for p in _Cell(tc, table).paragraphs] for tc in tr.tc_lst]
        rows.append(Row(cells, tr))
    return TableBlock(rows, table._tbl)


BODY = "thân văn bản"
HEADER_KINDS = (
    ("header", "đầu trang"),
    ("first_page_header", "đầu trang của trang đầu"),
    ("even_page_header", "đầu trang chẵn"),
    ("footer", "chân trang"),
    ("first_page_footer", "chân trang của trang đầu"),
    ("even_page_footer", "chân trang chẵn"),
)


def read_document(document: DocxDocument) -> list[Part]:
    resolver = Resolver(document)
    parts = [
        Part(
            "thân văn bản",
            read_blocks(document.element.body, document._body, resolver),
            document.element.body,
        )
    ]
    seen: set[str] = set()
    many = len(document.sections) > 1
    for number, section in enumerate(document.sections, start=1):
        for attribute, label in HEADER_KINDS:
            item = getattr(section, attribute)
            if item.is_linked_to_previous:
                continue
            partname = str(item.part.partname)
            if partname in seen:
                continue
            seen.add(partname)
            name = f"{label} (mục {number})" if many else label
            parts.append(Part(name, read_blocks(item._element, item, resolver), item._element))
    return parts


def block_text(block: Block) -> str:
    if isinstance(block, Para):
        return block.text
    return "\n".join(f"| {row.text} |" for row in block.rows)

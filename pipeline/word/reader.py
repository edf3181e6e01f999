"""Read a .docx back: the one reader, with the effective-formatting resolver.

`read_document` gives each part (body, every distinct header and footer, each footnote and
endnote) as paragraphs (text and per-character bold/italic/size) and tables (rows of cells of
paragraphs and nested tables); the diff, the redline, the format checker and the PDF check use it.
Every text container is read: nested tables, content controls and custom XML around blocks, rows
and cells, and the run-level ones in `runs` (text boxes, fields' results, hyperlinks, inserted
text). Comments are not document text and are not read. `blocks` and `texts` are the snapshot view: body
paragraphs and table cells in reading order with their effective formatting.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.ns import qn
from lxml import etree

from pipeline.errors import InputProblem, technical
from pipeline.word.runs import ALTERNATE, FieldState, run_elements, run_pieces
from pipeline.word.styles import Resolver, paragraph_properties, same


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
    for tc, cell in zip(row.cell_elements, row.cells, strict=True):
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
        bold=same(f[0] for f in runs),
        italic=same(f[1] for f in runs),
        size=same(f[2] for f in runs),
    )


Fmt = tuple[bool, bool, float | None]
"""Bold, italic, size in pt of one character."""

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
} | {ALTERNATE}


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


class Row:
    """A table row. Its cells are read when first asked for: a row whose XML is a row of the
    document it is compared with, under the same styles, is known by that row's text and is never
    read unless it is paired with another row (see `read_document`)."""

    def __init__(self, element: Any, resolver: Resolver):
        self.element = element
        self._resolver = resolver

    @cached_property
    def cell_elements(self) -> list[Any]:
        """The w:tc of each cell (some may sit inside a content control)."""
        return list(unwrapped(self.element, _TC))

    @cached_property
    def blocks(self) -> list[list[Block]]:
        """Each cell's paragraphs and nested tables."""
        return [read_blocks(tc, self._resolver) for tc in self.cell_elements]

    @property
    def cells(self) -> list[list[Para]]:
        """Each cell's paragraphs, those of nested tables included, in reading order."""
        return [paragraphs(cell) for cell in self.blocks]

    @cached_property
    def text(self) -> str:
        return " | ".join(" / ".join(b.text for b in cell) for cell in self.blocks)

    @cached_property
    def signature(self) -> bytes:
        """Equal for two rows of the same XML in documents of the same styles: rows that read the
        same in every respect."""
        digest = hashlib.blake2b(self._resolver.styles_signature, digest_size=16)
        digest.update(etree.tostring(self.element))
        return digest.digest()


def paragraphs(blocks: list[Block]) -> list[Para]:
    found: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            found.append(block)
        else:
            for row in block.rows:
                for cell in row.blocks:
                    found.extend(paragraphs(cell))
    return found


@dataclass(eq=False)
class TableBlock:
    rows: list[Row]
    element: Any

    @cached_property
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
        raise Unreadable(f"{path}: không đọc được tệp .docx ({technical(exc)})") from exc
    if document.element.body is None:
        raise Unreadable(f"{path}: không đọc được tệp .docx (không có phần nội dung w:body)")
    return document


def read_paragraph(p: Any, resolver: Resolver) -> Para:
    """A w:p's text as shown (see `runs`), with a text box's text where its anchor is."""
    text, formats, runs = "", [], []
    complex_content = False
    fields = FieldState()
    style_id, jc = paragraph_properties(p)

    def box_text(box: Any) -> str:
        return "\n".join(block_text(b) for b in read_blocks(box, resolver))

    for r in run_elements(p):
        complex_content = complex_content or next(r.iter(*_COMPLEX), None) is not None
        fmt: Fmt | None = None
        for piece, boxed in run_pieces(r, fields, box_text):
            fmt = fmt or resolver.run_format(r, style_id)
            start = len(text)
            text += piece
            formats.extend([fmt] * len(piece))
            if boxed:
                continue  # not the run's own text: a change here replaces the whole paragraph
            if runs and runs[-1][2] is r and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], len(text), r)
            else:
                runs.append((start, len(text), r))
    return Para(
        text,
        resolver.style_name(style_id),
        resolver.align(style_id, jc),
        tuple(formats),
        runs,
        p,
        complex_content,
    )


WRAPPERS = {qn("w:sdt"), qn("w:customXml")}
"""Block-, row- and cell-level wrappers (content controls, custom XML) whose content is read."""


def unwrapped(container: Any, tag: str) -> Iterator[Any]:
    """The `tag` children of a container, also those inside content controls and custom XML."""
    for child in container.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from unwrapped(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from unwrapped(child, tag)


def read_blocks(container: Any, resolver: Resolver, known: dict[bytes, str] | None = None) -> list[Block]:
    blocks: list[Block] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            blocks.append(read_paragraph(child, resolver))
        elif tag == _TBL:
            blocks.append(read_docx_table(child, resolver, known))
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                blocks.extend(read_blocks(content, resolver, known))
        elif tag == _CUSTOM_XML:
            blocks.extend(read_blocks(child, resolver, known))
    return blocks


def read_docx_table(tbl: Any, resolver: Resolver, known: dict[bytes, str] | None = None) -> TableBlock:
    """A table's rows (a merged cell is one w:tc with a grid span); those whose signature is in
    `known` take its text and are left unread, the others are read now."""
    rows = []
    for tr in unwrapped(tbl, _TR):
        row = Row(tr, resolver)
        text = known.get(row.signature) if known else None
        if text is not None:
            row.__dict__["text"] = text  # what its twin reads; its cells are read if asked for
        else:
            row.blocks  # noqa: B018 - read while the document is as it was opened
        rows.append(row)
    return TableBlock(rows, tbl)


def row_texts(parts: list[Part]) -> dict[bytes, str]:
    """The text of every table row of the parts, nested tables' included, by signature."""
    found: dict[bytes, str] = {}

    def visit(blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, TableBlock):
                for row in block.rows:
                    found[row.signature] = row.text
                    for cell in row.blocks:
                        visit(cell)

    for part in parts:
        visit(part.blocks)
    return found


_P, _TBL, _TR, _TC = (qn(f"w:{t}") for t in ("p", "tbl", "tr", "tc"))
_SDT, _SDT_CONTENT, _CUSTOM_XML = (qn(f"w:{t}") for t in ("sdt", "sdtContent", "customXml"))


BODY = "thân văn bản"
HEADER_KINDS = (
    ("header", "đầu trang"),
    ("first_page_header", "đầu trang của trang đầu"),
    ("even_page_header", "đầu trang chẵn"),
    ("footer", "chân trang"),
    ("first_page_footer", "chân trang của trang đầu"),
    ("even_page_footer", "chân trang chẵn"),
)


def read_document(document: DocxDocument, known: dict[bytes, str] | None = None) -> list[Part]:
    """Every part with text: the body, each distinct header and footer, each footnote and endnote.

    `known`: row texts of the document this one is compared with (`row_texts`); a row with the
    same signature is not read, which halves the reading of two versions of a long list."""
    resolver = Resolver(document)
    return [
        Part(name, read_blocks(element, resolver, known), element)
        for name, element in document_parts(document)
    ]


def document_parts(document: DocxDocument) -> list[tuple[str, Any]]:
    """(name, element) of each part `read_document` reads, without reading it; the paragraph
    styles of every part are the document's."""
    parts: list[tuple[str, Any]] = [("thân văn bản", document.element.body)]
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
            parts.append((name, item._element))
    parts.extend(note_parts(document))
    return parts


# Footnotes and endnotes are read as XML parts (python-docx leaves them as bytes), so that a
# redline can change them in place and they are saved with the document.
for _content_type in (CONTENT_TYPE.WML_FOOTNOTES, CONTENT_TYPE.WML_ENDNOTES):
    PartFactory.part_type_for.setdefault(_content_type, XmlPart)
NOTE_KINDS = (
    (RELATIONSHIP_TYPE.FOOTNOTES, "footnote", "chú thích cuối trang"),
    (RELATIONSHIP_TYPE.ENDNOTES, "endnote", "chú thích cuối văn bản"),
)
_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


def note_parts(document: DocxDocument) -> list[tuple[str, Any]]:
    """One part per footnote and endnote, numbered in order; separator notes are left out."""
    parts = []
    for reltype, tag, label in NOTE_KINDS:
        try:
            part = document.part.part_related_by(reltype)
        except KeyError:
            continue
        if not isinstance(part, XmlPart):  # loaded before this module registered the part type
            continue
        notes = [n for n in part.element.findall(qn(f"w:{tag}")) if n.get(qn("w:type")) not in _SEPARATORS]
        for number, note in enumerate(notes, start=1):
            parts.append((f"{label} {number}", note))
    return parts


def block_text(block: Block) -> str:
    if isinstance(block, Para):
        return block.text
    return "\n".join(f"| {row.text} |" for row in block.rows)

"""A Word redline: the new document with the changes from the old one as real tracked changes.

Insertions and deletions are w:ins and w:del (runs, paragraph marks, table rows), formatting
changes are w:rPrChange and w:pPrChange, so a reviewer accepts or rejects each in Word or
LibreOffice. The alignment is docdiff's, so the redline shows exactly what the text diff reports.
What cannot be tracked word by word (text boxes, fields, a difference only the full-text safety
net sees) replaces the whole paragraph, or at worst the whole part: a redline of two different
documents always has changes. Content controls and custom XML around blocks, rows and cells are
unwrapped in the redline (their content stays). `accept_all` and `reject_all` (in `tracked`)
apply every change to an XML tree, for tests and previews.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pipeline.word.diff import align, block_key, row_key, word_ops
from pipeline.word.fulltext import part_lines, raw_lines, raw_text
from pipeline.word.ooxml import PPR_ORDER, insert_in_order
from pipeline.word.reader import WRAPPERS, Block, Para, Part, TableBlock, document_parts, read_document
from pipeline.word.runs import run_elements
from pipeline.word.tracked import accept_all as accept_all
from pipeline.word.tracked import accept_document as accept_document
from pipeline.word.tracked import reject_all as reject_all
from pipeline.word.tracked import reject_document as reject_document

AUTHOR = "So sánh văn bản"
W = {
    name: qn(f"w:{name}")
    for name in (
        "p",
        "tbl",
        "tr",
        "tc",
        "r",
        "t",
        "delText",
        "instrText",
        "delInstrText",
        "ins",
        "del",
        "pPr",
        "rPr",
        "trPr",
        "sectPr",
        "tab",
        "br",
        "rPrChange",
        "pPrChange",
        "tblPr",
        "tblGrid",
        "tcPr",
    )
}
_BLOCKS = {W["p"], W["tbl"]}
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
DRAWING_IDS = 900_000
"""Drawings copied from the old document are numbered from here, apart from the new one's."""


class _Marks:
    """Numbers the tracked changes of one redline."""

    def __init__(self) -> None:
        self.ids = itertools.count(1)
        self.drawings = itertools.count(DRAWING_IDS)
        self.made = 0

    def make(self, kind: str) -> Any:
        self.made += 1
        element = OxmlElement(f"w:{kind}")
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), AUTHOR)
        return element


def _wrap_runs(paragraph: Any, kind: str, marks: _Marks) -> None:
    for run in run_elements(paragraph):
        if kind == "del":
            for tag, new_tag in ((W["t"], W["delText"]), (W["instrText"], W["delInstrText"])):
                for element in run.iter(tag):
                    element.tag = new_tag
        wrapper = marks.make(kind)
        run.addprevious(wrapper)
        wrapper.append(run)


def _mark_paragraph(paragraph: Any, kind: str, marks: _Marks) -> None:
    """Mark the paragraph mark itself as inserted or deleted."""
    ppr = paragraph.find(W["pPr"])
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        paragraph.insert(0, ppr)
    rpr = ppr.find(W["rPr"])
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        insert_in_order(ppr, rpr, PPR_ORDER)
    rpr.insert(0, marks.make(kind))


def tracked_paragraph(paragraph: Any, kind: str, marks: _Marks) -> Any:
    """The whole paragraph, its runs and its mark, tracked as inserted ("ins") or deleted ("del")."""
    _wrap_runs(paragraph, kind, marks)
    _mark_paragraph(paragraph, kind, marks)
    return paragraph


def _copied(element: Any, marks: _Marks) -> Any:
    """A copy of an element of the old document; its drawings get ids of their own."""
    duplicate = copy.deepcopy(element)
    for drawing in duplicate.iter(_DOC_PR):
        drawing.set("id", str(next(marks.drawings)))
    return duplicate


def deleted_paragraph(old: Any, marks: _Marks) -> Any:
    """A copy of a paragraph of the old document, tracked as deleted."""
    paragraph = _copied(old, marks)
    ppr = paragraph.find(W["pPr"])
    if ppr is not None and ppr.find(W["sectPr"]) is not None:
        ppr.remove(ppr.find(W["sectPr"]))  # a deleted paragraph must not end a section
    return tracked_paragraph(paragraph, "del", marks)


def _new_run(source: Any | None, text: str, deleted: bool) -> Any:
    run = OxmlElement("w:r")
    if source is not None and source.find(W["rPr"]) is not None:
        run.append(copy.deepcopy(source.find(W["rPr"])))
    for index, piece in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        for position, chunk in enumerate(piece.split("\t")):
            if position:
                run.append(OxmlElement("w:tab"))
            if chunk:
                element = OxmlElement("w:delText" if deleted else "w:t")
                element.set(qn("xml:space"), "preserve")
                element.text = chunk
                run.append(element)
    return run


def _pieces(para: Para, start: int, end: int) -> Iterator[tuple[Any, str]]:
    """The text from start to end, cut where the paragraph's runs change, with each run."""
    for run_start, run_end, run in para.runs:
        low, high = max(start, run_start), min(end, run_end)
        if low < high:
            yield run, para.text[low:high]


def replaced_paragraph(old: Para, new: Para, words: list[tuple[str, str]], marks: _Marks) -> Any:
    """The new paragraph rebuilt from the word diff: kept, deleted and inserted runs."""
    paragraph = new.element
    for child in list(paragraph):
        if child.tag != W["pPr"]:
            paragraph.remove(child)
    at_old = at_new = 0
    for tag, text in words:
        if tag == "equal":
            for run, piece in _pieces(new, at_new, at_new + len(text)):
                paragraph.append(_new_run(run, piece, deleted=False))
            at_old += len(text)
            at_new += len(text)
        elif tag == "delete":
            wrapper = marks.make("del")
            for run, piece in _pieces(old, at_old, at_old + len(text)):
                wrapper.append(_new_run(run, piece, deleted=True))
            paragraph.append(wrapper)
            at_old += len(text)
        else:
            wrapper = marks.make("ins")
            for run, piece in _pieces(new, at_new, at_new + len(text)):
                wrapper.append(_new_run(run, piece, deleted=False))
            paragraph.append(wrapper)
            at_new += len(text)
    _track_paragraph_properties(old, new, marks)
    return paragraph


def _track_paragraph_properties(old: Para, new: Para, marks: _Marks) -> None:
    if old.align == new.align and old.style == new.style:
        return
    ppr = new.element.find(W["pPr"])
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        new.element.insert(0, ppr)
    before = OxmlElement("w:pPr")
    old_ppr = old.element.find(W["pPr"])
    for child in old_ppr if old_ppr is not None else []:
        if child.tag not in (W["rPr"], W["sectPr"], W["pPrChange"]):
            before.append(copy.deepcopy(child))
    change = marks.make("pPrChange")
    change.append(before)
    ppr.append(change)


def formatted_paragraph(old: Para, new: Para, marks: _Marks) -> Any:
    """Same text, other formatting: each changed run keeps its old properties in w:rPrChange."""
    for start, end, run in new.runs:
        if old.formats[start:end] == new.formats[start:end]:
            continue
        old_run = next((r for s, e, r in old.runs if s <= start < e), None)
        if old_run is None:  # text of a text box in the old paragraph: not a run to compare
            continue
        rpr = run.find(W["rPr"])
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            run.insert(0, rpr)
        before = (
            copy.deepcopy(old_run.find(W["rPr"]))
            if old_run.find(W["rPr"]) is not None
            else OxmlElement("w:rPr")
        )
        for stale in before.findall(W["rPrChange"]):
            before.remove(stale)
        change = marks.make("rPrChange")
        change.append(before)
        rpr.append(change)
    _track_paragraph_properties(old, new, marks)
    return new.element


def _mark_row(row: Any, kind: str, marks: _Marks) -> Any:
    trpr = row.find(W["trPr"])
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        exceptions = row.find(qn("w:tblPrEx"))
        if exceptions is not None:
            exceptions.addnext(trpr)
        else:
            row.insert(0, trpr)
    trpr.append(marks.make(kind))
    for paragraph in row.iter(W["p"]):
        tracked_paragraph(paragraph, kind, marks)
    return row


def merged_table(old: TableBlock, new: TableBlock, marks: _Marks) -> Any:
    table = new.element
    rows: list[Any] = []
    for i, j in align(old.rows, new.rows, row_key):
        a = old.rows[i] if i is not None else None
        b = new.rows[j] if j is not None else None
        if a is not None and b is not None and a.signature == b.signature:
            rows.append(b.element)  # the same row: nothing to mark
            continue
        if a is not None and b is not None and len(a.blocks) == len(b.blocks):
            for cell_old, cell_new, tc in zip(a.blocks, b.blocks, b.cell_elements, strict=True):
                rebuild(tc, cell_old, cell_new, marks)
            rows.append(b.element)
            continue
        if a is not None:
            rows.append(_mark_row(_copied(a.element, marks), "del", marks))
        if b is not None:
            rows.append(_mark_row(b.element, "ins", marks))
    _place(table, {W["tr"]}, rows)
    return table


def _whole_table(table: Any, kind: str, marks: _Marks) -> Any:
    for row in table.findall(W["tr"]):
        _mark_row(row, kind, marks)
    return table


def _block_element(old: Block | None, new: Block | None, marks: _Marks) -> list[Any]:
    if old is not None and new is not None and type(old) is not type(new):
        return _block_element(old, None, marks) + _block_element(None, new, marks)
    if new is None:
        assert old is not None
        if isinstance(old, TableBlock):
            return [_whole_table(_copied(old.element, marks), "del", marks)]
        return [deleted_paragraph(old.element, marks)]
    if old is None:
        if isinstance(new, TableBlock):
            return [_whole_table(new.element, "ins", marks)]
        return [tracked_paragraph(new.element, "ins", marks)]
    if isinstance(new, TableBlock):
        return [merged_table(old, new, marks)]
    if old.text == new.text and raw_text(old.element) == raw_text(new.element):
        return [formatted_paragraph(old, new, marks)]
    if old.complex or new.complex or old.text == new.text:
        return [deleted_paragraph(old.element, marks), tracked_paragraph(new.element, "ins", marks)]
    return [replaced_paragraph(old, new, word_ops(old.text, new.text), marks)]


def rebuild(
    container: Any, old: list[Block], new: list[Block], marks: _Marks, *, whole: bool = False
) -> None:
    """Put the merged blocks in the container, in reading order, before any trailing sectPr;
    `whole`: every old block deleted, then every new block inserted."""
    ordered: list[Any] = []
    pairs = align(old, new, block_key) if not whole else _unpaired(len(old), len(new))
    for i, j in pairs:
        ordered.extend(
            _block_element(old[i] if i is not None else None, new[j] if j is not None else None, marks)
        )
    _place(container, _BLOCKS, ordered)


def _place(container: Any, tags: set[str], ordered: list[Any]) -> None:
    """Make `ordered` the children of `container` with these tags, before any trailing sectPr.

    Only children that are not kept are removed: lxml's remove() re-declares namespaces over the
    whole removed subtree (minutes for a table of 10.000 rows), while moving an element that stays
    in the tree is cheap."""
    children = list(container)
    if [c for c in children if c.tag in tags] == ordered:  # lxml elements compare by identity
        return  # nothing to move: most cells of a long list
    kept = set(ordered)
    for child in children:
        if child.tag in tags and child not in kept:
            container.remove(child)
    tail = container.find(W["sectPr"])
    for element in ordered:
        if tail is not None:
            tail.addprevious(element)
        else:
            container.append(element)


def _unpaired(old: int, new: int) -> list[tuple[int | None, int | None]]:
    return [(i, None) for i in range(old)] + [(None, j) for j in range(new)]


_LEVELS = {qn(f"w:{t}") for t in ("p", "body", "tc", "tbl", "tr", "hdr", "ftr", "footnote", "endnote")}


def unwrap_blocks(root: Any) -> None:
    """Content controls and custom XML around blocks, rows or cells give way to their content, so
    that every block, row and cell the reader found is a direct child of its container."""
    for wrapper in list(root.iter(*WRAPPERS)):
        level = next((a for a in wrapper.iterancestors() if a.tag in _LEVELS), None)
        if level is None or level.tag == W["p"]:
            continue
        content = wrapper.find(qn("w:sdtContent")) if wrapper.tag == qn("w:sdt") else wrapper
        for child in list(content if content is not None else []):
            if child.tag not in (qn("w:sdtPr"), qn("w:sdtEndPr"), qn("w:customXmlPr")):
                wrapper.addprevious(child)
        wrapper.getparent().remove(wrapper)


def _differs(old: Part | None, new: Part) -> bool:
    olds = [old] if old is not None else []
    return part_lines(olds) != part_lines([new]) or raw_lines(olds)[1:] != raw_lines([new])[1:]


def redline(
    old: DocxDocument, new: DocxDocument, parts: tuple[list[Part], list[Part]] | None = None
) -> DocxDocument:
    """Turn `new` into the redline from `old` (it is changed in place and returned).

    `parts`: the two documents as `read_document` read them (a comparison's), not read again;
    unwrapping content controls moves the elements they hold, so the parts stay valid."""
    marks = _Marks()
    for _name, element in document_parts(new):
        unwrap_blocks(element)
    old_read, new_read = parts if parts is not None else (read_document(old), read_document(new))
    old_parts = {p.name: p for p in old_read}
    for part in new_read:
        previous = old_parts.get(part.name)
        before, made = previous.blocks if previous else [], marks.made
        rebuild(part.element, before, part.blocks, marks)
        if marks.made == made and _differs(previous, part):
            # a difference no paragraph could show: the whole part, old deleted, new inserted
            rebuild(part.element, before, part.blocks, marks, whole=True)
    return new

"""Apply every tracked change of a redline: accept all (the new text) or reject all (the old).

`accept_all` and `reject_all` work on an XML tree, for tests and previews; the `_document` forms
on every part the reader reads (body, headers, footers, footnotes, endnotes).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from pipeline.word.reader import read_document

W = {
    name: qn(f"w:{name}")
    for name in (
        "p",
        "tbl",
        "tr",
        "t",
        "delText",
        "instrText",
        "delInstrText",
        "ins",
        "del",
        "pPr",
        "rPr",
        "trPr",
        "rPrChange",
        "pPrChange",
    )
}


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _has_text(paragraph: Any) -> bool:
    return any(t.text for t in paragraph.iter(W["t"]))


def _settle(root: Any, keep: str, drop: str) -> None:
    """Apply every change: content marked `drop` goes, content marked `keep` stays."""
    for row in [r for r in root.iter(W["tr"]) if r.find(f"{W['trPr']}/{W[drop]}") is not None]:
        row.getparent().remove(row)
    for table in [t for t in root.iter(W["tbl"]) if t.find(f".//{W['tr']}") is None]:
        table.getparent().remove(table)  # every row gone: so is the table
    for paragraph in list(root.iter(W["p"])):
        mark = paragraph.find(f"{W['pPr']}/{W['rPr']}/{W[drop]}")
        if mark is not None:
            for wrapper in [e for e in paragraph.iter(W[drop])]:
                if wrapper.getparent().tag not in (W["rPr"],):
                    wrapper.getparent().remove(wrapper)
            if not _has_text(paragraph):
                paragraph.getparent().remove(paragraph)
                continue
            mark.getparent().remove(mark)
    for wrapper in [e for e in root.iter(W[drop]) if e.getparent().tag not in (W["rPr"], W["trPr"])]:
        wrapper.getparent().remove(wrapper)
    for wrapper in [e for e in root.iter(W[keep]) if e.getparent().tag not in (W["rPr"], W["trPr"])]:
        _unwrap(wrapper)
    for marker in [e for e in root.iter(W[keep], W[drop])]:
        marker.getparent().remove(marker)


def accept_all(root: Any) -> Any:
    """Every insertion kept, every deletion gone, the new formatting kept."""
    _settle(root, keep="ins", drop="del")
    for change in list(root.iter(W["rPrChange"], W["pPrChange"])):
        change.getparent().remove(change)
    return root


def reject_all(root: Any) -> Any:
    """Every insertion gone, every deletion back, the old formatting back."""
    for tag, new_tag in ((W["delText"], W["t"]), (W["delInstrText"], W["instrText"])):
        for element in root.iter(tag):
            element.tag = new_tag
    _settle(root, keep="del", drop="ins")
    for change in list(root.iter(W["rPrChange"])):
        rpr = change.getparent()
        (before,) = change.findall(W["rPr"])
        for child in list(rpr):
            rpr.remove(child)
        rpr.extend(list(before))
    for change in list(root.iter(W["pPrChange"])):
        ppr = change.getparent()
        (before,) = change.findall(W["pPr"])
        for child in [c for c in ppr if c.tag not in (W["rPr"], W["sectPr"])]:
            ppr.remove(child)
        for child in reversed(list(before)):
            ppr.insert(0, child)
    return root


def _roots(document: DocxDocument) -> list[Any]:
    return [part.element for part in read_document(document)]


def accept_document(document: DocxDocument) -> DocxDocument:
    for root in _roots(document):
        accept_all(root)
    return document


def reject_document(document: DocxDocument) -> DocxDocument:
    for root in _roots(document):
        reject_all(root)
    return document

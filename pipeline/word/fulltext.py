"""The full text of a document, the view git's textconv prints and the diff's safety net.

`document_text` is the reader's text of every part, one paragraph a line. `raw_lines` does not
go through the reader: it is every w:t of each top-level block (deleted and moved-from text left
out), so a text the reader would miss still makes two documents differ. `unseen_changes` is the
safety net: when the structured comparison finds nothing, a plain unified diff of these texts.
"""

from __future__ import annotations

import difflib
from typing import Any

from docx.document import Document as DocxDocument
from lxml import etree

from pipeline.word.reader import BODY, Part, block_text, read_document


def part_lines(parts: list[Part]) -> list[str]:
    lines = []
    for part in parts:
        if part.name != BODY:
            lines.append(f"[{part.name}]")
        lines.extend(block_text(block) for block in part.blocks)
    return lines


def document_text(document: DocxDocument) -> str:
    """Plain text of every part, one paragraph a line, table cells with " | " (git's textconv)."""
    return "".join(f"{line}\n" for line in part_lines(read_document(document)))


def raw_text(element: Any) -> str:
    """Every w:t inside an element, except deleted and moved-from text."""
    return "".join(_RAW_TEXT(element))


_RAW_TEXT = etree.XPath(
    "(descendant-or-self::w:t)[not(ancestor::w:del or ancestor::w:moveFrom)]/text()",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
)


def raw_lines(parts: list[Part]) -> list[str]:
    """Per part, the raw text of each top-level child of its container."""
    lines = []
    for part in parts:
        lines.append(f"[{part.name}]")
        lines.extend(raw_text(child) for child in part.element)
    return lines


def unseen_changes(old: list[Part], new: list[Part]) -> list[str]:
    """Unified diff lines (hunks only) of the full texts; empty when they are the same."""
    for view in (part_lines, raw_lines):
        a, b = view(old), view(new)
        if a != b:
            return list(difflib.unified_diff(a, b, lineterm="", n=1))[2:]
    return []

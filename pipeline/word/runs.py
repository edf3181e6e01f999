"""The text of a paragraph's runs, as Word shows it.

Runs are found inside every run-level container: hyperlinks, simple fields (their result),
content controls, smart tags, custom XML, inserted and moved-to text. Deleted and moved-from text
(w:del, w:moveFrom, w:delText) is not document text. Of a complex field only the result counts,
never the instruction. A soft line break or carriage return reads as "\\n" and a tab as "\\t", so
words on either side never run together. Text boxes (w:txbxContent) are read where their anchor
run is, from one branch of mc:AlternateContent only; comments are not document text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from docx.oxml.ns import qn

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
ALTERNATE = f"{{{MC}}}AlternateContent"
CHOICE = f"{{{MC}}}Choice"
FALLBACK = f"{{{MC}}}Fallback"

RUN_CONTAINERS = {
    qn(f"w:{t}")
    for t in (
        "hyperlink",
        "ins",
        "moveTo",
        "smartTag",
        "fldSimple",
        "customXml",
        "sdt",
        "sdtContent",
        "dir",
        "bdo",
    )
}
"""Elements inside a paragraph whose runs are document text."""

_CHARACTERS = {
    qn("w:tab"): "\t",
    qn("w:ptab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}
_TEXT = qn("w:t")
_FIELD_CHAR = qn("w:fldChar")
_FIELD_TYPE = qn("w:fldCharType")
_TEXT_BOX = qn("w:txbxContent")
_HOLDERS = {qn("w:drawing"), qn("w:pict"), qn("w:object"), ALTERNATE}
"""Run children that may hold a text box."""


def run_elements(element: Any) -> list[Any]:
    """The w:r elements of a paragraph (or of a run-level container), in reading order."""
    found = []
    for child in element:
        if child.tag == qn("w:r"):
            found.append(child)
        elif child.tag in RUN_CONTAINERS:
            found.extend(run_elements(child))
    return found


def one_branch(element: Any) -> Any:
    """Of an mc:AlternateContent, the first mc:Choice (else the mc:Fallback); others unchanged."""
    if element.tag != ALTERNATE:
        return element
    choice = element.find(CHOICE)
    return choice if choice is not None else element.find(FALLBACK)


def text_boxes(element: Any) -> Iterator[Any]:
    """The outermost w:txbxContent inside an element, one branch of each mc:AlternateContent."""
    for child in element:
        if child.tag == ALTERNATE:
            branch = one_branch(child)
            if branch is not None:
                yield from text_boxes(branch)
        elif child.tag == _TEXT_BOX:
            yield child
        else:
            yield from text_boxes(child)


class FieldState:
    """Where the reading is in complex fields: only a result (between separate and end) is shown."""

    def __init__(self) -> None:
        self.stack: list[bool] = []
        """One entry per open field: True once its result has started."""

    def shown(self) -> bool:
        return all(self.stack)

    def see(self, field_char: Any) -> None:
        kind = field_char.get(_FIELD_TYPE)
        if kind == "begin":
            self.stack.append(False)
        elif kind == "separate" and self.stack:
            self.stack[-1] = True
        elif kind == "end" and self.stack:
            self.stack.pop()


def run_pieces(run: Any, fields: FieldState, box_text: Callable[[Any], str]) -> Iterator[tuple[str, bool]]:
    """(text, from a text box) pieces of one run; `box_text` reads a w:txbxContent."""
    for child in run:
        tag = child.tag
        if tag == _FIELD_CHAR:
            fields.see(child)
        elif not fields.shown():
            continue
        elif tag == _TEXT:
            if child.text:
                yield child.text, False
        elif tag in _CHARACTERS:
            yield _CHARACTERS[tag], False
        elif tag in _HOLDERS:
            for box in text_boxes(child if tag != ALTERNATE else _wrap(child)):
                content = box_text(box)
                if content:
                    yield f"\n{content}\n", True


def _wrap(alternate: Any) -> Any:
    """A one-item list standing for the element, so `text_boxes` picks one branch of it."""
    return [alternate]

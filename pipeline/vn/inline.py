"""References written inside prose: [ky-niem:id], [phong-trao:id], [van-ban:id], [so-dot].

Written without a space after the colon, so that YAML reads them inside plain text.

Prose stays the clerk's text; a reference is replaced by text computed from the catalogs,
so counts, dates and citations are never typed by hand. Square brackets that do not
look like a reference ("[1]") are kept as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

KINDS = {
    "ky-niem": "ngày kỷ niệm",
    "phong-trao": "phong trào thi đua",
    "van-ban": "văn bản",
    "so-dot": "số đợt thi đua",
    "so-lieu": "số liệu",
    "ti-le": "tỷ lệ",
}
NEEDS_ID = ("ky-niem", "phong-trao", "van-ban")
FIGURES = ("so-lieu", "ti-le")
"""A report's typed figures, checked: [so-lieu:giay-khen.ca-nhan=05] (a count computed from the
decisions), [ti-le:10/40=25%] (a percentage of two typed numbers). Printed as typed."""

# A reference is a kind without spaces and, after a colon, an id: [ky-niem:dien-bien-phu].
_REFERENCE = re.compile(r"\[([^\]\s:]+)(?:\s*:\s*([^\]\s]*)\s*)?\]")


@dataclass(frozen=True)
class Reference:
    kind: str
    id: str
    start: int
    end: int


def references(text: str) -> Iterator[Reference]:
    """The references in a text, including malformed ones (unknown kind, missing id)."""
    for match in _REFERENCE.finditer(text):
        kind, ident = match.group(1), match.group(2)
        if kind not in KINDS and ident is None:
            continue  # "[1]", "[abc]" are ordinary text
        yield Reference(kind, ident or "", match.start(), match.end())


def problems_in(text: str) -> Iterator[str]:
    """What is wrong with the references' form, in Vietnamese."""
    for ref in references(text):
        if ref.kind not in KINDS:
            known = ", ".join(f"[{k}:...]" for k in NEEDS_ID) + ", [so-dot]"
            yield f"không hiểu tham chiếu “[{ref.kind}:{ref.id}]” (dùng {known})"
        elif ref.kind in FIGURES and "=" not in ref.id:
            example = _EXAMPLES[ref.kind]
            yield f"tham chiếu [{ref.kind}] cần dạng [{ref.kind}:<cái được tính>=<số gõ>], ví dụ {example}"
        elif ref.kind in NEEDS_ID and not ref.id:
            yield f"tham chiếu [{ref.kind}] thiếu mã {KINDS[ref.kind]}, ví dụ [{ref.kind}:ma-so]"
        elif ref.kind not in NEEDS_ID and ref.kind not in FIGURES and ref.id:
            yield f"tham chiếu [{ref.kind}] không có mã đi kèm"


_EXAMPLES = {"so-lieu": "[so-lieu:giay-khen.ca-nhan=05]", "ti-le": "[ti-le:10/40=25%]"}


def figure(ref: Reference) -> tuple[str, str]:
    """What a figure reference computes and the value typed: ("10/40", "25%")."""
    computed, _, typed = ref.id.partition("=")
    return computed, typed


def expand(text: str, resolve: Callable[[Reference], str]) -> str:
    """Replace every reference by the text `resolve` computes for it."""
    out: list[str] = []
    position = 0
    for ref in references(text):
        out.append(text[position : ref.start])
        out.append(resolve(ref))
        position = ref.end
    out.append(text[position:])
    return "".join(out)

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
}
NEEDS_ID = ("ky-niem", "phong-trao", "van-ban")

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
        elif ref.kind in NEEDS_ID and not ref.id:
            yield f"tham chiếu [{ref.kind}] thiếu mã {KINDS[ref.kind]}, ví dụ [{ref.kind}:ma-so]"
        elif ref.kind not in NEEDS_ID and ref.id:
            yield f"tham chiếu [{ref.kind}] không có mã đi kèm"


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

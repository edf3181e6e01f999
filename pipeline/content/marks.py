"""Marks for what a new year's content must decide anew: "CẦN BỔ SUNG: <what>".

`make new-year` writes a mark where a fact cannot be carried over (the province's new plan, the
month of issue, the signer). A document is built only once every mark is replaced, except as a
draft (DRAFT=1), which prints the marks where the facts will go.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline.errors import PathKey

MARK = "CẦN BỔ SUNG"
DRAFT_HINT = "hoặc tạo bản nháp: DRAFT=1 với make, --draft với tdkt"


def unfilled(text: str) -> str:
    """The message for a mark left in a final document."""
    return f"chưa bổ sung: {note_of(text)} ({DRAFT_HINT})"


def mark(note: str) -> str:
    return f"{MARK}: {note}"


def is_mark(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(MARK)


def find_marks(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every marked value in loaded YAML data, with its path: a whole value "CẦN BỔ SUNG: …", or
    prose that holds one ("… [CẦN BỔ SUNG – …] …", as new-year writes for a missing successor)."""
    if isinstance(data, str) and MARK in data:
        yield path, data.strip()
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from find_marks(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from find_marks(value, (*path, index))


def note_of(text: str) -> str:
    if not is_mark(text):
        return text.strip()
    return text.strip().removeprefix(MARK).lstrip(" :")


def without(data: Any, paths: set[PathKey], path: PathKey = ()) -> Any:
    """A copy of the data with the values at `paths` removed (as if left blank)."""
    if isinstance(data, dict):
        return {k: without(v, paths, (*path, k)) for k, v in data.items() if (*path, k) not in paths}
    if isinstance(data, list):
        return [without(v, paths, (*path, i)) for i, v in enumerate(data)]
    return data

"""Compare two .docx files as a reviewer reads them.

Body, headers and footers are compared part by part: paragraphs are aligned, a changed paragraph
is compared word by word, tables row by row and cell by cell. Formatting that matters (bold,
italic, size of the text, a paragraph's alignment and style, a table added or removed) is
reported apart from text. What Word does behind the scenes (rsid attributes, proofing marks,
how it split runs) is never read, so it never shows.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from docx.document import Document as DocxDocument

from pipeline.vn.amounts import decimal
from pipeline.word.fulltext import document_text as document_text
from pipeline.word.fulltext import unseen_changes
from pipeline.word.reader import Block, Fmt, Para, Part, Row, TableBlock, read_document, row_texts

FULL_TEXT = "toàn văn"
ALIGN_WORDS = {"left": "trái", "center": "giữa", "right": "phải", "justify": "đều hai bên"}
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")


# ---- comparing ----------------------------------------------------------------------------------

ChangeKind = Literal["insert", "delete", "replace", "move", "format", "text"]


@dataclass
class Change:
    part: str
    kind: ChangeKind
    where: str
    old: Para | Row | TableBlock | None = None
    new: Para | Row | TableBlock | None = None
    words: list[tuple[str, str]] = field(default_factory=list)
    """Word diff of a replaced paragraph: ("equal" | "delete" | "insert", text)."""
    notes: list[str] = field(default_factory=list)
    """Formatting changes, in words."""
    lines: list[str] = field(default_factory=list)
    """Kind "text" (the safety net): unified diff lines of the two full texts."""


def word_ops(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            ops.append(("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("insert", "".join(b[j1:j2])))
    return ops


def _describe(old: Fmt, new: Fmt) -> str:
    parts = []
    if old[0] != new[0]:
        parts.append("in đậm → không đậm" if old[0] else "không đậm → in đậm")
    if old[1] != new[1]:
        parts.append("in nghiêng → không nghiêng" if old[1] else "không nghiêng → in nghiêng")
    if old[2] != new[2]:
        parts.append(f"cỡ chữ {_pt(old[2])} → {_pt(new[2])}")
    return "; ".join(parts)


def _pt(size: float | None) -> str:
    if size is None:
        return "mặc định"
    return decimal(size)


def format_notes(old: Para, new: Para) -> list[str]:
    """Formatting changes between two paragraphs of the same text."""
    notes = []
    if old.align != new.align:
        notes.append(
            f"căn lề: {ALIGN_WORDS.get(old.align, old.align)} → {ALIGN_WORDS.get(new.align, new.align)}"
        )
    if old.style != new.style:
        notes.append(f"kiểu đoạn: {old.style} → {new.style}")
    if old.text != new.text:
        return notes
    start = None
    for index in range(len(new.text) + 1):
        differs = index < len(new.text) and old.formats[index] != new.formats[index]
        same_kind = (
            start is not None
            and differs
            and (old.formats[index], new.formats[index])
            == (
                old.formats[start],
                new.formats[start],
            )
        )
        if start is not None and not same_kind:
            span = new.text[start:index]
            if span.strip():
                notes.append(f"“{span.strip()}”: {_describe(old.formats[start], new.formats[start])}")
            start = None
        if differs and start is None:
            start = index
    return notes


LONG_TEXT = 20_000
"""Characters of two blocks above which they are compared line by line, numbers aside (a long
table compared character by character takes minutes)."""


def _similarity(old: Block, new: Block) -> float:
    if len(old.text) + len(new.text) > LONG_TEXT:
        lines = [_digitless(x.text.splitlines()) for x in (old, new)]
        return difflib.SequenceMatcher(None, *lines, autojunk=False).ratio()
    return difflib.SequenceMatcher(None, old.text, new.text, autojunk=False).ratio()


def pair_up(
    olds: list[Any], news: list[Any], window: int | None = None
) -> list[tuple[Any | None, Any | None]]:
    """Pairs of similar items in order; an item without a partner pairs with None. `window`: how
    many of the next new items an old item is compared with (all by default)."""
    pairs: list[tuple[Any | None, Any | None]] = []
    next_new = 0
    for old in olds:
        best, best_score = None, 0.4
        stop = len(news) if window is None else min(len(news), next_new + window)
        for index in range(next_new, stop):
            if type(news[index]) is type(old):
                score = _similarity(old, news[index])
                if score > best_score:
                    best, best_score = index, score
        if best is None:
            pairs.append((old, None))
            continue
        pairs.extend((None, new) for new in news[next_new:best])
        pairs.append((old, news[best]))
        next_new = best + 1
    pairs.extend((None, new) for new in news[next_new:])
    return pairs


LARGE_REGION = 10_000
"""Old × new items of a changed region above which items equal but for their numbers are paired
first (a row removed from a long list renumbers every row after it), so that pairing similar
items, which compares every old item with every new one, stays small."""


PAIRING_WINDOW = 50
"""In a region still large after that, the new items each old item is compared with."""


def _digitless(key: Any) -> Any:
    if isinstance(key, str):
        return _DIGITS.sub("#", key)
    if isinstance(key, tuple | list):
        return type(key)(_digitless(k) for k in key)
    return key


_DIGITS = re.compile(r"\d+")


def align(old: list[Any], new: list[Any], key: Any) -> list[tuple[int | None, int | None]]:
    """Index pairs in reading order: equal items, similar items, and items without a partner."""
    return _align(old, new, [key(x) for x in old], [key(x) for x in new], renumbered=False)


def _align(
    old: list[Any], new: list[Any], old_keys: list[Any], new_keys: list[Any], *, renumbered: bool
) -> list[tuple[int | None, int | None]]:
    if old_keys == new_keys:  # most cells and paragraphs of two versions: no matching to do
        return [(i, i) for i in range(len(old_keys))]
    pairs: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend((i1 + k, j1 + k) for k in range(i2 - i1))
            continue
        if not renumbered and (i2 - i1) * (j2 - j1) > LARGE_REGION:
            inner = _align(
                old[i1:i2],
                new[j1:j2],
                [_digitless(k) for k in old_keys[i1:i2]],
                [_digitless(k) for k in new_keys[j1:j2]],
                renumbered=True,
            )
            pairs.extend((None if a is None else i1 + a, None if b is None else j1 + b) for a, b in inner)
            continue
        ids_old = {id(old[i]): i for i in range(i1, i2)}
        ids_new = {id(new[j]): j for j in range(j1, j2)}
        large = (i2 - i1) * (j2 - j1) > LARGE_REGION
        for a, b in pair_up(old[i1:i2], new[j1:j2], window=PAIRING_WINDOW if large else None):
            pairs.append(
                (ids_old[id(a)] if a is not None else None, ids_new[id(b)] if b is not None else None)
            )
    return pairs


def block_key(block: Block) -> tuple[str, str]:
    return ("p", block.text) if isinstance(block, Para) else ("t", block.text)


def diff_blocks(old: list[Block], new: list[Block], part: str, label: str = "") -> list[Change]:
    """Changes between two sequences of paragraphs and tables."""
    changes: list[Change] = []
    place = f"{label}, " if label else ""
    table_numbers_old = _table_numbers(old)
    table_numbers_new = _table_numbers(new)

    def where(index: int, block: Block, numbers: dict[int, int]) -> str:
        if isinstance(block, TableBlock):
            return f"{place}bảng {numbers[index]}"
        return f"{place}đoạn {index + 1}"

    def compare(i: int | None, j: int | None) -> None:
        a = old[i] if i is not None else None
        b = new[j] if j is not None else None
        if a is not None and b is not None and type(a) is not type(b):
            compare(i, None)
            compare(None, j)
            return
        if b is None:
            changes.append(Change(part, "delete", where(i, a, table_numbers_old), old=a))
        elif a is None:
            changes.append(Change(part, "insert", where(j, b, table_numbers_new), new=b))
        elif isinstance(a, TableBlock):
            changes.extend(diff_table(a, b, part, where(j, b, table_numbers_new)))
        elif a.text != b.text:
            change = Change(part, "replace", where(j, b, table_numbers_new), a, b, word_ops(a.text, b.text))
            change.notes = format_notes(a, b)
            changes.append(change)
        elif notes := format_notes(a, b):
            changes.append(Change(part, "format", where(j, b, table_numbers_new), a, b, notes=notes))

    for i, j in align(old, new, block_key):
        compare(i, j)
    return _find_moves(changes)


def _table_numbers(blocks: list[Block]) -> dict[int, int]:
    numbers, count = {}, 0
    for index, block in enumerate(blocks):
        if isinstance(block, TableBlock):
            count += 1
            numbers[index] = count
    return numbers


def _find_moves(changes: list[Change]) -> list[Change]:
    """A paragraph deleted in one place and inserted unchanged in another has moved."""
    inserted = [c for c in changes if c.kind == "insert" and isinstance(c.new, Para) and c.new.text.strip()]
    result = []
    taken: set[int] = set()
    for change in changes:
        if change.kind == "delete" and isinstance(change.old, Para) and change.old.text.strip():
            twin = next((c for c in inserted if id(c) not in taken and c.new.text == change.old.text), None)
            if twin is not None:
                taken.add(id(twin))
                move = Change(change.part, "move", f"{change.where} → {twin.where}", change.old, twin.new)
                move.notes = format_notes(change.old, twin.new)
                result.append(move)
                continue
        result.append(change)
    return [c for c in result if id(c) not in taken]


def row_key(row: Row) -> str:
    return row.text


def diff_table(old: TableBlock, new: TableBlock, part: str, label: str) -> list[Change]:
    changes: list[Change] = []

    def compare(i: int | None, j: int | None) -> None:
        a = old.rows[i] if i is not None else None
        b = new.rows[j] if j is not None else None
        if b is None:
            changes.append(Change(part, "delete", f"{label}, dòng {i + 1}", old=a))
        elif a is None:
            changes.append(Change(part, "insert", f"{label}, dòng {j + 1}", new=b))
        elif a.signature == b.signature:
            return  # the same XML under the same styles: nothing to compare
        elif len(a.blocks) != len(b.blocks):
            compare(i, None)
            compare(None, j)
        else:
            for c, (cell_a, cell_b) in enumerate(zip(a.blocks, b.blocks, strict=True), start=1):
                changes.extend(diff_blocks(cell_a, cell_b, part, f"{label}, dòng {j + 1}, ô {c}"))

    for i, j in align(old.rows, new.rows, row_key):
        compare(i, j)
    return changes


@dataclass
class Comparison:
    old_name: str
    new_name: str
    old_parts: list[Part]
    new_parts: list[Part]
    changes: list[Change]
    documents: tuple[DocxDocument, DocxDocument] = field(repr=False, compare=False)
    """The two documents the parts were read from (a redline reuses them and changes the new one)."""

    @property
    def same(self) -> bool:
        return not self.changes


def compare(old_doc: DocxDocument, new_doc: DocxDocument, old_name: str, new_name: str) -> Comparison:
    old_parts = read_document(old_doc)
    new_parts = read_document(new_doc, known=row_texts(old_parts))
    by_name = {p.name: p for p in old_parts}
    changes: list[Change] = []
    for part in new_parts:
        previous = by_name.pop(part.name, None)
        changes.extend(diff_blocks(previous.blocks if previous else [], part.blocks, part.name))
    for part in by_name.values():
        changes.extend(diff_blocks(part.blocks, [], part.name))
    if not changes and (lines := unseen_changes(old_parts, new_parts)):
        # the safety net: never call two different documents the same
        changes.append(Change(FULL_TEXT, "text", "so sánh toàn văn", lines=lines))
    return Comparison(old_name, new_name, old_parts, new_parts, changes, (old_doc, new_doc))


# ---- text output ---------------------------------------------------------------------------------

KIND_WORDS = {
    "insert": "thêm mới",
    "delete": "bị xóa",
    "replace": "sửa",
    "move": "chuyển chỗ",
    "format": "định dạng",
    "text": "khác (thấy khi so toàn văn)",
}
RED, GREEN, CYAN, YELLOW, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[33m", "\x1b[1m", "\x1b[0m"


def what(block: Para | Row | TableBlock | None) -> str:
    if block is None:
        return "chữ"
    if isinstance(block, TableBlock):
        return "bảng"
    if isinstance(block, Row):
        return "dòng"
    return "đoạn"


def render_text(comparison: Comparison, *, color: bool = False) -> str:
    """Changes in a unified-diff-like form; word changes as [-old-]{+new+}."""
    if comparison.same:
        return ""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    lines = [paint(BOLD, f"--- {comparison.old_name}"), paint(BOLD, f"+++ {comparison.new_name}")]
    for change in comparison.changes:
        block = change.new or change.old
        heading = f"@@ {change.part}, {change.where}: {what(block)} {KIND_WORDS[change.kind]} @@"
        lines.append(paint(CYAN, heading))
        if change.kind == "replace":
            shown = []
            for tag, text in change.words:
                if tag == "equal":
                    shown.append(text)
                elif tag == "delete":
                    shown.append(paint(RED, text) if color else f"[-{text}-]")
                else:
                    shown.append(paint(GREEN, text) if color else f"{{+{text}+}}")
            lines.append("  " + "".join(shown))
        elif change.kind == "delete":
            lines.extend(paint(RED, f"- {line}") for line in change.old.text.splitlines() or [""])
        elif change.kind == "insert":
            lines.extend(paint(GREEN, f"+ {line}") for line in change.new.text.splitlines() or [""])
        elif change.kind == "move":
            lines.append(f"  {change.new.text}")
        elif change.kind == "text":
            colors = {"-": RED, "+": GREEN, "@": CYAN}
            lines.extend(
                paint(colors[line[0]], line) if line[:1] in colors else line for line in change.lines
            )
        lines.extend(paint(YELLOW, f"~ {note}") for note in change.notes)
    return "\n".join(lines) + "\n"


def summary(comparison: Comparison) -> str:
    counts: dict[str, int] = {}
    for change in comparison.changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    if not counts:
        return "Hai văn bản giống nhau."
    return "Khác nhau: " + ", ".join(f"{n} {KIND_WORDS[k]}" for k, n in counts.items()) + "."

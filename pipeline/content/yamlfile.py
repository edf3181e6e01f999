"""Load stage: YAML files into plain data, remembering the line of every value.

Every scalar stays the text the clerk wrote (a plain empty value, `~` or `null` is None): YAML 1.1
would read `010` as octal 8 and `no` as false. The schema (`schema.py`) converts the text by the
field's type. What content never needs is refused with its line instead of being trusted: anchors
and aliases (an 8 KB file could expand to gigabytes), tags (`!foo`, `!!python/...`), nesting deeper
than MAX_DEPTH, and control characters or lone surrogates, even when written as escapes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pipeline.errors import (
    Loc,
    PathKey,
    Problem,
    Problems,
    display_path,
    escape_invisible,
    os_reason,
    technical,
)

MAX_DEPTH = 32
"""Deepest nesting of lists and groups accepted; the content needs about 6."""

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
"""Plain (unquoted) scalars that mean "no value", as in YAML."""

_STD_TAG = "tag:yaml.org,2002:"

# Line breaks PyYAML counts but an editor may not; they would shift every reported line.
_ODD_BREAKS = frozenset({"\x85", "\u2028", "\u2029"})

# What bad_character refuses, found in a whole file at once: control characters (a carriage
# return only where it ends a line), odd line breaks, lone surrogates and non-characters.
_BAD_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]|\r(?!\n|\\Z)"
)

# PyYAML's words (the start of its message), as a clerk reads them; others are shown as they are.
_YAML_WORDS = {
    "found unexpected end of stream": "dấu nháy mở ở dòng này chưa được đóng",
    "found character '\\t' that cannot start any token": "có ký tự Tab; thụt lề bằng dấu cách",
    "mapping values are not allowed here": (
        "dấu hai chấm đặt sai chỗ (câu có “: ” thì đặt cả dòng trong dấu nháy đơn '...')"
    ),
    "expected <block end>": "thụt lề không khớp các dòng trên, hoặc có chữ sau dấu nháy đóng",
    "could not find expected ':'": "thiếu dấu hai chấm sau tên trường, hoặc thụt lề sai",
    "found character that cannot start any token": (
        "có ký tự không được đứng đầu giá trị (đặt cả giá trị trong dấu nháy đơn '...')"
    ),
    "expected a single document in the stream": "tệp chỉ được có một phần nội dung (bỏ dòng “---” thứ hai)",
}


@dataclass(frozen=True)
class Loaded:
    data: Any
    loc: Loc


class _Refused(Exception):
    """Something the loader does not accept; `line` is 1-based."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def load_yaml(path: Path, root: Path, problems: Problems) -> Loaded | None:
    """Read one YAML file; on failure record a problem and return None."""
    name = display_path(path, root)

    def refuse(line: int | None, message: str) -> None:
        problems.extend([Problem(name, line, "", message)])

    if path.is_dir():
        refuse(None, "đây là một thư mục, không phải tệp YAML")
        return None
    if not path.is_file():
        refuse(None, "không tìm thấy tệp")
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        refuse(None, f"không đọc được tệp ({os_reason(exc)})")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        refuse(line, f"tệp không ở mã UTF-8 (byte {exc.start}); lưu lại tệp dạng UTF-8")
        return None
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    lines: dict[PathKey, int] = {}
    try:
        _check_characters(text)
        try:
            return Loaded(_fast_load(text, lines), Loc(name, lines))
        except _Unusual:
            lines.clear()
        node = _compose(text)
    except _Refused as exc:
        refuse(exc.line, exc.message)
        return None
    if node is None:
        refuse(None, "tệp trống, chưa có nội dung")
        return None
    data = _Converter(name, lines, problems).convert(node, ())
    return Loaded(data, Loc(name, lines))


def bad_character(text: str) -> str | None:
    """Why `text` cannot be printed in a document, or None: control characters, lone surrogates."""
    for char in text:
        if char in "\t\n":
            continue
        category = unicodedata.category(char)
        if category == "Cs":
            return f"có ký tự không hợp lệ {escape_invisible(char)} (nửa cặp UTF-16)"
        if category == "Cc" or char in _ODD_BREAKS or char in "\ufffe\uffff":
            return f"có ký tự điều khiển {escape_invisible(char)} (không in được)"
    return None


def _check_characters(text: str) -> None:
    found = _BAD_CHARACTER.search(text)
    if found is not None:
        reason = bad_character(found.group(0))
        assert reason is not None
        raise _Refused(text.count("\n", 0, found.start()) + 1, reason)


_GLUED_COMMENT = re.compile(r"[|>][-+0-9]*#")


class _Unusual(Exception):
    """Something the fast path leaves to the full loader, which refuses or reports it."""


class _Open:
    """A mapping or list being filled by _fast_load."""

    __slots__ = ("key", "key_line", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: PathKey):
        self.value, self.path = value, path
        self.key: str | None = None
        self.key_line = 0


def _fast_load(text: str, lines: dict[PathKey, int]) -> Any:
    """The data and lines the full loader gives (`_compose`, `_Converter`), built from libyaml's
    events; raises _Unusual for anything that loader refuses or reports (a syntax error, an anchor,
    alias or tag, deep nesting, a key that is not text or comes twice, an escaped bad character,
    an empty file, a second document), which the full loader then handles with its messages.
    One difference is kept: a "?" inside plain text in a flow list or group ({name: Tết?}), which
    PyYAML's scanner refuses, is read as written, as libyaml and the YAML specification read it."""
    # libyaml takes some tabs and a comment glued to a block scalar's "|" or ">" that PyYAML
    # refuses, and skips a byte order mark inside the file that PyYAML keeps
    if not yaml.__with_libyaml__ or "\t" in text or "\ufeff" in text or _GLUED_COMMENT.search(text):
        raise _Unusual
    stack: list[_Open] = []
    root: list[Any] = []
    documents = 0

    def place(value: Any, line: int) -> PathKey | None:
        """Put a value where it belongs; its path, or None when it was a mapping's key."""
        if not stack:
            root.append(value)
            lines[()] = line
            return ()
        top = stack[-1]
        if isinstance(top.value, list):
            path = (*top.path, len(top.value))
            top.value.append(value)
            lines[path] = line
            return path
        if top.key is None:
            if not isinstance(value, str) or value in top.value:
                raise _Unusual
            top.key, top.key_line = value, line
            return None
        path = (*top.path, top.key)
        top.value[top.key] = value
        lines[path] = top.key_line  # a field's errors point at its key, where the clerk wrote it
        top.key = None
        return path

    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual
                value = event.value
                if not event.style and value in NULLS:
                    value = None
                elif event.style == '"' and bad_character(value):
                    raise _Unusual
                place(value, event.start_mark.line + 1)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                    raise _Unusual
                container: dict[str, Any] | list[Any] = {} if kind is MappingStartEvent else []
                path = place(container, event.start_mark.line + 1)
                if path is None:  # a mapping or list as a key
                    raise _Unusual
                stack.append(_Open(container, path))
            elif isinstance(event, CollectionEndEvent):
                stack.pop()
            elif kind is AliasEvent:
                raise _Unusual
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unusual
    except yaml.YAMLError:
        raise _Unusual from None
    if not root or root[0] is None:  # an empty file: the full loader says so
        raise _Unusual
    return root[0]


def _compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _Refused(*_syntax_problem(exc)) from None
    except yaml.YAMLError as exc:  # a reader error: characters are checked before, so unlikely
        raise _Refused(None, f"YAML không hợp lệ ({technical(exc)})") from None
    finally:
        loader.dispose()


def _syntax_problem(exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    problem = exc.problem or exc.context or ""
    said = [text for text in (exc.problem, exc.context) if text]
    found = (vi for en, vi in _YAML_WORDS.items() for text in said if text.startswith(en))
    reason = next(found, problem or "cú pháp sai")
    # An unclosed quote runs to the end of the file: report where it opens.
    at_start = problem == "found unexpected end of stream" and exc.context_mark is not None
    mark = exc.context_mark if at_start else exc.problem_mark or exc.context_mark
    return (mark.line + 1 if mark else None), f"YAML không hợp lệ: {reason}"


class _Loader(yaml.SafeLoader):
    """Composes nodes, refusing anchors, aliases, tags and deep nesting as they come."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            raise _Refused(line, f"không dùng bí danh “*{event.anchor}”; viết thẳng nội dung vào đây")
        if event.anchor is not None:
            raise _Refused(line, f"không dùng neo “&{event.anchor}”; viết thẳng nội dung")
        tag = event.tag if isinstance(event, ScalarEvent | CollectionStartEvent) else None
        if tag is not None:
            shown = "!!" + tag[len(_STD_TAG) :] if tag.startswith(_STD_TAG) else tag
            raise _Refused(line, f"không dùng thẻ “{escape_invisible(shown)}”; viết giá trị như chữ thường")
        if isinstance(event, CollectionStartEvent):
            if self.depth >= MAX_DEPTH:
                raise _Refused(line, f"lồng nhau quá sâu (quá {MAX_DEPTH} mức)")
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1
        return super().compose_node(parent, index)


class _Converter:
    """Turns a composed node tree into dicts, lists and strings (None for a plain empty value)."""

    def __init__(self, name: str, lines: dict[PathKey, int], problems: Problems):
        self.name = name
        self.lines = lines
        self.problems = problems

    def convert(self, node: Node, path: PathKey) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                key = self._scalar(key_node, path) if isinstance(key_node, ScalarNode) else None
                if not isinstance(key, str):
                    field = Loc(self.name, {}, path).field
                    self.problems.extend([Problem(self.name, line, field, "tên trường phải là một dòng chữ")])
                    continue
                if key in result:
                    field = Loc(self.name, {}, (*path, key)).field
                    self.problems.extend([Problem(self.name, line, field, "khóa bị khai báo hai lần")])
                    continue
                result[key] = self.convert(value_node, (*path, key))
                # A field's errors point at its key, where the clerk wrote it.
                self.lines[(*path, key)] = line
            return result
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _scalar(self, node: ScalarNode, path: PathKey) -> str | None:
        if node.style is None and node.value in NULLS:
            return None
        text: str = node.value
        if reason := bad_character(text):
            # An escape in quotes ("\ud800", "\x07"): the file's own characters were checked before.
            field = Loc(self.name, {}, path).field
            self.problems.extend([Problem(self.name, node.start_mark.line + 1, field, reason)])
            return "".join("\ufffd" if bad_character(c) else c for c in text)
        return text

"""Edits of a YAML file's text at the exact place of a value, found with ruamel.yaml's round-trip
composer. Only the edited characters change: comments, the clerk's layout, flow mappings
({a: 1, b: 2}), block scalars (|, >) and quoted multi-line values stay byte for byte.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pipeline.errors import InputProblem, PathKey

STR_TAG = "tag:yaml.org,2002:str"


class SpliceProblem(InputProblem):
    """The file cannot be edited (not valid YAML); exit 2."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str
    path: PathKey
    why: str
    """What changed, in Vietnamese, for the clerk."""


@dataclass(frozen=True)
class Applied:
    line: int
    """Line of the edit in the new text."""
    edit: Edit


class YamlText:
    """A YAML file's text and its composed node tree (with exact character positions)."""

    def __init__(self, text: str, name: str = ""):
        self.text = text
        try:
            self.root: Node | None = YAML(typ="rt").compose(text)
        except MarkedYAMLError as exc:
            line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
            raise SpliceProblem(f"{name}:{line}: YAML không hợp lệ: {exc.problem}") from exc
        self._flow: set[int] = set()
        """ids of nodes written inside a flow collection."""
        if self.root is not None:
            self._mark_flow(self.root, False)

    def _mark_flow(self, node: Node, inside: bool) -> None:
        if inside:
            self._flow.add(id(node))
        inner = inside or bool(getattr(node, "flow_style", False))
        for child in _children(node):
            self._mark_flow(child[1], inner)

    def node(self, *path: str | int) -> Node | None:
        node = self.root
        for key in path:
            found = None
            for child_key, child in _children(node) if node is not None else ():
                if child_key == key:
                    found = child
            node = found
        return node

    def strings(self) -> Iterator[tuple[PathKey, ScalarNode]]:
        """Every string value (not keys), with its path, in document order."""
        if self.root is not None:
            yield from _strings(self.root, ())

    def line_of(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1

    def replace_value(self, path: PathKey, value: str | None, why: str) -> Edit | None:
        """An edit setting the value at `path` (None: blank); None if the file has no such field."""
        node = self.node(*path)
        if node is None or not isinstance(node, ScalarNode):
            return None
        start, end = node.start_mark.index, node.end_mark.index
        if value is not None:
            if start == end and path and isinstance(parent := self.node(*path[:-1]), MappingNode):
                # a blank value ("date:   # comment"): its marks may lie after the comment; the
                # value goes right after the key's colon
                key = next(k for k, v in parent.value if v is node)
                colon = self.text.find(":", key.end_mark.index) + 1
                return Edit(colon, colon, " " + scalar(value), path, why)
            return Edit(start, end, scalar(value), path, why)
        if id(node) in self._flow:
            return Edit(start, end, "null", path, why)
        rest = self.text[end:].split("\n", 1)[0]
        if rest.strip() == "":  # "key: 52" → "key:" (no trailing space)
            while start > 0 and self.text[start - 1] in " \t":
                start -= 1
            return Edit(start, end, "", path, why)
        return Edit(start, end, " " * (end - start), path, why)  # the comment keeps its column

    def insert_field(self, mapping: PathKey, key: str, value: str, why: str) -> Edit | None:
        """An edit adding `key: value` as the last field of the block mapping at `mapping`;
        None if there is no such block mapping."""
        node = self.node(*mapping)
        if not isinstance(node, MappingNode) or not node.value or id(node) in self._flow or node.flow_style:
            return None
        first_key = node.value[0][0]
        indent = first_key.start_mark.column
        last = node.value[-1][1]
        end = self.text.find("\n", last.end_mark.index - 1 if last.end_mark.index else 0)
        at = len(self.text) if end < 0 else end + 1
        prefix = "" if at == 0 or self.text[at - 1] == "\n" else "\n"
        return Edit(at, at, f"{prefix}{' ' * indent}{key}: {scalar(value)}\n", (*mapping, key), why)


def scalar(value: str) -> str:
    """A one-line YAML scalar for `value`: plain where YAML reads it back as the same string."""
    safe = value and value.strip() == value and not any(c in value for c in ":#[]{},&*!|>'\"%@`\n")
    if safe and value[0] not in "-?" and value.lower() not in {"null", "true", "false", "yes", "no", "~"}:
        return value
    return json.dumps(value, ensure_ascii=False)


def apply(text: str, edits: list[Edit]) -> tuple[str, list[Applied]]:
    """The text with the edits made (they must not overlap), and the new line of each."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for before, after in itertools.pairwise(ordered):
        if after.start < before.end:
            raise ValueError(f"overlapping edits at {before.path} and {after.path}")
    parts, applied, position, shift = [], [], 0, 0
    for edit in ordered:
        parts.append(text[position : edit.start])
        new_start = edit.start + shift
        shift += len(edit.text) - (edit.end - edit.start)
        parts.append(edit.text)
        position = edit.end
        applied.append((new_start, edit))
    parts.append(text[position:])
    new = "".join(parts)
    return new, [Applied(new.count("\n", 0, start) + 1, edit) for start, edit in applied]


def _children(node: Node) -> Iterator[tuple[str | int, Node]]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield (key.value if isinstance(key, ScalarNode) else "?"), value
    elif isinstance(node, SequenceNode):
        yield from enumerate(node.value)


def _strings(node: Node, path: PathKey) -> Iterator[tuple[PathKey, ScalarNode]]:
    if isinstance(node, ScalarNode):
        if str(node.tag) == STR_TAG:
            yield path, node
        return
    for key, child in _children(node):
        yield from _strings(child, (*path, key))

"""Load stage: YAML files into plain data, remembering the line of every value."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pipeline.errors import Loc, PathKey, Problem, Problems

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Loaded:
    data: Any
    loc: Loc


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_yaml(path: Path, root: Path, problems: Problems) -> Loaded | None:
    """Read one YAML file; on failure record a problem and return None."""
    name = display_path(path, root)
    if not path.is_file():
        problems.extend([Problem(name, None, "", "không tìm thấy tệp")])
        return None
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.extend([Problem(name, None, "", f"tệp không ở mã UTF-8 (byte {exc.start})")])
        return None
    text = unicodedata.normalize("NFC", text)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "cú pháp sai"
        problems.extend([Problem(name, line, "", f"YAML không hợp lệ: {reason}")])
        return None
    lines: dict[PathKey, int] = {}
    if node is None:
        return Loaded({}, Loc(name, lines))
    data = _Converter(name, lines, problems).convert(node, ())
    return Loaded(data, Loc(name, lines))


class _Converter:
    """Turns a composed node tree into dicts, lists and scalars.

    Timestamps stay strings: dates are parsed later, so that a date that does not exist
    is reported with its line instead of crashing the YAML constructor.
    """

    def __init__(self, name: str, lines: dict[PathKey, int], problems: Problems):
        self.name = name
        self.lines = lines
        self.problems = problems
        self.scalars = SafeConstructor()

    def convert(self, node: Node, path: PathKey) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(self._scalar(key_node)) if isinstance(key_node, ScalarNode) else "?"
                if key in result:
                    line = key_node.start_mark.line + 1
                    field = Loc(self.name, {}, (*path, key)).field
                    self.problems.extend([Problem(self.name, line, field, "khóa bị khai báo hai lần")])
                    continue
                result[key] = self.convert(value_node, (*path, key))
                # A field's errors point at its key, where the clerk wrote it.
                self.lines[(*path, key)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag in (TIMESTAMP_TAG, STR_TAG):
            return node.value
        return self.scalars.construct_object(node, deep=True)

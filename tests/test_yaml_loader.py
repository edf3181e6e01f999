"""The YAML loader's two paths give one result: libyaml's events (fast) build the same data and
lines as PyYAML's composer with our converter (full), and whatever the full path refuses or reports
is left to it, so its messages stay the same."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from pipeline.content import yamlfile
from pipeline.errors import Problems

from .conftest import ROOT

CONTENT_FILES = sorted(
    p for folder in ("content", "tests/data") for p in (ROOT / folder).rglob("*.yaml") if p.is_file()
)

# What a clerk's slip or a hostile edit inserts: YAML punctuation, refused constructs, escapes.
PIECES = [
    ": ", "- ", "\n", "  ", '"', "'", "#", "&a ", "*a", "!t ", "~", "null", "{", "}", "[", "]", ",",
    "? ", "|", ">", "|-", ">+", "|#", "---\n", "...\n", "\\x07", '"\\ud800"', "x", "1", "\t",
    "%YAML 1.1\n", "<<: ", "\\", '"a\\\n b"', " #", "\ufeff",
]  # fmt: skip


def full(text: str) -> tuple[object, dict, list[str]] | str:
    """The full path's data, lines and problems, or its refusal."""
    try:
        node = yamlfile._compose(text)
    except yamlfile._Refused as exc:
        return exc.message
    if node is None:
        return "empty"
    lines: dict = {}
    problems = Problems()
    data = yamlfile._Converter("x.yaml", lines, problems).convert(node, ())
    return data, lines, [str(p) for p in problems.items]


def fast(text: str) -> tuple[object, dict, list[str]] | None:
    lines: dict = {}
    try:
        return yamlfile._fast_load(text, lines), lines, []
    except yamlfile._Unusual:
        return None


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_content_file_takes_the_fast_path_to_the_same_result(path: Path) -> None:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8").removeprefix("\ufeff"))
    if "\t" in text:
        pytest.skip("tabs go the full path")
    assert fast(text) == full(text)


@pytest.mark.parametrize("seed", range(4))
def test_edited_files_give_the_full_loaders_result_or_go_to_it(seed: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in CONTENT_FILES[::3]]
    chance = random.Random(seed)
    taken = 0
    for _ in range(400):
        text = chance.choice(texts)[: chance.randint(0, 1500)]
        for _edit in range(chance.randint(1, 4)):
            at = chance.randint(0, len(text))
            text = text[:at] + chance.choice(PIECES) + text[at + chance.randint(0, 3) :]
        result = fast(text)
        if result is not None:
            taken += 1
            assert result == full(text), text
    assert taken > 50  # the fast path is the usual one, not a path that never runs


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("a: &x 1\nb: *x\n", "neo"),
        ("a: !!python/object x\n", "thẻ"),
        ("a:\n\tb: 1\n", "Tab"),
        ("a: 1\na: 2\n", None),
        ("a: |#\n  x\n", "chomping"),
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("a: 1\n---\nb: 2\n", "một phần nội dung"),
        ('a: "\\x07"\n', None),
    ],
)
def test_what_the_full_loader_refuses_or_reports_is_left_to_it(text: str, refused: str | None) -> None:
    assert fast(text) is None
    result = full(text)
    if refused is not None:
        assert refused in (result if isinstance(result, str) else "")
    else:
        assert not isinstance(result, str) and result[2]  # a problem with its line


def test_bad_characters_are_found_with_their_line() -> None:
    for text, line in [("a: b\nc: d\x07\n", 2), ("a: b\r\nc\r: d\n", 2), ("x: \u2028\n", 1), ("a\r\n", None)]:
        try:
            yamlfile._check_characters(text)
        except yamlfile._Refused as exc:
            assert exc.line == line, text
        else:
            assert line is None, text


def test_a_question_mark_in_flow_text_is_read_as_written():
    # PyYAML's scanner refuses "?" inside plain text in a flow list or group; libyaml reads it.
    text = "holidays:\n  - {date: 01/01/2024, name: Tết Dương lịch? nghỉ bù}\n"
    assert "expected ',' or '}', but got '?'" in str(full(text))
    data, _lines, _problems = fast(text)
    assert data == {"holidays": [{"date": "01/01/2024", "name": "Tết Dương lịch? nghỉ bù"}]}


def test_a_byte_order_mark_inside_a_file_is_kept_as_the_full_loader_keeps_it():
    text = "a: 1\n\ufeffb: 2\n"  # libyaml would skip it; the schema then names the odd field
    assert fast(text) is None
    assert full(text) == ({"a": "1", "\ufeffb": "2"}, {(): 1, ("a",): 1, ("\ufeffb",): 2}, [])

"""Typed records from plain YAML data, each problem reported with its file, line and field.

A record is a dataclass deriving from Record; its fields' type hints are the schema:
str, int, bool, date, Decimal, Literal[...], list[X], X | None and nested records.

YAML scalars arrive as the text the clerk wrote and are converted here by the field's type: an
int field takes decimal digits (`010` is 10, never octal), a str field keeps the text as written
(`no`, `010`), a bool field takes true/false (or có/không, yes/no), a Decimal field a finite
number with a point or a comma. Values from spreadsheets may already be numbers.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from pipeline.errors import Loc, Problems
from pipeline.vn import dates

R = TypeVar("R", bound="Record")


@dataclass(kw_only=True)
class Record:
    """Base of content records; `loc` tells where the record was written."""

    loc: Loc = field(default_factory=lambda: Loc("<code>"), repr=False, compare=False)


class _Invalid:
    """Marks a value that failed conversion (its problem is already recorded)."""


INVALID: Any = _Invalid()

MAX_DIGITS = 12
"""Integers and the whole part of numbers have at most this many digits (10¹² đồng is plenty)."""

_INT_TEXT = re.compile(r"[+-]?\d+")
_DECIMAL_TEXT = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_TRUE = frozenset({"true", "có", "yes"})
_FALSE = frozenset({"false", "không", "no"})

_KIND_NAMES = {
    str: "một dòng chữ",
    int: "một số nguyên",
    bool: "true hoặc false",
    list: "một danh sách (các dòng bắt đầu bằng “- ”)",
    dict: "một nhóm trường",
    date: "một ngày dạng ngày/tháng/năm",
    Decimal: "một số (ví dụ 0,3)",
}


_TEXT_TYPES = frozenset({str, str | None})


def read(value: Any, loc: Loc, cls: type[R], problems: Problems) -> R | None:
    """Convert a loaded document to a record; None if anything is wrong."""
    before = len(problems.items)
    result = _convert(value, loc, cls, problems)
    if result is INVALID or len(problems.items) > before:
        return None
    return result


def _convert(value: Any, loc: Loc, tp: Any, problems: Problems) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _convert(value, loc, options[0], problems)
    if origin is Literal:
        allowed = get_args(tp)
        if value not in allowed:
            shown = ", ".join(f"“{a}”" for a in allowed)
            problems.add(loc, f"giá trị “{value}” không hợp lệ; chọn một trong: {shown}")
            return INVALID
        return value
    if origin is list:
        if not isinstance(value, list):
            return _wrong_kind(value, loc, list, problems)
        (item_type,) = get_args(tp)
        items = [_convert(v, loc.at(i), item_type, problems) for i, v in enumerate(value)]
        return INVALID if any(i is INVALID for i in items) else items
    if value is None:
        problems.add(loc, "chưa có giá trị")
        return INVALID
    if tp is date:
        if not isinstance(value, str) or isinstance(value, bool):
            return _wrong_kind(value, loc, date, problems)
        try:
            return dates.parse(value)
        except dates.DateFormatError as exc:
            problems.add(loc, str(exc))
            return INVALID
    if tp is str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return _wrong_kind(value, loc, str, problems)
        text = str(value).strip()
        if not text:
            problems.add(loc, "không được để trống")
            return INVALID
        return text
    if tp is Decimal:
        return _decimal(value, loc, problems)
    if tp is bool:
        if isinstance(value, str):
            word = value.strip().lower()
            if word in _TRUE or word in _FALSE:
                return word in _TRUE
            problems.add(loc, f"phải là true hoặc false (hoặc có/không), không phải “{value.strip()}”")
            return INVALID
        return value if isinstance(value, bool) else _wrong_kind(value, loc, bool, problems)
    if tp is int:
        return _int(value, loc, problems)
    if isinstance(tp, type) and issubclass(tp, Record):
        return _convert_record(value, loc, tp, problems)
    raise TypeError(f"unsupported schema type {tp!r}")


@functools.cache
def _schema_of(cls: type[Record]) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """A record's field types and fields, resolved once per class (get_type_hints is slow)."""
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name != "loc"}
    return typing.get_type_hints(cls), fields


def _convert_record(value: Any, loc: Loc, cls: type[Record], problems: Problems) -> Any:
    if not isinstance(value, dict) and not loc.path:
        found = next((n for t, n in _KIND_NAMES.items() if isinstance(value, t)), type(value).__name__)
        problems.add(loc, f"nội dung tệp phải là các dòng “tên trường: giá trị”, không phải {found}")
        return INVALID
    if not isinstance(value, dict):
        return _wrong_kind(value, loc, dict, problems)
    hints, fields = _schema_of(cls)
    for key in value:
        if key not in fields:
            known = ", ".join(fields)
            problems.add(loc.at(key), f"trường không có trong mẫu nội dung (các trường: {known})")
    kwargs: dict[str, Any] = {}
    failed = False
    for name, spec in fields.items():
        required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
        if name not in value:
            if required:
                problems.add(loc.at(name), "thiếu trường bắt buộc")
                failed = True
            continue
        if value[name] is None and not required:
            continue
        if value[name] == "" and isinstance(spec.default, str):
            kwargs[name] = ""  # an optional text may be deliberately empty
            continue
        given, tp = value[name], hints[name]
        if tp in _TEXT_TYPES and type(given) is str and (text := given.strip()):
            kwargs[name] = text  # the common case, as _convert would do it, without its dispatch
            continue
        converted = _convert(given, loc.at(name), tp, problems)
        if converted is INVALID:
            failed = True
        else:
            kwargs[name] = converted
    if failed:
        return INVALID
    return cls(loc=loc, **kwargs)


def _int(value: Any, loc: Loc, problems: Problems) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if not _INT_TEXT.fullmatch(text):
            problems.add(loc, f"phải là một số nguyên, không phải “{text}”")
            return INVALID
        if len(text.lstrip("+-").lstrip("0")) > MAX_DIGITS:
            problems.add(loc, f"số quá lớn (nhiều nhất {MAX_DIGITS} chữ số)")
            return INVALID
        return int(text, 10)
    if isinstance(value, bool) or not isinstance(value, int):
        return _wrong_kind(value, loc, int, problems)
    if abs(value) >= 10**MAX_DIGITS:
        problems.add(loc, f"số quá lớn (nhiều nhất {MAX_DIGITS} chữ số)")
        return INVALID
    return value


def _decimal(value: Any, loc: Loc, problems: Problems) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if not _DECIMAL_TEXT.fullmatch(text):
            problems.add(loc, f"phải là {_KIND_NAMES[Decimal]}, không phải “{text}”")
            return INVALID
        number = Decimal(text.replace(",", "."))
    elif isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return _wrong_kind(value, loc, Decimal, problems)
    elif isinstance(value, float) and not math.isfinite(value):
        problems.add(loc, f"phải là {_KIND_NAMES[Decimal]}, không phải “{value}”")
        return INVALID
    else:
        number = Decimal(str(value))
    if not number.is_finite():
        problems.add(loc, f"phải là {_KIND_NAMES[Decimal]}, không phải “{value}”")
        return INVALID
    if number.adjusted() >= MAX_DIGITS:
        problems.add(loc, f"số quá lớn (nhiều nhất {MAX_DIGITS} chữ số trước dấu phẩy)")
        return INVALID
    return number


def _wrong_kind(value: Any, loc: Loc, expected: type, problems: Problems) -> Any:
    found = next((n for t, n in _KIND_NAMES.items() if isinstance(value, t)), type(value).__name__)
    if isinstance(value, bool):
        found = _KIND_NAMES[bool]
    problems.add(loc, f"phải là {_KIND_NAMES[expected]}, không phải {found}")
    return INVALID

"""Located content errors, collected and reported together."""

from __future__ import annotations

import errno
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

PathKey = tuple[str | int, ...]

_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def escape_invisible(text: str) -> str:
    """`text` with characters a reader cannot see written as escapes: 'vu-duc\\u200b-chinh'."""
    return "".join(
        (f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        if unicodedata.category(c) in _INVISIBLE or (c.isspace() and c != " ")
        else c
        for c in text
    )


_OS_REASONS = {
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết dung lượng được cấp",
    errno.EISDIR: "đây là một thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.EIO: "lỗi đọc ghi thiết bị",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ELOOP: "đường dẫn vòng lặp (liên kết trỏ vào chính nó)",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in Vietnamese; an error we have no words for keeps its own text."""
    reason = _OS_REASONS.get(exc.errno or 0)
    if reason:
        return reason
    return technical(exc.strerror or str(exc) or type(exc).__name__)


def technical(detail: object) -> str:
    """A library's own (English) words, labelled so a clerk knows to pass them on, not read them."""
    return f"chi tiết kỹ thuật: {escape_invisible(str(detail))}"


@dataclass(frozen=True, eq=False)
class Loc:
    """A place in a content file: the file, and a path of keys and indexes inside it."""

    file: str
    lines: Mapping[PathKey, int] = field(default_factory=dict, repr=False)
    path: PathKey = ()

    def at(self, *keys: str | int) -> Loc:
        return Loc(self.file, self.lines, self.path + keys)

    @property
    def line(self) -> int | None:
        """Line of this path, or of its nearest ancestor the file records."""
        path = self.path
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    @property
    def field(self) -> str:
        text = ""
        for key in self.path:
            text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else key)
        return text


class Where(Protocol):
    """A place a problem can be reported at: a YAML field (Loc) or a spreadsheet cell."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def field(self) -> str: ...


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    @classmethod
    def at(cls, loc: Where, message: str) -> Problem:
        return cls(loc.file, loc.line, loc.field, message)

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{place}: {self.field}: {self.message}" if self.field else f"{place}: {self.message}"
        return escape_invisible(text)


class InputProblem(Exception):
    """A problem with what the user gave (a file, a template, a revision, a missing tool): exit 2.

    The message is complete and in Vietnamese; the command line prints it as it is.
    """


class ContentError(Exception):
    """One or more problems in what a clerk wrote; the CLI exits 2."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=_order)
        super().__init__("\n".join(str(p) for p in self.problems))


def _order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.field, problem.message)


class Problems:
    """Collects problems so that all of them are reported at once; warnings do not stop a build."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, loc: Where, message: str) -> None:
        self.items.append(Problem.at(loc, message))

    def warn(self, loc: Where, message: str) -> None:
        self.warnings.append(Problem.at(loc, message))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)


def display_path(path: Path, root: Path) -> str:
    """A file as problems and messages show it: relative to the project when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()

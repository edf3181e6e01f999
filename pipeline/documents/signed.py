"""A signed document (a decision or report with a number and a date) is not changed silently.

Rebuilding one whose text differs from the existing output keeps the previous file as
`<name>-truoc-<yyyymmdd>.docx` (the date the previous file was written; `-2`, `-3` … when that
name is taken) and warns with a short summary of the comparison (word/diff.py). `force`
(FORCE=1, `--force`) replaces it without keeping a copy, still with the warning. Same text
(bytes that differ only in what the comparison ignores) is written without a word.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError

from pipeline.errors import Problem
from pipeline.word import diff as docdiff
from pipeline.word.write import write_atomic

PREVIOUS_MARK = "-truoc-"
"""In the name of a kept previous version; `tdkt pdf` leaves such files alone."""

SHOWN_CHANGES = 6
"""Lines of the comparison printed with the warning; `tdkt diff` shows all of them."""


@dataclass(frozen=True)
class SignedChange:
    warning: Problem
    details: list[str]
    """A few lines of the comparison ([-old-]{+new+})."""
    kept: Path | None


def is_previous_version(path: Path) -> bool:
    return PREVIOUS_MARK in path.stem


def previous_path(path: Path) -> Path:
    """`quyet-dinh-dot-2-2024-truoc-20241220.docx`: the date the existing file was written."""
    day = dt.date.fromtimestamp(path.stat().st_mtime)
    base = f"{path.stem}{PREVIOUS_MARK}{day:%Y%m%d}"
    candidate, number = path.with_name(f"{base}{path.suffix}"), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{base}-{number}{path.suffix}")
    return candidate


def guard(path: Path, data: bytes, label: str, shown: str, *, force: bool) -> SignedChange | None:
    """Before `path` (a signed document, `label`) is replaced by `data`: keep the existing file when
    its text differs (unless `force`) and say what changed. Writes only the kept copy."""
    if not path.is_file():
        return None
    old = path.read_bytes()
    if old == data:
        return None
    try:
        comparison = docdiff.compare(
            Document(io.BytesIO(old)), Document(io.BytesIO(data)), f"{shown} (bản trước)", shown
        )
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError):
        comparison = None  # an unreadable previous file is kept as it is
    if comparison is not None and comparison.same:
        return None
    kept = None
    if not force:
        kept = previous_path(path)
        write_atomic(kept, old)
    summary = docdiff.summary(comparison) if comparison else "tệp cũ không đọc được."
    details = docdiff.render_text(comparison).splitlines()[2:] if comparison else []
    if len(details) > SHOWN_CHANGES:
        details = [*details[:SHOWN_CHANGES], f"… (xem đủ: tdkt diff <bản trước> {shown})"]
    kept_text = (
        f"bản trước giữ ở {kept.name} (FORCE=1 hoặc --force: không giữ)"
        if kept
        else "không giữ bản trước (FORCE=1)"
    )
    message = (
        f"{label} đã có số và ngày (đã ký) mà nội dung thay đổi so với tệp đã tạo: "
        f"{summary.removeprefix('Khác nhau: ').rstrip('.')}; {kept_text}"
    )
    return SignedChange(Problem(shown, None, "", message), details, kept)

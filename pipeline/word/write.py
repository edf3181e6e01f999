"""Reproducible .docx bytes, written atomically.

The same content gives the same .docx, byte for byte: zip entries carry a fixed
timestamp and the core properties come from the content, never from the clock.
An existing output is replaced only by a complete new file (temp file, then rename).
A process killed between the two (kill -9, power cut) leaves its `.<name>.*.tmp` behind; the next
successful write of the same file removes the temp files older than itself.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from docx.document import Document as DocxDocument

from pipeline.errors import InputProblem, display_path, os_reason

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
PROPERTY_LIMIT = 255
"""Characters a core property may hold (python-docx refuses more; Word shows no more)."""


class WriteProblem(InputProblem):
    """An output could not be written (permissions, full disk, a folder in the way): exit 2."""


def shorten(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """`text` cut at a word boundary with "…" when longer than `limit` (metadata only)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    author: str
    keywords: str
    date: dt.date


def set_properties(document: DocxDocument, props: Properties) -> None:
    core = document.core_properties
    stamp = dt.datetime.combine(props.date, dt.time(), tzinfo=dt.UTC).replace(tzinfo=None)
    core.title = shorten(props.title)
    core.subject = shorten(props.subject)
    core.author = shorten(props.author)
    core.keywords = shorten(props.keywords)
    core.last_modified_by = shorten(props.author)
    core.language = "vi-VN"
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = stamp
    core.modified = stamp


def _entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    entry.create_system = 3
    return entry


COMPRESS_LEVEL = 6
"""zlib's default, as Word and python-docx write: level 9 takes twice the time for 6 % less."""


def _reproducible_zip(entries: Iterable[tuple[str, bytes | Callable[[IO[bytes]], None]]]) -> bytes:
    """A zip of the entries in order; an entry's data is bytes or a function writing them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in entries:
            entry = _entry(name)
            if isinstance(data, bytes):
                target.writestr(entry, data, compresslevel=COMPRESS_LEVEL)
            else:
                entry._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]  # as writestr sets it
                with target.open(entry, "w") as stream:
                    data(stream)
    return out.getvalue()


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, entries in their original order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return _reproducible_zip((info.filename, source.read(info.filename)) for info in source.infolist())


class _Entries:
    """python-docx's physical package writer interface, keeping the entries in order; the main
    document is serialised straight into the zip, never held as bytes (a long list is big)."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, bytes | Callable[[IO[bytes]], None]]] = []

    def write(self, pack_uri: Any, blob: bytes | Callable[[IO[bytes]], None]) -> None:
        self.entries.append((pack_uri.membername, blob))


class _LazyBlob:
    """The main part's blob as a writer: python-docx's serialize_part_xml, into a stream."""

    def __init__(self, part: Any) -> None:
        self.part = part

    def __call__(self, stream: IO[bytes]) -> None:
        from lxml import etree

        etree.ElementTree(self.part._element).write(
            stream, encoding="UTF-8", standalone=True, xml_declaration=True
        )


def package_bytes(document: DocxDocument) -> bytes:
    """What normalize_zip(bytes of document.save()) gives, compressed once instead of twice.

    python-docx's own writer fills the entries (python-docx is pinned in pyproject.toml).
    """
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    main = document.part
    writer = _Entries()
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    parts = list(package.parts)
    for part in parts:  # PackageWriter._write_parts, the main part's blob written when zipped
        writer.write(part.partname, _LazyBlob(part) if part is main else part.blob)
        if len(part.rels):
            writer.write(part.partname.rels_uri, part.rels.xml)
    entries, writer.entries = writer.entries, []
    return _reproducible_zip(entries)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one.

    An OSError becomes a WriteProblem naming the file and what to do; the temp file is removed
    (also on Ctrl-C) and an existing file at `path` is left as it was.
    """
    started = time.time()
    temp_name: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
        temp_name = None
    except OSError as exc:
        raise WriteProblem(_write_message(path, exc)) from exc
    finally:
        if temp_name is not None:
            Path(temp_name).unlink(missing_ok=True)
    _remove_stale_temps(path, started)


def _remove_stale_temps(path: Path, before: float) -> None:
    """Temp files of `path` left by a killed earlier write (older than this write)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if stale.stat().st_mtime < before:
                stale.unlink()
        except OSError:
            pass  # gone already, or not ours to remove: harmless


def _blocking(path: Path) -> Path | None:
    """The nearest of `path`'s folders that exists as something other than a folder."""
    for folder in reversed(path.parents):
        if folder.exists() and not folder.is_dir():
            return folder
    return None


def _write_message(path: Path, exc: OSError) -> str:
    shown = display_path(path, Path.cwd())
    code = exc.errno
    if code == errno.ENOSPC or code == errno.EDQUOT:
        why = "ổ đĩa đã đầy; giải phóng chỗ trống rồi chạy lại"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = (
            "không có quyền ghi vào thư mục này (hoặc tệp đang mở ở chương trình khác); "
            "cấp quyền ghi rồi chạy lại"
        )
    elif code == errno.EISDIR or path.is_dir():
        why = "đã có một thư mục cùng tên; đổi tên hoặc xóa thư mục đó rồi chạy lại"
    elif code in (errno.ENOTDIR, errno.EEXIST) and (blocker := _blocking(path)) is not None:
        shown_blocker = display_path(blocker, Path.cwd())
        why = f"{shown_blocker} là một tệp, không phải thư mục; đổi tên hoặc xóa tệp đó rồi chạy lại"
    else:
        why = os_reason(exc)
    return f"{shown}: không ghi được tệp: {why}. Các tệp đã có giữ nguyên."

"""Write stage: reproducible bytes, written atomically.

The same content gives the same .docx, byte for byte: zip entries carry a fixed
timestamp and the core properties come from the content, never from the clock.
An existing output is replaced only by a complete new file (temp file, then rename).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


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
    core.title = props.title
    core.subject = props.subject
    core.author = props.author
    core.keywords = props.keywords
    core.last_modified_by = props.author
    core.language = "vi-VN"
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = stamp
    core.modified = stamp


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, entries in their original order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, source.read(info.filename), compresslevel=9)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise

"""PDF output: LibreOffice converts a batch of .docx in one process; pypdf fixes the metadata.

The PDF's title, author, subject, keywords and dates come from the .docx core properties (which
come from the content), its file identifier from the .docx bytes, so the same content gives the
same PDF text and the same metadata. Each PDF is checked: it has pages, and its words are the
.docx's words (after NFC normalisation), so a lost Vietnamese diacritic is caught.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputProblem, display_path
from pipeline.word.write import write_atomic

# python-docx's reader, pypdf, subprocess: imported where used, so that `tdkt plan` asking soffice() for its
# hint does not load them.

INSTALL_HINT = "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"
TIMEOUT_SECONDS = 300


class PdfUnavailable(InputProblem):
    """LibreOffice is missing or failed; the message says what to do. Exit 2."""


@dataclass(frozen=True)
class PdfResult:
    source: Path
    pdf: Path
    pages: int


def soffice() -> str | None:
    """LibreOffice's program: $LIBREOFFICE if set, else soffice on PATH, else the usual install folders."""
    configured = os.environ.get("LIBREOFFICE")
    if configured:
        return configured if Path(configured).is_file() else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((str(p) for p in _install_locations() if p.is_file()), None)


def _install_locations() -> list[Path]:
    """Where the LibreOffice installers put the program on Windows and macOS."""
    folders = {os.environ.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")}
    windows = [Path(f) / "LibreOffice" / "program" / "soffice.exe" for f in sorted(filter(None, folders))]
    return [*windows, Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]


def install_hint() -> str:
    configured = os.environ.get("LIBREOFFICE")
    if configured:
        return f"biến LIBREOFFICE={configured} không trỏ tới chương trình soffice; sửa lại đường dẫn"
    if os.name == "nt":
        return "cài LibreOffice cho Windows, hoặc đặt biến LIBREOFFICE là đường dẫn tới soffice.exe"
    return INSTALL_HINT


def missing_hint(year: int) -> str:
    return f"Chưa có LibreOffice nên chưa tạo PDF. Cài: {install_hint()}; rồi chạy: tdkt pdf {year}"


def convert(sources: list[Path], timeout: int = TIMEOUT_SECONDS) -> dict[Path, bytes]:
    """PDF bytes of each .docx, from one soffice process with a private profile."""
    import subprocess

    program = soffice()
    if program is None:
        raise PdfUnavailable(f"không tìm thấy LibreOffice (soffice). Cài: {install_hint()}")
    with tempfile.TemporaryDirectory(prefix="pdf-") as scratch:
        work = Path(scratch)
        names = {}
        for index, source in enumerate(sources):
            # unique names: two documents may share a stem in different folders
            copy = work / "in" / f"{index:04d}-{source.stem}.docx"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(source, copy)
            names[source] = copy
        command = [
            program,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work / "out"),
            *(str(p) for p in names.values()),
        ]
        try:
            finished = subprocess.run(
                command,
                capture_output=True,
                timeout=timeout,
                check=False,
                env={**os.environ, "HOME": str(work)},
            )
        except subprocess.TimeoutExpired as exc:
            raise PdfUnavailable(f"LibreOffice không xong sau {timeout} giây") from exc
        results = {}
        for source, copy in names.items():
            produced = work / "out" / f"{copy.stem}.pdf"
            if not produced.is_file():
                detail = finished.stderr.decode("utf-8", "replace").strip()[-400:]
                raise PdfUnavailable(
                    f"LibreOffice không chuyển được {source.name} (mã {finished.returncode}): {detail}"
                )
            results[source] = produced.read_bytes()
        return results


def _pdf_date(stamp: object) -> str:
    return stamp.strftime("D:%Y%m%d%H%M%S+00'00'") if stamp else ""


def stamp(pdf: bytes, docx: bytes) -> bytes:
    """Metadata from the .docx core properties; identifiers from the .docx bytes."""
    from docx import Document
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    core = Document(io.BytesIO(docx)).core_properties
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    created = _pdf_date(core.created)
    writer.add_metadata(
        {
            "/Title": core.title or "",
            "/Author": core.author or "",
            "/Subject": core.subject or "",
            "/Keywords": core.keywords or "",
            "/Creator": "vn-docgen",
            "/Producer": "LibreOffice, pypdf",
            "/CreationDate": created,
            "/ModDate": created,
        }
    )
    identifier = ByteStringObject(hashlib.sha256(docx).digest()[:16])
    writer._ID = ArrayObject([identifier, identifier])  # pypdf offers no public setter
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text)))


def pdf_text(pdf: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() or "" for page in reader.pages)


def _part_words(docx: bytes) -> tuple[Counter[str], set[str]]:
    """Words of the body; words that may repeat on every page (headers, footers, table headings)."""
    from docx import Document
    from docx.oxml.ns import qn

    from pipeline.word.reader import BODY, TableBlock, block_text, read_document

    body: Counter[str] = Counter()
    repeated: set[str] = set()
    for part in read_document(Document(io.BytesIO(docx))):
        text = "\n".join(block_text(block) for block in part.blocks)
        if part.name == BODY:
            body += words(text)
        else:
            repeated |= set(words(text))
        for block in part.blocks:
            if isinstance(block, TableBlock):
                for row in block.rows:
                    if row.element.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
                        repeated |= set(words(row.text))
    return body, repeated


def text_mismatch(docx: bytes, pdf: bytes) -> str:
    """Empty when every word of the .docx body is in the PDF, and the PDF adds only page numbers
    and header or footer text."""
    pages, text = pdf_text(pdf)
    body, margins = _part_words(docx)
    found = words(text)
    missing = body - found
    extra = {w for w in (found - body) if w not in margins and not (w.isdigit() and 1 <= int(w) <= pages)}
    if not missing and not extra:
        return ""
    return f"thiếu {dict(missing.most_common(8))}, thừa {sorted(extra)[:8]}"


def check_source(source: Path) -> None:
    """Refuse, before LibreOffice runs, a .docx that is empty, damaged or not a Word file."""
    from pipeline.word.reader import Unreadable, open_docx

    try:
        open_docx(source)
    except Unreadable as exc:
        size = source.stat().st_size if source.is_file() else None
        what = "tệp rỗng (0 byte)" if size == 0 else "tệp hỏng hoặc không phải tệp Word"
        raise PdfUnavailable(
            f"{display_path(source, Path.cwd())}: {what}, không chuyển sang PDF được; "
            "tạo lại văn bản này (ví dụ tdkt plan NĂM) hoặc xóa tệp rồi chạy lại"
        ) from exc


def build_pdfs(sources: list[Path]) -> list[PdfResult]:
    """Convert, stamp, check and write each PDF beside its .docx."""
    for source in sources:
        check_source(source)
    converted = convert(sources)
    results = []
    for source in sources:
        docx = source.read_bytes()
        pdf = stamp(converted[source], docx)
        pages, _ = pdf_text(pdf)
        if pages < 1:
            raise PdfUnavailable(f"{source.name}: PDF không có trang nào")
        problem = text_mismatch(docx, pdf)
        if problem:
            raise PdfUnavailable(f"{source.name}: chữ trong PDF khác chữ trong .docx ({problem})")
        target = source.with_suffix(".pdf")
        write_atomic(target, pdf)
        results.append(PdfResult(source, target, pages))
    return results

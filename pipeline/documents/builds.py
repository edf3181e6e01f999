"""What `tdkt all` and `tdkt pdf` need not do again: a record of each output's inputs.

`output/<year>/.build-digests.json` (written atomically after the outputs) holds, per document
of the year (by its kind and period, e.g. "decision-2"), the SHA-256 of what it was built from:
the content files it read (found by `Content.tracking`, cached results included), the names in
the content folders it may look at (a new or removed file changes them), the templates, the
program (its source files and the versions of the libraries that shape a .docx) and the options
(draft; the day, for kinds whose output depends on it). A document is rendered again unless all
of these and the bytes of its output file are as recorded. A PDF is converted again unless the
bytes of its .docx and of the PDF are as recorded. Times of files are never trusted.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.content.project import Project
from pipeline.errors import display_path

RECORD = ".build-digests.json"
FORMAT = 1
LIBRARIES = ("docxtpl", "python-docx", "lxml", "jinja2", "babel", "pypdf")
"""Libraries whose version changes the bytes of a .docx or a PDF."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes; "-" when it is missing or unreadable."""
    try:
        return sha256(path.read_bytes())
    except OSError:
        return "-"


@functools.cache
def program_digest() -> str:
    """The program's own source files and the versions of the libraries that shape outputs."""
    from importlib import metadata

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()


def tree_digest(folder: Path) -> str:
    """Every file below `folder`: its path and bytes."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(file_digest(path).encode() + b"\0")
    return digest.hexdigest()


def listing_digest(folders: Iterable[Path]) -> str:
    """The names of the files in each folder (not their bytes)."""
    digest = hashlib.sha256()
    for folder in folders:
        digest.update(folder.as_posix().encode() + b"\0")
        if folder.is_dir():
            for name in sorted(p.name for p in folder.iterdir()):
                digest.update(name.encode() + b"\0")
    return digest.hexdigest()


def files_digest(root: Path, names: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(names):
        digest.update(name.encode() + b"\0" + file_digest(root / name).encode() + b"\0")
    return digest.hexdigest()


@dataclass
class Record:
    """The digests of one year's outputs, as last written."""

    path: Path
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    pdfs: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, output_dir: Path) -> Record:
        """The record beside the outputs; an empty one when missing, damaged or of another format
        (everything is then built again, which is always safe)."""
        path = output_dir / RECORD
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                return cls(path, dict(data["documents"]), dict(data["pdfs"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        return cls(path)

    def save(self) -> None:
        from pipeline.word.write import write_atomic

        data = {"format": FORMAT, "documents": self.documents, "pdfs": self.pdfs}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        write_atomic(self.path, text.encode("utf-8"))


@dataclass(frozen=True)
class State:
    """What every document of a year shares among its inputs."""

    root: Path
    shared: str

    @classmethod
    def of(cls, project: Project, year: int) -> State:
        folders = [project.shared_dir, project.content_dir(year), project.content_dir(year - 1)]
        parts = (program_digest(), tree_digest(project.templates), listing_digest(folders))
        return cls(project.root, sha256("\0".join(parts).encode()))

    def options(self, kind: str, year: int, period: int | None, draft: bool, today: dt.date | None) -> str:
        shown = f"{kind}|{year}|{period}|{draft}|{today.isoformat() if today else ''}"
        return sha256(f"{self.shared}|{shown}".encode())


def relative(root: Path, paths: Iterable[Path]) -> list[str]:
    """Paths below the project as written from its folder; others (a linked folder) in full."""
    shown = []
    for path in paths:
        try:
            shown.append(path.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            shown.append(path.resolve().as_posix())
    return sorted(shown)


def unchanged(entry: dict[str, Any] | None, options: str, root: Path) -> Path | None:
    """The output file of a document whose recorded inputs and output are as they were, else None."""
    if not entry or entry.get("options") != options:
        return None
    try:
        output = root / entry["output"]
        if files_digest(root, entry["files"]) != entry["files_digest"]:
            return None
        return output if file_digest(output) == entry["sha256"] else None
    except (KeyError, TypeError):
        return None


def entry(
    options: str, root: Path, files: Iterable[Path], output: Path, data: bytes, warnings: list[str]
) -> dict:
    names = relative(root, files)
    return {
        "options": options,
        "files": names,
        "files_digest": files_digest(root, names),
        "output": relative(root, [output])[0],
        "sha256": sha256(data),
        "warnings": warnings,
    }


# ---- PDFs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfPlan:
    current: list[Path]
    """PDFs whose .docx and PDF bytes are as recorded: not converted again."""
    stale: list[Path]
    """.docx files whose PDF exists but does not match them (or has no record): converted again."""
    missing: list[Path]
    """.docx files without a PDF."""

    @property
    def to_convert(self) -> list[Path]:
        return sorted(self.stale + self.missing)


def pdf_of(source: Path) -> Path:
    return source.with_suffix(".pdf")


def plan_pdfs(record: Record, sources: list[Path]) -> PdfPlan:
    current: list[Path] = []
    stale: list[Path] = []
    missing: list[Path] = []
    for source in sources:
        pdf = pdf_of(source)
        known = record.pdfs.get(pdf.name)
        if not pdf.is_file():
            missing.append(source)
        elif known and known.get("docx") == file_digest(source) and known.get("pdf") == file_digest(pdf):
            current.append(pdf)
        else:
            stale.append(source)
    return PdfPlan(current, stale, missing)


def record_pdfs(record: Record, sources: Iterable[Path]) -> None:
    for source in sources:
        record.pdfs[pdf_of(source).name] = {"docx": file_digest(source), "pdf": file_digest(pdf_of(source))}


def stale_message(source: Path, root: Path) -> str:
    return (
        f"{display_path(pdf_of(source), root)} không khớp với {source.name} "
        "(tệp .docx đã thay đổi sau lần tạo PDF trước): tạo lại PDF"
    )

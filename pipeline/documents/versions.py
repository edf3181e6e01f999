"""Versions of a document for reviewers' comparisons (make diff): two files, a document
against its content at a git revision, or a year's document against the previous year's."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument

from pipeline.content.project import Project
from pipeline.errors import InputProblem, os_reason
from pipeline.word import diff as docdiff
from pipeline.word import diff_html, redline
from pipeline.word.reader import open_docx
from pipeline.word.write import normalize_zip, write_atomic


class ReviewProblem(InputProblem):
    """Something that keeps the comparison from being made; exit 2."""


@dataclass(frozen=True)
class Outputs:
    html: Path
    redline: Path


def content_at(root: Path, revision: str, into: Path) -> Project:
    """content/ and templates/ as they were at a git revision, unpacked into a scratch folder."""
    commit = resolve_revision(root, revision)
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", commit, "content", "templates"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        message = archive.stderr.decode("utf-8", "replace").strip()
        raise ReviewProblem(f"không lấy được nội dung ở phiên bản “{revision}”: {message}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return Project(into)


def resolve_revision(root: Path, revision: str) -> str:
    """The commit a user's revision names; refused before any other git command sees it."""
    if not revision or revision.startswith("-"):
        raise ReviewProblem(f"“{revision}” không phải là một phiên bản git (commit, nhánh hoặc thẻ)")
    try:
        found = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                f"{revision}^{{commit}}",
            ],
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        why = os_reason(exc)
        raise ReviewProblem(f"không chạy được git ({why}); cần cài git để so sánh với REF") from exc
    if found.returncode != 0:
        raise ReviewProblem(f"không có phiên bản git “{revision}” trong kho {root}")
    return found.stdout.decode("ascii").strip()


def compare_documents(
    old: DocxDocument | bytes, new: DocxDocument | bytes, old_name: str, new_name: str
) -> docdiff.Comparison:
    """Compare two documents, each opened (a file read by read_docx) or as rendered bytes."""

    def opened(item: DocxDocument | bytes) -> DocxDocument:
        return Document(io.BytesIO(item)) if isinstance(item, bytes) else item

    return docdiff.compare(opened(old), opened(new), old_name, new_name)


def write_outputs(comparison: docdiff.Comparison, outputs: Outputs) -> None:
    """The HTML page and the redline; the redline changes the comparison's new document."""
    write_atomic(outputs.html, diff_html.render_html(comparison).encode("utf-8"))
    old_doc, new_doc = comparison.documents  # as the comparison read them: not read twice
    document = redline.redline(old_doc, new_doc, (comparison.old_parts, comparison.new_parts))
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(outputs.redline, normalize_zip(buffer.getvalue()))


def read_docx(path: Path) -> DocxDocument:
    """A .docx to compare, opened once; exit 2 on a file that cannot be read or is not a .docx."""
    try:
        with path.open("rb"):  # the system's reason first (missing, a folder, no permission)
            pass
    except OSError as exc:
        raise ReviewProblem(f"{path}: không đọc được tệp ({os_reason(exc)})") from exc
    return open_docx(path)


def versions_at_ref(
    project: Project, render: Callable[[Project], bytes], revision: str
) -> tuple[bytes, bytes]:
    """A document rendered from the content at a git revision, and from the content now."""
    with tempfile.TemporaryDirectory(prefix="diff-ref-") as scratch:
        old = render(content_at(project.root, revision, Path(scratch)))
    return old, render(project)

"""Content is read once: building every 2024 document parses each file and award table once."""

from __future__ import annotations

import datetime as dt

from pipeline.content.project import Content
from pipeline.documents.registry import build_all

TODAY = dt.date(2025, 3, 1)


def test_building_every_2024_document_reads_each_file_once(project):
    content = Content(project)
    built = list(build_all(project, 2024, today=TODAY, content=content))
    assert [b.path.name for b in built] == [
        "ke-hoach-2024.docx",
        "quyet-dinh-dot-1-2024.docx",
        "quyet-dinh-dot-2-2024.docx",
        "bao-cao-so-ket-dot-1-2024.docx",
        "bao-cao-tong-ket-2024.docx",
    ]
    files = sorted(
        p.relative_to(project.root).as_posix()
        for p in (project.root / "content").rglob("*")
        if p.suffix in (".yaml", ".xlsx", ".csv") and p.name != "ngay-nghi.yaml"  # holidays: new-year only
    )
    assert sorted(content.reads) == files
    assert set(content.reads.values()) == {1}
    assert content.computed["catalogs"] == 1
    assert content.computed["plan"] == 1
    assert content.computed["decision"] == 2

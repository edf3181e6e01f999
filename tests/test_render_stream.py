"""The streamed render (word/render._StreamedBody) gives docxtpl's bytes, chunk by chunk."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from pipeline.content.project import Project
from pipeline.documents.registry import KINDS, Job
from pipeline.word import render
from tests.conftest import ROOT, edit

TODAY = dt.date(2024, 12, 31)


def documents(project: Project) -> dict[str, bytes]:
    found = {}
    for kind in KINDS.values():
        for period in kind.periods(project.content_dir(2024)):
            prepared = kind.prepare(Job(project, 2024, period, TODAY))
            found[prepared.path.name] = prepared.data
    return found


def main_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


def docxtpl_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render._StreamedBody, "document", lambda self: None)


def test_small_chunks_give_the_bytes_of_docxtpls_render(monkeypatch):
    streamed_at_all = []
    original = render._StreamedBody.document

    def spy(self):
        result = original(self)
        streamed_at_all.append(result is not None)
        return result

    monkeypatch.setattr(render._StreamedBody, "document", spy)
    monkeypatch.setattr(render, "_CHUNK", 512)  # a chunk boundary every few paragraphs
    streamed = documents(Project(ROOT))
    assert len(streamed) >= 5 and streamed_at_all and all(streamed_at_all)
    docxtpl_way(monkeypatch)
    assert streamed == documents(Project(ROOT))


def test_the_shared_parts_lose_their_repeated_namespace_declarations():
    xml = main_xml(documents(Project(ROOT))["ke-hoach-2024.docx"])
    assert xml.count('xmlns:w="') == 1  # the document's own; the parts' tables repeated it


@pytest.mark.parametrize(("written", "expected"), [("một\\nhai", b"<w:br/>"), ("một\\thai", b"<w:tab/>")])
def test_a_newline_or_tab_in_content_is_rendered_as_docxtpl_does(project, monkeypatch, written, expected):
    edit(
        project.content_dir(2024) / "quyet-dinh-dot-1.yaml",
        "funding: Quỹ thi đua, khen thưởng năm 2024 của Văn phòng UBND tỉnh",
        f'funding: "Quỹ thi đua {written} năm 2024"',
    )
    streamed = KINDS["decision"].render(Job(project, 2024, 1, TODAY))
    assert expected.decode() in main_xml(streamed)
    docxtpl_way(monkeypatch)
    assert streamed == KINDS["decision"].render(Job(project, 2024, 1, TODAY))

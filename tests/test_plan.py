"""The 2024 plan: its text against the reference, its formatting snapshot, its bytes."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from docx import Document

from pipeline.documents.registry import build_plan, render_plan
from pipeline.errors import ContentError
from pipeline.word import reader as extract
from pipeline.word import write

from .conftest import REFERENCE_DIR, edit, plan_2024

REFERENCE = REFERENCE_DIR / "ke-hoach-tdkt-2024-van-phong-ubnd-bac-kan.txt"

# The reference lost its header table when it was extracted, except the number and date lines.
LOST_HEADER_LINES = [
    "UBND TỈNH BẮC KẠN",
    "VĂN PHÒNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]

# Two sentences were broken at page ends by the extraction: (end of the first part, start of the next).
PAGE_BREAK_ARTEFACTS = [
    ("“Đẩy mạnh", "phát triển kết cấu"),
    ("quan tâm củng cố đội ngũ cán bộ", "làm công tác thi đua"),
]

# What our output writes differently, and why. Each pair is applied to the reference text.
CORRECTIONS = [
    # The two date errors the issue names: there is no 30 February; 02/9/1945 recurs in 2024.
    ("(03/2/1930-30/2/2024)", "(03/02/1930 - 03/02/2024)"),
    ("(02/9/1945 - 02/9/2028)", "(02/9/1945 - 02/9/2024)"),
    # Computed anniversary spans all read "(origin - recurrence)", as the reference does elsewhere.
    ("(19/5/1890-19/5/2024)", "(19/5/1890 - 19/5/2024)"),
    ("(11/6/1948-11/6/2024)", "(11/6/1948 - 11/6/2024)"),
    # Period headings are computed from the period's dates ("Từ tháng 01/01/2024" reads "from month 01/01/2024").
    ("1. Đợt 1: Từ tháng 01/01/2024 - 30/6/2024", "1. Đợt 1: Từ 01/01/2024 đến 30/6/2024"),
    # A Party document's number is "34-CT/TW", composed from number and symbol without a stray space.
    ("Chỉ thị số 34- CT/TW", "Chỉ thị số 34-CT/TW"),
    # The review and deadline of period 1 start their own paragraph, as in period 2.
    ("(11/6/1948 - 11/6/2024). Tổ chức sơ kết", "(11/6/1948 - 11/6/2024).\nTổ chức sơ kết"),
]


def reference_paragraphs() -> list[str]:
    lines = [line.strip() for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    for end, start in PAGE_BREAK_ARTEFACTS:
        i = next(i for i, line in enumerate(lines) if line.endswith(end))
        assert lines[i + 1].startswith(start)
        lines[i : i + 2] = [f"{lines[i]} {lines[i + 1]}"]
    text = "\n".join(lines)
    for old, new in CORRECTIONS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return [" ".join(line.split()) for line in text.split("\n")]


@pytest.fixture(scope="module")
def plan_bytes() -> bytes:
    return plan_2024()


def test_plan_text_equals_the_reference_paragraph_by_paragraph(plan_bytes):
    ours = [t for t in extract.texts(Document(io.BytesIO(plan_bytes))) if t not in LOST_HEADER_LINES]
    assert ours == reference_paragraphs()


def test_plan_paragraphs_and_formatting_snapshot(plan_bytes, data_regression):
    blocks = [b.as_dict() for b in extract.blocks(Document(io.BytesIO(plan_bytes))) if b.text.strip()]
    data_regression.check({"paragraphs": blocks})


def test_same_content_gives_the_same_bytes_whatever_the_clock(project, monkeypatch):
    first = render_plan(project, 2024)
    later = time.time() + 400 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert render_plan(project, 2024) == first


def test_core_properties_come_from_the_content(plan_bytes):
    core = Document(io.BytesIO(plan_bytes)).core_properties
    assert core.title == "Kế hoạch công tác thi đua khen thưởng năm 2024"
    assert core.author == "Văn phòng Ủy ban nhân dân tỉnh"
    assert core.subject == "Công tác thi đua khen thưởng năm 2024"
    assert "/KH-VP" in core.keywords
    assert core.created.date().isoformat() == "2024-03-01"
    assert core.modified == core.created


def test_a_failing_build_leaves_the_previous_output_untouched(project):
    path = build_plan(project, 2024)
    before = path.read_bytes()
    edit(project.root / "content/2024/ke-hoach.yaml", "Công tác thi đua khen thưởng năm 2024", "Khác")
    edit(project.root / "content/2024/ke-hoach.yaml", "end: 30/06/2024", "end: 31/06/2024")
    with pytest.raises(ContentError):
        build_plan(project, 2024)
    assert path.read_bytes() == before
    assert os.listdir(path.parent) == [path.name]


def test_an_interrupted_write_keeps_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "a.docx"
    path.write_bytes(b"old")

    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(write.WriteProblem, match="không ghi được"):
        write.write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.docx"]

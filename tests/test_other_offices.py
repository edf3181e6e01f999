"""Documents of other offices and campaigns, built from content alone (tests/data/projects/)."""

from __future__ import annotations

import io

import pytest
from docx import Document

from pipeline.documents.registry import render_plan_warned
from pipeline.errors import ContentError
from pipeline.word.reader import FormattedParagraph, blocks

from .conftest import edit, other_project


def _blocks(data: bytes) -> list[FormattedParagraph]:
    return [b for b in blocks(Document(io.BytesIO(data))) if b.text]


def _texts(found: list[FormattedParagraph]) -> list[str]:
    return [b.text for b in found]


def _header(found: list[FormattedParagraph]) -> list[tuple[str, bool | None]]:
    """The issuing body's lines (left cell of the header table) with their boldness."""
    return [(b.text, b.bold) for b in found if b.where == "table0.r0c0"]


# ---- (a) a trade union's công văn: three periods numbered I, II, III ------------------------------


def test_union_campaign_by_cong_van_with_roman_periods(tmp_path):
    project = other_project("cong-doan-cv", tmp_path)
    data, warnings = render_plan_warned(project, 2024)
    found = _blocks(data)
    text = _texts(found)
    assert _header(found) == [
        ("CĐ VIÊN CHỨC TỈNH BẮC KẠN", False),
        ("CÔNG ĐOÀN VĂN PHÒNG UBND TỈNH", True),
    ]
    assert "Số: 08/CV-CĐVP" in text
    assert "V/v phát động phong trào thi đua năm 2024 trong đoàn viên công đoàn" in text
    assert not any(t.startswith(("CÔNG VĂN", "KẾ HOẠCH")) for t in text)  # a công văn has no title
    assert "Phong trào thi đua được chia thành 03 đợt, cụ thể:" in text
    assert "1. Đợt I: Từ 01/01/2024 đến 30/4/2024" in text
    assert "2. Đợt II: Từ 01/5/2024 đến 31/8/2024" in text
    assert "3. Đợt III: Từ 01/9/2024 đến 31/12/2024" in text
    assert any("đề nghị khen thưởng đợt II về phòng BCH chậm nhất ngày 20/8/2024" in t for t in text)
    assert any(t.startswith("Căn cứ Kế hoạch số 18/KH-UBND") and "xây dựng Công văn thực hiện" in t for t in text)
    assert "Trên đây là Công văn phát động phong trào thi đua năm 2024 trong đoàn viên công đoàn "
    "của Công đoàn Văn phòng UBND tỉnh./." in text
    assert "TM. BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ VĂN PHÒNG UBND TỈNH" in text
    assert "CHỦ TỊCH" in text
    assert [str(w) for w in warnings] == [
        "content/2024/ke-hoach.yaml:24: periods[0].start: "
        "đợt bắt đầu ngày 01/01/2024, trước ngày ban hành kế hoạch 15/01/2024"
    ]


def test_a_number_on_a_kind_issued_without_one_is_refused(tmp_path):
    project = other_project("cong-doan-cv", tmp_path)
    plan = project.root / "content/2024/ke-hoach.yaml"
    line = edit(plan, "  titled: false\n", "  titled: false\n  numbered: false\n")
    with pytest.raises(ContentError) as caught:
        render_plan_warned(project, 2024)
    assert [str(p) for p in caught.value.problems] == [
        "content/2024/ke-hoach.yaml:3: document.number: Công văn ban hành không có số (kind.numbered)"
    ]
    assert line == 11

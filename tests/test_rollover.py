"""make new-year: next year's plan from this year's, with marks for what must be decided anew."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from docx import Document

from pipeline.content.project import Project
from pipeline.documents.plan.rules import load_plan
from pipeline.documents.registry import render_plan
from pipeline.documents.rollover import RolloverRefused, previous_working_day, roll_over
from pipeline.errors import ContentError
from pipeline.word import reader as extract

from .conftest import ROOT, as_of_2024, edit

NEW = "content/2025/ke-hoach.yaml"
HOLIDAYS_2025 = {
    dt.date(2025, 4, 30),
    dt.date(2025, 5, 1),
    dt.date(2025, 5, 2),
    dt.date(2025, 9, 1),
    dt.date(2025, 9, 2),
}


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_rollover_of_the_real_2024_plan(project):
    templates_before = tree_digest(project.templates)
    result = roll_over(project.root, 2025)
    new = project.root / NEW
    text = new.read_text(encoding="utf-8")
    assert result.source == project.root / "content/2024/ke-hoach.yaml"
    # carried over, with the year moved on; ids that contain a year are left alone
    assert "subject: Công tác thi đua khen thưởng năm 2025" in text
    assert "nhiệm vụ công tác năm 2025." in text and "giai đoạn 2021 - 2025" in text
    assert "[van-ban:nd-98-2023]" in text and "[phong-trao:nong-thon-moi]" in text
    # every other line that still says 2024 is listed for review, with its line
    reviewed = {p.line for p in result.reviews if p.file == NEW}
    marked = {p.line for p in result.marks}
    for number, line in enumerate(text.splitlines(), start=1):
        if "2024" in line and "content/2024/ke-hoach.yaml" not in line:
            assert number in reviewed | marked, line
    assert "subject: Công tác thi đua khen thưởng năm 2024" not in text
    # the clerk's comments stay
    assert "# để trống đến khi có số văn bản" in text
    # periods moved; both deadlines are working days in 2025 (Friday 20/6, Wednesday 10/12)
    assert "start: 01/01/2025" in text and "end: 31/12/2025" in text
    assert "deadline: 20/6/2025" in text and "deadline: 10/12/2025" in text
    assert result.moved == []
    # what cannot be carried over is marked, each reported with its line
    assert [(p.line, p.field) for p in result.marks] == [
        (line_of(new, "  month:"), "document.month"),
        (line_of(new, "  signer:"), "document.signer"),
        (line_of(new, "basis:"), "basis"),
    ]
    assert result.problems == []
    # the new year's round anniversaries are offered
    assert "#   [ky-niem:giai-phong-mien-nam]  50 năm Ngày Giải phóng miền Nam, thống nhất đất nước" in text
    assert any(s.startswith("[ky-niem:thanh-lap-dang]  95 năm") for s in result.round_anniversaries)
    assert not any("[ky-niem:dien-bien-phu]" in s for s in result.round_anniversaries)  # 71 years
    assert tree_digest(project.templates) == templates_before


def test_make_plan_refuses_while_a_mark_remains(project):
    roll_over(project.root, 2025)
    with pytest.raises(ContentError) as caught:
        load_plan(project.root, 2025)
    found = [f"{p.file}:{p.line}: {p.field}" for p in caught.value.problems]
    new = project.root / NEW
    assert found == [
        f"{NEW}:{line_of(new, '  month:')}: document.month",
        f"{NEW}:{line_of(new, '  signer:')}: document.signer",
        f"{NEW}:{line_of(new, 'basis:')}: basis",
    ]
    assert all("chưa bổ sung" in p.message and "--draft với tdkt" in p.message for p in caught.value.problems)


def test_a_draft_is_built_at_once_and_visibly_marked(project):
    roll_over(project.root, 2025)
    found = extract.texts(Document(io.BytesIO(render_plan(project, 2025, draft=True))))
    assert "DỰ THẢO" in found
    assert "Bắc Kạn, ngày tháng năm 2025" in found  # month not decided yet
    assert any(t.startswith("Căn cứ [CẦN BỔ SUNG: mã kế hoạch thi đua, khen thưởng năm 2025") for t in found)
    period_one = next(t for t in found if t.startswith("Lập thành tích chào mừng kỷ niệm 95 năm"))
    assert (
        "(03/02/1930 - 03/02/2025)" in period_one and "135 năm Ngày sinh Chủ tịch Hồ Chí Minh" in period_one
    )
    assert found[-1] == "CHÁNH VĂN PHÒNG"  # no name until the signer is decided


def test_the_complete_2024_plan_can_also_be_printed_as_a_draft(project):
    found = extract.texts(Document(io.BytesIO(render_plan(project, 2024, draft=True))))
    assert "DỰ THẢO" in found and found[-1] == "Vũ Đức Chính"


def test_it_never_overwrites(project):
    roll_over(project.root, 2025)
    before = (project.root / NEW).read_bytes()
    with pytest.raises(RolloverRefused, match="content/2025/ đã có; không ghi đè"):
        roll_over(project.root, 2025)
    assert (project.root / NEW).read_bytes() == before


def test_nothing_to_start_from(project):
    with pytest.raises(RolloverRefused, match="không có năm nào trước 2020"):
        roll_over(project.root, 2020)
    assert not (project.root / "content/2020").exists()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 6, 20), dt.date(2025, 6, 20)),  # a Friday stays
        (dt.date(2026, 6, 20), dt.date(2026, 6, 19)),  # Saturday → Friday
        (dt.date(2025, 12, 14), dt.date(2025, 12, 12)),  # Sunday → Friday
        (dt.date(2025, 5, 2), dt.date(2025, 4, 29)),  # 02/5, 01/5, 30/4 holidays → Tuesday 29/4
        (dt.date(2025, 9, 2), dt.date(2025, 8, 29)),  # 02/9, 01/9 holidays, then a weekend
    ],
)
def test_previous_working_day_skips_weekends_and_listed_holidays(day, expected):
    assert previous_working_day(day, HOLIDAYS_2025) == expected


def test_deadlines_on_a_weekend_or_holiday_move_to_the_previous_working_day(project):
    # rolled straight from 2024 to 2026: 20/6/2026 is a Saturday; 10/12/2024 → 10/12/2026, a Thursday
    edit(project.root / "content/2024/ke-hoach.yaml", "deadline: 10/12/2024", "deadline: 02/09/2024")
    result = roll_over(project.root, 2026)
    text = (project.root / "content/2026/ke-hoach.yaml").read_text(encoding="utf-8")
    assert "deadline: 19/6/2026" in text
    assert "deadline: 31/8/2026" in text  # 02/9 and 01/9 are holidays, 31/8/2026 is a Monday
    assert result.moved == [
        "periods[0].deadline: hạn nộp hồ sơ đợt 1 20/6/2026 (Thứ Bảy) dời về 19/6/2026 (Thứ Sáu)",
        "periods[1].deadline: hạn nộp hồ sơ đợt 2 02/9/2026 (Thứ Tư) dời về 31/8/2026 (Thứ Hai)",
    ]


def test_a_29_february_date_rolls_to_28_february(project):
    edit(project.root / "content/2024/ke-hoach.yaml", "deadline: 20/06/2024", "deadline: 29/02/2024")
    edit(
        project.root / "content/shared/ngay-ky-niem.yaml",
        "anniversaries:\n",
        "anniversaries:\n  - id: ngay-nhuan\n    name: Ngày thử nghiệm\n    origin: 29/02/1960\n",
    )
    result = roll_over(project.root, 2025)
    text = (project.root / NEW).read_text(encoding="utf-8")
    assert "deadline: 28/02/2025" in text or "deadline: 28/02/2025" in text.replace("28/2/", "28/02/")
    assert (
        "[ky-niem:ngay-nhuan]  65 năm Ngày thử nghiệm (29/02/1960 - 28/02/2025)" in result.round_anniversaries
    )


def complete_2025(project, month: int) -> None:
    """Fill the marks as the clerk would, for a plan issued in `month` of 2025."""
    catalog = project.root / "content/shared/van-ban.yaml"
    catalog.write_text(
        catalog.read_text(encoding="utf-8")
        + '\n  - id: kh-2025-ubnd\n    type: Kế hoạch\n    number: "09"\n    symbol: KH-UBND\n'
        "    date: 14/01/2025\n    issuer: UBND tỉnh\n    subject: công tác thi đua khen thưởng năm 2025\n",
        encoding="utf-8",
    )
    new = project.root / NEW
    lines = new.read_text(encoding="utf-8").splitlines(keepends=True)
    replaced = {
        "  month:": f"  month: {month}\n",
        "  signer:": "  signer: vu-duc-chinh\n",
        "basis:": "basis: kh-2025-ubnd\n",
    }
    new.write_text(
        "".join(next((v for k, v in replaced.items() if line.startswith(k)), line) for line in lines),
        encoding="utf-8",
    )


def test_a_plan_issued_in_june_2025_is_the_bac_kan_offices_and_cites_decree_98(project):
    roll_over(project.root, 2025)
    complete_2025(project, 6)
    found = extract.texts(Document(io.BytesIO(render_plan(project, 2025))))
    assert found[:2] == ["UBND TỈNH BẮC KẠN", "VĂN PHÒNG"]
    assert "Bắc Kạn, ngày tháng 6 năm 2025" in found
    assert any("Nghị định số 98/2023/NĐ-CP" in t for t in found)
    assert "DỰ THẢO" not in found


def test_a_plan_dated_from_1_july_2025_takes_the_new_issuer_and_refuses_old_citations(project):
    roll_over(project.root, 2025)
    complete_2025(project, 7)
    with pytest.raises(ContentError) as caught:
        load_plan(project.root, 2025)
    messages = [p.message for p in caught.value.problems]
    assert (
        "văn bản “nd-98-2023” không có hiệu lực vào ngày 01/7/2025 (hết hiệu lực từ 01/7/2025; "
        "thay bằng “nd-152-2025” (Nghị định số 152/2025/NĐ-CP))"
    ) in messages
    assert (
        "văn bản “qd-39-2023-ubnd” không có hiệu lực vào ngày 01/7/2025 (hết hiệu lực từ 01/7/2025; "
        "văn bản thay thế chưa có trong danh mục (CẦN BỔ SUNG: quy định về thi đua, khen thưởng của "
        "UBND tỉnh Thái Nguyên (số, ngày chưa rõ)))"
    ) in messages
    assert (
        "không có người ký “vu-duc-chinh”: Văn phòng UBND tỉnh (UBND TỈNH THÁI NGUYÊN) chưa có người ký nào; "
        "bổ sung người ký (signers) của cơ quan này trong content/shared/co-quan.yaml:61"
    ) in messages

    edit(project.root / NEW, "[van-ban:nd-98-2023]; [van-ban:qd-39-2023-ubnd]", "[van-ban:nd-152-2025]")
    edit(
        project.root / "content/shared/co-quan.yaml",
        "    signers: []",
        "    signers:\n      - {id: nguoi-ky-moi, name: Nguyễn Văn Mới, title: Chánh Văn phòng, valid_from: 01/07/2025}",
    )
    edit(project.root / NEW, "signer: vu-duc-chinh", "signer: nguoi-ky-moi")
    found = extract.texts(Document(io.BytesIO(render_plan(project, 2025))))
    assert found[:2] == ["UBND TỈNH THÁI NGUYÊN", "VĂN PHÒNG"]
    assert "Thái Nguyên, ngày tháng 7 năm 2025" in found
    assert any("Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ" in t for t in found)
    assert found[-1] == "Nguyễn Văn Mới"


def test_the_same_templates_render_two_years(project):
    before = tree_digest(project.templates)
    roll_over(project.root, 2025)
    this_year = extract.texts(Document(io.BytesIO(render_plan(project, 2024))))
    next_year = extract.texts(Document(io.BytesIO(render_plan(project, 2025, draft=True))))
    assert "Công tác thi đua khen thưởng năm 2024" in this_year[6]
    assert "Công tác thi đua khen thưởng năm 2025" in next_year[7]
    assert tree_digest(project.templates) == before


def test_draft_2025_plan_snapshot(data_regression, tmp_path):
    import shutil

    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=as_of_2024)
    project = Project(tmp_path)
    roll_over(project.root, 2025)
    blocks = [
        b.as_dict() for b in extract.blocks(Document(io.BytesIO(render_plan(project, 2025, draft=True))))
    ]
    data_regression.check({"paragraphs": [b for b in blocks if b["text"].strip()]})

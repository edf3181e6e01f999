"""One broken copy of the real content per rule; each asserts the whole message and its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.content.project import Project
from pipeline.documents.plan.rules import load_plan
from pipeline.errors import ContentError

from .conftest import edit

PLAN = "content/2024/ke-hoach.yaml"
ANNIVERSARIES = "content/shared/ngay-ky-niem.yaml"
DEPARTMENTS = "có: HCTC-QTTV, KT, LĐVP, NCKSTTHC, TH, TTPVHCC, VHXH"


def line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    assert content.count(text) == 1, text
    return content[: content.index(text)].count("\n") + 1


def problems(project: Project) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_plan(project.root, 2024)
    return [str(p) for p in caught.value.problems]


# (case, file, old text, new text, text on the expected line, field, message)
CASES = [
    (
        "broken-yaml",
        PLAN,
        "subject: Công tác",
        "subject: Kế hoạch: Công tác",
        "subject: Kế hoạch",
        "",
        "YAML không hợp lệ: dấu hai chấm đặt sai chỗ (câu có “: ” thì đặt cả dòng trong dấu nháy đơn '...')",
    ),
    (
        "missing-field",
        PLAN,
        "    deadline: 20/06/2024\n",
        "",
        "  - start: 01/01/2024",
        "periods[0].deadline",
        "thiếu trường bắt buộc",
    ),
    (
        "unknown-field",
        PLAN,
        "    dossiers_to: HCTC-QTTV\n  - start",
        "    dossiers_to: HCTC-QTTV\n    dealine: 20/06/2024\n  - start",
        "dealine:",
        "periods[0].dealine",
        "trường không có trong mẫu nội dung (các trường: start, end, celebrate, review, deadline, dossiers_to, note)",
    ),
    (
        "mistyped-field",
        PLAN,
        "  month: 3",
        "  month: tháng ba",
        "  month: tháng ba",
        "document.month",
        "phải là một số nguyên, không phải “tháng ba”",
    ),
    (
        "list-expected",
        PLAN,
        "    to:\n      - Sở Nội vụ\n      - LĐVP\n      - Các phòng, ban, đơn vị trực thuộc",
        "    to: Sở Nội vụ",
        "    to: Sở Nội vụ",
        "recipients[0].to",
        "phải là một danh sách (các dòng bắt đầu bằng “- ”), không phải một dòng chữ",
    ),
    (
        "date-does-not-exist",
        PLAN,
        "end: 30/06/2024",
        "end: 30/02/2024",
        "end: 30/02/2024",
        "periods[0].end",
        "ngày 30/02/2024 không tồn tại",
    ),
    (
        "not-a-date",
        PLAN,
        "deadline: 20/06/2024",
        "deadline: 20 tháng 6",
        "deadline: 20 tháng 6",
        "periods[0].deadline",
        "“20 tháng 6” không phải ngày (viết dạng ngày/tháng/năm, ví dụ 15/01/2024)",
    ),
    (
        "period-ends-before-it-starts",
        PLAN,
        "end: 31/12/2024",
        "end: 30/11/2023",
        "end: 30/11/2023",
        "periods[1].end",
        "đợt kết thúc ngày 30/11/2023, trước ngày bắt đầu 01/7/2024",
    ),
    (
        "periods-overlap",
        PLAN,
        "start: 01/07/2024",
        "start: 15/06/2024",
        "start: 15/06/2024",
        "periods[1].start",
        "đợt bắt đầu ngày 15/6/2024, trùng với đợt trước (kết thúc ngày 30/6/2024)",
    ),
    (
        "period-outside-the-year",
        PLAN,
        "end: 31/12/2024",
        "end: 31/01/2025",
        "end: 31/01/2025",
        "periods[1].end",
        "ngày 31/01/2025 nằm ngoài năm 2024 của kế hoạch",
    ),
    (
        "deadline-after-period-end",
        PLAN,
        "deadline: 20/06/2024",
        "deadline: 05/07/2024",
        "deadline: 05/07/2024",
        "periods[0].deadline",
        "hạn nộp hồ sơ 05/7/2024 sau ngày kết thúc đợt 30/6/2024",
    ),
    (
        "anniversary-outside-its-period",
        PLAN,
        "kỷ niệm [ky-niem:loi-keu-goi-thi-dua-ai-quoc].",
        "kỷ niệm [ky-niem:loi-keu-goi-thi-dua-ai-quoc]; [ky-niem:nha-giao-viet-nam].",
        "celebrate: Lập thành tích chào mừng kỷ niệm [ky-niem:thanh-lap-dang]",
        "periods[0].celebrate",
        "ngày kỷ niệm 20/11/2024 (Ngày Nhà giáo Việt Nam) nằm ngoài đợt 01/01/2024 - 30/6/2024",
    ),
    (
        "unknown-legal-document",
        PLAN,
        "basis: kh-18-2024-ubnd",
        "basis: kh-81-2024-ubnd",
        "basis: kh-81",
        "basis",
        "không có văn bản “kh-81-2024-ubnd” trong danh mục văn bản",
    ),
    (
        "legal-document-not-in-force",
        PLAN,
        "[van-ban:nd-98-2023]",
        "[van-ban:nd-152-2025]",
        "      - Chú trọng tuyên truyền",
        "tasks[1].items[1]",
        "văn bản “nd-152-2025” không có hiệu lực vào ngày 01/3/2024 (có hiệu lực từ 01/7/2025)",
    ),
    (
        "unknown-movement",
        PLAN,
        "[phong-trao:chuyen-doi-so]",
        "[phong-trao:chuyen-doi-so-2024]",
        "      - Tiếp tục hưởng ứng",
        "tasks[0].paragraphs[1]",
        "không có phong trào “chuyen-doi-so-2024” trong danh mục phong trào thi đua",
    ),
    (
        "unknown-anniversary",
        PLAN,
        "[ky-niem:dien-bien-phu]",
        "[ky-niem:dien-bien]",
        "      - Tổ chức các phong trào thi đua thiết thực",
        "tasks[0].paragraphs[2]",
        "không có ngày kỷ niệm “dien-bien” trong lịch ngày kỷ niệm",
    ),
    (
        "unknown-reference-kind",
        PLAN,
        "[ky-niem:dien-bien-phu]",
        "[ky-nięm:dien-bien-phu]",
        "      - Tổ chức các phong trào thi đua thiết thực",
        "tasks[0].paragraphs[2]",
        "không hiểu tham chiếu “[ky-nięm:dien-bien-phu]” (dùng [ky-niem:...], [phong-trao:...], [van-ban:...], [so-dot])",
    ),
    (
        "unknown-department",
        PLAN,
        "drafted_by: HCTC-QTTV",
        "drafted_by: TCHC",
        "drafted_by: TCHC",
        "document.drafted_by",
        f"không có phòng “TCHC” trong danh sách phòng, ban ({DEPARTMENTS})",
    ),
    (
        "unknown-signer",
        PLAN,
        "signer: vu-duc-chinh",
        "signer: nguyen-van-a",
        "signer: nguyen-van-a",
        "document.signer",
        "không có người ký “nguyen-van-a” của Văn phòng UBND tỉnh (UBND TỈNH BẮC KẠN) (có: vu-duc-chinh); danh sách người ký ở content/shared/co-quan.yaml:33",
    ),
    (
        "duplicate-key",
        PLAN,
        "  month: 3\n",
        "  month: 3\n  month: 4\n",
        "  month: 4",
        "document.month",
        "khóa bị khai báo hai lần",
    ),
    (
        "invalid-authority",
        PLAN,
        'authority: ""',
        "authority: KT",
        "authority: KT",
        "document.authority",
        "giá trị “KT” không hợp lệ; chọn một trong: “”, “KT.”, “TL.”, “TM.”, “Q.”, “TUQ.”",
    ),
    (
        "catalog-date-does-not-exist",
        ANNIVERSARIES,
        "origin: 03/02/1930",
        "origin: 31/02/1930",
        "origin: 31/02/1930",
        "anniversaries[0].origin",
        "ngày 31/02/1930 không tồn tại",
    ),
]


@pytest.mark.parametrize(
    ("case", "file", "old", "new", "anchor", "field", "message"), CASES, ids=[c[0] for c in CASES]
)
def test_each_rule_reports_file_line_field_and_message(project, case, file, old, new, anchor, field, message):
    path = project.root / file
    edit(path, old, new)
    place = f"{file}:{line_of(path, anchor)}"
    expected = f"{place}: {field}: {message}" if field else f"{place}: {message}"
    assert problems(project) == [expected]


def test_structure_problems_are_reported_together_across_files(project):
    edit(project.root / PLAN, "end: 30/06/2024", "end: 30/02/2024")
    edit(project.root / PLAN, "  month: 3", "  month: ba")
    edit(project.root / ANNIVERSARIES, "origin: 03/02/1930", "origin: 31/02/1930")
    found = problems(project)
    assert [p.split(":")[0] for p in found] == [PLAN, PLAN, ANNIVERSARIES]
    assert "document.month: phải là một số nguyên" in found[0]
    assert "periods[0].end: ngày 30/02/2024 không tồn tại" in found[1]


def test_rule_problems_are_reported_together(project):
    """Once the structure is sound, every rule runs and all its problems come at once."""
    edit(project.root / PLAN, "signer: vu-duc-chinh", "signer: ai-do")
    edit(project.root / PLAN, "deadline: 20/06/2024", "deadline: 05/07/2024")
    edit(project.root / PLAN, "basis: kh-18-2024-ubnd", "basis: kh-81")
    found = problems(project)
    assert len(found) == 3
    assert [p.split(": ")[1] for p in found] == ["document.signer", "basis", "periods[0].deadline"]


def test_a_year_without_content_names_the_folder_it_expected(project):
    with pytest.raises(ContentError) as caught:
        load_plan(project.root, 2031)
    assert [str(p) for p in caught.value.problems] == [
        "content/2031/: chưa có nội dung cho năm 2031: không có thư mục này"
    ]


def test_the_real_content_is_valid(project):
    plan = load_plan(project.root, 2024)
    assert plan.year == 2024 and len(plan.content.periods) == 2
    assert plan.signer.name == "Vũ Đức Chính"

"""Documents of other offices and campaigns, built from content alone (tests/data/projects/)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from pipeline.documents.registry import render_decision, render_plan_warned, render_report
from pipeline.errors import ContentError
from pipeline.word import nd30 as check
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
    assert any(
        "đề nghị khen thưởng đợt II về Ban Chấp hành Công đoàn chậm nhất ngày 20/8/2024" in t for t in text
    )
    assert any(
        t.startswith("Căn cứ Kế hoạch số 18/KH-UBND") and "xây dựng Công văn thực hiện" in t for t in text
    )
    assert (
        "Trên đây là Công văn phát động phong trào thi đua năm 2024 trong đoàn viên công đoàn "
        "của Công đoàn Văn phòng UBND tỉnh./." in text
    )
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


# ---- (b) a school year, 05/9/2021 - 31/5/2022, under a three-level header -------------------------

SCHOOL_PLAN = "content/2021/ke-hoach.yaml"


def test_school_year_campaign_crossing_the_year(tmp_path):
    project = other_project("truong-nam-hoc", tmp_path)
    data, warnings = render_plan_warned(project, 2021)
    found = _blocks(data)
    text = _texts(found)
    assert _header(found) == [
        ("LĐLĐ TỈNH BẮC KẠN", False),
        ("LĐLĐ HUYỆN CHỢ MỚI", False),
        ("CĐCS TRƯỜNG THCS YÊN ĐĨNH", True),
    ]
    assert "Số: 12/KH-CĐ" in text
    assert "Chợ Mới, ngày 15 tháng 10 năm 2021" in text
    assert "1. Đợt 1: Từ 05/9/2021 đến 15/01/2022" in text
    assert "2. Đợt 2: Từ 16/01/2022 đến 31/5/2022" in text
    # each anniversary counted in the year it falls within its period
    assert (
        "Lập thành tích chào mừng kỷ niệm 67 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2021); "
        "kỷ niệm 39 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2021)." in text
    )
    assert any(
        t.startswith("Lập thành tích chào mừng kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản") for t in text
    )
    assert any("(03/02/1930 - 03/02/2022)" in t for t in text)
    assert [str(w) for w in warnings] == [
        f"{SCHOOL_PLAN}:23: periods[0].start: đợt bắt đầu ngày 05/9/2021, trước ngày ban hành kế hoạch 15/10/2021",
        f"{SCHOOL_PLAN}:25: periods[0].celebrate: chào mừng ngày kỷ niệm 10/10/2021 (Ngày Giải phóng Thủ đô) "
        "đã qua vào ngày ban hành kế hoạch 15/10/2021",
    ]


def test_gap_between_periods_is_warned(tmp_path):
    project = other_project("truong-nam-hoc", tmp_path)
    plan = project.root / SCHOOL_PLAN
    line = edit(plan, "  - start: 16/01/2022", "  - start: 20/01/2022")
    _data, warnings = render_plan_warned(project, 2021)
    assert (
        f"{SCHOOL_PLAN}:{line}: periods[1].start: đợt bắt đầu ngày 20/01/2022, không liền sau đợt trước "
        "(kết thúc ngày 15/01/2022): khoảng giữa hai đợt không thuộc đợt nào"
    ) in [str(w) for w in warnings]


def test_typed_anniversary_count_that_disagrees_is_an_error(tmp_path):
    project = other_project("truong-nam-hoc", tmp_path)
    plan = project.root / SCHOOL_PLAN
    line = edit(
        plan,
        "      - Mỗi giáo viên",
        "      - Chào mừng 90 năm Ngày thành lập Đảng Cộng sản Việt Nam.\n      - Mỗi giáo viên",
    )
    with pytest.raises(ContentError) as caught:
        render_plan_warned(project, 2021)
    assert [str(p) for p in caught.value.problems] == [
        f"{SCHOOL_PLAN}:{line}: tasks[0].paragraphs[0]: “90 năm Ngày thành lập Đảng Cộng sản Việt Nam” "
        "gõ tay sai số năm: theo lịch là 92 năm (03/02/1930 - 03/02/2022); viết [ky-niem:thanh-lap-dang]"
    ]


def test_typed_anniversary_count_that_agrees_suggests_the_reference(tmp_path):
    project = other_project("truong-nam-hoc", tmp_path)
    plan = project.root / SCHOOL_PLAN
    line = edit(
        plan,
        "      - Mỗi giáo viên",
        "      - Chào mừng 92 năm ngày thành lập Đảng Cộng sản Việt Nam.\n      - Mỗi giáo viên",
    )
    _data, warnings = render_plan_warned(project, 2021)
    assert (
        f"{SCHOOL_PLAN}:{line}: tasks[0].paragraphs[0]: “92 năm ngày thành lập Đảng Cộng sản Việt Nam” gõ tay, "
        "đúng với lịch; nên viết [ky-niem:thanh-lap-dang] để số năm và ngày được tính tự động"
    ) in [str(w) for w in warnings]


def test_a_period_crossing_the_year_without_a_span_is_one_error(tmp_path):
    """Without `span` the campaign is the calendar year: the crossing period is refused once, and
    nothing that depends on its dates (deadline, anniversaries, the next period) adds errors."""
    project = other_project("truong-nam-hoc", tmp_path)
    plan = project.root / SCHOOL_PLAN
    edit(plan, "span:\n  start: 05/09/2021\n  end: 31/05/2022\n  label: năm học 2021 - 2022\n", "")
    with pytest.raises(ContentError) as caught:
        render_plan_warned(project, 2021)
    assert [str(p) for p in caught.value.problems] == [
        f"{SCHOOL_PLAN}:20: periods[0].end: ngày 15/01/2022 nằm ngoài năm 2021 của kế hoạch",
        f"{SCHOOL_PLAN}:27: periods[1].start: ngày 16/01/2022 nằm ngoài năm 2021 của kế hoạch",
        f"{SCHOOL_PLAN}:28: periods[1].end: ngày 31/5/2022 nằm ngoài năm 2021 của kế hoạch",
    ]


# ---- (c) a decision of the provincial Chairman for units outside the issuer ----------------------


def test_chairmans_decision_with_bang_khen_for_outside_units(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    data, warnings = render_decision(project, 2024, 1)
    found = _blocks(data)
    text = _texts(found)
    # the only warning: the project has no award register, so the (unconfirmed) eligibility rule of
    # the Chairman's Bằng khen cannot see the years before (documents/eligibility.py)
    assert [(w.field, "chưa được xác nhận" in w.message) for w in warnings] == [("awards[2].form", True)]
    assert warnings[0].message.startswith("Hà Thị Mai: “Bằng khen của Chủ tịch UBND tỉnh”")
    # a body without a governing body: one block, its first line bold
    assert _header(found) == [("ỦY BAN NHÂN DÂN", True), ("TỈNH BẮC KẠN", True)]
    assert "Số: 2150/QĐ-UBND" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" in text
    # the recipients are not the issuer's own: no "thuộc Ủy ban nhân dân tỉnh Bắc Kạn"
    assert (
        "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể và 01 cá nhân đã có thành tích "
        "xuất sắc trong phong trào thi đua chuyên đề cải cách hành chính năm 2024 (có danh sách kèm theo)."
    ) in text
    assert (
        "- Bằng khen của Chủ tịch UBND tỉnh, tập thể: 3,0 × 2.340.000 đồng = 7.020.000 đồng; "
        "02 tập thể, cộng 14.040.000 đồng."
    ) in text
    assert (
        "- Bằng khen của Chủ tịch UBND tỉnh, cá nhân: 1,5 × 2.340.000 đồng = 3.510.000 đồng; "
        "01 cá nhân, cộng 3.510.000 đồng."
    ) in text
    assert (
        "Tổng số tiền thưởng: 17.550.000 đồng (Bằng chữ: Mười bảy triệu năm trăm năm mươi nghìn đồng)."
        in text
    )
    assert "Hà Thị Mai" in text and "Chuyên viên, Sở Tài chính" in text
    assert "(Kèm theo Quyết định số 2150/QĐ-UBND ngày 10 tháng 12 năm 2024 của Chủ tịch UBND tỉnh)" in text
    assert "CHỦ TỊCH" in text and "Nguyễn Đăng Bình" in text
    assert check.check(Document(io.BytesIO(data))) == []


def test_thuoc_the_issuer_only_when_every_recipient_is_its_own(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    decision = project.root / "content/2024/quyet-dinh-dot-1.yaml"
    edit(decision, "  - name: UBND huyện Chợ Mới\n", "  - name: Sở Nội vụ\n")
    edit(decision, "    unit: Sở Tài chính\n    position: Sở Tài chính\n", "    unit: Sở Nội vụ\n")
    edit(
        decision,
        "    position: Chuyên viên\n    unit: Sở Tài chính\n",
        "    position: Chuyên viên\n    unit: VP\n",
    )
    data, _warnings = render_decision(project, 2024, 1)
    assert (
        "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể và 01 cá nhân thuộc Ủy ban nhân dân "
        "tỉnh Bắc Kạn đã có thành tích xuất sắc trong phong trào thi đua chuyên đề cải cách hành chính "
        "năm 2024 (có danh sách kèm theo)."
    ) in _texts(_blocks(data))


def test_a_unit_neither_own_nor_declared_outside_is_refused(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    decision = project.root / "content/2024/quyet-dinh-dot-1.yaml"
    line = edit(decision, "  - name: UBND huyện Chợ Mới\n", "  - name: UBND huyện Na Rì\n")
    with pytest.raises(ContentError) as caught:
        render_decision(project, 2024, 1)
    assert [str(p) for p in caught.value.problems] == [
        f"content/2024/quyet-dinh-dot-1.yaml:{line}: awards[0].name: “UBND huyện Na Rì” không có trong "
        "danh sách phòng, đơn vị của cơ quan"
    ]


# ---- (d) a report of a one-period plan ---------------------------------------------------------


def test_report_of_a_one_period_plan_has_no_second_period(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    data, valid = render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    text = _texts(_blocks(data))
    assert valid.warnings == []
    assert "Số: 230/BC-UBND" in text
    assert not any("ĐỢT 2" in t or "đợt 2" in t for t in text)
    assert "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025" in text
    assert (
        "Trong đợt 1 năm 2024, UBND tỉnh đã ban hành 01 quyết định khen thưởng "
        "(Quyết định số 2150/QĐ-UBND ngày 10/12/2024), cụ thể:"
    ) in text
    assert "- Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể và 01 cá nhân." in text
    assert "Tổng số tiền thưởng: 17.550.000 đồng." in text
    assert check.check(Document(io.BytesIO(data))) == []


# ---- several issuers side by side ------------------------------------------------------------------

SECOND_ISSUER = """
  - id: so-noi-vu-bac-kan
    valid_from: 01/01/2020
    parent: UBND TỈNH BẮC KẠN
    name: SỞ NỘI VỤ
    full_name: Sở Nội vụ tỉnh Bắc Kạn
    common_name: Sở Nội vụ
    short_name: Sở
    head_title: Giám đốc
    head_full_title: Giám đốc Sở Nội vụ tỉnh Bắc Kạn
    head_common_title: Giám đốc Sở Nội vụ
    confers_as: thu-truong-co-quan
    place: Bắc Kạn
    symbol: SNV
    departments:
      - code: VP
        name: Văn phòng Sở
    signers:
      - id: giam-doc
        name: Lý Văn Hòa
        title: Giám đốc
        valid_from: 01/01/2020
"""


def test_several_issuers_in_force_need_the_document_to_name_one(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    issuers = project.root / "content/shared/co-quan.yaml"
    issuers.write_text(issuers.read_text(encoding="utf-8") + SECOND_ISSUER, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        render_plan_warned(project, 2024)
    assert [str(p) for p in caught.value.problems] == [
        "content/2024/ke-hoach.yaml:4: document.date: có nhiều cơ quan ban hành có hiệu lực vào ngày "
        "15/01/2024: ubnd-tinh-bac-kan (ỦY BAN NHÂN DÂN - TỈNH BẮC KẠN), so-noi-vu-bac-kan (UBND TỈNH BẮC KẠN - "
        "SỞ NỘI VỤ) (danh sách ở content/shared/co-quan.yaml); ghi cơ quan của văn bản này ở document.issuer"
    ]
    plan = project.root / "content/2024/ke-hoach.yaml"
    edit(plan, "  drafted_by: SNV\n", "  drafted_by: SNV\n  issuer: ubnd-tinh-bac-kan\n")
    data, _warnings = render_plan_warned(project, 2024)
    assert "Số: 18/KH-UBND" in _texts(_blocks(data))
    edit(plan, "  issuer: ubnd-tinh-bac-kan\n", "  issuer: so-noi-vu\n")
    with pytest.raises(ContentError) as caught:
        render_plan_warned(project, 2024)
    assert [str(p) for p in caught.value.problems] == [
        "content/2024/ke-hoach.yaml:7: document.issuer: không có cơ quan ban hành “so-noi-vu” "
        "(có: so-noi-vu-bac-kan, ubnd-tinh-bac-kan)"
    ]


def test_other_shapes_conform_to_decree_30(tmp_path):
    for name, year in (("cong-doan-cv", 2024), ("truong-nam-hoc", 2021)):
        data, _warnings = render_plan_warned(other_project(name, tmp_path / name), year)
        assert check.check(Document(io.BytesIO(data))) == [], name


def test_a_cong_van_without_its_excerpt_deviates(tmp_path):
    data, _warnings = render_plan_warned(other_project("cong-doan-cv", tmp_path), 2024)
    document = Document(io.BytesIO(data))
    cell = document.tables[0].rows[1].cells[0]
    excerpt = next(p for p in cell.paragraphs if p.text.startswith("V/v"))
    excerpt._p.getparent().remove(excerpt._p)
    assert [str(d) for d in check.check(document)] == [
        "Trích yếu công văn: thấy không có; quy định: “V/v <nội dung>” dưới số, ký hiệu, cỡ 12-13, đứng"
    ]


def test_a_bold_parent_in_a_three_level_header_deviates(tmp_path):
    data, _warnings = render_plan_warned(other_project("truong-nam-hoc", tmp_path), 2021)
    document = Document(io.BytesIO(data))
    parent = document.tables[0].rows[0].cells[0].paragraphs[1]
    assert parent.text == "LĐLĐ HUYỆN CHỢ MỚI"
    for run in parent.runs:
        run.font.bold = True
    assert [str(d) for d in check.check(document)] == [
        "Tên cơ quan chủ quản: thấy “LĐLĐ HUYỆN CHỢ MỚI” in đậm; quy định: chữ in hoa, cỡ 12-13, không đậm"
    ]


RECORDED = """
recorded_awards:
  - name: Sở Nội vụ
    form: Cờ thi đua của Chính phủ
    recipient: tập thể
    conferred_by: Chủ tịch UBND tỉnh (khen thưởng đột xuất)
    decision: Quyết định số 1234/QĐ-UBND ngày 05/6/2024
    date: 05/06/2024
  - name: Lê Văn Nam
    form: bang-khen-chu-tich-ubnd-tinh
    conferred_by: Chủ tịch UBND tỉnh (năm trước)
    decision: Quyết định số 99/QĐ-UBND ngày 10/01/2024
    date: 10/01/2024
"""


def test_award_records_from_elsewhere_count_in_the_report(tmp_path):
    """Awards this issuer did not decide are counted when they fall within the report's span."""
    project = other_project("ubnd-tinh", tmp_path)
    report = project.root / "content/2024/bao-cao-dot-1.yaml"
    report.write_text(report.read_text(encoding="utf-8") + RECORDED, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    forms = caught.value.problems[0].message
    assert caught.value.problems[0].field == "recorded_awards[0].form"
    assert forms.startswith("“Cờ thi đua của Chính phủ” không có trong danh mục danh hiệu, hình thức")
    edit(
        report,
        "    form: Cờ thi đua của Chính phủ\n",
        "    form: Bằng khen của Chủ tịch UBND tỉnh\n    amount: 7020000\n",
    )
    with pytest.raises(ContentError) as caught:
        render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    assert [p.field for p in caught.value.problems] == ["recorded_awards[1].recipient"]
    edit(
        report,
        "    form: bang-khen-chu-tich-ubnd-tinh\n",
        "    form: bang-khen-chu-tich-ubnd-tinh\n    recipient: cá nhân\n",
    )
    data, _valid = render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    text = _texts(_blocks(data))
    # 10/01/2024 is before the period (15/01/2024): not counted
    assert (
        "- Tặng Bằng khen của Chủ tịch UBND tỉnh cho 03 tập thể và 01 cá nhân (trong đó khen thưởng của "
        "Chủ tịch UBND tỉnh (khen thưởng đột xuất): Quyết định số 1234/QĐ-UBND ngày 05/6/2024)."
    ) in text
    assert "Tổng số tiền thưởng: 24.570.000 đồng." in text


def test_a_titled_kind_from_content_prints_its_type_name(tmp_path):
    project = other_project("cong-doan-cv", tmp_path)
    plan = project.root / "content/2024/ke-hoach.yaml"
    edit(plan, "  name: Công văn\n  symbol: CV\n  titled: false\n", "  name: Hướng dẫn\n  symbol: HD\n")
    data, _warnings = render_plan_warned(project, 2024)
    found = _blocks(data)
    title = next(b for b in found if b.text.startswith("HƯỚNG DẪN"))
    assert title.text == "HƯỚNG DẪN\nPhát động phong trào thi đua năm 2024 trong đoàn viên công đoàn"
    assert title.bold
    text = _texts(found)
    assert "Số: 08/HD-CĐVP" in text
    assert not any(t.startswith("V/v") for t in text)
    assert check.check(Document(io.BytesIO(data))) == []


@pytest.mark.parametrize(("month", "shown"), [("10", "tháng 10 năm 2021"), ("3", "tháng 3 năm 2022")])
def test_a_month_without_its_day_falls_in_the_school_year(tmp_path, month, shown):
    """In a span 05/9/2021 - 31/5/2022 a month up to 5 is in 2022, the others in 2021."""
    project = other_project("truong-nam-hoc", tmp_path)
    plan = project.root / SCHOOL_PLAN
    edit(plan, "  number: 12\n  date: 15/10/2021\n", f"  month: {month}\n")
    data, _warnings = render_plan_warned(project, 2021)
    assert f"Chợ Mới, ngày      {shown}" in _texts(_blocks(data))


def test_typed_figures_in_a_report_are_checked_when_marked(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    report = project.root / "content/2024/bao-cao-dot-1.yaml"
    line = edit(
        report,
        "  - Việc xét khen thưởng bảo đảm công khai, đúng quy định.\n",
        "  - Đã khen [so-lieu:bang-khen-chu-tich-ubnd-tinh.tap-the=03] tập thể và [so-lieu:ca-nhan=01] cá nhân;\n"
        "    10 đơn vị đạt = [ti-le:10/40=20%], 12 đơn vị khác (số liệu tự ghi, không kiểm tra).\n",
    )
    with pytest.raises(ContentError) as caught:
        render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    assert [str(p) for p in caught.value.problems] == [
        f"content/2024/bao-cao-dot-1.yaml:{line}: commendation[0]: “[so-lieu:bang-khen-chu-tich-ubnd-tinh.tap-the=03]”: "
        "gõ 03 nhưng theo các quyết định là 02",
        f"content/2024/bao-cao-dot-1.yaml:{line}: commendation[0]: “[ti-le:10/40=20%]”: 10/40 = 25%, không phải 20%",
    ]
    edit(report, "tap-the=03]", "tap-the=02]")
    edit(report, "[ti-le:10/40=20%]", "[ti-le:10/40=25%]")
    data, _valid = render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    assert (
        "Đã khen 02 tập thể và 01 cá nhân; 10 đơn vị đạt = 25%, 12 đơn vị khác (số liệu tự ghi, không kiểm tra)."
    ) in _texts(_blocks(data))


def test_figures_are_refused_outside_reports(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    plan = project.root / "content/2024/ke-hoach.yaml"
    line = edit(plan, "  - Thi đua thiết thực", "  - Thi đua [so-lieu:ca-nhan=01] thiết thực")
    with pytest.raises(ContentError) as caught:
        render_plan_warned(project, 2024)
    assert [str(p) for p in caught.value.problems] == [
        f"content/2024/ke-hoach.yaml:{line}: requirements[0]: tham chiếu [so-lieu:...] chỉ dùng trong báo cáo"
    ]


def test_a_report_writes_the_period_as_the_plan_numbers_it(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    edit(project.root / "content/2024/ke-hoach.yaml", "subject: Thi đua", "numbering: I\nsubject: Thi đua")
    data, _valid = render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    text = _texts(_blocks(data))
    assert any(
        "báo cáo sơ kết công tác thi đua, khen thưởng đợt I năm 2024 (từ 15/01/2024" in t for t in text
    )
    assert (
        "Hồ sơ đề nghị khen thưởng đợt I được gửi về phòng SNV ngày 28/11/2024, đúng thời hạn (30/11/2024)."
        in text
    )


def test_a_kind_without_number_prints_no_number_line(tmp_path):
    project = other_project("cong-doan-cv", tmp_path)
    plan = project.root / "content/2024/ke-hoach.yaml"
    edit(plan, "  number: 8\n", "")
    edit(plan, "  titled: false\n", "  titled: false\n  numbered: false\n")
    data, _warnings = render_plan_warned(project, 2024)
    text = _texts(_blocks(data))
    assert not any(t.startswith("Số") for t in text)
    assert "V/v phát động phong trào thi đua năm 2024 trong đoàn viên công đoàn" in text


def test_a_span_ending_before_it_starts_is_one_error(tmp_path):
    project = other_project("truong-nam-hoc", tmp_path)
    plan = project.root / SCHOOL_PLAN
    line = (
        edit(plan, "  start: 05/09/2021\n  end: 31/05/2022\n", "  start: 05/09/2021\n  end: 31/05/2021\n") + 1
    )
    with pytest.raises(ContentError) as caught:
        render_plan_warned(project, 2021)
    assert [str(p) for p in caught.value.problems] == [
        f"{SCHOOL_PLAN}:{line}: span.end: kế hoạch kết thúc ngày 31/5/2021, trước ngày bắt đầu 05/9/2021"
    ]


# ---- (d) a report with its own outline ------------------------------------------------------------

SCHOOL_REPORT = "content/2021/bao-cao-dot-1.yaml"


def _school_report(tmp_path):
    project = other_project("truong-nam-hoc", tmp_path)
    return project, project.root / SCHOOL_REPORT


def test_a_report_with_its_own_outline_numbers_its_sections_by_depth(tmp_path):
    project, _path = _school_report(tmp_path)
    data, valid = render_report(project, 2021, 1, today=dt.date(2022, 2, 1))
    found = _blocks(data)
    text = _texts(found)
    assert valid.warnings == []
    body = text[text.index("I. ĐẶC ĐIỂM TÌNH HÌNH") : text.index("Nơi nhận:")]
    assert body[:7] == [
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "Công đoàn trường có 40 đoàn viên, sinh hoạt trong 04 tổ công đoàn.",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Thi đua dạy tốt, học tốt",
        # a figure marked as checked is printed as typed
        "Giáo viên đăng ký 80 giờ dạy tốt; đã dạy 10 tiết thao giảng, chiếm 25% số tiết đăng ký của học kỳ.",
        "- Tổ Toán - Tin dẫn đầu về số giờ dạy tốt.",
        "2. Các ngày kỷ niệm",
    ]
    assert body[7].startswith("Các phòng, đơn vị đã tổ chức các hoạt động thi đua lập thành tích chào mừng")
    assert body[8:11] == [
        "3. Công tác khen thưởng",
        # the span's label names the campaign's time, not the content folder's year
        "Trong đợt 1 năm học 2021 - 2022, Công đoàn trường chưa ban hành quyết định khen thưởng nào.",
        "Đợt 1: chưa có thông tin ngày Ban Chấp hành Công đoàn nhận hồ sơ đề nghị khen thưởng "
        "(thời hạn 10/01/2022).",
    ]
    # the optional section without text ("Hoạt động khác") is left out, the numbering goes on
    assert body[11:] == [
        "III. PHƯƠNG HƯỚNG HỌC KỲ II",
        # counted in the year it recurs within the school year (03/02/2022), not in the folder's 2021
        "- Tiếp tục thi đua dạy tốt, học tốt chào mừng 92 năm Ngày thành lập Đảng Cộng sản Việt Nam "
        "(03/02/1930 - 03/02/2022).",
        "Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng đợt 1 năm học 2021 - 2022 "
        "của Công đoàn Trường THCS Yên Đĩnh./.",
    ]
    assert "KẾT QUẢ KHEN THƯỞNG ĐỢT 1 NĂM HỌC 2021 - 2022" in text
    assert "So với cùng kỳ năm trước" in text
    assert "Chưa có số liệu cùng kỳ năm trước để so sánh." in text
    headings = {b.text: b.bold for b in found if b.text[:3] in ("I. ", "II.", "III", "1. ", "2. ", "3. ")}
    assert set(headings.values()) == {True}
    assert not any("KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG" in t for t in text)  # no default heading
    assert check.check(Document(io.BytesIO(data))) == []


def test_a_section_of_the_outline_without_text_is_refused_unless_optional(tmp_path):
    project, path = _school_report(tmp_path)
    line = edit(
        path, "      - title: Hoạt động khác\n        optional: true\n", "      - title: Hoạt động khác\n"
    )
    with pytest.raises(ContentError) as caught:
        render_report(project, 2021, 1, today=dt.date(2022, 2, 1))
    assert [str(p) for p in caught.value.problems] == [
        f"{SCHOOL_REPORT}:{line}: sections[1].sections[3]: mục “Hoạt động khác” chưa có nội dung (báo cáo "
        "không in mục trống; “optional: true” để bỏ mục khi không có nội dung)"
    ]


def test_an_outline_deeper_than_three_levels_or_a_block_twice_is_refused(tmp_path):
    project, path = _school_report(tmp_path)
    edit(
        path,
        "        items:\n          - Tổ Toán",
        "        sections:\n          - title: Tổ Toán\n            sections:\n              - title: Lớp 6\n"
        "                items: [Tốt]\n        items:\n          - Tổ Toán",
    )
    line = edit(path, "        block: ky-niem\n", "        block: khen-thuong\n")
    with pytest.raises(ContentError) as caught:
        render_report(project, 2021, 1, today=dt.date(2022, 2, 1))
    messages = [str(p) for p in caught.value.problems]
    assert any("mục lồng quá 3 cấp (I., 1., a)): gộp vào mục cha" in m for m in messages)
    # the first of the two is kept, the second named with the line of the first
    assert (
        f"{SCHOOL_REPORT}:{line + 3}: sections[1].sections[2].block: “block: khen-thuong” đã có ở mục khác "
        f"(dòng {line}): mỗi phần tính sẵn chỉ in một lần"
    ) in messages
    assert len(messages) == 2


def test_default_fields_beside_an_own_outline_are_refused(tmp_path):
    project, path = _school_report(tmp_path)
    line = edit(path, "2022\nsections:\n", "2022\nleadership:\n  - Chỉ đạo sát sao.\nsections:\n") + 1
    with pytest.raises(ContentError) as caught:
        render_report(project, 2021, 1, today=dt.date(2022, 2, 1))
    assert [str(p) for p in caught.value.problems] == [
        f"{SCHOOL_REPORT}:{line}: leadership: báo cáo có bố cục riêng (sections): ghi nội dung này "
        "trong một mục của sections"
    ]


def test_a_default_report_without_one_of_its_sections_names_it(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    path = project.root / "content/2024/bao-cao-dot-1.yaml"
    edit(path, "proposals:\n  - Đề nghị Hội đồng Thi đua - Khen thưởng tỉnh quan tâm hướng dẫn.\n", "")
    with pytest.raises(ContentError) as caught:
        render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    assert [str(p) for p in caught.value.problems] == [
        "content/2024/bao-cao-dot-1.yaml:2: proposals: thiếu trường bắt buộc (hoặc ghi bố cục riêng của "
        "báo cáo trong sections)"
    ]


OWN_OUTLINE = """sections:
  - title: KẾT QUẢ THỰC HIỆN
    paragraphs:
      - Các sở, ngành tích cực hưởng ứng.
    block: phong-trao
  - title: KHEN THƯỞNG
    block: khen-thuong
"""


def _provincial_report_with_own_outline(tmp_path, outline: str):
    project = other_project("ubnd-tinh", tmp_path)
    path = project.root / "content/2024/bao-cao-dot-1.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("situation:", 1)
    keep = rest[rest.index("movements:") : rest.index("commendation:")]
    tail = rest[rest.index("recipients:") :]
    path.write_text(head + outline + (keep if "phong-trao" in outline else "") + tail, encoding="utf-8")
    return project


def test_movement_results_print_as_points_under_the_block(tmp_path):
    project = _provincial_report_with_own_outline(tmp_path, OWN_OUTLINE)
    data, valid = render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    text = _texts(_blocks(data))
    assert valid.warnings == []
    start = text.index("I. KẾT QUẢ THỰC HIỆN")
    assert text[start : start + 5] == [
        "I. KẾT QUẢ THỰC HIỆN",
        "Các sở, ngành tích cực hưởng ứng.",
        "a) Phong trào thi đua “Bắc Kạn đẩy mạnh chương trình chuyển đổi số”",
        "Tỷ lệ hồ sơ trực tuyến tăng so với năm 2023.",
        "II. KHEN THƯỞNG",
    ]
    assert "Tổng số tiền thưởng: 17.550.000 đồng." in text


def test_an_own_outline_without_the_movements_the_plan_launched_warns(tmp_path):
    outline = OWN_OUTLINE.replace("    block: phong-trao\n", "")
    project = _provincial_report_with_own_outline(tmp_path, outline)
    _data, valid = render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    assert [str(w) for w in valid.warnings] == [
        "content/2024/bao-cao-dot-1.yaml:8: sections: kế hoạch năm 2024 phát động 01 phong trào mà báo cáo "
        "không có mục kết quả phong trào (mục có “block: phong-trao” và danh sách movements): "
        "“Bắc Kạn đẩy mạnh chương trình chuyển đổi số”"
    ]


def test_a_default_section_written_without_content_is_refused(tmp_path):
    project = other_project("ubnd-tinh", tmp_path)
    path = project.root / "content/2024/bao-cao-dot-1.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("situation:\n"), text.index("leadership:")
    line = text[:start].count("\n") + 1
    path.write_text(text[:start] + "situation:\n" + text[end:], encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        render_report(project, 2024, 1, today=dt.date(2025, 1, 10))
    assert [str(p) for p in caught.value.problems] == [
        f"content/2024/bao-cao-dot-1.yaml:{line}: situation: mục này chưa có nội dung (báo cáo không in mục trống)"
    ]

"""Commendation decisions: money, award tables, the rules, the document and its list."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import Workbook

from pipeline.content.model import Rounding
from pipeline.documents.decision import context as compute_decision
from pipeline.documents.decision import money
from pipeline.documents.registry import DECISION_TEMPLATE, render_decision
from pipeline.documents.year import load_decision
from pipeline.errors import ContentError
from pipeline.word import reader as extract
from pipeline.word import render

from .conftest import decision_2024, edit

D1 = "content/2024/quyet-dinh-dot-1.yaml"
D2 = "content/2024/quyet-dinh-dot-2.yaml"
CSV2 = "content/2024/khen-thuong-dot-2.csv"
HEADINGS = ["STT", "Họ và tên", "Đối tượng", "Chức vụ", "Đơn vị", "Danh hiệu / Hình thức khen thưởng"]
UP = Rounding(step=10000, mode="lên")


# ---- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("coefficient", "base", "expected"),
    [
        ("0.3", 1_800_000, 540_000),  # LĐTT, June 2024: exact
        ("0.3", 2_340_000, 710_000),  # LĐTT, December 2024: 702.000 rounded up
        ("0.8", 2_340_000, 1_880_000),  # TTLĐTT: 1.872.000 rounded up
        ("1.5", 2_340_000, 3_510_000),  # Bằng khen cấp tỉnh, individual (published 2025 figure)
        ("3.0", 2_340_000, 7_020_000),  # Bằng khen cấp tỉnh, collective (published 2025 figure)
        ("0.6", 1_800_000, 1_080_000),
    ],
)
def test_amount_is_coefficient_times_base_salary_rounded_up(coefficient, base, expected):
    assert money.reward_amount(Decimal(coefficient), base, UP) == expected


def test_rounding_to_the_nearest_when_content_says_so():
    nearest = Rounding(step=10000, mode="gần nhất")
    assert money.reward_amount(Decimal("0.3"), 2_340_000, nearest) == 700_000
    assert money.reward_amount(Decimal("0.8"), 2_340_000, nearest) == 1_870_000
    assert money.reward_amount(Decimal("0.3"), 2_350_000, nearest) == 710_000  # 705.000: half up


def list_amounts(project, period: int) -> list[str]:
    data, _ = render_decision(project, 2024, period)
    table = Document(io.BytesIO(data)).tables[-1]
    return [row.cells[3].text for row in table.rows]


def test_the_base_salary_in_force_on_the_signing_date_applies_across_1_july_2024(project):
    assert "540.000" in list_amounts(project, 1)
    edit(project.root / D1, "date: 26/06/2024", "date: 01/07/2024")
    amounts = list_amounts(project, 1)
    assert "540.000" not in amounts and "710.000" in amounts  # 0,3 × 2.340.000 = 702.000 → 710.000


def test_article_2_states_coefficient_amount_total_and_words():
    data, _ = decision_2024(2)
    text = "\n".join(extract.texts(Document(io.BytesIO(data))))
    assert "Mức lương cơ sở 2.340.000 đồng theo Nghị định 73/2024/NĐ-CP" in text
    assert (
        "- Lao động tiên tiến, cá nhân: 0,3 × 2.340.000 đồng = 702.000 đồng, làm tròn 710.000 đồng;" in text
    )
    assert (
        "- Tập thể lao động tiên tiến, tập thể: 0,8 × 2.340.000 đồng = 1.872.000 đồng, làm tròn 1.880.000"
        in text
    )
    # 18 LĐTT paid (4 more receive the higher CSTĐCS), 4 CSTĐCS, 4 TTLĐTT, 2 Giấy khen
    total = 18 * 710_000 + 4 * 2_340_000 + 4 * 1_880_000 + 2 * 710_000
    assert total == 31_080_000
    assert (
        "Tổng số tiền thưởng: 31.080.000 đồng (Bằng chữ: Ba mươi mốt triệu không trăm tám mươi nghìn đồng)."
        in text
    )
    assert "Bằng chữ: Ba mươi mốt triệu không trăm tám mươi nghìn đồng." in text


def test_a_decision_long_after_the_newest_base_salary_asks_to_confirm_it(project, capsys):
    catalog = project.root / "content/shared/khen-thuong.yaml"
    edit(catalog, "    valid_until: 30/06/2024\n", "    valid_until: 30/11/2023\n")
    line = edit(
        catalog,
        "  - amount: 2340000\n    valid_from: 01/07/2024",
        "  - amount: 2340000\n    valid_from: 01/12/2023",
    )
    assert load_decision(project.root, 2024, 1).warnings == []  # 26/6/2024: within 12 months
    (warning,) = [str(w) for w in load_decision(project.root, 2024, 2).warnings if "lương cơ sở" in str(w)]
    assert warning == (
        f"content/shared/khen-thuong.yaml:{line}: base_salaries[2].amount: quyết định ngày 20/12/2024 dùng mức "
        "lương cơ sở mới nhất trong tệp, 2.340.000 đồng (Nghị định 73/2024/NĐ-CP) từ 01/12/2023, đã hơn 12 tháng: "
        "hãy xác nhận mức lương cơ sở đang có hiệu lực; nếu đã thay đổi, thêm một dòng mới vào base_salaries"
    )


def paid_to(project, name: str) -> list[tuple[str, int, bool]]:
    decision = load_decision(project.root, 2024, 2)
    return sorted(
        (p.award.form.name, p.amount, p.paid) for p in money.payments(decision) if p.award.record.name == name
    )


def decision_2_text(project) -> str:
    data = render_decision(project, 2024, 2)[0]
    return "\n".join(extract.texts(Document(io.BytesIO(data))))


def test_a_title_and_a_form_at_one_time_are_both_paid(project):
    """LĐTT 710.000 đ + Giấy khen 710.000 đ in December 2024 (domain.md, section 3)."""
    hanh = "Nông Thị Hạnh,Cá nhân,Phó Chánh Văn phòng,LĐVP"
    append_csv_row(project, hanh, "Giấy khen", "Thành tích xuất sắc trong công tác tham mưu năm 2024")
    assert paid_to(project, "Nông Thị Hạnh") == [
        ("Giấy khen", 710_000, True),
        ("Lao động tiên tiến", 710_000, True),
    ]
    text = decision_2_text(project)
    assert "Tổng số tiền thưởng: 31.790.000 đồng" in text  # 31.080.000 + 710.000
    assert "hình thức khen thưởng cho cùng một thành tích" not in text


def allow_the_chief_to_confer_the_bằng_khen(project) -> None:
    """Only the money rule is under test here, not who may confer what."""
    path = project.root / "content/shared/khen-thuong.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: bang-khen-chu-tich-ubnd-tinh")
    path.write_text(
        text[:start]
        + text[start:].replace("conferred_by: chu-tich-ubnd-tinh", "conferred_by: thu-truong-co-quan", 1),
        encoding="utf-8",
    )


HOA = "Chu Thị Hoa,Cá nhân,Kế toán viên,Phòng Hành chính tổ chức - Quản trị tài vụ"


def test_two_forms_for_one_achievement_pay_the_higher_form_only(project):
    allow_the_chief_to_confer_the_bằng_khen(project)
    append_csv_row(
        project,
        HOA,
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Thành tích xuất sắc trong công tác phục vụ năm 2024",
    )
    assert paid_to(project, "Chu Thị Hoa") == [
        ("Bằng khen của Chủ tịch UBND tỉnh", 3_510_000, True),
        ("Giấy khen", 710_000, False),
    ]
    text = decision_2_text(project)
    assert (
        "- Đối tượng được nhiều hình thức khen thưởng cho cùng một thành tích chỉ nhận tiền thưởng của hình thức cao nhất."
        in text
    )
    assert (
        "Ghi chú: “-”: đối tượng được nhiều danh hiệu thi đua trong Quyết định này chỉ nhận tiền thưởng của danh "
        "hiệu cao nhất; đối tượng được nhiều hình thức khen thưởng cho cùng một thành tích chỉ nhận tiền thưởng "
        "của hình thức cao nhất." in text
    )


def test_forms_for_different_achievements_are_each_paid(project):
    allow_the_chief_to_confer_the_bằng_khen(project)
    append_csv_row(project, HOA, "Bằng khen của Chủ tịch UBND tỉnh", "Có sáng kiến được công nhận năm 2024")
    assert paid_to(project, "Chu Thị Hoa") == [
        ("Bằng khen của Chủ tịch UBND tỉnh", 3_510_000, True),
        ("Giấy khen", 710_000, True),
    ]


def test_several_titles_pay_the_highest_title_and_say_why(project):
    assert paid_to(project, "Ma Văn Toàn") == [
        ("Chiến sĩ thi đua cơ sở", 2_340_000, True),
        ("Lao động tiên tiến", 710_000, False),
    ]
    text = decision_2_text(project)
    assert (
        "- Đối tượng được nhiều danh hiệu thi đua trong Quyết định này chỉ nhận tiền thưởng của danh hiệu cao nhất."
        in text
    )
    assert "hình thức khen thưởng cho cùng một thành tích" not in text


# ---- award tables -----------------------------------------------------------------------------


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "Danh sách") -> None:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])  # a title row above the headings
    worksheet.append(HEADINGS)
    for row in rows:
        worksheet.append(row)
    workbook.save(path)


def use_table(project, name: str) -> None:
    edit(project.root / D1, "  - khen-thuong-dot-1.xlsx", f"  - {name}")


def test_records_from_a_real_xlsx(project):
    write_xlsx(
        project.root / "content/2024/moi.xlsx",
        [
            [1, "Phòng Tổng hợp", "Tập thể", None, None, "Giấy khen"],
            [2, "Nguyễn Văn Bình", "Cá nhân", "Chuyên viên", "Phòng Kinh tế", "giấy khen"],
            [None, None, None, None, None, None],
            [None, "Tổng cộng: 02", None, None, None, None],
        ],
    )
    use_table(project, "moi.xlsx")
    decision = load_decision(project.root, 2024, 1)
    assert [(a.record.name, a.recipient, a.unit.code) for a in decision.awards] == [
        ("Phòng Tổng hợp", "tập thể", "TH"),
        ("Nguyễn Văn Bình", "cá nhân", "KT"),
    ]


def test_a_bad_xlsx_row_names_file_sheet_row_and_column(project):
    write_xlsx(
        project.root / "content/2024/moi.xlsx",
        [
            [1, "Nguyễn Văn Bình", "Cá nhân", "Chuyên viên", "Phòng Kinh tế", "Giấy khen"],
            [2, "Lê Thị Cúc", "Cá nhân", "Chuyên viên", "Phòng Kinh tế", "Giấy khen tỉnh"],
            [3, "Đỗ Văn Dương", "Người", "Chuyên viên", "Phòng Kế hoạch", "Giấy khen"],
        ],
    )
    use_table(project, "moi.xlsx")
    with pytest.raises(ContentError) as caught:
        load_decision(project.root, 2024, 1)
    assert [str(p) for p in caught.value.problems] == [
        "content/2024/moi.xlsx:4: Danh sách!F4 “Danh hiệu / Hình thức khen thưởng”: “Giấy khen tỉnh” không có "
        "trong danh mục danh hiệu, hình thức (có: Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động "
        "tiên tiến, Tập thể lao động xuất sắc, Chiến sĩ thi đua cấp tỉnh, Giấy khen, Bằng khen của Chủ tịch UBND tỉnh)",
        "content/2024/moi.xlsx:5: Danh sách!C5 “Đối tượng”: “Người” phải là “Cá nhân” hoặc “Tập thể”",
    ]


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ";") -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # as Excel saves "CSV UTF-8"
        csv.writer(handle, delimiter=delimiter).writerows(rows)


def test_records_from_a_real_csv_with_semicolons_other_headings_and_a_bad_unit(project):
    write_csv(
        project.root / "content/2024/moi.csv",
        [
            ["STT", "Họ tên", "Loại", "Chức vụ", "Đơn vị công tác", "Hình thức khen thưởng"],
            [1, "Nguyễn Văn Bình", "CN", "Chuyên viên", "Phòng Kinh tế", "Giấy khen"],
            [2, "Lê Thị Cúc", "Cá nhân", "Chuyên viên", "Phòng Kế hoạch", "Giấy khen"],
        ],
    )
    use_table(project, "moi.csv")
    with pytest.raises(ContentError) as caught:
        load_decision(project.root, 2024, 1)
    assert [str(p) for p in caught.value.problems] == [
        "content/2024/moi.csv:3: E3 “Đơn vị công tác”: “Phòng Kế hoạch” không có trong danh sách phòng, "
        "đơn vị của cơ quan"
    ]


def test_a_form_for_both_kinds_needs_the_recipient_column(project):
    write_csv(
        project.root / "content/2024/moi.csv",
        [["Họ và tên", "Đơn vị", "Danh hiệu"], ["Nguyễn Văn Bình", "Phòng Kinh tế", "Giấy khen"]],
        delimiter=",",
    )
    use_table(project, "moi.csv")
    with pytest.raises(ContentError) as caught:
        load_decision(project.root, 2024, 1)
    assert [str(p) for p in caught.value.problems] == [
        "content/2024/moi.csv:2: C2 “Danh hiệu”: “Giấy khen” tặng cả cá nhân và tập thể: ghi rõ đối tượng "
        "(cột “Đối tượng”: Cá nhân hoặc Tập thể)"
    ]


def test_a_csv_that_is_not_utf8_is_refused_with_advice(project):
    path = project.root / "content/2024/moi.csv"
    path.write_bytes(",".join(HEADINGS).encode("cp1258", errors="replace") + b"\n1,L\xea Th\xec C\xfac\n")
    use_table(project, "moi.csv")
    with pytest.raises(ContentError) as caught:
        load_decision(project.root, 2024, 1)
    assert [str(p) for p in caught.value.problems] == [
        "content/2024/moi.csv:1: tệp CSV không ở mã UTF-8 (trong Excel: Lưu dưới dạng CSV UTF-8)"
    ]


# ---- rules ------------------------------------------------------------------------------------


def line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


def append_csv_row(project, *cells: str) -> int:
    """Add an award row to period 2's list; return its row number."""
    path = project.root / CSV2
    rows = path.read_text(encoding="utf-8-sig").splitlines()
    rows.append(",".join([str(len(rows)), *cells]))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    return len(rows)


def decision_problems(project, period: int) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_decision(project.root, 2024, period)
    return [str(p) for p in caught.value.problems]


def test_a_citation_not_in_force_on_the_signing_date_is_an_error(project):
    edit(project.root / D2, "  - qd-39-2023-ubnd\n", "  - qd-39-2023-ubnd\n  - nd-152-2025\n")
    line = line_of(project.root / D2, "  - nd-152-2025")
    assert decision_problems(project, 2) == [
        f"{D2}:{line}: bases[3]: văn bản “nd-152-2025” không có hiệu lực vào ngày 20/12/2024 (có hiệu lực từ 01/7/2025)"
    ]


def test_the_same_title_twice_in_a_year_is_an_error(project):
    first = line_of(project.root / CSV2, "Hà Đức Anh")
    row = append_csv_row(project, "Hà Đức Anh", "Cá nhân", "Chuyên viên", "Phòng Tổng hợp", "LĐTT", "")
    assert decision_problems(project, 2) == [
        f"{CSV2}:{row}: B{row} “Họ và tên”: Hà Đức Anh đã được khen “Lao động tiên tiến” năm 2024 ({CSV2}:{first})"
    ]


def test_the_same_giay_khen_in_two_periods_is_allowed(project):
    row = append_csv_row(project, "Ma Văn Toàn", "Cá nhân", "Trưởng phòng", "Phòng Tổng hợp", "Giấy khen", "")
    decision = load_decision(project.root, 2024, 2)  # he had a Giấy khen in period 1 too
    assert sum(a.record.name == "Ma Văn Toàn" for a in decision.awards) == 3
    assert row > 30


def test_a_form_beyond_the_signers_authority_is_an_error(project):
    row = append_csv_row(
        project, "Phòng Kinh tế", "Tập thể", "", "", "Bằng khen của Chủ tịch UBND tỉnh", "Thành tích xuất sắc"
    )
    assert decision_problems(project, 2) == [
        f"{CSV2}:{row}: F{row} “Danh hiệu / Hình thức khen thưởng”: “Bằng khen của Chủ tịch UBND tỉnh” do "
        "Chủ tịch UBND tỉnh quyết định; Chánh Văn phòng không có thẩm quyền: trình cấp trên bằng Tờ trình "
        "(tạo tệp to-trinh-dot-2.yaml cạnh quyet-dinh-dot-2.yaml)"
    ]


def test_cstdcs_without_lao_dong_tien_tien_in_the_same_year_is_an_error(project):
    row = append_csv_row(
        project, "Quan Thị Mai", "Cá nhân", "Chuyên viên", "HCTC-QTTV", "CSTĐCS", "Sáng kiến"
    )
    assert decision_problems(project, 2) == [
        f"{CSV2}:{row}: F{row} “Danh hiệu / Hình thức khen thưởng”: Quan Thị Mai: “Chiến sĩ thi đua cơ sở” cần "
        "danh hiệu “Lao động tiên tiến” cùng năm 2024"
    ]


def test_a_share_above_the_limit_in_content_is_an_error(project):
    edit(
        project.root / "content/shared/khen-thuong.yaml",
        "share_limits: []",
        "share_limits:\n  - form: chien-si-thi-dua-co-so\n    of: lao-dong-tien-tien\n    max_percent: 15",
    )
    line = line_of(project.root / D2, "award_files:")
    assert decision_problems(project, 2) == [
        f"{D2}:{line}: award_files: “Chiến sĩ thi đua cơ sở”: 4/22 người đạt “Lao động tiên tiến”, vượt tỷ lệ 15%"
    ]


def test_a_title_for_the_wrong_kind_of_recipient_is_an_error(project):
    row = append_csv_row(project, "Chu Thị Hoa", "Cá nhân", "Kế toán viên", "HCTC-QTTV", "TTLĐTT", "")
    assert decision_problems(project, 2) == [
        f"{CSV2}:{row}: F{row} “Danh hiệu / Hình thức khen thưởng”: “Tập thể lao động tiên tiến” không tặng cho cá nhân"
    ]


def test_a_decision_signed_before_its_period_began_is_an_error(project):
    edit(project.root / D2, "date: 20/12/2024", "date: 20/06/2024")
    line = line_of(project.root / D2, "date: 20/06/2024")
    assert decision_problems(project, 2) == [
        f"{D2}:{line}: document.date: quyết định ngày 20/6/2024 trước khi đợt bắt đầu (01/7/2024)"
    ]


def test_a_decision_signed_after_the_periods_review_is_a_warning(project):
    edit(
        project.root / "content/2024/ke-hoach.yaml",
        "together_with: tổng kết công tác Văn phòng năm 2024",
        "together_with: tổng kết công tác Văn phòng năm 2024\n      date: 18/12/2024",
    )
    data, warnings = render_decision(project, 2024, 2)
    line = line_of(project.root / D2, "date: 20/12/2024")
    assert [str(w) for w in warnings] == [
        f"{D2}:{line}: document.date: quyết định ký ngày 20/12/2024, sau buổi tổng kết đợt 2 (18/12/2024)"
    ]
    assert data.startswith(b"PK")


def test_an_annual_title_at_a_mid_year_review_is_a_warning(project):
    edit(
        project.root / D1,
        "award_files:",
        "awards:\n  - name: Nông Thị Hạnh\n    unit: LĐVP\n    form: LĐTT\naward_files:",
    )
    _, warnings = render_decision(project, 2024, 1)
    line = line_of(project.root / D1, "  - name: Nông Thị Hạnh")
    assert [str(w) for w in warnings] == [
        f"{D1}:{line + 2}: awards[0].form: danh hiệu “Lao động tiên tiến” thường được xét khi tổng kết năm, "
        "không ở đợt sơ kết"
    ]


def test_a_period_the_plan_does_not_have(project):
    assert decision_problems(project, 3) == [
        "content/2024/quyet-dinh-dot-3.yaml: kế hoạch năm 2024 có 02 đợt; không có đợt 3"
    ]


# ---- the document -----------------------------------------------------------------------------


def list_names(data: bytes) -> list[str]:
    table = Document(io.BytesIO(data)).tables[-1]
    # award rows have four separate cells; group rows merge the name cell across the row
    return [
        r.cells[1].text
        for r in table.rows
        if r.cells[0].text.isdigit() and r.cells[1]._tc is not r.cells[2]._tc
    ]


def test_list_sorted_by_given_name_in_vietnamese_order_when_asked():
    data, _ = decision_2024(2)  # order: theo tên
    names = list_names(data)
    lddt = names[: names.index("Hoàng Văn Thắng") + 1]
    assert lddt[:4] == ["Hà Đức Anh", "Triệu Thị Ánh", "Lường Văn Ân", "Dương Thị Bích"]


def test_collectives_are_sorted_by_their_full_name_not_their_last_word():
    data, _ = decision_2024(2)  # order: theo tên
    names = list_names(data)
    start = names.index("Phòng Kinh tế")
    assert names[start : start + 4] == [
        "Phòng Kinh tế",
        "Phòng Tổng hợp",
        "Phòng Văn hóa - Xã hội",
        "Trung tâm Phục vụ hành chính công",
    ]


def test_group_headings_keep_with_their_first_row_and_the_heading_row_repeats():
    data, _ = decision_2024(2)
    table = Document(io.BytesIO(data)).tables[-1]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    merged = [r for r in table.rows[1:] if r.cells[1]._tc is r.cells[3]._tc]  # headings and groups
    assert [r.cells[1].text for r in merged[:3]] == [
        "Danh hiệu “Lao động tiên tiến”",
        "Cá nhân",
        "Danh hiệu “Chiến sĩ thi đua cơ sở”",
    ]
    for row in merged:
        assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs), row.cells[
            1
        ].text


def test_list_keeps_the_given_order_by_default():
    data, _ = decision_2024(1)
    names = list_names(data)
    assert names[:5] == [
        "Phòng Tổng hợp",
        "Phòng Kinh tế",
        "Trung tâm Phục vụ hành chính công",
        "Phòng Hành chính tổ chức - Quản trị tài vụ",
        "Ma Văn Toàn",
    ]


def test_every_variable_the_decision_template_uses_is_provided(project):
    context = compute_decision.decision_context(load_decision(project.root, 2024, 1))
    used = render.template_variables(project.templates / DECISION_TEMPLATE)
    assert {"header", "closing", "award_list", "article1", "bases"} <= used
    assert used <= set(context), f"not provided: {sorted(used - set(context))}"


@pytest.fixture(scope="module")
def decision_1() -> bytes:
    data, warnings = decision_2024(1)
    assert warnings == ()
    return data


def test_decision_and_list_snapshot(decision_1, data_regression):
    blocks = [b.as_dict() for b in extract.blocks(Document(io.BytesIO(decision_1))) if b.text.strip()]
    data_regression.check({"paragraphs": blocks})


def test_the_list_starts_a_new_page_numbered_from_one(decision_1):
    document = Document(io.BytesIO(decision_1))
    assert len(document.sections) == 2
    appendix = document.sections[1]
    assert appendix.start_type == 2  # WD_SECTION.NEW_PAGE
    assert appendix.different_first_page_header_footer
    assert (
        appendix._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgNumType").get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}start"
        )
        == "1"
    )


def test_decision_bytes_are_reproducible(project):
    assert render_decision(project, 2024, 2)[0] == render_decision(project, 2024, 2)[0]

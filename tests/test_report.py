"""Period reports: figures come from the decisions, in prose and in the table alike."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest
from docx import Document
from openpyxl import load_workbook

from pipeline.content.project import Project
from pipeline.documents.registry import REPORT_TEMPLATE, render_report
from pipeline.documents.report import context as compute_report
from pipeline.documents.report.rules import ValidReport
from pipeline.documents.year import load_report
from pipeline.errors import ContentError
from pipeline.word import reader as extract
from pipeline.word import render

from .conftest import edit, report_2024

TODAY = dt.date(2026, 11, 27)
R1 = "content/2024/bao-cao-dot-1.yaml"
RY = "content/2024/bao-cao-tong-ket.yaml"


def rendered(project: Project | None, period: int | None, **kwargs) -> tuple[bytes, ValidReport]:
    """Rendered from an edited `project` copy, or (None) from the project itself, once per session."""
    today = kwargs.pop("today", TODAY)
    if project is None:
        return report_2024(period, today, **kwargs)
    return render_report(project, 2024, period, today=today, **kwargs)


def texts(project: Project | None, period: int | None, **kwargs) -> list[str]:
    return extract.texts(Document(io.BytesIO(rendered(project, period, **kwargs)[0])))


def table_rows(project: Project | None, period: int | None, **kwargs) -> list[list[str]]:
    table = Document(io.BytesIO(rendered(project, period, **kwargs)[0])).tables[-1]
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def test_period_1_figures_from_its_decision_only():
    found = texts(None, 1)
    assert (
        "Trong đợt 1 năm 2024, Văn phòng đã ban hành 01 quyết định khen thưởng "
        "(Quyết định số 52/QĐ-VP ngày 26/6/2024), cụ thể:"
    ) in found
    assert "- Tặng Giấy khen cho 04 tập thể và 26 cá nhân." in found
    assert "Tổng số tiền thưởng: 18.360.000 đồng." in found
    assert table_rows(None, 1) == [
        ["1", "Giấy khen", "04", "26", "18.360.000", "-"],
        ["", "Tổng cộng", "04", "26", "18.360.000", ""],
    ]


def test_year_figures_from_both_decisions():
    found = texts(None, None)
    assert "- Công nhận danh hiệu “Lao động tiên tiến” cho 22 cá nhân;" in found
    assert "- Công nhận danh hiệu “Chiến sĩ thi đua cơ sở” cho 04 cá nhân;" in found
    assert "- Công nhận danh hiệu “Tập thể lao động tiên tiến” cho 04 tập thể;" in found
    assert "- Tặng Giấy khen cho 04 tập thể và 28 cá nhân." in found
    assert "Tổng số tiền thưởng: 49.440.000 đồng." in found
    rows = table_rows(None, None)
    assert rows[-1] == ["", "Tổng cộng", "08", "54", "49.440.000", ""]
    assert sum(int(r[4].replace(".", "")) for r in rows[:-1]) == 49_440_000


def test_a_decision_for_individuals_only_prints_a_dash_for_collectives_never_00(project):
    path = project.root / "content/2024/khen-thuong-dot-1.xlsx"
    workbook = load_workbook(path)
    sheet = workbook.active
    collective_rows = [
        row[0].row for row in sheet.iter_rows() if any(str(c.value or "").strip() == "Tập thể" for c in row)
    ]
    assert collective_rows
    for number in reversed(collective_rows):
        sheet.delete_rows(number)
    workbook.save(path)
    rows = table_rows(project, 1)
    assert rows[-1][2] == "-" and rows[-1][3] == "26"
    assert all(cell != "00" for row in rows for cell in row)


def test_prose_and_table_come_from_the_same_figures(project):
    report = load_report(project.root, 2024, None, today=TODAY)
    stats = compute_report.statistics(report)
    prose = compute_report.figures_prose(report, stats)
    for row in compute_report.statistics_rows(stats):
        counts = [
            f"{row[k]} {name}"
            for k, name in (("collective", "tập thể"), ("individual", "cá nhân"))
            if row[k] != "-"
        ]
        assert any(all(c in item for c in counts) and row["label"] in item for item in prose["items"]), row


def test_a_period_2_sơ_kết_is_the_year_report(project):
    report = load_report(project.root, 2024, 2, today=TODAY)
    assert report.scope.kind == "tổng kết" and report.scope.period is None


def test_a_report_counts_only_decisions_signed_within_its_period_and_by_its_date(project):
    found = texts(project, None, report_date=dt.date(2024, 12, 15))  # before decision 2 (20/12)
    assert any(t.startswith("Năm 2024, Văn phòng đã ban hành 01 quyết định") for t in found)
    assert not any("Lao động tiên tiến” cho" in t for t in found)


def test_adding_a_decision_changes_the_figures(project):
    (project.root / "content/2024/quyet-dinh-dot-2.yaml").rename(project.root / "quyet-dinh-dot-2.yaml")
    before = texts(project, None)
    shutil.move(project.root / "quyet-dinh-dot-2.yaml", project.root / "content/2024/quyet-dinh-dot-2.yaml")
    after = texts(project, None)
    assert "Tổng số tiền thưởng: 18.360.000 đồng." in before
    assert "Tổng số tiền thưởng: 49.440.000 đồng." in after


def test_a_period_without_decisions_says_so_instead_of_zeros(project):
    (project.root / "content/2024/quyet-dinh-dot-1.yaml").unlink()
    found = texts(project, 1)
    assert "Trong đợt 1 năm 2024, Văn phòng chưa ban hành quyết định khen thưởng nào." in found
    assert not any("Tổng số tiền thưởng" in t for t in found)
    rows = table_rows(project, 1)
    assert rows[0][1] == "Chưa có quyết định khen thưởng nào trong thời gian báo cáo"
    assert rows[-1] == ["", "Tổng cộng", "-", "-", "-", ""]
    assert (
        "Đợt 1: chưa có thông tin ngày phòng HCTC-QTTV nhận hồ sơ đề nghị khen thưởng (thời hạn 20/6/2024)."
        in found
    )


def test_deadlines_met_or_missed_are_stated():
    found = texts(None, None)
    assert (
        "Hồ sơ đề nghị khen thưởng đợt 1 được gửi về phòng HCTC-QTTV ngày 19/6/2024, đúng thời hạn (20/6/2024)."
        in found
    )
    assert (
        "Hồ sơ đề nghị khen thưởng đợt 2 được gửi về phòng HCTC-QTTV ngày 12/12/2024, chậm 02 ngày so với thời hạn 10/12/2024."
        in found
    )


def test_the_anniversaries_of_the_period_are_listed_with_computed_counts():
    found = texts(None, 1)
    sentence = next(t for t in found if t.startswith("Các phòng, đơn vị đã tổ chức"))
    assert "kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)" in sentence
    assert "Quân đội" not in sentence  # 22/12 belongs to period 2


def test_a_report_before_its_period_ends_is_a_visible_draft():
    found = texts(None, 1, today=dt.date(2024, 6, 15))
    assert "DỰ THẢO" in found
    assert rendered(None, 1, today=dt.date(2024, 6, 15))[1].draft


def test_a_dated_report_is_not_a_draft():
    found = texts(None, 1, today=dt.date(2024, 6, 15), report_date=dt.date(2024, 6, 28))
    assert "DỰ THẢO" not in found
    assert "Bắc Kạn, ngày 28 tháng 6 năm 2024" in found


def test_an_empty_section_is_refused(project):
    edit(
        project.root / R1,
        "  lessons:\n    - Phải gắn phong trào thi đua với nhiệm vụ chuyên môn và kịp thời biểu dương, khen thưởng điển hình tiên\n      tiến.\n",
        "  lessons: []\n",
    )
    with pytest.raises(ContentError) as caught:
        load_report(project.root, 2024, 1, today=TODAY)
    line = (project.root / R1).read_text(encoding="utf-8").splitlines().index("  lessons: []") + 1
    assert [str(p) for p in caught.value.problems] == [
        f"{R1}:{line}: assessment.lessons: mục này chưa có nội dung (báo cáo không in mục trống)"
    ]


def test_every_movement_the_plan_launched_needs_its_results(project):
    edit(project.root / R1, "  - movement: chuyen-doi-so", "  - movement: chuyen-doi-so-moi")
    with pytest.raises(ContentError) as caught:
        load_report(project.root, 2024, 1, today=TODAY)
    messages = [p.message for p in caught.value.problems]
    assert messages == [
        "chưa có kết quả của phong trào “Bắc Kạn đẩy mạnh chương trình chuyển đổi số” mà kế hoạch đã phát động",
        "kế hoạch năm 2024 không phát động phong trào “chuyen-doi-so-moi”",
    ]


def test_every_variable_the_report_template_uses_is_provided(project):
    context = compute_report.report_context(load_report(project.root, 2024, 1, today=TODAY))
    used = render.template_variables(project.templates / REPORT_TEMPLATE)
    assert {"header", "closing", "statistics", "figures", "draft"} <= used
    assert used <= set(context), f"not provided: {sorted(used - set(context))}"


# ---- comparison with the previous year ---------------------------------------------------------

PLAN_2023 = """
document: {month: 3, signer: vu-duc-chinh, drafted_by: HCTC-QTTV}
subject: Công tác thi đua khen thưởng năm 2023
basis: kh-2023
purposes: [Phát động phong trào thi đua năm 2023.]
requirements: [Bảo đảm công khai, dân chủ.]
tasks:
  - title: Thực hiện các phong trào thi đua
    paragraphs:
      - Hưởng ứng phong trào [phong-trao:nong-thon-moi].
periods:
  - start: 01/01/2023
    end: 30/06/2023
    celebrate: Chào mừng kỷ niệm [ky-niem:thanh-lap-dang].
    review: {kind: sơ kết, together_with: sơ kết 6 tháng đầu năm 2023}
    deadline: 20/06/2023
    dossiers_to: HCTC-QTTV
  - start: 01/07/2023
    end: 31/12/2023
    celebrate: Chào mừng kỷ niệm [ky-niem:quoc-khanh].
    review: {kind: tổng kết, together_with: tổng kết năm 2023}
    deadline: 10/12/2023
    dossiers_to: HCTC-QTTV
duties: [{text: Các phòng triển khai Kế hoạch này.}]
recipients: [{to: [LĐVP]}]
"""

DECISION_2023 = """
document: {number: 90, date: 20/12/2023, signer: vu-duc-chinh, drafted_by: HCTC-QTTV}
subject: công nhận danh hiệu thi đua năm 2023
bases: []
proposal: Xét đề nghị của Trưởng phòng Hành chính tổ chức - Quản trị tài vụ
achievement: đã hoàn thành nhiệm vụ năm 2023
list_title: Cá nhân đạt danh hiệu Lao động tiên tiến năm 2023
funding: Quỹ thi đua, khen thưởng năm 2023
executors: Các cá nhân có tên tại Điều 1
awards:
{awards}
recipients: [{to: [Như Điều 3]}]
"""


def add_2023(project, lddt: int) -> None:
    folder = project.root / "content/2023"
    folder.mkdir()
    (folder / "ke-hoach.yaml").write_text(PLAN_2023, encoding="utf-8")
    awards = "\n".join(f"  - {{name: Người Thứ {i}, unit: TH, form: LĐTT}}" for i in range(lddt))
    (folder / "quyet-dinh-dot-2.yaml").write_text(DECISION_2023.replace("{awards}", awards), encoding="utf-8")
    catalog = project.root / "content/shared/van-ban.yaml"
    entry = (
        '\n  - id: kh-2023\n    type: Kế hoạch\n    number: "20"\n    symbol: KH-UBND\n'
        "    date: 16/01/2023\n    issuer: UBND tỉnh Bắc Kạn\n    subject: công tác thi đua khen thưởng năm 2023\n"
    )
    catalog.write_text(catalog.read_text(encoding="utf-8") + entry, encoding="utf-8")


def test_comparison_with_the_previous_year_where_its_records_exist(project):
    add_2023(project, lddt=19)
    found = texts(project, None)
    assert (
        "- Công nhận danh hiệu “Lao động tiên tiến” cho 22 cá nhân (tăng 03 cá nhân so với năm 2023);"
        in found
    )
    assert (
        "- Tặng Giấy khen cho 04 tập thể và 28 cá nhân (tăng 04 tập thể, tăng 28 cá nhân so với năm 2023)."
        in found
    )
    rows = table_rows(project, None)
    assert rows[0][5] == "tăng 03 cá nhân so với năm 2023"
    assert "Chưa có số liệu năm 2023 để so sánh." not in found


def test_without_previous_records_the_report_says_there_is_nothing_to_compare():
    assert "Chưa có số liệu năm 2023 để so sánh." in texts(None, None)


# ---- snapshots ----------------------------------------------------------------------------------


@pytest.mark.parametrize("period", [1, None], ids=["so-ket-dot-1", "tong-ket"])
def test_report_snapshot(period, data_regression):
    data, valid = rendered(None, period)
    assert not valid.draft and valid.warnings == []
    blocks = [b.as_dict() for b in extract.blocks(Document(io.BytesIO(data))) if b.text.strip()]
    data_regression.check({"paragraphs": blocks})


def test_report_bytes_are_reproducible(project):
    first, _ = render_report(project, 2024, None, today=TODAY)
    again, _ = render_report(project, 2024, None, today=dt.date(2030, 1, 1))  # another day, same report
    assert first == again

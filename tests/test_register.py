"""The award register, eligibility over the years, the Tờ trình and `tdkt history`.

The register data are invented (tests/data/register/README.md): the fake names of the 2024 sample.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys

import pytest
from docx import Document

from pipeline import cli
from pipeline.content.project import Content, Project
from pipeline.documents.history import history_lines
from pipeline.documents.proposal import context as proposal_context
from pipeline.documents.registry import (
    PROPOSAL_TEMPLATE,
    build_all,
    render_decision,
    render_kind,
    render_proposal,
    render_report,
)
from pipeline.documents.year import load_decision, load_proposal, load_register
from pipeline.errors import ContentError
from pipeline.word import nd30, render
from pipeline.word import reader as extract

from .conftest import ROOT, edit

DATA = ROOT / "tests" / "data" / "register"
CSV2 = "content/2024/khen-thuong-dot-2.csv"
IMPORTS = "content/so-khen-thuong/khen-thuong-truoc-2024.csv"
TODAY_AFTER_2024 = dt.date(2025, 3, 1)


def with_register(project: Project, *, proposal: bool = True) -> Project:
    """The invented register data and, with `proposal`, four awards beyond the Chief's authority."""
    shared = project.root / "content" / "so-khen-thuong"
    shared.mkdir()
    shutil.copy(DATA / "khen-thuong-truoc-2024.csv", shared)
    shutil.copy(DATA / "danh-gia-2023.csv", shared)
    shutil.copy(DATA / "danh-gia-2024.csv", project.root / "content/2024/danh-gia.csv")
    if proposal:
        rows = (DATA / "de-nghi-them.csv").read_text(encoding="utf-8").splitlines()[1:]
        award_list = project.root / CSV2
        award_list.write_text(
            award_list.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8"
        )
        shutil.copy(DATA / "to-trinh-dot-2.yaml", project.root / "content/2024")
    return project


def problems_of(call) -> list[str]:
    with pytest.raises(ContentError) as caught:
        call()
    return [str(p) for p in caught.value.problems]


def proposal_texts(project: Project) -> list[str]:
    data, _warnings = render_proposal(project, 2024, 2)
    return extract.texts(Document(io.BytesIO(data)))


# ---- proposals instead of refusals ---------------------------------------------------------------


def test_awards_beyond_authority_go_to_the_proposal_and_not_the_decision(project):
    with_register(project)
    decision = load_decision(project.root, 2024, 2)
    assert {a.form.id for a in decision.proposed} == {
        "tap-the-lao-dong-xuat-sac",
        "chien-si-thi-dua-cap-tinh",
        "bang-khen-chu-tich-ubnd-tinh",
    }
    assert all(a.form.conferred_by == "thu-truong-co-quan" for a in decision.awards)
    assert len(decision.awards) == 32 and len(decision.proposed) == 4
    # the decision itself is the one the project made before: same bytes
    assert render_decision(project, 2024, 2)[0] == render_decision(Project(ROOT), 2024, 2)[0]


def test_the_proposal_addresses_the_authority_and_lists_by_title_and_form(project):
    found = proposal_texts(with_register(project))
    assert any(t.startswith("TỜ TRÌNH") and "Về việc đề nghị khen thưởng năm 2024" in t for t in found)
    assert "Số: 120/TTr-VP" in found
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh." in found
    assert "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng Văn phòng ngày 16/12/2024." in found
    assert "1. Công nhận danh hiệu “Tập thể lao động xuất sắc” năm 2024 cho 01 tập thể;" in found
    assert "2. Công nhận danh hiệu “Chiến sĩ thi đua cấp tỉnh” năm 2024 cho 01 cá nhân;" in found
    assert "3. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 01 cá nhân." in found
    assert "Văn phòng UBND tỉnh kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./." in found
    assert "(Kèm theo Tờ trình số 120/TTr-VP ngày 23 tháng 12 năm 2024 của Văn phòng UBND tỉnh)" in found
    table = Document(io.BytesIO(render_proposal(project, 2024, 2)[0])).tables[-1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    labels = [r[1] for r in rows]
    assert labels.index("Bằng khen của Chủ tịch UBND tỉnh") < labels.index("Ma Văn Toàn")
    assert [
        "1",
        "Lường Văn Ân",
        "Trưởng phòng, Phòng Kinh tế",
        "Có sáng kiến được áp dụng trong toàn tỉnh",
    ] in rows


def test_several_authorities_are_each_addressed(project):
    with_register(project)
    catalog = project.root / "content/shared/khen-thuong.yaml"
    edit(
        catalog,
        "    conferred_by: chu-tich-ubnd-tinh\n    annual: true\n    requires: chien-si",
        "    conferred_by: thu-tuong\n    annual: true\n    requires: chien-si",
    )
    found = proposal_texts(project)
    assert "Kính gửi:" in found
    assert "- Chủ tịch Ủy ban nhân dân tỉnh;" in found and "- Thủ tướng Chính phủ;" in found
    assert any("(thẩm quyền: Thủ tướng Chính phủ)" in t for t in found)


def test_the_proposal_passes_the_nd30_checker_and_is_reproducible(project, tmp_path):
    with_register(project)
    data, warnings = render_proposal(project, 2024, 2)
    assert render_proposal(project, 2024, 2)[0] == data
    assert nd30.check(Document(io.BytesIO(data))) == []
    assert [w.message for w in warnings if "Ma Văn Toàn" in w.message] == []


def test_the_proposal_snapshot(project, data_regression):
    with_register(project)
    data, _ = render_proposal(project, 2024, 2)
    blocks = [b.as_dict() for b in extract.blocks(Document(io.BytesIO(data))) if b.text.strip()]
    data_regression.check({"paragraphs": blocks})


def test_every_variable_the_proposal_template_uses_is_provided(project):
    with_register(project)
    context = proposal_context.proposal_context(load_proposal(project.root, 2024, 2))
    used = render.template_variables(project.templates / PROPOSAL_TEMPLATE)
    assert used and used <= set(context), f"not provided: {sorted(used - set(context))}"


def test_a_proposal_needs_the_councils_meeting(project):
    with_register(project)
    path = project.root / "content/2024/to-trinh-dot-2.yaml"
    line = edit(
        path,
        "council_meeting:\n  council: Hội đồng Thi đua - Khen thưởng Văn phòng\n  date: 16/12/2024\n",
        "",
    )
    found = problems_of(lambda: load_proposal(project.root, 2024, 2))
    assert found == [
        "content/2024/to-trinh-dot-2.yaml:4: Tờ trình cần căn cứ cuộc họp của Hội đồng Thi đua - Khen thưởng: "
        "thêm council_meeting (council, date) hoặc biên bản bien-ban-dot-2.yaml"
    ]
    assert line > 1


def test_a_proposal_dated_before_the_meeting_is_refused(project):
    with_register(project)
    line = edit(project.root / "content/2024/to-trinh-dot-2.yaml", "date: 23/12/2024", "date: 13/12/2024")
    assert problems_of(lambda: load_proposal(project.root, 2024, 2)) == [
        f"content/2024/to-trinh-dot-2.yaml:{line}: document.date: Tờ trình ngày 13/12/2024 trước cuộc họp "
        "Hội đồng (16/12/2024)"
    ]


def test_a_proposal_with_nothing_to_propose_is_refused(project):
    shutil.copy(DATA / "to-trinh-dot-2.yaml", project.root / "content/2024")
    assert problems_of(lambda: load_proposal(project.root, 2024, 2)) == [
        "content/2024/to-trinh-dot-2.yaml:4: danh sách đợt 2 không có khen thưởng nào vượt thẩm quyền của "
        "Chánh Văn phòng: không cần Tờ trình (xóa tệp to-trinh-dot-2.yaml)"
    ]


def test_the_decisions_and_the_proposals_problems_come_together(project):
    with_register(project)
    edit(project.root / "content/2024/to-trinh-dot-2.yaml", "subject: đề nghị", "subjekt: đề nghị")
    edit(project.root / "content/2024/quyet-dinh-dot-2.yaml", "number: 118", "number: 0")
    found = problems_of(lambda: load_proposal(project.root, 2024, 2))
    assert any("quyet-dinh-dot-2.yaml" in p and "số văn bản phải từ 01" in p for p in found)
    assert any("to-trinh-dot-2.yaml" in p and "subjekt" in p for p in found)


def test_a_draft_proposal_prints_its_marks(project):
    with_register(project)
    edit(
        project.root / "content/2024/to-trinh-dot-2.yaml",
        "  number: 120\n  date: 23/12/2024\n",
        "  month: 12\n",
    )
    edit(
        project.root / "content/2024/to-trinh-dot-2.yaml",
        "signer: vu-duc-chinh",
        "signer: 'CẦN BỔ SUNG: người ký'",
    )
    found = problems_of(lambda: load_proposal(project.root, 2024, 2))
    assert any(
        "chưa bổ sung: người ký (hoặc tạo bản nháp: DRAFT=1 với make, --draft với tdkt)" in p for p in found
    )
    data, _ = render_proposal(project, 2024, 2, draft=True)
    text = extract.texts(Document(io.BytesIO(data)))
    assert "DỰ THẢO" in " ".join(text)
    assert "Số:       /TTr-VP" in text or any(t.startswith("Số:") and t.endswith("/TTr-VP") for t in text)


def test_make_all_builds_the_proposal_too(project):
    with_register(project)
    built = build_all(project, 2024, today=TODAY_AFTER_2024)
    assert project.root / "output/2024/to-trinh-dot-2-2024.docx" in [b.path for b in built]


def test_diff_renders_a_proposal(project):
    with_register(project)
    assert render_kind(project, "proposal", 2024, 2) == render_proposal(project, 2024, 2)[0]


# ---- eligibility over the years --------------------------------------------------------------------


def test_a_missing_year_is_an_error_naming_it(project):
    with_register(project)
    edit(
        project.root / IMPORTS,
        "1,Lường Văn Ân,Cá nhân,Trưởng phòng,Phòng Kinh tế,Chiến sĩ thi đua cơ sở,2022,105/QĐ-VP,20/12/2022\n",
        "",
    )
    assert problems_of(lambda: load_proposal(project.root, 2024, 2)) == [
        f"{CSV2}:35: F35 “Danh hiệu / Hình thức khen thưởng”: Lường Văn Ân: “Chiến sĩ thi đua cấp tỉnh” cần "
        "“Chiến sĩ thi đua cơ sở” 03 năm liên tục (2022, 2023, 2024); thiếu năm 2022 trong sổ khen thưởng "
        "(Luật Thi đua, khen thưởng 2022 (danh hiệu Chiến sĩ thi đua cấp tỉnh; điều, khoản chưa đối chiếu))"
    ]


def test_the_same_years_title_counts_and_only_for_the_same_person(project):
    with_register(project)
    # Lường Văn Ân's 2024 CSTĐCS is in the same list; moved to another unit, the imports are someone else's
    edit(
        project.root / IMPORTS,
        "2,Lường Văn Ân,Cá nhân,Trưởng phòng,Phòng Kinh tế,Chiến sĩ thi đua cơ sở,2023",
        "2,Lường Văn Ân,Cá nhân,Trưởng phòng,Phòng Tổng hợp,Chiến sĩ thi đua cơ sở,2023",
    )
    found = problems_of(lambda: load_proposal(project.root, 2024, 2))
    assert len(found) == 1 and "thiếu năm 2023 trong sổ khen thưởng" in found[0]


def test_an_unconfirmed_rule_warns_and_does_not_refuse(project):
    with_register(project)
    edit(
        project.root / "content/so-khen-thuong/danh-gia-2023.csv",
        "1,Ma Văn Toàn,Phòng Tổng hợp,2023,Hoàn thành xuất sắc nhiệm vụ\n",
        "",
    )
    data, warnings = render_proposal(project, 2024, 2)
    assert data
    assert [str(w) for w in warnings if "Ma Văn Toàn" in w.message] == [
        f"{CSV2}:36: F36 “Danh hiệu / Hình thức khen thưởng”: Ma Văn Toàn: “Bằng khen của Chủ tịch UBND tỉnh” cần "
        "“hoàn thành xuất sắc nhiệm vụ” 02 năm liên tục (2023, 2024); thiếu năm 2023 trong sổ khen thưởng "
        "(Luật Thi đua, khen thưởng 2022, Điều 74 — quy định chưa được xác nhận, hãy kiểm tra lại)"
    ]


def test_a_rule_on_time_since_the_previous_award(project):
    with_register(project)
    catalog = project.root / "content/shared/khen-thuong.yaml"
    rule = (
        "\n  - form: bang-khen-chu-tich-ubnd-tinh\n    recipient: tập thể\n    title: bang-khen-chu-tich-ubnd-tinh\n"
        "    min_years_since: 2\n    source: quy định thử nghiệm (tests)\n"
    )
    text = catalog.read_text(encoding="utf-8").replace("\n# Tỷ lệ phiếu bầu", rule + "\n# Tỷ lệ phiếu bầu")
    catalog.write_text(text, encoding="utf-8")
    edit(project.root / CSV2, "36,Phòng Kinh tế,Tập thể", "36,Phòng Tổng hợp,Tập thể")
    found = problems_of(lambda: load_proposal(project.root, 2024, 2))
    assert found == [
        f"{CSV2}:37: F37 “Danh hiệu / Hình thức khen thưởng”: Phòng Tổng hợp: “Bằng khen của Chủ tịch UBND tỉnh” "
        "cần cách lần được “Bằng khen của Chủ tịch UBND tỉnh” trước ít nhất 02 năm; lần gần nhất năm 2023 "
        "(quy định thử nghiệm (tests))"
    ]


def test_an_ambiguous_nominee_is_refused_not_guessed(project):
    with_register(project)
    path = project.root / IMPORTS
    text = path.read_text(encoding="utf-8").replace(
        "Số quyết định,Ngày quyết định", "Số quyết định,Ngày quyết định,Mã"
    )
    text = text.replace(",2022,105/QĐ-VP,20/12/2022", ",2022,105/QĐ-VP,20/12/2022,CB-01")
    text += "7,Lường Văn Ân,Cá nhân,Chuyên viên,Phòng Kinh tế,Lao động tiên tiến,2023,110/QĐ-VP,19/12/2023,CB-02\n"
    path.write_text(text, encoding="utf-8")
    found = problems_of(lambda: load_proposal(project.root, 2024, 2))
    assert (
        f"{CSV2}:35: F35 “Danh hiệu / Hình thức khen thưởng”: Lường Văn Ân: “Chiến sĩ thi đua cấp tỉnh” cần"
        not in " ".join(found)
    )
    assert any(
        p.startswith(
            f"{CSV2}:35: B35 “Họ và tên”: “Lường Văn Ân” khớp với 02 người cùng tên, cùng đơn vị "
            "(mã CB-01, mã CB-02): không đoán; hãy ghi cột “Mã” để phân biệt"
        )
        for p in found
    )


def test_an_identifier_column_in_the_award_list_tells_namesakes_apart(project):
    with_register(project)
    path = project.root / IMPORTS
    text = path.read_text(encoding="utf-8").replace(
        "Số quyết định,Ngày quyết định", "Số quyết định,Ngày quyết định,Mã"
    )
    text = text.replace("105/QĐ-VP,20/12/2022", "105/QĐ-VP,20/12/2022,CB-01").replace(
        "Chiến sĩ thi đua cơ sở,2023,110/QĐ-VP,19/12/2023",
        "Chiến sĩ thi đua cơ sở,2023,110/QĐ-VP,19/12/2023,CB-01",
    )
    text += "7,Lường Văn Ân,Cá nhân,Chuyên viên,Phòng Kinh tế,Lao động tiên tiến,2023,110/QĐ-VP,19/12/2023,CB-02\n"
    path.write_text(text, encoding="utf-8")
    award_list = project.root / CSV2
    lines = award_list.read_text(encoding="utf-8").splitlines()
    lines[0] += ",Mã"
    lines = [
        line + (",CB-01" if "Lường Văn Ân" in line else ",") if i else line for i, line in enumerate(lines)
    ]
    award_list.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load_proposal(project.root, 2024, 2).awards


# ---- the register and tdkt history ------------------------------------------------------------------


def test_history_of_a_person_from_decisions_imports_and_evaluations(project):
    with_register(project)
    lines = history_lines(load_register(Content(project)), "lường văn ân")
    assert lines == [
        "Lường Văn Ân (cá nhân) — Phòng Kinh tế",
        "  Năm 2022:",
        f"    - Chiến sĩ thi đua cơ sở — Quyết định số 105/QĐ-VP ngày 20/12/2022 (nhập từ {IMPORTS}:2)",
        "  Năm 2023:",
        "    - Xếp loại: hoàn thành xuất sắc nhiệm vụ (content/so-khen-thuong/danh-gia-2023.csv:3)",
        f"    - Chiến sĩ thi đua cơ sở — Quyết định số 110/QĐ-VP ngày 19/12/2023 (nhập từ {IMPORTS}:3)",
        f"    - Lao động tiên tiến — Quyết định số 110/QĐ-VP ngày 19/12/2023 (nhập từ {IMPORTS}:4)",
        "  Năm 2024:",
        "    - Xếp loại: hoàn thành xuất sắc nhiệm vụ (content/2024/danh-gia.csv:3)",
        "    - Giấy khen — Quyết định số 52/QĐ-VP ngày 26/6/2024 (content/2024/khen-thuong-dot-1.xlsx:13)",
        "    - Chiến sĩ thi đua cơ sở — Quyết định số 118/QĐ-VP ngày 20/12/2024 (content/2024/khen-thuong-dot-2.csv:25)",
        "    - Lao động tiên tiến — Quyết định số 118/QĐ-VP ngày 20/12/2024 (content/2024/khen-thuong-dot-2.csv:9)",
    ]


def test_history_of_a_unit_and_of_nobody(project, capsys):
    with_register(project)
    assert cli.main(["--root", str(project.root), "history", "Phòng Tổng hợp"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Phòng Tổng hợp (tập thể)\n  Năm 2023:\n")
    assert "Bằng khen của Chủ tịch UBND tỉnh — Quyết định số 2150/QĐ-UBND ngày 25/12/2023" in out
    assert cli.main(["--root", str(project.root), "history", "Không Có Ai"]) == 1
    assert "Không có ai tên “Không Có Ai” trong sổ khen thưởng." in capsys.readouterr().err


def test_make_history(project):
    with_register(project)
    shutil.copy(ROOT / "Makefile", project.root)
    (project.root / ".venv").symlink_to(ROOT / ".venv")
    (project.root / "pyproject.toml").symlink_to(ROOT / "pyproject.toml")
    done = subprocess.run(
        ["make", "-s", "history", "NAME=Ma Văn Toàn"], cwd=project.root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Ma Văn Toàn (cá nhân) — Phòng Tổng hợp\n")
    missing = subprocess.run(["make", "-s", "history"], cwd=project.root, capture_output=True, text=True)
    assert missing.returncode == 2 and "Thiếu NAME" in missing.stderr


def test_bad_register_rows_are_reported_with_their_cells(project):
    with_register(project, proposal=False)
    path = project.root / IMPORTS
    text = path.read_text(encoding="utf-8").replace(",2022,105/QĐ-VP,20/12/2022", ",22,105/QĐ-VP,31/02/2022")
    path.write_text(text, encoding="utf-8")
    evaluations = project.root / "content/so-khen-thuong/danh-gia-2023.csv"
    evaluations.write_text(
        evaluations.read_text(encoding="utf-8") + "3,Ma Văn Toàn,Phòng Tổng hợp,2023,Tốt lắm\n",
        encoding="utf-8",
    )
    found = problems_of(lambda: load_register(Content(project)))
    assert f"{IMPORTS}:2: G2 “Năm”: “22”: năm phải gồm 4 chữ số, ví dụ 2023" in found
    assert any(p.startswith(f"{IMPORTS}:2: I2 “Ngày quyết định”: ") for p in found)
    assert any(
        p.startswith(
            "content/so-khen-thuong/danh-gia-2023.csv:4: E4 “Xếp loại”: “Tốt lắm” không phải mức xếp loại"
        )
        for p in found
    )


def test_an_evaluation_twice_in_a_year_is_refused(project):
    with_register(project, proposal=False)
    path = project.root / "content/2024/danh-gia.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "3,Ma Văn Toàn,Phòng Tổng hợp,Hoàn thành tốt nhiệm vụ\n",
        encoding="utf-8",
    )
    assert problems_of(lambda: load_register(Content(project))) == [
        "content/2024/danh-gia.csv:4: B4 “Họ và tên”: Ma Văn Toàn đã có xếp loại năm 2024 (content/2024/danh-gia.csv:2)"
    ]


def test_an_eligibility_rule_naming_an_unknown_title_is_refused(project):
    line = edit(
        project.root / "content/shared/khen-thuong.yaml",
        "    title: chien-si-thi-dua-co-so\n",
        "    title: chien-si-co-so\n",
    )
    found = problems_of(lambda: load_decision(project.root, 2024, 2))
    assert found[0].startswith(
        f"content/shared/khen-thuong.yaml:{line}: eligibility[0].title: không có danh hiệu, hình thức “chien-si-co-so”"
    )


# ---- the report's comparison from the register --------------------------------------------------------


def test_the_year_end_report_compares_with_imported_records(project):
    with_register(project, proposal=False)
    data, valid = render_report(project, 2024, None, today=TODAY_AFTER_2024)
    found = extract.texts(Document(io.BytesIO(data)))
    # 2023 in the imports: 02 LĐTT, 01 CSTĐCS, 01 TTLĐTT; the Chairman's Bằng khen is not compared
    assert valid.previous == {
        "lao-dong-tien-tien": {"cá nhân": 2},
        "chien-si-thi-dua-co-so": {"cá nhân": 1},
        "tap-the-lao-dong-tien-tien": {"tập thể": 1},
    }
    assert any("tăng 20 cá nhân so với năm 2023" in t for t in found)
    assert "Chưa có số liệu năm 2023 để so sánh." not in found


def test_a_period_report_does_not_compare_undated_imports(project):
    with_register(project, proposal=False)
    path = project.root / IMPORTS
    path.write_text(path.read_text(encoding="utf-8").replace(",19/12/2023", ","), encoding="utf-8")
    _data, valid = render_report(project, 2024, 1, today=TODAY_AFTER_2024)
    assert valid.previous is None  # no 2023 plan: a period cannot be matched


def test_the_2024_outputs_without_register_data_are_unchanged():
    """No register data: the report still says there is nothing to compare."""
    data, valid = render_report(Project(ROOT), 2024, None, today=TODAY_AFTER_2024)
    assert valid.previous is None
    assert "Chưa có số liệu năm 2023 để so sánh." in extract.texts(Document(io.BytesIO(data)))


def test_history_command_from_a_shell(project):
    with_register(project, proposal=False)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "--root", str(project.root), "history", "Phòng Kinh tế"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert "Tập thể lao động tiên tiến — Quyết định số 110/QĐ-VP ngày 19/12/2023" in done.stdout

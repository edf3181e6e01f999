"""The council's minutes: votes, thresholds as data, and nominees under a threshold kept out.

Members and votes are invented (tests/data/register/bien-ban-dot-2.yaml)."""

from __future__ import annotations

import io
import shutil

import pytest
from docx import Document

from pipeline.content.project import Project
from pipeline.documents.minutes import context as minutes_context
from pipeline.documents.registry import (
    MINUTES_TEMPLATE,
    build_all,
    render_decision,
    render_minutes,
    render_proposal,
)
from pipeline.documents.year import load_decision, load_minutes, load_proposal
from pipeline.errors import ContentError
from pipeline.word import nd30, render
from pipeline.word import reader as extract

from .conftest import ROOT, edit
from .test_register import CSV2, DATA, TODAY_AFTER_2024, with_register

MINUTES = "content/2024/bien-ban-dot-2.yaml"


def with_minutes(project: Project) -> Project:
    with_register(project)
    shutil.copy(DATA / "bien-ban-dot-2.yaml", project.root / "content/2024")
    edit(
        project.root / "content/2024/to-trinh-dot-2.yaml",
        "council_meeting:\n  council: Hội đồng Thi đua - Khen thưởng Văn phòng\n  date: 16/12/2024\n",
        "",
    )
    return project


def problems_of(call) -> list[str]:
    with pytest.raises(ContentError) as caught:
        call()
    return [str(p) for p in caught.value.problems]


def texts(data: bytes) -> list[str]:
    return extract.texts(Document(io.BytesIO(data)))


def test_the_minutes_record_who_attended_and_each_vote(project):
    data, warnings = render_minutes(with_minutes(project), 2024, 2)
    found = texts(data)
    assert warnings == []
    assert "Số: 05/BB-VP" in found
    assert "Có mặt 09/10 thành viên Hội đồng:" in found
    assert "- Chu Thị Hoa, Ủy viên;" in found[found.index("Vắng mặt:") :]
    assert "Chủ trì: Vũ Đức Chính. Thư ký: Lâm Văn Sơn." in found
    assert (
        "- “Chiến sĩ thi đua cơ sở”: từ 80% tổng số thành viên Hội đồng trở lên tán thành "
        "(Nghị định 98/2023/NĐ-CP, Điều 30 (bỏ phiếu kín))." in found
    )
    table = Document(io.BytesIO(data)).tables[1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[3] == ["3", "Phùng Văn Ích", "Chiến sĩ thi đua cơ sở", "08", "01", "80%", "Đạt"]
    assert rows[7] == ["7", "Phòng Kinh tế", "Bằng khen của Chủ tịch UBND tỉnh", "07", "02", "70%", "-"]
    assert "Cuộc họp kết thúc vào hồi 10 giờ 30 cùng ngày./." in found
    assert nd30.check(Document(io.BytesIO(data))) == []
    assert render_minutes(project, 2024, 2)[0] == data


def test_the_minutes_snapshot(project, data_regression):
    data, _ = render_minutes(with_minutes(project), 2024, 2)
    blocks = [b.as_dict() for b in extract.blocks(Document(io.BytesIO(data))) if b.text.strip()]
    data_regression.check({"paragraphs": blocks})


def test_every_variable_the_minutes_template_uses_is_provided(project):
    context = minutes_context.minutes_context(load_minutes(with_minutes(project).root, 2024, 2))
    used = render.template_variables(project.templates / MINUTES_TEMPLATE)
    assert used and used <= set(context), f"not provided: {sorted(used - set(context))}"


def test_the_proposal_cites_the_minutes(project):
    found = texts(render_proposal(with_minutes(project), 2024, 2)[0])
    assert (
        "Căn cứ Biên bản họp số 05/BB-VP ngày 16/12/2024 của Hội đồng Thi đua - Khen thưởng Văn phòng."
        in found
    )


def test_a_nominee_under_the_threshold_is_kept_out_of_the_decision_and_the_proposal(project):
    with_minutes(project)
    edit(
        project.root / MINUTES,
        "{name: Ma Văn Toàn, unit: TH, form: CSTĐCS, votes_for: 9, votes_against: 0}",
        "{name: Ma Văn Toàn, unit: TH, form: CSTĐCS, votes_for: 7, votes_against: 2}",
    )
    expected = [
        f"{CSV2}:24: B24 “Họ và tên”: Ma Văn Toàn: “Chiến sĩ thi đua cơ sở” được 07/10 phiếu tán thành (70%) "
        f"trong biên bản họp ngày 16/12/2024 ({MINUTES}), dưới ngưỡng 80% tổng số thành viên "
        "(Nghị định 98/2023/NĐ-CP, Điều 30 (bỏ phiếu kín)): không được đưa vào quyết định hay Tờ trình"
    ]
    assert problems_of(lambda: load_decision(project.root, 2024, 2)) == expected
    assert problems_of(lambda: load_proposal(project.root, 2024, 2)) == expected


def test_an_unconfirmed_threshold_warns(project):
    with_minutes(project)
    edit(
        project.root / MINUTES,
        "form: Chiến sĩ thi đua cấp tỉnh, votes_for: 9",
        "form: Chiến sĩ thi đua cấp tỉnh, votes_for: 6",
    )
    _data, warnings = render_proposal(project, 2024, 2)
    assert [w.message for w in warnings if "Chiến sĩ thi đua cấp tỉnh" in w.message] == [
        "Lường Văn Ân: “Chiến sĩ thi đua cấp tỉnh” được 06/10 phiếu tán thành (60%) trong biên bản họp ngày "
        f"16/12/2024 ({MINUTES}), dưới ngưỡng 80% tổng số thành viên (Nghị định 98/2023/NĐ-CP, Điều 30 — "
        "ngưỡng chưa được xác nhận, hãy kiểm tra lại): không được đưa vào quyết định hay Tờ trình"
    ]


def test_a_nominee_the_council_did_not_vote_on_is_refused(project):
    with_minutes(project)
    edit(
        project.root / MINUTES,
        "  - {name: Lâm Văn Sơn, unit: HCTC-QTTV, form: CSTĐCS, votes_for: 8, votes_against: 1}\n",
        "",
    )
    assert problems_of(lambda: render_decision(project, 2024, 2)) == [
        f"{CSV2}:27: B27 “Họ và tên”: Lâm Văn Sơn: “Chiến sĩ thi đua cơ sở” cần Hội đồng bỏ phiếu nhưng không có "
        f"trong biên bản họp ngày 16/12/2024 ({MINUTES})"
    ]


def test_bad_minutes_are_reported_all_at_once(project):
    with_minutes(project)
    chair = edit(project.root / MINUTES, "chair: Vũ Đức Chính", "chair: Người Lạ")
    edit(
        project.root / MINUTES,
        '{name: Lâm Văn Sơn, role: "Ủy viên, Thư ký Hội đồng"}',
        '{name: Lâm Văn Sơn, role: "Ủy viên, Thư ký Hội đồng", present: false}',
    )
    votes = edit(
        project.root / MINUTES,
        "form: Tập thể lao động xuất sắc, votes_for: 9",
        "form: Tập thể lao động xuất sắc, votes_for: 12",
    )
    found = problems_of(lambda: load_minutes(project.root, 2024, 2))
    assert (
        f"{MINUTES}:{chair}: chair: người chủ trì “Người Lạ” không có trong danh sách thành viên (members)"
        in found
    )
    assert f"{MINUTES}:{chair + 1}: secretary: người thư ký “Lâm Văn Sơn” được ghi là vắng mặt" in found
    assert (
        f"{MINUTES}:{votes}: nominations[5].votes_for: 12 + 0 phiếu, nhiều hơn số thành viên có mặt (08)"
        in found
    )


def test_make_all_builds_the_minutes_and_the_proposal(project):
    with_minutes(project)
    built = {b.path.name for b in build_all(project, 2024, today=TODAY_AFTER_2024)}
    assert {"bien-ban-dot-2-2024.docx", "to-trinh-dot-2-2024.docx", "quyet-dinh-dot-2-2024.docx"} <= built


def test_without_minutes_the_2024_decision_is_unchanged(project):
    assert render_decision(project, 2024, 2)[0] == render_decision(Project(ROOT), 2024, 2)[0]


def test_diff_renders_the_minutes(project):
    from pipeline.documents.registry import render_kind

    with_minutes(project)
    assert render_kind(project, "minutes", 2024, 2) == render_minutes(project, 2024, 2)[0]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_pdfs_of_the_new_kinds_hold_every_word(project):
    from pipeline.documents.registry import build_minutes, build_proposal
    from pipeline.word import pdf

    with_minutes(project)
    sources = [build_minutes(project, 2024, 2).path, build_proposal(project, 2024, 2).path]
    results = pdf.build_pdfs(sources)  # checks each PDF's text against its .docx
    assert [r.pages for r in results] == [3, 2]

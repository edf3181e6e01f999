"""The repository's years 2024, 2025 and 2026 end to end (issue 13): every document builds (drafts
where marks remain), finals refuse with the marks listed, the issuer and the decree in force on each
document's date; drafts citing a document out of force; holidays; signed documents; DATE write-back.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.cli import main
from pipeline.documents.rollover import roll_over
from pipeline.word import diff as docdiff
from pipeline.word.reader import open_docx

from .conftest import ROOT, copy_project, edit
from .test_command import make
from .test_rollover import complete_2025

BAC_KAN = ("UBND TỈNH BẮC KẠN", "Bắc Kạn, ngày")
THAI_NGUYEN = ("UBND TỈNH THÁI NGUYÊN", "Thái Nguyên, ngày")

# (year, command arguments, output file, issuer, decree cited or None, texts the draft shows)
DOCUMENTS = [
    (2024, ["plan"], "ke-hoach-2024.docx", BAC_KAN, "Nghị định số 98/2023/NĐ-CP", []),
    (2024, ["decision", "1"], "quyet-dinh-dot-1-2024.docx", BAC_KAN, "Nghị định số 98/2023/NĐ-CP", []),
    (2024, ["decision", "2"], "quyet-dinh-dot-2-2024.docx", BAC_KAN, "Nghị định số 98/2023/NĐ-CP", []),
    (2024, ["report", "1"], "bao-cao-so-ket-dot-1-2024.docx", BAC_KAN, None, []),
    (2024, ["report"], "bao-cao-tong-ket-2024.docx", BAC_KAN, None, []),
    (
        2025,
        ["plan"],
        "ke-hoach-2025.docx",
        BAC_KAN,
        "Nghị định số 98/2023/NĐ-CP",
        [
            "Căn cứ [CẦN BỔ SUNG: mã kế hoạch thi đua, khen thưởng năm 2025 của UBND tỉnh",
            "95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)",
        ],
    ),
    (
        2025,
        ["decision", "1"],
        "quyet-dinh-dot-1-2025.docx",
        BAC_KAN,
        "Nghị định số 98/2023/NĐ-CP",
        ["tháng 6 năm 2025", "(có danh sách kèm theo): [CẦN BỔ SUNG: danh sách khen thưởng (award_files)]."],
    ),
    (
        2025,
        ["decision", "2"],
        "quyet-dinh-dot-2-2025.docx",
        THAI_NGUYEN,
        "Nghị định số 152/2025/NĐ-CP",
        [
            "tháng 12 năm 2025",
            "Căn cứ CẦN BỔ SUNG: văn bản thay thế Quyết định số 39/2023/QĐ-UBND",
            "Tổng số tiền thưởng: [CẦN BỔ SUNG: danh sách khen thưởng (award_files)].",
        ],
    ),
    (
        2025,
        ["report", "1"],
        "bao-cao-so-ket-dot-1-2025.docx",
        BAC_KAN,
        None,
        ["tháng 6 năm 2025", "CẦN BỔ SUNG: thuận lợi"],
    ),
    (
        2025,
        ["report"],
        "bao-cao-tong-ket-2025.docx",
        THAI_NGUYEN,
        None,
        ["tháng 12 năm 2025", "CẦN BỔ SUNG: thuận lợi"],
    ),
    (
        2026,
        ["plan"],
        "ke-hoach-2026.docx",
        THAI_NGUYEN,
        "Nghị định số 152/2025/NĐ-CP",
        ["giai đoạn 2026 - 2030", "96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026)"],
    ),
    (
        2026,
        ["decision", "1"],
        "quyet-dinh-dot-1-2026.docx",
        THAI_NGUYEN,
        "Nghị định số 152/2025/NĐ-CP",
        ["tháng 6 năm 2026"],
    ),
    (
        2026,
        ["decision", "2"],
        "quyet-dinh-dot-2-2026.docx",
        THAI_NGUYEN,
        "Nghị định số 152/2025/NĐ-CP",
        ["tháng 12 năm 2026"],
    ),
    (2026, ["report", "1"], "bao-cao-so-ket-dot-1-2026.docx", THAI_NGUYEN, None, ["tháng 7 năm 2026"]),
    (2026, ["report"], "bao-cao-tong-ket-2026.docx", THAI_NGUYEN, None, ["tháng 12 năm 2026"]),
]


@pytest.fixture(scope="module")
def now(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with every year, read only."""
    return copy_project(tmp_path_factory.mktemp("years"), later_years=True).root


def line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


def text_of(path: Path) -> str:
    return docdiff.document_text(open_docx(path))


@pytest.mark.parametrize(
    ("year", "args", "name", "issuer", "decree", "shown"),
    DOCUMENTS,
    ids=[f"{d[0]}-{'-'.join(d[1])}" for d in DOCUMENTS],
)
def test_every_document_of_2024_2025_2026_builds_with_its_issuer_and_decree(
    now, tmp_path, capsys, year, args, name, issuer, decree, shown
):
    out = tmp_path / "out"
    shutil.copytree(now, out, ignore=shutil.ignore_patterns("output"))
    command = ["--root", str(out), args[0], str(year), *args[1:]]
    if year == 2024:
        assert main(command) == 0
    else:
        # the final refuses, listing every mark with its file and line
        assert main(command) == 2
        err = capsys.readouterr().err.splitlines()
        marks = [line for line in err if "chưa bổ sung:" in line]
        assert marks and all(
            re.match(rf"content/{year}/[a-z0-9-]+\.yaml:\d+: [\w.\[\]]+: chưa bổ sung: ", m) for m in marks
        )
        assert err[-1] == f"Có {len(err) - 1} lỗi trong nội dung; không tạo hay thay đổi tệp nào."
        assert not (out / "output").exists()
        assert main([*command, "--draft"]) == 0
    text = text_of(out / "output" / str(year) / name)
    lines = text.splitlines()
    assert issuer[0] in lines[0]
    assert issuer[1] in lines[1]
    other = THAI_NGUYEN if issuer == BAC_KAN else BAC_KAN
    assert other[0] not in text and other[1] not in text
    if decree:
        assert decree in text
    if issuer == THAI_NGUYEN:  # nothing cites the decree out of force since 01/7/2025
        assert "98/2023" not in text
    assert ("DỰ THẢO" in lines) == (year != 2024)
    assert ("CẦN BỔ SUNG" in text) == (year != 2024)
    for expected in shown:
        assert expected in text


def test_the_2026_plan_names_no_movement_or_anniversary_of_the_old_province(now, tmp_path):
    out = copy_project(tmp_path, later_years=True).root
    assert main(["--root", str(out), "plan", "2026", "--draft"]) == 0
    text = text_of(out / "output/2026/ke-hoach-2026.docx")
    assert "“Bắc Kạn" not in text and "Giải phóng tỉnh Bắc Kạn (" not in text
    assert "[CẦN BỔ SUNG – các phong trào của tỉnh Thái Nguyên" in text


def test_make_all_of_2025_refuses_and_writes_nothing_while_marks_remain(now, tmp_path, capsys):
    out = copy_project(tmp_path, later_years=True).root
    assert main(["--root", str(out), "all", "2025"]) == 2
    err = capsys.readouterr().err
    for name in ("ke-hoach", "quyet-dinh-dot-1", "quyet-dinh-dot-2", "bao-cao-dot-1", "bao-cao-tong-ket"):
        assert f"content/2025/{name}.yaml:" in err
    assert not (out / "output").exists()


# ---- a draft citing a document out of force (13.2) -------------------------------------------


def test_a_draft_cites_a_document_out_of_force_marked_and_the_final_refuses_naming_its_successor(
    tmp_path, capsys
):
    project = copy_project(tmp_path, later_years=True)
    path = project.root / "content/2025/quyet-dinh-dot-2.yaml"
    line = edit(path, "  - nd-152-2025\n", "  - nd-98-2023\n")  # as copied from 2024 by hand
    expected = (
        f"content/2025/quyet-dinh-dot-2.yaml:{line}: bases[1]: văn bản “nd-98-2023” không có hiệu lực vào "
        "ngày 01/12/2025 (hết hiệu lực từ 01/7/2025; thay bằng “nd-152-2025” (Nghị định số 152/2025/NĐ-CP))"
    )
    assert main(["--root", str(project.root), "decision", "2025", "2", "--draft"]) == 0
    err = capsys.readouterr().err
    assert f"Cảnh báo: {expected}; bản nháp in trích dẫn có dấu CẦN BỔ SUNG" in err
    text = text_of(project.root / "output/2025/quyet-dinh-dot-2-2025.docx")
    assert (
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Thi đua, khen thưởng [CẦN BỔ SUNG – hết hiệu lực từ 01/7/2025; thay bằng "
        "“nd-152-2025” (Nghị định số 152/2025/NĐ-CP)];"
    ) in text
    # the final refuses it, with the decision's marks, once the year's plan is complete
    complete_2025(project, 3)
    assert main(["--root", str(project.root), "decision", "2025", "2"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert expected in err
    assert any(
        line.startswith("content/2025/quyet-dinh-dot-2.yaml:") and "signer: chưa bổ sung" in line
        for line in err
    )
    assert not any("chưa có khen thưởng nào" in line for line in err)  # the list is marked, not missing


def test_a_draft_plan_citing_in_prose_a_document_without_a_known_successor_is_marked(tmp_path, capsys):
    project = copy_project(tmp_path, later_years=True)
    path = project.root / "content/2026/ke-hoach.yaml"
    edit(path, "[van-ban:nd-152-2025]", "[van-ban:qd-39-2023-ubnd]")
    assert main(["--root", str(project.root), "plan", "2026", "--draft"]) == 0
    err = capsys.readouterr().err
    assert (
        "tasks[1].items[1]: văn bản “qd-39-2023-ubnd” không có hiệu lực vào ngày 01/01/2026 (hết hiệu lực từ "
        "01/7/2025; văn bản thay thế chưa có trong danh mục (CẦN BỔ SUNG: quy định về thi đua, khen thưởng "
        "của UBND tỉnh Thái Nguyên (số, ngày chưa rõ)))"
    ) in err
    text = text_of(project.root / "output/2026/ke-hoach-2026.docx")
    assert (
        "áp dụng trên địa bàn tỉnh Bắc Kạn [CẦN BỔ SUNG – hết hiệu lực từ 01/7/2025; văn bản thay thế chưa "
        "có trong danh mục (quy định về thi đua, khen thưởng của UBND tỉnh Thái Nguyên (số, ngày chưa rõ))]"
    ) in text


# ---- holidays (13.6) ----------------------------------------------------------------------------


def test_new_year_warns_when_the_years_holidays_are_unconfirmed_or_missing(tmp_path, capsys):
    project = copy_project(tmp_path, later_years=True)
    shutil.rmtree(project.root / "content/2026")
    holidays = project.root / "content/shared/ngay-nghi.yaml"
    line = line_of(holidays, "unconfirmed_years: [")
    assert main(["--root", str(project.root), "new-year", "2026"]) == 0
    err = capsys.readouterr().err
    assert (
        f"Cảnh báo: content/shared/ngay-nghi.yaml:{line}: unconfirmed_years[0]: ngày nghỉ lễ năm 2026 chưa "
        "được đối chiếu với thông báo chính thức"
    ) in err
    assert main(["--root", str(project.root), "new-year", "2027"]) == 0
    err = capsys.readouterr().err
    assert "content/shared/ngay-nghi.yaml:" in err
    assert "holidays: chưa có ngày nghỉ lễ năm 2027" in err
    assert "2026 chưa được đối chiếu" not in err


def test_new_year_of_a_confirmed_year_does_not_warn_about_holidays(project, capsys):
    assert main(["--root", str(project.root), "new-year", "2025"]) == 0
    assert "ngay-nghi.yaml" not in capsys.readouterr().err


def test_years_marked_unconfirmed_must_be_years(project, capsys):
    path = project.root / "content/shared/ngay-nghi.yaml"
    edit(path, "unconfirmed_years: [2026]", "unconfirmed_years: [năm sau]")
    assert main(["--root", str(project.root), "new-year", "2025"]) == 2
    assert f"content/shared/ngay-nghi.yaml:{line_of(path, 'unconfirmed_years: [')}: unconfirmed_years[0]" in (
        capsys.readouterr().err
    )


# ---- signed documents (13.7) --------------------------------------------------------------------

SIGNED = "output/2024/quyet-dinh-dot-2-2024.docx"


def kept_files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "output/2024").glob("*-truoc-*"))


def test_rebuilding_a_signed_decision_unchanged_keeps_nothing(project, capsys):
    assert main(["--root", str(project.root), "decision", "2024", "2"]) == 0
    capsys.readouterr()
    assert main(["--root", str(project.root), "decision", "2024", "2"]) == 0
    assert "đã ký" not in capsys.readouterr().err
    assert kept_files(project.root) == []


def test_a_signed_decision_whose_text_changed_keeps_the_previous_file_and_says_what_changed(project, capsys):
    root = project.root
    assert main(["--root", str(root), "decision", "2024", "2"]) == 0
    before = (root / SIGNED).read_bytes()
    day = dt.date.fromtimestamp((root / SIGNED).stat().st_mtime)
    edit(root / "content/2024/quyet-dinh-dot-2.yaml", "funding: Quỹ thi đua", "funding: Quỹ Thi đua")
    capsys.readouterr()
    assert main(["--root", str(root), "decision", "2024", "2"]) == 0
    err = capsys.readouterr().err
    kept = f"quyet-dinh-dot-2-2024-truoc-{day:%Y%m%d}.docx"
    assert (
        f"Cảnh báo: {SIGNED}: Quyết định số 118/QĐ-VP ngày 20/12/2024 đã có số và ngày (đã ký) mà nội dung "
        f"thay đổi so với tệp đã tạo: 1 sửa; bản trước giữ ở {kept} (FORCE=1 hoặc --force: không giữ)"
    ) in err
    assert "Nguồn kinh phí: Quỹ [-thi-]{+Thi+} đua" in err
    assert kept_files(root) == [kept]
    assert (root / "output/2024" / kept).read_bytes() == before
    assert "Quỹ Thi đua" in text_of(root / SIGNED)

    # a second change the same day keeps the second previous version beside the first
    os.utime(root / SIGNED, ((root / SIGNED).stat().st_atime, (root / "output/2024" / kept).stat().st_mtime))
    edit(root / "content/2024/quyet-dinh-dot-2.yaml", "funding: Quỹ Thi đua", "funding: Quỹ THI ĐUA")
    assert main(["--root", str(root), "decision", "2024", "2"]) == 0
    assert set(kept_files(root)) == {kept, kept.replace(".docx", "-2.docx")}

    # tdkt pdf converts the documents, not the kept versions
    assert [p.name for p in cli._year_documents(project, 2024)] == ["quyet-dinh-dot-2-2024.docx"]


def test_force_replaces_a_changed_signed_document_without_keeping_it(project, capsys):
    root = project.root
    assert main(["--root", str(root), "decision", "2024", "2"]) == 0
    edit(root / "content/2024/quyet-dinh-dot-2.yaml", "funding: Quỹ thi đua", "funding: Quỹ Thi đua")
    capsys.readouterr()
    assert main(["--root", str(root), "decision", "2024", "2", "--force"]) == 0
    assert "đã ký" in (err := capsys.readouterr().err) and "không giữ bản trước (FORCE=1)" in err
    assert kept_files(root) == []


def test_make_passes_force_through_the_environment(project):
    root = project.root
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")
    assert make(root, "decision", "YEAR=2024", "PERIOD=2").returncode == 0
    edit(root / "content/2024/quyet-dinh-dot-2.yaml", "funding: Quỹ thi đua", "funding: Quỹ Thi đua")
    result = make(root, "decision", "YEAR=2024", "PERIOD=2", "FORCE=có lẽ")
    assert result.returncode == 2
    assert "FORCE chỉ nhận 1 (ghi đè, không giữ bản trước) hoặc 0 (nhận được “có lẽ”)" in result.stderr
    result = make(root, "decision", "YEAR=2024", "PERIOD=2", "FORCE=1")
    assert result.returncode == 0, result.stderr
    assert "không giữ bản trước (FORCE=1)" in result.stderr
    assert kept_files(root) == []
    edit(root / "content/2024/quyet-dinh-dot-2.yaml", "funding: Quỹ Thi đua", "funding: Quỹ thi đua")
    result = make(root, "all", "YEAR=2024", "FORCE=0")
    assert "bản trước giữ ở quyet-dinh-dot-2-2024-truoc-" in result.stderr
    assert len(kept_files(root)) == 1


def test_a_signed_report_is_kept_too(project, capsys):
    root = project.root
    report = root / "content/2024/bao-cao-tong-ket.yaml"
    edit(report, "  number:\n", "  number: 130\n")
    assert main(["--root", str(root), "report", "2024"]) == 0
    edit(report, "subject: ", "subject: Báo cáo ")
    capsys.readouterr()
    assert main(["--root", str(root), "report", "2024"]) == 0
    err = capsys.readouterr().err
    assert "Báo cáo số 130/BC-VP ngày 26/12/2024 đã có số và ngày (đã ký)" in err
    assert [n for n in kept_files(root) if n.startswith("bao-cao-tong-ket-2024-truoc-")]


def test_a_report_without_a_number_is_not_signed_and_is_simply_replaced(project, capsys):
    root = project.root
    assert main(["--root", str(root), "report", "2024", "1"]) == 0
    edit(root / "content/2024/bao-cao-dot-1.yaml", "subject: ", "subject: Báo cáo ")
    assert main(["--root", str(root), "report", "2024", "1"]) == 0
    assert "đã ký" not in capsys.readouterr().err
    assert kept_files(root) == []


# ---- DATE written back (13.7) -------------------------------------------------------------------


def test_a_report_date_is_written_back_keeping_comments_and_a_contradicted_month_is_blanked(project, capsys):
    path = project.root / "content/2024/bao-cao-dot-1.yaml"
    edit(path, "  date:\n", "  date:                  # ngày báo cáo\n")
    before = path.read_text("utf-8")
    assert main(["--root", str(project.root), "report", "2024", "1", "--date", "05/8/2024"]) == 0
    out = capsys.readouterr().out
    assert "Đã ghi ngày báo cáo 05/08/2024 vào content/2024/bao-cao-dot-1.yaml:7 (document.date)" in out
    after = path.read_text("utf-8")
    assert "  date: 05/08/2024                  # ngày báo cáo\n  month:\n" in after
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert [b for _a, b in changed] == ["  date: 05/08/2024                  # ngày báo cáo", "  month:"]
    # the next build, without DATE, has the date: same document
    first = (project.root / "output/2024/bao-cao-so-ket-dot-1-2024.docx").read_bytes()
    assert main(["--root", str(project.root), "report", "2024", "1"]) == 0
    assert "Đã ghi" not in capsys.readouterr().out
    assert (project.root / "output/2024/bao-cao-so-ket-dot-1-2024.docx").read_bytes() == first


def test_a_report_date_that_cannot_be_written_back_refuses_the_build(project, capsys):
    path = project.root / "content/2024/bao-cao-dot-1.yaml"
    text = path.read_text("utf-8")
    start = text.index("document:\n")
    end = text.index("\n\n", start)
    flow = "document: {number: null, month: 7, signer: vu-duc-chinh, authority: '', drafted_by: HCTC-QTTV}"
    path.write_text(text[:start] + flow + text[end:], encoding="utf-8")
    before = path.read_bytes()
    assert main(["--root", str(project.root), "report", "2024", "1", "--date", "05/7/2024"]) == 2
    err = capsys.readouterr().err
    assert "content/2024/bao-cao-dot-1.yaml: không tìm được chỗ ghi ngày báo cáo 05/7/2024" in err
    assert "chưa tạo báo cáo" in err
    assert path.read_bytes() == before
    assert not (project.root / "output").exists()


def test_rollover_of_a_year_whose_facts_were_marks_does_not_nest_them(tmp_path):
    project = copy_project(tmp_path, later_years=True)
    shutil.rmtree(project.root / "content/2026")
    roll_over(project.root, 2026)
    text = (project.root / "content/2026/ke-hoach.yaml").read_text("utf-8")
    assert 'month: "CẦN BỔ SUNG: tháng ban hành kế hoạch năm 2026"' in text
    assert text.count("CẦN BỔ SUNG: người ký") == 1 and "(năm 2025: CẦN" not in text

"""new-year over several years: only reported changes, successors, the old province, the year's
files, concurrent runs, flow and multi-line values, and `all` that fails before writing."""

from __future__ import annotations

import datetime as dt
import difflib
import io
import threading
from pathlib import Path

import pytest
from docx import Document

from pipeline import cli
from pipeline.content.project import Content, Project
from pipeline.documents.registry import build_all, render_decision, render_report
from pipeline.documents.rollover import RolloverRefused, roll_over
from pipeline.documents.year import load_decision, load_report
from pipeline.errors import ContentError
from pipeline.word import reader as extract

from .conftest import ROOT, as_of_2024, edit

CARRIED = ("ke-hoach.yaml", "quyet-dinh-dot-1.yaml", "quyet-dinh-dot-2.yaml")


def changed_lines(old: str, new: str) -> set[int]:
    """Lines of `new` that differ from `old` (replaced or inserted); no line may be deleted."""
    found: set[int] = set()
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag != "delete", f"lines {i1 + 1}-{i2} removed"
        if tag != "equal":
            found.update(range(j1 + 1, j2 + 1))
    return found


def test_2024_to_2027_changes_only_what_it_reports(project):
    for year in (2025, 2026, 2027):
        result = roll_over(project.root, year)
        assert result.problems == []
        for name in CARRIED:
            old = (project.root / f"content/{year - 1}/{name}").read_text(encoding="utf-8")
            new = (project.root / f"content/{year}/{name}").read_text(encoding="utf-8")
            shown = f"content/{year}/{name}"
            reported = {p.line for p in result.changes if p.file == shown}
            assert changed_lines(old, new) == reported, name
    plan_2026 = (project.root / "content/2026/ke-hoach.yaml").read_text(encoding="utf-8")
    # ranges and terms are never touched
    assert "giai đoạn 2021 - 2025" in plan_2026
    assert "Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025" in plan_2026
    assert "2021 - 2026" not in plan_2026
    plan_2027 = (project.root / "content/2027/ke-hoach.yaml").read_text(encoding="utf-8")
    assert "subject: Công tác thi đua khen thưởng năm 2027" in plan_2027
    assert "giai đoạn 2021 - 2025" in plan_2027


def test_a_range_is_listed_not_changed(project):
    roll_over(project.root, 2025)
    result = roll_over(project.root, 2026)
    plan = project.root / "content/2026/ke-hoach.yaml"
    lines = plan.read_text(encoding="utf-8").splitlines()
    listed = [
        p for p in result.reviews if p.file == "content/2026/ke-hoach.yaml" and "giữ nguyên 2025" in p.message
    ]
    ranges = [p for p in listed if "khoảng năm" in p.message]
    assert {lines[p.line - 1].strip() for p in ranges} >= {
        next(x.strip() for x in lines if "giai đoạn 2021 - 2025" in x),
        next(x.strip() for x in lines if "5 năm 2021 - 2025" in x),
    }


def test_successors_are_swapped_and_unknown_ones_marked(project):
    first = roll_over(project.root, 2025)
    text_2025 = (project.root / "content/2025/ke-hoach.yaml").read_text(encoding="utf-8")
    assert "[van-ban:nd-98-2023]" in text_2025  # still in force on 01/01/2025 ...
    assert any("hết hiệu lực từ 01/7/2025" in p.message for p in first.reviews)  # ... but listed
    result = roll_over(project.root, 2026)
    text = (project.root / "content/2026/ke-hoach.yaml").read_text(encoding="utf-8")
    assert "[van-ban:nd-98-2023]" not in text and "[van-ban:nd-152-2025]" in text
    assert "[van-ban:qd-39-2023-ubnd]" not in text
    assert "[CẦN BỔ SUNG – văn bản thay thế Quyết định số 39/2023/QĐ-UBND" in text
    swaps = [p.message for p in result.changes if "hết hiệu lực" in p.message]
    assert any("thay bằng [van-ban:nd-152-2025] (áp dụng từ 01/7/2025)" in m for m in swaps)
    assert any("qd-39-2023-ubnd" in m and "CẦN BỔ SUNG" in m for m in swaps)
    # the mark in the prose is one of the plan's marks, with its line
    assert any(p.field == "tasks[1].items[1]" for p in result.marks)
    decision = (project.root / "content/2026/quyet-dinh-dot-1.yaml").read_text(encoding="utf-8")
    assert "  - nd-152-2025" in decision and "nd-98-2023" not in decision


def test_text_naming_the_old_province_is_listed(project):
    result = roll_over(project.root, 2025)  # Bắc Kạn until 30/6/2025, Thái Nguyên from 01/7/2025
    old_place = [p for p in result.reviews if "tỉnh cũ “Bắc Kạn”" in p.message]
    lines = (project.root / "content/2025/ke-hoach.yaml").read_text(encoding="utf-8").splitlines()
    found = {p.message.split(" nhắc")[0] for p in old_place}
    assert {"[phong-trao:nong-thon-moi]", "[ky-niem:giai-phong-bac-kan]"} <= found
    for problem in old_place:
        if problem.message.startswith("[phong-trao:nong-thon-moi]"):
            assert "[phong-trao:nong-thon-moi]" in lines[problem.line - 1]
    roll_over(project.root, 2026)
    later = roll_over(project.root, 2027)  # Thái Nguyên both years: nothing to list
    assert not any("tỉnh cũ" in p.message for p in later.reviews)


def test_the_years_decisions_and_reports_are_prepared(project):
    result = roll_over(project.root, 2025)
    folder = project.root / "content/2025"
    assert sorted(p.name for p in folder.iterdir()) == [
        "bao-cao-dot-1.yaml",
        "bao-cao-tong-ket.yaml",
        "ke-hoach.yaml",
        "quyet-dinh-dot-1.yaml",
        "quyet-dinh-dot-2.yaml",
    ]
    assert result.order[0].endswith("tdkt plan 2025")
    assert [s.split(":")[0] for s in result.order[1:]] == [
        "quyết định khen thưởng đợt 1",
        "báo cáo sơ kết đợt 1",
        "quyết định khen thưởng đợt 2",
        "báo cáo tổng kết năm 2025",
    ]
    # a decision with marks is refused, each mark with its line; as a draft it builds
    with pytest.raises(ContentError) as caught:
        load_decision(project.root, 2025, 1)
    own = [p for p in caught.value.problems if p.file == "content/2025/quyet-dinh-dot-1.yaml"]
    assert [p.field for p in own] == ["document.signer", "award_files[0]"]
    assert all(p.line and "chưa bổ sung" in p.message for p in own)
    for period in (1, 2):
        data, _warnings = render_decision(Project(project.root), 2025, period, draft=True)
        assert "DỰ THẢO" in extract.texts(Document(io.BytesIO(data)))
    with pytest.raises(ContentError) as caught:
        load_report(project.root, 2025, None, today=dt.date(2026, 11, 28))
    assert any(p.file == "content/2025/bao-cao-tong-ket.yaml" for p in caught.value.problems)
    for period in (1, None):
        data, valid = render_report(
            Project(project.root), 2025, period, today=dt.date(2026, 11, 28), draft=True
        )
        found = extract.texts(Document(io.BytesIO(data)))
        assert valid.draft and "DỰ THẢO" in found
        assert any("CẦN BỔ SUNG" in t for t in found)


def test_thirty_concurrent_runs_never_lose_the_winners_folder(tmp_path):
    import shutil

    for trial in range(30):
        root = tmp_path / str(trial)
        for name in ("content", "templates"):
            shutil.copytree(ROOT / name, root / name, ignore=as_of_2024)
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def run(
            root: Path = root, barrier: threading.Barrier = barrier, outcomes: list[str] = outcomes
        ) -> None:
            barrier.wait()
            try:
                roll_over(root, 2025)
                outcomes.append("won")
            except RolloverRefused:
                outcomes.append("refused")

        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["refused", "won"], trial
        folder = root / "content/2025"
        assert len(list(folder.iterdir())) == 5, trial
        assert [p.name for p in (root / "content").iterdir() if p.name.startswith(".")] == []


def test_flow_mappings_and_multi_line_values_stay_intact(project):
    plan = project.root / "content/2024/ke-hoach.yaml"
    edit(
        plan,
        "document:\n  number:                 # để trống đến khi có số văn bản\n"
        "  date:                   # để trống đến khi ký; khi đó chỉ cần tháng ban hành\n"
        "  month: 3\n  signer: vu-duc-chinh\n"
        '  authority: ""           # "" (Chánh Văn phòng ký), KT., TL., TM., Q., TUQ.\n'
        "  drafted_by: HCTC-QTTV\n",
        'document: {number: 12, month: 3, signer: vu-duc-chinh, authority: "", drafted_by: HCTC-QTTV}\n',
    )
    edit(
        plan,
        "  - Thực hiện tốt các quy định của pháp luật về thi đua, khen thưởng, nâng cao chất lượng công tác thi\n"
        "    đua, khen thưởng.\n",
        "  - |\n    Thực hiện tốt các quy định năm 2024,\n    giữ nguyên từng dòng.\n"
        "  - >-\n    Gấp dòng năm\n    2024 vẫn là một câu.\n"
        '  - "Trong ngoặc kép năm 2024,\n    hai dòng."\n',
    )
    result = roll_over(project.root, 2025)
    text = (project.root / "content/2025/ke-hoach.yaml").read_text(encoding="utf-8")
    assert 'document: {number: null, month: "CẦN BỔ SUNG: tháng ban hành' in text
    assert ', authority: "", drafted_by: HCTC-QTTV}\n' in text
    assert "  - |\n    Thực hiện tốt các quy định năm 2025,\n    giữ nguyên từng dòng.\n" in text
    assert "  - >-\n    Gấp dòng năm\n    2025 vẫn là một câu.\n" in text
    assert '  - "Trong ngoặc kép năm 2025,\n    hai dòng."\n' in text
    old = plan.read_text(encoding="utf-8")
    assert changed_lines(old, text) == {
        p.line for p in result.changes if p.file == "content/2025/ke-hoach.yaml"
    }
    assert result.problems == []


def test_all_that_fails_writes_nothing_and_says_so(project, capsys):
    decision = project.root / "content/2024/quyet-dinh-dot-2.yaml"
    edit(decision, "  - khen-thuong-dot-2.csv", "  - khong-co.csv")
    with pytest.raises(ContentError):
        build_all(project, 2024, today=dt.date(2025, 3, 1), content=Content(project))
    assert not (project.root / "output").exists()
    code = cli.main(["--root", str(project.root), "all", "2024"])
    err = capsys.readouterr().err
    assert code == 2 and "không tạo hay thay đổi tệp nào" in err and "khong-co.csv" in err
    assert not (project.root / "output").exists()  # the plan was valid, yet not written

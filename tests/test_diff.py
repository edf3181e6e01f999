"""Reviewers' diffs: pairs of documents made here, one kind of change each."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from pipeline.cli import main
from pipeline.documents.rollover import roll_over
from pipeline.word import diff as docdiff
from pipeline.word import redline

from .conftest import ROOT

BASE = [
    "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
    "Điều 1. Tặng Giấy khen.",
    "Điều 2. Tiền thưởng.",
    "Điều 3. Thi hành.",
]


def make(paragraphs: list[str], *, table: list[list[str]] | None = None, header: str = "") -> Document:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table is not None:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    if header:
        document.sections[0].header.paragraphs[0].text = header
    return document


def changes(old: Document, new: Document) -> list[docdiff.Change]:
    return docdiff.compare(old, new, "cũ.docx", "mới.docx").changes


def saved(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def reopened(data: bytes) -> Document:
    return Document(io.BytesIO(data))


def test_insertion():
    (change,) = changes(make(BASE), make([*BASE[:2], "Điều 1a. Mới.", *BASE[2:]]))
    assert (change.kind, change.where, change.new.text) == ("insert", "đoạn 3", "Điều 1a. Mới.")


def test_deletion():
    (change,) = changes(make(BASE), make(BASE[:3]))
    assert (change.kind, change.where, change.old.text) == ("delete", "đoạn 4", "Điều 3. Thi hành.")


def test_changed_words_inside_a_paragraph():
    (change,) = changes(make(BASE), make([BASE[0], "Điều 1. Tặng Bằng khen.", *BASE[2:]]))
    assert change.kind == "replace"
    assert change.words == [
        ("equal", "Điều 1. Tặng "),
        ("delete", "Giấy"),
        ("insert", "Bằng"),
        ("equal", " khen."),
    ]
    text = docdiff.render_text(
        docdiff.compare(make(BASE), make([BASE[0], "Điều 1. Tặng Bằng khen.", *BASE[2:]]), "a", "b")
    )
    assert "  Điều 1. Tặng [-Giấy-]{+Bằng+} khen." in text


def test_a_moved_paragraph_is_one_move_not_a_deletion_and_an_insertion():
    moved = [BASE[0], BASE[2], BASE[3], BASE[1]]
    (change,) = changes(make(BASE), make(moved))
    assert (change.kind, change.old.text, change.where) == (
        "move",
        "Điều 1. Tặng Giấy khen.",
        "đoạn 2 → đoạn 4",
    )


def test_a_changed_table_cell():
    old = make(BASE, table=[["STT", "Số tiền"], ["1", "540.000"]])
    new = make(BASE, table=[["STT", "Số tiền"], ["1", "710.000"]])
    (change,) = changes(old, new)
    assert change.kind == "replace" and change.where == "bảng 1, dòng 2, ô 2, đoạn 1"
    assert change.words == [("delete", "540"), ("insert", "710"), ("equal", ".000")]


def test_table_rows_added_and_removed_and_whole_tables():
    # a row with nothing in common is removed and another added
    old = make(BASE, table=[["STT", "Tên"], ["1", "An"], ["2", "Bình"]])
    new = make(BASE, table=[["STT", "Tên"], ["1", "An"], ["3", "Cúc"]])
    assert [(c.kind, c.where) for c in changes(old, new)] == [
        ("delete", "bảng 1, dòng 3"),
        ("insert", "bảng 1, dòng 3"),
    ]
    # a similar row is compared cell by cell
    old = make(BASE, table=[["STT", "Tên"], ["1", "An"], ["2", "Bình Minh"]])
    new = make(BASE, table=[["STT", "Tên"], ["1", "An"], ["2", "Bình An"]])
    assert [(c.kind, c.where) for c in changes(old, new)] == [("replace", "bảng 1, dòng 3, ô 2, đoạn 1")]
    (added,) = changes(make(BASE), make(BASE, table=[["STT"], ["1"]]))
    assert (added.kind, added.where) == ("insert", "bảng 1")
    (removed,) = changes(make(BASE, table=[["STT"], ["1"]]), make(BASE))
    assert (removed.kind, removed.where) == ("delete", "bảng 1")


def test_formatting_only_changes_are_reported_as_formatting():
    old, new = make(BASE), make(BASE)
    paragraph = new.paragraphs[1]
    paragraph.clear()
    paragraph.add_run("Điều 1.").bold = True
    paragraph.add_run(" Tặng Giấy khen.")
    new.paragraphs[2].runs[0].font.size = Pt(16)
    new.paragraphs[3].alignment = WD_ALIGN_PARAGRAPH.CENTER
    found = [(c.kind, c.where, c.notes) for c in changes(old, new)]
    assert found == [
        ("format", "đoạn 2", ["“Điều 1.”: không đậm → in đậm"]),
        ("format", "đoạn 3", ["“Điều 2. Tiền thưởng.”: cỡ chữ 11 → 16"]),
        ("format", "đoạn 4", ["căn lề: trái → giữa"]),
    ]


def test_a_style_changed_in_the_styles_part_shows_in_rows_whose_xml_is_unchanged():
    table = [["STT", "Tên"], ["1", "An"], ["2", "Bình"]]
    old, new = make(BASE, table=table), make(BASE, table=table)
    new.styles["Normal"].font.size = Pt(13)
    found = changes(reopened(saved(old)), reopened(saved(new)))
    cells = [c for c in found if c.where.startswith("bảng 1")]
    assert len(cells) == 6 and all(c.kind == "format" and "cỡ chữ 11 → 13" in c.notes[0] for c in cells)


def test_rows_the_same_in_both_versions_are_read_once():
    rows = [["STT", "Tên"], *([str(n), f"Người {n}"] for n in range(1, 200))]
    old = reopened(saved(make(BASE, table=rows)))
    new = reopened(saved(make(BASE, table=[*rows[:100], ["100", "Người mới"], *rows[101:]])))
    comparison = docdiff.compare(old, new, "cũ.docx", "mới.docx")
    assert [(c.kind, c.where) for c in comparison.changes] == [("replace", "bảng 1, dòng 101, ô 2, đoạn 1")]
    (table,) = [b for b in comparison.new_parts[0].blocks if not isinstance(b, docdiff.Para)]
    read = [n for n, row in enumerate(table.rows, start=1) if "blocks" in row.__dict__]
    assert read == [101]  # its twin in the old version differs: read and compared cell by cell
    assert [row.text for row in table.rows][99:102] == ["99 | Người 99", "100 | Người mới", "101 | Người 101"]


def test_how_word_split_runs_rsids_and_proofing_marks_never_show():
    old, new = make(BASE), make(BASE)
    paragraph = new.paragraphs[1]
    paragraph.clear()
    for piece in ("Điều 1. ", "Tặng ", "Giấy", " khen."):
        run = paragraph.add_run(piece)
        run._r.set(qn("w:rsidR"), "00A1B2C3")
    paragraph._p.append(OxmlElement("w:proofErr"))
    paragraph._p.set(qn("w:rsidRDefault"), "00FFEE11")
    assert changes(old, new) == []


def test_headers_and_footers_are_compared():
    (change,) = changes(make(BASE, header="Bản chính"), make(BASE, header="Bản sửa"))
    assert (change.part, change.kind) == ("đầu trang", "replace")


def test_identical_documents_print_nothing_and_exit_0(tmp_path, capsys):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    make(BASE).save(a)
    make(BASE).save(b)
    assert main(["--root", str(tmp_path), "diff", str(a), str(b)]) == 0
    assert capsys.readouterr().out == ""
    assert not (tmp_path / "output").exists()


def test_different_documents_exit_1_and_write_html_and_redline(tmp_path, capsys):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    make(BASE).save(a)
    make([BASE[0], "Điều 1. Tặng Bằng khen.", *BASE[2:]]).save(b)
    assert main(["--root", str(tmp_path), "diff", str(a), str(b), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == [f"--- {a}", f"+++ {b}"]
    page = (tmp_path / "output/diff/a--b.html").read_text(encoding="utf-8")
    assert "<del>Giấy</del>" in page and "<ins>Bằng</ins>" in page
    assert Document(str(tmp_path / "output/diff/a--b-redline.docx")).paragraphs


def test_colour_only_when_asked_or_on_a_terminal(tmp_path, capsys):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    make(BASE).save(a)
    make(BASE[:3]).save(b)
    main(["--root", str(tmp_path), "diff", str(a), str(b), "--color", "always"])
    assert "\x1b[31m- Điều 3. Thi hành.\x1b[0m" in capsys.readouterr().out
    main(["--root", str(tmp_path), "diff", str(a), str(b)])  # captured output is not a terminal
    assert "\x1b[" not in capsys.readouterr().out


def test_trouble_exits_2(tmp_path, capsys):
    broken = tmp_path / "hỏng.docx"
    broken.write_text("không phải docx", encoding="utf-8")
    good = tmp_path / "a.docx"
    make(BASE).save(good)
    assert main(["--root", str(tmp_path), "diff", str(broken), str(good)]) == 2
    assert "không đọc được tệp .docx" in capsys.readouterr().err
    assert main(["--root", str(tmp_path), "diff", str(tmp_path / "không-có.docx"), str(good)]) == 2


# ---- the redline ------------------------------------------------------------------------------


def every_kind_of_change() -> tuple[Document, Document]:
    old = make(
        [*BASE, "Đoạn sẽ bị xóa.", "Đoạn chuyển chỗ."],
        table=[["STT", "Số tiền"], ["1", "540.000"], ["2", "bỏ"]],
        header="Bản chính",
    )
    new = make(
        ["Đoạn chuyển chỗ.", BASE[0], "Điều 1. Tặng Bằng khen xứng đáng.", "Điều mới.", *BASE[2:]],
        table=[["STT", "Số tiền"], ["1", "710.000"], ["3", "thêm"]],
        header="Bản sửa",
    )
    new.paragraphs[4].runs[0].bold = True
    return old, new


def test_redline_accept_all_gives_the_new_text_reject_all_the_old():
    old, new = every_kind_of_change()
    old_text, new_text = docdiff.document_text(old), docdiff.document_text(new)
    data = saved(redline.redline(old, new))
    assert docdiff.document_text(redline.accept_document(reopened(data))) == new_text
    assert docdiff.document_text(redline.reject_document(reopened(data))) == old_text


def test_redline_changes_are_real_tracked_changes():
    old, new = every_kind_of_change()
    body = reopened(saved(redline.redline(old, new))).element.body
    tags = {
        e.tag.split("}")[1] for e in body.iter() if e.tag in (qn("w:ins"), qn("w:del"), qn("w:rPrChange"))
    }
    assert tags == {"ins", "del", "rPrChange"}
    assert all(e.get(qn("w:author")) == redline.AUTHOR for e in body.iter(qn("w:ins"), qn("w:del")))
    ids = [e.get(qn("w:id")) for e in body.iter(qn("w:ins"), qn("w:del"), qn("w:rPrChange"))]
    assert len(ids) == len(set(ids))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_redline_and_shows_both_texts(tmp_path):
    old, new = every_kind_of_change()
    path = tmp_path / "redline.docx"
    path.write_bytes(saved(redline.redline(old, new)))
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = (tmp_path / "redline.txt").read_text(encoding="utf-8-sig")
    # LibreOffice shows tracked changes: the deleted and the inserted words are both there
    assert "Giấy" in text and "Bằng" in text and "Đoạn sẽ bị xóa." in text


# ---- documents built from content ---------------------------------------------------------------


def test_diff_against_the_content_at_a_git_revision_leaves_the_working_tree_alone(project, capsys):
    root = project.root
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "content", "templates"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "nội dung"], check=True)
    plan = root / "content/2024/ke-hoach.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("deadline: 20/06/2024", "deadline: 21/06/2024"),
        encoding="utf-8",
    )
    edited = plan.read_bytes()
    assert (
        main(
            [
                "--root",
                str(root),
                "diff",
                "--year",
                "2024",
                "--doc",
                "plan",
                "--ref",
                "HEAD",
                "--color",
                "never",
            ]
        )
        == 1
    )
    out = capsys.readouterr().out
    assert "chậm nhất ngày [-20-]{+21+}/6/2024." in out
    assert plan.read_bytes() == edited  # the working tree is as it was
    assert main(["--root", str(root), "diff", "--year", "2024", "--doc", "plan", "--ref", "không-có"]) == 2


def test_diff_a_year_against_the_previous_year(project, capsys):
    roll_over(project.root, 2025)
    code = main(
        [
            "--root",
            str(project.root),
            "diff",
            "--year",
            "2025",
            "--doc",
            "plan",
            "--base",
            "2024",
            "--draft",
            "--color",
            "never",
        ]
    )
    assert code == 1
    out = capsys.readouterr().out
    assert "Công tác thi đua khen thưởng năm [-2024-]{+2025+}" in out
    assert "kỷ niệm [-94-]{+95+} năm Ngày thành lập Đảng" in out


def test_textconv_prints_the_text_and_gitattributes_names_the_driver(capsys):
    assert main(["textconv", str(Path(ROOT) / "templates/ke-hoach.docx")]) == 0
    assert "KẾ HOẠCH" in capsys.readouterr().out
    assert "*.docx diff=docx" in (ROOT / ".gitattributes").read_text(encoding="utf-8")

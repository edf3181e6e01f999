"""The year's other content files, prepared by new-year beside the plan: one decision per period
(quyet-dinh-dot-N.yaml), one sơ kết report per period reviewed by a sơ kết (bao-cao-dot-N.yaml)
and the tổng kết report (bao-cao-tong-ket.yaml), shaped like the previous year's.

A decision is the previous year's file carried over (number, day and dossier date blank; the
signer, out-of-force bases without a known successor and the award lists marked). A report's
narrative is the year's own facts, so every section is a mark until the clerk writes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.content import marks
from pipeline.content.project import Content
from pipeline.content.splice import Edit, YamlText, scalar
from pipeline.documents import carryover
from pipeline.documents.decision.rules import decision_file
from pipeline.documents.plan.rules import ValidPlan
from pipeline.documents.report.rules import report_file
from pipeline.errors import Problem


@dataclass
class Prepared:
    text: str
    changes: list[Problem]
    reviews: list[Problem]


Carry = Callable[[YamlText, list[Edit], ValidPlan, int, str], Prepared]


def work_order(plan: ValidPlan, year: int) -> list[str]:
    """The year's documents in the order they are made, each with its command."""
    steps = [f"kế hoạch thi đua, khen thưởng năm {year}: tdkt plan {year}"]
    for number, period in enumerate(plan.content.periods, start=1):
        steps.append(f"quyết định khen thưởng đợt {number}: tdkt decision {year} {number}")
        if period.review.kind == "sơ kết":
            steps.append(f"báo cáo sơ kết đợt {number}: tdkt report {year} {number} --date <ngày báo cáo>")
        else:
            steps.append(f"báo cáo tổng kết năm {year}: tdkt report {year} --date <ngày báo cáo>")
    return steps


def prepare_year_files(content: Content, plan: ValidPlan, year: int, carry: Carry) -> dict[str, Prepared]:
    project = content.project
    old_dir = project.content_dir(plan.year)
    files: dict[str, Prepared] = {}
    for number, period in enumerate(plan.content.periods, start=1):
        name = decision_file(number)
        shown = project.display(project.content_dir(year) / name)
        source = old_dir / name
        if source.is_file():
            files[name] = _carry_decision(
                source.read_text(encoding="utf-8"), plan, year, number, shown, carry
            )
        else:
            files[name] = Prepared(_new_decision(plan, year, number, period.end.month), [], [])
        if period.review.kind == "sơ kết":
            files[report_file(number)] = Prepared(_new_report(content, plan, year, number), [], [])
    files[report_file(None)] = Prepared(_new_report(content, plan, year, None), [], [])
    return files


def _carry_decision(text: str, plan: ValidPlan, year: int, number: int, shown: str, carry: Carry) -> Prepared:
    source = YamlText(text, shown)
    mark = marks.mark
    edits: list[Edit] = []

    def put(path: tuple[str | int, ...], value: str | None, why: str) -> None:
        edit = source.replace_value(path, value, why)
        if edit is not None:
            edits.append(edit)

    put(("document", "number"), None, "để trống số quyết định")
    put(("document", "signer"), mark(f"người ký quyết định đợt {number} năm {year}"), "đánh dấu CẦN BỔ SUNG")
    put(("dossiers_received",), None, "để trống ngày nhận đủ hồ sơ")
    date = source.node("document", "date")
    month_node = source.node("document", "month")
    month = plan.content.periods[number - 1].end.month
    if month_node is not None and str(month_node.value).isdigit():
        month = int(month_node.value)
    if date is not None and date.value:
        month = int(str(date.value).split("/")[1])
        put(("document", "date"), None, "để trống ngày ký")
        if source.node("document", "month") is None:
            line = source.text.rfind("\n", 0, date.start_mark.index) + 1
            indent = len(source.text[line:]) - len(source.text[line:].lstrip(" "))
            end = source.text.find("\n", date.end_mark.index) + 1 or len(source.text)
            edits.append(
                Edit(
                    end,
                    end,
                    f"{' ' * indent}month: {month}\n",
                    ("document", "month"),
                    f"tháng ký theo năm {plan.year} (tháng {month})",
                )
            )
    catalogs = plan.catalogs
    bases = source.node("bases")
    for index, item in enumerate(bases.value if bases is not None else []):
        doc = catalogs.legal.get(str(item.value))
        if doc is None or doc.in_force(dt.date(year, month, 1)):
            continue
        new = carryover.successor(doc, catalogs)
        if new is not None:
            put(("bases", index), new.id, f"{doc.id} hết hiệu lực; thay bằng {new.id}")
        else:
            put(
                ("bases", index),
                mark(carryover.missing_successor_note(doc)),
                f"{doc.id} hết hiệu lực: CẦN BỔ SUNG",
            )
    files = source.node("award_files")
    for index, _item in enumerate(files.value if files is not None else []):
        note = f"tệp danh sách khen thưởng đợt {number} năm {year} (Excel hoặc CSV, đặt cạnh tệp này)"
        put(("award_files", index), mark(note), "đánh dấu CẦN BỔ SUNG")
    prepared = carry(source, edits, plan, year, shown)
    if source.node("awards") is not None:
        line = source.line_of(source.node("awards").start_mark.index)
        prepared.reviews.append(Problem(shown, line, "awards", f"danh sách khen thưởng của năm {plan.year}"))
    return prepared


def _new_decision(plan: ValidPlan, year: int, number: int, month: int) -> str:
    mark = marks.mark
    lines = [
        f"# Quyết định khen thưởng đợt {number} năm {year} (tạo bằng tdkt new-year).",
        "# Điền các chỗ CẦN BỔ SUNG trước khi in (hoặc in bản nháp: --draft).",
        "",
        "document:",
        "  number:",
        "  date:",
        f"  month: {month}",
        f"  signer: {scalar(mark(f'người ký quyết định đợt {number} năm {year}'))}",
        '  authority: ""',
        f"  drafted_by: {plan.content.document.drafted_by}",
        "",
        f"subject: khen thưởng thành tích trong phong trào thi đua đợt {number} năm {year}",
        "bases:",
        f"  - {scalar(mark('căn cứ pháp lý (mã trong content/shared/van-ban.yaml)'))}",
        f"proposal: {scalar(mark('Xét đề nghị của ...'))}",
        f"achievement: đã có thành tích trong phong trào thi đua đợt {number} năm {year}",
        f"list_title: Tập thể, cá nhân được khen thưởng đợt {number} năm {year}",
        f"funding: {scalar(mark('nguồn kinh phí'))}",
        f"executors: {scalar(mark('người, đơn vị thi hành (Điều 3)'))}",
        "",
        "award_files:",
        f"  - {scalar(mark(f'tệp danh sách khen thưởng đợt {number} năm {year} (Excel hoặc CSV)'))}",
        "",
        "recipients:",
        "  - to:",
        "      - Như Điều 3",
        "      - LĐVP",
    ]
    return "\n".join(lines) + "\n"


def _new_report(content: Content, plan: ValidPlan, year: int, period: int | None) -> str:
    """A report whose every section is a mark, shaped like the previous year's (its header and
    Nơi nhận carried where it has one)."""
    old = content.project.content_dir(plan.year) / report_file(period)
    old_text = YamlText(old.read_text(encoding="utf-8"), str(old)) if old.is_file() else None
    what = f"sơ kết đợt {period}" if period else "tổng kết"
    subject = (
        f"Tổng kết công tác thi đua, khen thưởng năm {year}"
        if period is None
        else (f"Sơ kết công tác thi đua, khen thưởng đợt {period} năm {year}")
    )
    month = plan.content.periods[(period or len(plan.content.periods)) - 1].end.month
    if period is not None:
        month = month % 12 + 1
    recipients = ["Sở Nội vụ", "LĐVP"]
    if old_text is not None:
        node = old_text.node("subject")
        if node is not None:
            subject = carryover_subject(str(node.value), plan.year, year)
        groups = old_text.node("recipients")
        recipients = [
            str(n.value)
            for g in (groups.value if groups else [])
            for k, v in g.value
            if k.value == "to"
            for n in v.value
        ] or recipients
    mark = marks.mark

    def section(note: str, indent: str = "  ") -> list[str]:
        return [f"{indent}- {scalar(mark(f'{note} ({what} năm {year})'))}"]

    lines = [
        f"# Báo cáo {what} công tác thi đua, khen thưởng năm {year} (tạo bằng tdkt new-year).",
        "# Số liệu khen thưởng được tính từ kế hoạch và các quyết định; ở đây chỉ viết phần nhận xét.",
        "# Mỗi chỗ CẦN BỔ SUNG là một mục phải viết trước khi in (hoặc in bản nháp: --draft).",
        "",
        "document:",
        "  number:",
        "  date:",
        f"  month: {month}",
        f"  signer: {scalar(mark(f'người ký báo cáo {what} năm {year}'))}",
        '  authority: ""',
        f"  drafted_by: {plan.content.document.drafted_by}",
        "",
        f"subject: {scalar(subject)}",
        "",
        "situation:",
        "  advantages:",
        *section("thuận lợi", "    "),
        "  difficulties:",
        *section("khó khăn", "    "),
        "",
        "leadership:",
        *section("công tác lãnh đạo, chỉ đạo, tuyên truyền"),
        "",
        "movements:",
    ]
    for ident in plan.movements():
        lines += [f"  - movement: {ident}", "    results:", *section(f"kết quả phong trào {ident}", "      ")]
    lines += [
        "",
        "assessment:",
        "  strengths:",
        *section("ưu điểm", "    "),
        "  shortcomings:",
        *section("tồn tại, hạn chế", "    "),
        "  causes:",
        *section("nguyên nhân", "    "),
        "  lessons:",
        *section("bài học kinh nghiệm", "    "),
        "",
        "directions:",
        *section("phương hướng, nhiệm vụ"),
        "",
        "proposals:",
        *section("đề xuất, kiến nghị"),
        "",
        "recipients:",
        "  - to:",
        *[f"      - {scalar(r)}" for r in recipients],
    ]
    return "\n".join(lines) + "\n"


def carryover_subject(subject: str, old: int, new: int) -> str:
    """The previous report's subject with the year where it stands for the report's year."""
    at = subject.find(str(old))
    while at >= 0:
        if carryover.classify(subject[:at], subject[at + 4 :]) is None:
            subject = subject[:at] + str(new) + subject[at + 4 :]
        at = subject.find(str(old), at + 4)
    return subject

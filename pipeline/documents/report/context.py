"""The report's template context: figures from the decisions, in prose and in a table.

The prose and the statistics table (biểu thống kê) are both made from one Statistics value,
so that a figure in the text can never disagree with the table or with the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pipeline.content.model import RewardForm
from pipeline.documents.decision.money import RECIPIENTS, count_text, payments
from pipeline.documents.plan.rules import roman
from pipeline.documents.report.rules import POINT_LETTERS
from pipeline.documents.shared import (
    anniversary_text,
    date_words,
    distribution_lines,
    document_number,
    expand_prose,
    header_context,
    lower_first,
    occurrence_year,
    properties,
    signature_lines,
)
from pipeline.vn import dates, inline
from pipeline.vn.amounts import grouped, two_digits
from pipeline.word.write import Properties

if TYPE_CHECKING:
    from pipeline.content.period_model import ReportSection
    from pipeline.documents.decision.rules import ValidDecision
    from pipeline.documents.report.rules import Recorded, ValidReport


def output_name(year: int, report: ValidReport) -> str:
    if report.scope.period is None:
        return f"bao-cao-tong-ket-{year}.docx"
    return f"bao-cao-so-ket-dot-{report.scope.period}-{year}.docx"


def report_properties(report: ValidReport) -> Properties:
    text = report.content
    details = f"báo cáo {report.scope.kind}; {report.scope.label(report.year)}" + (
        "; dự thảo" if report.draft else ""
    )
    return properties(
        "bao-cao", "Báo cáo", text.subject, report.issuer, text.document.number, details, report.date
    )


def point(index: int) -> str:
    return f"{POINT_LETTERS[index]})"


HEADING_KINDS = {1: "section", 2: "clause", 3: "point"}
"""The paragraph the template prints a heading of each level with (styles of the default outline)."""


def outline_lines(
    sections: list[ReportSection],
    prose: Callable[[list[str]], list[str]],
    blocks: dict[str, list[dict[str, str]]],
    level: int = 1,
) -> list[dict[str, str]]:
    """A report's own outline as the lines the template prints: {"kind": section | clause | point |
    text, "text": …}; headings numbered I., 1., a) by depth, sections without text left out."""
    lines: list[dict[str, str]] = []
    shown = [s for s in sections if _has_text([s], blocks)]
    for index, section in enumerate(shown):
        label = {1: f"{roman(index + 1)}.", 2: f"{index + 1}.", 3: point(index)}[level]
        lines.append({"kind": HEADING_KINDS[level], "text": f"{label} {section.title}"})
        lines += [{"kind": "text", "text": t} for t in prose(section.paragraphs)]
        lines += [{"kind": "text", "text": f"- {t}"} for t in prose(section.items)]
        lines += blocks[section.block] if section.block else []
        lines += outline_lines(section.sections, prose, blocks, level + 1)
    return lines


def _has_text(sections: list[ReportSection], blocks: dict[str, list[dict[str, str]]]) -> bool:
    """Whether any of these sections prints a line (a computed block may come out empty: no
    anniversary in the span)."""
    return any(
        s.paragraphs or s.items or (s.block and blocks[s.block]) or _has_text(s.sections, blocks)
        for s in sections
    )


@dataclass(frozen=True)
class FormFigures:
    form: RewardForm
    counts: dict[str, int]
    money: int
    previous: dict[str, int] | None


@dataclass(frozen=True)
class Statistics:
    rows: list[FormFigures]
    money: int
    decisions: list[ValidDecision]
    previous_year: int | None
    recorded: list[Recorded] = field(default_factory=list)
    """Awards not made by the issuer's decisions, counted in rows and money."""

    def total(self, recipient: str) -> int:
        return sum(r.counts.get(recipient, 0) for r in self.rows)


def _tally(decisions: list[ValidDecision]) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    money: dict[str, int] = {}
    for decision in decisions:
        for payment in payments(decision):
            form = payment.award.form.id
            by_recipient = counts.setdefault(form, {})
            by_recipient[payment.award.recipient] = by_recipient.get(payment.award.recipient, 0) + 1
            money[form] = money.get(form, 0) + (payment.amount if payment.paid else 0)
    return counts, money


def statistics(report: ValidReport) -> Statistics:
    counts, money = _tally(report.decisions)
    for item in report.recorded:
        by_recipient = counts.setdefault(item.form.id, {})
        by_recipient[item.recipient] = by_recipient.get(item.recipient, 0) + 1
        money[item.form.id] = money.get(item.form.id, 0) + (item.record.amount or 0)
    previous_counts = report.previous
    forms = report.plan.catalogs.rewards.forms
    shown = [f for f in forms if f.id in counts or (previous_counts and f.id in previous_counts)]
    rows = [
        FormFigures(
            form=f,
            counts=counts.get(f.id, {}),
            money=money.get(f.id, 0),
            previous=previous_counts.get(f.id, {}) if previous_counts is not None else None,
        )
        for f in shown
    ]
    return Statistics(
        rows,
        sum(money.values()),
        report.decisions,
        report.year - 1 if report.previous is not None else None,
        report.recorded,
    )


def comparison(row: FormFigures, previous_year: int) -> str:
    """'tăng 03 cá nhân so với năm 2023', 'bằng năm 2023'."""
    if row.previous is None:
        return ""
    parts = []
    for recipient in RECIPIENTS:
        change = row.counts.get(recipient, 0) - row.previous.get(recipient, 0)
        if change:
            parts.append(f"{'tăng' if change > 0 else 'giảm'} {two_digits(abs(change))} {recipient}")
    if not parts:
        return f"bằng năm {previous_year}"
    return f"{', '.join(parts)} so với năm {previous_year}"


def decision_reference(decision: ValidDecision) -> str:
    doc = decision.content.document
    number = (
        f" số {document_number('quyet-dinh', decision.issuer, doc.number)}" if doc.number is not None else ""
    )
    when = f" ngày {dates.numeric(doc.date)}" if doc.date else ""
    return f"Quyết định{number}{when}"


def _verb(form: RewardForm) -> str:
    return f"Công nhận danh hiệu “{form.name}”" if form.kind == "danh hiệu" else f"Tặng {form.name}"


def figures_prose(report: ValidReport, stats: Statistics) -> dict[str, Any]:
    label = report.scope.label(report.year)
    span = f"Trong {label}" if report.scope.period else label[:1].upper() + label[1:]
    who = report.issuer.short_name
    if not stats.decisions and not stats.recorded:
        return {"lead": f"{span}, {who} chưa ban hành quyết định khen thưởng nào.", "items": [], "total": ""}
    if stats.recorded:
        return _figures_with_records(span, who, stats)
    references = "; ".join(decision_reference(d) for d in stats.decisions)
    lead = (
        f"{span}, {who} đã ban hành {two_digits(len(stats.decisions))} quyết định khen thưởng "
        f"({references}), cụ thể:"
    )
    items = []
    for row in stats.rows:
        if not any(row.counts.values()):
            continue
        text = f"- {_verb(row.form)} cho {count_text(row.counts)}"
        versus = comparison(row, stats.previous_year) if stats.previous_year else ""
        items.append(f"{text} ({versus});" if versus else f"{text};")
    items[-1] = items[-1][:-1] + "."
    return {"lead": lead, "items": items, "total": f"Tổng số tiền thưởng: {grouped(stats.money)} đồng."}


def _figures_with_records(span: str, who: str, stats: Statistics) -> dict[str, Any]:
    """The figures when awards recorded from elsewhere count too: the issuer's own decisions, then
    each higher body's, then the totals over all of them."""
    items = []
    if stats.decisions:
        references = "; ".join(decision_reference(d) for d in stats.decisions)
        lead = (
            f"{span}, {who} đã ban hành {two_digits(len(stats.decisions))} quyết định khen thưởng "
            f"({references}); cùng với khen thưởng của cấp trên, kết quả cụ thể:"
        )
    else:
        lead = f"{span}, {who} chưa ban hành quyết định khen thưởng nào; khen thưởng của cấp trên cụ thể:"
    for row in stats.rows:
        if not any(row.counts.values()):
            continue
        text = f"- {_verb(row.form)} cho {count_text(row.counts)}"
        sources = sorted(
            {
                f"{r.record.conferred_by}: {r.record.decision}"
                for r in stats.recorded
                if r.form.id == row.form.id
            }
        )
        if sources:
            text += f" (trong đó khen thưởng của {'; '.join(sources)})"
        versus = comparison(row, stats.previous_year) if stats.previous_year else ""
        items.append(f"{text} ({versus});" if versus else f"{text};")
    items[-1] = items[-1][:-1] + "."
    return {"lead": lead, "items": items, "total": f"Tổng số tiền thưởng: {grouped(stats.money)} đồng."}


def deadline_sentences(report: ValidReport) -> list[str]:
    numbers = (
        range(1, len(report.plan.content.periods) + 1)
        if report.scope.period is None
        else [report.scope.period]
    )
    by_period = {d.period: d for d in report.decisions}
    sentences = []
    for number in numbers:
        period = report.plan.content.periods[number - 1]
        deadline = dates.numeric(period.deadline)
        decision = by_period.get(number)
        received = decision.content.dossiers_received if decision else None
        office = next((d for d in report.plan.issuer.departments if d.code == period.dossiers_to), None)
        where = office.reference if office else f"phòng {period.dossiers_to}"
        if received is None:
            sentences.append(
                f"Đợt {report.plan.period_label(number)}: chưa có thông tin ngày {where} nhận hồ sơ "
                "đề nghị khen thưởng "
                f"(thời hạn {deadline})."
            )
        else:
            sent = (
                f"Hồ sơ đề nghị khen thưởng đợt {report.plan.period_label(number)} được gửi về {where} "
                f"ngày {dates.numeric(received)}"
            )
            late = (received - period.deadline).days
            if late <= 0:
                sentences.append(f"{sent}, đúng thời hạn ({deadline}).")
            else:
                sentences.append(f"{sent}, chậm {two_digits(late)} ngày so với thời hạn {deadline}.")
    return sentences


def anniversaries_sentence(report: ValidReport) -> str:
    numbers = (
        range(len(report.plan.content.periods)) if report.scope.period is None else [report.scope.period - 1]
    )
    texts = []
    for index in numbers:
        period = report.plan.content.periods[index]
        for ref in inline.references(period.celebrate):
            if ref.kind == "ky-niem":
                anniversary = report.plan.catalogs.anniversaries[ref.id]
                year = occurrence_year(anniversary.origin, period.start, period.end) or report.year
                texts.append(f"kỷ niệm {anniversary_text(anniversary, year)}")
    if not texts:
        return ""
    return f"Các phòng, đơn vị đã tổ chức các hoạt động thi đua lập thành tích chào mừng {'; '.join(texts)}."


def count_cell(count: int) -> str:
    """A count in the statistics table: "02", or "-" for none (never "00")."""
    return two_digits(count) if count else "-"


def statistics_rows(stats: Statistics) -> list[dict[str, str]]:
    if not stats.decisions and not stats.recorded:
        return [{"kind": "empty", "label": "Chưa có quyết định khen thưởng nào trong thời gian báo cáo"}]
    rows = []
    for number, row in enumerate(stats.rows, start=1):
        rows.append(
            {
                "kind": "form",
                "number": str(number),
                "label": row.form.name,
                "collective": count_cell(row.counts.get("tập thể", 0)),
                "individual": count_cell(row.counts.get("cá nhân", 0)),
                "money": grouped(row.money) if row.money else "-",
                "versus": comparison(row, stats.previous_year) if stats.previous_year else "-",
            }
        )
    return rows


def _plan_reference(report: ValidReport) -> str:
    plan = report.plan
    doc = plan.content.document
    if doc.number is not None and doc.date is not None:
        number = document_number("ke-hoach", plan.issuer, doc.number)
        return (
            f"Kế hoạch số {number} ngày {dates.numeric(doc.date)} của {plan.issuer.common_name} "
            f"về {lower_first(plan.content.subject)}"
        )
    return f"Kế hoạch {lower_first(plan.content.subject)} của {plan.issuer.common_name}"


def report_context(report: ValidReport) -> dict[str, Any]:
    content, issuer, year = report.content, report.issuer, report.year
    catalogs = report.plan.catalogs
    count = len(report.plan.content.periods)

    def prose(texts: list[str]) -> list[str]:
        return [expand_prose(t, catalogs, year, count, report.date, report.plan.span) for t in texts]

    stats = statistics(report)
    scope = report.scope
    span = scope.label(year)
    if scope.period is not None:
        span += f" (từ {dates.numeric(scope.start)} đến {dates.numeric(scope.end)})"
    labelled = scope.campaign != f"năm {year}"  # a campaign not named by the calendar year
    if scope.period is None or scope.period >= count:  # a one-period plan has no ĐỢT 2
        next_label = "THỜI GIAN TỚI" if labelled else f"NĂM {year + 1}"
    else:
        next_label = f"ĐỢT {report.plan.period_label(scope.period + 1)} {report.plan.campaign.upper()}"
    previous = "cùng kỳ năm trước" if labelled else f"năm {year - 1}"
    doc = content.document
    movements = []
    for index, item in enumerate(content.movements):
        name = catalogs.movements[item.movement].name
        movements.append(
            {"heading": f"{point(index)} Phong trào thi đua “{name}”", "paragraphs": prose(item.results)}
        )
    anniversaries = anniversaries_sentence(report)
    figures = figures_prose(report, stats)
    deadlines = deadline_sentences(report)
    blocks: dict[str, list[dict[str, str]]] = {
        "phong-trao": [
            line
            for movement in movements
            for line in [
                {"kind": "point", "text": movement["heading"]},
                *({"kind": "text", "text": t} for t in movement["paragraphs"]),
            ]
        ],
        "khen-thuong": [
            {"kind": "text", "text": t}
            for t in [figures["lead"], *figures["items"], figures["total"], *deadlines]
            if t
        ],
        "ky-niem": [{"kind": "text", "text": anniversaries}] if anniversaries else [],
    }
    situation, assessment = content.situation, content.assessment
    return {
        "header": header_context(issuer, "bao-cao", doc.number, doc.date, report.date),
        "draft": report.draft,
        "subject": content.subject,
        "opening": (
            f"Thực hiện {_plan_reference(report)}, {issuer.full_name} báo cáo {scope.kind} công tác "
            f"thi đua, khen thưởng {span} như sau:"
        ),
        "outline": outline_lines(content.sections, prose, blocks),
        "advantages": prose(situation.advantages) if situation else [],
        "difficulties": prose(situation.difficulties) if situation else [],
        "leadership": prose(content.leadership),
        "movements": movements,
        "anniversaries": anniversaries,
        "commendation": prose(content.commendation),
        "figures": figures,
        "deadlines": deadlines,
        "strengths": prose(assessment.strengths) if assessment else [],
        "shortcomings": prose(assessment.shortcomings) if assessment else [],
        "causes": prose(assessment.causes) if assessment else [],
        "lessons": prose(assessment.lessons) if assessment else [],
        "directions_heading": f"II. PHƯƠNG HƯỚNG, NHIỆM VỤ {next_label}",
        "directions": prose(content.directions),
        "proposals": prose(content.proposals),
        "closing_sentence": (
            f"Trên đây là báo cáo {scope.kind} công tác thi đua, khen thưởng {scope.label(year)} "
            f"của {issuer.common_name}./."
        ),
        "closing": {
            "recipients": distribution_lines(content.recipients, doc.drafted_by),
            "signature_lines": signature_lines(issuer, report.signer, doc.authority),
            "signer_name": report.signer.name if report.signer else "",
        },
        "statistics": {
            "title": f"KẾT QUẢ KHEN THƯỞNG {scope.label(year).upper()}",
            "attribution": (
                f"(Kèm theo Báo cáo số {document_number('bao-cao', issuer, doc.number)} "
                f"{date_words(doc.date, report.date)} của {issuer.common_name})"
            ),
            "versus_heading": f"So với {previous}",
            "rows": statistics_rows(stats),
            "collective": count_cell(stats.total("tập thể")),
            "individual": count_cell(stats.total("cá nhân")),
            "money": grouped(stats.money) if stats.decisions else "-",
            "sources": (
                "Số liệu tổng hợp từ: " + "; ".join(decision_reference(d) for d in stats.decisions) + "."
                if stats.decisions
                else ""
            ),
            "note": "" if stats.previous_year else f"Chưa có số liệu {previous} để so sánh.",
        },
    }

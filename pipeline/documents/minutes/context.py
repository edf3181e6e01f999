"""The minutes' template context: the meeting, who attended, the votes and their results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.documents.council import percent_text
from pipeline.documents.shared import distribution_lines, header_context, properties
from pipeline.vn import dates
from pipeline.vn.amounts import two_digits
from pipeline.word.write import Properties

if TYPE_CHECKING:
    from pipeline.documents.minutes.rules import ValidMinutes

KIND = "bien-ban"


def output_name(year: int, period: int) -> str:
    return f"bien-ban-dot-{period}-{year}.docx"


def minutes_properties(minutes: ValidMinutes) -> Properties:
    details = f"biên bản họp Hội đồng; đợt {minutes.period}; {minutes.year}"
    return properties(
        KIND,
        "Biên bản",
        minutes.content.subject,
        minutes.issuer,
        minutes.content.number,
        details,
        minutes.date,
    )


RESULTS = {True: "Đạt", False: "Không đạt", None: "-"}


def vote_rows(minutes: ValidMinutes) -> list[dict[str, str]]:
    rows = []
    for index, vote in enumerate(minutes.votes, start=1):
        result = RESULTS[vote.passed]
        rows.append(
            {
                "number": str(index),
                "name": vote.name,
                "form": vote.form.name,
                "for": two_digits(vote.votes_for),
                "against": two_digits(vote.votes_against),
                "percent": percent_text(vote.percent),
                "result": result,
            }
        )
    return rows


def _count(members: int) -> str:
    return two_digits(members)


def minutes_context(minutes: ValidMinutes) -> dict[str, Any]:
    content, issuer = minutes.content, minutes.issuer
    total = len(content.members)
    thresholds = []
    for vote in minutes.votes:
        threshold = vote.threshold
        if threshold is None:
            continue
        line = (
            f"“{vote.form.name}”: từ {percent_text(threshold.min_percent)} {threshold.of} Hội đồng "
            f"trở lên tán thành ({threshold.source})."
        )
        if f"- {line}" not in thresholds:
            thresholds.append(f"- {line}")
    passed = [v for v in minutes.votes if v.passed is not False]
    failed = [v for v in minutes.votes if v.passed is False]
    conclusion = [
        f"Hội đồng thống nhất đề nghị khen thưởng {_count(len(passed))} trường hợp đạt số phiếu theo quy định"
        + (f"; {_count(len(failed))} trường hợp không đạt không được đề nghị." if failed else "."),
        *content.conclusion,
    ]
    return {
        "header": header_context(issuer, KIND, content.number, content.date, content.date),
        "draft": minutes.draft,
        "subject": content.subject,
        "opening": (
            f"Vào hồi {content.start}, {dates.spelled(content.date)}, tại {content.place}, "
            f"{content.council} họp xét khen thưởng."
        ),
        "attendance": f"Có mặt {_count(len(minutes.present))}/{_count(total)} thành viên Hội đồng:",
        "present": [f"- {m.name}, {m.role};" for m in minutes.present],
        "absent": [f"- {m.name}, {m.role};" for m in minutes.absent],
        "chair": f"Chủ trì: {content.chair}. Thư ký: {content.secretary}.",
        "method": "Hội đồng xem xét hồ sơ đề nghị và bỏ phiếu kín. Tỷ lệ phiếu cần đạt:"
        if thresholds
        else ("Hội đồng xem xét hồ sơ đề nghị và bỏ phiếu kín."),
        "thresholds": thresholds,
        "votes": vote_rows(minutes),
        "votes_note": (
            "Ghi chú: “-”: danh hiệu, hình thức chưa có ngưỡng tỷ lệ phiếu trong quy định đã khai báo "
            "(content/shared/khen-thuong.yaml)."
            if any(v.passed is None for v in minutes.votes)
            else ""
        ),
        "conclusion": conclusion,
        "closing_sentence": f"Cuộc họp kết thúc vào hồi {content.end} cùng ngày./.",
        "secretary": content.secretary,
        "chair_name": content.chair,
        "recipients": distribution_lines(content.recipients, content.drafted_by),
        "year": minutes.year,
    }

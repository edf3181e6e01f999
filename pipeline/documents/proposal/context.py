"""The Tờ trình's template context: the addressees, the proposal and the attached danh sách đề nghị."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.content.model import Authority, RewardForm
from pipeline.documents.decision.money import RECIPIENTS, count_text
from pipeline.documents.shared import (
    cited,
    date_words,
    distribution_lines,
    document_number,
    header_context,
    properties,
    signature_lines,
)
from pipeline.vn import collation
from pipeline.word.write import Properties

if TYPE_CHECKING:
    from pipeline.documents.decision.rules import Award
    from pipeline.documents.proposal.rules import ValidProposal

KIND = "to-trinh"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def output_name(year: int, period: int) -> str:
    return f"to-trinh-dot-{period}-{year}.docx"


def proposal_properties(proposal: ValidProposal) -> Properties:
    text = proposal.content
    details = f"tờ trình đề nghị khen thưởng; đợt {proposal.period}; {proposal.year}"
    return properties(
        KIND, "Tờ trình về việc", text.subject, proposal.issuer, text.document.number, details, proposal.date
    )


def addressee(authority: Authority) -> str:
    return authority.addressee or authority.name


def _forms(proposal: ValidProposal) -> list[RewardForm]:
    used = {a.form.id for a in proposal.awards}
    return [f for f in proposal.decision.catalogs.rewards.forms if f.id in used]


def _title(form: RewardForm, year: int) -> str:
    if form.kind == "danh hiệu":
        return f"danh hiệu “{form.name}”" + (f" năm {year}" if form.annual else "")
    return form.name


def items(proposal: ValidProposal) -> list[str]:
    """'1. Công nhận danh hiệu “Tập thể lao động xuất sắc” năm 2024 cho 01 tập thể;' one per form."""
    forms = _forms(proposal)
    several = len(proposal.authorities) > 1
    by_id = {a.id: a for a in proposal.authorities}
    lines = []
    for i, form in enumerate(forms, start=1):
        counts = {
            r: sum(1 for a in proposal.awards if a.form.id == form.id and a.recipient == r)
            for r in RECIPIENTS
        }
        verb = "Công nhận" if form.kind == "danh hiệu" else "Tặng"
        who = f" (thẩm quyền: {addressee(by_id[form.conferred_by])})" if several else ""
        end = ";" if i < len(forms) else "."
        lines.append(f"{i}. {verb} {_title(form, proposal.year)} cho {count_text(counts)}{who}{end}")
    return lines


def _sorted(awards: list[Award], order: str) -> list[Award]:
    if order != "theo tên":
        return awards

    def key(award: Award) -> object:
        name = award.record.name
        return collation.name_key(name) if award.recipient == "cá nhân" else collation.text_key(name)

    return sorted(awards, key=key)


def _detail(award: Award) -> str:
    record, unit = award.record, award.unit
    if award.recipient == "tập thể":
        return record.position or ""
    return ", ".join(p for p in (record.position, unit.name if unit else record.unit) if p)


def list_rows(proposal: ValidProposal) -> list[dict[str, str]]:
    """The danh sách đề nghị: a heading per title or form, a group per recipient kind, a row per nominee."""
    rows: list[dict[str, str]] = []
    order = proposal.decision.content.order
    for i, form in enumerate(_forms(proposal)):
        title = _title(form, proposal.year)
        rows.append({"kind": "heading", "number": ROMAN[i], "label": title[:1].upper() + title[1:]})
        groups = [
            (r, [a for a in proposal.awards if a.form.id == form.id and a.recipient == r]) for r in RECIPIENTS
        ]
        for j, (recipient, group) in enumerate(((r, g) for r, g in groups if g), start=1):
            rows.append({"kind": "group", "number": str(j), "label": recipient.capitalize()})
            for index, award in enumerate(_sorted(group, order), start=1):
                rows.append(
                    {
                        "kind": "item",
                        "number": str(index),
                        "label": award.record.name,
                        "detail": _detail(award),
                        "grounds": award.record.grounds or "",
                    }
                )
    return rows


def proposal_context(proposal: ValidProposal) -> dict[str, Any]:
    content, issuer, year = proposal.content, proposal.issuer, proposal.year
    doc = content.document
    catalogs = proposal.decision.catalogs
    names = [addressee(a) for a in proposal.authorities]
    bases = [
        "Căn cứ "
        + (b if b not in catalogs.legal else cited(catalogs.legal[b], proposal.date, catalogs, spelled=True))
        + ";"
        for b in content.bases
    ]
    bases.append(f"Căn cứ {proposal.council.text}.")
    to_whom = " và ".join(names)
    return {
        "header": header_context(issuer, KIND, doc.number, doc.date, proposal.date),
        "draft": proposal.draft,
        "subject": content.subject,
        "addressees": [f"{n}." for n in names] if len(names) == 1 else [f"- {n};" for n in names],
        "bases": bases,
        "lead": (
            f"{issuer.common_name} kính trình {to_whom} xem xét, quyết định khen thưởng cho các tập thể, "
            f"cá nhân thuộc {issuer.full_name} {content.achievement.rstrip('.')}, cụ thể như sau:"
        ),
        "items": items(proposal),
        "attached": "(Có danh sách và hồ sơ đề nghị khen thưởng kèm theo)",
        "closing_sentence": f"{issuer.common_name} kính trình {to_whom} xem xét, quyết định./.",
        "closing": {
            "recipients": distribution_lines(content.recipients, doc.drafted_by),
            "signature_lines": signature_lines(issuer, proposal.signer, doc.authority),
            "signer_name": proposal.signer.name if proposal.signer else "",
        },
        "proposal_list": {
            "title": content.list_title,
            "attribution": f"(Kèm theo Tờ trình số {document_number(KIND, issuer, doc.number)} "
            f"{date_words(doc.date, proposal.date)} của {issuer.common_name})",
            "rows": list_rows(proposal),
        },
        "year": year,
    }

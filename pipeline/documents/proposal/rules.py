"""The rules of a Tờ trình đề nghị khen thưởng (to-trinh-dot-<n>.yaml).

Its nominees are the awards of the period's list beyond the issuer's authority (the decision's
rules separate them); this file holds the letter: number, date, signer, bases, the council's meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.content import marks
from pipeline.content.model import Authority, Issuer, Signer
from pipeline.content.period_model import ProposalContent
from pipeline.documents.shared import check_in_force, check_issuance, document_date
from pipeline.errors import Problem, Problems
from pipeline.vn import dates

if TYPE_CHECKING:
    from pipeline.content.project import Content
    from pipeline.documents.decision.rules import Award, ValidDecision


@dataclass(frozen=True)
class CouncilBasis:
    """What the Tờ trình cites of the council's meeting."""

    text: str
    """"Biên bản họp số 01/BB-VP ngày 16/12/2024 của Hội đồng ..." or "kết quả họp ... ngày ..."."""
    date: dt.date


@dataclass(frozen=True)
class ValidProposal:
    year: int
    period: int
    decision: ValidDecision
    content: ProposalContent
    issuer: Issuer
    signer: Signer | None
    date: dt.date
    awards: list[Award]
    authorities: list[Authority]
    """Who confers what is proposed, in the catalog's order."""
    council: CouncilBasis
    warnings: list[Problem] = field(default_factory=list)
    draft: bool = False


def check_proposal(
    source: Content,
    path: Path,
    decision: ValidDecision,
    council: CouncilBasis | None,
    problems: Problems,
    *,
    draft: bool = False,
) -> ValidProposal:
    """The Tờ trình of the decision's period; raise ContentError on any problem.

    `council` is the period's minutes, where content has them; otherwise the file's council_meeting."""
    loaded = source.yaml(path, Problems()) if path.is_file() else None
    found = list(marks.find_marks(loaded.data)) if loaded else []
    if found and not draft:
        for where, text in found:
            problems.add(loaded.loc.at(*where), marks.unfilled(text))
    marked = {where for where, _text in found}
    content = source.record(path, ProposalContent, problems)
    problems.raise_if_any()
    assert content is not None
    catalogs, year = decision.catalogs, decision.year
    on = document_date(content.document, year, problems)
    issued = (
        check_issuance(
            content.document, on, catalogs, problems, signer_marked=("document", "signer") in marked
        )
        if on
        else None
    )
    if on is not None:
        for i, basis in enumerate(content.bases):
            if ("bases", i) in marked:
                continue
            doc = catalogs.legal.get(basis)
            if doc is None:
                problems.add(content.loc.at("bases", i), f"không có văn bản “{basis}” trong danh mục văn bản")
            else:
                check_in_force(doc, on, content.loc.at("bases", i), problems, catalogs, draft=draft)
    if not decision.proposed:
        problems.add(
            content.loc,
            f"danh sách đợt {decision.period} không có khen thưởng nào vượt thẩm quyền của "
            f"{decision.issuer.head_title}: không cần Tờ trình (xóa tệp {path.name})",
        )
    if council is None and content.council_meeting is not None:
        meeting = content.council_meeting
        council = CouncilBasis(
            f"kết quả họp {meeting.council} ngày {dates.numeric(meeting.date)}", meeting.date
        )
    elif council is not None and content.council_meeting is not None:
        problems.add(
            content.loc.at("council_meeting"),
            "đã có biên bản họp Hội đồng của đợt này: Tờ trình căn cứ biên bản; bỏ mục council_meeting",
        )
    if council is None:
        problems.add(
            content.loc,
            "Tờ trình cần căn cứ cuộc họp của Hội đồng Thi đua - Khen thưởng: thêm council_meeting "
            f"(council, date) hoặc biên bản bien-ban-dot-{decision.period}.yaml",
        )
    elif on is not None and content.document.date is not None and content.document.date < council.date:
        problems.add(
            content.document.loc.at("date"),
            f"Tờ trình ngày {dates.numeric(content.document.date)} trước cuộc họp Hội đồng "
            f"({dates.numeric(council.date)})",
        )
    used = {a.form.conferred_by for a in decision.proposed}
    authorities = [a for a in catalogs.rewards.authorities if a.id in used]
    for ident in sorted(used - {a.id for a in authorities}):
        problems.add(
            content.loc, f"không có cấp có thẩm quyền “{ident}” trong content/shared/khen-thuong.yaml"
        )
    problems.raise_if_any()
    assert on is not None and issued is not None and council is not None
    return ValidProposal(
        year=year,
        period=decision.period,
        decision=decision,
        content=content,
        issuer=issued[0],
        signer=issued[1],
        date=on,
        awards=decision.proposed,
        authorities=authorities,
        council=council,
        warnings=list(problems.warnings),
        draft=draft,
    )

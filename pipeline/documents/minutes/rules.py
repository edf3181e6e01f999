"""The rules of the council's minutes (bien-ban-dot-<n>.yaml): members, chair and secretary, votes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.content import marks
from pipeline.content.model import Issuer
from pipeline.content.period_model import CouncilMember, MinutesContent
from pipeline.documents.council import Meeting, Vote, threshold_for
from pipeline.documents.register import find_form, fold, unit_key
from pipeline.documents.shared import check_department, document_number
from pipeline.errors import Problem, Problems
from pipeline.vn import dates

if TYPE_CHECKING:
    from pipeline.content.catalogs import Catalogs
    from pipeline.content.project import Content

MINUTES_PATTERN = re.compile(r"^bien-ban-dot-(\d+)\.yaml$")


def minutes_file(period: int) -> str:
    return f"bien-ban-dot-{period}.yaml"


def minutes_periods(folder: Path) -> list[int]:
    if not folder.is_dir():
        return []
    return sorted(int(m.group(1)) for p in folder.iterdir() if (m := MINUTES_PATTERN.match(p.name)))


@dataclass(frozen=True)
class ValidMinutes:
    year: int
    period: int
    content: MinutesContent
    issuer: Issuer
    present: list[CouncilMember]
    absent: list[CouncilMember]
    votes: list[Vote]
    path: str
    """The file as shown in messages."""
    warnings: list[Problem] = field(default_factory=list)
    draft: bool = False

    @property
    def date(self) -> dt.date:
        return self.content.date

    def basis_text(self) -> str:
        """'Biên bản họp số 01/BB-VP ngày 16/12/2024 của Hội đồng ...', as a Tờ trình cites it."""
        number = (
            f" số {document_number('bien-ban', self.issuer, self.content.number)}"
            if self.content.number
            else ""
        )
        return f"Biên bản họp{number} ngày {dates.numeric(self.date)} của {self.content.council}"

    def meeting(self) -> Meeting:
        return Meeting(f"biên bản họp ngày {dates.numeric(self.date)} ({self.path})", self.date, self.votes)


def check_minutes(
    source: Content,
    path: Path,
    year: int,
    period: int,
    catalogs: Catalogs,
    problems: Problems,
    *,
    draft: bool,
) -> ValidMinutes:
    """The minutes of a period; raise ContentError on any problem."""
    loaded = source.yaml(path, Problems()) if path.is_file() else None
    for where, text in list(marks.find_marks(loaded.data)) if loaded and not draft else []:
        problems.add(loaded.loc.at(*where), marks.unfilled(text))
    content = source.record(path, MinutesContent, problems)
    problems.raise_if_any()
    assert content is not None
    on = content.date
    if on.year != year:
        problems.add(content.loc.at("date"), f"cuộc họp ngày {dates.numeric(on)} không thuộc năm {year}")
    issuers = [i for i in catalogs.issuers if i.in_force(on)]
    if len(issuers) != 1:
        problems.add(
            content.loc.at("date"), f"không có đúng một cơ quan có hiệu lực vào ngày {dates.numeric(on)}"
        )
        problems.raise_if_any()
    issuer = issuers[0]
    check_department(
        content.drafted_by, content.loc.at("drafted_by"), {d.code for d in issuer.departments}, problems
    )
    if content.number is not None and content.number < 1:
        problems.add(content.loc.at("number"), "số văn bản phải từ 01 trở lên")

    seen: dict[str, int] = {}
    for i, member in enumerate(content.members):
        if fold(member.name) in seen:
            problems.add(
                content.loc.at("members", i, "name"),
                f"{member.name} đã có ở thành viên thứ {seen[fold(member.name)] + 1}",
            )
        seen.setdefault(fold(member.name), i)
    present = [m for m in content.members if m.present]
    absent = [m for m in content.members if not m.present]
    for role in ("chair", "secretary"):
        name = getattr(content, role)
        member = next((m for m in content.members if fold(m.name) == fold(name)), None)
        what = "chủ trì" if role == "chair" else "thư ký"
        if member is None:
            problems.add(
                content.loc.at(role), f"người {what} “{name}” không có trong danh sách thành viên (members)"
            )
        elif not member.present:
            problems.add(content.loc.at(role), f"người {what} “{name}” được ghi là vắng mặt")
    if not present:
        problems.add(content.loc.at("members"), "không có thành viên nào có mặt")

    votes: list[Vote] = []
    keys: dict[tuple[str, str, str], int] = {}
    for i, nomination in enumerate(content.nominations):
        loc = content.loc.at("nominations", i)
        form = find_form(nomination.form, catalogs.rewards.forms)
        if form is None:
            known = ", ".join(f.name for f in catalogs.rewards.forms)
            problems.add(
                loc.at("form"),
                f"“{nomination.form}” không có trong danh mục danh hiệu, hình thức (có: {known})",
            )
            continue
        key, _label = unit_key(nomination.unit, issuer.departments)
        if nomination.unit and key not in {d.code for d in issuer.departments}:
            problems.add(
                loc.at("unit"), f"“{nomination.unit}” không có trong danh sách phòng, đơn vị của cơ quan"
            )
        for name in ("votes_for", "votes_against"):
            if getattr(nomination, name) < 0:
                problems.add(loc.at(name), "số phiếu không được âm")
        if nomination.votes_for + nomination.votes_against > len(present):
            problems.add(
                loc.at("votes_for"),
                f"{nomination.votes_for} + {nomination.votes_against} phiếu, nhiều hơn số thành viên có mặt "
                f"({len(present):02d})",
            )
        same = (fold(nomination.name), form.id, key)
        if same in keys:
            problems.add(
                loc.at("name"),
                f"{nomination.name} đã được bỏ phiếu “{form.name}” ở dòng thứ {keys[same] + 1}",
            )
        keys.setdefault(same, i)
        threshold = threshold_for(catalogs.rewards, form.id, on)
        base = (
            len(content.members)
            if threshold is None or threshold.of == "tổng số thành viên"
            else len(present)
        )
        votes.append(
            Vote(
                nomination.name,
                form,
                key,
                nomination.votes_for,
                nomination.votes_against,
                base,
                threshold,
                loc,
            )
        )
    problems.raise_if_any()
    return ValidMinutes(
        year=year,
        period=period,
        content=content,
        issuer=issuer,
        present=present,
        absent=absent,
        votes=votes,
        path=source.project.display(path),
        warnings=list(problems.warnings),
        draft=draft,
    )

"""Content records of a period's documents: decisions and their award lists, Tờ trình, the
council's minutes, reports. The shared catalogs and the plan are in model.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pipeline.content.model import DistributionGroup, Issuance, Recipient
from pipeline.content.schema import Record

# ---- content/<year>/quyet-dinh-dot-<n>.yaml and award tables -----------------------------------


@dataclass(kw_only=True)
class AwardRecord(Record):
    name: str
    form: str
    """Name, abbreviation or id of the title or form: "Lao động tiên tiến", "LĐTT"."""
    recipient: Recipient | None = None
    """Cá nhân or tập thể; may be left out when the form allows only one."""
    position: str | None = None
    unit: str | None = None
    grounds: str | None = None
    identifier: str | None = None
    """Optional staff identifier (cột “Mã”), used by the award register to tell namesakes apart."""


@dataclass(kw_only=True)
class DecisionContent(Record):
    document: Issuance
    subject: str
    """What follows "Về việc": "khen thưởng thành tích thi đua đợt 1 năm 2024"."""
    bases: list[str]
    """Legal catalog ids, one "Căn cứ ...;" line each."""
    proposal: str
    """"Xét đề nghị của ...": the last line before "QUYẾT ĐỊNH:"."""
    achievement: str
    """"đã có thành tích xuất sắc trong phong trào thi đua đợt 1 năm 2024"."""
    list_title: str
    """Under "DANH SÁCH" on the attached list."""
    funding: str
    executors: str
    """Who executes the decision (Điều 3)."""
    order: Literal["như danh sách", "theo tên"] = "như danh sách"
    dossiers_received: dt.date | None = None
    """Day the complete award dossiers reached the receiving department (for the reports)."""
    award_files: list[str] = field(default_factory=list)
    """Spreadsheets (.xlsx, .csv) beside this file with award records."""
    awards: list[AwardRecord] = field(default_factory=list)
    recipients: list[DistributionGroup]


# ---- content/<year>/to-trinh-dot-<n>.yaml ---------------------------------------------------------


@dataclass(kw_only=True)
class CouncilMeeting(Record):
    """The council's meeting a Tờ trình rests on, when its minutes are not in content."""

    council: str
    """Hội đồng Thi đua - Khen thưởng Văn phòng."""
    date: dt.date


@dataclass(kw_only=True)
class ProposalContent(Record):
    """A Tờ trình đề nghị khen thưởng: what the period's award list asks beyond the issuer's authority.

    The nominees come from the period's award list (quyet-dinh-dot-<n>.yaml); this file holds the
    letter around them."""

    document: Issuance
    subject: str
    """What follows "Về việc": "đề nghị khen thưởng năm 2024"."""
    bases: list[str]
    """Legal catalog ids, one "Căn cứ ...;" line each."""
    council_meeting: CouncilMeeting | None = None
    """The council's meeting; left out when the period's minutes (bien-ban-dot-<n>.yaml) exist."""
    achievement: str
    """"đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024"."""
    list_title: str
    """Under "DANH SÁCH" on the attached list."""
    recipients: list[DistributionGroup]


# ---- content/<year>/bien-ban-dot-<n>.yaml -----------------------------------------------------------


@dataclass(kw_only=True)
class Nomination(Record):
    """One nominee as the council voted on it."""

    name: str
    form: str
    """Name, abbreviation or id of the title or form, as in the award list."""
    unit: str | None = None
    identifier: str | None = None
    votes_for: int
    votes_against: int


@dataclass(kw_only=True)
class CouncilMember(Record):
    name: str
    role: str
    """Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên, Thư ký ..."""
    present: bool = True


@dataclass(kw_only=True)
class MinutesContent(Record):
    """Biên bản họp Hội đồng Thi đua - Khen thưởng: the meeting and its votes."""

    number: int | None = None
    """Printed "Số: 01/BB-VP"; left blank while not numbered."""
    drafted_by: str
    """Department code that keeps the file: '- Lưu: VT, <code>.'"""
    council: str
    """Hội đồng Thi đua - Khen thưởng Văn phòng."""
    subject: str
    """Under "BIÊN BẢN": "họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm 2024"."""
    date: dt.date
    start: str
    """Time the meeting opened: "08 giờ 00"."""
    end: str
    place: str
    chair: str
    """Name of the member who chaired (one of members)."""
    secretary: str
    """Name of the member who kept the minutes (one of members)."""
    members: list[CouncilMember]
    """Every member of the council; `present: false` for those absent."""
    nominations: list[Nomination]
    conclusion: list[str] = field(default_factory=list)
    """Other conclusions of the meeting, as paragraphs."""
    recipients: list[DistributionGroup] = field(default_factory=list)


# ---- content/<year>/bao-cao-dot-<n>.yaml, bao-cao-tong-ket.yaml ---------------------------------


@dataclass(kw_only=True)
class Situation(Record):
    advantages: list[str]
    difficulties: list[str]


@dataclass(kw_only=True)
class MovementResult(Record):
    movement: str
    """Id of a movement the plan launched ([phong-trao:id] in the plan)."""
    results: list[str]


@dataclass(kw_only=True)
class Assessment(Record):
    strengths: list[str]
    shortcomings: list[str]
    causes: list[str]
    lessons: list[str]


@dataclass(kw_only=True)
class RecordedAward(Record):
    """An award this issuer's decisions did not make (conferred by a higher body, or recorded from an
    earlier year) that a report's figures include."""

    name: str
    form: str
    """Name, abbreviation or id of the title or form in content/shared/khen-thuong.yaml."""
    recipient: Recipient | None = None
    """May be left out when the form allows only one."""
    unit: str | None = None
    conferred_by: str
    """Who decided it, as written: "Chủ tịch UBND tỉnh"."""
    decision: str
    """The decision as cited: "Quyết định số 123/QĐ-UBND ngày 05/3/2024"."""
    date: dt.date
    """Date of that decision: the report counts it when it falls within the report's span."""
    amount: int | None = None
    """Money paid with it, in đồng, when the report's total should include it."""


REPORT_BLOCKS = ("phong-trao", "khen-thuong", "ky-niem")
"""Text a report's section may ask the program to compute (`ReportSection.block`)."""

DEFAULT_REPORT_SECTIONS = ("situation", "leadership", "movements", "assessment", "directions", "proposals")
"""The narrative fields of the default outline (I. results 1–5, II. directions, III. proposals);
all required unless the report gives its own outline (`sections`)."""


@dataclass(kw_only=True)
class ReportSection(Record):
    """A heading of a report that has its own outline, with its text.

    Numbered by depth: I., II. … (level 1, bold capitals as written), 1., 2. … (level 2), a), b) …
    (level 3)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    """Printed one per line after "- "."""
    block: Literal["phong-trao", "khen-thuong", "ky-niem"] | None = None
    """Text the program computes, printed after the section's own: phong-trao, the results of each
    movement (from `movements`); khen-thuong, the decisions' figures and the deadlines; ky-niem,
    the anniversaries of the span."""
    optional: bool = False
    """A section without text is left out; otherwise it is refused (a report never prints an empty
    heading)."""
    sections: list[ReportSection] = field(default_factory=list)


@dataclass(kw_only=True)
class ReportContent(Record):
    """Narrative of a báo cáo sơ kết or tổng kết; its figures are computed from the decisions.

    The outline is either the default one (the fields of DEFAULT_REPORT_SECTIONS, all required) or
    the report's own (`sections`, with no default narrative field besides `movements`)."""

    document: Issuance
    subject: str
    situation: Situation | None = None
    leadership: list[str] = field(default_factory=list)
    """Leadership, direction and communication."""
    movements: list[MovementResult] = field(default_factory=list)
    commendation: list[str] = field(default_factory=list)
    """Narrative on commendation work; the counts and money are added from the decisions."""
    assessment: Assessment | None = None
    directions: list[str] = field(default_factory=list)
    """Direction and tasks for the next period or year."""
    proposals: list[str] = field(default_factory=list)
    sections: list[ReportSection] = field(default_factory=list)
    """The report's own outline, instead of the default one."""
    recipients: list[DistributionGroup]
    recorded_awards: list[RecordedAward] = field(default_factory=list)
    """Awards not made by this issuer's decisions, counted in the figures (see RecordedAward)."""

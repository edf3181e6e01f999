"""Content records: what the YAML files under content/ may hold.

Field names are the YAML keys. Shared catalogs live in content/shared/, a year's
documents in content/<year>/. Facts that change with time carry validity dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from pipeline.content.schema import Record

SigningAuthority = Literal["", "KT.", "TL.", "TM.", "Q.", "TUQ."]


def in_force(valid_from: dt.date | None, valid_until: dt.date | None, on: dt.date) -> bool:
    """The one rule for dated facts: in force from the first day to the last, both included."""
    return (valid_from is None or valid_from <= on) and (valid_until is None or on <= valid_until)


# ---- content/shared/co-quan.yaml -------------------------------------------------------------


@dataclass(kw_only=True)
class Department(Record):
    code: str
    """Short code used in documents, e.g. HCTC-QTTV."""
    name: str
    """Full name, e.g. Phòng Hành chính tổ chức - Quản trị tài vụ."""
    referred_as: str | None = None
    """How running text names it where dossiers are sent ("về <this>"); default "phòng <code>"."""

    @property
    def reference(self) -> str:
        return self.referred_as or f"phòng {self.code}"


@dataclass(kw_only=True)
class Signer(Record):
    id: str
    name: str
    title: str
    """Position as written in running text, e.g. Chánh Văn phòng."""
    valid_from: dt.date
    valid_until: dt.date | None = None

    def in_force(self, on: dt.date) -> bool:
        return in_force(self.valid_from, self.valid_until, on)


@dataclass(kw_only=True)
class Issuer(Record):
    id: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    parent: str | None = None
    """Header line 1 (the governing body), upper case, e.g. UBND TỈNH BẮC KẠN; absent for a body
    without one: the header is then one block whose first line (the name) is bold."""
    upper: str | None = None
    """A line above `parent` for a three-level header, e.g. LĐLĐ HUYỆN CHỢ MỚI."""
    name: str
    """Header line 2, upper case, e.g. VĂN PHÒNG. Several lines are separated by a line break."""
    full_name: str
    """Văn phòng Ủy ban nhân dân tỉnh."""
    common_name: str
    """Văn phòng UBND tỉnh."""
    short_name: str
    """Văn phòng."""
    head_title: str
    """Chánh Văn phòng: the head, for whom a deputy signs KT."""
    head_full_title: str
    """Chánh Văn phòng Ủy ban nhân dân tỉnh Bắc Kạn: the authority line of a decision, in upper case."""
    head_common_title: str
    """Chánh Văn phòng UBND tỉnh: "(Kèm theo Quyết định số ... của <this>)"."""
    confers_as: str
    """Authority level of the head when conferring awards; see RewardForm.conferred_by."""
    place: str
    symbol: str
    """The Office's own abbreviation in document symbols: VP."""
    departments: list[Department]
    outside_units: list[Department] = field(default_factory=list)
    """Units that do not belong to this body but its decisions may award (a province's departments,
    districts, schools): a decision whose recipients are all its own says "thuộc <full_name>"."""
    signers: list[Signer]

    def in_force(self, on: dt.date) -> bool:
        return in_force(self.valid_from, self.valid_until, on)

    @property
    def header_lines(self) -> list[str]:
        """The lines above the issuing body's name, top first."""
        return [line for line in (self.upper, self.parent) if line]


@dataclass(kw_only=True)
class IssuersFile(Record):
    issuers: list[Issuer]


# ---- content/shared/van-ban.yaml -------------------------------------------------------------


@dataclass(kw_only=True)
class LegalDocument(Record):
    id: str
    type: str
    """Kế hoạch, Nghị định, Chỉ thị, Luật ..."""
    date: dt.date
    """Date of signing."""
    title: str | None = None
    """For documents cited by name (a law): Luật Thi đua, khen thưởng."""
    number: str | None = None
    """18, 98/2023 ...: text, printed exactly as copied from the cited document ("010" stays "010")."""
    symbol: str | None = None
    """KH-UBND, NĐ-CP, CT/TW ..."""
    party: bool = False
    """A Party document joins number and symbol with '-': 34-CT/TW."""
    issuer: str | None = None
    subject: str | None = None
    connector: str = "về"
    """Word between issuer and subject; empty when the subject starts with a verb."""
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    replaced_by: str | None = None
    """Id of the document that replaces this one, or a "CẦN BỔ SUNG" mark while it is not known."""
    replaced_from: dt.date | None = None
    """First day the successor applies (default: the day after in_force_until)."""

    def in_force(self, on: dt.date) -> bool:
        start = self.in_force_from or self.date
        return in_force(start, self.in_force_until, on)


@dataclass(kw_only=True)
class LegalCatalog(Record):
    documents: list[LegalDocument]


# ---- content/shared/ngay-ky-niem.yaml, phong-trao.yaml ----------------------------------------


@dataclass(kw_only=True)
class Anniversary(Record):
    id: str
    name: str
    """As written after "kỷ niệm N năm": Ngày thành lập Đảng Cộng sản Việt Nam."""
    origin: dt.date


@dataclass(kw_only=True)
class AnniversaryCalendar(Record):
    anniversaries: list[Anniversary]


@dataclass(kw_only=True)
class Movement(Record):
    id: str
    name: str
    """The movement's title, without quotes."""


@dataclass(kw_only=True)
class MovementCatalog(Record):
    movements: list[Movement]


# ---- content/<year>/ke-hoach.yaml ------------------------------------------------------------


@dataclass(kw_only=True)
class Issuance(Record):
    """Number, date and signer of a document; number and day stay blank until issued."""

    number: int | None = None
    """Written in decimal ("010" is 10); printed with two digits below 10 (Nghị định 30): "Số: 08/KH-VP"."""
    date: dt.date | None = None
    month: int | None = None
    """Month of issue while the day is not known."""
    signer: str
    authority: SigningAuthority = ""
    """How the signer signs: "" (the head himself), KT., TL., TM., Q., TUQ."""
    drafted_by: str
    """Department code that drafts and keeps the file: '- Lưu: VT, <code>.'"""
    issuer: str | None = None
    """Id of the issuing body (content/shared/co-quan.yaml); needed only when several are in force
    on the document's date."""


@dataclass(kw_only=True)
class Task(Record):
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    """Bulleted with '- '."""


@dataclass(kw_only=True)
class Review(Record):
    kind: Literal["sơ kết", "tổng kết"]
    together_with: str
    """"sơ kết công tác Văn phòng 06 tháng đầu năm 2024"."""
    date: dt.date | None = None
    """Day of the review meeting; the period's decisions are signed by then."""


@dataclass(kw_only=True)
class Period(Record):
    start: dt.date
    end: dt.date
    celebrate: str
    """What the period celebrates, with [ky-niem: id] references."""
    review: Review
    deadline: dt.date
    """Last day for award dossiers."""
    dossiers_to: str
    """Department code that receives dossiers."""
    note: str | None = None


@dataclass(kw_only=True)
class Duty(Record):
    text: str
    department: str | None = None
    """Code of the department the duty falls to; its name opens the sentence."""


@dataclass(kw_only=True)
class DistributionGroup(Record):
    """Nơi nhận: a heading and the addressees under it (the YAML key is `recipients`)."""

    heading: str | None = None
    to: list[str]


@dataclass(kw_only=True)
class DocumentKind(Record):
    """The kind a document is issued as: type name and symbol in "Số: 08/CV-CĐVP"."""

    name: str = "Kế hoạch"
    """Type name as in running text: Kế hoạch, Công văn, Hướng dẫn."""
    symbol: str = "KH"
    """Abbreviation of the type in the number line: KH, CV, HD."""
    titled: bool = True
    """The type name is printed as the title (KẾ HOẠCH); a công văn has none: its subject follows
    "V/v" under the number."""
    numbered: bool = True
    """False for a kind issued without a number: "Số:" is left out."""


@dataclass(kw_only=True)
class Span(Record):
    """A campaign's own span, when it is not the calendar year of its content folder."""

    start: dt.date
    end: dt.date
    label: str = ""
    """How reports name the campaign's time ("năm học 2021 - 2022"); default "năm <folder's year>"."""


@dataclass(kw_only=True)
class PlanContent(Record):
    document: Issuance
    kind: DocumentKind = field(default_factory=DocumentKind)
    span: Span | None = None
    """Default: 01/01 to 31/12 of the content folder's year."""
    numbering: Literal["1", "I"] = "1"
    """How periods are numbered: Đợt 1, Đợt 2 or Đợt I, Đợt II."""
    subject: str
    basis: str
    """Legal catalog id of the plan this plan implements."""
    purposes: list[str]
    requirements: list[str]
    tasks: list[Task]
    periods: list[Period]
    duties: list[Duty]
    recipients: list[DistributionGroup]


# ---- content/shared/ngay-nghi.yaml ------------------------------------------------------------


@dataclass(kw_only=True)
class Holiday(Record):
    date: dt.date
    name: str


@dataclass(kw_only=True)
class HolidayCalendar(Record):
    holidays: list[Holiday]
    unconfirmed_years: list[int] = field(default_factory=list)
    """Years whose holidays are not yet checked against the official notice (a warning when used)."""


# ---- content/shared/khen-thuong.yaml ---------------------------------------------------------

Recipient = Literal["cá nhân", "tập thể"]


@dataclass(kw_only=True)
class BaseSalary(Record):
    amount: int
    """Mức lương cơ sở, đồng."""
    valid_from: dt.date
    valid_until: dt.date | None = None
    source: str | None = None
    """The decree that set it."""

    def in_force(self, on: dt.date) -> bool:
        return in_force(self.valid_from, self.valid_until, on)


@dataclass(kw_only=True)
class Rounding(Record):
    step: int
    """Amounts are rounded to a multiple of this, in đồng."""
    mode: Literal["lên", "gần nhất"]
    """"lên": up to the next multiple (the decree's "làm tròn số lên"); "gần nhất": to the nearest."""


@dataclass(kw_only=True)
class RewardForm(Record):
    """An emulation title (danh hiệu) or a form of commendation (hình thức)."""

    id: str
    name: str
    kind: Literal["danh hiệu", "hình thức"]
    abbreviation: str | None = None
    individual: Decimal | None = None
    """Coefficient of the base salary for an individual; absent when individuals cannot receive it."""
    collective: Decimal | None = None
    conferred_by: str
    """Authority level that may confer it, compared with Issuer.confers_as."""
    annual: bool = False
    """A yearly title, considered at the year-end review."""
    requires: str | None = None
    """A form the same recipient must receive in the same year (CSTĐCS requires LĐTT)."""

    def coefficient(self, recipient: str) -> Decimal | None:
        return self.individual if recipient == "cá nhân" else self.collective


@dataclass(kw_only=True)
class ShareLimit(Record):
    form: str
    of: str
    max_percent: Decimal
    """At most this percentage of the recipients of `of` in the same year may receive `form`."""


@dataclass(kw_only=True)
class Authority(Record):
    id: str
    name: str
    """Who decides: "Chánh Văn phòng UBND tỉnh", "Chủ tịch UBND tỉnh"."""
    addressee: str | None = None
    """How a Tờ trình addresses it after "Kính gửi:" (default: the name)."""


Evaluation = Literal[
    "hoàn thành xuất sắc nhiệm vụ",
    "hoàn thành tốt nhiệm vụ",
    "hoàn thành nhiệm vụ",
    "không hoàn thành nhiệm vụ",
]
"""The yearly staff evaluation levels (xếp loại chất lượng hằng năm)."""


@dataclass(kw_only=True)
class EligibilityRule(Record):
    """A condition over earlier years that a title or form needs, with its legal source.

    Exactly one of `title` (a form id the same recipient must have received) or `evaluation`
    (a yearly evaluation level) says what is counted.
    """

    form: str
    """Id of the title or form the rule applies to."""
    recipient: Recipient | None = None
    """Only for this kind of recipient (None: both)."""
    title: str | None = None
    evaluation: Evaluation | None = None
    consecutive_years: int = 1
    """So many consecutive years ending with the award's year (or the year before, see `until`)."""
    until: Literal["cùng năm", "năm trước"] = "cùng năm"
    min_years_since: int | None = None
    """Instead of consecutive years: at least so many years since the last award of `title`."""
    source: str
    """The legal source: law, decree, article."""
    confirmed: bool = True
    """False where the law leaves it uncertain: a failed check is a warning, not an error."""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def in_force(self, on: dt.date) -> bool:
        return in_force(self.valid_from, self.valid_until, on)


@dataclass(kw_only=True)
class VoteThreshold(Record):
    """The share of the council's votes a nominee needs for a title or form."""

    form: str
    min_percent: Decimal
    of: Literal["tổng số thành viên", "thành viên có mặt"] = "tổng số thành viên"
    source: str
    confirmed: bool = True
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def in_force(self, on: dt.date) -> bool:
        return in_force(self.valid_from, self.valid_until, on)


@dataclass(kw_only=True)
class RewardCatalog(Record):
    authorities: list[Authority]
    base_salaries: list[BaseSalary]
    rounding: Rounding
    forms: list[RewardForm]
    share_limits: list[ShareLimit] = field(default_factory=list)
    eligibility: list[EligibilityRule] = field(default_factory=list)
    vote_thresholds: list[VoteThreshold] = field(default_factory=list)

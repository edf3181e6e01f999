"""The rules of commendation decisions (quyết định khen thưởng).

A decision of period n is checked together with the year's earlier decisions, so that rules
across decisions (the same title twice in a year; CSTĐCS without LĐTT) see every award given
so far. Rules where the law leaves room for judgement are warnings, not errors.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING

from pipeline.content import marks
from pipeline.content.model import BaseSalary, Department, Issuer, Period, RewardCatalog, RewardForm, Signer
from pipeline.content.period_model import AwardRecord, DecisionContent
from pipeline.content.schema import read
from pipeline.documents.council import Meeting
from pipeline.documents.eligibility import Nominee, check_nominee
from pipeline.documents.register import Entry, Register
from pipeline.documents.register import find_form as _find_form_in
from pipeline.documents.register import fold as fold
from pipeline.documents.shared import check_in_force, check_issuance, document_date, document_number
from pipeline.errors import Problem, Problems, Where, escape_invisible
from pipeline.vn import dates
from pipeline.vn.amounts import grouped

BASE_SALARY_CONFIRM_MONTHS = 12
"""A decision this long after the newest base salary started asks the clerk to confirm it."""


def _months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it has fewer days)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


if TYPE_CHECKING:
    from pipeline.content.catalogs import Catalogs
    from pipeline.content.project import Content
    from pipeline.documents.plan.rules import ValidPlan

DECISION_PATTERN = re.compile(r"^quyet-dinh-dot-(\d+)\.yaml$")


def decision_file(period: int) -> str:
    return f"quyet-dinh-dot-{period}.yaml"


def proposal_file(period: int) -> str:
    """The Tờ trình of a period: what its award list proposes beyond the issuer's authority."""
    return f"to-trinh-dot-{period}.yaml"


def decision_periods(folder: Path) -> list[int]:
    if not folder.is_dir():
        return []
    numbers = [int(m.group(1)) for p in folder.iterdir() if (m := DECISION_PATTERN.match(p.name))]
    return sorted(numbers)


@dataclass(frozen=True)
class Award:
    record: AwardRecord
    form: RewardForm
    recipient: str
    unit: Department | None
    period: int

    @property
    def who(self) -> tuple[str, str, str]:
        """Identity of the recipient: the same name in the same unit is the same person."""
        return self.recipient, fold(self.record.name), self.unit.code if self.unit else ""

    @property
    def loc(self) -> Where:
        return self.record.loc

    def nominee(self) -> Nominee:
        unit = self.unit.code if self.unit else ""
        return Nominee(self.recipient, self.record.name, unit, self.record.identifier, self.form.id, self.loc)

    def entry(self, year: int, document: str, date: dt.date | None) -> Entry:
        unit = self.unit
        return Entry(
            year=year,
            recipient=self.recipient,
            name=self.record.name,
            unit_key=unit.code if unit else "",
            unit_label=unit.name if unit else "",
            identifier=self.record.identifier,
            kind="award",
            what=self.form.id,
            label=self.form.name,
            document=document,
            date=date,
            loc=self.loc,
        )


@dataclass(frozen=True)
class ValidDecision:
    year: int
    period: int
    plan: ValidPlan
    plan_period: Period
    content: DecisionContent
    issuer: Issuer
    signer: Signer | None
    """None only in a draft whose signer is still marked."""
    date: dt.date
    """The decision's date, or the first day of its month while the day is blank."""
    base_salary: BaseSalary
    awards: list[Award]
    """What the issuer confers: the decision's articles and list."""
    proposed: list[Award] = field(default_factory=list)
    """What the list asks beyond the issuer's authority: the period's Tờ trình proposes it."""
    warnings: list[Problem] = field(default_factory=list)
    draft: bool = False

    def document_text(self) -> str:
        """'Quyết định số 118/QĐ-VP ngày 20/12/2024', as the register prints it."""
        number = document_number("quyet-dinh", self.issuer, self.content.document.number).strip()
        day = self.content.document.date
        return f"Quyết định số {number}" + (f" ngày {dates.numeric(day)}" if day else "")

    def entries(self) -> list[Entry]:
        """The register's entries of this decision (what it confers)."""
        return [a.entry(self.year, self.document_text(), self.content.document.date) for a in self.awards]

    @property
    def catalogs(self) -> Catalogs:
        return self.plan.catalogs


@dataclass
class _Decision:
    period: int
    path: Path
    content: DecisionContent
    date: dt.date | None
    issued: tuple[Issuer, Signer | None] | None
    awards: list[Award]


def check_decision(
    content: Content,
    plan: ValidPlan,
    period: int,
    problems: Problems,
    *,
    draft: bool = False,
    history: list[Entry] | None = None,
    meeting: Meeting | None = None,
) -> ValidDecision:
    """The decision of a period with the year's earlier ones; raise ContentError on any problem.

    `history` holds the register's entries of earlier years and every evaluation: the eligibility
    rules over the years are checked against it plus this year's awards so far. `meeting` holds the
    council's votes where the period has minutes: a nominee under its title's threshold is refused."""
    year, catalogs = plan.year, plan.catalogs
    folder = content.project.content_dir(year)

    decisions: list[_Decision] = []
    for number in range(1, period + 1):
        path = folder / decision_file(number)
        if number < period and not path.is_file():
            continue  # an earlier period may have had no decision
        warned = len(problems.warnings)
        decision = _load_one(content, path, number, year, catalogs, problems, draft=draft, span=plan.span)
        if number < period:
            del problems.warnings[warned:]  # shown when that decision was built
        if decision is not None:
            decisions.append(decision)
    problems.raise_if_any()

    _check_year(decisions, catalogs.rewards, year, problems)
    current = decisions[-1]
    _check_eligibility(decisions, catalogs.rewards, year, history or [], problems)
    if meeting is not None:
        for award in current.awards:
            meeting.check(award.nominee(), catalogs.rewards, problems)
    proposing = (folder / proposal_file(period)).is_file()
    result = _check_current(current, plan, catalogs, year, problems, draft=draft, proposing=proposing)
    problems.raise_if_any()
    assert result is not None
    return result


def _marks(source: Content, path: Path, problems: Problems, draft: bool) -> set[tuple[str | int, ...]] | None:
    """The marked fields of a decision file; outside a draft each mark is also a problem (the other
    fields are still checked, so that a final lists everything to fix at once)."""
    loaded = source.yaml(path, Problems()) if path.is_file() else None
    found = list(marks.find_marks(loaded.data)) if loaded else []
    if found and not draft:
        for where, text in found:
            problems.add(loaded.loc.at(*where), marks.unfilled(text))
    return {where for where, _text in found}


def _load_one(
    source: Content,
    path: Path,
    period: int,
    year: int,
    catalogs: Catalogs,
    problems: Problems,
    *,
    draft: bool = False,
    span: tuple[dt.date, dt.date] | None = None,
) -> _Decision | None:
    marked = _marks(source, path, problems, draft)
    content = source.record(path, DecisionContent, problems)
    if content is None or marked is None:
        return None
    on = document_date(content.document, year, problems, span)
    signer_marked = ("document", "signer") in marked
    issued = (
        check_issuance(content.document, on, catalogs, problems, signer_marked=signer_marked) if on else None
    )
    if on is not None:
        for i, basis in enumerate(content.bases):
            if ("bases", i) in marked:
                continue  # a draft prints the mark
            doc = catalogs.legal.get(basis)
            if doc is None:
                problems.add(content.loc.at("bases", i), f"không có văn bản “{basis}” trong danh mục văn bản")
            else:
                check_in_force(doc, on, content.loc.at("bases", i), problems, catalogs, draft=draft)
    records = list(content.awards)
    before = len(problems.items)
    for i, name in enumerate(content.award_files):
        if ("award_files", i) in marked:
            continue
        table = _award_file(path.parent, name)
        if table is None:
            problems.add(
                content.loc.at("award_files", i),
                f"“{escape_invisible(name)}”: tệp danh sách phải nằm trong thư mục {path.parent.name}/ "
                "của năm (không dùng đường dẫn tuyệt đối, “..” hay liên kết dẫn ra ngoài)",
            )
            continue
        for row in source.award_table(table, problems):
            record = read(row.values, row.loc, AwardRecord, problems)  # type: ignore[arg-type]
            if record is not None:
                records.append(record)
        if not table.exists():  # a folder or an unreadable file is explained by read_table
            problems.add(
                content.loc.at("award_files", i), f"không có tệp “{escape_invisible(name)}” cạnh {path.name}"
            )
    departments = [*issued[0].departments, *issued[0].outside_units] if issued else []
    lookup = _Lookup(catalogs.rewards, departments)
    awards = [a for r in records if (a := _resolve(r, period, lookup, problems))]
    list_marked = any(key[0] == "award_files" for key in marked)
    if not records and len(problems.items) == before and not draft and not list_marked:
        problems.add(content.loc.at("awards"), "quyết định chưa có khen thưởng nào (awards hoặc award_files)")
    return _Decision(period, path, content, on, issued, awards)


def _award_file(folder: Path, name: str) -> Path | None:
    """The award list `name` inside the year's folder, or None if it points elsewhere."""
    parts = name.replace("\\", "/").split("/")
    if not name or PureWindowsPath(name).drive or name.startswith(("/", "\\")) or ".." in parts:
        return None
    path = folder / name
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return None
    return path if inside else None


def _find_form(text: str, catalog: RewardCatalog) -> RewardForm | None:
    return _find_form_in(text, catalog.forms)


def _find_unit(text: str, departments: list[Department]) -> Department | None:
    wanted = fold(text)
    if not wanted:
        return None
    return next((d for d in departments if wanted in (fold(d.code), fold(d.name))), None)


class _Lookup:
    """Forms and units by the text written for them, each text looked up once."""

    def __init__(self, catalog: RewardCatalog, departments: list[Department]):
        self.catalog = catalog
        self.departments = departments
        self._forms: dict[str, RewardForm | None] = {}
        self._units: dict[str, Department | None] = {}

    def form(self, text: str) -> RewardForm | None:
        if text not in self._forms:
            self._forms[text] = _find_form(text, self.catalog)
        return self._forms[text]

    def unit(self, text: str) -> Department | None:
        if text not in self._units:
            self._units[text] = _find_unit(text, self.departments)
        return self._units[text]


def _resolve(record: AwardRecord, period: int, lookup: _Lookup, problems: Problems) -> Award | None:
    catalog = lookup.catalog
    form = lookup.form(record.form)
    if form is None:
        known = ", ".join(f.name for f in catalog.forms)
        problems.add(
            record.loc.at("form"),
            f"“{record.form}” không có trong danh mục danh hiệu, hình thức (có: {known})",
        )
        return None
    allowed = [r for r in ("cá nhân", "tập thể") if form.coefficient(r) is not None]
    recipient = record.recipient
    if recipient is None:
        if len(allowed) != 1:
            problems.add(
                record.loc.at("form"),
                f"“{form.name}” tặng cả cá nhân và tập thể: "
                "ghi rõ đối tượng (cột “Đối tượng”: Cá nhân hoặc Tập thể)",
            )
            return None
        recipient = allowed[0]
    elif recipient not in allowed:
        problems.add(record.loc.at("form"), f"“{form.name}” không tặng cho {recipient}")
        return None
    unit_text = record.unit or (record.name if recipient == "tập thể" else None)
    if unit_text is None:
        problems.add(record.loc.at("unit"), "thiếu đơn vị của cá nhân")
        return None
    unit = lookup.unit(unit_text)
    if unit is None:
        field_name = "unit" if record.unit else "name"
        problems.add(
            record.loc.at(field_name), f"“{unit_text}” không có trong danh sách phòng, đơn vị của cơ quan"
        )
        return None
    return Award(record, form, recipient, unit, period)


def _check_year(decisions: list[_Decision], catalog: RewardCatalog, year: int, problems: Problems) -> None:
    """Rules over every award of the year so far; no two decisions share a number."""
    numbers: dict[int, _Decision] = {}
    for decision in decisions:
        number = decision.content.document.number
        if number is None:
            continue
        first = numbers.setdefault(number, decision)
        if first is not decision:
            where = first.content.document.loc.at("number")
            problems.add(
                decision.content.document.loc.at("number"),
                f"số {number} đã dùng cho quyết định đợt {first.period} năm {year} "
                f"({where.file}:{where.line}); mỗi quyết định trong năm có một số riêng",
            )
    seen: dict[tuple[tuple[str, str, str], str, int], Award] = {}
    received: dict[tuple[str, str, str], set[str]] = {}
    for decision in decisions:
        for award in decision.awards:
            # A title (danh hiệu) is once a year; a form (Giấy khen ...) once a decision.
            scope = 0 if award.form.kind == "danh hiệu" else decision.period
            key = (award.who, award.form.id, scope)
            if key in seen:
                first = seen[key]
                where = f"{first.loc.file}:{first.loc.line}"
                when = f"năm {year}" if scope == 0 else f"trong quyết định đợt {decision.period}"
                problems.add(
                    award.loc.at("name"),
                    f"{award.record.name} đã được khen “{award.form.name}” {when} ({where})",
                )
            else:
                seen[key] = award
            received.setdefault(award.who, set()).add(award.form.id)
    forms = {f.id: f for f in catalog.forms}
    for decision in decisions:
        for award in decision.awards:
            needed = award.form.requires
            if needed and needed not in received[award.who]:
                problems.add(
                    award.loc.at("form"),
                    f"{award.record.name}: “{award.form.name}” cần danh hiệu "
                    f"“{forms[needed].name if needed in forms else needed}” cùng năm {year}",
                )
    for limit in catalog.share_limits:
        count = sum(1 for forms_of in received.values() if limit.form in forms_of)
        base = sum(1 for forms_of in received.values() if limit.of in forms_of)
        if base and Decimal(count * 100) > limit.max_percent * base:
            content = decisions[-1].content
            problems.add(
                content.loc.at("award_files" if content.award_files else "awards"),
                f"“{forms[limit.form].name}”: {count}/{base} người đạt “{forms[limit.of].name}”, "
                f"vượt tỷ lệ {limit.max_percent}%",
            )


def _check_eligibility(
    decisions: list[_Decision], catalog: RewardCatalog, year: int, history: list[Entry], problems: Problems
) -> None:
    """The current decision's nominees against the rules over the years (content: `eligibility`)."""
    current = decisions[-1]
    if current.date is None or not catalog.eligibility:
        return
    this_year = []
    for decision in decisions:
        confers = decision.issued[0].confers_as if decision.issued else None
        for award in decision.awards:
            if confers is None or award.form.conferred_by == confers:
                this_year.append(award.entry(year, "", decision.date))
    register = Register([*history, *this_year])
    for award in current.awards:
        check_nominee(award.nominee(), year, current.date, catalog, register, problems)


def _check_current(
    decision: _Decision,
    plan: ValidPlan,
    catalogs: Catalogs,
    year: int,
    problems: Problems,
    *,
    draft: bool,
    proposing: bool = False,
) -> ValidDecision | None:
    content, on = decision.content, decision.date
    if on is None or decision.issued is None:
        return None
    issuer, signer = decision.issued
    period = plan.content.periods[decision.period - 1]
    doc_loc = content.document.loc.at("date" if content.document.date else "month")
    if on < period.start:
        problems.add(
            doc_loc,
            f"quyết định ngày {dates.numeric(on)} trước khi đợt bắt đầu ({dates.numeric(period.start)})",
        )
    review = period.review.date or period.end
    if content.document.date is not None and on > review:
        problems.warn(
            doc_loc,
            f"quyết định ký ngày {dates.numeric(on)}, sau buổi {period.review.kind} đợt {decision.period} "
            f"({dates.numeric(review)})",
        )
    if period.review.kind == "sơ kết":
        for award in decision.awards:
            if award.form.annual:
                problems.warn(
                    award.loc.at("form"),
                    f"danh hiệu “{award.form.name}” thường được xét khi tổng kết năm, không ở đợt sơ kết",
                )
    conferred = [a for a in decision.awards if a.form.conferred_by == issuer.confers_as]
    proposed = [a for a in decision.awards if a.form.conferred_by != issuer.confers_as]
    for award in proposed if not proposing else []:
        authority = next(
            (a.name for a in catalogs.rewards.authorities if a.id == award.form.conferred_by), ""
        )
        problems.add(
            award.loc.at("form"),
            f"“{award.form.name}” do {authority or award.form.conferred_by} quyết định; "
            f"{issuer.head_title} không có thẩm quyền: trình cấp trên bằng Tờ trình "
            f"(tạo tệp {proposal_file(decision.period)} cạnh {decision.path.name})",
        )
    if proposing and proposed and not conferred:
        problems.add(
            content.loc.at("award_files" if content.award_files else "awards"),
            f"mọi khen thưởng trong danh sách đều thuộc thẩm quyền cấp trên (đưa vào Tờ trình "
            f"{proposal_file(decision.period)}); quyết định của {issuer.head_title} không còn ai",
        )
    salaries = [s for s in catalogs.rewards.base_salaries if s.in_force(on)]
    if len(salaries) != 1:
        problems.add(
            doc_loc,
            f"không có mức lương cơ sở nào có hiệu lực vào ngày {dates.numeric(on)} "
            "(content/shared/khen-thuong.yaml)",
        )
    newest = max(catalogs.rewards.base_salaries, key=lambda s: s.valid_from, default=None)
    if newest is not None and on >= _months_later(newest.valid_from, BASE_SALARY_CONFIRM_MONTHS):
        source = f" ({newest.source})" if newest.source else ""
        problems.warn(
            newest.loc.at("amount"),
            f"quyết định ngày {dates.numeric(on)} dùng mức lương cơ sở mới nhất trong tệp, "
            f"{grouped(newest.amount)} đồng{source} từ {dates.numeric(newest.valid_from)}, đã hơn "
            f"{BASE_SALARY_CONFIRM_MONTHS} tháng: hãy xác nhận mức lương cơ sở đang có hiệu lực; "
            "nếu đã thay đổi, thêm một dòng mới vào base_salaries",
        )
    if problems or (signer is None and not draft) or len(salaries) != 1:
        return None
    return ValidDecision(
        year=year,
        period=decision.period,
        plan=plan,
        plan_period=period,
        content=content,
        issuer=issuer,
        signer=signer,
        date=on,
        base_salary=salaries[0],
        awards=conferred,
        proposed=proposed,
        warnings=list(problems.warnings),
        draft=draft,
    )

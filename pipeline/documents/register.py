"""The award register (sổ khen thưởng): one history per person and per unit.

Entries come from this project's signed decisions of every year, from records of awards made
elsewhere (by the Chairman, or before the project was used) in content/so-khen-thuong/, and from
the yearly staff evaluations (content/so-khen-thuong/danh-gia*.xlsx|csv, content/<year>/danh-gia.*).

People are matched by normalised name, recipient kind and unit (a department code where the unit
names one), and by the optional identifier column (Mã): an identifier wins over name and unit.
A record without identifier that fits two people with different identifiers is ambiguous: it is
reported and attached to nobody, never guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pipeline.content.tables import (
    EVALUATION_TABLE,
    REGISTER_TABLE,
    TableRecord,
    normalise_heading,
)
from pipeline.errors import Problems, Where
from pipeline.vn import dates

if TYPE_CHECKING:
    from pipeline.content.catalogs import Catalogs
    from pipeline.content.model import Department, RewardForm
    from pipeline.content.project import Content

REGISTER_DIR = "so-khen-thuong"
"""content/so-khen-thuong/: imported records (any .xlsx/.csv) and evaluations (danh-gia*.xlsx/.csv)."""
EVALUATION_STEM = "danh-gia"
TABLE_SUFFIXES = (".xlsx", ".csv")

EVALUATIONS = {
    "hoàn thành xuất sắc nhiệm vụ": ("htxsnv", "xuất sắc"),
    "hoàn thành tốt nhiệm vụ": ("httnv", "tốt"),
    "hoàn thành nhiệm vụ": ("htnv", "hoàn thành"),
    "không hoàn thành nhiệm vụ": ("khtnv", "không hoàn thành"),
}
_EVALUATION_WORDS = {
    normalise_heading(word): level for level, words in EVALUATIONS.items() for word in (level, *words)
}

Key = tuple[str, str, str]
"""(recipient, folded name, unit key): the same name in the same unit is the same person."""


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case, spacing and quotes folded, for matching names written by different hands."""
    text = unicodedata.normalize("NFC", text).lower().strip().strip("“”\"'")
    return " ".join(text.split())


@dataclass(frozen=True)
class Entry:
    """One award or one yearly evaluation of one person or unit."""

    year: int
    recipient: str
    name: str
    unit_key: str
    unit_label: str
    identifier: str | None
    kind: Literal["award", "evaluation"]
    what: str | None
    """The form id of an award (None for a form not in the catalog), or the evaluation level."""
    label: str
    """The form's name, or the evaluation level, as printed."""
    document: str
    """The deciding document, as printed: "Quyết định số 118/QĐ-VP ngày 20/12/2024"."""
    date: dt.date | None
    loc: Where
    imported: bool = False

    @property
    def key(self) -> Key:
        return self.recipient, fold(self.name), self.unit_key


@dataclass
class Person:
    """A person or a unit and every entry known of them."""

    recipient: str
    name: str
    unit_label: str
    identifier: str | None
    entries: list[Entry] = field(default_factory=list)
    keys: set[Key] = field(default_factory=set)

    def years(self, what: str, kind: str = "award") -> set[int]:
        return {e.year for e in self.entries if e.kind == kind and e.what == what}


@dataclass(frozen=True)
class Ambiguous:
    """A record that fits several people with different identifiers."""

    candidates: list[Person]


class Register:
    """The people and units of a set of entries, matched once."""

    def __init__(self, entries: Iterable[Entry], problems: Problems | None = None):
        self.entries = list(entries)
        self.people: list[Person] = []
        self._by_identifier: dict[str, Person] = {}
        self._by_key: dict[Key, list[Person]] = {}
        self.ambiguous: list[tuple[Entry, Ambiguous]] = []
        for entry in (e for e in self.entries if e.identifier):
            person = self._by_identifier.get(entry.identifier or "")
            if person is None:
                person = self._new(entry)
                self._by_identifier[entry.identifier or ""] = person
            elif fold(person.name) != fold(entry.name) and problems is not None:
                problems.warn(
                    entry.loc,
                    f"mã “{entry.identifier}” đã dùng cho “{person.name}”, ở đây ghi “{entry.name}”: "
                    "coi là cùng một người theo mã; nếu không phải, hãy sửa mã",
                )
            self._attach(person, entry)
        for entry in (e for e in self.entries if not e.identifier):
            found = self.find(entry.recipient, entry.name, entry.unit_key, None)
            if isinstance(found, Ambiguous):
                self.ambiguous.append((entry, found))
                if problems is not None:
                    problems.warn(
                        entry.loc, ambiguous_message(entry.name, found) + "; dòng này chưa được ghi vào sổ"
                    )
                continue
            self._attach(found or self._new(entry), entry)

    def _new(self, entry: Entry) -> Person:
        person = Person(entry.recipient, entry.name, entry.unit_label, entry.identifier)
        self.people.append(person)
        return person

    def _attach(self, person: Person, entry: Entry) -> None:
        person.entries.append(entry)
        if entry.key not in person.keys:
            person.keys.add(entry.key)
            self._by_key.setdefault(entry.key, []).append(person)

    def find(
        self, recipient: str, name: str, unit_key: str, identifier: str | None
    ) -> Person | Ambiguous | None:
        """The one person a record names; Ambiguous where several fit; None where nobody does."""
        if identifier:
            return self._by_identifier.get(identifier)
        found = self._by_key.get((recipient, fold(name), unit_key), [])
        with_identifier = [p for p in found if p.identifier]
        if len(with_identifier) > 1:
            return Ambiguous(with_identifier)
        if with_identifier:
            return with_identifier[0]
        return found[0] if found else None

    def named(self, text: str) -> list[Person]:
        """The people and units whose name (or unit code, for a unit) is `text`, folded."""
        wanted = fold(text)
        return [
            p
            for p in self.people
            if wanted == fold(p.name)
            or (p.recipient == "tập thể" and any(k[2] == wanted.upper() for k in p.keys))
            or (p.identifier and wanted == fold(p.identifier))
        ]


def ambiguous_message(name: str, found: Ambiguous) -> str:
    who = ", ".join(f"mã {p.identifier}" for p in found.candidates)
    return (
        f"“{name}” khớp với {len(found.candidates):02d} người cùng tên, cùng đơn vị ({who}): "
        "không đoán; hãy ghi cột “Mã” để phân biệt"
    )


# ---- units ----------------------------------------------------------------------------------------


def unit_key(text: str | None, departments: Iterable[Department]) -> tuple[str, str]:
    """(key, label) of a unit as written: a department's code where it names one, else the folded text."""
    if not text:
        return "", ""
    wanted = fold(text)
    for department in departments:
        if wanted in (fold(department.code), fold(department.name)):
            return department.code, department.name
    return wanted, text


def all_departments(catalogs: Catalogs) -> list[Department]:
    return [d for issuer in catalogs.issuers for d in issuer.departments]


def find_form(text: str, forms: Iterable[RewardForm]) -> RewardForm | None:
    wanted = fold(text)
    for prefix in ("danh hiệu ", "tặng "):
        wanted = wanted.removeprefix(prefix).strip("“”\"' ")
    if not wanted:  # only quotes: no title, never the form without an abbreviation
        return None
    for form in forms:
        if wanted in {fold(form.name), fold(form.id), fold(form.abbreviation or "")}:
            return form
    return None


# ---- imported records ----------------------------------------------------------------------------


def register_files(root: Path) -> list[Path]:
    folder = root / "content" / REGISTER_DIR
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() in TABLE_SUFFIXES and not p.name.startswith(".")
    )


def year_evaluation_files(root: Path, year: int) -> list[Path]:
    folder = root / "content" / str(year)
    return [
        folder / f"{EVALUATION_STEM}{s}"
        for s in TABLE_SUFFIXES
        if (folder / f"{EVALUATION_STEM}{s}").is_file()
    ]


def _year(record: TableRecord, problems: Problems, folder_year: int | None) -> int | None:
    text = record.values.get("year", "")
    if not text:
        if folder_year is None:
            problems.add(record.loc.at("year"), "thiếu năm")
        return folder_year
    if not re.fullmatch(r"\d{4}", text) or not 1900 <= int(text) <= 2999:
        problems.add(record.loc.at("year"), f"“{text}”: năm phải gồm 4 chữ số, ví dụ 2023")
        return None
    if folder_year is not None and int(text) != folder_year:
        problems.add(record.loc.at("year"), f"năm {text} khác năm của thư mục ({folder_year})")
        return None
    return int(text)


def _recipient(record: TableRecord, form: RewardForm | None, problems: Problems) -> str | None:
    given = record.values.get("recipient")
    if given:
        return given
    if form is not None:
        allowed = [r for r in ("cá nhân", "tập thể") if form.coefficient(r) is not None]
        if len(allowed) == 1:
            return allowed[0]
    problems.add(record.loc.at("recipient"), "ghi rõ đối tượng (cột “Đối tượng”: Cá nhân hoặc Tập thể)")
    return None


def imported_entries(rows: list[TableRecord], catalogs: Catalogs, problems: Problems) -> list[Entry]:
    """Entries of awards made elsewhere, from rows with the award columns plus year and document."""
    departments = all_departments(catalogs)
    found = []
    for row in rows:
        values = row.values
        form = find_form(values["form"], catalogs.rewards.forms)
        if form is None:
            problems.warn(
                row.loc.at("form"),
                f"“{values['form']}” không có trong danh mục danh hiệu, hình thức: chỉ ghi vào lịch sử, "
                "không dùng khi xét điều kiện",
            )
        year = _year(row, problems, None)
        recipient = _recipient(row, form, problems)
        decided_on = None
        if values.get("decided_on"):
            try:
                decided_on = dates.parse(values["decided_on"])
            except dates.DateFormatError as exc:
                problems.add(row.loc.at("decided_on"), str(exc))
                continue
        if year is None or recipient is None:
            continue
        unit_text = values.get("unit") or (values["name"] if recipient == "tập thể" else None)
        key, label = unit_key(unit_text, departments)
        if not key:
            problems.add(row.loc.at("unit"), "thiếu đơn vị của cá nhân")
            continue
        found.append(
            Entry(
                year=year,
                recipient=recipient,
                name=values["name"],
                unit_key=key,
                unit_label=label,
                identifier=values.get("identifier"),
                kind="award",
                what=form.id if form else None,
                label=form.name if form else values["form"],
                document=_document_text(values["document"], decided_on),
                date=decided_on,
                loc=row.loc,
                imported=True,
            )
        )
    return found


def _document_text(text: str, decided_on: dt.date | None) -> str:
    """'Quyết định số 105/QĐ-VP ngày 20/12/2022' from a number as a spreadsheet holds it."""
    shown = f"Quyết định số {text}" if text[:1].isdigit() else text
    if decided_on is not None and "ngày" not in shown:
        shown += f" ngày {dates.numeric(decided_on)}"
    return shown


def evaluation_entries(
    rows: list[TableRecord], catalogs: Catalogs, problems: Problems, folder_year: int | None = None
) -> list[Entry]:
    """Yearly evaluations of staff: one level per person and year."""
    departments = all_departments(catalogs)
    found: list[Entry] = []
    seen: dict[tuple[int, Key, str | None], Entry] = {}
    for row in rows:
        values = row.values
        level = _EVALUATION_WORDS.get(normalise_heading(values["evaluation"]))
        if level is None:
            known = "; ".join(EVALUATIONS)
            problems.add(
                row.loc.at("evaluation"), f"“{values['evaluation']}” không phải mức xếp loại (có: {known})"
            )
            continue
        year = _year(row, problems, folder_year)
        key, label = unit_key(values.get("unit"), departments)
        if not key:
            problems.add(row.loc.at("unit"), "thiếu đơn vị của cá nhân")
            continue
        if year is None:
            continue
        entry = Entry(
            year=year,
            recipient="cá nhân",
            name=values["name"],
            unit_key=key,
            unit_label=label,
            identifier=values.get("identifier"),
            kind="evaluation",
            what=level,
            label=level,
            document="",
            date=None,
            loc=row.loc,
            imported=True,
        )
        same = (year, entry.key, entry.identifier)
        if same in seen:
            first = seen[same].loc
            problems.add(
                row.loc.at("name"), f"{entry.name} đã có xếp loại năm {year} ({first.file}:{first.line})"
            )
            continue
        seen[same] = entry
        found.append(entry)
    return found


def read_imports(content: Content, catalogs: Catalogs, problems: Problems) -> list[Entry]:
    """Every imported record and evaluation of the project (content/so-khen-thuong/, danh-gia files)."""

    def load(scratch: Problems) -> list[Entry]:
        entries: list[Entry] = []
        for path in register_files(content.root):
            rows = content.table(
                path, REGISTER_TABLE if not _is_evaluation(path) else EVALUATION_TABLE, scratch
            )
            if _is_evaluation(path):
                entries += evaluation_entries(rows, catalogs, scratch)
            else:
                entries += imported_entries(rows, catalogs, scratch)
        for folder in (
            sorted((content.root / "content").iterdir()) if (content.root / "content").is_dir() else []
        ):
            if re.fullmatch(r"\d{4}", folder.name):
                for path in year_evaluation_files(content.root, int(folder.name)):
                    rows = content.table(path, EVALUATION_TABLE, scratch)
                    entries += evaluation_entries(rows, catalogs, scratch, int(folder.name))
        return entries

    return content.once("register-imports", load, problems)


def _is_evaluation(path: Path) -> bool:
    return path.name.startswith(EVALUATION_STEM)

"""What new-year may change in carried-over text, and what it only lists for the clerk.

- The old year is changed only where it stands for the document's year: "năm 2024" in prose,
  not inside a range ("2021 - 2025"), a term ("5 năm 2021 - 2025", "giai đoạn", "nhiệm kỳ"),
  a date, a citation ("Luật … năm 2022") or an identifier ("kh-18-2024-ubnd"). Every other
  occurrence is left as it is and listed, with its line.
- A cited document out of force for the whole new year is swapped for its successor
  (`replaced_by` in content/shared/van-ban.yaml); without a known successor it is marked.
- When the issuer changes (Bắc Kạn → Thái Nguyên), text naming the old province is listed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from pipeline.content import marks
from pipeline.content.catalogs import Catalogs
from pipeline.content.model import LegalDocument
from pipeline.content.splice import Edit, YamlText
from pipeline.documents.shared import citation
from pipeline.errors import PathKey, Problem
from pipeline.vn import dates, inline

_TERMS = ("nhiệm kỳ", "giai đoạn", "thời kỳ")


@dataclass(frozen=True)
class Found:
    """An occurrence left as it is, for the clerk to review."""

    index: int
    path: PathKey
    why: str


def _field(path: PathKey) -> str:
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def classify(before: str, after: str) -> str | None:
    """None where the year stands for the document's year; otherwise why it stays as written.

    `before` and `after` are the text of the same value around the four digits.
    """
    if re.search(r"\[[^\]]*$", before) and re.match(r"[^\[]*\]", after):
        return "mã trong tham chiếu"
    if re.search(r"[\w/.-]$", before) or re.match(r"[\w/-]|\.\d", after):
        return "ngày tháng hoặc mã"
    if re.match(r"\s*[-–—]\s*\d{4}", after) or re.search(r"\d{4}\s*[-–—]\s*\(?$", before):
        return "khoảng năm"
    part = re.split(r"[.;]", before)[-1]
    clause = _fold(part) + (" " if part[-1:].isspace() else "")
    if re.search(r"tháng \d{1,2} năm $", clause):
        return "ngày tháng"
    if re.search(r"(?<!đợt )(?<!\w)(\d+|mười) năm $", clause) or any(
        clause.endswith(f"{t} ") for t in _TERMS
    ):
        return "thời hạn, giai đoạn"
    if not clause.endswith("năm "):
        return "không đứng sau “năm”"
    if "luật" in clause.split() or re.search(r"\bsố \S+/", clause):
        return "trích dẫn văn bản"
    return None


def year_edits(source: YamlText, old: int, new: int) -> tuple[list[Edit], list[Found]]:
    """Edits of the old year in string values, and every occurrence left as it is."""
    edits: list[Edit] = []
    found: list[Found] = []
    digits = re.compile(rf"(?<!\d){old}(?!\d)")
    covered: list[tuple[int, int]] = []
    for path, node in source.strings():
        start, end = node.start_mark.index, node.end_mark.index
        covered.append((start, end))
        span = source.text[start:end]
        for match in digits.finditer(span):
            why = classify(span[: match.start()], span[match.end() :])
            at = start + match.start()
            if why is None:
                edits.append(Edit(at, at + 4, str(new), path, f"“năm {old}” thành “năm {new}”"))
            else:
                found.append(Found(at, path, why))
    for match in digits.finditer(source.text):  # comments, keys: never changed
        if not any(s <= match.start() < e for s, e in covered):
            found.append(Found(match.start(), (), "chú thích"))
    return edits, found


def out_of_force_all_year(doc: LegalDocument, year: int) -> bool:
    return doc.in_force_until is not None and doc.in_force_until < dt.date(year, 1, 1)


def successor(doc: LegalDocument, catalogs: Catalogs) -> LegalDocument | None:
    return catalogs.legal.get(doc.replaced_by) if doc.replaced_by else None


def inline_mark(note: str) -> str:
    """A mark inside prose; no ": " or " #", so that it stays inside a plain YAML value."""
    return f"[{marks.MARK} – {note.replace(': ', ' – ').replace(' #', ' ')}]"


def missing_successor_note(doc: LegalDocument) -> str:
    known = marks.note_of(doc.replaced_by) if marks.is_mark(doc.replaced_by) else ""
    return f"văn bản thay thế {citation(doc).split(' ngày ')[0]}" + (f" ({known})" if known else "")


def citation_edits(source: YamlText, catalogs: Catalogs, year: int) -> tuple[list[Edit], list[Found]]:
    """[van-ban:id] in prose: swapped for the successor where the old one is out of force all year.

    Citations that go out of force during the year are listed (right only for documents signed
    before that day)."""
    edits: list[Edit] = []
    reviews: list[Found] = []
    for path, node in source.strings():
        start, end = node.start_mark.index, node.end_mark.index
        span = source.text[start:end]
        for ref in inline.references(span):
            doc = catalogs.legal.get(ref.id) if ref.kind == "van-ban" else None
            if doc is None:
                continue
            at = start + ref.start
            new = successor(doc, catalogs)
            if out_of_force_all_year(doc, year):
                if new is not None:
                    why = f"[van-ban:{doc.id}] hết hiệu lực; thay bằng [van-ban:{new.id}] ({_from(doc, new)})"
                    edits.append(Edit(at, start + ref.end, f"[van-ban:{new.id}]", path, why))
                else:
                    why = f"[van-ban:{doc.id}] hết hiệu lực; chưa biết văn bản thay thế: đánh dấu CẦN BỔ SUNG"
                    edits.append(
                        Edit(at, start + ref.end, inline_mark(missing_successor_note(doc)), path, why)
                    )
            elif doc.in_force_until is not None and doc.in_force_until < dt.date(year, 12, 31):
                then = dates.numeric(doc.in_force_until + dt.timedelta(days=1))
                instead = f"[van-ban:{new.id}]" if new else "văn bản thay thế (chưa có trong danh mục)"
                reviews.append(
                    Found(
                        at,
                        path,
                        f"[van-ban:{doc.id}] hết hiệu lực từ {then}: "
                        f"văn bản ký từ ngày đó cần trích {instead}",
                    )
                )
    return edits, reviews


def _from(old: LegalDocument, new: LegalDocument) -> str:
    day = old.replaced_from or new.in_force_from or new.date
    return f"áp dụng từ {dates.numeric(day)}"


def old_place_reviews(source: YamlText, catalogs: Catalogs, old_place: str) -> list[Found]:
    """Carried-over text naming the old province: written out, or through a reference."""
    reviews: list[Found] = []
    wanted = _fold(old_place)
    index = 0
    for line in source.text.splitlines(keepends=True):
        if wanted in _fold(line.split("#", 1)[0]):
            reviews.append(Found(index, (), f"nhắc tên tỉnh cũ “{old_place}”: {line.strip()}"))
        index += len(line)
    for path, node in source.strings():
        start, end = node.start_mark.index, node.end_mark.index
        for ref in inline.references(source.text[start:end]):
            name = _referenced_name(ref, catalogs)
            if name and wanted in _fold(name):
                message = f"[{ref.kind}:{ref.id}] nhắc tên tỉnh cũ “{old_place}”: {name}"
                reviews.append(Found(start + ref.start, path, message))
    return reviews


def _referenced_name(ref: inline.Reference, catalogs: Catalogs) -> str | None:
    if ref.kind == "phong-trao" and ref.id in catalogs.movements:
        return catalogs.movements[ref.id].name
    if ref.kind == "ky-niem" and ref.id in catalogs.anniversaries:
        return catalogs.anniversaries[ref.id].name
    if ref.kind == "van-ban" and ref.id in catalogs.legal:
        return citation(catalogs.legal[ref.id])
    return None


def issuer_places(catalogs: Catalogs, on: dt.date, year: int) -> tuple[str | None, list[str]]:
    """The place of the issuer on `on`, and the other places of issuers in force during `year`."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    old = next((i.place for i in catalogs.issuers if i.in_force(on)), None)
    during = [
        i.place
        for i in catalogs.issuers
        if i.valid_from <= last and (i.valid_until is None or i.valid_until >= first) and i.place != old
    ]
    return old, during


def year_found(source: YamlText, found: list[Found], old: int) -> list[Found]:
    """Occurrences of the old year left as written, with their line's text."""
    lines = source.text.splitlines()
    return [
        Found(f.index, f.path, f"giữ nguyên {old} ({f.why}): {lines[source.line_of(f.index) - 1].strip()}")
        for f in found
    ]


def as_problem(file: str, line: int, found: Found) -> Problem:
    return Problem(file, line, _field(found.path), found.why)

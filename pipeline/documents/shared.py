"""What every document kind shares: the header, number and signature, distribution list,
citations and references in prose, the document's date and issuer, properties and bytes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import Loc, Problem, Problems
from pipeline.vn import dates, inline
from pipeline.vn.amounts import two_digits
from pipeline.word import render, write

if TYPE_CHECKING:
    from pipeline.content.catalogs import Catalogs
    from pipeline.content.model import Anniversary, Issuance, Issuer, LegalDocument, Signer

TYPE_ABBREVIATIONS = {
    "ke-hoach": "KH",
    "quyet-dinh": "QĐ",
    "bao-cao": "BC",
    "to-trinh": "TTr",
    "bien-ban": "BB",
}


# ---- text ---------------------------------------------------------------------------------------


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def document_number(kind: str, issuer: Issuer, number: int | None) -> str:
    """'05/KH-VP', or '      /KH-VP' before the number is given: the one place this form is made."""
    shown = two_digits(number) if number is not None else dates.BLANK
    return f"{shown}/{TYPE_ABBREVIATIONS[kind]}-{issuer.symbol}"


def number_line(issuer: Issuer, number: int | None, kind: str) -> str:
    """'Số: 05/KH-VP', or 'Số:      /KH-VP' before the number is given."""
    return f"Số: {document_number(kind, issuer, number)}"


def date_words(date: dt.date | None, on: dt.date) -> str:
    """'ngày 26 tháng 6 năm 2024', or the day left blank: 'ngày      tháng 7 năm 2024'."""
    if date:
        return dates.spelled(date)
    return f"ngày{dates.BLANK}tháng {dates.month_text(on.month)} năm {on.year}"


def anniversary_text(anniversary: Anniversary, year: int) -> str:
    """'94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)'."""
    years = year - anniversary.origin.year
    recurrence = dates.anniversary_of(anniversary.origin, year)
    span = f"{dates.numeric(anniversary.origin)} - {dates.numeric(recurrence)}"
    return f"{years} năm {anniversary.name} ({span})"


def legal_number(doc: LegalDocument) -> str:
    """A cited document's number and symbol: '18/KH-UBND', a Party document '34-CT/TW'."""
    separator = "-" if doc.party else "/"
    return f"{doc.number}{separator}{doc.symbol}"


def citation(doc: LegalDocument, *, spelled: bool = False) -> str:
    """'Kế hoạch số 18/KH-UBND ngày 15/01/2024 của UBND tỉnh Bắc Kạn về công tác ...'.

    `spelled` writes the date as "ngày 15 tháng 01 năm 2024", as the Căn cứ lines of a decision do.
    """
    day = dates.spelled(doc.date) if spelled else f"ngày {dates.numeric(doc.date)}"
    if doc.title is not None:
        return f"{doc.title} {day}"
    text = f"{doc.type} số {legal_number(doc)} {day} của {doc.issuer}"
    if doc.subject:
        text += f" {doc.connector} {doc.subject}" if doc.connector else f" {doc.subject}"
    return text


def expand_prose(text: str, catalogs: Catalogs, year: int, period_count: int) -> str:
    """A clerk's text with every inline reference replaced by the text computed for it."""

    def resolve(ref: inline.Reference) -> str:
        if ref.kind == "ky-niem":
            return anniversary_text(catalogs.anniversaries[ref.id], year)
        if ref.kind == "phong-trao":
            return f"“{catalogs.movements[ref.id].name}”"
        if ref.kind == "van-ban":
            return citation(catalogs.legal[ref.id])
        return two_digits(period_count)

    return inline.expand(text, resolve)


def signature_lines(issuer: Issuer, signer: Signer | None, authority: str) -> list[str]:
    """Authority and title lines over the signer's name, as Nghị định 30 allows.

    A draft whose signer is not decided yet shows the head's title alone.
    """
    head = issuer.head_title.upper()
    if signer is None:
        return [head]
    own = signer.title.upper()
    if authority == "":
        return [own]
    if authority == "Q.":
        return [f"Q. {head}"]
    if authority == "TM.":
        return [f"TM. {issuer.full_name.upper()}", own]
    return [f"{authority} {head}", own]


def distribution_lines(groups: list[Any], archive_unit: str) -> list[str]:
    """Nơi nhận: '- Sở Nội vụ;' each, headings as written, the last '- Lưu: VT, <unit>.'."""
    lines: list[str] = []
    for group in groups:
        if group.heading:
            lines.append(f"{group.heading.rstrip(':')}:")
        lines.extend(f"- {name.rstrip(';')};" for name in group.to)
    lines.append(f"- Lưu: VT, {archive_unit}.")
    return lines


def header_context(
    issuer: Issuer,
    kind: str,
    number: int | None,
    date: dt.date | None,
    on: dt.date,
    *,
    month_known: bool = True,
) -> dict[str, str]:
    """Issuing body, number line and place-and-date line; the month stays blank while unknown."""
    return {
        "parent": issuer.parent,
        "name": issuer.name,
        "number_line": number_line(issuer, number, kind),
        "place_date": dates.place_and_date(issuer.place, date, on.month if month_known else None, on.year),
    }


# ---- rules every document keeps -----------------------------------------------------------------


def document_date(doc: Issuance, year: int, problems: Problems) -> dt.date | None:
    """The document's date, or the first day of its month while the day is blank."""
    if doc.number is not None and doc.number < 1:
        problems.add(doc.loc.at("number"), "số văn bản phải từ 01 trở lên")
    if doc.month is not None and not 1 <= doc.month <= 12:
        problems.add(doc.loc.at("month"), f"không có tháng {doc.month}")
        return None
    if doc.date is not None:
        if doc.month is not None and doc.month != doc.date.month:
            problems.add(
                doc.loc.at("month"), f"tháng {doc.month} khác tháng của ngày {dates.numeric(doc.date)}"
            )
        return doc.date
    if doc.month is None:
        problems.add(doc.loc, "cần ngày ban hành (date) hoặc, khi chưa có ngày, tháng ban hành (month)")
        return None
    return dt.date(year, doc.month, 1)


def check_issuance(
    doc: Issuance, on: dt.date, catalogs: Catalogs, problems: Problems, *, signer_marked: bool = False
) -> tuple[Issuer, Signer | None] | None:
    """The issuer and signer in force on a document's date (None where wrong, with a problem)."""
    shown = dates.numeric(on)
    issuers = [i for i in catalogs.issuers if i.in_force(on)]
    if len(issuers) != 1:
        what = "không có cơ quan ban hành nào" if not issuers else "có nhiều cơ quan ban hành"
        problems.add(doc.loc.at("date" if doc.date else "month"), f"{what} có hiệu lực vào ngày {shown}")
        return None
    issuer = issuers[0]
    check_department(doc.drafted_by, doc.loc.at("drafted_by"), {d.code for d in issuer.departments}, problems)
    if signer_marked:
        return issuer, None
    signer = next((s for s in issuer.signers if s.id == doc.signer), None)
    if signer is None:
        problems.add(doc.loc.at("signer"), _unknown_signer(doc.signer, issuer))
        return issuer, None
    if not signer.in_force(on):
        problems.add(doc.loc.at("signer"), f"{signer.name} không giữ chức vụ ký vào ngày {shown}")
        return issuer, None
    return issuer, signer


def _unknown_signer(wanted: str, issuer: Issuer) -> str:
    """Names the issuer and where its signers are listed, and who is there."""
    listed = issuer.loc.at("signers")
    where = f"{listed.file}:{listed.line}" if listed.line else listed.file
    owner = f"{issuer.common_name} ({issuer.parent})"
    if not issuer.signers:
        return (
            f"không có người ký “{wanted}”: {owner} chưa có người ký nào; "
            f"bổ sung người ký (signers) của cơ quan này trong {where}"
        )
    known = ", ".join(s.id for s in issuer.signers)
    return f"không có người ký “{wanted}” của {owner} (có: {known}); danh sách người ký ở {where}"


def check_references(
    text: str, loc: Loc, catalogs: Catalogs, on: dt.date, year: int, problems: Problems
) -> None:
    for message in inline.problems_in(text):
        problems.add(loc, message)
    for ref in inline.references(text):
        if ref.kind == "ky-niem":
            anniversary = catalogs.anniversaries.get(ref.id)
            if anniversary is None:
                problems.add(loc, f"không có ngày kỷ niệm “{ref.id}” trong lịch ngày kỷ niệm")
            elif anniversary.origin.year >= year:
                problems.add(loc, f"“{anniversary.name}” chưa tròn năm nào vào năm {year}")
        elif ref.kind == "phong-trao" and ref.id not in catalogs.movements:
            problems.add(loc, f"không có phong trào “{ref.id}” trong danh mục phong trào thi đua")
        elif ref.kind == "van-ban":
            doc = catalogs.legal.get(ref.id)
            if doc is None:
                problems.add(loc, f"không có văn bản “{ref.id}” trong danh mục văn bản")
            else:
                check_in_force(doc, on, loc, problems)


def check_in_force(doc: LegalDocument, on: dt.date, loc: Loc, problems: Problems) -> None:
    if not doc.in_force(on):
        problems.add(loc, f"văn bản “{doc.id}” không có hiệu lực vào ngày {dates.numeric(on)}")


def check_department(code: str, loc: Loc, departments: set[str], problems: Problems) -> None:
    if code not in departments:
        known = ", ".join(sorted(departments))
        problems.add(loc, f"không có phòng “{code}” trong danh sách phòng, ban (có: {known})")


# ---- bytes --------------------------------------------------------------------------------------


def properties(
    kind: str, label: str, subject: str, issuer: Issuer, number: int | None, details: str, date: dt.date
) -> write.Properties:
    """Core properties from the content: title, subject, author, keywords with number and symbol."""
    return write.Properties(
        title=f"{label} {lower_first(subject)}",
        subject=subject,
        author=issuer.full_name,
        keywords=f"{document_number(kind, issuer, number).strip()}; {details}",
        date=date,
    )


def document_bytes(templates: Path, template: str, context: dict, props: write.Properties) -> bytes:
    """Render a template, stamp its properties, and return reproducible .docx bytes."""
    document = render.render(templates / template, context)
    write.set_properties(document.docx, props)
    return write.normalize_zip(render.to_bytes(document))


@dataclass(frozen=True)
class Built:
    """A document written to disk, with the warnings its rules raised."""

    path: Path
    warnings: list[Problem]

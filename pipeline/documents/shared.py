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
    """'05/KH-VP', or '      /KH-VP' before the number is given: the one place this form is made.

    `kind` is a kind's key (ke-hoach, quyet-dinh, bao-cao) or a type symbol from content (CV)."""
    shown = two_digits(number) if number is not None else dates.BLANK
    return f"{shown}/{TYPE_ABBREVIATIONS.get(kind, kind)}-{issuer.symbol}"


def number_line(issuer: Issuer, number: int | None, kind: str) -> str:
    """'Số: 05/KH-VP', or 'Số:      /KH-VP' before the number is given."""
    return f"Số: {document_number(kind, issuer, number)}"


def date_words(date: dt.date | None, on: dt.date) -> str:
    """'ngày 26 tháng 6 năm 2024', or the day left blank: 'ngày      tháng 7 năm 2024'."""
    if date:
        return dates.spelled(date)
    return f"ngày{dates.BLANK}tháng {dates.month_text(on.month)} năm {on.year}"


def occurrence_year(origin: dt.date, start: dt.date, end: dt.date) -> int | None:
    """The year in which `origin` recurs within start..end (the first, when several); None if never."""
    for year in range(start.year, end.year + 1):
        if start <= dates.anniversary_of(origin, year) <= end:
            return year
    return None


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


def force_note(doc: LegalDocument, on: dt.date, catalogs: Catalogs) -> str:
    """Why `doc` cannot be cited on `on`, and its successor where the catalog knows it:
    'hết hiệu lực từ 01/7/2025; thay bằng “nd-152-2025” (Nghị định số 152/2025/NĐ-CP)'."""
    start = doc.in_force_from or doc.date
    if on < start:
        return f"có hiệu lực từ {dates.numeric(start)}"
    assert doc.in_force_until is not None
    ended = f"hết hiệu lực từ {dates.numeric(doc.in_force_until + dt.timedelta(days=1))}"
    successor = catalogs.legal.get(doc.replaced_by) if doc.replaced_by else None
    if successor is not None:
        return f"{ended}; thay bằng “{successor.id}” ({citation(successor).split(' ngày ')[0]})"
    if doc.replaced_by:  # a mark: the successor is not known yet
        return f"{ended}; văn bản thay thế chưa có trong danh mục ({doc.replaced_by.strip()})"
    return f"{ended}; chưa ghi văn bản thay thế (replaced_by) trong danh mục"


def cited(doc: LegalDocument, on: dt.date | None, catalogs: Catalogs, *, spelled: bool = False) -> str:
    """The citation of `doc` in a document dated `on`; a draft citing a document not in force
    that day shows why, as a mark: '… [CẦN BỔ SUNG – hết hiệu lực từ 01/7/2025; thay bằng …]'.
    (A final document with such a citation is refused before it is rendered.)"""
    text = citation(doc, spelled=spelled)
    if on is None or doc.in_force(on):
        return text
    note = force_note(doc, on, catalogs).replace("CẦN BỔ SUNG: ", "")
    return f"{text} [CẦN BỔ SUNG – {note}]"


def expand_prose(
    text: str,
    catalogs: Catalogs,
    year: int,
    period_count: int,
    on: dt.date | None = None,
    within: tuple[dt.date, dt.date] | None = None,
) -> str:
    """A clerk's text with every inline reference replaced by the text computed for it; citations
    are checked against the document's date `on` (see `cited`).

    An anniversary is counted in the year it recurs `within` a span (a period, a campaign crossing
    31/12), else in `year`."""

    def resolve(ref: inline.Reference) -> str:
        if ref.kind == "ky-niem":
            anniversary = catalogs.anniversaries[ref.id]
            found = occurrence_year(anniversary.origin, *within) if within else None
            return anniversary_text(anniversary, found or year)
        if ref.kind == "phong-trao":
            return f"“{catalogs.movements[ref.id].name}”"
        if ref.kind == "van-ban":
            return cited(catalogs.legal[ref.id], on, catalogs)
        if ref.kind in inline.FIGURES:
            return inline.figure(ref)[1]  # checked by the report's rules, printed as typed
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
    numbered: bool = True,
    excerpt: str = "",
) -> dict[str, Any]:
    """Issuing body, number line and place-and-date line; the month stays blank while unknown.

    `upper` holds the lines above the body's name (none for a body without a governing body, two
    for a three-level header), `name` the name's lines, all bold; `excerpt` is a công văn's
    "V/v ..." under its number."""
    return {
        "upper": issuer.header_lines,
        "name": issuer.name.splitlines(),
        "number_line": number_line(issuer, number, kind) if numbered else "",
        "excerpt": excerpt,
        "place_date": dates.place_and_date(issuer.place, date, on.month if month_known else None, on.year),
    }


# ---- rules every document keeps -----------------------------------------------------------------


def month_year(month: int, year: int, span: tuple[dt.date, dt.date] | None) -> int:
    """The year of a month given without its day. In a campaign crossing 31/12 (a school year
    05/9/2021 - 31/5/2022) the months up to the span's last month are in its last year, the others
    in its first year."""
    if span is None or span[0].year == span[1].year:
        return year
    return span[1].year if month <= span[1].month else span[0].year


def document_date(
    doc: Issuance, year: int, problems: Problems, span: tuple[dt.date, dt.date] | None = None
) -> dt.date | None:
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
    return dt.date(month_year(doc.month, year, span), doc.month, 1)


def find_issuer(doc: Issuance, on: dt.date, catalogs: Catalogs, problems: Problems) -> Issuer | None:
    """The issuer a document names, or the only one in force on its date."""
    shown = dates.numeric(on)
    if doc.issuer is not None:
        named = [i for i in catalogs.issuers if i.id == doc.issuer]
        if not named:
            known = ", ".join(sorted({i.id for i in catalogs.issuers}))
            problems.add(doc.loc.at("issuer"), f"không có cơ quan ban hành “{doc.issuer}” (có: {known})")
            return None
        issuer = next((i for i in named if i.in_force(on)), None)
        if issuer is None:
            problems.add(doc.loc.at("issuer"), f"cơ quan “{doc.issuer}” không có hiệu lực vào ngày {shown}")
        return issuer
    issuers = [i for i in catalogs.issuers if i.in_force(on)]
    where = doc.loc.at("date" if doc.date else "month")
    if not issuers:
        problems.add(where, f"không có cơ quan ban hành nào có hiệu lực vào ngày {shown}")
        return None
    if len(issuers) > 1:
        listed = issuers[0].loc
        names = ", ".join(f"{i.id} ({' - '.join([*i.header_lines, *i.name.splitlines()])})" for i in issuers)
        problems.add(
            where,
            f"có nhiều cơ quan ban hành có hiệu lực vào ngày {shown}: {names} (danh sách ở {listed.file}); "
            f"ghi cơ quan của văn bản này ở document.issuer",
        )
        return None
    return issuers[0]


def check_issuance(
    doc: Issuance, on: dt.date, catalogs: Catalogs, problems: Problems, *, signer_marked: bool = False
) -> tuple[Issuer, Signer | None] | None:
    """The issuer and signer in force on a document's date (None where wrong, with a problem)."""
    shown = dates.numeric(on)
    issuer = find_issuer(doc, on, catalogs, problems)
    if issuer is None:
        return None
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
    owner = f"{issuer.common_name} ({issuer.parent})" if issuer.parent else issuer.common_name
    if not issuer.signers:
        return (
            f"không có người ký “{wanted}”: {owner} chưa có người ký nào; "
            f"bổ sung người ký (signers) của cơ quan này trong {where}"
        )
    known = ", ".join(s.id for s in issuer.signers)
    return f"không có người ký “{wanted}” của {owner} (có: {known}); danh sách người ký ở {where}"


def check_references(
    text: str,
    loc: Loc,
    catalogs: Catalogs,
    on: dt.date,
    year: int,
    problems: Problems,
    *,
    draft: bool = False,
    figures_allowed: bool = False,
) -> None:
    for message in inline.problems_in(text):
        problems.add(loc, message)
    for ref in inline.references(text):
        if ref.kind in inline.FIGURES and not figures_allowed:
            problems.add(loc, f"tham chiếu [{ref.kind}:...] chỉ dùng trong báo cáo")
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
                check_in_force(doc, on, loc, problems, catalogs, draft=draft)


def check_in_force(
    doc: LegalDocument, on: dt.date, loc: Loc, problems: Problems, catalogs: Catalogs, *, draft: bool = False
) -> None:
    """A citation out of force on the document's date: an error naming the successor if known;
    in a draft a warning (the draft shows the citation marked, see `cited`)."""
    if doc.in_force(on):
        return
    note = force_note(doc, on, catalogs)
    message = f"văn bản “{doc.id}” không có hiệu lực vào ngày {dates.numeric(on)} ({note})"
    if draft:
        problems.warn(loc, f"{message}; bản nháp in trích dẫn có dấu CẦN BỔ SUNG, bản chính thức bị từ chối")
    else:
        problems.add(loc, message)


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
    if document.pics_to_replace or document.crc_to_new_media or document.zipname_to_replace:
        return write.normalize_zip(render.to_bytes(document))  # docxtpl's replacements need its save
    return write.package_bytes(document.docx)


@dataclass(frozen=True)
class Built:
    """A document written to disk, with the warnings its rules raised."""

    path: Path
    warnings: list[Problem] | list[str]
    """Problems of the rules; recorded text (str) when `tdkt all` left the file as it was."""
    notes: tuple[str, ...] = ()
    """Lines printed after the warnings (what changed in a signed document)."""
    done: tuple[str, ...] = ()
    """What the build did besides writing the document (a report date written back)."""
    rendered: bool = True
    """False when `tdkt all` found the file as recorded and left it (see documents/builds.py)."""

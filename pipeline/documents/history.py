"""One person's or unit's history from the award register, as `tdkt history` prints it."""

from __future__ import annotations

from pipeline.documents.register import Person, Register, fold


def _where(entry_loc: object) -> str:
    file, line = getattr(entry_loc, "file", ""), getattr(entry_loc, "line", None)
    return f"{file}:{line}" if line else str(file)


def person_lines(person: Person) -> list[str]:
    who = f"{person.name} ({person.recipient})"
    details = [person.unit_label] if person.unit_label and person.recipient == "cá nhân" else []
    if person.identifier:
        details.append(f"mã {person.identifier}")
    lines = [who + (f" — {'; '.join(details)}" if details else "")]
    units = sorted({e.unit_label for e in person.entries if e.unit_label})
    if len(units) > 1:
        lines.append(f"  Đơn vị qua các năm: {', '.join(units)}")
    for year in sorted({e.year for e in person.entries}):
        lines.append(f"  Năm {year}:")
        entries = [e for e in person.entries if e.year == year]
        entries.sort(key=lambda e: (e.kind != "evaluation", e.date.toordinal() if e.date else 0, e.label))
        for entry in entries:
            if entry.kind == "evaluation":
                lines.append(f"    - Xếp loại: {entry.label} ({_where(entry.loc)})")
            else:
                source = "nhập từ " if entry.imported else ""
                document = f" — {entry.document}" if entry.document else ""
                lines.append(f"    - {entry.label}{document} ({source}{_where(entry.loc)})")
    return lines


def history_lines(register: Register, name: str) -> list[str]:
    """Every person or unit named `name`, each with its entries year by year; [] if none."""
    lines: list[str] = []
    for index, person in enumerate(register.named(name)):
        if index:
            lines.append("")
        lines += person_lines(person)
    unplaced = [entry for entry, _found in register.ambiguous if fold(entry.name) == fold(name)]
    if unplaced:
        if lines:
            lines.append("")
        lines.append("Chưa ghi vào sổ (trùng tên, trùng đơn vị, không phân biệt được — cần cột “Mã”):")
        lines += [f"  - Năm {e.year}: {e.label} ({_where(e.loc)})" for e in unplaced]
    return lines

"""The shared catalogs (content/shared/): issuers, legal documents, anniversaries, movements, rewards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from pipeline.errors import Problems

if TYPE_CHECKING:
    from pipeline.content.model import Anniversary, Issuer, LegalDocument, Movement, RewardCatalog
    from pipeline.content.schema import Record

SHARED_FILES = {
    "issuers": "co-quan.yaml",
    "legal": "van-ban.yaml",
    "anniversaries": "ngay-ky-niem.yaml",
    "movements": "phong-trao.yaml",
    "rewards": "khen-thuong.yaml",
}
HOLIDAYS_FILE = "ngay-nghi.yaml"

T = TypeVar("T", bound="Record")


@dataclass(frozen=True)
class Catalogs:
    issuers: list[Issuer]
    legal: dict[str, LegalDocument]
    anniversaries: dict[str, Anniversary]
    movements: dict[str, Movement]
    rewards: RewardCatalog


def by_id(records: list[T], problems: Problems) -> dict[str, T]:
    result: dict[str, T] = {}
    for record in records:
        ident = record.id  # type: ignore[attr-defined]
        if ident in result:
            problems.add(record.loc.at("id"), f"mã “{ident}” đã dùng ở dòng {result[ident].loc.line}")
        else:
            result[ident] = record
    return result


def check_catalogs(catalogs: Catalogs, problems: Problems) -> None:
    """Rules inside the catalogs themselves (validity dates, codes used once)."""
    for issuer in catalogs.issuers:
        if issuer.valid_until and issuer.valid_until < issuer.valid_from:
            problems.add(issuer.loc.at("valid_until"), "ngày hết hiệu lực trước ngày có hiệu lực")
        by_id(issuer.signers, problems)
        codes: set[str] = set()
        for i, department in enumerate(issuer.departments):
            if department.code in codes:
                problems.add(issuer.loc.at("departments", i, "code"), "mã phòng bị lặp")
            codes.add(department.code)
    for doc in catalogs.legal.values():
        if doc.title is None and (doc.number is None or doc.symbol is None or doc.issuer is None):
            problems.add(doc.loc, "văn bản trích dẫn theo số cần đủ number, symbol và issuer (hoặc có title)")
        if doc.in_force_until and doc.in_force_until < (doc.in_force_from or doc.date):
            problems.add(doc.loc.at("in_force_until"), "ngày hết hiệu lực trước ngày có hiệu lực")

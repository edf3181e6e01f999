"""The shared catalogs (content/shared/): issuers, legal documents, anniversaries, movements, rewards."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from pipeline.errors import Loc, Problems

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

# Upper bounds of the money figures: far above any real value, low enough that a slip of the
# keyboard (extra zeros, 1e400) is caught before it reaches a decision.
MAX_COEFFICIENT = Decimal(100)
MAX_BASE_SALARY = 1_000_000_000
MAX_ROUNDING_STEP = 1_000_000

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
        for i, unit in enumerate(issuer.outside_units):
            if unit.code in codes:
                problems.add(issuer.loc.at("outside_units", i, "code"), "mã đơn vị bị lặp")
            codes.add(unit.code)
    for doc in catalogs.legal.values():
        if doc.title is None and (doc.number is None or doc.symbol is None or doc.issuer is None):
            problems.add(doc.loc, "văn bản trích dẫn theo số cần đủ number, symbol và issuer (hoặc có title)")
        if doc.in_force_until and doc.in_force_until < (doc.in_force_from or doc.date):
            problems.add(doc.loc.at("in_force_until"), "ngày hết hiệu lực trước ngày có hiệu lực")
    check_rewards(catalogs.rewards, problems)


def _check_amount(
    value: Decimal | int, limit: Decimal | int, loc: Loc, what: str, problems: Problems
) -> None:
    """A money figure must be a finite number above 0 and at most `limit`."""
    if isinstance(value, Decimal) and not value.is_finite():
        problems.add(loc, f"{what} phải là một số (nhận được “{value}”)")
    elif value <= 0:
        problems.add(loc, f"{what} phải lớn hơn 0 (nhận được {value})")
    elif value > limit:
        problems.add(loc, f"{what} quá lớn ({value}; tối đa {limit}): kiểm tra lại số chữ số")


def check_rewards(rewards: RewardCatalog, problems: Problems) -> None:
    """Coefficients, base salaries and the rounding step are sensible numbers; references are known."""
    for salary in rewards.base_salaries:
        _check_amount(salary.amount, MAX_BASE_SALARY, salary.loc.at("amount"), "mức lương cơ sở", problems)
    step = rewards.rounding
    _check_amount(step.step, MAX_ROUNDING_STEP, step.loc.at("step"), "bước làm tròn", problems)
    forms = {form.id for form in rewards.forms}
    known = ", ".join(sorted(forms))
    for form in rewards.forms:
        for name in ("individual", "collective"):
            value = getattr(form, name)
            if value is not None:
                _check_amount(value, MAX_COEFFICIENT, form.loc.at(name), "hệ số", problems)
        if form.requires is not None and form.requires not in forms:
            problems.add(form.loc.at("requires"), f"không có danh hiệu “{form.requires}” (có: {known})")
    for limit in rewards.share_limits:
        for name in ("form", "of"):
            ident = getattr(limit, name)
            if ident not in forms:
                problems.add(limit.loc.at(name), f"không có danh hiệu “{ident}” (có: {known})")
        percent = limit.max_percent
        if not percent.is_finite() or not 0 < percent <= 100:
            problems.add(
                limit.loc.at("max_percent"), f"tỷ lệ phải lớn hơn 0 và không quá 100 (nhận được {percent})"
            )
    for rule in rewards.eligibility:
        for name in ("form", "title"):
            ident = getattr(rule, name)
            if ident is not None and ident not in forms:
                problems.add(rule.loc.at(name), f"không có danh hiệu, hình thức “{ident}” (có: {known})")
        if (rule.title is None) == (rule.evaluation is None):
            problems.add(
                rule.loc, "điều kiện cần đúng một trong hai: title (danh hiệu) hoặc evaluation (xếp loại)"
            )
        if rule.min_years_since is not None and rule.evaluation is not None:
            problems.add(rule.loc.at("min_years_since"), "min_years_since chỉ dùng với title")
        if not 1 <= rule.consecutive_years <= 20:
            problems.add(rule.loc.at("consecutive_years"), "số năm liên tục phải từ 1 đến 20")
        if rule.min_years_since is not None and not 1 <= rule.min_years_since <= 50:
            problems.add(rule.loc.at("min_years_since"), "số năm phải từ 1 đến 50")
        if rule.valid_from and rule.valid_until and rule.valid_until < rule.valid_from:
            problems.add(rule.loc.at("valid_until"), "ngày hết hiệu lực trước ngày có hiệu lực")
    for threshold in rewards.vote_thresholds:
        if threshold.form not in forms:
            problems.add(
                threshold.loc.at("form"), f"không có danh hiệu, hình thức “{threshold.form}” (có: {known})"
            )
        percent = threshold.min_percent
        if not percent.is_finite() or not 0 < percent <= 100:
            problems.add(
                threshold.loc.at("min_percent"),
                f"tỷ lệ phải lớn hơn 0 và không quá 100 (nhận được {percent})",
            )

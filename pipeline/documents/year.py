"""The validated documents of a project: each plan, decision and report validated once per Content.

Kinds lean on each other (a decision on its year's plan; a report on the plan and the year's
decisions, and the previous year's); this module puts them together, so that the rules of each
kind import none of the others. Each is validated against the catalogs, issuer and signer in
force on its own date.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pipeline.content import marks
from pipeline.content.period_model import ProposalContent, ReportContent
from pipeline.content.project import Content
from pipeline.documents.decision.rules import (
    ValidDecision,
    check_decision,
    decision_file,
    decision_periods,
    proposal_file,
)
from pipeline.documents.minutes.rules import ValidMinutes, check_minutes, minutes_file
from pipeline.documents.plan.rules import ValidPlan, check_plan
from pipeline.documents.proposal.rules import CouncilBasis, ValidProposal, check_proposal
from pipeline.documents.register import Entry, Register, read_imports
from pipeline.documents.report.rules import Earlier, ValidReport, check_report, report_file, scope_of
from pipeline.errors import ContentError, Problem, Problems


def load_year(
    content: Content,
    year: int,
    problems: Problems,
    period: int | None,
    file_name: str,
    *,
    draft: bool = False,
) -> ValidPlan:
    """The catalogs and the year's plan that a decision or a report rests on, and the period's
    number checked against the plan; raises ContentError with every problem found so far."""
    plan = check_plan(content, year, problems, draft=draft)
    if plan is None:
        problems.raise_if_any()
    assert plan is not None
    count = len(plan.content.periods)
    if period is not None and not 1 <= period <= count:
        name = content.project.display(content.project.content_dir(year) / file_name)
        problems.extend(
            [Problem(name, None, "", f"kế hoạch năm {year} có {count:02d} đợt; không có đợt {period}")]
        )
        problems.raise_if_any()
    return plan


def load_decision(
    root: Path, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> ValidDecision:
    """Load and validate the decision of a period (once per `content`); raise ContentError on any problem.

    A draft tolerates "CẦN BỔ SUNG" marks (and its plan's); otherwise each mark is a problem."""
    source = content or Content(root)

    def validate(_: Problems) -> ValidDecision:
        problems = Problems()
        try:
            plan = load_year(source, year, problems, period, decision_file(period), draft=draft)
        except ContentError as exc:  # the decision's own marks are listed with the plan's problems
            path = source.project.content_dir(year) / decision_file(period)
            loaded = source.yaml(path, Problems()) if path.is_file() and not draft else None
            own = Problems()
            for where, text in marks.find_marks(loaded.data) if loaded else []:
                own.add(loaded.loc.at(*where), marks.unfilled(text))
            raise ContentError([*exc.problems, *own.items]) from None
        history = register_entries(source, problems, before=year)
        minutes = None
        if (source.project.content_dir(year) / minutes_file(period)).is_file():
            try:
                minutes = load_minutes(source.root, year, period, draft=draft, content=source)
            except ContentError as exc:
                problems.extend(exc.problems)
        meeting = minutes.meeting() if minutes else None
        return check_decision(source, plan, period, problems, draft=draft, history=history, meeting=meeting)

    return source.once(("decision", year, period, draft), validate)


def project_years(content: Content) -> list[int]:
    """The years with a content folder (content/2024/ ...), oldest first."""
    folder = content.root / "content"
    if not folder.is_dir():
        return []
    return sorted(int(p.name) for p in folder.iterdir() if re.fullmatch(r"\d{4}", p.name) and p.is_dir())


def register_entries(content: Content, problems: Problems, *, before: int | None = None) -> list[Entry]:
    """The register's entries: what the signed decisions of each project year before `before` (every
    year if None) conferred, the imported records and every evaluation. Problems are collected."""

    def collect(scratch: Problems) -> list[Entry]:
        catalogs = content.catalogs(scratch)
        if catalogs is None:
            return []
        entries = [
            e
            for e in read_imports(content, catalogs, scratch)
            if before is None or e.kind == "evaluation" or e.year < before
        ]
        for year in project_years(content):
            if before is not None and year >= before:
                break
            for decision in year_decisions(content, year, scratch):
                if decision.content.document.date is not None:
                    entries += decision.entries()
        return entries

    return content.once(("register", before), collect, problems)


def load_register(content: Content) -> Register:
    """The whole register (tdkt history); raises ContentError on any problem."""
    problems = Problems()
    entries = register_entries(content, problems)
    problems.raise_if_any()
    return Register(entries, problems)


def year_decisions(content: Content, year: int, problems: Problems) -> list[ValidDecision]:
    """Every decision of a year, validated as when it was built; problems are collected."""
    found = []
    for period in decision_periods(content.project.content_dir(year)):
        path = content.project.content_dir(year) / decision_file(period)
        loaded = content.yaml(path, Problems())
        # a decision still marked is not signed (no date), and reports count only signed ones
        draft = loaded is not None and any(True for _ in marks.find_marks(loaded.data))
        try:
            found.append(load_decision(content.root, year, period, draft=draft, content=content))
        except ContentError as exc:
            problems.extend(exc.problems)
    return found


def load_report(
    root: Path,
    year: int,
    period: int | None,
    *,
    today: dt.date,
    report_date: dt.date | None = None,
    draft: bool = False,
    content: Content | None = None,
) -> ValidReport:
    """Load and validate a report; raise ContentError on any problem.

    A draft (`draft`) tolerates "CẦN BỔ SUNG" marks; otherwise each mark is a problem."""
    source = content or Content(root)
    problems = Problems()
    own = Problems()  # the report's own marks, listed with the plan's problems too
    path = source.project.content_dir(year) / report_file(period)
    loaded = source.yaml(path, Problems()) if path.is_file() else None
    found = list(marks.find_marks(loaded.data)) if loaded else []
    if found and not draft:
        for where, note in found:
            own.add(loaded.loc.at(*where), marks.unfilled(note))
    try:
        plan = load_year(source, year, problems, period, report_file(period), draft=draft)
    except ContentError as exc:
        raise ContentError([*exc.problems, *own.items]) from None
    scope = scope_of(plan, period)
    if scope.period != period:  # the last period's report is the tổng kết
        path = source.project.content_dir(year) / report_file(scope.period)
        loaded = source.yaml(path, Problems()) if path.is_file() else None
        found = list(marks.find_marks(loaded.data)) if loaded else []
        own = Problems()
        for where, note in found if not draft else []:
            own.add(loaded.loc.at(*where), marks.unfilled(note))
    problems.extend(own.items)
    problems.raise_if_any()
    signer_marked = ("document", "signer") in {where for where, _note in found}
    text = source.record(path, ReportContent, problems)
    decisions = year_decisions(source, year, problems)
    previous_year = year - 1
    previous_plan = (
        check_plan(source, previous_year, problems, draft=True)
        if decision_periods(source.project.content_dir(previous_year))
        else None
    )
    previous = [
        e
        for e in register_entries(source, problems, before=year)
        if e.kind == "award" and e.year == previous_year
    ]
    return check_report(
        plan,
        scope,
        text,
        decisions,
        Earlier(previous, previous_plan) if previous else None,
        problems,
        today=today,
        report_date=report_date,
        draft=draft,
        signer_marked=signer_marked,
    )


def proposal_periods(folder: Path) -> list[int]:
    """The periods whose Tờ trình content exists (to-trinh-dot-<n>.yaml)."""
    return [n for n in range(1, 100) if (folder / proposal_file(n)).is_file()] if folder.is_dir() else []


def load_proposal(
    root: Path, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> ValidProposal:
    """The Tờ trình of a period over its decision's award list; raise ContentError on any problem.

    The decision's problems and the Tờ trình's own are reported together."""
    source = content or Content(root)
    path = source.project.content_dir(year) / proposal_file(period)

    def validate(_: Problems) -> ValidProposal:
        problems = Problems()
        _require(source, path, f"đợt {period} năm {year} không có Tờ trình (chưa có tệp)")
        try:
            decision = load_decision(source.root, year, period, draft=draft, content=source)
        except ContentError as exc:
            own = Problems()
            source.record(path, ProposalContent, own)
            raise ContentError([*exc.problems, *own.items]) from None
        problems.warnings.extend(decision.warnings)
        council = None
        if (path.parent / minutes_file(period)).is_file():
            minutes = load_minutes(source.root, year, period, draft=draft, content=source)
            council = CouncilBasis(minutes.basis_text(), minutes.date)
        return check_proposal(source, path, decision, council, problems, draft=draft)

    return source.once(("proposal", year, period, draft), validate)


def load_minutes(
    root: Path, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> ValidMinutes:
    """The council's minutes of a period (once per `content`); raise ContentError on any problem."""
    source = content or Content(root)
    path = source.project.content_dir(year) / minutes_file(period)

    def validate(_: Problems) -> ValidMinutes:
        problems = Problems()
        _require(source, path, f"đợt {period} năm {year} chưa có biên bản họp (chưa có tệp)")
        catalogs = source.catalogs(problems)
        problems.raise_if_any()
        assert catalogs is not None
        return check_minutes(source, path, year, period, catalogs, problems, draft=draft)

    return source.once(("minutes", year, period, draft), validate)


def _require(content: Content, path: Path, missing: str) -> None:
    """Raise ContentError naming `path` when that content file does not exist."""
    if not path.is_file():
        raise ContentError([Problem(content.project.display(path), None, "", missing)])

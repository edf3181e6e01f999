"""The document kinds side by side, and how each becomes a file: what the command line, `all`,
`diff` and `pdf` iterate.

Each kind's rules, template context, template and file name live in its package (plan/,
decision/, report/); `year.py` validates them once per Content. All builds of one command share
one Content, so each content file is read once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.content.project import Content, Project
from pipeline.documents import decision as decision_kind
from pipeline.documents import minutes as minutes_kind
from pipeline.documents import plan as plan_kind
from pipeline.documents import proposal as proposal_kind
from pipeline.documents import report as report_kind
from pipeline.documents.shared import Built, document_bytes, document_number
from pipeline.errors import ContentError, InputProblem, Problem, os_reason
from pipeline.vn import dates as vndates
from pipeline.word.write import write_atomic

if TYPE_CHECKING:
    from pipeline.content.model import Issuer
    from pipeline.documents.report.rules import ValidReport

# A kind's modules are imported when one of its documents is rendered: `make plan` loads no
# decision, report, register or diff code.

PLAN_TEMPLATE = plan_kind.TEMPLATE
DECISION_TEMPLATE = decision_kind.TEMPLATE
REPORT_TEMPLATE = report_kind.TEMPLATE
PROPOSAL_TEMPLATE = proposal_kind.TEMPLATE
MINUTES_TEMPLATE = minutes_kind.TEMPLATE


# ---- one function pair per kind ------------------------------------------------------------------


def render_plan(project: Project, year: int, *, draft: bool = False, content: Content | None = None) -> bytes:
    """The plan of a year as .docx bytes; raises ContentError or TemplateProblem."""
    return render_plan_warned(project, year, draft=draft, content=content)[0]


def render_plan_warned(
    project: Project, year: int, *, draft: bool = False, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The plan of a year as .docx bytes, with the warnings its rules raised."""
    from pipeline.documents.plan import context as plan
    from pipeline.documents.plan.rules import load_plan

    valid = load_plan(project.root, year, draft=draft, content=content or Content(project))
    data = document_bytes(
        project.templates, plan_kind.TEMPLATE, plan.plan_context(valid), plan.plan_properties(valid)
    )
    return data, list(valid.warnings)


def build_plan(project: Project, year: int, *, draft: bool = False, content: Content | None = None) -> Path:
    return build_plan_warned(project, year, draft=draft, content=content).path


def build_plan_warned(
    project: Project, year: int, *, draft: bool = False, content: Content | None = None
) -> Built:
    from pipeline.documents.plan.context import output_name

    path = project.output_dir(year) / output_name(year)
    data, warnings = render_plan_warned(project, year, draft=draft, content=content)
    write_atomic(path, data)
    return Built(path, warnings)


def render_decision(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The decision of a period as .docx bytes, with the warnings its rules raised."""
    prepared = _prepare_decision(project, year, period, draft=draft, content=content)
    return prepared.data, prepared.warnings


def _prepare_decision(
    project: Project, year: int, period: int, *, draft: bool, content: Content | None
) -> Prepared:
    from pipeline.documents.decision import context as decision
    from pipeline.documents.year import load_decision

    valid = load_decision(project.root, year, period, draft=draft, content=content or Content(project))
    context, props = decision.decision_context(valid), decision.decision_properties(valid)
    doc, warnings = valid.content.document, valid.warnings
    label = (
        None if valid.draft else _signed_label("quyet-dinh", "Quyết định", valid.issuer, doc.number, doc.date)
    )
    del valid  # the records of a long list are not needed while its document renders
    data = document_bytes(project.templates, decision_kind.TEMPLATE, context, props)
    path = project.output_dir(year) / decision.output_name(year, period)
    return Prepared(path, data, warnings, label)


def build_decision(
    project: Project,
    year: int,
    period: int,
    *,
    draft: bool = False,
    content: Content | None = None,
    force: bool = False,
) -> Built:
    job = Job(project, year, period, dt.date.today(), draft=draft, content=content, force=force)
    return KINDS["decision"].build(job)


def render_report(
    project: Project,
    year: int,
    period: int | None,
    *,
    today: dt.date,
    report_date: dt.date | None = None,
    draft: bool = False,
    content: Content | None = None,
) -> tuple[bytes, ValidReport]:
    """A báo cáo sơ kết (period) or tổng kết (period None) as .docx bytes, with its validated input."""
    from pipeline.documents.report import context as report
    from pipeline.documents.year import load_report

    valid = load_report(
        project.root,
        year,
        period,
        today=today,
        report_date=report_date,
        draft=draft,
        content=content or Content(project),
    )
    context, props = report.report_context(valid), report.report_properties(valid)
    return document_bytes(project.templates, report_kind.TEMPLATE, context, props), valid


def build_report(
    project: Project,
    year: int,
    period: int | None,
    *,
    today: dt.date,
    report_date: dt.date | None = None,
    draft: bool = False,
    content: Content | None = None,
    force: bool = False,
) -> tuple[Built, ValidReport]:
    from pipeline.documents.report.context import output_name
    from pipeline.documents.report.rules import report_file
    from pipeline.documents.write_back import write_report_date

    data, valid = render_report(
        project, year, period, today=today, report_date=report_date, draft=draft, content=content
    )
    prepared = Prepared(project.output_dir(year) / output_name(year, valid), data, valid.warnings)
    saved = None
    if report_date is not None:  # kept in the content file before the report is written
        source = project.content_dir(year) / report_file(valid.scope.period)
        saved = write_report_date(source, project.display(source), report_date)
    built = write_prepared(project, _signed_report(prepared, valid), force=force)
    return (replace(built, done=(saved,)) if saved else built), valid


def render_proposal(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The Tờ trình of a period as .docx bytes, with the warnings its rules raised."""
    from pipeline.documents.proposal import context as proposal
    from pipeline.documents.year import load_proposal

    valid = load_proposal(project.root, year, period, draft=draft, content=content or Content(project))
    context, props = proposal.proposal_context(valid), proposal.proposal_properties(valid)
    return document_bytes(project.templates, proposal_kind.TEMPLATE, context, props), valid.warnings


def build_proposal(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> Built:
    job = Job(project, year, period, dt.date.today(), draft=draft, content=content)
    return KINDS["proposal"].build(job)


def render_minutes(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> tuple[bytes, list[Problem]]:
    """The council's minutes of a period as .docx bytes, with the warnings its rules raised."""
    from pipeline.documents.minutes import context as minutes
    from pipeline.documents.year import load_minutes

    valid = load_minutes(project.root, year, period, draft=draft, content=content or Content(project))
    context, props = minutes.minutes_context(valid), minutes.minutes_properties(valid)
    return document_bytes(project.templates, minutes_kind.TEMPLATE, context, props), valid.warnings


def build_minutes(
    project: Project, year: int, period: int, *, draft: bool = False, content: Content | None = None
) -> Built:
    job = Job(project, year, period, dt.date.today(), draft=draft, content=content)
    return KINDS["minutes"].build(job)


# ---- the registry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One document to render or build."""

    project: Project
    year: int
    period: int | None
    """The period of a decision or sơ kết; None for the plan and the year's report."""
    today: dt.date
    draft: bool = False
    content: Content | None = None
    force: bool = False
    """Replace a signed document whose text changed without keeping the previous file."""


@dataclass(frozen=True)
class Prepared:
    """A document rendered, not yet written."""

    path: Path
    data: bytes
    warnings: list[Problem]
    signed: str | None = None
    """'Quyết định số 05/QĐ-VP ngày 20/12/2024' when the document has a number and a date."""


def write_prepared(project: Project, item: Prepared, *, force: bool = False) -> Built:
    """Write a rendered document; a signed one whose text changed is kept first (signed.py)."""
    change = None
    if item.signed is not None:
        from pipeline.documents import signed

        change = signed.guard(item.path, item.data, item.signed, project.display(item.path), force=force)
    write_atomic(item.path, item.data)
    if change is None:
        return Built(item.path, item.warnings)
    return Built(item.path, [*item.warnings, change.warning], tuple(change.details))


def _signed_label(
    kind: str, name: str, issuer: Issuer, number: int | None, date: dt.date | None
) -> str | None:
    if number is None or date is None:
        return None
    return f"{name} số {document_number(kind, issuer, number)} ngày {vndates.numeric(date)}"


def _signed_report(prepared: Prepared, valid: ValidReport) -> Prepared:
    doc = valid.content.document
    date = valid.report_date or doc.date
    label = None if valid.draft else _signed_label("bao-cao", "Báo cáo", valid.issuer, doc.number, date)
    return replace(prepared, signed=label)


@dataclass(frozen=True)
class Kind:
    name: str
    periods: Callable[[Path], list[int | None]]
    """The documents of this kind a year's content folder holds, by period (None: the year's)."""
    prepare: Callable[[Job], Prepared]
    """Render the document and name its file; nothing is written."""
    dated: bool = False
    """Whether the output may depend on the day it is built (a report's draft state)."""

    def key(self, period: int | None) -> str:
        """The document's name in the build record: "plan", "decision-2", "report"."""
        return self.name if period is None else f"{self.name}-{period}"

    def render(self, job: Job) -> bytes:
        return self.prepare(job).data

    def build(self, job: Job) -> Built:
        """Write the file; return it with its warnings."""
        return write_prepared(job.project, self.prepare(job), force=job.force)


class PeriodMissing(InputProblem):
    """A decision asked for without its period; exit 2."""


def _period(job: Job, what: str = "quyết định") -> int:
    if job.period is None:
        raise PeriodMissing(f"{what} cần PERIOD (đợt)")
    return job.period


def _report_periods(folder: Path) -> list[int | None]:
    from pipeline.documents.report.rules import report_file

    numbers: list[int | None] = [
        int(p.stem.rsplit("-", 1)[1]) for p in sorted(folder.glob("bao-cao-dot-*.yaml"))
    ]
    return numbers + ([None] if (folder / report_file(None)).is_file() else [])


def _plan(job: Job) -> Prepared:
    from pipeline.documents.plan.context import output_name

    data, warnings = render_plan_warned(job.project, job.year, draft=job.draft, content=job.content)
    return Prepared(job.project.output_dir(job.year) / output_name(job.year), data, warnings)


def _decision(job: Job) -> Prepared:
    return _prepare_decision(job.project, job.year, _period(job), draft=job.draft, content=job.content)


def _proposal(job: Job) -> Prepared:
    from pipeline.documents.proposal.context import output_name

    period = _period(job, "tờ trình")
    data, warnings = render_proposal(job.project, job.year, period, draft=job.draft, content=job.content)
    return Prepared(job.project.output_dir(job.year) / output_name(job.year, period), data, warnings)


def _minutes(job: Job) -> Prepared:
    from pipeline.documents.minutes.context import output_name

    period = _period(job, "biên bản")
    data, warnings = render_minutes(job.project, job.year, period, draft=job.draft, content=job.content)
    return Prepared(job.project.output_dir(job.year) / output_name(job.year, period), data, warnings)


def _report(job: Job) -> Prepared:
    from pipeline.documents.report.context import output_name

    data, valid = render_report(
        job.project, job.year, job.period, today=job.today, draft=job.draft, content=job.content
    )
    prepared = Prepared(job.project.output_dir(job.year) / output_name(job.year, valid), data, valid.warnings)
    return _signed_report(prepared, valid)


def _minutes_periods(folder: Path) -> list[int | None]:
    from pipeline.documents.minutes.rules import minutes_periods

    return list(minutes_periods(folder))


def _decision_periods(folder: Path) -> list[int | None]:
    from pipeline.documents.decision.rules import decision_periods

    return list(decision_periods(folder))


def _proposal_periods(folder: Path) -> list[int | None]:
    from pipeline.documents.year import proposal_periods

    return list(proposal_periods(folder))


KINDS: dict[str, Kind] = {
    "plan": Kind("plan", periods=lambda _folder: [None], prepare=_plan),
    "minutes": Kind("minutes", periods=_minutes_periods, prepare=_minutes),
    "decision": Kind("decision", periods=_decision_periods, prepare=_decision),
    "report": Kind("report", periods=_report_periods, prepare=_report, dated=True),
    "proposal": Kind("proposal", periods=_proposal_periods, prepare=_proposal),
}


class PartlyWritten(InputProblem):
    """Writing stopped after some files were written: the message names them; exit 2."""


def build_all(
    project: Project,
    year: int,
    *,
    today: dt.date,
    content: Content | None = None,
    force: bool = False,
    incremental: bool = False,
    progress: Callable[[str], None] | None = None,
) -> list[Built]:
    """Every document of the year that has content, kind by kind; one Content for all of them.

    Every document is validated and rendered first: if any is wrong, ContentError lists the
    problems of all of them and nothing is written. A failure while writing names what was written.
    `incremental`: a document whose inputs and output are as recorded in output/<year>/ (see
    builds.py) is not rendered again (its Built has rendered=False and the recorded warnings), and
    the content is read only when some document must be rendered.
    """
    from pipeline.documents import builds

    made: list[Content] = [content] if content is not None else []

    def shared_content() -> Content:
        if not made:
            made.append(Content(project))
        return made[0]

    folder = project.content_dir(year)
    record = builds.Record.load(project.output_dir(year)) if incremental else None
    state = builds.State.of(project, year) if incremental else None
    prepared: list[tuple[str, Prepared, dict | None]] = []
    kept: dict[str, Built] = {}
    order: list[str] = []
    problems: list[Problem] = []
    for kind in KINDS.values():
        for period in kind.periods(folder):
            key = kind.key(period)
            order.append(key)
            options = (
                state.options(kind.name, year, period, False, today if kind.dated else None) if state else ""
            )
            if record is not None:
                known = record.documents.get(key)
                output = builds.unchanged(known, options, project.root)
                if output is not None and known is not None:
                    kept[key] = Built(output, list(known.get("warnings", [])), rendered=False)
                    continue
            if progress is not None:
                progress(key)
            job = Job(project, year, period, today, content=shared_content())
            try:
                with job.content.tracking() as files:  # type: ignore[union-attr]
                    item = kind.prepare(job)
            except ContentError as exc:
                problems += [p for p in exc.problems if p not in problems]
                continue
            entry = (
                builds.entry(
                    options, project.root, files, item.path, item.data, [str(w) for w in item.warnings]
                )
                if record is not None
                else None
            )
            prepared.append((key, item, entry))
    if problems:
        raise ContentError(problems)
    built: dict[str, Built] = dict(kept)
    written: list[Built] = []
    for key, item, entry in prepared:
        try:
            built[key] = write_prepared(project, item, force=force)
        except OSError as exc:
            shown = ", ".join(project.display(b.path) for b in written) or "không có tệp nào"
            raise PartlyWritten(
                f"{project.display(item.path)}: không ghi được ({os_reason(exc)}); đã ghi: {shown}"
            ) from exc
        written.append(built[key])
        if record is not None and entry is not None:
            record.documents[key] = entry
    if record is not None:
        record.documents = {k: v for k, v in record.documents.items() if k in built}
        if prepared or set(record.documents) != set(built):
            record.save()
    return [built[key] for key in order]


def render_kind(project: Project, kind: str, year: int, period: int | None, *, draft: bool = False) -> bytes:
    """One document of a kind as .docx bytes (make diff)."""
    names = {"decision": "quyết định", "proposal": "tờ trình", "minutes": "biên bản"}
    if kind in names and period is None:
        raise PeriodMissing(f"so sánh {names[kind]} cần PERIOD (đợt)")
    return KINDS[kind].render(Job(project, year, period, dt.date.today(), draft=draft))

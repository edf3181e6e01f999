"""The project on disk, and its content read once: the one object that loads content files.

`Content` parses each YAML file and each award table once, converts each file to its records
once and checks the catalogs once, for as long as it lives (one command, e.g. `make all`).
Problems found while loading are kept with the result and handed again to every later caller,
so that each caller still reports all of them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pipeline.content.catalogs import HOLIDAYS_FILE, SHARED_FILES, Catalogs, by_id, check_catalogs
from pipeline.content.model import (
    AnniversaryCalendar,
    HolidayCalendar,
    IssuersFile,
    LegalCatalog,
    MovementCatalog,
    RewardCatalog,
)
from pipeline.content.schema import Record, read
from pipeline.content.yamlfile import Loaded, load_yaml
from pipeline.errors import ContentError, Problem, Problems, display_path

if TYPE_CHECKING:
    from pipeline.content.tables import TableRecord, TableSpec

T = TypeVar("T", bound=Record)
V = TypeVar("V")


@dataclass(frozen=True)
class Project:
    """Where content, templates and output live."""

    root: Path

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def shared_dir(self) -> Path:
        return self.root / "content" / "shared"

    def content_dir(self, year: int) -> Path:
        return self.root / "content" / str(year)

    def output_dir(self, year: int) -> Path:
        return self.root / "output" / str(year)

    def display(self, path: Path) -> str:
        return display_path(path, self.root)


@dataclass(frozen=True)
class _Result:
    value: Any
    items: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    error: ContentError | None = None
    files: frozenset[Path] = frozenset()
    """The files this result was computed from (directly or through other results)."""


class Content:
    """A project's content, each file read once; see the module docstring."""

    def __init__(self, project: Project | Path):
        self.project = project if isinstance(project, Project) else Project(project)
        self.root = self.project.root
        self.reads: Counter[str] = Counter()
        """How often each file was parsed (YAML) or read (award table), by its shown path."""
        self.computed: Counter[str] = Counter()
        """How often each kind of result was computed ("catalogs", "plan", "decision" ...)."""
        self._results: dict[Hashable, _Result] = {}
        self._reading: list[set[Path]] = []
        """The files read by each computation under way, innermost last (and by each `tracking`)."""

    @contextlib.contextmanager
    def tracking(self) -> Iterator[set[Path]]:
        """The set of files every result asked for inside the block was computed from, cached or not."""
        files: set[Path] = set()
        self._reading.append(files)
        try:
            yield files
        finally:
            self._reading.remove(files)

    def _read(self, path: Path) -> None:
        if self._reading:
            self._reading[-1].add(path)

    def once(self, key: Hashable, compute: Callable[[Problems], V], problems: Problems | None = None) -> V:
        """`compute` run once for `key`; its problems and warnings are added to `problems` every time.

        `compute` sees the problems found so far (some rules stop when there are any); a
        ContentError it raises is raised again for every caller.
        """
        result = self._results.get(key)
        if result is None:
            self.computed[key if isinstance(key, str) else str(key[0])] += 1
            scratch = Problems()
            if problems is not None:
                scratch.items = list(problems.items)
            before, warned = len(scratch.items), len(scratch.warnings)
            self._reading.append(set())
            try:
                value, error = compute(scratch), None
            except ContentError as exc:
                value, error = None, exc
            finally:
                files = frozenset(self._reading.pop())
            result = _Result(
                value, tuple(scratch.items[before:]), tuple(scratch.warnings[warned:]), error, files
            )
            self._results[key] = result
        for reading in self._reading:
            reading |= result.files
        if problems is not None:
            problems.items.extend(result.items)
            problems.warnings.extend(result.warnings)
        if result.error is not None:
            raise result.error
        return result.value

    def yaml(self, path: Path, problems: Problems) -> Loaded | None:
        """One YAML file with the line of every value; None (with a problem) if unreadable."""

        def parse(scratch: Problems) -> Loaded | None:
            self._read(path)
            self.reads[self.project.display(path)] += 1
            return load_yaml(path, self.root, scratch)

        return self.once(("yaml", path), parse, problems)

    def record(self, path: Path, cls: type[T], problems: Problems) -> T | None:
        """One YAML file as a record of `cls`; None if anything is wrong (problems recorded)."""

        def convert(scratch: Problems) -> T | None:
            loaded = self.yaml(path, scratch)
            return None if loaded is None else read(loaded.data, loaded.loc, cls, scratch)

        return self.once(("record", path, cls), convert, problems)

    def award_table(self, path: Path, problems: Problems) -> list[TableRecord]:
        """The award rows of a .xlsx or .csv file."""

        from pipeline.content.tables import read_award_table  # csv, openpyxl: only for award lists

        def load(scratch: Problems) -> list[TableRecord]:
            self._read(path)
            self.reads[self.project.display(path)] += 1
            return read_award_table(path, self.root, scratch)

        return self.once(("table", path), load, problems)

    def table(self, path: Path, spec: TableSpec, problems: Problems) -> list[TableRecord]:
        """The rows of a .xlsx or .csv file with the columns of `spec` (register imports, evaluations)."""

        from pipeline.content.tables import read_table

        def load(scratch: Problems) -> list[TableRecord]:
            self._read(path)
            self.reads[self.project.display(path)] += 1
            return read_table(path, self.root, scratch, spec)

        return self.once(("table", path, spec.what), load, problems)

    def catalogs(self, problems: Problems) -> Catalogs | None:
        """The shared catalogs, checked; None if a file cannot be read as its records."""
        return self.once("catalogs", self._load_catalogs, problems)

    def _load_catalogs(self, problems: Problems) -> Catalogs | None:
        shared = self.project.shared_dir
        issuers = self.record(shared / SHARED_FILES["issuers"], IssuersFile, problems)
        legal = self.record(shared / SHARED_FILES["legal"], LegalCatalog, problems)
        calendar = self.record(shared / SHARED_FILES["anniversaries"], AnniversaryCalendar, problems)
        movements = self.record(shared / SHARED_FILES["movements"], MovementCatalog, problems)
        rewards = self.record(shared / SHARED_FILES["rewards"], RewardCatalog, problems)
        if issuers is None or legal is None or calendar is None or movements is None or rewards is None:
            return None
        catalogs = Catalogs(
            issuers=issuers.issuers,
            legal=by_id(legal.documents, problems),
            anniversaries=by_id(calendar.anniversaries, problems),
            movements=by_id(movements.movements, problems),
            rewards=rewards,
        )
        check_catalogs(catalogs, problems)
        return catalogs

    def holidays(self) -> set[dt.date]:
        """The public holidays of content/shared/ngay-nghi.yaml; raises ContentError."""
        return {h.date for h in self.holiday_calendar().holidays}

    def holiday_calendar(self) -> HolidayCalendar:
        """content/shared/ngay-nghi.yaml as a record; raises ContentError."""
        problems = Problems()
        calendar = self.record(self.project.shared_dir / HOLIDAYS_FILE, HolidayCalendar, problems)
        problems.raise_if_any()
        assert calendar is not None
        return calendar

    def holiday_warnings(self, year: int) -> list[Problem]:
        """Warnings when the holidays of `year` are missing or not confirmed: days moved to a
        working day may then fall on a holiday."""
        calendar = self.holiday_calendar()
        if any(h.date.year == year for h in calendar.holidays):
            if year not in calendar.unconfirmed_years:
                return []
            at = calendar.unconfirmed_years.index(year)
            return [
                Problem.at(
                    calendar.loc.at("unconfirmed_years", at),
                    f"ngày nghỉ lễ năm {year} chưa được đối chiếu với thông báo chính thức: "
                    "kiểm tra các ngày đã dời (hạn nộp hồ sơ, ngày sơ kết, tổng kết), "
                    f"rồi xóa {year} khỏi unconfirmed_years",
                )
            ]
        return [
            Problem.at(
                calendar.loc.at("holidays"),
                f"chưa có ngày nghỉ lễ năm {year}: hạn nộp hồ sơ, ngày sơ kết, tổng kết chỉ được tránh "
                f"thứ Bảy, Chủ nhật; bổ sung ngày nghỉ lễ, Tết năm {year} rồi kiểm tra lại các ngày đó",
            )
        ]

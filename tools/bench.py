"""Benchmark (make bench): each figure beside its floor, as a ratio nobody has to trust blindly.

Every figure is a whole fresh process (`python -m pipeline` on a scratch copy of the project), its
wall time the median of --repeat runs and its peak resident memory from the kernel (wait4). The
floor of a decision with N awards is a bare docxtpl script rendering a 4-column table of the same N
rows; the floor of the plan renders the plan's own template with its context computed beforehand.
Exit status 1 when a target is missed (ratios, peak memory, absolute limits for check and diff).
The package is byte-compiled first, as Python does on an installed program's first run (a shell
with PYTHONDONTWRITEBYTECODE would otherwise charge every run for compiling it; the floors'
libraries come compiled).
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.vn.amounts import grouped

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Nông",
    "Ma",
    "Lường",
    "Triệu",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Ngọc", "Hữu", "Xuân", "Thanh"]
SECOND = ["", "Hồng", "Kim", "Bảo", "Gia", "Hoài"]
GIVEN = [
    "An",
    "Anh",
    "Ánh",
    "Ân",
    "Bảo",
    "Bình",
    "Bích",
    "Cường",
    "Chi",
    "Dũng",
    "Duy",
    "Đức",
    "Giang",
    "Hà",
    "Hạnh",
    "Hải",
    "Hiền",
    "Hoa",
    "Hùng",
    "Huy",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phong",
    "Phúc",
    "Phương",
    "Quân",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thảo",
    "Thịnh",
    "Thu",
    "Thủy",
    "Tiến",
    "Toàn",
    "Trang",
    "Trung",
    "Tú",
    "Tuấn",
    "Uyên",
    "Vân",
    "Việt",
    "Vinh",
    "Xuân",
    "Yến",
    "Ước",
    "Ơn",
    "Ích",
]
UNITS = [
    "Phòng Tổng hợp",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Phòng Nội chính - Kiểm soát thủ tục hành chính",
    "Trung tâm Phục vụ hành chính công",
    "Phòng Hành chính tổ chức - Quản trị tài vụ",
]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def people(count: int) -> list[str]:
    names = [
        " ".join(w for w in (f, m, s, g) if w) for s in SECOND for g in GIVEN for m in MIDDLE for f in FAMILY
    ]
    if count > len(names):
        raise SystemExit(f"at most {len(names)} distinct sample names")
    return names[:count]


def award_rows(count: int) -> list[list[str]]:
    """Year-end awards: LĐTT for most, CSTĐCS for one in ten of them, Giấy khen for the rest."""
    rows: list[list[str]] = []
    for index, name in enumerate(people(count)):
        unit = UNITS[index % len(UNITS)]
        form = "Giấy khen" if index % 7 == 6 else "Lao động tiên tiến"
        rows.append([name, "Cá nhân", "Chuyên viên", unit, form])
        if len(rows) < count and form == "Lao động tiên tiến" and index % 10 == 0:
            rows.append([name, "Cá nhân", "Chuyên viên", unit, "Chiến sĩ thi đua cơ sở"])
        if len(rows) >= count:
            break
    return rows


def write_awards(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["STT", "Họ và tên", "Đối tượng", "Chức vụ", "Đơn vị", "Danh hiệu / Hình thức khen thưởng"]
        )
        for number, row in enumerate(award_rows(count), start=1):
            writer.writerow([number, *row])


def scratch_project(source: Path, awards: int | None) -> Path:
    root = Path(tempfile.mkdtemp(prefix="bench-"))
    for name in ("content", "templates"):
        shutil.copytree(source / name, root / name)
    if awards is not None:
        write_awards(root / "content/2024/khen-thuong-dot-2.csv", awards)
    return root


# ---- floors: what docxtpl alone costs for the same output -------------------------------------

TABLE_FLOOR = """
import json, sys
from docxtpl import DocxTemplate
template = DocxTemplate(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as handle:
    rows = json.load(handle)
template.render({"rows": rows}, autoescape=True)
template.save(sys.argv[3])
"""

PLAN_FLOOR = """
import pickle, sys
from pathlib import Path
from pipeline.word import render
with open(sys.argv[2], "rb") as handle:
    context = pickle.load(handle)
render.render(Path(sys.argv[1]), context).save(sys.argv[3])
"""


def table_template(path: Path) -> None:
    """A 4-column table whose second row repeats for each award: the decision's list, bare."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ("STT", "Họ và tên", "Chức vụ, đơn vị", "Số tiền"), strict=True
    ):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for row in rows %}"
    cells = ("{{ row.number }}", "{{ row.label }}", "{{ row.detail }}", "{{ row.amount }}")
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    document.save(str(path))


def table_floor(folder: Path, awards: int) -> list[str]:
    rows = [
        {"number": str(n), "label": name, "detail": f"{position}, {unit}", "amount": "710.000"}
        for n, (name, _kind, position, unit, _form) in enumerate(award_rows(awards), start=1)
    ]
    (folder / "rows.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (folder / "floor.py").write_text(TABLE_FLOOR, encoding="utf-8")
    table_template(folder / "table.docx")
    return [
        sys.executable,
        str(folder / "floor.py"),
        str(folder / "table.docx"),
        str(folder / "rows.json"),
        str(folder / "floor.docx"),
    ]


def plan_floor(folder: Path, root: Path) -> list[str]:
    from pipeline.documents.plan.context import plan_context
    from pipeline.documents.plan.rules import load_plan

    context = plan_context(load_plan(root, 2024))
    with (folder / "context.pickle").open("wb") as handle:
        pickle.dump(context, handle)
    (folder / "floor.py").write_text(PLAN_FLOOR, encoding="utf-8")
    return [
        sys.executable,
        str(folder / "floor.py"),
        str(root / "templates/ke-hoach.docx"),
        str(folder / "context.pickle"),
        str(folder / "floor.docx"),
    ]


# ---- measuring ----------------------------------------------------------------------------------


LIMIT_SECONDS = 300
"""A figure that takes longer is reported as missed, not waited for."""


class TooLong(Exception):
    pass


def timed(command: list[str], ok: tuple[int, ...] = (0,)) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > LIMIT_SECONDS:
            process.kill()
            os.wait4(process.pid, 0)
            raise TooLong(f"{' '.join(command[2:4])}: more than {LIMIT_SECONDS} s")
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return Run(elapsed, usage.ru_maxrss / 1024)


def median_run(command: list[str], repeat: int, ok: tuple[int, ...] = (0,)) -> tuple[Run, str]:
    runs = [timed(command, ok) for _ in range(repeat)]
    spread = ", ".join(f"{r.seconds:.2f}" for r in runs)
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs)), spread


class Report:
    def __init__(self) -> None:
        self.missed: list[str] = []

    def line(self, label: str, run: Run, floor: Run | None = None, spread: str = "") -> None:
        text = f"{label:<30} {run.seconds:6.2f} s  {run.peak_mb:6.1f} MB"
        if floor is not None:
            ratio = run.seconds / floor.seconds
            text += f"   floor {floor.seconds:6.2f} s  {floor.peak_mb:6.1f} MB   ratio {ratio:4.2f}"
        print(text + (f"   (runs: {spread})" if spread else ""), flush=True)

    def target(self, ok: bool, text: str) -> None:
        if not ok:
            self.missed.append(text)


SIZES = (1000, 5000, 10000, 20000, 50000)
DECISION_RATIO, PLAN_RATIO, DECISION_MB = 1.5, 1.3, 200.0
CHECK_SECONDS, DIFF_SECONDS, UNCHANGED_ALL_SECONDS = 0.5, 3.0, 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args(argv)
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "pipeline", quiet=1)
    tdkt = [sys.executable, "-m", "pipeline"]
    report = Report()
    scratch = Path(tempfile.mkdtemp(prefix="bench-floor-"))

    root = scratch_project(args.root, None)
    run, spread = median_run([*tdkt, "--root", str(root), "plan", "2024"], args.repeat)
    floor, _ = median_run(plan_floor(scratch, root), args.repeat)
    report.line("plan 2024", run, floor, spread)
    report.target(
        run.seconds <= PLAN_RATIO * floor.seconds,
        f"plan: ratio {run.seconds / floor.seconds:.2f} > {PLAN_RATIO}",
    )
    plan_docx = root / "output/2024/ke-hoach-2024.docx"
    run, spread = median_run([*tdkt, "check", str(plan_docx)], args.repeat)
    report.line("check (plan)", run, spread=spread)
    report.target(run.seconds <= CHECK_SECONDS, f"check: {run.seconds:.2f} s > {CHECK_SECONDS} s")
    shutil.rmtree(root)

    root = scratch_project(args.root, None)
    everything = [*tdkt, "--root", str(root), "all", "2024"]
    first = timed(everything, ok=(0, 2))  # 2: LibreOffice missing; the .docx are built all the same
    report.line("all 2024, first run", first)
    run, spread = median_run(everything, args.repeat, ok=(0, 2))
    report.line("all 2024, nothing changed", run, spread=spread)
    report.target(
        run.seconds <= UNCHANGED_ALL_SECONDS,
        f"all with nothing changed: {run.seconds:.2f} s > {UNCHANGED_ALL_SECONDS} s",
    )
    shutil.rmtree(root)

    per_award: dict[int, float] = {}
    ten_thousand: list[Path] = []
    for awards in args.sizes:
        root = scratch_project(args.root, awards)
        repeat = args.repeat if awards <= 10000 else 1
        run, spread = median_run([*tdkt, "--root", str(root), "decision", "2024", "2"], repeat)
        floor, _ = median_run(table_floor(scratch, awards), repeat)
        report.line(f"decision, {grouped(awards)} awards", run, floor, spread)
        per_award[awards] = run.seconds / awards
        if awards == 10000:
            report.target(
                run.seconds <= DECISION_RATIO * floor.seconds,
                f"10.000 awards: ratio {run.seconds / floor.seconds:.2f} > {DECISION_RATIO}",
            )
            report.target(
                run.peak_mb <= DECISION_MB, f"10.000 awards: {run.peak_mb:.0f} MB > {DECISION_MB:.0f} MB"
            )
            ten_thousand.append(root / "output/2024/quyet-dinh-dot-2-2024.docx")
            second = scratch_project(args.root, awards)
            write_awards(second / "content/2024/khen-thuong-dot-2.csv", awards - 1)
            timed([*tdkt, "--root", str(second), "decision", "2024", "2"])
            ten_thousand.append(second / "output/2024/quyet-dinh-dot-2-2024.docx")
        else:
            shutil.rmtree(root)
    if len(per_award) > 1:
        smallest, largest = min(per_award), max(per_award)
        growth = per_award[largest] / per_award[smallest]
        print(
            f"time per award, {grouped(largest)} against {grouped(smallest)}: × {growth:.2f} (1,00 = linear)"
        )
        report.target(
            growth <= 1.5, f"time per award grows × {growth:.2f} from {smallest} to {largest} awards"
        )

    if len(ten_thousand) == 2:
        old, new = ten_thousand
        try:
            run, spread = median_run(
                [*tdkt, "diff", str(old), str(new), "--color", "never", "--out", str(scratch / "diff")],
                1,
                ok=(1,),
            )
        except TooLong as exc:
            print(f"diff of two 10.000-award lists: stopped after {LIMIT_SECONDS} s")
            report.target(False, f"diff: {exc}")
        else:
            report.line("diff of two 10.000-award lists", run, spread=spread)
            report.target(run.seconds <= DIFF_SECONDS, f"diff: {run.seconds:.2f} s > {DIFF_SECONDS} s")

    shutil.rmtree(scratch)
    for line in report.missed:
        print(f"TARGET MISSED: {line}")
    print(
        f"targets: decision of 10.000 awards ≤ {DECISION_RATIO}× its floor and ≤ {DECISION_MB:.0f} MB; "
        f"plan ≤ {PLAN_RATIO}× its floor; check ≤ {CHECK_SECONDS} s; diff of 10.000 rows ≤ {DIFF_SECONDS} s; "
        f"all with nothing changed ≤ {UNCHANGED_ALL_SECONDS} s; "
        "time per award within 1,5× from the smallest to the largest size"
    )
    return 1 if report.missed else 0


if __name__ == "__main__":
    sys.exit(main())

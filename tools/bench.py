"""Benchmark (make bench): whole-process wall time and peak memory of real builds.

A decision with N awards is built in a scratch copy of the project by a fresh
`python -m pipeline` process; its peak resident memory comes from the kernel (wait4).
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import os
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
    names = [f"{f} {m} {g}" for g in GIVEN for m in MIDDLE for f in FAMILY]
    if count > len(names):
        raise SystemExit(f"at most {len(names)} distinct sample names")
    return names[:count]


def write_awards(path: Path, count: int) -> None:
    """Year-end awards: LĐTT for most, CSTĐCS for one in ten of them, Giấy khen for the rest."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["STT", "Họ và tên", "Đối tượng", "Chức vụ", "Đơn vị", "Danh hiệu / Hình thức khen thưởng"]
        )
        rows = 0
        for index, name in enumerate(people(count)):
            unit = UNITS[index % len(UNITS)]
            form = "Giấy khen" if index % 7 == 6 else "Lao động tiên tiến"
            writer.writerow([rows + 1, name, "Cá nhân", "Chuyên viên", unit, form])
            rows += 1
            if rows < count and form == "Lao động tiên tiến" and index % 10 == 0:
                writer.writerow([rows + 1, name, "Cá nhân", "Chuyên viên", unit, "Chiến sĩ thi đua cơ sở"])
                rows += 1
            if rows >= count:
                break


def scratch_project(source: Path, awards: int | None) -> Path:
    root = Path(tempfile.mkdtemp(prefix="bench-"))
    for name in ("content", "templates"):
        shutil.copytree(source / name, root / name)
    if awards is not None:
        write_awards(root / "content/2024/khen-thuong-dot-2.csv", awards)
    return root


def timed(command: list[str]) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return Run(elapsed, usage.ru_maxrss / 1024)


def measure(label: str, command: list[str], repeat: int) -> Run:
    runs = [timed(command) for _ in range(repeat)]
    median = statistics.median(r.seconds for r in runs)
    peak = max(r.peak_mb for r in runs)
    spread = ", ".join(f"{r.seconds:.2f}" for r in runs)
    print(f"{label:<34} median {median:6.2f} s  (runs: {spread})  peak {peak:6.1f} MB")
    return Run(median, peak)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    python = [sys.executable, "-m", "pipeline"]
    targets = {1000: (2.0, None), 10000: (10.0, 500.0)}
    missed = []

    plan_root = scratch_project(args.root, None)
    measure("plan 2024", [*python, "--root", str(plan_root), "plan", "2024"], args.repeat)
    shutil.rmtree(plan_root)
    for awards, (max_seconds, max_mb) in targets.items():
        root = scratch_project(args.root, awards)
        command = [*python, "--root", str(root), "decision", "2024", "2"]
        run = measure(f"decision, {grouped(awards)} awards", command, args.repeat)
        shutil.rmtree(root)
        if run.seconds > max_seconds:
            missed.append(f"{awards} awards: {run.seconds:.2f} s > {max_seconds} s")
        if max_mb is not None and run.peak_mb > max_mb:
            missed.append(f"{awards} awards: {run.peak_mb:.0f} MB > {max_mb} MB")
    for line in missed:
        print(f"TARGET MISSED: {line}")
    print("targets: 1.000 awards < 2 s; 10.000 awards < 10 s and < 500 MB")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

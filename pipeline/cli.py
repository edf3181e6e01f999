"""Command line: python -m pipeline <command> ...  (the Makefile calls this)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from . import authoring, vndate
from .build import Project, build_decision, build_plan, build_report
from .errors import ContentError
from .render import TemplateProblem
from .rollover import RolloverRefused, roll_over

EXIT_INPUT = 2


def year_argument(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text):
        raise argparse.ArgumentTypeError(f"năm phải gồm 4 chữ số, ví dụ 2024 (nhận được “{text}”)")
    return int(text)


def period_argument(text: str) -> int:
    if not re.fullmatch(r"[1-9]\d?", text):
        raise argparse.ArgumentTypeError(f"đợt phải là số từ 1, ví dụ 1 hoặc 2 (nhận được “{text}”)")
    return int(text)


def date_argument(text: str) -> dt.date:
    try:
        return vndate.parse(text)
    except vndate.DateFormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Tạo văn bản thi đua, khen thưởng từ nội dung (content/) và mẫu (templates/).",
    )
    main.add_argument(
        "--root", type=Path, default=Path.cwd(), help="thư mục dự án (mặc định: thư mục hiện tại)"
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    plan = commands.add_parser("plan", help="tạo kế hoạch thi đua, khen thưởng của một năm")
    plan.add_argument("--year", type=year_argument, required=True, help="năm của kế hoạch, ví dụ 2024")
    plan.add_argument("--draft", action="store_true", help="bản DỰ THẢO: in cả khi còn chỗ CẦN BỔ SUNG")

    new_year = commands.add_parser("new-year", help="chuẩn bị nội dung năm mới từ năm gần nhất trước đó")
    new_year.add_argument("--year", type=year_argument, required=True, help="năm mới, ví dụ 2025")

    decision = commands.add_parser("decision", help="tạo quyết định khen thưởng của một đợt thi đua")
    decision.add_argument("--year", type=year_argument, required=True, help="năm, ví dụ 2024")
    decision.add_argument("--period", type=period_argument, required=True, help="đợt thi đua: 1, 2 ...")

    report = commands.add_parser(
        "report", help="tạo báo cáo sơ kết một đợt (--period) hoặc báo cáo tổng kết năm (không có --period)"
    )
    report.add_argument("--year", type=year_argument, required=True, help="năm, ví dụ 2024")
    report.add_argument("--period", type=period_argument, help="đợt thi đua của báo cáo sơ kết")
    report.add_argument(
        "--date", type=date_argument, help="ngày của báo cáo (dd/mm/yyyy); thay ngày trong tệp nội dung"
    )

    templates = commands.add_parser("templates", help="tạo các mẫu .docx ban đầu trong templates/")
    templates.add_argument("--force", action="store_true", help="ghi đè mẫu đã có")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project(args.root.resolve())
    try:
        if args.command == "plan":
            path = build_plan(project, args.year, draft=args.draft)
            print(f"Đã tạo {_shown(path, project.root)}" + (" (DỰ THẢO)" if args.draft else ""))
        elif args.command == "new-year":
            _new_year(project, args.year)
        elif args.command == "decision":
            built = build_decision(project, args.year, args.period)
            for warning in built.warnings:
                print(f"Cảnh báo: {warning}", file=sys.stderr)
            print(f"Đã tạo {_shown(built.path, project.root)}")
        elif args.command == "report":
            built, report = build_report(
                project, args.year, args.period, today=dt.date.today(), report_date=args.date
            )
            for warning in built.warnings:
                print(f"Cảnh báo: {warning}", file=sys.stderr)
            if report.draft:
                print("Đợt chưa kết thúc và báo cáo chưa có ngày: tạo bản DỰ THẢO.", file=sys.stderr)
            print(f"Đã tạo {_shown(built.path, project.root)}")
        elif args.command == "templates":
            for path in authoring.create_templates(project.templates, force=args.force):
                print(f"Đã tạo {_shown(path, project.root)}")
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Có {len(exc.problems)} lỗi trong nội dung; không tạo hay thay đổi tệp nào.", file=sys.stderr)
        return EXIT_INPUT
    except RolloverRefused as exc:
        print(exc, file=sys.stderr)
        return EXIT_INPUT
    except TemplateProblem as exc:
        print(exc, file=sys.stderr)
        print("Lỗi trong mẫu văn bản; không tạo hay thay đổi tệp nào.", file=sys.stderr)
        return EXIT_INPUT
    return 0


def _new_year(project: Project, year: int) -> None:
    result = roll_over(project.root, year)
    print(f"Đã tạo {_shown(result.target, project.root)} từ {_shown(result.source, project.root)}.")
    if result.marks:
        print(f"Cần bổ sung trước khi in (make plan YEAR={year} DRAFT=1 để in bản nháp):")
        for problem in result.marks:
            print(f"  {problem}")
    if result.problems:
        print("Cần sửa thêm:")
        for problem in result.problems:
            print(f"  {problem}")
    if result.moved:
        print("Dời sang ngày làm việc liền trước (thứ Bảy, Chủ nhật, ngày nghỉ lễ):")
        for line in result.moved:
            print(f"  {line}")
    if result.round_anniversaries:
        print(f"Ngày kỷ niệm tròn năm {year} (gợi ý, đã ghi vào tệp ở dạng chú thích):")
        for line in result.round_anniversaries:
            print(f"  {line}")


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)

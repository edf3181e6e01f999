"""Command line: `tdkt <command> ...` (also `python -m pipeline`; the Makefile wraps it)."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as dt
import importlib
import io
import os
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from pipeline.content.project import Project
from pipeline.documents.registry import KINDS as DOCUMENT_KINDS
from pipeline.documents.registry import (
    build_decision,
    build_minutes,
    build_plan_warned,
    build_proposal,
    build_report,
    render_kind,
)
from pipeline.documents.shared import Built
from pipeline.errors import ContentError, InputProblem, display_path, os_reason, technical
from pipeline.vn import dates as vndate

# Commands other than plan, decision and report import their modules when they run, so that
# `make plan` does not pay for LibreOffice glue, diffs or the format checker.

PROG = "tdkt"
EXIT_DIFFERENT = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130

# argparse's own words, as a clerk reads them.
ARGPARSE_WORDS = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "không có lựa chọn %(value)r (chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s không rõ: có thể là %(matches)s"
    ),
    "not allowed with argument %s": "không dùng cùng với %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị: %r",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
}


def _vietnamese(message: str) -> str:
    return ARGPARSE_WORDS.get(message, message)


def _vietnamese_plural(singular: str, plural: str, count: int) -> str:
    return _vietnamese(singular if count == 1 else plural)


FORCE_HELP = (
    "văn bản đã có số và ngày (đã ký) mà nội dung thay đổi: ghi đè, không giữ bản trước (…-truoc-<ngày>.docx)"
)

FIRST_YEAR, LAST_YEAR = 1900, 2999
"""Years a command accepts; dates of a year ±1 and anniversaries stay valid dates."""


def year_argument(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text):
        raise argparse.ArgumentTypeError(f"năm phải gồm 4 chữ số, ví dụ 2024 (nhận được “{text}”)")
    if not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"năm phải từ {FIRST_YEAR} đến {LAST_YEAR}, ví dụ 2024 (nhận được “{text}”)"
        )
    return int(text)


def period_argument(text: str) -> int:
    if not re.fullmatch(r"0?[1-9]\d?", text):
        raise argparse.ArgumentTypeError(f"đợt phải là số từ 1, ví dụ 1 hoặc 2 (nhận được “{text}”)")
    return int(text)


def date_argument(text: str) -> dt.date:
    try:
        return vndate.parse(text)
    except vndate.DateFormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def parser() -> argparse.ArgumentParser:
    # argparse looks its words up through its module's `_` and `ngettext` each time it uses them.
    argparse._ = _vietnamese  # type: ignore[attr-defined]
    argparse.ngettext = _vietnamese_plural  # type: ignore[attr-defined]
    main = argparse.ArgumentParser(
        prog=PROG,
        description="Tạo văn bản thi đua, khen thưởng từ nội dung (content/) và mẫu (templates/).",
        epilog="Ví dụ: tdkt plan 2024 · tdkt decision 2024 1 · tdkt report 2024 · tdkt check van-ban.docx",
    )
    main.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        metavar="THƯ-MỤC",
        help="thư mục dự án (mặc định: thư mục hiện tại)",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="LỆNH", title="các lệnh")

    def year(command: argparse.ArgumentParser, example: str = "2024") -> None:
        command.add_argument("year", type=year_argument, metavar="NĂM", help=f"năm, ví dụ {example}")

    plan = commands.add_parser("plan", help="tạo kế hoạch thi đua, khen thưởng của một năm")
    year(plan)
    plan.add_argument("--draft", action="store_true", help="bản DỰ THẢO: in cả khi còn chỗ CẦN BỔ SUNG")

    new_year = commands.add_parser("new-year", help="chuẩn bị nội dung năm mới từ năm gần nhất trước đó")
    year(new_year, "2025")

    decision = commands.add_parser("decision", help="tạo quyết định khen thưởng của một đợt thi đua")
    year(decision)
    decision.add_argument("period", type=period_argument, metavar="ĐỢT", help="đợt thi đua: 1, 2 ...")
    decision.add_argument("--draft", action="store_true", help="bản DỰ THẢO: in cả khi còn chỗ CẦN BỔ SUNG")
    decision.add_argument("--force", action="store_true", help=FORCE_HELP)

    proposal = commands.add_parser(
        "proposal", help="tạo tờ trình đề nghị cấp trên khen thưởng (những gì vượt thẩm quyền) của một đợt"
    )
    year(proposal)
    proposal.add_argument("period", type=period_argument, metavar="ĐỢT", help="đợt thi đua: 1, 2 ...")
    proposal.add_argument("--draft", action="store_true", help="bản DỰ THẢO: in cả khi còn chỗ CẦN BỔ SUNG")

    minutes = commands.add_parser(
        "minutes", help="tạo biên bản họp Hội đồng Thi đua - Khen thưởng của một đợt"
    )
    year(minutes)
    minutes.add_argument("period", type=period_argument, metavar="ĐỢT", help="đợt thi đua: 1, 2 ...")
    minutes.add_argument("--draft", action="store_true", help="bản DỰ THẢO: in cả khi còn chỗ CẦN BỔ SUNG")

    history = commands.add_parser(
        "history", help="in lịch sử khen thưởng, xếp loại của một người hoặc một tập thể (sổ khen thưởng)"
    )
    history.add_argument("name", metavar="TÊN", help="họ và tên, tên tập thể hoặc mã cán bộ")

    report = commands.add_parser(
        "report", help="tạo báo cáo sơ kết một đợt (có ĐỢT) hoặc báo cáo tổng kết năm (không có ĐỢT)"
    )
    year(report)
    report.add_argument(
        "period", type=period_argument, nargs="?", metavar="ĐỢT", help="đợt thi đua của báo cáo sơ kết"
    )
    report.add_argument(
        "--date",
        type=date_argument,
        metavar="NGÀY",
        help="ngày của báo cáo (dd/mm/yyyy); được ghi vào tệp nội dung của báo cáo (document.date)",
    )
    report.add_argument("--draft", action="store_true", help="bản DỰ THẢO: in cả khi còn chỗ CẦN BỔ SUNG")
    report.add_argument("--force", action="store_true", help=FORCE_HELP)

    diff = commands.add_parser(
        "diff",
        help="so sánh hai tệp .docx, hoặc một văn bản với nội dung ở phiên bản git cũ / với năm trước",
    )
    diff.add_argument("files", nargs="*", type=Path, metavar="TỆP", help="tệp cũ và tệp mới (.docx)")
    diff.add_argument("--year", type=year_argument, metavar="NĂM", help="năm của văn bản được tạo để so sánh")
    diff.add_argument(
        "--doc", choices=DOCUMENT_KINDS, help="loại văn bản: plan, decision, report, proposal, minutes"
    )
    diff.add_argument(
        "--period", type=period_argument, metavar="ĐỢT", help="đợt (quyết định, báo cáo sơ kết)"
    )
    diff.add_argument("--ref", metavar="PHIÊN-BẢN", help="phiên bản git của nội dung cũ (commit, nhánh, thẻ)")
    diff.add_argument(
        "--base", type=year_argument, metavar="NĂM", help="năm của văn bản cũ (so với năm trước)"
    )
    diff.add_argument(
        "--draft", action="store_true", help="tạo kế hoạch dạng bản nháp nếu còn chỗ CẦN BỔ SUNG"
    )
    diff.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="tô màu: auto, always, never"
    )
    diff.add_argument(
        "--out",
        type=Path,
        metavar="THƯ-MỤC",
        help="thư mục ghi trang HTML và bản redline (mặc định output/diff)",
    )

    pdf_command = commands.add_parser(
        "pdf", help="chuyển các văn bản .docx của một năm trong output/ sang PDF"
    )
    year(pdf_command)

    everything = commands.add_parser("all", help="tạo mọi văn bản của một năm và bản PDF của chúng")
    year(everything)
    everything.add_argument("--force", action="store_true", help=FORCE_HELP)

    check = commands.add_parser("check", help="kiểm tra thể thức một tệp .docx theo Nghị định 30/2020/NĐ-CP")
    check.add_argument("file", type=Path, metavar="TỆP", help="tệp .docx cần kiểm tra")

    textconv = commands.add_parser("textconv", help="in nội dung chữ của một tệp .docx (cho git diff)")
    textconv.add_argument("file", type=Path, metavar="TỆP", help="tệp .docx")

    templates = commands.add_parser("templates", help="tạo các mẫu .docx ban đầu trong templates/")
    templates.add_argument("--force", action="store_true", help="ghi đè mẫu đã có")
    return main


def run() -> None:
    """Entry point of the `tdkt` console script and of `python -m pipeline`."""
    for stream in (sys.stdout, sys.stderr):
        # Windows writes a redirected stream in the locale's code page, which has no Vietnamese letters.
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")
    code = main()
    # Every file is written and closed by now, and nothing is registered to run at exit: the
    # process ends without the interpreter freeing its objects one by one, which takes longer
    # than reading the content of a plan. What is still buffered is written first.
    os._exit(_flushed(code))


def _flushed(code: int) -> int:
    """Flush stdout and stderr; exit 2 when the output could not be written (a full disk), as
    before any other trouble. A reader gone away (`| head`) or a stream closed by the caller
    (`>&-`) is not trouble: nothing more is wanted."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            pass
        except (OSError, ValueError) as exc:
            if stream is sys.stdout:
                why = os_reason(exc) if isinstance(exc, OSError) else technical(exc)
                with contextlib.suppress(OSError, ValueError, AttributeError):
                    print(f"Không ghi được kết quả ra màn hình hay tệp ({why}).", file=sys.stderr, flush=True)
            code = EXIT_INPUT if code in (0, EXIT_DIFFERENT) else code
    return code


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 success, 1 different/deviations, 2 bad input or trouble, 130 Ctrl-C."""
    try:
        args = parser().parse_args(argv)
        return _dispatch(args)
    except KeyboardInterrupt:
        print("\nĐã dừng (Ctrl-C). Tệp đang ghi dở đã được xóa; các tệp đã có giữ nguyên.", file=sys.stderr)
        return EXIT_INTERRUPTED


NEEDS_CONTENT = ("plan", "new-year", "decision", "proposal", "minutes", "history", "report", "pdf", "all")


def _dispatch(args: argparse.Namespace) -> int:
    project = Project(args.root.resolve())
    try:
        if (args.command in NEEDS_CONTENT or getattr(args, "year", None)) and not (
            project.root / "content"
        ).is_dir():
            raise InputProblem(
                f"{project.root}: không phải thư mục dự án (không có thư mục content/); "
                "chạy lệnh trong thư mục dự án hoặc chỉ ra nó bằng --root"
            )
        for given in [getattr(args, "file", None), *(getattr(args, "files", None) or [])]:
            if given is not None and (not str(given) or str(given) == "." or given.is_dir()):
                raise InputProblem(f"“{given}”: cần tên một tệp .docx, không phải thư mục hay chuỗi rỗng")
        if args.command == "plan":
            path = _report_warnings(build_plan_warned(project, args.year, draft=args.draft))
            print(f"Đã tạo {_shown(path, project.root)}" + (" (DỰ THẢO)" if args.draft else ""))
            _hint_pdf(args.year)
        elif args.command == "new-year":
            _new_year(project, args.year)
        elif args.command == "decision":
            built = build_decision(project, args.year, args.period, draft=args.draft, force=args.force)
            path = _report_warnings(built)
            print(f"Đã tạo {_shown(path, project.root)}" + (" (DỰ THẢO)" if args.draft else ""))
        elif args.command == "proposal":
            path = _report_warnings(build_proposal(project, args.year, args.period, draft=args.draft))
            print(f"Đã tạo {_shown(path, project.root)}" + (" (DỰ THẢO)" if args.draft else ""))
        elif args.command == "minutes":
            path = _report_warnings(build_minutes(project, args.year, args.period, draft=args.draft))
            print(f"Đã tạo {_shown(path, project.root)}" + (" (DỰ THẢO)" if args.draft else ""))
        elif args.command == "history":
            return _history(project, args.name)
        elif args.command == "report":
            built, report = build_report(
                project,
                args.year,
                args.period,
                today=dt.date.today(),
                report_date=args.date,
                draft=args.draft,
                force=args.force,
            )
            _report_warnings(built)
            for line in built.done:
                print(line)
            if report.draft and not args.draft:
                print("Đợt chưa kết thúc và báo cáo chưa có ngày: tạo bản DỰ THẢO.", file=sys.stderr)
            print(f"Đã tạo {_shown(built.path, project.root)}" + (" (DỰ THẢO)" if report.draft else ""))
        elif args.command == "diff":
            return _diff(project, args)
        elif args.command == "pdf":
            _pdfs(project, args.year, _year_documents(project, args.year), flag_stale=True)
        elif args.command == "all":
            _pdfs(project, args.year, _build_all(project, args.year, force=args.force), flag_stale=False)
        elif args.command == "check":
            return _check(args.file)
        elif args.command == "textconv":
            from pipeline.word import diff as docdiff
            from pipeline.word.reader import open_docx

            sys.stdout.write(docdiff.document_text(open_docx(args.file)))
        elif args.command == "templates":
            for path in _authoring(project.root).create_templates(project.templates, force=args.force):
                print(f"Đã tạo {_shown(path, project.root)}")
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Có {len(exc.problems)} lỗi trong nội dung; không tạo hay thay đổi tệp nào.", file=sys.stderr)
        return EXIT_INPUT
    except InputProblem as exc:
        from pipeline.word.render import TemplateProblem

        print(exc, file=sys.stderr)
        if isinstance(exc, TemplateProblem):
            print("Lỗi trong mẫu văn bản; không tạo hay thay đổi tệp nào.", file=sys.stderr)
        return EXIT_INPUT
    return 0


def _authoring(root: Path) -> ModuleType:
    """tools/authoring of the project tree: a development tool, not part of the installed package."""
    if not (root / "tools" / "authoring" / "__init__.py").is_file():
        raise InputProblem(
            f"{root / 'tools'}: không có công cụ tạo mẫu; chạy lệnh templates trong thư mục dự án"
        )
    sys.path.insert(0, str(root))
    return importlib.import_module("tools.authoring")


def _hint_pdf(year: int) -> None:
    from pipeline.word import pdf

    if pdf.soffice() is None:
        print(pdf.missing_hint(year), file=sys.stderr)


def _pdfs(project: Project, year: int, sources: list[Path], *, flag_stale: bool) -> None:
    """Convert the .docx files whose PDF is missing or does not match them (see documents/builds.py);
    `flag_stale` warns about each PDF that no longer matched its .docx (tdkt pdf)."""
    from pipeline.documents import builds

    if not sources:
        from pipeline.word import pdf

        raise pdf.PdfUnavailable(
            f"chưa có văn bản .docx nào trong output/{year}/ (chạy tdkt plan {year} trước)"
        )
    record = builds.Record.load(project.output_dir(year))
    planned = builds.plan_pdfs(record, sources)
    for current in planned.current:
        print(f"Không đổi: {_shown(current, project.root)}")
    if flag_stale:
        for source in planned.stale:
            print(f"Cảnh báo: {builds.stale_message(source, project.root)}", file=sys.stderr)
    if not planned.to_convert:
        return
    from pipeline.progress import Progress
    from pipeline.word import pdf

    progress = Progress("Đang chuyển sang PDF bằng LibreOffice", long=True)
    progress.step(f"{len(planned.to_convert)} văn bản")
    try:
        results = pdf.build_pdfs(planned.to_convert)
    finally:
        progress.finish()
    for result in results:
        print(f"Đã tạo {_shown(result.pdf, project.root)} ({result.pages} trang)")
    builds.record_pdfs(record, planned.to_convert)
    record.save()


def _year_documents(project: Project, year: int) -> list[Path]:
    """The year's .docx outputs, without the previous versions kept of signed documents."""
    from pipeline.documents.signed import is_previous_version

    return [p for p in sorted(project.output_dir(year).glob("*.docx")) if not is_previous_version(p)]


def _build_all(project: Project, year: int, *, force: bool = False) -> list[Path]:
    """Every document of the year that has content: plan, decisions, reports; those whose inputs
    and output are as recorded are left as they are."""
    from pipeline.documents.registry import build_all
    from pipeline.progress import Progress

    progress = Progress("Đang tạo văn bản")

    def say(key: str) -> None:
        kind, _, period = key.partition("-")
        progress.step(KIND_WORDS.get(kind, kind) + (f" đợt {period}" if period else ""))

    try:
        built = build_all(project, year, today=dt.date.today(), force=force, incremental=True, progress=say)
    finally:
        progress.finish()
    # build_all wrote nothing unless every document was valid
    for item in built:
        _report_warnings(item)
        verb = "Đã tạo" if item.rendered else "Không đổi"
        print(
            f"{verb} {_shown(item.path, project.root)}"
            if item.rendered
            else f"{verb}: {_shown(item.path, project.root)}"
        )
    return [item.path for item in built]


KIND_WORDS = {
    "plan": "kế hoạch",
    "minutes": "biên bản",
    "decision": "quyết định",
    "report": "báo cáo",
    "proposal": "tờ trình",
}
"""Document kinds as the progress line names them (a kind not listed shows its own name)."""


def _history(project: Project, name: str) -> int:
    """Print the register's history of everyone named `name`; 1 when nobody is."""
    from pipeline.content.project import Content
    from pipeline.documents.history import history_lines
    from pipeline.documents.year import load_register

    register = load_register(Content(project))
    lines = history_lines(register, name)
    if not lines:
        print(f"Không có ai tên “{name}” trong sổ khen thưởng.", file=sys.stderr)
        return EXIT_DIFFERENT
    for line in lines:
        print(line)
    return 0


def _report_warnings(built: Built) -> Path:
    """Print a build's warnings; return the file it wrote."""
    for warning in built.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    for line in built.notes:
        print(f"  {line}", file=sys.stderr)
    return built.path


def _check(path: Path) -> int:
    """0 conforms, 1 deviations, 2 unreadable."""
    from pipeline.word import nd30 as format_check

    deviations = format_check.check_file(path)
    for deviation in deviations:
        print(f"- {deviation}")
    if deviations:
        print(f"{path}: có {len(deviations)} điểm chưa đúng thể thức (Nghị định 30/2020/NĐ-CP, Phụ lục I).")
        return EXIT_DIFFERENT
    print(f"{path}: đúng thể thức đã kiểm tra (Nghị định 30/2020/NĐ-CP, Phụ lục I).")
    return 0


def _diff(project: Project, args: argparse.Namespace) -> int:
    """diff(1) exit codes: 0 the same, 1 different, 2 trouble."""
    from pipeline.progress import Progress

    progress = Progress("So sánh", 3)
    try:
        return _diff_steps(project, args, progress)
    finally:
        progress.finish()


def _diff_steps(project: Project, args: argparse.Namespace, progress: Any) -> int:
    from pipeline.documents import versions
    from pipeline.word import diff as docdiff

    out = args.out or project.root / "output" / "diff"
    progress.step("đọc hai văn bản")
    if args.files:
        if len(args.files) != 2 or args.doc:
            raise versions.ReviewProblem(
                "cần đúng hai tệp: A=cũ.docx B=mới.docx (hoặc YEAR, DOC và REF/BASE)"
            )
        old_path, new_path = args.files
        old, new = versions.read_docx(old_path), versions.read_docx(new_path)
        old_name, new_name = str(old_path), str(new_path)
        stem = f"{old_path.stem}--{new_path.stem}"
    else:
        if not (args.doc and args.year and (args.ref or args.base)):
            raise versions.ReviewProblem("cần A và B, hoặc YEAR, DOC và REF hoặc BASE")
        label = args.doc + (f"-dot-{args.period}" if args.period else "")
        if args.ref:
            old, new = versions.versions_at_ref(
                project,
                lambda p: render_kind(p, args.doc, args.year, args.period, draft=args.draft),
                args.ref,
            )
            old_name, new_name = f"{label} {args.year} @ {args.ref}", f"{label} {args.year} (hiện tại)"
            stem = f"{label}-{args.year}--{args.ref}".replace("/", "_")
        else:
            old = render_kind(project, args.doc, args.base, args.period, draft=args.draft)
            new = render_kind(project, args.doc, args.year, args.period, draft=args.draft)
            old_name, new_name = f"{label} {args.base}", f"{label} {args.year}"
            stem = f"{label}-{args.base}--{args.year}"
    progress.step("so sánh")
    comparison = versions.compare_documents(old, new, old_name, new_name)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    sys.stdout.write(docdiff.render_text(comparison, color=color))
    if comparison.same:
        print(docdiff.summary(comparison), file=sys.stderr)
        return 0
    outputs = versions.Outputs(out / f"{stem}.html", out / f"{stem}-redline.docx")
    progress.step("ghi trang so sánh và bản theo dõi thay đổi")
    versions.write_outputs(comparison, outputs)
    print(docdiff.summary(comparison), file=sys.stderr)
    print(f"Trang so sánh: {_shown(outputs.html, project.root)}", file=sys.stderr)
    print(f"Bản theo dõi thay đổi (Word): {_shown(outputs.redline, project.root)}", file=sys.stderr)
    return EXIT_DIFFERENT


def _new_year(project: Project, year: int) -> None:
    from pipeline.documents.rollover import roll_over

    result = roll_over(project.root, year)
    print(f"Đã tạo {_shown(result.target.parent, project.root)}/ từ {_shown(result.source, project.root)}:")
    for path in result.files:
        print(f"  {_shown(path, project.root)}")
    if result.changes:
        print("Đã thay đổi (tệp:dòng của tệp mới):")
        for problem in result.changes:
            print(f"  {problem}")
    if result.reviews:
        print("Giữ nguyên, cần xem lại (tệp:dòng):")
        for problem in result.reviews:
            print(f"  {problem}")
    if result.marks:
        print(f"Cần bổ sung trước khi in (tdkt plan {year} --draft để in bản nháp):")
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
    for warning in result.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    if result.round_anniversaries:
        print(f"Ngày kỷ niệm tròn năm {year} (gợi ý, đã ghi vào tệp ở dạng chú thích):")
        for line in result.round_anniversaries:
            print(f"  {line}")
    if result.order:
        print(f"Thứ tự công việc năm {year}:")
        for number, step in enumerate(result.order, start=1):
            print(f"  {number}. {step}")


def _shown(path: Path, root: Path) -> str:
    return display_path(path, root)

"""The command line: ``perfdesk [--db PATH] COMMAND ...``; no command opens the window."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from perfdesk import __version__, exchange
from perfdesk.errors import PerfDeskError
from perfdesk.fileio import atomic_write, refuse_database_output, remove_leftovers
from perfdesk.model import Project
from perfdesk.paths import default_database
from perfdesk.sample import sample_projects
from perfdesk.store import OnDuplicate, Store, check_database

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfdesk",
        description="PerfDesk：财政项目支出绩效目标表的编制、检查、打印与保管。不带命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"PerfDesk {__version__}")
    parser.add_argument(
        "--db", type=Path, default=None, help=f"数据库文件（默认 {default_database()}）"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    cmd = commands.add_parser("sample", help="加入参考表样中的两个示例项目")
    cmd.set_defaults(handler=cmd_sample)

    cmd = commands.add_parser(
        "convert",
        help="复制为新版表样（sh2026）：原项目保留，新项目另存，无对应处的内容放入“待归类”",
    )
    convert_which = cmd.add_mutually_exclusive_group(required=True)
    convert_which.add_argument("--all", action="store_true", help="全部可转换的项目")
    convert_which.add_argument("ids", nargs="*", type=int, default=[], metavar="ID")
    cmd.add_argument(
        "--to", metavar="LAYOUT", help="复制到这个表样（默认：现行的表样），例如 national"
    )
    cmd.set_defaults(handler=cmd_convert)

    cmd = commands.add_parser("list", help="列出全部项目")
    cmd.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    cmd.add_argument("--year", type=int, help="只列出该年度")
    cmd.add_argument("--unit", help="只列出该单位")
    cmd.add_argument("--search", help="按名称、栏目与指标搜索")
    cmd.set_defaults(handler=cmd_list)

    cmd = commands.add_parser("export-json", help="导出为 PerfDesk 交换格式（JSON）")
    _add_selection(cmd)
    cmd.set_defaults(handler=cmd_export_json)

    cmd = commands.add_parser(
        "import",
        help="导入文件：.json 交换格式、.txt/.pdf 打印的表格、.docx Word 表格、.xlsx 本程序导出的工作簿",
    )
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")
    cmd.add_argument(
        "--on-duplicate",
        choices=[choice.value for choice in OnDuplicate],
        default=OnDuplicate.SKIP.value,
        help="数据库中已有同一张表（表样、年度、单位、项目名称相同）时："
        "skip 跳过（默认）、replace 替换、new 作为新项目",
    )
    cmd.set_defaults(handler=cmd_import)

    cmd = commands.add_parser("check", help="检查数据库完整性与每个项目的表格；有错误时退出码为 1")
    cmd.set_defaults(handler=cmd_check)

    cmd = commands.add_parser(
        "review", help="目标审核：按完整性、相关性、适当性、可行性给出等级和理由"
    )
    review_which = cmd.add_mutually_exclusive_group(required=True)
    review_which.add_argument("--all", action="store_true", help="全部项目")
    review_which.add_argument("ids", nargs="*", type=int, default=[], metavar="ID")
    cmd.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    cmd.add_argument("--year", type=int, metavar="YEAR", help="只审核这一年度的项目")
    cmd.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="写出年度审核汇总（单位内部审核表）：.pdf 打印稿或 .xlsx 工作簿",
    )
    cmd.set_defaults(handler=cmd_review)

    # -- printing commands --
    cmd = commands.add_parser("print", help="打印为 PDF（正式表样，嵌入中文字体）")
    _add_selection(cmd)
    cmd.add_argument("--font", type=Path, metavar="FONT.ttf", help="使用指定的 TrueType 字体文件")
    cmd.set_defaults(handler=cmd_print)

    # -- backup commands --
    cmd = commands.add_parser(
        "backup", help="导出备份：一个 .zip 文件（数据库快照 + 清单），可在程序运行时进行"
    )
    cmd.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="备份文件或文件夹（默认 PerfDesk备份-日期.zip）",
    )
    cmd.set_defaults(handler=cmd_backup)

    cmd = commands.add_parser(
        "restore", help="从备份恢复：先完整检查备份，再保留当前数据库的副本，然后替换"
    )
    cmd.add_argument("file", type=Path, metavar="FILE", help="备份文件（.zip）或数据库文件（.db）")
    cmd.set_defaults(handler=cmd_restore)

    # -- export commands --
    cmd = commands.add_parser("export-xlsx", help="导出为 Excel 工作簿，每个项目一张工作表")
    _add_selection(cmd)
    cmd.set_defaults(handler=cmd_export_document)

    cmd = commands.add_parser("export-docx", help="导出为 Word 文档，表格样式同打印稿")
    _add_selection(cmd)
    cmd.set_defaults(handler=cmd_export_document)

    return parser


def _add_selection(cmd: argparse.ArgumentParser) -> None:
    which = cmd.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="全部项目")
    which.add_argument("ids", nargs="*", type=int, default=[], metavar="ID", help="项目编号")
    cmd.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db or default_database())


def open_store(args: argparse.Namespace) -> Store:
    """The store for a command that writes: checked (SQLite's quick check) before writing."""
    return Store(database_path(args))


def read_store(args: argparse.Namespace) -> Store:
    """The store for a command that only reads: no quick check on every start, read-only where
    the file cannot be written (see :meth:`Store.open_for_reading`)."""
    return Store.open_for_reading(database_path(args))


def output_path(args: argparse.Namespace) -> Path:
    """``-o``: never the database or one of the files beside it."""
    output: Path = args.output
    refuse_database_output(output, database_path(args))
    return output


def selected_projects(store: Store, args: argparse.Namespace) -> list[Project]:
    if args.all:
        return store.get_all()
    if not args.ids:
        raise PerfDeskError("请给出项目编号，或用 --all 选择全部项目")
    return [store.get(project_id) for project_id in args.ids]


def cmd_sample(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        ids = store.add_many(sample_projects())
    print(f"已加入 {len(ids)} 个示例项目：编号 {', '.join(map(str, ids))}")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from perfdesk.convert import can_convert, conversion_target, convert, target_layout

    target = target_layout(args.to) if args.to else conversion_target()
    with open_store(args) as store:
        sources = selected_projects(store, args)
        if args.all:
            sources = [p for p in sources if can_convert(p, target)]
        copies = [convert(p, target) for p in sources]  # all or nothing
        ids = store.add_many(copies)
    for source, new_id in zip(sources, ids, strict=True):
        print(f"{source.id} → {new_id}  {source.name}")
    print(f"已复制 {len(ids)} 个项目为表样 {target}", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with read_store(args) as store:
        summaries = store.list_projects(year=args.year, unit=args.unit, search=args.search)
    if args.json:
        print(json.dumps([s.as_json() for s in summaries], ensure_ascii=False, indent=2))
    else:
        for s in summaries:
            print(f"{s.id:>5}  {s.year}  {s.layout}  {s.unit}  {s.name}")
        print(f"共 {len(summaries)} 个项目", file=sys.stderr)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from perfdesk.review.batch import as_json, as_text, review_projects

    if not args.all and not args.ids:
        raise PerfDeskError("请给出项目编号，或用 --all 选择全部项目")
    if args.output is not None:
        return _write_review_summary(args)
    ids: list[int] | None = None if args.all else args.ids
    if args.year is not None:
        with read_store(args) as store:
            in_year = {s.id for s in store.list_projects(year=args.year)}
        ids = sorted(in_year) if ids is None else [i for i in ids if i in in_year]
    lines = review_projects(database_path(args), ids, as_json if args.json else as_text)
    if args.json:
        # One project a line: a valid JSON array that stays small for ten thousand projects.
        print("[\n" + ",\n".join(lines) + "\n]")
    elif lines:
        print("\n".join(lines))
    return 0


def _write_review_summary(args: argparse.Namespace) -> int:
    """``review -o FILE``: the 年度审核汇总 as the 单位内部审核表 (.pdf) or a workbook (.xlsx)."""
    from perfdesk.review.summary import summarize

    output = output_path(args)
    kind = output.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        raise PerfDeskError("年度审核汇总只能写成 .pdf 或 .xlsx 文件")
    with read_store(args) as store:
        ids = None if args.all else args.ids
        if ids is not None:
            for project_id in ids:
                store.get(project_id)  # a missing id is told before anything is written
        summary = summarize(store, year=args.year, ids=ids)
    if not summary.rows:
        raise PerfDeskError("没有要汇总的项目" + (f"（{args.year}年度）" if args.year else ""))
    if kind == ".pdf":
        from perfdesk.printing.review_sheet import render_review_sheet

        atomic_write(output, render_review_sheet(summary))
    else:
        from perfdesk.exporting.review_xlsx import export_summary_xlsx

        export_summary_xlsx(summary, output)
    print(f"已写出 {len(summary.rows)} 个项目的审核汇总到 {args.output}", file=sys.stderr)
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    output = output_path(args)
    with read_store(args) as store:
        projects = selected_projects(store, args)
    atomic_write(output, exchange.dumps(projects).encode("utf-8"))
    print(f"已导出 {len(projects)} 个项目到 {args.output}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from perfdesk.importing import read_many

    result = read_many(args.files)  # every file is read first: a bad file imports nothing
    for form in result.forms:
        project = form.project
        print(
            f"识别：{project.year}  {project.unit}  {project.name}"
            f"（指标 {len(project.indicator_rows())} 条）",
            file=sys.stderr,
        )
    for warning in result.all_warnings():
        print(f"注意：{warning}", file=sys.stderr)
    if not result.forms:
        raise PerfDeskError("没有识别出任何项目，未导入")
    choice = OnDuplicate(args.on_duplicate)
    with open_store(args) as store:
        projects = result.projects
        outcome = store.store_imported(projects, [choice] * len(projects))
    for project_id in outcome.skipped:
        print(f"已在数据库中（编号 {project_id}），跳过", file=sys.stderr)
    for project_id, _ in outcome.replaced:
        print(f"已替换数据库中的编号 {project_id}", file=sys.stderr)
    if outcome.added:
        ids = ", ".join(map(str, outcome.added))
        print(f"已导入 {len(outcome.added)} 个项目：编号 {ids}", file=sys.stderr)
    if not outcome.added and not outcome.replaced:
        print(
            "没有导入任何内容：这些表都已在数据库中（可用 --on-duplicate replace 或 new）",
            file=sys.stderr,
        )
    return 0


def cmd_export_document(args: argparse.Namespace) -> int:
    """export-xlsx / export-docx: the forms laid out as in print, for Excel/WPS or Word."""
    from perfdesk.exporting.docx import export_docx
    from perfdesk.exporting.xlsx import export_xlsx

    export = export_xlsx if args.command == "export-xlsx" else export_docx
    output = output_path(args)
    with read_store(args) as store:
        projects = selected_projects(store, args)
    export(projects, output)
    print(f"已导出 {len(projects)} 个项目到 {args.output}", file=sys.stderr)
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from perfdesk import printing  # ReportLab loads only when printing
    from perfdesk.checks import check, missing_characters

    output = output_path(args)
    with read_store(args) as store:
        projects = selected_projects(store, args)
    fonts = printing.resolve_fonts(args.font)
    for note in (*fonts.notes, fonts.fallback_reason):
        if note:
            print(f"警告：{note}", file=sys.stderr)
    for project in projects:
        for missing in missing_characters(project, fonts.draws):
            print(f"警告：项目 {project.id}“{project.name}”：{missing.message}", file=sys.stderr)
        errors = [f for f in check(project) if f.is_error]
        if errors:  # no one to ask here: say it, and print anyway
            print(
                f"警告：项目 {project.id}“{project.name}”的表格有 {len(errors)} 个错误"
                f"（{errors[0].message}…），用 perfdesk check 查看",
                file=sys.stderr,
            )
    atomic_write(output, printing.render_pdf(projects, fonts))
    print(f"已打印 {len(projects)} 个项目到 {args.output}", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Database integrity, then the form checks of every project; exit 1 on any error."""
    from perfdesk.checks import check
    from perfdesk.printing import resolve_fonts

    fonts = resolve_fonts()

    path = database_path(args)
    # Read-only first, so that a damaged database is reported, never written to.
    problems = check_database(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        _suggest_backup(path)
        return 1
    print("数据库完整性检查通过")
    with read_store(args) as store:  # just checked in full
        projects = store.get_all()
    errors = warnings = 0
    for project in projects:
        findings = check(project, font_can_draw=fonts.draws)
        if not findings:
            continue
        print(
            f"\n项目 {project.id}（{project.year}年，{project.layout}）{project.name or '（未命名）'}"
        )
        for finding in findings:
            print(f"  {finding.severity_text}：{finding.message}")
        errors += sum(f.is_error for f in findings)
        warnings += sum(not f.is_error for f in findings)
    print(f"\n共检查 {len(projects)} 个项目：{errors} 个错误，{warnings} 个警告")
    return 1 if errors else 0


def _suggest_backup(path: Path) -> None:
    from perfdesk.backup import newest_good_backup

    good = newest_good_backup(path)
    if good is None:
        print("没有找到可用的自动备份。", file=sys.stderr)
    else:
        print(
            f"最新的完好备份：{good.path}（{good.manifest.created_at:%Y-%m-%d %H:%M}，"
            f"{good.manifest.project_count} 个项目）；可用 perfdesk restore 恢复",
            file=sys.stderr,
        )


def cmd_backup(args: argparse.Namespace) -> int:
    from perfdesk.backup import create_backup, default_backup_name

    output: Path = args.output or Path(default_backup_name())
    if output.is_dir():
        output = output / default_backup_name()
    refuse_database_output(output, database_path(args))
    with read_store(args) as store:  # the backup checks the file itself
        info = create_backup(store, output)
    print(
        f"已备份 {info.manifest.project_count} 个项目到 {info.path}"
        f"（SHA-256 {info.manifest.sha256[:16]}…）",
        file=sys.stderr,
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from perfdesk.backup import restore_backup

    result = restore_backup(args.file, database_path(args))
    print(f"已从 {args.file} 恢复 {result.project_count} 个项目", file=sys.stderr)
    if result.safety_copy is not None:
        print(f"恢复前的数据库已保存为 {result.safety_copy}", file=sys.stderr)
    return 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments of ``perfdesk``; ``command`` is None when the window is wanted."""
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Carry out the sub-command in ``args``: errors in plain words on stderr, exit status."""
    # UTF-8 into files and pipes, messages too (Windows would write them in the console's
    # code page, e.g. GBK); a console shows either. The windowed PerfDesk has no streams.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not stream.isatty():
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    handler: Handler = args.handler
    # What a killed backup, restore or save left behind goes at the next start of anything.
    remove_leftovers(database_path(args))
    try:
        return handler(args)
    except PerfDeskError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print(f"错误：数据库操作失败：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `perfdesk list | head`
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The command line without the window: a sub-command is required here (the launcher
    above the core opens the window when there is none)."""
    args = parse_args(argv)
    if args.command is None:
        build_parser().print_usage(sys.stderr)
        print("错误：请给出命令（不带命令时由 perfdesk 打开窗口）", file=sys.stderr)
        return 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main())

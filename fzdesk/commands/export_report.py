"""`fzdesk export`: the report as a GB/T 9704 .docx (and PDF, and report JSON) written safely into a folder and
recorded as the report's last export (as the window's 导出 does), with the dismissed findings and their reasons
listed (and a warning on stderr for errors not dealt with)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fzdesk import resources
from fzdesk.checks.engine import check_report
from fzdesk.checks.findings import CheckResult, Severity
from fzdesk.checks.rules import load_rules
from fzdesk.checks.wording import load_wording
from fzdesk.commands.common import CommandError, add_report_selector, choose_report, fail, last_year_report, open_store
from fzdesk.domain.model import Report, Unit
from fzdesk.domain.naming import step_titles
from fzdesk.exchange import report_json
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.handoff import HandoffError, TargetExists, report_file_name, stick_note, write_safely
from fzdesk.export.layout import Element
from fzdesk.export.options import FontSet, unit_options
from fzdesk.export.record import record_export
from fzdesk.paths import data_dir
from fzdesk.storage.checklist import plan_checks
from fzdesk.storage.lock import StoreLocked
from fzdesk.storage.store import Store


def register(sub: Any) -> None:
    parser = sub.add_parser("export", help="导出符合 GB/T 9704 的 Word 报告（可同时导出 PDF 和报告数据）")
    add_report_selector(parser)
    parser.add_argument("--out", required=True, metavar="DIR", help="保存到这个文件夹（例如U盘）")
    parser.add_argument("--pdf", action="store_true", help="同时导出 PDF")
    parser.add_argument("--json", action="store_true", help="同时导出报告数据文件（.json）")
    exists = parser.add_mutually_exclusive_group()
    exists.add_argument("--overwrite", action="store_true", help="文件夹中已有同名文件时覆盖它")
    exists.add_argument("--new-name", action="store_true", help="文件夹中已有同名文件时另存为“…(2)”")
    parser.set_defaults(handler=handle)


def _write(folder: Path, name: str, data: bytes, args: argparse.Namespace) -> Path:
    try:
        return write_safely(folder, name, data, overwrite=args.overwrite).path
    except TargetExists as exc:
        if args.new_name:
            return write_safely(folder, exc.suggestion.name, data).path
        raise CommandError(f"{exc} 命令行中请加 --overwrite 覆盖，或加 --new-name 另存。") from exc
    except HandoffError as exc:
        raise CommandError(str(exc)) from exc


def _qt_pages(elements: list[Element], font_set: FontSet) -> tuple[int, int] | None:
    """The 报送稿's 版记 page, by Qt's layout: fzdesk.typeset is imported (and Qt loaded) only when a document with
    a 版记 is written, so a 公开稿 without PDF is exported without Qt."""
    from fzdesk.typeset.paged import foot_pages

    return foot_pages(elements, font_set)


def _pdf_bytes(*args: Any) -> bytes:
    from fzdesk.typeset.pdf import write_pdf  # Qt is loaded only when a PDF (or a 报送稿's 版记 page) is wanted

    with tempfile.TemporaryDirectory(prefix="fzdesk-pdf-") as tmp:
        path = write_pdf(args[0], args[1], Path(tmp) / "report.pdf", *args[2:])
        return path.read_bytes()


def handle(args: argparse.Namespace) -> int:
    try:
        with open_store(args, exclusive=False, create=False) as store:
            summary = choose_report(store, args.unit, args.year, args.report)
            report = store.load_report(summary.id)
            unit = store.unit(summary.unit_id)
            last_year = last_year_report(store, summary)
            checklist = plan_checks(store, summary.id)
        folder_of_data = data_dir(args.data)
        checked = check_report(report, unit, resources.catalogue(), load_rules(folder_of_data),
                               load_wording(folder_of_data), last_year, plan_checks=checklist)
        options = unit_options(unit)
        catalogue = resources.catalogue()
        folder = Path(args.out)
        name = report_file_name(report.organs or unit.organs or [unit.name], report.year)
        exported = export_docx(report, unit, options, catalogue, plan_checks=checklist, pages=_qt_pages)
        written = [_write(folder, name, exported.data, args)]
        if args.pdf:
            written.append(_write(folder, name.removesuffix(".docx") + ".pdf",
                                  _pdf_bytes(report, unit, options, catalogue), args))
        if args.json:
            data = report_json.dumps(report, unit, catalogue, plan_checks=checklist).encode("utf-8")
            written.append(_write(folder, name.removesuffix(".docx") + ".json", data, args))
    except CommandError as exc:
        return fail(exc)
    not_recorded = record(data_dir(args.data), report, unit, exported.text_hash, written)
    for path in written:
        print(path)
    for line in dismissed_lines(checked, step_titles(report)):
        print(line)
    errors = [f for f in checked.open_findings if f.severity is Severity.ERROR]
    if errors:
        print(f"注意：还有{len(errors)}个错误没有处理，报告仍已导出。请用 `fzdesk check` 查看，"
              "改正后重新导出，或在程序的“检查”步骤写明理由后忽略。", file=sys.stderr)
    if not_recorded:
        print(not_recorded, file=sys.stderr)
    print(f"已写入并读回核对无误{stick_note(folder)}。")
    return 0


def record(folder: Path, report: Report, unit: Unit, text_hash: str, written: list[Path]) -> str | None:
    """Keeps the export, written and verified, as the report's last one, as the window's 导出 does (its step then
    shows 已完成 until the report changes). The export itself reads without the data folder's lock, so that it
    works while the window is open; the record is a write and takes the lock. None, or why nothing was recorded."""
    try:
        with Store.open(folder, daily_backup=False) as store:
            record_export(store, report, unit, text_hash, written)
    except StoreLocked:
        return ("注意：程序窗口正在使用这个数据文件夹，这次导出没有记入窗口的“导出”步骤（文件已经导出，不受影响）。"
                "如需记入，请关闭程序窗口后重新运行本命令，或在窗口的“导出”步骤中导出。")
    except (OSError, sqlite3.Error) as exc:
        return f"注意：文件已经导出，但没能在数据中记下这次导出，窗口的“导出”步骤不会显示为已完成。原因：{exc}"
    return None


def dismissed_lines(result: CheckResult, titles: Mapping[str, str] | None = None) -> list[str]:
    """The dismissed findings with their reasons (they travel in the report's data), as printed."""
    dismissed = [f for f in result.findings if f.dismissed]
    if not dismissed:
        return ["没有忽略的问题。"]
    lines = [f"已忽略的问题 {len(dismissed)} 条（理由随报告数据一并导出）："]
    for f in dismissed:
        lines.append(f"  · 【{f.severity.label}】{f.message}（{f.location.describe(titles)}）")
        lines.append(f"    理由：{f.reason or '（未写）'}")
    return lines


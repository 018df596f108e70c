"""Shared pieces of the subcommands: opening the store and choosing a report."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fzdesk.domain.model import Report
from fzdesk.paths import data_dir
from fzdesk.storage.lock import StoreLocked
from fzdesk.storage.migrations import NewerSchemaError
from fzdesk.storage.store import DB_NAME, ReportSummary, Store


class CommandError(Exception):
    """A user-facing failure: printed in Chinese, exit status 2."""


def no_data_message(folder: Path) -> str:
    """What a read-only command says when the folder holds no store (nothing is created there)."""
    where = "这个文件夹不存在" if not folder.exists() else f"其中没有数据文件 {DB_NAME}"
    return (f"在数据文件夹“{folder}”中没有找到 fzdesk 的数据（{where}）。"
            "请检查 --data 或环境变量 FZDESK_DATA 给出的文件夹是否正确（可用 U 盘上的 fzdesk-data 文件夹）；"
            "如果还没有写过报告，请先运行 fzdesk 打开程序窗口填写单位信息，或用 fzdesk import 导入上一年度的报告。")


@contextmanager
def open_store(args: argparse.Namespace, *, exclusive: bool = True, create: bool = True) -> Iterator[Store]:
    """The store of --data; with create=False (read-only commands) a folder without one is a CommandError and
    nothing is written there."""
    folder = data_dir(args.data)
    if not create and not (folder / DB_NAME).is_file():
        raise CommandError(no_data_message(folder))
    try:
        store = Store.open(folder, exclusive=exclusive, daily_backup=exclusive)
    except (StoreLocked, NewerSchemaError) as exc:
        raise CommandError(str(exc)) from exc
    except (OSError, sqlite3.Error) as exc:  # a full or pulled stick: a traceback before
        from fzdesk.storage.trouble import write_trouble

        raise CommandError(f"无法打开数据文件夹“{folder}”中的数据：{write_trouble(exc)}。请检查U盘是否插好、"
                           "是否设了写保护、磁盘是否已满（腾出一些空间后再试）。数据没有任何改动。") from exc
    if store.backup_error:
        print(f"警告：今天的自动备份没有做成（{store.backup_error}）。数据本身没有受影响，本次操作照常进行；"
              f"请检查“{store.backup_folder}”能否写入、磁盘是否已满。", file=sys.stderr)
    try:
        yield store
    finally:
        store.close()


def add_report_selector(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", metavar="NAME", help="单位名称或简称（数据中只有一个单位时可省略）")
    parser.add_argument("--year", type=int, metavar="YYYY", help="报告年度（该单位只有一份报告时可省略）")
    parser.add_argument("--report", type=int, metavar="ID",
                        help="报告编号（见 fzdesk list；同一单位同一年度有两份报告时用它指明一份）")


def report_line(r: ReportSummary) -> str:
    """A report as `fzdesk list` and the messages name it: "编号 7：2023年度（第2份，11月25日建）"."""
    return f"编号 {r.id}：{r.year_label}"


def choose_report(store: Store, unit: str | None, year: int | None, report_id: int | None = None
                  ) -> ReportSummary:
    """The one report that --report, or --unit/--year, designate, or a CommandError that says how to narrow it
    down."""
    if report_id is not None:
        found = next((r for r in store.reports() if r.id == report_id), None)
        if found is None:
            raise CommandError(f"找不到编号为 {report_id} 的报告。请用 `fzdesk list` 查看数据中的报告和编号。")
        if (unit and unit not in (found.unit_name, store.unit(found.unit_id).short_name)) or \
                (year is not None and year != found.year):
            raise CommandError(f"编号 {report_id} 是“{found.unit_name}”的{found.year_label}报告，与 --unit/--year "
                               "不符。请只用 --report，或改正 --unit/--year。")
        return found
    units = store.units()
    if unit:
        matching = [u for u in units if unit in (u.name, u.short_name)]
        if not matching:
            names = "、".join(u.name for u in units) or "（无）"
            raise CommandError(f"找不到单位“{unit}”。数据中的单位有：{names}")
        units = matching
    ids = {u.id for u in units}
    reports = [r for r in store.reports() if r.unit_id in ids and (year is None or r.year == year)]
    if not reports:
        raise CommandError("找不到符合条件的报告。请用 `fzdesk list` 查看数据中的报告。")
    if len(reports) > 1:
        listing = "；".join(f"{r.unit_name} {report_line(r)}" for r in reports)
        narrow = "" if unit and year is not None else "用 --unit 和 --year，或"
        raise CommandError(f"符合条件的报告有{len(reports)}份（{listing}），请{narrow}用 --report 编号 指明一份"
                           f"（例如 --report {reports[0].id}）。")
    return reports[0]


def last_year_report(store: Store, summary: ReportSummary) -> Report | None:
    """The unit's report of the year before (of two, the one edited last: Store.report_of_year)."""
    previous = store.report_of_year(summary.unit_id, summary.year - 1)
    return None if previous is None else store.load_report(previous.id)


def fail(exc: CommandError) -> int:
    print(f"错误：{exc}", file=sys.stderr)
    return 2

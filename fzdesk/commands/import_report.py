"""`fzdesk import FILE`: shows what a file holds, asks, then imports it in one transaction.

Questions are read from standard input (y/N). With no input (end of file) every answer is "no", so nothing is
imported. --yes answers "yes" to "import?" and "import it under this other unit?", keeps an fzdesk .docx's
embedded data when its text was edited (--document-text takes the edited text instead), and fills in no figure
found in the prose (--figures all fills in every one). When the unit already has a report of that year,
--existing replace|keep decides (replace copies the whole store aside first, as the window's import does, and
imports nothing if it cannot); without it, --yes stops with a message and changes nothing.
Exit status: 0 imported, 1 cancelled, 2 error.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fzdesk.commands.common import CommandError, fail, open_store
from fzdesk.domain.model import FigureState, Unit
from fzdesk.exchange.apply import ExistingYear, ImportConflict, Situation, apply_import, assess, new_store_situation
from fzdesk.exchange.figure_finder import FigureCandidate
from fzdesk.exchange.importer import IMPORT_ERRORS, ImportPreview, open_import
from fzdesk.paths import data_dir
from fzdesk.storage import backup
from fzdesk.storage.store import DB_NAME, Store

CANCELLED = "已取消，数据未作任何改动。"

#: `fzdesk import --help`'s text: the module's docstring above, for the clerk (it printed the English one).
DESCRIPTION = ("逐项询问的问题从键盘（标准输入）读取回答（y/N）；没有回答（输入已结束）时一律当作“否”，不会导入。"
               "--yes：“是否导入”“是否导入到另一个单位名下”都回答“是”；fzdesk 导出的 .docx 在导出后被修改过时，"
               "采用其中内嵌的完整数据（加 --document-text 则采用修改后的文字）；正文中找到的数字都不填入"
               "（加 --figures all 则全部填入）。该单位已有同一年度的报告时，由 --existing replace（替换，"
               "替换前先备份全部数据）或 --existing keep（两份都保留）决定；不加时，--yes 会停下说明原因，"
               "数据不作改动。退出状态：0 已导入，1 已取消，2 出错。")


def register(sub: Any) -> None:
    parser = sub.add_parser("import", help="导入上一年度的报告（fzdesk 导出的 .docx 或 .json、手写的 .docx 或 .txt）",
                            description=DESCRIPTION)
    parser.add_argument("file", metavar="FILE", help="要导入的文件")
    parser.add_argument("--unit", metavar="NAME", help="导入到数据中的这个单位名下（名称或简称）")
    parser.add_argument("--year", type=int, metavar="YYYY", help="报告年度（文件中认不出年度时填写，或用来更正）")
    parser.add_argument("--yes", action="store_true", help="不逐项询问，直接确认导入")
    parser.add_argument("--existing", choices=[e.value for e in ExistingYear],
                        help="该单位已有同一年度的报告时：replace 替换，keep 两份都保留")
    parser.add_argument("--figures", choices=["ask", "all", "none"], default="ask",
                        help="从正文中找到的数字：ask 逐个询问（默认；与 --yes 同用时为 none），"
                             "all 全部填入，none 都不填")
    parser.add_argument("--document-text", action="store_true",
                        help="fzdesk 导出的文档在导出后被修改过时，采用文档中修改后的文字")
    parser.set_defaults(handler=handle)


class _Cancelled(Exception):
    pass


def _answer() -> str:
    """One line of standard input. An answer typed at a terminal ends its own line; one read from a pipe or
    file is not shown, and end of input is no answer at all: both are followed by a newline (the answer from a
    pipe echoed), so that the next prompt starts on a line of its own."""
    answer = sys.stdin.readline()
    if not answer:
        print()
    elif not sys.stdin.isatty():
        print(answer.strip())
    return answer.strip().lower()


def _ask(question: str, *, yes: bool) -> bool:
    if yes:
        return True
    print(f"{question} [y/N] ", end="", flush=True)
    return _answer() in ("y", "yes", "是", "好")


def _choose_existing(question: str, args: argparse.Namespace) -> ExistingYear:
    if args.existing:
        return ExistingYear(args.existing)
    if args.yes:
        raise CommandError(f"{question}请加上 --existing replace（替换）或 --existing keep（两份都保留）。"
                           "数据未作任何改动。")
    print(f"{question}\n  r = 替换原有报告，k = 两份都保留，其他 = 取消 ：", end="", flush=True)
    answer = _answer()
    if answer in ("r", "replace", "替换"):
        return ExistingYear.REPLACE
    if answer in ("k", "keep", "保留"):
        return ExistingYear.KEEP_BOTH
    raise _Cancelled


def _figures(preview: ImportPreview, args: argparse.Namespace) -> list[FigureCandidate]:
    mode = "none" if args.figures == "ask" and args.yes else args.figures
    if mode != "ask" or not preview.figures:
        return list(preview.figures) if mode == "all" else []
    print("从正文中找到了下面这些数字，逐个确认是否填入数据表：")
    accepted = []
    for c in preview.figures:
        approx = f"（{c.approx.value}）" if c.approx else ""
        print(f"  原文：{c.sentence}")
        if c.note:
            print(f"  注意：{c.note}")
        if _ask(f"  填入“{c.name}” = {c.value}{c.unit}{approx}？", yes=False):
            accepted.append(c)
    return accepted


@dataclass(frozen=True)
class _Decision:
    """The answers to every question: the import goes ahead with these."""

    situation: Situation
    existing: ExistingYear | None
    figures: list[FigureCandidate]


def other_unit_question(preview: ImportPreview, unit: Unit) -> str:
    return (f"这个文件属于另一个单位“{preview.unit.name}”，不是“{unit.name}”。"
            f"确定要把它导入到“{unit.name}”名下吗？")


def _decide(store: Store | None, preview: ImportPreview, args: argparse.Namespace) -> _Decision:
    """Asks what the import needs to know (store None: a new data folder, which holds no unit yet)."""
    units = store.units() if store is not None else []
    unit = None
    if args.unit:
        unit = next((u for u in units if args.unit in (u.name, u.short_name)), None)
        if unit is None:
            names = "、".join(u.name for u in units) or "（无）"
            raise CommandError(f"找不到单位“{args.unit}”。数据中的单位有：{names}")
    situation = assess(store, preview, unit) if store is not None else new_store_situation(preview)
    if situation.other_unit and situation.unit is not None and not _ask(
            other_unit_question(preview, situation.unit), yes=args.yes):
        raise _Cancelled
    existing = _choose_existing(situation.questions[-1], args) if situation.existing else None
    figures = _figures(preview, args)
    for note in situation.notes:  # the unit's 抄送 / 联系人 the file fills in
        print(note)
    target = situation.unit.name if situation.unit else f"新单位“{preview.unit.name or '未命名单位'}”"
    if not _ask(f"导入到{target}名下，{preview.report.year}年度？", yes=args.yes):
        raise _Cancelled
    return _Decision(situation, existing, figures)


def _apply(store: Store, preview: ImportPreview, decision: _Decision) -> int:
    return apply_import(store, preview, unit=decision.situation.unit, existing=decision.existing,
                        other_unit_confirmed=decision.situation.other_unit, figures=decision.figures)


def _back_up_before_replacing(store: Store, decision: _Decision) -> Path | None:
    """--existing replace deletes a report: the whole store is copied aside first, as the window's import does
    (恢复备份 offers the copy as 删除…报告之前的数据; the day's backup may predate the report). The copy, or None
    when nothing is replaced; a CommandError, with nothing imported, when it cannot be made."""
    if decision.existing is not ExistingYear.REPLACE or not decision.situation.existing:
        return None
    try:
        return backup.before_deleting_report(store.conn, store.backup_folder, decision.situation.existing[0].id)
    except (OSError, sqlite3.Error) as exc:
        raise CommandError(f"替换原有的报告之前，没能先备份数据，所以没有导入，数据未作任何改动。原因：{exc}。"
                           "请检查磁盘空间是否已满、U盘是否设了写保护，然后再导入；"
                           "也可以改用 --existing keep（两份都保留）。") from exc


def _import_into_new_store(args: argparse.Namespace, folder: Path, preview: ImportPreview,
                           decision: _Decision) -> int:
    """Creates the store only now that the import is decided; if writing fails, removes what this created
    (the folder too, if it was made now), and only while the store holds nothing."""
    made_folder = not folder.exists()
    made_backups = not (folder / "backups").exists()
    made_lock = not (folder / "fzdesk.lock").exists()
    with open_store(args) as store:
        try:
            return _apply(store, preview, decision)
        except BaseException:
            empty = all(store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] == 0
                        for t in ("units", "reports"))
            if not empty:
                raise
            store.close()
            _remove_new_store(folder, made_folder=made_folder, made_backups=made_backups, made_lock=made_lock)
            raise


def _remove_new_store(folder: Path, *, made_folder: bool, made_backups: bool, made_lock: bool) -> None:
    """Removes an empty store this command just created, and the folders it made for it."""
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal"):
        (folder / name).unlink(missing_ok=True)
    if made_lock:
        (folder / "fzdesk.lock").unlink(missing_ok=True)
    if made_backups:
        shutil.rmtree(folder / "backups", ignore_errors=True)
    if made_folder:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty: nothing but what this command made is removed


def handle(args: argparse.Namespace) -> int:
    try:
        preview = open_import(Path(args.file))
    except IMPORT_ERRORS as exc:
        return fail(CommandError(str(exc)))
    if args.year:
        for p in (preview, preview.document_version):
            if p is not None:
                p.report.year = args.year
    print("\n".join(preview.summary()))
    if not preview.report.year:
        return fail(CommandError("没有认出这份报告是哪一年度的。请加上 --year YYYY 指明年度（例如 --year 2023）"
                                 "后重新导入。数据未作任何改动。"))
    folder = data_dir(args.data)
    try:
        if preview.text_changed and preview.document_version is not None:
            take = args.document_text or (not args.yes and _ask(
                "文档在导出后被修改过。采用文档中修改后的文字（否则采用导出时内嵌的完整数据）？", yes=False))
            if take:
                preview = preview.document_version
                print("将采用文档中修改后的文字。")
        if (folder / DB_NAME).is_file():
            with open_store(args) as store:
                decision = _decide(store, preview, args)
                saved = _back_up_before_replacing(store, decision)
                report_id = _apply(store, preview, decision)
            if saved is not None:
                print(f"替换前的全部数据已备份为 {saved}（打开程序，文件 → 恢复备份… 可以找回）。")
        else:  # a new data folder: nothing is created there unless the import is decided and written
            decision = _decide(None, preview, args)
            report_id = _import_into_new_store(args, folder, preview, decision)
    except _Cancelled:
        print(CANCELLED)
        return 1
    except ImportConflict as exc:
        return fail(CommandError(f"{exc}数据未作任何改动。"))
    except CommandError as exc:
        return fail(exc)
    print(f"已导入：{preview.report.year}年度报告（编号 {report_id}）。")
    print(figures_summary(preview, decision.figures))
    return 0


def figures_summary(preview: ImportPreview, accepted: list[FigureCandidate]) -> str:
    """What went into the figure sheet, and from where: the file's own report data (a file fzdesk wrote carries
    its sheet) and/or the numbers from the prose that the user confirmed one by one."""
    carried = {code for code, f in preview.report.figures.items() if f.state is not FigureState.EMPTY}
    confirmed = {c.code for c in accepted}
    total = len(carried | confirmed)
    if carried and confirmed:
        return (f"数据表：{total}项（{len(carried)}项来自文件中的报告数据，{len(confirmed)}项从正文中确认填入）")
    if carried:
        return f"数据表：{total}项（来自文件中的报告数据）"
    if confirmed:
        return f"数据表：{total}项（从正文中确认填入）"
    if preview.figures:
        return (f"数据表：没有填入数字（正文中找到{len(preview.figures)}个可能的数字，都没有确认填入；"
                "可以在程序的“数据”一步填写）")
    return "数据表：没有填入数字（文件中没有数据表中的数字；可以在程序的“数据”一步填写）"

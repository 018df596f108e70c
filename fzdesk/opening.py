"""Opening the data folder for the window, before Qt is loaded.

`fzdesk.cli` opens the store while the Qt libraries are still being loaded on another core (`fzdesk.warmup`):
the ~3 ms of SQLite work then no longer wait in line behind the window's build. Nothing here needs Qt; a folder
that cannot be opened gives a Refusal, which `fzdesk.app` shows in a message box once Qt is up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fzdesk.domain.model import Report, Unit
from fzdesk.paths import data_dir
from fzdesk.storage.lock import StoreLocked
from fzdesk.storage.migrations import NewerSchemaError
from fzdesk.storage.store import DB_NAME, Store

#: The setting that names the report the window opens first: the one open when the program was last used.
LAST_REPORT_SETTING = "last_report"


class Refusal:
    """Why the window cannot open the data folder: a message box's title and text."""

    __slots__ = ("text", "title")

    def __init__(self, title: str, text: str) -> None:
        self.title = title
        self.text = text

    def __repr__(self) -> str:
        return f"Refusal({self.title!r})"


class FirstReport:
    """The report the window opens first and its unit, read while the Qt libraries load (fzdesk.cli)."""

    __slots__ = ("report", "unit")

    def __init__(self, report: Report, unit: Unit) -> None:
        self.report = report
        self.unit = unit


def first_report(store: Store, wanted: object = None) -> FirstReport | None:
    """The report the window opens: wanted if the store has it, else the last one opened, else the first listed;
    None in a store without one."""
    summaries = store.reports()
    last = wanted if wanted is not None else store.setting(LAST_REPORT_SETTING)
    chosen = next((s for s in summaries if s.id == last), None) or (summaries[0] if summaries else None)
    if chosen is None:
        return None
    report = store.load_report(chosen.id)
    assert report.unit_id is not None
    return FirstReport(report, store.unit(report.unit_id))


def open_with_first_report(folder_arg: str | None) -> tuple[Store | Refusal, FirstReport | None]:
    """open_for_window, and the report the window opens first read from the store; a store whose report cannot
    be read is closed again and refused as open_for_window refuses one."""
    opened = open_for_window(folder_arg)
    if not isinstance(opened, Store):
        return opened, None
    try:
        first = first_report(opened)
    except sqlite3.DatabaseError as exc:
        opened.close()
        return _refusal(opened.folder, exc), None
    if first is not None:
        _ready_for_the_steps(first)
    return opened, first


def _ready_for_the_steps(first: FirstReport) -> None:
    """What the step list's states read besides the report, read now and kept (resources caches them): the
    outline's opening (开头's state) and the catalogue's indicator codes (数据's count); with the domain modules the
    window's own imports would load after Qt."""
    import fzdesk.domain.naming
    import fzdesk.domain.outline_text
    import fzdesk.domain.progress
    import fzdesk.export.record_key  # noqa: F401
    from fzdesk import resources
    from fzdesk.domain.model import UnitType

    resources.outline_opening(UnitType(first.unit.unit_type))
    resources.indicator_codes(first.report.catalogue_version)


def open_for_window(folder_arg: str | None) -> Store | Refusal:
    """The store of the window's data folder, or why it cannot be opened (nothing in the folder is changed)."""
    folder = data_dir(folder_arg)
    if not (folder / DB_NAME).exists():  # (one stat) a move cut short by a power cut: put the folders back first
        from fzdesk.datamove import finish_interrupted_move

        try:
            finish_interrupted_move(folder)
        except OSError as exc:
            return Refusal("无法打开数据文件夹",
                           f"上次移动数据时被中断（例如断电），没能把数据文件夹改回原样：{exc}\n\n"
                           f"数据没有丢失：请关闭本程序，在“{folder.parent}”中找到名字带“-moved-”的文件夹，"
                           f"把它改名为“{folder.name}”后再打开本程序。")
    try:
        return Store.open(folder, daily_backup=False)  # the day's backup waits for the window's first paint
    except StoreLocked as exc:
        return Refusal("程序已经在运行", str(exc))
    except NewerSchemaError:
        return Refusal("数据来自更新的版本",
                       f"数据文件夹“{folder}”中的数据是由更新版本的 fzdesk 保存的，本版本无法打开。\n"
                       "请安装最新版本后再打开。数据没有被改动。")
    except OSError as exc:  # the lock file or the folder itself: not writable, no room, the stick gone
        return Refusal("无法打开数据文件夹",
                       f"无法打开数据文件夹“{folder}”。\n\n原因：{exc}\n\n"
                       "请检查这个文件夹是否可以写入（U盘是否插好、是否写保护，磁盘是否已满），然后再打开本程序。"
                       "数据没有被改动。")
    except sqlite3.DatabaseError as exc:
        return _refusal(folder, exc)


def _refusal(folder: Path, exc: sqlite3.DatabaseError) -> Refusal:
    if damaged(exc):
        return Refusal("数据文件已损坏", _damaged_text(folder, exc))
    if _storage_trouble(exc):
        return Refusal("无法打开数据文件夹",
                       f"无法打开数据文件夹“{folder}”中的数据。\n\n原因：{exc}\n\n"
                       "请检查这个文件夹是否可以写入（U盘是否写保护、磁盘是否已满），然后再打开本程序。")
    return Refusal("无法打开数据",
                   f"无法打开数据文件夹“{folder}”中的数据（{exc}）。数据没有被改动。\n\n"
                   "请把整个数据文件夹复制一份保存好，再联系技术支持。")


def _damaged_text(folder: Path, exc: sqlite3.DatabaseError) -> str:
    backups = folder / "backups"
    return (f"数据文件“{folder / DB_NAME}”已损坏，无法读取（{exc}）。本程序没有改动它。\n\n"
            f"程序每天会在“{backups}”中自动备份一份数据（文件名带日期）。恢复的办法：关闭本程序；把损坏的 "
            f"{DB_NAME} 改名保存（例如改为 fzdesk-损坏.sqlite），旁边如有 {DB_NAME}-wal 和 {DB_NAME}-shm 两个文件，"
            f"也一并改名或移走；再把日期最近的备份文件复制到“{folder}”并改名为 {DB_NAME}，然后重新打开本程序。\n\n"
            "如果没有备份文件，请把整个数据文件夹复制一份保存好，再联系技术支持。")


def _storage_trouble(exc: sqlite3.DatabaseError) -> bool:
    """Whether the folder or disk (write protection, no room, I/O) kept SQLite from opening the file."""
    message = str(exc).lower()
    return any(words in message for words in ("readonly", "read-only", "unable to open", "disk i/o", "disk is full"))


def damaged(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite found the file itself unreadable (not a database, or its pages broken)."""
    message = str(exc).lower()
    return "not a database" in message or "malformed" in message

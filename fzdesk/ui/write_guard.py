"""A structural write (add, delete or move an item, reorder the blocks, create or delete a report, the 已核对 tick)
that fails on the disk: the clerk is told in Chinese what was not done, that the data were not changed by it, and
what to do; the caller leaves its model and widgets as they were.

Edits of text go through the Autosaver, which keeps a failed write and retries it (保存失败). A structural write is
one click, written at once in one transaction (Store.transaction: all of it or nothing), so there is nothing to keep:
it is refused with a message and the clerk clicks again once the disk has room. A write that fails for any other
reason is a bug: it goes on to the window's unexpected-error box (fzdesk.ui.error_dialog), which logs it.

Settings (text size, last report, a pane shown) are remembered with `remember`: a failure there costs nothing
today, so it is said in the status bar, not in a box. Loaded with the first structural write, not at start-up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from fzdesk.storage.store import DataGone, Store
from fzdesk.storage.trouble import write_trouble

WHAT_TO_DO = "请先检查磁盘空间是否已满、U盘是否插好、是否设了写保护，然后再试一次。"


def message(failed: str, exc: BaseException) -> str:
    """failed: what was not done (没能添加条目)."""
    return (f"{failed}：这一步没有做，数据没有因此改动。\n\n{WHAT_TO_DO}\n\n原因：{write_trouble(exc)}")


def attempt(parent: QWidget | None, failed: str, write: Callable[[], object]) -> bool:
    """Runs write; True if it was written. If the disk refused it (sqlite3.Error, OSError): says so over parent
    and returns False. The data file gone (DataGone) goes to the window's question about saving the data back."""
    try:
        write()
    except (sqlite3.Error, OSError) as exc:
        say_not_written(parent, failed, exc)
        return False
    return True


def say_not_written(parent: QWidget | None, failed: str, exc: BaseException) -> None:
    window = parent.window() if parent is not None else None
    if isinstance(exc, DataGone) and window is not None and _offers_save_back(window):
        from fzdesk.ui.data_gone import offer_save_back
        from fzdesk.ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        offer_save_back(window, exc)
        window.statusBar().showMessage(f"{failed}：这一步没有做。数据保存好以后，请再做一次。", 0)
        return
    QMessageBox.critical(parent, failed, message(failed, exc))


def _offers_save_back(window: QWidget) -> bool:
    from fzdesk.ui.main_window import MainWindow  # (loaded already: the window is up)

    return isinstance(window, MainWindow) and window.isVisible()


def remember(parent: QWidget, store: Store, key: str, value: Any) -> None:
    """Stores a setting; a failed write is said in the window's status bar (the setting works until the program
    closes, only it is not kept for next time: not worth interrupting the clerk with a box)."""
    try:
        store.set_setting(key, value)
    except (sqlite3.Error, OSError) as exc:
        setting_not_kept(parent, exc)


def setting_not_kept(parent: QWidget, exc: BaseException) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(f"这项设置没能保存，下次打开程序时不会保留。原因：{write_trouble(exc)}", 10000)

"""The data of this PC while the program runs from a stick: said once in the status bar (kept light: this
module is loaded after the first paint, without the move code)."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

from fzdesk.paths import pc_data_folder

if TYPE_CHECKING:
    from pathlib import Path

    from fzdesk.ui.main_window import MainWindow

#: Set in the stick's store once the notice was shown, so that it is shown only once.
NOTICE_SETTING = "notice.pc_data"
BRING_ENTRY = "文件 → 从本机复制数据…"


def pc_data_to_bring(window: MainWindow) -> Path | None:
    """This PC's per-user data folder when the stick's data folder is in use and still holds nothing."""
    folder = pc_data_folder(window.data_location)
    store = window.session.store
    if folder is None or store.units() or store.reports():
        return None
    return folder


def announce_pc_data(window: MainWindow) -> bool:
    """Once per stick: tells in the status bar that this PC holds fzdesk data and how to bring them."""
    store = window.session.store
    folder = pc_data_to_bring(window)
    if folder is None or store.setting(NOTICE_SETTING):
        return False
    window.statusBar().showMessage(f"这台电脑上已有 fzdesk 数据（{folder}）。U盘上的数据还是空的；"
                                   f"要在U盘上接着写，请用“{BRING_ENTRY}”把它们复制过来。", 0)
    # not kept (a full or write-protected stick): the notice shows again next time, and says no more now
    with contextlib.suppress(sqlite3.Error, OSError):
        store.set_setting(NOTICE_SETTING, True)
    return True

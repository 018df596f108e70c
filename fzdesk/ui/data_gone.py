"""The data file vanished while the program runs (the folder deleted or moved, the stick pulled): the window says so
and offers to write all the data it still holds back in place, or into another folder; the kept edits follow.
Loaded only when it happens."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from fzdesk.paths import location_of
from fzdesk.storage.store import DataGone
from fzdesk.storage.trouble import write_trouble
from fzdesk.ui.ask import Role, ask

if TYPE_CHECKING:
    from fzdesk.ui.main_window import MainWindow

TITLE = "数据文件不见了"
BACK = "重新保存到原来的位置(&B)"
ELSEWHERE = "保存到其他文件夹(&S)…"
LATER = "稍后重试(&L)"
#: Where the data go inside a chosen folder that holds other files.
NEW_FOLDER = "fzdesk-data"


def _plain(label: str) -> str:
    """A button's text as the clerk reads it in the question: 稍后重试, not 稍后重试(&L)."""
    return label.split("(&")[0] + label.rsplit(")", 1)[1]


def offer_save_back(window: MainWindow, error: DataGone) -> bool:
    """Asks what to do until the data are saved somewhere or the clerk chooses 稍后重试 (the autosave retries
    then: the stick plugged in again is written to); True once the data and the kept edits are saved."""
    store = window.session.store
    answers = [(ELSEWHERE, Role.ActionRole), (LATER, Role.RejectRole)]
    ways = [f"· U盘被拔出：请把U盘插回去，再点“{_plain(LATER)}”，程序每隔几秒会自动重试。",
            f"· 也可以点“{_plain(ELSEWHERE)}”，把全部数据保存到另选的文件夹，以后在那里接着保存。"]
    if not error.replaced:  # (a file put in its place is never written over)
        answers.insert(0, (BACK, Role.AcceptRole))
        ways.insert(1, f"· 数据文件夹被误删或移走：点“{_plain(BACK)}”，在“{store.folder}”重新建立全部数据。")
    while True:
        answer = ask(window, QMessageBox.Icon.Critical, TITLE,
                     f"{error.headline}。\n\n刚才的修改都还在程序里，但还没有保存到磁盘；保存上之前请不要关闭程序。\n\n"
                     + "\n".join(ways), answers, default=0)
        label = answers[answer][0] if answer is not None else LATER
        if label == LATER:
            return False
        target = store.folder if label == BACK else _choose_folder(window)
        if target is None:
            continue
        try:
            store.save_to(target)
        except (OSError, sqlite3.Error) as exc:
            QMessageBox.critical(window, "没能保存", f"数据没能保存到“{target}”。\n\n原因：{write_trouble(exc)}")
            continue
        window.saver.flush()
        if label == ELSEWHERE:
            window.show_data_location(location_of(target))
            QMessageBox.information(
                window, "数据已保存",
                f"全部数据已保存到“{target}”，程序接着在那里保存。\n\n"
                f"下次启动时程序仍到原来的位置（“{error.path.parent}”）找数据：关闭程序后，"
                f"请把“{target}”里的文件复制回原来的数据文件夹（U盘插回后）。")
        window.statusBar().showMessage(f"数据已保存到“{target}”。", 0)
        return True


def _choose_folder(window: MainWindow) -> Path | None:
    from fzdesk.ui.file_dialogs import chosen, file_dialog

    picked = chosen(file_dialog(window, "选择保存数据的文件夹", str(Path.home()), folders_only=True))
    if not picked:
        return None
    folder = Path(picked)
    try:
        crowded = any(folder.iterdir())
    except OSError:
        crowded = False  # (save_to says what is wrong with it)
    return folder / NEW_FOLDER if crowded else folder  # (the data are not mixed with the Desktop's files)

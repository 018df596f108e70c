"""The last resort for a Python error nobody expected (a bug): shown to the clerk in Chinese and written to a log
file beside the data, instead of only printed on a console that the windowed Windows program does not have.

PySide prints an exception raised in a slot or an overridden Qt method with PyErr_Print, which calls sys.excepthook;
the hook that `fzdesk.app.catch_unexpected` puts there keeps the previous behaviour (the traceback on stderr) and
calls `report`, which appends the traceback to fzdesk-errors.log in the data folder and tells the clerk what
happened and what to do. One box at a time: an error repeating on every paint while the box is open adds lines to
the log, not boxes. This module loads with the first error, not at start-up.
"""

from __future__ import annotations

import datetime
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

LOG_NAME = "fzdesk-errors.log"
TITLE = "程序出错"


def report(window: QWidget, folder: Path, kind: type[BaseException], value: BaseException,
           tb: TracebackType | None) -> None:
    """Logs the error in folder and, unless a box about an earlier one is still open, shows one over window."""
    global _showing
    logged = write_log(folder, kind, value, tb)
    if _showing:
        return
    _showing = True
    try:
        show(window, value, logged)
    finally:
        _showing = False


_showing = False


def write_log(folder: Path, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> Path | None:
    """Appends the moment, the version and the traceback to the log; the log's path, or None if it could not be
    written (a full disk or a pulled stick may be what went wrong)."""
    import fzdesk

    path = folder / LOG_NAME
    text = "".join(traceback.format_exception(kind, value, tb))
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"{stamp}  fzdesk {fzdesk.__version__}\n{text}\n")
    except OSError:
        return None
    return path


def message(value: BaseException, logged: Path | None) -> str:
    """What the clerk reads: that it is the program's fault, what became of the data, what to do."""
    where = (f"错误的详细记录已写入：{logged}\n请把这个文件交给技术支持人员。" if logged is not None else
             "错误记录没能写入数据文件夹（磁盘可能已满，或U盘被拔出）；请点“显示详情”，把出现的文字抄给技术支持人员。")
    return ("程序出了一个意外的错误。这是程序本身的问题，不是您操作不当。\n\n"
            "刚才这一步可能没有做完；之前已经保存的内容不受影响，右下角显示“已保存”的修改都在。"
            "建议先看一眼刚才改的地方是否还在，必要时重做这一步；如果再次出错，请关闭程序后重新打开。\n\n"
            f"{where}\n\n错误：{type(value).__name__}：{value}")


def show(window: QWidget, value: BaseException, logged: Path | None) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, TITLE, message(value, logged), QMessageBox.StandardButton.Ok,
                      window if window.isVisible() else None)
    box.setDetailedText("".join(traceback.format_exception(type(value), value, value.__traceback__)))
    box.exec()

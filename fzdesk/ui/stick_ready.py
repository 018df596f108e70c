"""The program run from a USB stick: what it needs when that stick is pulled is loaded while the stick is there.

The bundle's Python modules and resources are read from the stick as they are first used (start-up stays light
that way). When the stick is pulled while the clerk types, the save fails with DataGone and the window must say
so and offer 重新保存/保存到其他文件夹/稍后重试; before this, that code was loaded only then, from the pulled
stick: the import failed, nothing was said, the retries never started and the status bar still read 已保存.
"""

from __future__ import annotations

import importlib

from fzdesk import portable

#: The modules the save-failure and data-gone paths import on first use (autosave, main_window, data_gone).
NEEDED_WHEN_PULLED = (
    "fzdesk.storage.trouble",
    "fzdesk.ui.ask",
    "fzdesk.ui.data_gone",
    "fzdesk.ui.file_dialogs",
    "fzdesk.ui.qt_texts",
    "fzdesk.export.drives",
)


def runs_from_stick() -> bool:
    """True for the frozen program started from a removable drive."""
    exe = portable.executable_dir()
    return exe is not None and portable.is_removable(exe)


def load_while_the_stick_is_there() -> None:
    """Loads NEEDED_WHEN_PULLED and the Chinese texts of Qt's file dialog (read from resources/ on the stick)
    when the program runs from a stick; nothing otherwise."""
    if not runs_from_stick():
        return
    for name in NEEDED_WHEN_PULLED:
        importlib.import_module(name)
    from fzdesk.ui.qt_texts import complete_qt_translation

    complete_qt_translation()

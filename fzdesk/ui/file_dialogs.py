"""The program's file dialogs (last year's file to import, the folder to export into), made alike.

On Windows and on desktops with a dialog of their own, that dialog is shown. Qt's own dialog (other Linux
desktops) is completed in Chinese (ui.qt_texts) and opened big enough to read: Qt opens it at ~620 x 420 px, where
the file names are cut and the size, type and date columns read "7.…iB", "纯…档", "26 11 ··· 01:01".
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget

from fzdesk.ui import style
from fzdesk.ui.qt_texts import complete_qt_translation

ROOMY = (900, 560)  # px, at most 90% of the screen
FITTED_COLUMNS = (1, 2, 3)  # Qt's detail view: name, size, type, date modified


def file_dialog(parent: QWidget | None, title: str, folder: str, filters: str = "", *,
                folders_only: bool = False) -> QFileDialog:
    """A dialog choosing one existing file (filters: Qt's "name (*.ext);;..."), or a folder."""
    complete_qt_translation()
    dialog = QFileDialog(parent, title, folder, filters)
    if folders_only:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    style.resize_within_screen(dialog, *ROOMY)
    _add_sticks_to_sidebar(dialog)
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:  # Qt's own dialog: sizes, types and dates as wide as they are written
        for column in FITTED_COLUMNS:
            view.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def _add_sticks_to_sidebar(dialog: QFileDialog) -> None:
    """Qt's own dialog lists only 计算机 and the home folder on its left: the USB sticks plugged in are added,
    one click away (the last year's report and the export's folder are often on one)."""
    from fzdesk.export.drives import removable_drives

    urls = dialog.sidebarUrls()
    for drive in removable_drives():
        url = QUrl.fromLocalFile(str(drive.path))
        if url not in urls:
            urls.append(url)
    dialog.setSidebarUrls(urls)


def stick_folder() -> str:
    """The folder holding the program's folder when the program runs from a USB stick, where clerks keep last
    year's report and the received ones beside it ("" otherwise): a dialog opened in the PC's 文档 folder is far
    from the stick."""
    from fzdesk import portable

    exe = portable.executable_dir()
    return str(exe.parent) if exe is not None and portable.is_removable(exe) else ""


def chosen(dialog: QFileDialog) -> str | None:
    """Shows the dialog; the file or folder chosen, or None when the clerk cancelled."""
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]

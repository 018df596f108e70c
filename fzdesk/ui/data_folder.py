"""文件 → 打开数据文件夹, 移动数据… and 从本机复制数据…: the data folder in use, moving it between the stick and
this PC, and copying this PC's data onto a stick whose data folder is new."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fzdesk.datamove import (
    MoveError,
    MovePlan,
    MoveResult,
    TargetState,
    copy_data_folder,
    folder_size,
    megabytes,
    move_data_folder,
    move_target,
    plan_move,
)
from fzdesk.paths import DB_NAME, DataLocation, DataSource, pc_data_folder
from fzdesk.storage.lock import StoreLocked
from fzdesk.storage.store import Store
from fzdesk.ui import style
from fzdesk.ui.ask import CANCEL
from fzdesk.ui.dialog_body import ScrollingBody

if TYPE_CHECKING:
    from fzdesk.ui.main_window import MainWindow

MOVE_TITLE = "移动数据"
PINNED = {
    DataSource.OPTION: "现在使用的数据文件夹“{folder}”是启动程序时用 --data 参数指定的。程序每次启动都按这个参数"
                       "找数据，移走后下次就找不到了，所以不能在这里移动。\n\n如需换位置：关闭程序，把整个文件夹"
                       "复制到新位置，再把启动方式（快捷方式）中的 --data 改成新位置。",
    DataSource.ENVIRONMENT: "现在使用的数据文件夹“{folder}”是由环境变量 FZDESK_DATA 指定的。程序每次启动都按这个"
                            "变量找数据，移走后下次就找不到了，所以不能在这里移动。\n\n如需换位置：关闭程序，把整个"
                            "文件夹复制到新位置，再把环境变量 FZDESK_DATA 改成新位置。",
}
NOT_A_BUNDLE = ("只有使用打包好的程序文件夹（例如放在U盘上的 fzdesk 文件夹）时，才能把数据移到程序旁边。"
                "现在的程序是从 Python 环境中运行的，数据保存在本机用户文件夹“{folder}”中。")


def _open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def open_data_folder(window: MainWindow) -> bool:
    """Shows the data folder in the file manager (or says where it is if none can be started)."""
    folder = window.session.store.folder
    if _open_url(QUrl.fromLocalFile(str(folder))):
        return True
    QMessageBox.information(window, "打开数据文件夹",
                            f"没能启动文件管理器。数据文件夹在：\n\n{folder}\n\n可以在文件管理器的地址栏中输入这个位置打开。")
    return False


def target_location(current: DataLocation) -> DataLocation | None:
    """Where 移动数据 would put the data (portable <-> per-user), as a location the window can show."""
    path = move_target(current)
    if path is None:
        return None
    source = DataSource.USER if current.source is DataSource.PORTABLE else DataSource.PORTABLE
    return DataLocation(path, source)


def _after_text(to: DataLocation) -> str:
    if to.source is DataSource.PORTABLE:
        where = "U盘上" if to.place == "U盘" else "程序旁的文件夹中"
        return (f"以后从这个程序文件夹启动，都会使用{where}的数据；把整个程序文件夹带到别的电脑上，"
                "也能接着写。")
    return ("以后在这台电脑上用装在本机的程序，会使用这台电脑上的数据；带着程序到别的电脑上将看不到这些数据。"
            "再从U盘启动时，U盘上会新建一个空的数据文件夹，并提示这台电脑上有数据（可用“文件 → 从本机复制数据…”"
            "复制过去）。")


class MoveDataDialog(QDialog):
    """Says in plain words where the data go and what follows; asks before replacing data already there."""

    def __init__(self, plan: MovePlan, current: DataLocation, to: DataLocation, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(MOVE_TITLE)
        self.plan = plan
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.heading = QLabel(f"把数据从{current.place}移到{to.place}")
        self.heading.setWordWrap(True)
        style.strong(self.heading)  # (a size fixed here stayed at 14 pt when the dialog's text grew)
        layout.addWidget(self.heading)
        body = QVBoxLayout()
        body.setSpacing(12)
        self.details = QLabel(
            f"现在的位置：{plan.source}\n"
            f"移到：{plan.target}\n"
            f"数据约 {megabytes(plan.size)}，目标位置可用 {megabytes(plan.free)}。")
        self.details.setWordWrap(True)
        body.addWidget(self.details)
        careful = "请不要拔出U盘，也不要关机" if "U盘" in (current.place, to.place) else "请不要关机"
        self.after = QLabel(
            "移动之后：\n"
            f"· {_after_text(to)}\n"
            f"· 原来的文件夹会改名为“{plan.source.name}-moved-日期时间”留在原处，不会删除；"
            "确认新位置的数据无误后，可以自己删掉它。\n"
            f"· 移动时程序会先保存所有修改；{careful}。")
        self.after.setWordWrap(True)
        body.addWidget(self.after)
        self.replace_box: QCheckBox | None = None
        if plan.target_state is not TargetState.EMPTY:
            warning = QLabel(f"注意：目标位置“{plan.target}”{plan.target_summary}。")
            style.error(warning)
            warning.setWordWrap(True)
            body.addWidget(warning)
            # the details wrap in a label of their own: a checkbox cannot wrap, and its one line made the dialog at
            # least 1552 px wide at the largest text size
            self.replace_box = QCheckBox("用现在的数据替换它(&R)")
            kept = QLabel(f"原有内容改名为“{plan.target.name}-replaced-日期时间”保留，不会删除。")
            kept.setWordWrap(True)
            kept.setContentsMargins(24, 0, 0, 0)
            style.hint(kept)
            body.addWidget(self.replace_box, 0, Qt.AlignmentFlag.AlignLeft)  # as wide as its text: a click hits it
            body.addWidget(kept)
        layout.addWidget(ScrollingBody(body), 1)
        buttons = QDialogButtonBox()
        self.move_button: QPushButton = buttons.addButton("移动(&M)", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.replace_box is not None:
            self.move_button.setEnabled(False)
            self.replace_box.toggled.connect(self.move_button.setEnabled)
            self.replace_box.setFocus()
        else:
            self.move_button.setDefault(True)
            self.move_button.setFocus()
        # (Qt narrowed it to 2/3 of a 1024 px screen without making it taller: "移动之后" and "请不要拔出U盘" were
        # cut off)
        style.fit_dialog(self, 36)

    @property
    def replace(self) -> bool:
        return self.replace_box is not None and self.replace_box.isChecked()


UNSAVED_TITLE = "有修改没能保存"


def unsaved_edits(window: MainWindow, what: str) -> bool:
    """Saves what is pending; if that fails, says that what (移动数据, ...) waits until it works, and returns True:
    the data must not be copied without the edits, nor the store closed under the writes kept for a retry."""
    window.saver.flush()
    if not window.saver.pending:
        return False
    QMessageBox.warning(window, UNSAVED_TITLE,
                        f"最近的修改还没能保存（原因：{window.saver.last_error}）。为免这些修改丢失，现在不能{what}。\n\n"
                        "请先检查磁盘空间，或U盘是否插好、是否设了写保护。程序会自动重试，右下角显示“已保存”以后，"
                        f"再{what}。数据没有改动。")
    return True


def move_data(window: MainWindow) -> MoveResult | None:
    """文件 → 移动数据…: explains, asks, saves, closes the store, moves, reopens the same report and step."""
    current = window.data_location
    if current.source in PINNED:
        QMessageBox.information(window, "不能在这里移动数据", PINNED[current.source].format(folder=current.path))
        return None
    to = target_location(current)
    if to is None:
        QMessageBox.information(window, "不能在这里移动数据", NOT_A_BUNDLE.format(folder=current.path))
        return None
    if unsaved_edits(window, "移动数据"):
        return None
    try:
        plan = plan_move(current.path, to.path)
    except MoveError as exc:
        QMessageBox.warning(window, "无法移动数据", f"{exc}\n\n数据仍在原处“{current.path}”，可以继续使用。")
        return None
    dialog = MoveDataDialog(plan, current, to, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return _move(window, plan, current, to, dialog.replace)


def _move(window: MainWindow, plan: MovePlan, current: DataLocation, to: DataLocation, replace: bool
          ) -> MoveResult | None:
    session = window.session
    report_id = session.report.id if session.report is not None else None
    unit_id = session.unit.id if session.unit is not None else None
    if unsaved_edits(window, "移动数据"):  # (an edit made while the dialog was open)
        return None
    window.checks.runner.wait()
    session.store.close()  # and its lock: the move takes the folder's lock itself
    result: MoveResult | None = None
    failure = ""
    try:
        result = move_data_folder(plan.source, plan.target, replace=replace)
    except (MoveError, StoreLocked) as exc:
        failure = str(exc)
    opened = to if result is not None else current
    store: Store | None = None
    if not (opened.path / DB_NAME).is_file():  # never open (and so create) an empty store in the data's place
        detail = failure or f"“{opened.path}”中没有数据文件。"
    else:
        try:
            store = Store.open(opened.path)
        except Exception as exc:  # the stick was pulled out, or the folder is damaged
            where = "数据已移到" if result is not None else "数据仍在"
            detail = f"{where}“{opened.path}”，但现在没能打开它：{exc}"
    if store is None:  # nothing may be written now: the window closes
        QMessageBox.critical(window, "无法打开数据", f"{detail}\n\n请关闭程序，按上面的说明处理后再启动。")
        window.close()
        return None
    _reopen(window, store, opened, report_id, unit_id)
    if result is None:
        QMessageBox.warning(window, "数据没有移动", f"{failure}\n\n数据仍在原处“{current.path}”，可以继续使用。")
        return None
    text = f"数据已移到{to.place}：{result.target}\n\n原来的文件夹已改名保留为：{result.kept}\n确认无误后可以删掉它。"
    if result.replaced is not None:
        text += f"\n\n目标位置原有的内容已改名保留为：{result.replaced}"
    QMessageBox.information(window, "数据已移动", text)
    window.statusBar().showMessage(f"数据已移到{to.place}。", 8000)
    return result


def _reopen(window: MainWindow, store: Store, location: DataLocation, report_id: int | None,
            unit_id: int | None) -> None:
    """Puts the window on store, showing the same report and step (or the same unit) as before."""
    window.session.store = store
    app = QApplication.instance()
    if app is not None:  # app.run_gui closes the store it opened; this one is closed when the program ends
        app.aboutToQuit.connect(store.close)
    window.show_data_location(location)
    runner = window.checks.runner
    runner.store = store
    runner.reload_dictionaries()  # the unit's wording and rule files live in the data folder
    if report_id is not None:
        window.open_report(report_id)
    elif unit_id is not None:
        window.open_unit(store.unit(unit_id))
    else:
        window.open_unit(None)


BRING_TITLE = "从本机复制数据"


def bring_pc_data(window: MainWindow) -> Path | None:
    """文件 → 从本机复制数据…: on a stick whose data folder holds nothing yet, copies this PC's per-user data
    there (verified; this PC's folder is left as it is) and opens them. Returns the stick's data folder."""
    from fzdesk.ui.pc_data import pc_data_to_bring

    current = window.data_location
    source = pc_data_folder(current)
    if source is None:
        QMessageBox.information(window, BRING_TITLE, "只有从U盘（或程序旁的 fzdesk-data 文件夹）启动程序、而这台电脑的"
                                "用户文件夹中有 fzdesk 数据时，才需要把本机的数据复制过来。现在没有这种情况。")
        return None
    if pc_data_to_bring(window) is None:
        QMessageBox.information(window, BRING_TITLE, f"{current.place}上已经有单位或报告了，为免两份数据混在一起，"
                                f"不能再把本机的数据复制过来。\n\n本机的数据在“{source}”，没有改动。")
        return None
    answer = QMessageBox.question(
        window, BRING_TITLE,
        f"把这台电脑上的 fzdesk 数据（约 {megabytes(folder_size(source))}）复制到{current.place}上吗？\n\n"
        f"从：{source}\n到：{current.path}\n\n本机的数据原样保留，不会改动；以后从{current.place}启动，"
        f"使用的是{current.place}上的这一份。{current.place}上现在的空数据文件夹会改名保留。",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes or unsaved_edits(window, "复制数据"):
        return None
    window.checks.runner.wait()
    window.session.store.close()
    failure = ""
    try:
        copy_data_folder(source, current.path)
    except (MoveError, StoreLocked) as exc:
        failure = str(exc)
    try:
        store = Store.open(current.path)
    except Exception as exc:  # the stick was pulled out
        QMessageBox.critical(window, "无法打开数据",
                             f"没能打开“{current.path}”：{exc}\n\n请关闭程序，插好U盘后再启动。")
        window.close()
        return None
    _reopen(window, store, current, None, None)
    window._open_initial()
    if failure:
        QMessageBox.warning(window, BRING_TITLE, f"{failure}\n\n本机的数据没有改动。")
        return None
    window.statusBar().showMessage(f"已把本机的数据复制到{current.place}。", 10000)
    return current.path

"""Small dialogs of the window: 新建单位, 新建年度报告 and 恢复备份."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fzdesk.domain.model import UnitType
from fzdesk.storage.backup_list import restorable
from fzdesk.ui import style
from fzdesk.ui.ask import name_keys
from fzdesk.ui.dialog_body import ScrollingBody

OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel

if TYPE_CHECKING:
    from fzdesk.exchange.importer import ImportPreview


def default_year(today: dt.date | None = None) -> int:
    """Reports are written from December of the year to March of the next: before November, last year."""
    today = today or dt.date.today()
    return today.year if today.month >= 11 else today.year - 1


class NewUnitDialog(QDialog):
    """Asks for the new unit's full name and type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建单位")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(placeholderText="例如：××镇人民政府")
        self.unit_type = QComboBox()
        for t in UnitType:
            self.unit_type.addItem(t.value, t)
        form.addRow("单位全称(&N)", self.name)
        form.addRow("单位类型(&T)", self.unit_type)
        layout.addLayout(form)
        more = QLabel("其他信息（发文机关、主送机关等）可以在“单位信息”一步中填写。")
        more.setWordWrap(True)  # (unwrapped, it made the dialog at least 1169 px wide at the largest text size)
        layout.addWidget(more)
        buttons = name_keys(QDialogButtonBox(OK_CANCEL))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        style.fit_dialog(self, 32)

    def accept(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(self, "请填写单位全称", "单位全称不能为空。请填写单位全称，例如“××镇人民政府”。")
            self.name.setFocus()
            return
        super().accept()

    @property
    def values(self) -> tuple[str, UnitType]:
        return self.name.text().strip(), UnitType(self.unit_type.currentData())


class Start(StrEnum):
    """Where a new year's report starts from."""

    EMPTY = "empty"  # the unit type's outline, no text
    LAST_YEAR = "last_year"  # last year's report in the store (new_year.next_year_report)
    FILE = "file"  # a file of last year's report, imported first


class NewReportDialog(QDialog):
    """Asks for the year and the starting point of a new report; refuses a year the unit already has.

    For Start.FILE the file is chosen and read here (a file that cannot be imported is refused with its
    reason and the dialog stays open); after Accepted, .preview holds what it found.
    """

    def __init__(self, unit_name: str, taken: set[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taken = taken
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.setWindowTitle("新建年度报告")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.year = QSpinBox(minimum=2000, maximum=2100)
        year = default_year()
        while year in taken:
            year += 1
        self.year.setValue(year)
        form.addRow("单位", QLabel(unit_name))
        form.addRow("报告年度(&Y)", self.year)
        layout.addLayout(form)
        box = QGroupBox("从哪里开始")
        v = QVBoxLayout(box)
        self.empty = QRadioButton("空白报告(&K)")
        self.empty_note = self._note("按单位类型的提纲生成各部分标题，正文为空。")
        self.last_year = QRadioButton()
        self.copy_text = QCheckBox("把去年的正文也复制过来作为初稿(&D)")
        self.last_note = self._note("")
        self.from_file = QRadioButton("从去年的报告文件开始(&F)")
        self.file_note = self._note(
            "去年的报告还不在本程序里时选这一项：Word 文档（.docx，本程序导出的或手写的都可以）、"
            "本程序的数据文件（.json）或文本文件（.txt）。先导入去年的报告并显示导入的内容，"
            "确认后再以它为基础新建今年的报告。")
        file_row = QHBoxLayout()
        self.file_label = QLabel("（还没有选择文件）")
        style.hint(self.file_label)
        self.choose = QPushButton("选择文件(&B)…")
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose)
        self.group = QButtonGroup(self)
        for b in (self.empty, self.last_year, self.from_file):
            self.group.addButton(b)
        for w in (self.empty, self.empty_note, self.last_year, self.last_note):
            v.addWidget(w)
        v.addWidget(self.copy_text)
        v.addWidget(self.from_file)
        v.addWidget(self.file_note)
        v.addLayout(file_row)
        indented: list[QWidget] = [self.copy_text, self.empty_note, self.last_note, self.file_note]
        for widget in indented:
            widget.setContentsMargins(24, 0, 0, 0)
        file_row.setContentsMargins(24, 0, 0, 0)
        body = QVBoxLayout()
        body.addWidget(box)
        body.addStretch(1)
        layout.addWidget(ScrollingBody(body), 1)
        buttons = name_keys(QDialogButtonBox(OK_CANCEL))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(lambda _v: self._year_changed())
        self.group.buttonToggled.connect(lambda _b, _on: self._choice_changed())
        self.copy_text.toggled.connect(lambda _on: self._last_note())
        self.choose.clicked.connect(self.choose_file)
        self._user_chose = False  # until the user picks a starting point, it follows the year
        self.group.buttonClicked.connect(lambda _b: setattr(self, "_user_chose", True))
        self._year_changed()
        style.fit_dialog(self, 36)

    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        style.hint(label)
        return label

    @property
    def start(self) -> Start:
        if self.from_file.isChecked():
            return Start.FILE
        return Start.LAST_YEAR if self.last_year.isChecked() else Start.EMPTY

    def _year_changed(self) -> None:
        last = self.year.value() - 1
        self.last_year.setText(f"从本程序中的{last}年度报告开始(&L)")
        has_last = last in self.taken
        self.last_year.setEnabled(has_last)
        self._last_note()
        if (not has_last and self.last_year.isChecked()) or not self._user_chose:
            (self.last_year if has_last else self.empty).setChecked(True)
        self._choice_changed()

    def _last_note(self) -> None:
        """What starting from last year's report does, the text included or not (the tick below it)."""
        last = self.year.value() - 1
        if last not in self.taken:
            self.last_note.setText(f"本程序中还没有本单位{last}年度的报告，不能选这一项。"
                                   "可以选下面的“从去年的报告文件开始”。")
            return
        text = ("去年的正文也复制过来作为初稿，每段标为“未更新”，请逐段改成今年的情况。" if self.copy_text.isChecked()
                else "正文留空由您来写。")
        self.last_note.setText(f"沿用{last}年度报告的提纲、各部分标题和条目标题；去年的数字放进数据表的“上年”一列；"
                               f"去年“下一年度安排”中的各项变成今年要逐条对照的落实清单。{text}")

    def _choice_changed(self) -> None:
        self.copy_text.setEnabled(self.last_year.isChecked())
        self.choose.setEnabled(self.from_file.isChecked())

    def choose_file(self) -> None:
        from fzdesk.ui.import_dialog import choose_import_file

        path = choose_import_file(self)
        if path is not None:
            self.path = path
            self.preview = None
            self.file_label.setText(str(path))
            self.file_label.setToolTip(str(path))

    def accept(self) -> None:
        if self.year.value() in self.taken:
            QMessageBox.warning(self, "年度已存在",
                                f"本单位已经有 {self.year.value()} 年度的报告。请换一个年度，"
                                "或在窗口上方的“年度”中切换到已有的报告。")
            return
        if self.start is Start.FILE:
            if self.path is None:
                self.choose_file()
                if self.path is None:
                    return
            from fzdesk.ui.import_dialog import read_import_file

            self.preview = read_import_file(self, self.path)
            if self.preview is None:
                return
        super().accept()


class BackupDialog(QDialog):
    """Lists the daily backups and the copies made before deleting a report or restoring, newest first; the chosen
    one is in .chosen after Accepted."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复备份")
        self.chosen: Path | None = None
        self.backups = restorable(folder)
        self.paths = [b.path for b in self.backups]
        layout = QVBoxLayout(self)
        text = ("程序每天第一次启动时自动备份一次，保留最近14天；删除报告和恢复备份之前也会先备份。选择要恢复到的备份："
                if self.paths else "还没有备份。程序每天第一次启动时会自动备份一次。")
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        self.list.setAccessibleName("可以恢复的备份")
        for b in self.backups:
            self.list.addItem(b.label)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        warn = QLabel("恢复后，当前全部数据会被所选备份替换（当前数据会先另存一份）。")
        warn.setWordWrap(True)
        layout.addWidget(warn)
        buttons = name_keys(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.restore = buttons.addButton("恢复(&R)…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setEnabled(bool(self.paths))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        style.fit_dialog(self, 28, 18)

    def accept(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.paths):
            return
        answer = QMessageBox.question(
            self, "确认恢复",
            f"确定把全部数据恢复到“{self.backups[row].label}”吗？\n"
            "之后写的内容将被替换（恢复前的数据会另存在备份文件夹中）。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.chosen = self.paths[row]
        super().accept()

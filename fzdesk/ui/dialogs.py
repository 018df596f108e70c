"""Small dialogs of the window: 新建单位, 新建年度报告 and 恢复备份."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fzdesk.domain.model import UnitType
from fzdesk.storage.backup import backup_date, backups


def default_year(today: dt.date | None = None) -> int:
    """Reports are written from December of the year to March of the next: before November, last year."""
    today = today or dt.date.today()
    return today.year if today.month >= 11 else today.year - 1


class NewUnitDialog(QDialog):
    """Asks for the new unit's full name and type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建单位")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(placeholderText="例如：××镇人民政府")
        self.unit_type = QComboBox()
        for t in UnitType:
            self.unit_type.addItem(t.value, t)
        form.addRow("单位全称(&N)", self.name)
        form.addRow("单位类型(&T)", self.unit_type)
        layout.addLayout(form)
        layout.addWidget(QLabel("其他信息（发文机关、主送机关等）可以在“单位信息”一步中填写。"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(self, "请填写单位全称", "单位全称不能为空。请填写单位全称，例如“××镇人民政府”。")
            self.name.setFocus()
            return
        super().accept()

    @property
    def values(self) -> tuple[str, UnitType]:
        return self.name.text().strip(), UnitType(self.unit_type.currentData())


class NewReportDialog(QDialog):
    """Asks for the year of a new report; refuses a year the unit already has."""

    def __init__(self, unit_name: str, taken: set[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taken = taken
        self.setWindowTitle("新建年度报告")
        self.setMinimumWidth(440)
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
        layout.addWidget(QLabel("新报告按单位类型的提纲生成各部分标题，正文为空。"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.year.value() in self.taken:
            QMessageBox.warning(self, "年度已存在",
                                f"本单位已经有 {self.year.value()} 年度的报告。请换一个年度，"
                                "或在窗口上方的“年度”中切换到已有的报告。")
            return
        super().accept()


class BackupDialog(QDialog):
    """Lists the daily backups with their dates; the chosen one is in .chosen after Accepted."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复备份")
        self.resize(460, 380)
        self.chosen: Path | None = None
        self.paths = backups(folder)
        layout = QVBoxLayout(self)
        text = ("程序每天第一次启动时自动备份一次，保留最近14天。选择要恢复到的日期："
                if self.paths else "还没有备份。程序每天第一次启动时会自动备份一次。")
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for path in self.paths:
            d = backup_date(path)
            self.list.addItem(f"{d.year}年{d.month}月{d.day}日的备份")
        self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        warn = QLabel("恢复后，当前全部数据会被所选备份替换（当前数据会先另存一份）。")
        warn.setWordWrap(True)
        layout.addWidget(warn)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore = buttons.addButton("恢复(&R)…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setEnabled(bool(self.paths))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.paths):
            return
        d = backup_date(self.paths[row])
        answer = QMessageBox.question(
            self, "确认恢复",
            f"确定把全部数据恢复到 {d.year}年{d.month}月{d.day}日 的备份吗？\n"
            "之后写的内容将被替换（恢复前的数据会另存在备份文件夹中）。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.chosen = self.paths[row]
        super().accept()

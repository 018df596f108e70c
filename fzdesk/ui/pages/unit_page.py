"""Step 单位信息: the unit's profile, entered once and saved while typing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from fzdesk.domain.model import Unit, UnitType
from fzdesk.domain.progress import missing_note, unit_missing
from fzdesk.ui import style
from fzdesk.ui.kept_edits import save_unit, unit_kept, write_unit
from fzdesk.ui.pages.base import Page, Session

NAME_MISSING = "请填写单位全称（例如“××镇人民政府”），填写后才能开始写报告。"


class UnitPage(Page):
    """Edits session.unit; a new unit is created in the store once it has a name."""

    unit_created = Signal(int)
    unit_renamed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.outer.addWidget(self.hint(
            "单位信息只需填写一次，每年的报告都会用到。带 * 的是必填项。"))
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.name = QLineEdit(placeholderText="例如：沈丘县人民政府办公室")
        self.short_name = QLineEdit(placeholderText="例如：县政府办")
        self.unit_type = QComboBox()
        for t in UnitType:
            self.unit_type.addItem(t.value, t)
        self.organ1 = QLineEdit(placeholderText="报告署名的机关，一般与单位全称相同")
        self.organ2 = QLineEdit(placeholderText="党委政府联合报告时填写第二个机关，否则留空")
        self.recipient = QLineEdit(placeholderText="例如：沈丘县人民政府")
        self.cc = QLineEdit(placeholderText="例如：县委依法治县办")
        self.contact = QLineEdit(placeholderText="姓名和电话")
        self.error = QLabel()
        style.error(self.error)
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow("单位全称(&A) *", self.name)
        form.addRow("", self.error)
        form.addRow("简称(&S)", self.short_name)
        form.addRow("单位类型(&Y)", self.unit_type)
        form.addRow("发文机关(&O) *", self.organ1)
        form.addRow("第二发文机关(&2)", self.organ2)
        form.addRow("常用主送机关(&R) *", self.recipient)
        form.addRow("常用抄送(&C)", self.cc)
        form.addRow("联系人(&L)", self.contact)
        # a screen reader says the row's label, and "*" as 星号: the required fields say 必填 in words
        self.name.setAccessibleName("单位全称（必填）")
        self.organ1.setAccessibleName("发文机关（必填）")
        self.recipient.setAccessibleName("常用主送机关（必填）")
        self.outer.addLayout(form)
        self.missing = QLabel()  # what the step still needs, in the page's own words (the step list says only 进行中)
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName("还需填写")
        self.outer.addWidget(self.missing)
        self.outer.addWidget(self.hint(
            "单位类型决定新建年度报告时使用的提纲（各部分的默认标题和编号方式）；"
            "发文机关和主送机关会自动带入新建的报告。"))
        self.outer.addStretch(1)
        self.reload()
        for edit in (self.name, self.short_name, self.organ1, self.organ2, self.recipient, self.cc, self.contact):
            edit.textEdited.connect(self._edited)
        self.unit_type.currentIndexChanged.connect(self._edited)

    def first_focus(self) -> QWidget:
        """The first required field still empty (单位全称, 发文机关, 常用主送机关), else 单位全称."""
        for edit in (self.name, self.organ1, self.recipient):
            if not edit.text().strip():
                return edit
        return self.name

    def reload(self) -> None:
        unit = self.session.unit or Unit(name="")
        self.name.setText(unit.name)
        self.short_name.setText(unit.short_name)
        self.unit_type.blockSignals(True)
        self.unit_type.setCurrentIndex(list(UnitType).index(unit.unit_type))
        self.unit_type.blockSignals(False)
        organs = [*unit.organs, "", ""]
        self.organ1.setText(organs[0])
        self.organ2.setText(organs[1])
        self.recipient.setText(unit.recipient)
        self.cc.setText(unit.cc)
        self.contact.setText(unit.contact)
        self.missing.setText(missing_note(unit_missing(self.session.unit)))

    def _edited(self) -> None:
        unit = self.session.unit
        if unit is None:
            unit = self.session.unit = Unit(name="")
        name = self.name.text().strip()
        self.error.setVisible(not name)
        self.error.setText(NAME_MISSING)
        renamed = bool(name) and name != unit.name
        if name:
            unit.name = name
        unit.short_name = self.short_name.text().strip()
        unit.unit_type = UnitType(self.unit_type.currentData())
        unit.organs = [o for o in (self.organ1.text().strip(), self.organ2.text().strip()) if o]
        unit.recipient = self.recipient.text().strip()
        unit.cc = self.cc.text().strip()
        unit.contact = self.contact.text().strip()
        self.missing.setText(missing_note(unit_missing(unit)))
        self.changed.emit()
        if not unit.name:
            return
        if unit.id is None:  # its row is written at once (or kept for a retry: the unit is then in the window only)
            saver, created = self.session.saver, self.session.unit_written
            if unit_kept(saver, unit):
                save_unit(saver, self.session.store, unit, created)  # (with the retry: not a try at every key)
            elif write_unit(saver, self.session.store, unit, created) and unit.id is not None:
                if created is None:
                    self.unit_created.emit(unit.id)
                return
            if renamed:
                self.unit_renamed.emit()  # the switcher shows the unit kept in the window by the name typed
            return
        save_unit(self.session.saver, self.session.store, unit)
        if renamed:
            self.unit_renamed.emit()

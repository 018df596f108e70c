"""Step 报告信息: year, title, 主送机关, 署名, 成文日期 and the order of the five blocks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.domain.model import Block, derive_title
from fzdesk.domain.outline import fill
from fzdesk.domain.progress import missing_note, report_info_missing
from fzdesk.ui.kept_edits import save_text, write_text
from fzdesk.ui.pages.base import Page, Session, buddy_label, open_history, page_shortcut
from fzdesk.ui.steps import block_name

#: The text size (pt) from which the form's labels stand above their fields.
LARGE_TEXT = 20

#: What clerks type between year, month and day besides 年 and 月: 2025/1/3, 2025.1.3, 2025-1-3, 2025 1 3.
DATE_SEPARATORS = frozenset("/.-\\ \u3000／．－、，,")


class DateEdit(QDateEdit):
    """A date edit that takes the separators clerks type. QDateEdit moves on only at the format's own 年 and 月,
    ignores "/" and then takes the day's digit as the month's second one: "2025/1/3" became 2025年1月15日. And
    with the whole date selected (Ctrl+A) the typed year was dropped: typing now starts again at the year."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        line = self.lineEdit()
        if text.isdigit() and line.hasSelectedText() and line.selectedText() == line.text():
            self.setSelectedSection(self.sectionAt(0))
        elif text in DATE_SEPARATORS and text:
            index = self.currentSectionIndex()
            # a selected part was just reached (Qt moves on by itself once the year or "12" is complete)
            if not line.hasSelectedText() and index + 1 < self.sectionCount():
                self.setCurrentSectionIndex(index + 1)
                self.setSelectedSection(self.currentSection())
            event.accept()
            return
        super().keyPressEvent(event)


class ReportPage(Page):
    """Edits the report-level fields of session.report."""

    order_changed = Signal()
    year_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        form = self.form = QFormLayout()
        form.setVerticalSpacing(12)
        self.year = QSpinBox(minimum=2000, maximum=2100)
        self.year.setKeyboardTracking(False)
        self.year.setSuffix(" 年度")
        self.title = QLineEdit()
        self.title.setPlaceholderText("按发文机关和年度自动生成")
        self.reset_title = QPushButton("恢复默认标题(&D)")
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.reset_title)
        self.title_history = QPushButton("历史…(&3)")
        self.title_history.setToolTip("标题的历史版本")
        title_row.addWidget(self.title_history)
        self.recipient = QLineEdit(placeholderText="例如：沈丘县人民政府（末尾的冒号由程序加上）")
        self.organ1 = QLineEdit(placeholderText="署名的机关")
        self.organ2 = QLineEdit(placeholderText="联合报告时填写第二个署名机关，否则留空")
        self.date = DateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        self.no_date = QCheckBox("暂不填写(&U)")
        self.date_state = QLabel()
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addWidget(self.no_date)
        date_row.addWidget(self.date_state)
        date_row.addStretch(1)
        self.year.setMinimumWidth(150)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        form.addRow(buddy_label("报告年度(&Y)", self.year), year_row)
        form.addRow(buddy_label("标题(&B)", self.title), title_row)
        form.addRow("主送机关(&R)", self.recipient)
        form.addRow("署名机关(&O)", self.organ1)
        form.addRow("第二署名机关(&2)", self.organ2)
        form.addRow(buddy_label("成文日期(&A)", self.date), date_row)
        self.outer.addLayout(form)
        self.missing = QLabel()  # what the step still needs (the step list says only 进行中)
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName("还需填写")
        self.outer.addWidget(self.missing)
        self.outer.addWidget(self.hint(
            "成文日期一般在报告年度的12月中旬到次年3月之间，用阿拉伯数字书写，例如 2024年1月3日。"))

        order_label = QLabel("<b>五个部分的顺序</b>（多数单位把第一责任人部分放在最前面）")
        order_label.setWordWrap(True)  # (unwrapped it made the page 960 px wide at the largest text size)
        self.outer.addWidget(order_label)
        order_row = QHBoxLayout()
        self.order = QListWidget()
        self.order.setMaximumHeight(190)
        self.order.setAccessibleName("五个部分的顺序")
        buttons = QVBoxLayout()
        self.up = QPushButton("上移(&K)")
        page_shortcut(self, self.up, "Alt+Up")
        self.down = QPushButton("下移(&J)")
        page_shortcut(self, self.down, "Alt+Down")
        self.up.setToolTip("把选中的部分上移（Alt+↑）")
        self.down.setToolTip("把选中的部分下移（Alt+↓）")
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        order_row.addWidget(self.order, 1)
        order_row.addLayout(buttons)
        self.outer.addLayout(order_row)
        self.outer.addStretch(1)

        self.reload()
        self.year.valueChanged.connect(self._year_edited)
        self.title.textEdited.connect(self._title_edited)
        self.reset_title.clicked.connect(self._reset_title)
        self.title_history.clicked.connect(self._title_history)
        self.recipient.textEdited.connect(self._recipient_edited)
        self.organ1.textEdited.connect(self._organs_edited)
        self.organ2.textEdited.connect(self._organs_edited)
        self.date.dateChanged.connect(self._date_edited)
        self.no_date.toggled.connect(self._date_edited)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))

    def first_focus(self) -> QWidget:
        return self.year

    def changeEvent(self, event: QEvent) -> None:
        """From 20 pt on (视图 → 放大文字) each label stands above its field: side by side the title's and the
        date's rows made the page ~840 px wide, scrolling sideways in a 1024 x 768 window."""
        if event.type() == QEvent.Type.FontChange:
            large = self.font().pointSize() >= LARGE_TEXT
            self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if large
                                       else QFormLayout.RowWrapPolicy.DontWrapRows)
        super().changeEvent(event)

    @property
    def _report(self):  # type: ignore[no-untyped-def]
        assert self.session.report is not None
        return self.session.report

    def reload(self) -> None:
        r = self._report
        self.year.blockSignals(True)
        self.year.setValue(r.year)
        self.year.blockSignals(False)
        self.title.setText(r.display_title)
        self.recipient.setText(r.recipient)
        organs = [*r.organs, "", ""]
        self.organ1.setText(organs[0])
        self.organ2.setText(organs[1])
        self.date.blockSignals(True)
        self.no_date.blockSignals(True)
        self.date.setDate(QDate(r.date.year, r.date.month, r.date.day) if r.date
                          else QDate(r.year, 12, 15))
        self.no_date.setChecked(r.date is None)
        self.date.setEnabled(r.date is not None)
        self.date_state.setText("（未填写）" if r.date is None else "")
        self.date.blockSignals(False)
        self.no_date.blockSignals(False)
        self._fill_order()
        self._show_missing()

    def _show_missing(self) -> None:
        self.missing.setText(missing_note(report_info_missing(self._report)))

    def _fill_order(self, current: int = 0) -> None:
        self.order.clear()
        for n, section in enumerate(self._report.body_sections, start=1):
            omitted = "（无，不写入报告）" if section.omitted else ""
            self.order.addItem(f"{n}. {block_name(section.block)}：{section.heading}{omitted}")
        self.order.setCurrentRow(current)

    def _save(self, key: str, **fields: object) -> None:
        rid = self._report.id
        assert rid is not None
        save_text(self.session.saver, self.session.store, "report", rid, **fields)
        self._show_missing()
        self.changed.emit()

    def _year_edited(self, year: int) -> None:
        r = self._report
        others = {s.year for s in self.session.store.reports(r.unit_id) if s.id != r.id}
        if year in others:
            QMessageBox.warning(self, "年度重复", f"本单位已经有 {year} 年度的报告，请在窗口上方的“年度”中切换过去。")
            self.year.blockSignals(True)
            self.year.setValue(r.year)
            self.year.blockSignals(False)
            return
        old, r.year = r.year, year
        self._save("year", year=year)
        self.session.saver.flush()
        follow_year(self.session, old, year)
        if not r.title:
            self.title.setText(r.display_title)
        self.year_changed.emit()

    def _title_edited(self, text: str) -> None:
        r = self._report
        text = text.strip()
        r.title = "" if text == derive_title(r.organs, r.year) else text
        self._save("title", title=r.title)

    def _title_history(self) -> None:
        r = self._report
        assert r.id is not None
        value = open_history(self, self.session, "report", "title", "报告标题：历史版本")
        if value is None:
            return
        r.title = value
        write_text(self.session.saver, self.session.store, "report", r.id, title=value)
        self.title.setText(r.display_title)
        self._show_missing()
        self.changed.emit()

    def _reset_title(self) -> None:
        r = self._report
        r.title = ""
        self.title.setText(r.display_title)
        self._save("title", title="")

    def _recipient_edited(self, text: str) -> None:
        r = self._report
        r.recipient = text.strip().rstrip("：:")
        self._save("recipient", recipient=r.recipient)

    def _organs_edited(self) -> None:
        r = self._report
        r.organs = [o for o in (self.organ1.text().strip(), self.organ2.text().strip()) if o]
        self._save("organs", organs=list(r.organs))
        if not r.title:
            self.title.setText(r.display_title)

    def _date_edited(self) -> None:
        r = self._report
        none = self.no_date.isChecked()
        self.date.setEnabled(not none)
        self.date_state.setText("（未填写）" if none else "")
        q = self.date.date()
        r.date = None if none else dt.date(q.year(), q.month(), q.day())
        self._save("date", date=r.date)

    def _move(self, step: int) -> None:
        row = self.order.currentRow()
        body = self._report.body_sections
        target = row + step
        if row < 0 or not 0 <= target < len(body):
            return
        if not move_block(self.session, body[row].block, step, self):
            return  # the disk refused it: the list shows the stored order still
        self._fill_order(target)
        self.order_changed.emit()


def follow_year(session: Session, old: int, new: int) -> None:
    """After the year changed, headings and opening still worded as the outline's default follow the year."""
    report, unit = session.report, session.unit
    if report is None or unit is None:
        return
    outline = resources.outline(unit.unit_type)
    organ = unit.organs[0] if unit.organs else unit.name
    for section in report.body_sections:
        spec = outline.blocks[section.block]
        if section.id is not None and section.heading == fill(spec.heading, old, organ):
            section.heading = fill(spec.heading, new, organ)
            write_text(session.saver, session.store, "section", section.id, heading=section.heading)
    opening = report.section(Block.OPENING)
    item = opening.items[0] if opening and opening.items else None
    if item is not None and item.id is not None and item.text == fill(outline.opening, old, organ):
        item.paragraphs = [fill(outline.opening, new, organ)]
        write_text(session.saver, session.store, "item", item.id, paragraphs=item.paragraphs)


def move_block(session: Session, block: object, step: int, parent: QWidget) -> bool:
    """Moves one of the five blocks up (-1) or down (+1) and stores the order; False at an end, or when the disk
    refused the new order (said over parent; the report's order is then the stored one still)."""
    report = session.report
    assert report is not None and report.id is not None
    body = report.body_sections
    index = next(i for i, s in enumerate(body) if s.block == block)
    target = index + step
    if not 0 <= target < len(body):
        return False
    before = list(report.sections)
    body[index], body[target] = body[target], body[index]
    head = [s for s in report.sections if s.block.value == "opening"]
    tail = [s for s in report.sections if s.block.value == "closing"]
    others = [s for s in report.sections if s not in head and s not in tail and s not in body]
    report.sections = [*head, *body, *others, *tail]
    session.saver.flush()
    from fzdesk.ui.write_guard import attempt  # (loaded on first use: start-up stays fast)

    rid, order = report.id, [s.id for s in report.sections if s.id is not None]
    if not attempt(parent, "没能调整顺序", lambda: session.store.set_section_order(rid, order)):
        report.sections = before
        return False
    return True

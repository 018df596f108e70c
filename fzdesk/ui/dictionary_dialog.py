"""工具 → 本单位用语词典…: for each wording class, what ships (a wrong→right entry or a word of a list can be switched
off for the unit) and the unit's own entries (add, change, remove), each change saved at once in
<data>/wording/user.json and the report checked again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fzdesk.checks.wording_book import CLASSES, Section, ShippedItem, UserItem, WordingBook, WordingClass
from fzdesk.ui import style
from fzdesk.ui.ask import name_keys

KEY_ROLE = Qt.ItemDataRole.UserRole
BROKEN_ADVICE = ("为免丢失其中的内容，这里不会改写它。请用记事本改正这个文件后重新打开本窗口，"
                 "或点下面的按钮把它改名留在原处，重新添加本单位的用语。")


def wrap_list(view: QListWidget) -> None:
    """A longer name wraps onto a second line ("4. 过期文件和旧…" was cut off and the list scrolled sideways)."""
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)


class DictionaryDialog(QDialog):
    """Modeless: the clerk may keep it open beside the 检查 step and watch the findings follow each change."""

    def __init__(self, data_folder: Path, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = WordingBook(data_folder)
        self.changed = changed
        self.setWindowTitle("本单位用语词典")
        self.ensurePolished()  # the text size (style.dialogs_follow), which the class list's width is measured in
        layout = QHBoxLayout(self)
        self.classes = QListWidget()
        self.classes.setAccessibleName("用语类别")
        self._narrow_class_list()
        wrap_list(self.classes)
        for i, cls in enumerate(CLASSES):
            label = cls.name if cls.key == "exceptions" else f"{i + 1}. {cls.name}"
            item = QListWidgetItem(label)
            item.setData(KEY_ROLE, cls.key)
            item.setToolTip(cls.explanation)
            self.classes.addItem(item)
        layout.addWidget(self.classes)
        layout.addLayout(self._right_side(), 1)
        self.classes.currentRowChanged.connect(self._class_chosen)
        self.sections.currentIndexChanged.connect(lambda _: self._show_section())
        self.user.itemSelectionChanged.connect(self._user_chosen)
        self.shipped.itemSelectionChanged.connect(self._shipped_chosen)
        self.shipped.itemChanged.connect(self._shipped_checked)
        self.switch_button.clicked.connect(self.switch)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.aside_button.clicked.connect(self.set_broken_file_aside)
        for edit in (self.first, self.second):
            edit.returnPressed.connect(self.add)
        self.classes.setCurrentRow(0)
        style.fit_dialog(self, 48, 30)

    def _right_side(self) -> QVBoxLayout:
        right = QVBoxLayout()
        self.title = style.strong(QLabel())  # (1.2 x the size at creation stayed 14 pt when the text grew)
        right.addWidget(self.title)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        style.hint(self.explanation)
        right.addWidget(self.explanation)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        style.error(self.problem)
        right.addWidget(self.problem)
        self.aside_button = QPushButton("把损坏的文件改名留存，重新开始(&S)")
        right.addWidget(self.aside_button, 0, Qt.AlignmentFlag.AlignLeft)
        chooser = QFormLayout()
        self.sections = QComboBox()
        self.sections.setAccessibleName("词表")
        self.sections_label = QLabel("词表(&L)：")
        self.sections_label.setBuddy(self.sections)
        chooser.addRow(self.sections_label, self.sections)
        right.addLayout(chooser)
        grid = QGridLayout()
        self.shipped_label = QLabel()
        self.shipped_label.setWordWrap(True)
        grid.addWidget(self.shipped_label, 0, 0)
        self.user_label = QLabel("本单位添加(&U)")
        grid.addWidget(self.user_label, 0, 1)
        self.shipped = QListWidget()
        self.shipped.setAccessibleName("程序自带的词条")
        self.shipped_label.setBuddy(self.shipped)
        self.user = QListWidget()
        self.user.setAccessibleName("本单位添加的词条")
        self.user_label.setBuddy(self.user)
        for entries in (self.shipped, self.user):  # (a long entry scrolled sideways at 28 pt, like the classes)
            wrap_list(entries)
        self.user.installEventFilter(self)
        grid.addWidget(self.shipped, 1, 0)
        grid.addWidget(self.user, 1, 1)
        self.switch_button = QPushButton("停用选中的(&O)")
        self.switch_button.setAutoDefault(False)
        self.switch_button.setToolTip("只对本单位的报告停用这条程序自带的词条；可以随时重新启用。")
        grid.addWidget(self.switch_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        right.addLayout(grid, 1)
        form = QFormLayout()
        self.first = QLineEdit()
        self.second = QLineEdit()
        self.first_label, self.second_label = QLabel(), QLabel("正确写法(&R)：")
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        right.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("添加(&A)")
        self.edit_button = QPushButton("修改选中的(&E)")
        self.remove_button = QPushButton("删除选中的(&D)")
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        right.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        close = name_keys(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        right.addWidget(close)
        return right

    # ----- what is shown -------------------------------------------------------------------------
    @property
    def current_class(self) -> WordingClass:
        return CLASSES[max(self.classes.currentRow(), 0)]

    @property
    def section(self) -> Section:
        return self.current_class.sections[max(self.sections.currentIndex(), 0)]

    def choose(self, class_key: str, section_key: str | None = None) -> None:
        """Opens a class (and one of its lists), as clicking it in the list does."""
        self.classes.setCurrentRow(next(i for i, c in enumerate(CLASSES) if c.key == class_key))
        if section_key is not None:
            self.sections.setCurrentIndex(next(i for i, s in enumerate(self.current_class.sections)
                                               if s.key == section_key))

    def _class_chosen(self, _row: int) -> None:
        cls = self.current_class
        self.title.setText(cls.name)
        self.explanation.setText(cls.explanation)
        self.sections.blockSignals(True)
        self.sections.clear()
        self.sections.addItems([s.title for s in cls.sections])
        self.sections.setCurrentIndex(0)
        self.sections.blockSignals(False)
        several = len(cls.sections) > 1
        self.sections.setVisible(several)
        self.sections_label.setVisible(several)
        self._show_section()

    def _show_section(self) -> None:
        section = self.section
        pairs = section.kind == "pairs"
        self.first_label.setText("错误写法(&W)：" if pairs else "例外词语(&W)：" if section.kind == "exceptions"
                                 else "词语(&W)：")
        self.first.setAccessibleName("错误写法" if pairs else "词语")
        self.second.setAccessibleName("正确写法")
        self.second.setVisible(pairs)
        self.second_label.setVisible(pairs)
        self.first.setPlaceholderText("例如：沈邱县" if pairs else "")
        self.second.setPlaceholderText("例如：沈丘县")
        self.first.clear()
        self.second.clear()
        self.message.clear()
        switchable = pairs or section.kind == "list"
        self.shipped_label.setText("程序自带（打勾的在使用，可为本单位停用）(&P)" if switchable
                                   else "程序自带（不可修改）")
        self.shipped.setFocusPolicy(Qt.FocusPolicy.StrongFocus if switchable else Qt.FocusPolicy.NoFocus)
        self.switch_button.setVisible(switchable)
        self._fill_user()

    def _fill_shipped(self, select: str | None = None) -> None:
        """Wrong→right entries and list words: checkable (checked: in use), a switched-off one greyed and labelled
        已停用. Latin words and exceptions: greyed, cannot be chosen."""
        self.shipped.blockSignals(True)
        self.shipped.clear()
        broken = bool(self.book.problem)
        for entry in self.book.shipped_entries(self.section):
            item = QListWidgetItem(entry.text)
            if entry.switchable:
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags if broken else flags | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Unchecked if entry.off else Qt.CheckState.Checked)
                item.setData(KEY_ROLE, entry)
                if entry.off:
                    item.setForeground(QBrush(QColor("#8a8a8a")))
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # drawn greyed, cannot be chosen
            self.shipped.addItem(item)
            if select is not None and entry.key == select:
                self.shipped.setCurrentItem(item)
        if not self.shipped.count():
            item = QListWidgetItem("（无）")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.shipped.addItem(item)
        self.shipped.blockSignals(False)
        self._shipped_chosen()

    def _fill_user(self, select: str | None = None) -> None:
        broken = bool(self.book.problem)
        chosen = self._shipped_entry()
        self._fill_shipped(chosen.key if chosen is not None else None)
        self.problem.setText(self.book.problem + BROKEN_ADVICE if broken else "")
        self.problem.setVisible(broken)
        self.aside_button.setVisible(broken)
        self.user.clear()
        for entry in self.book.user_items(self.section):
            item = QListWidgetItem(entry.text)
            item.setData(KEY_ROLE, entry)
            self.user.addItem(item)
            if entry.key == select:
                self.user.setCurrentItem(item)
        for w in (self.first, self.second, self.add_button, self.user):
            w.setEnabled(not broken)
        self._user_chosen()

    def _chosen(self) -> UserItem | None:
        item = self.user.currentItem()
        entry = item.data(KEY_ROLE) if item is not None and item.isSelected() else None
        return entry if isinstance(entry, UserItem) else None

    def _user_chosen(self) -> None:
        entry = self._chosen()
        self.remove_button.setEnabled(entry is not None)
        self.edit_button.setEnabled(entry is not None and not entry.disabled)
        if entry is not None and not entry.disabled:
            self.first.setText(entry.wrong)
            self.second.setText(entry.right)

    def _shipped_entry(self) -> ShippedItem | None:
        item = self.shipped.currentItem()
        entry = item.data(KEY_ROLE) if item is not None and item.isSelected() else None
        return entry if isinstance(entry, ShippedItem) else None

    def _shipped_chosen(self) -> None:
        entry = self._shipped_entry()
        self.switch_button.setText("重新启用选中的(&O)" if entry is not None and entry.off else "停用选中的(&O)")
        self.switch_button.setEnabled(entry is not None and not self.book.problem)

    def _shipped_checked(self, item: QListWidgetItem) -> None:
        """The check box of a shipped entry was clicked (or Space pressed on it): switch it off or on."""
        entry = item.data(KEY_ROLE)
        if isinstance(entry, ShippedItem) and entry.off != (item.checkState() == Qt.CheckState.Unchecked):
            self.shipped.setCurrentItem(item)
            # after the signal: the switch fills the list anew, which deletes the item being changed
            QTimer.singleShot(0, lambda: self._switch(entry))

    def switch(self) -> bool:
        """停用选中的 / 重新启用选中的: the chosen shipped entry, for this unit only."""
        entry = self._shipped_entry()
        if entry is None:
            self._say("请先在“程序自带”里选中要停用或重新启用的一条（或一个词语）。", error=True)
            return False
        return self._switch(entry)

    def _switch(self, entry: ShippedItem) -> bool:
        section = self.section
        if entry.off:
            return self._apply(lambda: self.book.switch_on(section, entry.key), keep=True)
        return self._apply(lambda: self.book.switch_off(section, entry.key), keep=True)

    def user_texts(self) -> list[str]:
        return [self.user.item(i).text() for i in range(self.user.count())]

    def shipped_texts(self) -> list[str]:
        return [self.shipped.item(i).text() for i in range(self.shipped.count())]

    # ----- changes -------------------------------------------------------------------------------
    def _say(self, text: str, error: bool) -> None:
        # red or green through the palette, not a style sheet: a sheet on the label kept it at the size it had
        # when the dialog opened, under 放大文字 (as it did the 导出 step's red line)
        (style.error if error else style.done)(self.message)
        self.message.setText(text)

    def _apply(self, change: Callable[[], str], keep: bool = False) -> bool:
        """keep: what is typed in the fields stays (the change was made in the shipped list)."""
        try:
            said = change()
        except ValueError as exc:
            self._say(str(exc), error=True)
            self._fill_user()
            return False
        except OSError as exc:
            self._say(f"无法保存用语文件：{exc}。请检查数据文件夹是否可写。", error=True)
            self._fill_user()
            return False
        self._fill_user()
        if not keep:
            self.first.clear()
            self.second.clear()
        self.user.clearSelection()
        self._say(said + "已保存，正在重新检查。", error=False)
        self.changed()
        self._say(said + "已保存，已重新检查。", error=False)
        return True

    def add(self) -> bool:
        section, first, second = self.section, self.first.text(), self.second.text()
        ok = self._apply(lambda: self.book.add(section, first, second))
        self.first.setFocus()
        return ok

    def edit(self) -> bool:
        entry = self._chosen()
        if entry is None:
            self._say("请先在“本单位添加”里选中要修改的一条。", error=True)
            return False
        section, first, second = self.section, self.first.text(), self.second.text()
        return self._apply(lambda: self.book.replace(section, entry.key, first, second))

    def remove(self) -> bool:
        entry = self._chosen()
        if entry is None:
            self._say("请先在“本单位添加”里选中要删除的一条。", error=True)
            return False
        section = self.section
        return self._apply(lambda: self.book.remove(section, entry.key))

    def set_broken_file_aside(self) -> None:
        try:
            kept = self.book.set_broken_file_aside()
        except OSError as exc:
            self._say(f"无法改名：{exc}", error=True)
            return
        self._fill_user()
        self._say(f"损坏的文件已改名为 {kept.name} 留在原处，可以重新添加本单位的用语了。", error=False)
        self.changed()

    def _narrow_class_list(self) -> None:
        # about 9 characters at any text size (190 px cut the class names to "1. 法" at the largest)
        self.classes.setMaximumWidth(self.fontMetrics().horizontalAdvance("字") * 9 + 24)

    def changeEvent(self, event: QEvent) -> None:
        """视图 → 放大文字 while the dialog is open (style.dialogs_follow gives it the size): measured and sized
        again for the new size, within the screen."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "classes"):
            self._narrow_class_list()
            style.fit_dialog(self, 48, 30)
            screen, frame = self.screen().availableGeometry(), self.frameGeometry()  # grown: back onto the screen
            self.move(max(screen.left(), min(frame.left(), screen.right() + 1 - frame.width())),
                      max(screen.top(), min(frame.top(), screen.bottom() + 1 - frame.height())))

    def refresh(self) -> None:
        """user.json may have changed elsewhere (加入例外 from a finding): read it again."""
        self.book.reload()
        self._fill_user()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete in the unit's list removes the chosen entry."""
        if (watched is self.user and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Delete and self._chosen() is not None):
            self.remove()
            return True
        return super().eventFilter(watched, event)

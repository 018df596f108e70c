"""The main window: unit/year switcher, step list, the current page, Back/Next and the menus."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.domain.model import Block, Report, Unit
from fzdesk.domain.progress import (
    Progress,
    block_progress,
    closing_progress,
    report_info_progress,
    state_words,
    text_progress,
    unit_progress,
)
from fzdesk.opening import LAST_REPORT_SETTING, FirstReport, first_report
from fzdesk.paths import DataLocation, location_of
from fzdesk.pyside_fix import pin_singletons
from fzdesk.storage.store import Store
from fzdesk.ui import style
from fzdesk.ui.autosave import Autosaver
from fzdesk.ui.first_paint import after_first_paint
from fzdesk.ui.kept_edits import take_kept, write_unit
from fzdesk.ui.pages.base import Page, Session, opening_example
from fzdesk.ui.pages.unit_page import NAME_MISSING
from fzdesk.ui.steps import Step, steps_for
from fzdesk.ui.style import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE, state_icon

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QSize
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QMessageBox


def _box() -> type[QMessageBox]:
    """QMessageBox, imported when a message is first shown (each Qt class costs start-up time)."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole (the Qt namespace is not built at start-up)
WINDOW_TITLE = "法治政府建设年度报告助手"
FONT_SETTING = "editor_point_size"
#: When the modules a pulled stick's messages need are loaded (ui/stick_ready.py), after the first paint.
STICK_READY_MS = 1000


class _PageHolder(QWidget):
    """The page stack inside the scroll area, at the stack's minimum size and without height-for-width (the
    scroll area would give a page with wrapped labels its preferred height: a scroll bar on every page)."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__()
        self.stack = stack
        stack.setParent(self)
        stack.currentChanged.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:
        # the page shown, not the largest page built (the stack's own): at 28 pt 单位信息 made 数据 scroll too
        page = self.stack.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page else self.stack.minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self.stack.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.stack.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() == event.Type.LayoutRequest:  # the stack's minimum changed: tell the scroll area
            self.updateGeometry()
        return super().event(event)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None, *, location: DataLocation | None = None,
                 first: FirstReport | None = None) -> None:
        """first: the report to open, read already (fzdesk.opening, while Qt loaded); else the store is asked."""
        pin_singletons()
        super().__init__(parent)
        self.data_location = location or location_of(store.folder)
        self.setWindowTitle(WINDOW_TITLE)
        self.saver = Autosaver(self)
        self.session = Session(store, self.saver)
        self.session.unit_written = self._unit_written
        self.pages: dict[str, Page] = {}
        self.steps: list[Step] = []
        self.current = 0
        self._icons = {p: state_icon(p.value) for p in Progress}
        self._states: dict[str, Progress] = {}
        self._suffixes: dict[str, str] = {}  # per step key: " · 2个问题" (see refresh_states)
        self._chained: QWidget | None = None  # the page whose fields the tab order leads through
        # (the Qt namespace is not imported here: building its enums costs ~15 ms of start-up)
        self._build()
        self._build_menus()
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        self.set_point_size(int(store.setting(FONT_SETTING, DEFAULT_POINT_SIZE)), announce=False)
        from fzdesk.ui.check_hooks import CheckController

        self.checks = CheckController(self)
        # a second after the first paint, when the window is idle: on a PC it only looks whether the program runs
        # from a stick (~1 ms: /proc/mounts, the drive type), which the start need not wait for
        after_first_paint(self, lambda: QTimer.singleShot(STICK_READY_MS, self, self._ready_for_a_pulled_stick))
        if first is not None:
            self._show_report(first.report, first.unit)
        else:
            self._open_initial()

    # ----- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(12, 8, 12, 8)
        bar = QHBoxLayout()
        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumWidth(280)
        self.unit_combo.setAccessibleName("单位")
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(120)
        self.year_combo.setAccessibleName("年度")
        unit_label = QLabel("单位(&Q)：")
        unit_label.setBuddy(self.unit_combo)
        year_label = QLabel("年度(&E)：")
        year_label.setBuddy(self.year_combo)
        self.new_unit_button = QPushButton("新建单位…")
        self.new_report_button = QPushButton("新建年度报告…")
        for w in (unit_label, self.unit_combo, year_label, self.year_combo, self.new_unit_button,
                  self.new_report_button):
            bar.addWidget(w)
        bar.addStretch(1)
        outer.addLayout(bar)

        body = QHBoxLayout()
        self.step_list = style.step_list(QListWidget())
        self.step_list.setAccessibleName("步骤")
        self.step_list.setFixedWidth(240)
        self.step_list.setWordWrap(True)
        body.addWidget(self.step_list)
        right = QVBoxLayout()
        self.page_title = style.page_title(QLabel())
        right.addWidget(self.page_title)
        self.stack = QStackedWidget()
        # a page wider or taller than the window scrolls: the window never grows past the screen (text size)
        self.page_scroller = QScrollArea()
        self.page_scroller.setWidget(_PageHolder(self.stack))
        self.page_scroller.setWidgetResizable(True)
        self.page_scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroller.setProperty("focusPolicy", 0)  # Qt.NoFocus, without building the Qt enums (start-up)
        right.addWidget(self.page_scroller, 1)
        nav = QHBoxLayout()
        self.position = style.hint(QLabel())
        nav.addWidget(self.position)
        nav.addStretch(1)
        self.back_button = QPushButton("上一步(&P)")
        self.next_button = QPushButton("下一步(&N)")
        self.back_button.setToolTip("上一步（Ctrl+PgUp）")
        self.next_button.setToolTip("下一步（Ctrl+PgDn）")
        self.next_button.setDefault(False)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        right.addLayout(nav)
        body.addLayout(right, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.folder_label = style.hint(QLabel())
        self.saved_label = QLabel()
        self.show_data_location(self.data_location)
        self.statusBar().addPermanentWidget(self.folder_label)  # (no stretch: it hid every showMessage)
        self.statusBar().addPermanentWidget(self.saved_label)

        self.unit_combo.activated.connect(self._unit_chosen)
        self.year_combo.activated.connect(self._year_chosen)
        self.new_unit_button.clicked.connect(self.new_unit)
        self.new_report_button.clicked.connect(self.new_report)
        self.step_list.currentRowChanged.connect(self._step_clicked)
        # Enter (or a double click) on a step: into the page, as Ctrl+PgDn does
        self.step_list.activated.connect(lambda index: self.go(index.row(), focus=True))
        self.back_button.clicked.connect(lambda: self.go(self.current - 1, focus=True))
        self.next_button.clicked.connect(lambda: self.go(self.current + 1, focus=True))

    def _action(self, menu_text: str, keys: str | list[str] | None, slot: object) -> QAction:
        """A window-wide action; keys: its shortcut, or several (the menu shows the first)."""
        action = QAction(menu_text, self)

        def run() -> None:
            slot()  # type: ignore[operator]

        for index, key in enumerate([keys] if isinstance(keys, str) else keys or []):
            target = action if index == 0 else QAction(self)  # a second key: an action of its own, not in a menu
            # a string for the "shortcut" property, which Qt converts: neither setShortcut(), whose overloads make
            # PySide build the Qt namespace's enums (~15 ms), nor PySide's QKeySequence class (~0.7 ms)
            target.setProperty("shortcut", key)
            if target is not action:
                target.triggered.connect(run)
                self.addAction(target)
        action.triggered.connect(run)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file = style.fit_menu_texts(menu.addMenu("文件(&F)"))
        file.addAction(self._action("新建单位(&U)…", None, self.new_unit))
        file.addAction(self._action("新建年度报告(&N)…", None, self.new_report))
        self.import_action = self._action("导入上一年度报告(&I)…", "Ctrl+O", self.import_report)
        file.addAction(self.import_action)
        file.addAction(self._action("检查收到的报告(&J)…", None, self.review_received))
        self.delete_report_action = self._action("删除这份报告(&E)…", None, self.delete_report)
        file.addAction(self.delete_report_action)
        file.addSeparator()
        self.restore_action = self._action("恢复备份(&R)…", None, self.restore_backup)
        file.addAction(self.restore_action)
        file.addSeparator()
        self.open_folder_action = self._action("打开数据文件夹(&D)", None, self.open_data_folder)
        self.move_data_action = self._action("移动数据(&M)…", None, self.move_data)
        file.addAction(self.open_folder_action)
        file.addAction(self.move_data_action)
        self.bring_data_action = self._action("从本机复制数据(&C)…", None, self.bring_pc_data)
        file.addAction(self.bring_data_action)
        file.addSeparator()
        file.addAction(self._action("退出(&X)", "Ctrl+Q", self.close))
        go = style.fit_menu_texts(menu.addMenu("转到(&G)"))
        self.back_action = self._action("上一步(&P)", "Ctrl+PgUp", lambda: self.go(self.current - 1, focus=True))
        self.next_action = self._action("下一步(&N)", "Ctrl+PgDown", lambda: self.go(self.current + 1, focus=True))
        go.addAction(self.back_action)
        go.addAction(self.next_action)
        go.addAction(self._action("步骤列表(&L)", "Ctrl+L", self.step_list.setFocus))
        view = style.fit_menu_texts(menu.addMenu("视图(&V)"))
        view.addAction(self._action("放大文字(&I)", ["Ctrl++", "Ctrl+="],
                                    lambda: self.set_point_size(self.point_size + 1)))
        view.addAction(self._action("缩小文字(&O)", "Ctrl+-", lambda: self.set_point_size(self.point_size - 1)))
        view.addAction(self._action("默认大小(&D)", "Ctrl+0", lambda: self.set_point_size(DEFAULT_POINT_SIZE)))
        helpm = style.fit_menu_texts(menu.addMenu("帮助(&H)"))
        helpm.addAction(self._action("本步骤说明(&S)", "F1", self.show_help))
        helpm.addAction(self._action("关于(&A)", None, self._about))

    # ----- text size -----------------------------------------------------------------------------
    def set_point_size(self, size: int, *, announce: bool = True) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        self.point_size = size
        font = self.stack.font()
        font.setPointSize(size)
        self.stack.setFont(font)  # reaches every page, also those made later (no style sheet stops it)
        style.dialogs_follow(size)  # and every dialog and message box opened from now on
        if self.session.store.setting(FONT_SETTING, DEFAULT_POINT_SIZE) != size:
            self._remember(FONT_SETTING, size)
        if announce:
            self.statusBar().showMessage(f"正文字号：{size} 磅", 3000)

    # ----- what is open --------------------------------------------------------------------------
    def _open_initial(self, wanted: object = None) -> None:
        """Opens wanted, or the report last opened (or the first), or the first unit without a report."""
        store = self.session.store
        first = first_report(store, wanted)
        if first is not None:
            self._show_report(first.report, first.unit)
            return
        units = store.units()
        self.open_unit(units[0] if units else None)
        self._focus_page()  # nothing to open: the cursor waits in 单位全称 (or the first required field left empty)

    def open_unit(self, unit: Unit | None) -> None:
        """Opens a unit's latest report, or the unit alone (on its profile step) if it has none."""
        self.saver.flush()
        if unit is not None and unit.id is not None:
            summaries = self.session.store.reports(unit.id)
            if summaries:
                self.open_report(summaries[0].id)
                return
        self.session.unit = take_kept(self.saver, None, unit)  # (its edits kept for a retry, if any)
        self.session.report = None
        self._reset(keep_step=False)

    def open_report(self, report_id: int) -> None:
        self.saver.flush()
        store = self.session.store
        report = store.load_report(report_id)
        assert report.unit_id is not None
        self._show_report(report, store.unit(report.unit_id))

    def _show_report(self, report: Report, unit: Unit | None) -> None:
        store = self.session.store
        unit = take_kept(self.saver, report, unit)  # read from the store: edits kept for a retry go on top
        self.session.unit = unit
        self.session.report = report
        if store.setting(LAST_REPORT_SETTING) != report.id:
            self._remember(LAST_REPORT_SETTING, report.id)
        self._reset(keep_step=True)

    def _remember(self, key: str, value: object) -> None:
        """A setting (text size, the report last opened): a failed write is said in the status bar, not in a box
        (the setting holds until the program closes; only next time's start does not know it). Runs at start-up:
        the message's module loads only when it is needed."""
        try:
            self.session.store.set_setting(key, value)
        except (sqlite3.Error, OSError) as exc:
            from fzdesk.ui.write_guard import setting_not_kept

            setting_not_kept(self, exc)

    def _reset(self, keep_step: bool) -> None:
        key = self.steps[self.current].key if self.steps and keep_step else "unit"
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._refresh_switcher()
        self.checks.report_opened()
        self._rebuild_steps(key)

    def _rebuild_steps(self, key: str) -> None:
        self.steps = steps_for(self.session.report)
        index = next((i for i, s in enumerate(self.steps) if s.key == key), 0)
        if self.session.report is None:
            index = 0
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for _ in self.steps:
            self.step_list.addItem(QListWidgetItem())
        self.step_list.blockSignals(False)
        self.current = -1
        self.go(index)

    def _refresh_switcher(self) -> None:
        store = self.session.store
        unit, report = self.session.unit, self.session.report
        self.unit_combo.clear()
        for u in store.units():
            self.unit_combo.addItem(u.name, u.id)
        if unit is not None and unit.id is None:
            self.unit_combo.addItem(unit.name or "（新单位）", None)
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit.id if unit else None))
        self.year_combo.clear()
        if unit is not None and unit.id is not None:
            for s in store.reports(unit.id):
                self.year_combo.addItem(s.year_label, s.id)  # 2023年度（第2份，11月25日建） for a copy
        if report is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(report.id))
        self.new_report_button.setEnabled(unit is not None and unit.id is not None)

    def _unit_renamed(self) -> None:
        """The name typed so far, in the switcher at once (the store has it only after the autosave)."""
        unit = self.session.unit
        index = self.unit_combo.findData(unit.id) if unit is not None else -1
        if unit is not None and index >= 0:
            self.unit_combo.setItemText(index, unit.name)
        elif unit is not None:  # a new unit whose row is not written yet (kept for a retry): listed without an id
            self._refresh_switcher()

    def _unit_chosen(self, index: int) -> None:
        unit_id = self.unit_combo.itemData(index)
        if unit_id is None or (self.session.unit and self.session.unit.id == unit_id):
            return
        self.open_unit(self.session.store.unit(unit_id))

    def _year_chosen(self, index: int) -> None:
        report_id = self.year_combo.itemData(index)
        if report_id is None or (self.session.report and self.session.report.id == report_id):
            return
        self.open_report(report_id)

    # ----- creating units and reports ------------------------------------------------------------
    def new_unit(self) -> None:
        from fzdesk.ui.dialogs import NewUnitDialog  # dialogs load on first use: start-up stays fast

        dialog = NewUnitDialog(self)
        if not dialog.exec():
            return
        name, unit_type = dialog.values
        self.saver.flush()
        unit = Unit(name=name, unit_type=unit_type, organs=[name])
        # written through the saver: on a full disk it is kept for a retry and lives in the window only until then
        # (no report can be made for it: `_unit_unwritten`); the switcher lists it once written
        write_unit(self.saver, self.session.store, unit, self._unit_written)
        self.open_unit(unit)
        self._focus_page()  # on to what 单位信息 still needs, not left on the button

    def _unit_written(self, _unit_id: int) -> None:
        """A new unit's row is in the store now (maybe at a retry): the switcher lists it, 新建报告 opens."""
        self._refresh_switcher()

    def _unit_unwritten(self) -> bool:
        """The unit shown has a name but no row yet (its write kept for a retry): one more try now; if it still fails
        the clerk is told that no report can be made for it yet, and why. True if it is still not written."""
        unit = self.session.unit
        if unit is None or unit.id is not None or not unit.name:
            return False
        self.saver.flush()
        if unit.id is not None:
            return False
        from fzdesk.ui.figure_saving import DISK_ADVICE

        _box().information(self, "单位信息还没能保存",
                           "单位信息还没能保存，所以还不能为这个单位建报告。程序会自动重试，状态栏显示“已保存”后再继续。\n\n"
                           + DISK_ADVICE)
        return True

    def new_report(self) -> None:
        unit = self.session.unit
        if self._unit_unwritten():
            return
        if unit is None or unit.id is None:
            _box().information(self, "请先填写单位信息", NAME_MISSING)
            return
        self.saver.flush()
        from fzdesk.ui.new_report_flow import start_new_report  # empty, from last year, or from a file

        report_id = start_new_report(self, self.session.store, unit)
        if report_id is not None:
            self.open_report(report_id)
            self.go(1)

    def import_report(self) -> None:
        """文件 → 导入上一年度报告: a file's preview, then the report it gives (and maybe next year's) opens."""
        self.saver.flush()
        unit = self.session.unit
        from fzdesk.ui.import_dialog import import_file

        report_id = import_file(self, self.session.store, unit=unit if unit is not None and unit.id else None)
        if report_id is not None:
            self.open_report(report_id)
            self.go(1)

    def review_received(self) -> None:
        """文件 → 检查收到的报告: other units' files read and checked; nothing is written to the store."""
        from fzdesk.ui.review_dialog import open_review  # loaded on first use (start-up)

        open_review(self)

    def create_report(self, year: int) -> int | None:
        """A new empty report of year, opened; None (said in a box) if the disk refused it."""
        unit = self.session.unit
        assert unit is not None and unit.id is not None
        from fzdesk.domain.outline import new_report

        report = new_report(resources.outline(unit.unit_type), unit, year)
        report.catalogue_version = resources.catalogue().version  # a new report shows today's whole catalogue
        from fzdesk.ui.write_guard import attempt  # (loaded on first use: start-up stays fast)

        created: list[int] = []
        store = self.session.store
        if not attempt(self, f"没能新建{year}年度的报告", lambda: created.append(store.create_report(report))):
            return None
        self.open_report(created[0])
        return created[0]

    def _ensure_report(self) -> bool:
        """Steps after 单位信息 need a report: create this year's on the way, if the unit is named."""
        if self.session.report is not None:
            return True
        unit = self.session.unit
        if self._unit_unwritten():
            return False
        if unit is None or unit.id is None or not unit.name:
            _box().information(self, "请先填写单位信息", NAME_MISSING)
            return False
        self.saver.flush()
        summaries = self.session.store.reports(unit.id)
        if summaries:
            self.open_report(summaries[0].id)
        else:
            from fzdesk.ui.dialogs import default_year

            return self.create_report(default_year()) is not None  # refused by the disk: the step stays
        return True

    # ----- steps ---------------------------------------------------------------------------------
    def _step_clicked(self, row: int) -> None:
        if row != self.current:
            self.go(row)

    def go(self, index: int, *, focus: bool = False) -> None:
        """Opens step index (flushing pending saves first)."""
        if not 0 <= index < len(self.steps):
            return
        self.saver.flush()
        step = self.steps[index]
        if step.key != "unit" and self.session.report is None:
            if not self._ensure_report():
                self.step_list.blockSignals(True)
                self.step_list.setCurrentRow(self.current)
                self.step_list.blockSignals(False)
                return
            index = next(i for i, s in enumerate(self.steps) if s.key == step.key)
            step = self.steps[index]
        self.current = index
        page = self.pages.get(step.key) or self._make_page(step)
        shown = self.stack.currentWidget()
        if shown is not None and page is not shown:  # (none shown yet at start-up: nothing scrolled, no QScrollBar)
            # another step opens at its top: the steps share one scroll area, and at a large text size the next
            # step opened as far down as the last one was scrolled, its title and first field out of sight
            self.page_scroller.verticalScrollBar().setValue(0)
        self.stack.setCurrentWidget(page)
        self.page_title.setText(step.title)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(index)
        self.step_list.blockSignals(False)
        self.position.setText(f"第 {index + 1} 步，共 {len(self.steps)} 步")
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.steps) - 1)
        self.refresh_states()
        target = page.first_focus()
        if focus and target is not None:
            target.setFocus()

    def _focus_page(self) -> None:
        """The keyboard focus into the current page, where its first_focus says."""
        target = self.current_page().first_focus()
        if target is not None:
            target.setFocus()

    def _step_index(self, key: str) -> int:
        return next(i for i, s in enumerate(self.steps) if s.key == key)

    def current_page(self) -> Page:
        return self.pages[self.steps[self.current].key]

    def _make_page(self, step: Step) -> Page:
        # each page's module is imported when its step is first opened: start-up stays fast
        s = self.session
        page: Page
        if step.key == "unit":
            from fzdesk.ui.pages.unit_page import UnitPage

            up = UnitPage(s)
            up.unit_created.connect(lambda _id: self._refresh_switcher())
            up.unit_renamed.connect(self._unit_renamed)
            page = up
        elif step.key == "report":
            from fzdesk.ui.pages.report_page import ReportPage

            rp = ReportPage(s)
            rp.order_changed.connect(self._order_changed)
            rp.year_changed.connect(self._year_changed)
            page = rp
        elif step.key == "opening":
            from fzdesk.ui.pages.text_page import OpeningPage

            page = OpeningPage(s)
        elif step.key == "figures":
            from fzdesk.ui.pages.figures_page import FiguresPage

            page = FiguresPage(s)
        elif step.key == "closing":
            from fzdesk.ui.pages.closing_page import ClosingPage

            page = ClosingPage(s)
        elif step.key == "check":
            page = self.checks.make_page()
        elif step.key == "export":
            from fzdesk.ui.pages.export_page import ExportPage

            ep = ExportPage(s)
            ep.go_to_check.connect(lambda: self.go(self._step_index("check"), focus=True))
            page = ep
        else:
            assert step.block is not None
            from fzdesk.ui.pages.block_page import BlockPage

            bp = BlockPage(s, step.block)
            bp.order_changed.connect(self._order_changed)
            page = bp
        page.changed.connect(self._page_changed)
        self.pages[step.key] = page
        self.stack.addWidget(page)
        return page

    def _year_changed(self) -> None:
        self._refresh_switcher()
        self._order_changed()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab: the current page's tab order is set up here, on first use, not when the page is
        built (reading focus policies builds the Qt namespace's enums: ~15 ms of start-up)."""
        page = self.stack.currentWidget()
        if page is not None and page is not self._chained:
            self._chain_tab_order(page)
            self._chained = page
        return super().focusNextPrevChild(next)

    def _chain_tab_order(self, page: QWidget) -> None:
        """Tab goes step list -> the page's fields -> Back/Next (a page built later would come last)."""
        widgets: list[QWidget] = []
        w = page.nextInFocusChain()
        while w is not None and w is not page and page.isAncestorOf(w):
            if w.focusPolicy().value & 1:  # Qt.TabFocus (setTabOrder ignores widgets that take no focus)
                widgets.append(w)
            w = w.nextInFocusChain()
        chain = [self.step_list, *widgets, self.back_button, self.next_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _order_changed(self) -> None:
        key = self.steps[self.current].key
        for k in [k for k in self.pages if k != key]:  # other pages show the old order: rebuild on demand
            page = self.pages.pop(k)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.steps = steps_for(self.session.report)
        self.current = next(i for i, s in enumerate(self.steps) if s.key == key)
        self.page_title.setText(self.steps[self.current].title)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(self.current)
        self.step_list.blockSignals(False)
        self.refresh_states()

    def _page_changed(self) -> None:
        self.refresh_states(only=self.current)

    def step_progress(self, step: Step) -> Progress:
        s = self.session
        report = s.report
        if step.key == "unit":
            return unit_progress(s.unit)
        if report is None:
            return Progress.EMPTY
        if step.key == "report":
            return report_info_progress(report)
        if step.key == "opening":
            return text_progress(report.section(Block.OPENING), opening_example(self.session))
        if step.key == "figures":
            from fzdesk.domain.progress import figure_counts, figures_progress

            page = self.pages.get("figures")
            if page is not None:  # (the page's module is imported when the step is first opened)
                from fzdesk.ui.pages.figures_page import FiguresPage

                assert isinstance(page, FiguresPage)
                return figures_progress(*page.progress())
            return figures_progress(*figure_counts(report, resources.indicator_codes(report.catalogue_version)))
        if step.key == "closing":
            checked = report.id is not None and bool(s.store.closing_checked(report.id))
            return closing_progress(report, checked=checked)
        if step.key == "check":
            return self.checks.progress()
        if step.key == "export":
            from fzdesk.export.record_key import setting_key

            assert s.unit is not None
            done = s.store.setting(setting_key(report.id)) if report.id is not None else None
            if done is None:  # never exported (the record's module is loaded once there is a record)
                return Progress.EMPTY
            from fzdesk.export.record import export_progress

            return export_progress(done, report, s.unit)
        assert step.block is not None
        return block_progress(report.section(step.block))

    def refresh_states(self, only: int | None = None) -> None:
        """The step list's states and problem counts; only: one row's state after an edit (the counts change only
        with a check's result, which refreshes every row: counting them at every key cost 0.3 ms on a long report)."""
        rows = range(len(self.steps)) if only is None else [only]
        if only is None or not self._suffixes:
            self._suffixes = self.checks.step_suffixes([step.key for step in self.steps])
        for row in rows:
            step = self.steps[row]
            state = self.step_progress(step)
            problems = self._suffixes.get(step.key, "")
            # the count on the second line: titles do not wrap
            text = f"{step.title}\n{state_words(step.key, state)}{problems}"
            self._states[step.key] = state
            item = self.step_list.item(row)
            if item is not None and item.text() != text:
                item.setText(text)
                # a screen reader reads one sentence, "报告信息，进行中，1个问题", not the icon and two lines
                item.setData(ACCESSIBLE_TEXT_ROLE, text.replace("\n", "，").replace(" · ", "，"))
                item.setIcon(self._icons[state])
                style.pad_step(self.step_list, row)

    def state_of(self, key: str) -> Progress:
        """The state shown for the step with key (used by tests and the benchmarks)."""
        return self._states[key]

    # ----- help, backups, saving, closing --------------------------------------------------------
    def show_help(self) -> None:
        step = self.steps[self.current]
        unit_type = self.session.unit.unit_type if self.session.unit else None
        from fzdesk.ui.help import HelpDialog, help_text

        HelpDialog(step.title, help_text(step, unit_type), self).exec()

    def show_data_location(self, location: DataLocation) -> None:
        """The status bar names the data folder in use (U盘, 本机用户文件夹 ...)."""
        self.data_location = location
        self.folder_label.setText(location.status_text)
        self.folder_label.setToolTip(f"{location.label}：{location.path}\n"
                                     "可以在“文件”菜单中打开数据文件夹，或把数据移到别处。")

    def open_data_folder(self) -> None:
        from fzdesk.ui.data_folder import open_data_folder

        open_data_folder(self)

    def move_data(self) -> None:
        from fzdesk.ui.data_folder import move_data  # loaded on first use: start-up stays fast

        move_data(self)

    def bring_pc_data(self) -> None:
        from fzdesk.ui.data_folder import bring_pc_data  # loaded on first use: start-up stays fast

        bring_pc_data(self)

    def delete_report(self) -> None:
        from fzdesk.ui.report_delete import delete_report  # loaded on first use: start-up stays fast

        delete_report(self)

    def _about(self) -> None:
        from fzdesk import __version__

        _box().about(self, "关于", f"{WINDOW_TITLE}\n版本 {__version__}\n\n"
                          f"数据文件夹：{self.session.store.folder}")

    def restore_backup(self) -> None:
        self.saver.flush()
        from fzdesk.ui.dialogs import BackupDialog

        dialog = BackupDialog(self.session.store.backup_folder, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        current = self.session.report.id if self.session.report else None
        self.saver.discard()  # everything was saved before the dialog; nothing may overwrite the backup now
        try:
            self.session.store.restore_backup(dialog.chosen)
        except Exception as exc:
            _box().critical(self, "恢复失败", f"没能恢复这个备份，现有数据没有改动。\n\n原因：{exc}")
            return
        from fzdesk.storage.backup_list import deleted_report

        # the report deleted after that copy was made, back again; else the same report and step as before
        self._open_initial(deleted_report(dialog.chosen) or current)
        self.statusBar().showMessage("已从备份恢复。", 8000)

    def _saved(self) -> None:
        self.saved_label.setText(f"已保存 {dt.datetime.now():%H:%M:%S}")

    def _save_failed(self, message: str) -> None:
        self.saved_label.setText("保存失败！")
        if not self.isVisible():
            print(f"fzdesk: 保存失败：{message}", file=sys.stderr)
            return
        if self._data_gone():
            return
        _box().critical(self, "保存失败",
                        "刚才的修改没能保存。请不要关闭程序，先检查磁盘空间，或U盘是否插好、是否设了写保护。"
                        "程序每隔几秒会自动重试，保存上以后右下角会显示“已保存”。\n\n"
                        f"原因：{message}")

    def _ready_for_a_pulled_stick(self) -> None:
        from fzdesk.ui.stick_ready import load_while_the_stick_is_there

        load_while_the_stick_is_there()

    def _data_gone(self) -> bool:
        """When the data file vanished (DataGone): offers to save the data back (ui.data_gone); True if it had."""
        from fzdesk.storage.store import DataGone

        error = self.saver.last_exception
        if not isinstance(error, DataGone):
            return False
        from fzdesk.ui.data_gone import offer_save_back

        offer_save_back(self, error)
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (event.Type.PaletteChange, event.Type.ApplicationPaletteChange):  # a theme change
            app = QApplication.instance()
            if isinstance(app, QApplication):
                # once Qt has handed the dark palette to every widget: set inside that hand-out, the light one
                # could reach a widget before the dark one (a page title left dark, seen once in a full test run)
                QTimer.singleShot(0, lambda: style.keep_light(app))
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.saver.flush()
        if self.saver.pending and not self._may_close_unsaved():
            event.ignore()
            return
        self.saver.immediate = True
        self.checks.shutdown()
        event.accept()

    def _may_close_unsaved(self) -> bool:
        """Saving still fails as the window closes: try again, close without the edits, or stay open."""
        if not self.isVisible():
            print(f"fzdesk: 有修改没能保存：{self.saver.last_error}", file=sys.stderr)
            return True
        from fzdesk.ui.ask import Role, ask

        self._data_gone()
        while self.saver.pending:
            answer = ask(self, _box().Icon.Warning, "有修改没能保存",
                         "最近的修改没能保存，现在关闭程序会丢失这些修改。\n\n请先检查磁盘空间，或U盘是否插好、"
                         "是否设了写保护，然后点“重试”。\n\n"
                         f"原因：{self.saver.last_error}",
                         [("重试(&R)", Role.AcceptRole), ("仍然关闭（丢失这些修改）(&Q)", Role.DestructiveRole),
                          ("取消(&C)", Role.RejectRole)], default=0)
            if answer == 0:
                self.saver.flush()
            elif answer == 1:
                self.saver.discard()
            else:
                return False
        return True

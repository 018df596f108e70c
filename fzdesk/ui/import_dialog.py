"""导入上一年度报告: choose a file, see what it holds, answer what must be asked, then one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fzdesk.domain.dates import written_date
from fzdesk.domain.model import Unit
from fzdesk.exchange.apply import ExistingYear, Situation, apply_import, assess
from fzdesk.exchange.changes import change_lines, compare_reports
from fzdesk.exchange.importer import IMPORT_ERRORS, ImportPreview, SourceKind, open_import
from fzdesk.exchange.new_year import start_new_year
from fzdesk.storage import backup
from fzdesk.storage.store import Store
from fzdesk.storage.trouble import read_trouble
from fzdesk.ui import style
from fzdesk.ui.ask import name_keys
from fzdesk.ui.dialogs import default_year
from fzdesk.ui.import_preview import PreviewTabs
from fzdesk.ui.wrapping import WrappingCheckBox, WrappingRadioButton

FILE_FILTERS = ("可导入的报告 (*.docx *.json *.txt);;Word 文档 (*.docx);;fzdesk 报告数据 (*.json);;"
                "文本文件 (*.txt);;所有文件 (*)")
KIND_TEXT = {
    SourceKind.FZDESK_DOCX: "fzdesk 导出的 Word 文档，带有完整的数据，原样导入。",
    SourceKind.JSON: "fzdesk 的报告数据文件，原样导入。",
    SourceKind.DOCX: "手写的 Word 文档。下面是程序从文字中认出的结构，请核对后再导入。",
    SourceKind.TXT: "文本文件。下面是程序从文字中认出的结构，请核对后再导入。",
}
NO_YEAR = 1999  # the year box's value for "not recognised" (shown as 未识别)
_last_folder: list[str] = []  # the folder of the last file chosen, for this run of the program


def choose_import_file(parent: QWidget | None) -> Path | None:
    """Asks for the file to import (.docx, .json, .txt, or any file, which is then refused with a reason)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    from fzdesk.ui.file_dialogs import chosen, file_dialog, stick_folder

    folders = [*_last_folder, stick_folder(), documents, str(Path.home())]
    folder = next((f for f in folders if f and Path(f).is_dir()), "")  # a missing folder would read as a file name

    name = chosen(file_dialog(parent, "选择上一年度的报告文件", folder, FILE_FILTERS))
    if name is None:
        return None
    path = Path(name)
    _last_folder[:] = [str(path.parent)]
    return path


def read_import_file(parent: QWidget | None, path: Path) -> ImportPreview | None:
    """The file's preview, or None after telling the user in Chinese why it cannot be imported."""
    try:
        return open_import(path)
    except IMPORT_ERRORS as exc:
        QMessageBox.warning(parent, "不能导入这个文件", f"{path.name}\n\n{exc}\n\n数据没有任何改动。")
    except OSError as exc:
        QMessageBox.warning(parent, "不能导入这个文件",
                            f"{path.name}\n\n读取文件时出错：{read_trouble(exc)}。"
                            "请确认文件存在、没有被其他程序占用，再试一次。\n\n数据没有任何改动。")
    return None


class ImportDialog(QDialog):
    """Shows a preview and the questions it raises; 导入 writes it (and, if chosen, next year's report) at once.

    After Accepted, .report_id is the report to open: next year's when it was started, else the imported one.
    """

    def __init__(self, store: Store, preview: ImportPreview, *, unit: Unit | None = None,
                 for_year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.original = preview
        self.preview = preview
        self.for_year = for_year  # set when called from 新建年度报告: the year the user wants to start
        self.report_id: int | None = None
        self.imported_id: int | None = None
        if for_year is not None and not preview.report.year:
            self._set_year(for_year - 1)
        self.setWindowTitle("导入上一年度的报告")
        self.ensurePolished()  # the text size (style.dialogs_follow), which the questions' width is measured in
        layout = QVBoxLayout(self)
        self.kind = QLabel()
        self.kind.setWordWrap(True)
        style.hint(self.kind)
        layout.addWidget(self.kind)
        layout.addLayout(self._build_facts())
        middle = QHBoxLayout()
        self.tabs = PreviewTabs()
        middle.addWidget(self.tabs, 1)
        side = QVBoxLayout()
        side.addWidget(self._build_questions())
        side.addWidget(self._build_next_year())
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        scroll = QScrollArea()  # on a small screen or at a large text size the questions scroll, never clip
        scroll.setWidget(side_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the questions (it scrolls to them), not here
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # its options wrap instead
        # 20 characters (380 px at 14 pt), but at most 2/5 of the screen: at the largest text size the preview keeps
        # room, and an option wider than the column scrolls instead of being cut off unseen
        em = self.fontMetrics().horizontalAdvance("字")
        scroll.setFixedWidth(min(20 * em, self.screen().availableGeometry().width() * 2 // 5))
        middle.addWidget(scroll)
        layout.addLayout(middle, 1)
        buttons = name_keys(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.import_button = buttons.addButton("导入(&I)", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill_units(unit)
        self._show_version()
        style.fit_dialog(self, 62, 36)  # (1180 x 720 ran past a 1024 x 768 screen: 导入, 取消)

    # ----- building --------------------------------------------------------------------------------
    def _build_facts(self) -> QGridLayout:
        grid = QGridLayout()
        self.file_unit = QLabel()
        self.year = QSpinBox(minimum=NO_YEAR, maximum=2100)
        self.year.setSpecialValueText("未识别")
        self.year.setAccessibleName("报告年度")
        self.year.setToolTip("文件中认出的年度；认错了或没认出时在这里改。")
        self.title_label = QLabel()
        self.recipient = QLabel()
        self.signers = QLabel()
        self.date = QLabel()
        year_label = QLabel("年度(&Y)：")
        year_label.setBuddy(self.year)
        rows = [(QLabel("单位："), self.file_unit, year_label, self.year),
                (QLabel("标题："), self.title_label, QLabel("成文日期："), self.date),
                (QLabel("主送："), self.recipient, QLabel("署名："), self.signers)]
        for r, (a, b, c, d) in enumerate(rows):
            for value in (b, d):  # (unwrapped, a long 署名 made the dialog 1278 px wide at the largest text size)
                if isinstance(value, QLabel):
                    value.setWordWrap(True)
            grid.addWidget(a, r, 0)
            grid.addWidget(b, r, 1)
            grid.addWidget(c, r, 2)
            grid.addWidget(d, r, 3)
        grid.setColumnStretch(1, 1)
        self.year.valueChanged.connect(self._year_changed)
        return grid

    def _build_questions(self) -> QGroupBox:
        box = QGroupBox("导入到")
        v = QVBoxLayout(box)
        unit_row = QHBoxLayout()
        unit_label = QLabel("单位(&U)：")
        self.unit = QComboBox()
        # a long unit name no longer widens the column past its width (the list shows it whole)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(4)
        self.unit.setAccessibleName("导入到哪个单位")
        unit_label.setBuddy(self.unit)
        unit_row.addWidget(unit_label)
        unit_row.addWidget(self.unit, 1)
        v.addLayout(unit_row)
        self.unit_fills = QLabel()  # the unit's 抄送 / 联系人 the file fills in (only where they are empty)
        self.unit_fills.setWordWrap(True)
        self.unit_fills.setTextFormat(Qt.TextFormat.PlainText)  # the file's own words, never markup
        self.unit_fills.setAccessibleName("导入时填入的单位信息")
        v.addWidget(self.unit_fills)
        self.other_label = QLabel()
        self.other_label.setWordWrap(True)
        self.other_unit = WrappingCheckBox()
        v.addWidget(self.other_label)
        v.addWidget(self.other_unit)
        self.existing_label = QLabel()
        self.existing_label.setWordWrap(True)
        self.replace = WrappingRadioButton("替换原有的报告（原报告被删除）(&T)")
        self.keep_both = WrappingRadioButton("两份都保留(&B)")
        self.existing_group = QButtonGroup(self)
        for b in (self.replace, self.keep_both):
            self.existing_group.addButton(b)
        for w in (self.existing_label, self.replace, self.keep_both):
            v.addWidget(w)
        self.version_label = QLabel("这份文档导出之后在 Word 里被修改过，文档的文字与内嵌的数据不一致。采用哪一份？")
        self.version_label.setWordWrap(True)
        self.embedded = WrappingRadioButton("导出时内嵌的完整数据(&E)")
        self.edited = WrappingRadioButton("文档中修改后的文字（数据表仍取内嵌数据）(&W)")
        self.changes = QLabel(self._changes_text())
        self.changes.setTextFormat(Qt.TextFormat.PlainText)  # the document's own words, never markup
        self.changes.setWordWrap(True)
        self.changes.setAccessibleName("在 Word 中改动的地方")
        self.embedded.setChecked(True)
        self.version_group = QButtonGroup(self)
        for b in (self.embedded, self.edited):
            self.version_group.addButton(b)
        for w in (self.version_label, self.changes, self.embedded, self.edited):
            v.addWidget(w)
            w.setVisible(self.original.text_changed and self.original.document_version is not None)
        self.unit.currentIndexChanged.connect(lambda _i: self._refresh())
        self.edited.toggled.connect(lambda _on: self._show_version())
        return box

    def _changes_text(self) -> str:
        """What the document's text changes against the embedded data, one line each (capped)."""
        other = self.original.document_version
        if other is None:
            return ""
        lines = change_lines(compare_reports(self.original.report, other.report))
        return "在 Word 中改动的地方：\n" + "\n".join(f"· {line}" for line in lines)

    def _build_next_year(self) -> QGroupBox:
        box = QGroupBox("导入之后")
        v = QVBoxLayout(box)
        self.next_year = WrappingCheckBox()
        self.copy_text = WrappingCheckBox("把去年的正文也复制过来作为初稿(&D)")
        self.next_note = QLabel()
        self.next_note.setWordWrap(True)
        style.hint(self.next_note)
        self.copy_note = QLabel("复制来的段落标为“未更新”，您改过之后标记自动取消；检查时会提醒还没更新的段落。")
        self.copy_note.setWordWrap(True)
        style.hint(self.copy_note)
        for w in (self.next_year, self.next_note, self.copy_text, self.copy_note):
            v.addWidget(w)
        self._next_default = True
        self.next_year.toggled.connect(self._next_toggled)
        return box

    # ----- what is shown -----------------------------------------------------------------------------
    def _fill_units(self, chosen: Unit | None) -> None:
        """Stored units, and a new unit when none of them is the file's; the default as the flow wants it."""
        self.unit.blockSignals(True)
        units = self.store.units()
        for u in units:
            self.unit.addItem(u.name, u.id)
        found = assess(self.store, self.preview).unit
        if found is None:
            self.unit.addItem(f"新建单位：{self.preview.unit.name or '未命名单位'}", None)
        # from the menu a stored unit the file names comes first, then the open unit; from 新建年度报告, the open unit
        target = chosen if self.for_year is not None else (found or chosen)
        index = self.unit.findData(target.id) if target is not None else self.unit.count() - 1
        self.unit.setCurrentIndex(max(index, 0))
        self.unit.setEnabled(self.for_year is None)  # 新建年度报告 is for the unit that is open
        self.unit.blockSignals(False)

    def _chosen_unit(self) -> Unit | None:
        unit_id = self.unit.currentData()
        return self.store.unit(unit_id) if unit_id is not None else None

    def _show_version(self) -> None:
        use_edited = self.edited.isChecked() and self.original.document_version is not None
        self.preview = self.original.document_version if use_edited and self.original.document_version else \
            self.original
        p = self.preview
        self.kind.setText(f"文件：{p.path.name}　　{KIND_TEXT[p.kind]}")
        organs = "、".join(p.report.organs)
        self.file_unit.setText(p.unit.name or "（未识别）")
        self.recipient.setText(p.report.recipient or "（未识别）")
        self.signers.setText(organs or "（未识别）")
        d = p.report.date
        self.date.setText(written_date(d) if d else "（未识别）")
        self.year.blockSignals(True)
        self.year.setValue(p.report.year or NO_YEAR)
        self.year.blockSignals(False)
        self.tabs.show_preview(p)
        self._refresh()

    def _set_year(self, year: int) -> None:
        for p in (self.original, self.original.document_version):
            if p is not None:
                p.report.year = year

    def _year_changed(self, value: int) -> None:
        self._set_year(0 if value == NO_YEAR else value)
        self._refresh()

    def situation(self) -> Situation:
        return assess(self.store, self.preview, self._chosen_unit())

    def _refresh(self) -> None:
        """Title, the questions and the next-year choice for the current unit, year and text version."""
        report = self.preview.report
        known = report.year or report.title
        self.title_label.setText(report.display_title if known else "（年度未识别，请在右上方填写年度）")
        s = self.situation()
        name = s.unit.name if s.unit else (self.preview.unit.name or "未命名单位")
        # from 新建年度报告 the unit is the one open, and the list is locked: no 另选单位 to offer there
        other = "也可以在上面另选单位" if self.unit.isEnabled() else "选错了文件就按“取消”"
        self.other_label.setText(f"这个文件属于另一个单位：“{self.preview.unit.name}”。要导入到“{name}”名下，"
                                 f"请勾选确认；{other}。")
        self.other_unit.setText("确认导入到这个单位名下(&O)")
        self.unit_fills.setText("\n".join(s.notes))
        self.unit_fills.setVisible(bool(s.notes))
        self.other_label.setVisible(s.other_unit)
        self.other_unit.setVisible(s.other_unit)
        for w in (self.existing_label, self.replace, self.keep_both):
            w.setVisible(bool(s.existing))
        if s.existing:
            self.existing_label.setText(f"“{name}”已经有{report.year}年度的报告。替换它，还是两份都保留？"
                                        "都不要就按“取消”。")
        self._refresh_next_year(s, name)

    def _refresh_next_year(self, s: Situation, name: str) -> None:
        year = self.preview.report.year
        if not year:
            self.next_year.setText("接着新建下一年度的报告(&N)")
            self.next_note.setText("先填写年度。")
            self._enable_next(False, False)
            return
        nxt = year + 1
        self.next_year.setText(f"接着以它为基础新建{nxt}年度的报告(&N)")
        taken = s.unit is not None and any(r.year == nxt for r in self.store.reports(s.unit.id))
        if taken:
            self.next_note.setText(f"“{name}”已经有{nxt}年度的报告，不再新建。导入后打开导入的{year}年度报告。")
            self._enable_next(False, False)
            return
        note = (f"导入的文件保存为{year}年度的报告。勾选后，再以它为基础新建{nxt}年度的报告并打开它："
                "沿用各部分标题和条目标题，去年的数字放进数据表的“上年”一列，"
                "去年的“下一年度安排”变成今年的落实清单。")
        if self.for_year is not None and nxt != self.for_year:
            note += f"\n注意：文件是{year}年度的报告，新建的将是{nxt}年度，而不是您选的{self.for_year}年度。"
        self.next_note.setText(note)
        default = self.for_year is not None or nxt <= default_year()
        self._enable_next(True, default if self._next_default else self.next_year.isChecked())

    def _enable_next(self, enabled: bool, checked: bool) -> None:
        self.next_year.blockSignals(True)
        self.next_year.setEnabled(enabled)
        self.next_year.setChecked(checked)
        self.next_year.blockSignals(False)
        self._next_toggled(checked, by_user=False)

    def _next_toggled(self, checked: bool, *, by_user: bool = True) -> None:
        if by_user:
            self._next_default = False  # the user chose: later refreshes keep the choice
        self.copy_text.setEnabled(checked and self.next_year.isEnabled())
        if not self.copy_text.isEnabled():
            self.copy_text.setChecked(False)

    # ----- importing -------------------------------------------------------------------------------
    def _refuse(self, title: str, text: str, focus: QWidget) -> None:
        QMessageBox.warning(self, title, text)
        focus.setFocus()

    def accept(self) -> None:
        report = self.preview.report
        if not report.year:
            self._refuse("请填写年度", "没有认出这份报告的年度。请在“年度”中填写它是哪一年的报告，再按“导入”。",
                         self.year)
            return
        s = self.situation()
        if s.other_unit and not self.other_unit.isChecked():
            self._refuse("请确认单位", f"这个文件属于另一个单位（{self.preview.unit.name}）。确定要导入到"
                         f"“{s.unit.name if s.unit else ''}”名下，请勾选确认；否则在“单位”中另选，或按“取消”。",
                         self.other_unit)
            return
        existing: ExistingYear | None = None
        if s.existing:
            if not (self.replace.isChecked() or self.keep_both.isChecked()):
                self._refuse("请选择怎样处理已有的报告",
                             f"已经有{report.year}年度的报告。请选择“替换原有的报告”或“两份都保留”；"
                             "都不要就按“取消”。", self.replace)
                return
            existing = ExistingYear.REPLACE if self.replace.isChecked() else ExistingYear.KEEP_BOTH
            if existing is ExistingYear.REPLACE and not self._backed_up(s):
                return
        start_next = self.next_year.isEnabled() and self.next_year.isChecked()
        try:
            with self.store.transaction():
                imported = apply_import(self.store, self.preview, unit=s.unit, existing=existing,
                                        other_unit_confirmed=s.other_unit, figures=self.tabs.figures.accepted())
                started = (start_new_year(self.store, imported, copy_text=self.copy_text.isChecked())
                           if start_next else None)
        except Exception as exc:  # the transaction rolled back: tell the user, change nothing on screen
            QMessageBox.critical(self, "导入失败", f"没能导入，数据没有任何改动。\n\n原因：{exc}")
            return
        self.imported_id = imported
        self.report_id = started if started is not None else imported
        super().accept()

    def _backed_up(self, s: Situation) -> bool:
        """替换原有的报告 deletes a report: the whole store is copied aside first, as 删除这份报告 does, so that
        文件 → 恢复备份 offers it as 删除…报告之前的数据 (the day's backup may predate the report). False, said
        to the user, when the copy cannot be made: nothing is imported then."""
        try:
            backup.before_deleting_report(self.store.conn, self.store.backup_folder, s.existing[0].id)
        except (OSError, sqlite3.Error) as exc:  # (a full disk is sqlite3's "database or disk is full")
            QMessageBox.critical(self, "没有导入", "替换原有的报告之前，没能先备份数据，所以没有导入。\n\n"
                                 f"原因：{exc}\n\n"
                                 "请检查磁盘空间是否已满、U盘是否设了写保护，然后再导入；也可以选“两份都保留”。")
            return False
        return True


def import_file(parent: QWidget | None, store: Store, *, unit: Unit | None = None, path: Path | None = None,
                preview: ImportPreview | None = None, for_year: int | None = None) -> int | None:
    """The whole import: choose a file (unless given), read it, preview and confirm; the report to open, or None."""
    if preview is None:
        path = path or choose_import_file(parent)
        if path is None:
            return None
        preview = read_import_file(parent, path)
        if preview is None:
            return None
    dialog = ImportDialog(store, preview, unit=unit, for_year=for_year, parent=parent)
    try:
        return dialog.report_id if dialog.exec() else None
    finally:
        dialog.deleteLater()

"""文件 → 检查收到的报告: the county office reads and checks the units' files from a stick, and exports a summary.

The reading and checking (fzdesk.review) run in a worker thread that this dialog polls; the window stays usable.
The dialog holds no store: nothing of what it reads is written to the office's data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.review.batch import (
    ReviewError,
    ReviewRun,
    files_in,
    in_subfolders,
    mark_batch,
    shown_name,
    year_state,
)
from fzdesk.review.findings_text import finding_lines
from fzdesk.review.reading import Checker, ReviewedFile
from fzdesk.review.summary import summary_csv, summary_name
from fzdesk.ui import style
from fzdesk.ui.ask import name_keys
from fzdesk.ui.check_runner import Worker
from fzdesk.ui.review_table import ReviewTable

AUTO_YEAR = 1999  # the year box's value for "the year most files are of" (shown as 自动)
POLL_MS = 60
HELP = """**检查收到的报告**

用来检查各单位报送上来的年度报告（U盘里的 .docx，或本程序的报告数据文件 .json）。

1. 点“选择文件夹”，选中存放各单位报告的文件夹（例如U盘）。文件夹里的每个 .docx 和 .json 都会被读取并检查；
   勾选“包括子文件夹”（默认勾选）时，各乡镇、各部门子文件夹里的报告也一并读取，文件名前写明所在的子文件夹（文件名里已有子文件夹名称的，表格中只写文件名）。
   也可以用“添加文件”逐个加入。
2. 表格每行是一个文件：单位、年度、来源（本程序导出的文件带有完整数据；手写的 Word 文件由程序识别）、成文日期、
   错误、警告和提示各有几条（说法与报告窗口“检查”一步相同）、与去年比较（已核对、未核对）、状态。表格中写不下的内容，把鼠标停在格子上可以看到全文，选中一行在下方也能看到。
   读不了的文件在“状态”中写明原因（不是Word文件、文件已损坏、加密等），其他文件照常检查。同一单位同一年度有两个以上文件时标为“重复”：较新的一份（先看成文日期，再看文件修改时间，
   再看文件名中有没有“修改”“修订”“终稿”“定稿”）计入合计，其他的标为“较旧，未计入合计”；分不出哪一份较新时都不计入，
   请核对后只保留一份。与多数文件年度不同的标为“不是××年度报告”（也可以在“报告年度”中指定年度）。读不了的和有问题的文件排在前面；点列标题可以按那一列排序。
3. 选中一行，下方列出这个文件的检查结果，说法与报告窗口“检查”一步相同。收到的报告没有上一年度的报告可比：
   本程序导出的文件带有数据表的“上年”一列时按它核对，否则与去年比较的检查不做，并在下方注明。
4. “导出汇总表”保存一个 CSV 表格（可用 WPS 或 Excel 打开）：每个单位一行，含检查条数和数据表的全部数字；
   最后一行“合计”只加件数、人数、金额等确数，比率和约数（近、余）不加，表中有说明。读不了的文件列在表后。

检查只读取文件，不会修改收到的文件，也不会写入本单位的数据。"""


def choose_folder(parent: QWidget | None, start: str) -> Path | None:
    """Asks for the folder holding the received reports (the stick)."""
    from fzdesk.ui.file_dialogs import chosen, file_dialog

    name = chosen(file_dialog(parent, "选择存放各单位报告的文件夹", start, folders_only=True))
    return Path(name) if name else None


def choose_files(parent: QWidget | None, start: str) -> list[Path]:
    """Asks for one or more report files to add."""
    from fzdesk.ui.file_dialogs import file_dialog

    dialog = file_dialog(parent, "添加收到的报告文件", start, "Word 文档和报告数据 (*.docx *.json);;所有文件 (*)")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if not dialog.exec():
        return []
    return [Path(name) for name in dialog.selectedFiles()]


def choose_summary_path(parent: QWidget | None, start: str, name: str) -> Path | None:
    """Asks where to save the summary (Qt's and the system's dialogs ask before overwriting a file)."""
    from fzdesk.ui.file_dialogs import chosen, file_dialog

    dialog = file_dialog(parent, "导出汇总表", start, "CSV 表格（WPS、Excel 可打开） (*.csv)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix("csv")
    dialog.selectFile(name)
    path = chosen(dialog)
    return Path(path) if path else None


_checker: list[Checker] = []


def shared_checker() -> Checker:
    """The shipped rules and wording, loaded once (in the worker thread) for every review of this run."""
    if not _checker:
        _checker.append(Checker())
    return _checker[0]


class ReviewDialog(QDialog):
    """Reads and checks the chosen files in a worker thread; one row per file; the summary is written safely."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("检查收到的报告")
        self.rows: list[ReviewedFile] = []
        self.year: int | None = None
        self.folder: Path | None = None
        self.run: ReviewRun | None = None
        self.unchecked: list[Path] = []  # the files a cancelled run did not reach (the summary says so)
        self.added: list[Path] = []  # the files added one by one (添加文件) since the folder was chosen
        self._taken = 0
        self._busy = False
        self._worker: Worker | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        self.progress = QLabel("请选择存放各单位报告的文件夹（例如U盘），或逐个添加文件。")
        self.progress.setWordWrap(True)
        self.cancel_button = QPushButton("取消(&T)")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        line = QHBoxLayout()
        line.addWidget(self.progress, 1)
        line.addWidget(self.cancel_button)
        layout.addLayout(line)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_table())
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("所选文件的检查结果")
        self.details.setPlaceholderText("选中表格中的一行，这里列出那个文件的检查结果。")
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_buttons())
        QShortcut(QKeySequence("F1"), self, self.show_help)
        self.ensurePolished()  # (the text size arrives when the dialog is polished: style.dialogs_follow)
        self._follow_text_size()
        style.fit_dialog(self, 96, 46)
        # ten columns: on a small screen the whole width, not 90% of it (at 1366 px 状态 was behind a scroll bar)
        wide = min(96 * QFontMetrics(self.font()).horizontalAdvance("字"),
                   self.screen().availableGeometry().width() - style.FRAME_ROOM.width())
        self.resize(max(self.width(), wide), self.height())

    # ----- building ------------------------------------------------------------------------------
    def _build_top(self) -> QGridLayout:
        """The buttons, 包括子文件夹 under them (beside them the row is wider than a 1024 px screen at 28 pt), and
        报告年度 on the right."""
        top = QGridLayout()
        self.folder_button = QPushButton("选择文件夹(&F)…")
        self.folder_button.clicked.connect(self.choose_folder)
        self.add_button = QPushButton("添加文件(&A)…")
        self.add_button.clicked.connect(self.add_files)
        self.subfolders_box = QCheckBox("包括子文件夹(&S)")
        self.subfolders_box.setChecked(True)  # offices often keep one folder per township on the stick
        self.subfolders_box.setToolTip("也读取所选文件夹中各个子文件夹里的报告（例如每个乡镇一个文件夹）。")
        self.subfolders_box.toggled.connect(self._subfolders_toggled)
        self.year_box = QSpinBox()
        self.year_box.setRange(AUTO_YEAR, 2100)
        self.year_box.setSpecialValueText("自动")
        self.year_box.setAccessibleName("报告年度")
        self.year_box.setValue(AUTO_YEAR)
        self.year_box.setToolTip("与这个年度不同的报告标为“不是××年度报告”，不计入合计。“自动”：多数文件的年度。")
        self.year_box.valueChanged.connect(self._year_changed)
        year_label = QLabel("报告年度(&Y)：")
        year_label.setBuddy(self.year_box)
        top.addWidget(self.folder_button, 0, 0)
        top.addWidget(self.add_button, 0, 1)
        top.addWidget(self.subfolders_box, 1, 0, 1, 2)
        top.setColumnStretch(2, 1)
        top.addWidget(year_label, 0, 3)
        top.addWidget(self.year_box, 0, 4)
        return top

    def _build_table(self) -> ReviewTable:
        self.table = ReviewTable()
        self.table.itemSelectionChanged.connect(self._show_selected)
        return self.table

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.export_button = QPushButton("导出汇总表(&E)…")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_summary)
        help_button = QPushButton("帮助(&H)")
        help_button.clicked.connect(self.show_help)
        box = name_keys(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        box.rejected.connect(self.close)
        buttons.addWidget(self.export_button)
        buttons.addWidget(help_button)
        buttons.addStretch(1)
        buttons.addWidget(box)
        return buttons

    def _follow_text_size(self) -> None:
        """The column titles and the rows' height at the dialog's text size: Qt gives the header a font of its own
        (the platform's small header font), which a dialog's font does not reach."""
        self.table.follow_text_size(self.font())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):  # 放大文字 while the dialog is open
            self._follow_text_size()
        super().changeEvent(event)

    # ----- choosing files --------------------------------------------------------------------------
    def _start_folder(self) -> str:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        from fzdesk.ui.file_dialogs import stick_folder

        folders = [str(self.folder) if self.folder else "", stick_folder(), documents, str(Path.home())]
        return next((f for f in folders if f and Path(f).is_dir()), "")

    def choose_folder(self) -> None:
        folder = choose_folder(self, self._start_folder())
        if folder is not None:
            self.review_folder(folder)

    def add_files(self) -> None:
        paths = choose_files(self, self._start_folder())
        if paths:
            self.added += [p for p in paths if p not in self.added]
            self.review_files(paths, replace=False)

    def review_folder(self, folder: Path, *, keep_added: bool = False) -> bool:
        """Every report file in folder (and its subfolders when 包括子文件夹 is ticked), read and checked in place of
        the files shown (with keep_added, the files added one by one are read again too); False (and the reason
        said) when the folder holds none."""
        try:
            paths = files_in(folder, self.subfolders_box.isChecked())
        except ReviewError as exc:
            QMessageBox.warning(self, "这个文件夹中没有可检查的报告", str(exc))
            return False
        self.folder = Path(folder)
        if keep_added:
            listed = {p.resolve() for p in paths}
            paths += [p for p in self.added if p.resolve() not in listed]
        else:
            self.added = []
        self.review_files(paths, replace=True)
        return True

    def _subfolders_toggled(self) -> None:
        """Ticked or unticked after a folder was read: the folder is read again with or without its subfolders, and
        the files added one by one stay."""
        if self.folder is not None and not self.running:
            self.review_folder(self.folder, keep_added=True)

    def review_files(self, paths: list[Path], *, replace: bool) -> None:
        """Starts reading paths in the worker thread (added to the rows shown, or in their place)."""
        if self.running:
            return
        if replace:
            self.rows = []
            self.unchecked = []
            self.table.setRowCount(0)
            self.details.clear()
        shown = {r.path.resolve() for r in self.rows}
        paths = [p for p in paths if p.resolve() not in shown]
        if not paths:
            self.progress.setText("这些文件已经在表格中了。")
            return
        self.run = ReviewRun(paths, self.folder)
        self._taken = 0
        if self._worker is None:
            self._worker = Worker("fzdesk-review")
        self._worker.submit(self.run.run, None, shared_checker)
        self._set_running(True)
        self._poll()
        self._timer.start()

    @property
    def running(self) -> bool:
        """From the start of a run until its last row is in the table."""
        return self._busy

    def _set_running(self, running: bool) -> None:
        self._busy = running
        self.cancel_button.setEnabled(running)
        for widget in (self.folder_button, self.add_button, self.subfolders_box, self.year_box):
            widget.setEnabled(not running)
        self.export_button.setEnabled(not running and any(r.readable for r in self.rows))
        if running:
            self.cancel_button.setFocus()  # (Space or Enter stops it; a disabled button had the focus)
        elif self.rows:
            self.table.setFocus()

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.progress.setText("正在停止（读完当前这个文件后停止）…")

    # ----- results ------------------------------------------------------------------------------
    def _poll(self) -> None:
        run = self.run
        if run is None:
            return
        done = run.done  # (read before the rows: the worker may add its last row and end while they are taken)
        for row in run.taken(self._taken):
            self._taken += 1
            self.rows.append(row)
            self.table.append(row, len(self.rows) - 1)
        if not done:
            current = f"：{run.current}" if run.current else ""
            self.progress.setText(f"正在读取和检查第 {min(self._taken + 1, len(run.paths))}/{len(run.paths)} 个文件"
                                  f"{current}")
            return
        self._timer.stop()
        self._finish(run)

    def _finish(self, run: ReviewRun) -> None:
        self._refresh_marks()
        self._set_running(False)
        if run.error:
            QMessageBox.warning(self, "无法检查", run.error)
        unread = sum(1 for r in self.rows if not r.readable)
        problems = sum(1 for r in self.rows if r.errors)
        said = [f"共 {len(self.rows)} 个文件", f"{problems} 个有错误"]
        if unread:
            said.append(f"{unread} 个读不了")
        duplicates = sum(1 for r in self.rows if r.duplicates)
        if duplicates:
            said.append(f"{duplicates} 个重复")
        read = {r.path for r in self.rows}
        self.unchecked = [p for p in self.unchecked if p not in read]
        if run.cancelled:
            self.unchecked += run.paths[self._taken:]
        prefix = (f"已取消：只检查了 {self._taken}/{len(run.paths)} 个新文件（导出的汇总表会注明合计不完整）。"
                  if run.cancelled else "检查完毕：")
        below = in_subfolders(self.folder) if self.folder and not self.subfolders_box.isChecked() else 0
        skipped = f"子文件夹中还有 {below} 个文件没有读取（勾选“包括子文件夹”可一并检查）。" if below else ""
        read_rows = [r for r in self.rows if r.readable]
        counts = (f"；错误 {sum(r.errors for r in read_rows)} 条，警告 {sum(r.warnings for r in read_rows)} 条，"
                  f"提示 {sum(r.infos for r in read_rows)} 条" if read_rows else "")
        self.progress.setText(prefix + "，".join(said) + counts + "。" + skipped + "选中一行查看详情。")
        if self.table.rowCount() and not self.table.selectedItems():
            self.table.selectRow(0)

    def _refresh_marks(self) -> None:
        """Duplicates and other years are known only for the whole batch: their 状态 is written again."""
        wanted = None if self.year_box.value() == AUTO_YEAR else self.year_box.value()
        self.year = mark_batch(self.rows, wanted)
        self.table.refresh_marks(self.rows, self.year)
        self._show_selected()

    def _year_changed(self) -> None:
        if self.rows and not self.running:
            self._refresh_marks()

    def selected_row(self) -> ReviewedFile | None:
        index = self.table.selected_index()
        return None if index is None else self.rows[index]

    def _show_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            self.details.clear()
            return
        self.details.setPlainText("\n".join(finding_lines(row, year_state(row, self.year))))

    # ----- the summary --------------------------------------------------------------------------
    def export_summary(self) -> Path | None:
        """Writes the summary CSV where the user says, through write_safely; the path written, or None."""
        from fzdesk.export.handoff import HandoffError, write_safely

        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path = choose_summary_path(self, start if Path(start or "/nonexistent").is_dir() else self._start_folder(),
                                   summary_name(self.year))
        if path is None:
            return None
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        unchecked = [shown_name(p, self.folder) for p in self.unchecked]
        data = summary_csv(self.rows, resources.catalogue(), self.year, unchecked)
        try:
            written = write_safely(path.parent, path.name, data, overwrite=True)
        except HandoffError as exc:
            QMessageBox.warning(self, "汇总表没有保存", str(exc))
            return None
        incomplete = f"注意：还有 {len(unchecked)} 个文件没有检查，合计不完整，表中已注明。" if unchecked else ""
        self.progress.setText(f"汇总表{written.message}{incomplete}")
        return written.path

    # ----- help and closing ---------------------------------------------------------------------
    def show_help(self) -> None:
        from fzdesk.ui.help import HelpDialog

        HelpDialog("检查收到的报告", HELP, self).exec()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window closing (a hide the program made, not a minimise) closes the dialog and stops its run: the
        modeless dialog would otherwise stay on screen and keep the program running after the window is gone."""
        if watched is self.parent() and event.type() == QEvent.Type.Hide and not event.spontaneous():
            self.close()
        return False

    def _stop(self) -> None:
        if self.run is not None:
            self.run.cancel()  # the worker stops after the file it is reading; its thread then ends by itself
        self._timer.stop()
        self._worker = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc
        self._stop()
        super().done(result)


def open_review(window: QWidget) -> ReviewDialog:
    """Shows the review dialog (modeless: the report can stay open beside it); an open one is brought forward."""
    for dialog in window.findChildren(ReviewDialog):
        if dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    dialog = ReviewDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.installEventFilter(dialog)
    dialog.show()
    return dialog

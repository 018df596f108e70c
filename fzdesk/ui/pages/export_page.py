"""Step 导出: the document options (remembered per unit), the target (a USB stick or any folder), what the checks
left (errors not dealt with, the dismissed findings with their reasons), a paged preview, and the safe export of
the .docx (and PDF) with a clear word on when the stick may be removed."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.checks.engine import check_report
from fzdesk.checks.findings import CheckResult, Finding, Severity
from fzdesk.checks.rules import load_rules
from fzdesk.checks.wording import load_wording
from fzdesk.domain.naming import step_titles
from fzdesk.export import geometry
from fzdesk.export.closing import default_issuer
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.drives import Drive, removable_drives
from fzdesk.export.handoff import HandoffError, TargetExists, report_file_name, stick_note, write_safely
from fzdesk.export.options import (
    ExportOptions,
    FontSet,
    PageNumbers,
    Variant,
    remember,
    stale_doc_number_year,
    unit_options,
)
from fzdesk.export.record import record_export
from fzdesk.typeset.paged import foot_pages
from fzdesk.typeset.preview import preview_pages
from fzdesk.ui import ask as answers
from fzdesk.ui import style
from fzdesk.ui.ask import Role, ask
from fzdesk.ui.kept_edits import save_unit, write_text
from fzdesk.ui.pages.base import Page, Session, buddy_label
from fzdesk.ui.pages.report_page import DateEdit

# Mnemonics: the window already uses Alt+Q/E/P/N (switcher, Back/Next) and F/G/V/T/H (menus).
OVERWRITE, NEW_NAME, CANCEL = "overwrite", "new", "cancel"
GO_CHECK, EXPORT_ANYWAY = "check", "anyway"
MAX_PREVIEW_DPI = 72


class ExportPage(Page):
    #: The user chose to deal with the errors first: the window opens the 检查 step.
    go_to_check = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        assert session.unit is not None and session.report is not None
        self.result = CheckResult()
        self.outer.addWidget(self.hint(
            "选择公文格式和保存位置，先预览，再导出。导出的 Word 文件符合 GB/T 9704—2012，并带有本报告的数据，"
            "明年可以直接导入。"))
        columns = QHBoxLayout()
        columns.setSpacing(12)
        left = QWidget()
        left.setObjectName("exportForm")
        form = QVBoxLayout(left)
        form.setContentsMargins(0, 0, 6, 0)
        form.addWidget(self._checks_box())  # what to know before exporting comes first
        form.addWidget(self._target_box())
        form.addWidget(self._options_box())
        form.addStretch(1)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QScrollArea.Shape.NoFrame)
        # not a Tab stop of its own (read as nothing): Tab goes to its fields, and it scrolls to the one in focus
        self.form_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.form_area.setWidget(left)
        self.form = left
        self.form_area.setMinimumWidth(460)  # refined in showEvent, once the style sheet and font size apply
        left_column = QVBoxLayout()
        left_column.addWidget(self.form_area, 1)
        buttons = QHBoxLayout()  # always in sight, below the scrolled form
        self.preview_button = QPushButton("预览(&Y)")
        self.export_button = QPushButton("导出(&X)")
        self.export_button.setDefault(True)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        left_column.addLayout(buttons)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("导出结果")
        left_column.addWidget(self.status)
        columns.addLayout(left_column, 3)
        self.pages_area = QScrollArea()
        self.pages_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_area.setAccessibleName("打印预览")
        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(12)
        self.placeholder = QLabel("点“预览”（Alt+Y）查看报告打印出来的样子：每一页与导出的文件相同。")
        self.placeholder.setWordWrap(True)
        style.hint(self.placeholder)
        self.pages_layout.addWidget(self.placeholder)
        self.pages_area.setWidget(self.pages_widget)
        self.pages_area.setWidgetResizable(True)
        columns.addWidget(self.pages_area, 2)
        self.outer.addLayout(columns, 1)
        self.reload()
        self.preview_button.clicked.connect(self.show_preview)
        self.export_button.clicked.connect(self.export)

    def first_focus(self) -> QWidget | None:
        return self.export_button

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_form()
        self.refresh_checks()  # dismissals and fixes made in 检查 since the page was last shown

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.isVisible():
            # 放大文字 while on this step: measured only in showEvent, the form kept its old width and cut its
            # buttons (转到检查, 刷新, 选择文件夹) behind a sideways scroll bar
            self.form.ensurePolished()
            self._fit_form()

    def _fit_form(self) -> None:
        """Wide enough for the form's own minimum, so its buttons are never clipped; the preview column gives way."""
        self.form_area.setMinimumWidth(max(460, self.form.minimumSizeHint().width()
                                           + self.form_area.verticalScrollBar().sizeHint().width() + 2))

    # ----- options ------------------------------------------------------------------------------------
    def _options_box(self) -> QGroupBox:
        box = QGroupBox("公文格式")
        form = QFormLayout(box)
        self.font_gb = QRadioButton("公文字体（方正小标宋、仿宋_GB2312 等）")
        self.font_windows = QRadioButton("Windows 自带字体（宋体、仿宋、楷体、黑体）")
        self.fonts = QButtonGroup(self)
        for b in (self.font_gb, self.font_windows):
            self.fonts.addButton(b)
        fonts = QVBoxLayout()
        fonts.addWidget(self.font_gb)
        fonts.addWidget(self.font_windows)
        form.addRow("字体", fonts)
        self.public = QRadioButton("公开稿（在网站上公开）")
        self.submitted = QRadioButton("报送稿（报上级：发文字号、签发人、版记）")
        self.variants = QButtonGroup(self)
        for b in (self.public, self.submitted):
            self.variants.addButton(b)
        variants = QVBoxLayout()
        variants.addWidget(self.public)
        variants.addWidget(self.submitted)
        form.addRow("用途", variants)
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText("例如：沈政办〔2024〕1号")
        self.signer = QLineEdit()
        form.addRow(buddy_label("发文字号(&W)", self.doc_number), self.doc_number)
        self.doc_number_note = style.error(QLabel())  # (the palette: a style sheet kept it from the text size)
        self.doc_number_note.setWordWrap(True)
        form.addRow("", self.doc_number_note)
        form.addRow(buddy_label("签发人(&S)", self.signer), self.signer)
        # 版记 (GB/T 9704-2012 7.4.3): 印发机关 per unit, 印发日期 per report (else the 成文日期).
        self.imprint = QCheckBox("版记印上印发机关和印发日期(&J)")
        form.addRow("", self.imprint)
        self.issuer = QLineEdit()
        form.addRow(buddy_label("印发机关(&Z)", self.issuer), self.issuer)
        self.issued_on = DateEdit()
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat("yyyy年M月d日")
        self.issued_same = QCheckBox("同成文日期")
        issued = QHBoxLayout()
        issued.addWidget(self.issued_on)
        issued.addWidget(self.issued_same)
        issued.addStretch(1)
        form.addRow(buddy_label("印发日期(&C)", self.issued_on), issued)
        self.imprint.toggled.connect(self._options_edited)
        self.issuer.textEdited.connect(self._options_edited)
        self.issued_on.dateChanged.connect(self._issued_edited)
        self.issued_same.toggled.connect(self._issued_edited)
        self.bold = QCheckBox("二级标题“（一）”加粗(&B)")
        self.annex = QCheckBox("附上本年度数据表（附件）(&A)")
        self.seal = QCheckBox("为印章留出位置（成文日期右空四字）(&L)")
        for c in (self.bold, self.annex, self.seal):
            form.addRow("", c)
        self.page_numbers = QComboBox()
        self.page_numbers.addItem("单页在右、双页在左（GB/T 9704）", PageNumbers.OUTSIDE.value)
        self.page_numbers.addItem("居中", PageNumbers.CENTRED.value)
        form.addRow(buddy_label("页码(&M)", self.page_numbers), self.page_numbers)
        for button in (self.font_gb, self.font_windows, self.public, self.submitted, self.bold, self.annex,
                       self.seal):
            button.toggled.connect(self._options_edited)
        for edit in (self.doc_number, self.signer):
            edit.textEdited.connect(self._options_edited)
        self.page_numbers.currentIndexChanged.connect(self._options_edited)
        return box

    def options(self) -> ExportOptions:
        return ExportOptions(
            font_set=FontSet.WINDOWS if self.font_windows.isChecked() else FontSet.GB,
            variant=Variant.SUBMITTED if self.submitted.isChecked() else Variant.PUBLIC,
            doc_number=self.doc_number.text().strip(), signer=self.signer.text().strip(),
            bold_level2=self.bold.isChecked(), figures_annex=self.annex.isChecked(),
            page_numbers=PageNumbers(self.page_numbers.currentData()), seal_space=self.seal.isChecked(),
            imprint=self.imprint.isChecked(), issuer=self.issuer.text().strip())

    def reload(self) -> None:
        assert self.session.unit is not None
        o = unit_options(self.session.unit)
        widgets = (self.font_gb, self.font_windows, self.public, self.submitted, self.bold, self.annex, self.seal,
                   self.doc_number, self.signer, self.page_numbers, self.imprint, self.issuer, self.issued_on,
                   self.issued_same)
        for w in widgets:
            w.blockSignals(True)
        (self.font_windows if o.font_set is FontSet.WINDOWS else self.font_gb).setChecked(True)
        (self.submitted if o.variant is Variant.SUBMITTED else self.public).setChecked(True)
        self.doc_number.setText(o.doc_number)
        self.signer.setText(o.signer)
        self.bold.setChecked(o.bold_level2)
        self.annex.setChecked(o.figures_annex)
        self.seal.setChecked(o.seal_space)
        self.imprint.setChecked(o.imprint)
        self.issuer.setText(o.issuer)
        report = self.session.report
        assert report is not None
        self.issuer.setPlaceholderText(default_issuer(report, self.session.unit))
        self.issued_same.setChecked(report.issued_on is None)
        shown = report.issued_on or report.date or dt.date.today()
        self.issued_on.setDate(QDate(shown.year, shown.month, shown.day))
        self.page_numbers.setCurrentIndex(self.page_numbers.findData(o.page_numbers.value))
        for w in widgets:
            w.blockSignals(False)
        self._enable()

    def _enable(self) -> None:
        for w in (self.doc_number, self.signer, self.imprint):
            w.setEnabled(self.submitted.isChecked())
        for w in (self.issuer, self.issued_same):
            w.setEnabled(self.submitted.isChecked() and self.imprint.isChecked())
        self.issued_on.setEnabled(self.issuer.isEnabled() and not self.issued_same.isChecked())
        report = self.session.report
        stale = stale_doc_number_year(self.doc_number.text(), report.date if report is not None else None)
        if stale is not None and self.submitted.isChecked() and report is not None and report.date is not None:
            self.doc_number_note.setText(f"发文字号的年份是{stale}年，成文日期是{report.date.year}年{report.date.month}月"
                                         f"{report.date.day}日：是不是沿用了去年的文号？请改成今年的发文字号。")
        else:
            self.doc_number_note.setText("")
        self.doc_number_note.setVisible(bool(self.doc_number_note.text()))

    def _issued_edited(self) -> None:
        """印发日期: the report's own, saved at once; 同成文日期 stores none."""
        report = self.session.report
        assert report is not None and report.id is not None
        self._enable()
        chosen = self.issued_on.date()
        own = dt.date(chosen.year(), chosen.month(), chosen.day())
        report.issued_on = None if self.issued_same.isChecked() else own
        write_text(self.session.saver, self.session.store, "report", report.id, issued_on=report.issued_on)
        self.changed.emit()

    def _options_edited(self) -> None:
        unit = self.session.unit
        assert unit is not None
        self._enable()
        remember(unit, self.options())
        save_unit(self.session.saver, self.session.store, unit)
        self.changed.emit()

    # ----- target ---------------------------------------------------------------------------------------
    def _target_box(self) -> QGroupBox:
        box = QGroupBox("保存位置")
        form = QFormLayout(box)
        drives = QHBoxLayout()
        self.drives = QComboBox()
        self.drives.setAccessibleName("U盘")
        # A long entry ("没有找到U盘：请插入…") must not widen the form past the pane and clip its buttons.
        self.drives.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.drives.setMinimumContentsLength(10)
        self.refresh_button = QPushButton("刷新(&R)")
        drives.addWidget(self.drives, 1)
        drives.addWidget(self.refresh_button)
        form.addRow(buddy_label("U盘(&U)", self.drives), drives)
        folder = QHBoxLayout()
        self.folder = QLineEdit()
        self.browse_button = QPushButton("选择文件夹(&O)…")
        folder.addWidget(self.folder, 1)
        folder.addWidget(self.browse_button)
        form.addRow(buddy_label("文件夹(&D)", self.folder), folder)
        self.pdf = QCheckBox("同时保存 PDF（给没有 Word 的人看）(&I)")
        form.addRow("", self.pdf)
        self.refresh_button.clicked.connect(self.refresh_drives)
        self.browse_button.clicked.connect(self.browse)
        self.drives.activated.connect(self._drive_chosen)
        self.refresh_drives()
        return box

    def list_drives(self) -> list[Drive]:
        return removable_drives()

    def refresh_drives(self) -> None:
        self.drives.clear()
        found = self.list_drives()
        # short enough for the list at 1366 px (the longer hint was cut after 或选择); the whole of it as a tip
        self.drives.setToolTip("" if found else "没有找到U盘：请插入U盘后点“刷新”，或在下面选择任意文件夹")
        if not found:
            self.drives.addItem("没有找到U盘，插入后点“刷新”", "")
        for d in found:
            self.drives.addItem(d.description, str(d.path))
        if found and not self.folder.text():
            self.folder.setText(str(found[0].path))

    def _drive_chosen(self, index: int) -> None:
        path = self.drives.itemData(index)
        if path:
            self.folder.setText(path)

    def browse(self) -> None:
        from fzdesk.ui.file_dialogs import chosen, file_dialog

        folder = chosen(file_dialog(self, "选择保存文件夹", self.folder.text(), folders_only=True))
        if folder:
            self.folder.setText(folder)

    # ----- what the checks left -------------------------------------------------------------------------
    def _checks_box(self) -> QGroupBox:
        box = QGroupBox("导出前检查")
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.checks_summary = QLabel()
        self.checks_summary.setWordWrap(True)
        self.checks_summary.setAccessibleName("检查结果")
        self.check_button = QPushButton("转到检查(&K)")
        row.addWidget(self.checks_summary, 1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.dismissed_label = QLabel()
        layout.addWidget(self.dismissed_label)
        self.dismissed = QListWidget()
        self.dismissed.setAccessibleName("已忽略的问题")
        self.dismissed.setWordWrap(True)
        self.dismissed.setMaximumHeight(160)
        self.dismissed.setAlternatingRowColors(True)  # one finding and its reason per band
        self.dismissed.setSpacing(2)
        self.dismissed_label.setBuddy(self.dismissed)
        layout.addWidget(self.dismissed)
        self.check_button.clicked.connect(self.go_to_check)
        return box

    def run_checks(self) -> CheckResult:
        """Every check over the report as it is now (as 检查 and `fzdesk check` run them)."""
        from fzdesk.exchange.new_year import previous_report
        from fzdesk.storage.checklist import plan_checks

        report, store = self.session.report, self.session.store
        assert report is not None and report.id is not None
        return check_report(report, self.session.unit, resources.catalogue(), load_rules(store.folder),
                            load_wording(store.folder), previous_report(store, report),
                            plan_checks(store, report.id))

    def refresh_checks(self) -> None:
        self.result = self.run_checks()
        errors = self.open_errors()
        warnings = [f for f in self.result.open_findings if f.severity is Severity.WARNING]
        if errors:
            text = f"还有{len(errors)}个错误没有处理" + (f"，另有{len(warnings)}个警告" if warnings else "") + \
                   "。建议先到“检查”修改，或写明理由后忽略。"
        elif warnings:
            text = f"没有错误；还有{len(warnings)}个警告，可以到“检查”看一看。"
        else:
            text = "没有未处理的错误和警告。"
        self.checks_summary.setText(text)
        # red through the palette, not a style sheet: a sheet on the label stopped the pages' text size (视图 menu)
        # from reaching it, and the line stayed small after 导出 or 放大文字
        if errors:
            style.error(self.checks_summary)
        else:
            self.checks_summary.setPalette(QPalette())  # nothing set: every colour inherited again
        dismissed = self.dismissed_findings()
        self.dismissed_label.setText(f"已忽略的问题 {len(dismissed)} 条（理由随报告数据一并导出）：" if dismissed
                                     else "没有忽略的问题。")
        self.dismissed.clear()
        for f in dismissed:
            where = f.location.describe(step_titles(self.session.report))  # 数据 · 行政复议 · 审结
            item = QListWidgetItem(f"【{f.severity.label}】{f.message}（{where}）\n"
                                   f"理由：{f.reason or '（未写）'}")
            item.setToolTip(f.excerpt)
            self.dismissed.addItem(item)
        self.dismissed.setVisible(bool(dismissed))

    def open_errors(self) -> list[Finding]:
        return [f for f in self.result.open_findings if f.severity is Severity.ERROR]

    def dismissed_findings(self) -> list[Finding]:
        return [f for f in self.result.findings if f.dismissed]

    def ask_unresolved(self, errors: list[Finding]) -> str:
        """Errors not dealt with remain: GO_CHECK, EXPORT_ANYWAY or CANCEL."""
        listed = "\n".join(f"· {f.message}" for f in errors[:5]) + ("\n……" if len(errors) > 5 else "")
        answer = ask(self, QMessageBox.Icon.Warning, "还有错误没有处理",
                     f"检查发现{len(errors)}个错误还没有处理：\n\n{listed}\n\n"
                     "建议先到“检查”修改，或写明理由后忽略（理由会随报告导出）。",
                     [("转到检查(&G)", Role.AcceptRole), ("仍然导出(&E)", Role.DestructiveRole),
                      (answers.CANCEL, Role.RejectRole)],
                     default=0)
        return CANCEL if answer is None else (GO_CHECK, EXPORT_ANYWAY, CANCEL)[answer]

    # ----- preview and export ----------------------------------------------------------------------------
    def show_preview(self) -> None:
        self.placeholder.hide()
        for page in self.page_labels():
            self.pages_layout.removeWidget(page)
            page.setParent(None)  # gone from page_labels() at once, not only when the event loop runs
            page.deleteLater()
        assert self.session.report is not None and self.session.unit is not None
        images = preview_pages(self.session.report, self.session.unit, self.options(), resources.catalogue(),
                               dpi=self.preview_dpi())
        for n, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setObjectName("previewPage")
            label.setAccessibleName(f"第{n}页")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("background: #888; padding: 8px;")
            label.setMinimumSize(image.width() + 16, image.height() + 16)  # whole pages, scrolled
            self.pages_layout.addWidget(label)
            label.show()
        self.pages_layout.activate()
        self.status.setText(f"预览：共{len(images)}页。")

    def page_labels(self) -> list[QLabel]:
        """The preview's pages, top to bottom."""
        return self.pages_widget.findChildren(QLabel, "previewPage")

    def preview_dpi(self) -> int:
        """Whole pages as wide as the preview pane allows (at most 72 dpi, at least 36)."""
        bar = self.pages_area.verticalScrollBar()  # shown once there are pages: leave room for it
        room = self.pages_area.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width()) - 40
        return max(36, min(MAX_PREVIEW_DPI, int(room * 1440 / geometry.PAGE_WIDTH)))

    def ask_existing(self, error: TargetExists) -> str:
        """Asks what to do with a file of the same name: OVERWRITE, NEW_NAME or CANCEL."""
        answer = ask(self, QMessageBox.Icon.Question, "已有同名文件", str(error),
                     [("覆盖(&W)", Role.DestructiveRole), (f"另存为“{error.suggestion.name}”(&S)", Role.AcceptRole),
                      (answers.CANCEL, Role.RejectRole)], default=1)  # Enter: a new name, never 覆盖
        return CANCEL if answer is None else (OVERWRITE, NEW_NAME, CANCEL)[answer]

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "没有导出", message)

    def _write(self, folder: Path, name: str, data: bytes) -> Path | None:
        try:
            return write_safely(folder, name, data).path
        except TargetExists as exc:
            choice = self.ask_existing(exc)
            if choice == OVERWRITE:
                return write_safely(folder, name, data, overwrite=True).path
            if choice == NEW_NAME:
                return write_safely(folder, exc.suggestion.name, data).path
            return None

    def export(self) -> None:
        report, unit = self.session.report, self.session.unit
        assert report is not None and unit is not None
        self.session.saver.flush()  # the file carries what the screen shows
        folder = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        if folder is None:
            self.show_error("请先选择U盘或保存文件夹。")
            return
        self.refresh_checks()
        errors = self.open_errors()
        if errors:
            choice = self.ask_unresolved(errors)
            if choice == GO_CHECK:
                self.status.setText("没有导出：请先处理“检查”中的错误。")
                self.go_to_check.emit()
                return
            if choice != EXPORT_ANYWAY:
                self.status.setText("已取消导出。")
                return
        options = self.options()
        name = report_file_name(report.organs or unit.organs or [unit.name], report.year)
        written: list[Path] = []
        try:
            from fzdesk.storage.checklist import plan_checks

            assert report.id is not None
            exported = export_docx(report, unit, options, resources.catalogue(),
                                   plan_checks=plan_checks(self.session.store, report.id), pages=foot_pages)
            path = self._write(folder, name, exported.data)
            if path is None:
                self.status.setText("已取消导出。")
                return
            written.append(path)
            if self.pdf.isChecked():
                from fzdesk.typeset.pdf import write_pdf

                with tempfile.TemporaryDirectory(prefix="fzdesk-pdf-") as tmp:
                    pdf = write_pdf(report, unit, Path(tmp) / "report.pdf", options, resources.catalogue())
                    pdf_path = self._write(folder, path.with_suffix(".pdf").name, pdf.read_bytes())
                if pdf_path is not None:
                    written.append(pdf_path)
        except HandoffError as exc:
            self.status.setText("没有导出：" + str(exc))
            self.show_error(str(exc))
            return
        names = "、".join(f"“{p.name}”" for p in written)
        self.status.setText(f"已保存{names}到“{folder}”，并已读回核对无误{stick_note(folder)}。")
        record_export(self.session.store, report, unit, exported.text_hash, written)  # 已完成 while unchanged
        self.changed.emit()

"""Step 导出: the document options (remembered per unit), the target (a USB stick or any folder), a paged
preview, and the safe export of the .docx (and PDF) with a clear word on when the stick may be removed."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.drives import Drive, removable_drives
from fzdesk.export.handoff import HandoffError, TargetExists, report_file_name, write_safely
from fzdesk.export.options import ExportOptions, FontSet, PageNumbers, Variant, remember, unit_options
from fzdesk.export.preview import preview_pages
from fzdesk.ui.pages.base import Page, Session, buddy_label

OVERWRITE, NEW_NAME, CANCEL = "overwrite", "new", "cancel"


class ExportPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        assert session.unit is not None and session.report is not None
        self.outer.addWidget(self.hint(
            "选择公文格式和保存位置，先预览，再导出。导出的 Word 文件符合 GB/T 9704—2012，并带有本报告的数据，"
            "明年可以直接导入。"))
        self.outer.addWidget(self._options_box())
        self.outer.addWidget(self._target_box())
        buttons = QHBoxLayout()
        self.preview_button = QPushButton("预览(&V)")
        self.export_button = QPushButton("导出(&E)")
        self.export_button.setDefault(True)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        self.outer.addLayout(buttons)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("导出结果")
        self.outer.addWidget(self.status)
        self.pages_area = QScrollArea()
        self.pages_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_area.setWidget(self.pages_widget)
        self.outer.addWidget(self.pages_area, 1)
        self.reload()
        self.preview_button.clicked.connect(self.show_preview)
        self.export_button.clicked.connect(self.export)

    # ----- options ------------------------------------------------------------------------------------
    def _options_box(self) -> QGroupBox:
        box = QGroupBox("公文格式")
        form = QFormLayout(box)
        self.font_gb = QRadioButton("公文字体（仿宋_GB2312、楷体_GB2312、方正小标宋简体）")
        self.font_windows = QRadioButton("Windows 自带字体（仿宋、楷体、黑体、宋体）")
        self.fonts = QButtonGroup(self)
        for b in (self.font_gb, self.font_windows):
            self.fonts.addButton(b)
        fonts = QVBoxLayout()
        fonts.addWidget(self.font_gb)
        fonts.addWidget(self.font_windows)
        form.addRow("字体", fonts)
        self.public = QRadioButton("公开稿（在网站上公开）")
        self.submitted = QRadioButton("报送稿（报送上级，可写发文字号、签发人，版记中列抄送）")
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
        form.addRow(buddy_label("发文字号(&N)", self.doc_number), self.doc_number)
        form.addRow(buddy_label("签发人(&S)", self.signer), self.signer)
        self.bold = QCheckBox("二级标题“（一）”加粗(&B)")
        self.annex = QCheckBox("附上本年度数据表（附件）(&A)")
        self.seal = QCheckBox("为印章留出位置（成文日期右空四字）(&L)")
        for c in (self.bold, self.annex, self.seal):
            form.addRow("", c)
        self.page_numbers = QComboBox()
        self.page_numbers.addItem("单页在右、双页在左（GB/T 9704）", PageNumbers.OUTSIDE.value)
        self.page_numbers.addItem("居中", PageNumbers.CENTRED.value)
        form.addRow(buddy_label("页码(&P)", self.page_numbers), self.page_numbers)
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
            page_numbers=PageNumbers(self.page_numbers.currentData()), seal_space=self.seal.isChecked())

    def reload(self) -> None:
        assert self.session.unit is not None
        o = unit_options(self.session.unit)
        widgets = (self.font_gb, self.font_windows, self.public, self.submitted, self.bold, self.annex, self.seal,
                   self.doc_number, self.signer, self.page_numbers)
        for w in widgets:
            w.blockSignals(True)
        (self.font_windows if o.font_set is FontSet.WINDOWS else self.font_gb).setChecked(True)
        (self.submitted if o.variant is Variant.SUBMITTED else self.public).setChecked(True)
        self.doc_number.setText(o.doc_number)
        self.signer.setText(o.signer)
        self.bold.setChecked(o.bold_level2)
        self.annex.setChecked(o.figures_annex)
        self.seal.setChecked(o.seal_space)
        self.page_numbers.setCurrentIndex(self.page_numbers.findData(o.page_numbers.value))
        for w in widgets:
            w.blockSignals(False)
        self._enable()

    def _enable(self) -> None:
        for w in (self.doc_number, self.signer):
            w.setEnabled(self.submitted.isChecked())

    def _options_edited(self) -> None:
        unit = self.session.unit
        assert unit is not None
        self._enable()
        remember(unit, self.options())
        self.session.saver.schedule("unit.options", partial(self.session.store.save_unit, unit))
        self.changed.emit()

    # ----- target ---------------------------------------------------------------------------------------
    def _target_box(self) -> QGroupBox:
        box = QGroupBox("保存位置")
        form = QFormLayout(box)
        drives = QHBoxLayout()
        self.drives = QComboBox()
        self.drives.setAccessibleName("U盘")
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
        self.pdf = QCheckBox("同时保存一份 PDF（给没有 Word 的人看）(&F)")
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
        if not found:
            self.drives.addItem("没有找到U盘：请插入U盘后点“刷新”，或选择任意文件夹", "")
        for d in found:
            self.drives.addItem(d.description, str(d.path))
        if found and not self.folder.text():
            self.folder.setText(str(found[0].path))

    def _drive_chosen(self, index: int) -> None:
        path = self.drives.itemData(index)
        if path:
            self.folder.setText(path)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "选择保存文件夹", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    # ----- preview and export ----------------------------------------------------------------------------
    def show_preview(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        assert self.session.report is not None and self.session.unit is not None
        images = preview_pages(self.session.report, self.session.unit, self.options(), resources.catalogue(),
                               dpi=72)
        for n, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(f"第{n}页")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("background: #888; padding: 8px;")
            label.setMinimumSize(image.width() + 16, image.height() + 16)  # whole pages, scrolled
            self.pages_layout.addWidget(label)
            label.show()
        self.pages_layout.activate()
        self.pages_widget.resize(self.pages_layout.sizeHint())
        self.status.setText(f"预览：共{len(images)}页。")

    def ask_existing(self, error: TargetExists) -> str:
        """Asks what to do with a file of the same name: OVERWRITE, NEW_NAME or CANCEL."""
        box = QMessageBox(QMessageBox.Icon.Question, "已有同名文件", str(error), parent=self)
        overwrite = box.addButton("覆盖", QMessageBox.ButtonRole.DestructiveRole)
        new = box.addButton(f"另存为“{error.suggestion.name}”", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return OVERWRITE if clicked is overwrite else NEW_NAME if clicked is new else CANCEL

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
        options = self.options()
        name = report_file_name(report.organs or unit.organs or [unit.name], report.year)
        written: list[Path] = []
        try:
            path = self._write(folder, name, export_docx(report, unit, options, resources.catalogue()).data)
            if path is None:
                self.status.setText("已取消导出。")
                return
            written.append(path)
            if self.pdf.isChecked():
                from fzdesk.export.pdf import write_pdf

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
        self.status.setText(f"已保存{names}到“{folder}”，并已读回核对无误，可以安全拔出U盘。")

"""The report laid out in pages by Qt's text engine, for the PDF, the paged preview and the 版记's page.

1 device pixel = 1 twip (1440 dpi). Qt's text layout needs a QGuiApplication: foot_pages, the page predictor
handed to export_docx, makes one when there is none (fzdesk.typeset.application); the PDF and the preview expect
their callers to have one.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)

from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.model import Report, Unit
from fzdesk.export import geometry as g
from fzdesk.export.docx_writer import build
from fzdesk.export.fonts import LATIN, font_for, title_bold
from fzdesk.export.footer import DASH
from fzdesk.export.layout import Align, Element, Para, Role, Run, Table
from fzdesk.export.options import ExportOptions, FontSet, PageNumbers
from fzdesk.export.record_page import has_record, on_even_page
from fzdesk.export.scripts import segments
from fzdesk.typeset.application import ensure_gui_application

#: Faces tried after the named one, so a PC (or a test machine) without the official fonts still prints CJK.
FALLBACKS: dict[Role, list[str]] = {
    Role.BODY: ["FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "serif"],
    Role.KAI: ["KaiTi", "楷体", "AR PL UKai CN", "Noto Serif CJK SC", "serif"],
    Role.HEI: ["SimHei", "黑体", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"],
    Role.TITLE: ["SimSun", "宋体", "Noto Serif CJK SC", "serif"],
    Role.SONG: ["SimSun", "宋体", "Noto Serif CJK SC", "serif"],
}
#: Digits and Latin letters: the .docx's w:ascii/w:hAnsi face, then what fontconfig's metric aliases and
#: tests/export/fonts.conf put in its place where it is missing (LibreOffice uses the same chain).
LATIN_FALLBACKS = ["Liberation Serif", "Tinos", "DejaVu Serif", "serif"]
#: The property of a ruler block (QTextFormat.UserProperty + 1) that holds its rule's width in twips
RULE_WIDTH = 0x100000 + 1
THICK = 8  # eighths of a point: the 版记's outer rules (closing.THICK_RULE)
#: LibreOffice puts the 版记 under the text when the text ends at least this far above the 版记's frames (it did
#: with 661 twips of room, not with 82: tests/export/test_render_record_matrix.py); a guess at the upper bound.
FOOT_GAP = 700
FOOTER_GAP = 397  # 7 mm between the text block and the page number's dashes, in twips

#: The paint device has 1440 dpi, one pixel a twip. Qt's text layout takes margins and indents in device
#: pixels but fixed line heights, letter spacing and table lengths in 96-dpi pixels that it scales.
TWIPS_PER_PX = 15


def px(twips: float) -> float:
    return twips / TWIPS_PER_PX


#: Closing marks after which LibreOffice breaks a Chinese line before an opening quote (it breaks between any two
#: Chinese characters unless its forbidden-character rules say no); Qt's Unicode line breaking keeps "，“" together.
_CLOSING = "，。、；：？！）》」』】〕"
_BEFORE_QUOTE = re.compile(f"(?<=[{_CLOSING}])(?=[“‘])")


def _break_before_quotes(text: str) -> str:
    """text with a zero-width space (a break opportunity for Qt) between a closing mark and an opening quote."""
    return _BEFORE_QUOTE.sub("\u200b", text)


#: QTextCharFormat.setFontFeatures is missing from PySide6 6.9, the newest whose wheels run on glibc < 2.34 (the
#: bundle for UOS 20 and Kylin V10, scripts/build-compat.sh), and QTextCharFormat.setFont drops a QFont's features
#: there. Without it the Chinese text keeps the face's own forms: only an em dash is narrower than LibreOffice's.
FONT_FEATURES = hasattr(QTextCharFormat, "setFontFeatures")


class _Painter:
    """Builds a QTextDocument from laid-out elements; 1 device pixel = 1 twip (1440 dpi)."""

    def __init__(self, font_set: FontSet, device: Any) -> None:
        self.font_set = font_set
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDocumentMargin(0)
        self.doc.setPageSize(_size(g.LAYOUT_WIDTH, g.TEXT_HEIGHT))
        self.first = True
        self.feet: list[tuple[int, int]] = []  # the spacer's and the last block's numbers of each foot paragraph
        self.unnumbered: int | None = None  # the block number of the paragraph the unnumbered pages start at

    def char_format(self, run: Run, latin: bool = False, spacing: int | None = None) -> Any:
        """The run's format; latin: in the Latin face (digits, letters); spacing: twips after each character
        other than the run's own."""
        fmt = QTextCharFormat()
        if latin:
            fmt.setFontFamilies([LATIN, *LATIN_FALLBACKS])
        else:
            fmt.setFontFamilies([font_for(self.font_set, run.role), *FALLBACKS[run.role]])
            # Full-width forms, as LibreOffice shapes Chinese text: Noto CJK's default em dash is narrower.
            if FONT_FEATURES:
                fmt.setFontFeatures({QFont.Tag("fwid"): 1})
        fmt.setFontPointSize(run.size / 2)
        if run.bold or (run.role is Role.TITLE and title_bold(self.font_set)):
            fmt.setFontWeight(QFont.Weight.Bold)
        spacing = run.spacing if spacing is None else spacing
        if spacing:
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(px(spacing))
        return fmt

    def insert_runs(self, cursor: Any, runs: list[Run], breaks: tuple[int, ...] = ()) -> None:
        """The runs' text cut into LibreOffice's portions (fzdesk.export.scripts): digits and Latin letters in
        the Latin face, no condensing after a portion's last character, autospacing between Latin and Chinese;
        a line break after the runs listed in breaks."""
        pieces = segments(runs)
        previous = ""
        for index, run in enumerate(runs):
            for piece in (piece for piece in pieces if piece.run == index):
                text = _break_before_quotes(previous + piece.text)[len(previous):]
                previous = piece.text[-1]
                if piece.end:
                    if text[:-1]:
                        cursor.insertText(text[:-1], self.char_format(run, piece.latin))
                    cursor.insertText(text[-1], self.char_format(run, piece.latin, piece.kern))
                else:
                    cursor.insertText(text, self.char_format(run, piece.latin))
            if index in breaks:
                cursor.insertText("\u2028", self.char_format(run))

    def block_format(self, p: Para) -> Any:
        fmt = QTextBlockFormat()
        alignment = {Align.BOTH: Qt.AlignmentFlag.AlignJustify, Align.LEFT: Qt.AlignmentFlag.AlignLeft,
                     Align.CENTER: Qt.AlignmentFlag.AlignHCenter, Align.RIGHT: Qt.AlignmentFlag.AlignRight}
        fmt.setAlignment(alignment[p.align])
        fmt.setLeftMargin(p.left)
        # LibreOffice does not condense a line's last character (it ends a portion): a line fits when it does
        # with that character at its full width.
        # (Not in a line with a right tab, which sets its text against the tab stop.)
        fmt.setRightMargin(p.right + (0 if p.tab else max([0, *(-run.spacing for run in p.runs)])))
        fmt.setTextIndent(p.first_line - p.hanging)  # not scaled: device pixels
        if p.exact:
            fmt.setLineHeight(px(p.line), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        if p.page_break_before:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        if p.tab:
            fmt.setTabPositions([QTextOption.Tab(px(p.tab - p.left), QTextOption.TabType.RightTab)])
        return fmt

    def _block(self, cursor: Any, fmt: Any) -> None:
        if self.first:
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt)
        self.first = False

    def para(self, cursor: Any, p: Para) -> None:
        if p.border_top:
            self._ruler(cursor, p.border_top)
        self._block(cursor, self.block_format(p))
        mark = self.char_format(p.runs[0] if p.runs else Run(""))
        cursor.setBlockCharFormat(mark)
        self.insert_runs(cursor, p.runs, p.breaks)
        if p.border_bottom:
            self._ruler(cursor, p.border_bottom)

    def _ruler(self, cursor: Any, eighths: int) -> None:
        """A separator line across the text block (the 版记's), as a block of its own; RULE_WIDTH holds its width
        in twips for the painter (thick 0.35 mm, thin 0.25 mm)."""
        ruler = QTextBlockFormat()
        ruler.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                          QTextLength(QTextLength.Type.PercentageLength, 100))
        ruler.setProperty(RULE_WIDTH, eighths * 20 / 8)
        # As tall as the rule: the 版记's frames in the .docx are its lines and their borders (closing.record).
        ruler.setLineHeight(px(eighths * 20 / 8), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        self._block(cursor, ruler)

    def table(self, cursor: Any, t: Table) -> None:
        fmt = QTextTableFormat()
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.FixedLength, px(w)) for w in t.widths])
        fmt.setCellPadding(px(60))
        fmt.setCellSpacing(0)
        fmt.setBorder(1)  # 96-dpi pixels: 0.75 pt
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QBrush(QColor("black")))
        fmt.setBorderCollapse(True)
        fmt.setHeaderRowCount(t.header_rows)
        cursor.insertBlock()  # insertTable takes the current block's place: keep the blank line before it
        table = cursor.insertTable(len(t.rows), len(t.widths), fmt)
        for r, row in enumerate(t.rows):
            column = 0
            for cell in row:
                if cell.span > 1:
                    table.mergeCells(r, column, 1, cell.span)
                cell_cursor = table.cellAt(r, column).firstCursorPosition()
                for i, p in enumerate(cell.paras):
                    cell_cursor.setBlockFormat(self.block_format(p)) if i == 0 else \
                        cell_cursor.insertBlock(self.block_format(p))
                    self.insert_runs(cell_cursor, p.runs)
                column += cell.span
        cursor.movePosition(cursor.MoveOperation.End)
        self.first = False

    def build(self, elements: list[Element]) -> Any:
        cursor = QTextCursor(self.doc)
        kept: list[tuple[int, int]] = []  # first and last block numbers of each paragraph kept with the next
        # One edit block: the layout runs once, at its end. Without it every insertion laid the document out
        # again from the insertion point (1.7 s for a 30,000-character report instead of ~0.1 s).
        cursor.beginEditBlock()
        for e in elements:
            first = 0 if self.first else self.doc.blockCount()
            if isinstance(e, Para) and e.foot and self.feet and self.feet[-1][1] == self.doc.blockCount() - 1:
                self.para(cursor, e)  # the 版记's next part: in the same group, above the same spacer
                self.feet[-1] = (self.feet[-1][0], cursor.block().blockNumber())
            elif isinstance(e, Para) and e.foot:
                self.foot(cursor, e)
            elif isinstance(e, Para):
                self.para(cursor, e)
                if e.unnumbered:
                    self.unnumbered = cursor.block().blockNumber()
            else:
                self.table(cursor, e)
            if isinstance(e, Para) and e.keep_next:
                kept.append((first, cursor.block().blockNumber()))
        cursor.endEditBlock()
        self.keep_with_next(kept)
        self.place_feet()
        return self.doc

    def keep_with_next(self, kept: list[tuple[int, int]]) -> None:
        """Qt has no keep-with-next: a run of kept paragraphs that the page ends in (a heading, or the 署名
        above its date) starts the next page instead, as Word and LibreOffice lay it out."""
        chains: list[list[int]] = []
        for first, last in kept:
            if chains and chains[-1][1] + 1 == first:
                chains[-1][1] = last
            else:
                chains.append([first, last])
        layout = self.doc.documentLayout()

        def page(number: int) -> int:
            block = self.doc.findBlockByNumber(number)
            rect = layout.blockBoundingRect(block)
            line = block.layout().lineAt(0)
            y = rect.y() + (line.y() + line.height() / 2 if line.isValid() else 0)
            return int(y // g.TEXT_HEIGHT)

        for first, last in chains:
            if last + 1 >= self.doc.blockCount():
                continue
            start, end = page(first), page(last + 1)
            top = layout.blockBoundingRect(self.doc.findBlockByNumber(first)).y()
            if start != end and top % g.TEXT_HEIGHT > 0 and end - start == 1:
                block = self.doc.findBlockByNumber(first)
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)

    def foot(self, cursor: Any, p: Para) -> None:
        """p at the foot of its page (the 版记, as the .docx frames it): an empty block above will take the room
        left on the page (place_feet), or p starts a new page when it does not fit under what precedes it."""
        fixed = QTextBlockFormat.LineHeightTypes.FixedHeight.value
        fmt = QTextBlockFormat()
        fmt.setLineHeight(0, fixed)
        self._block(cursor, fmt)
        spacer = cursor.block()
        self.para(cursor, p)
        self.feet.append((spacer.blockNumber(), cursor.block().blockNumber()))

    def place_feet(self) -> None:
        """Sizes the empty blocks above the foot paragraphs, once every other page break is known."""
        fixed = QTextBlockFormat.LineHeightTypes.FixedHeight.value
        layout = self.doc.documentLayout()
        for spacer_number, last in self.feet:
            spacer = self.doc.findBlockByNumber(spacer_number)
            fmt = spacer.blockFormat()
            height = (layout.blockBoundingRect(self.doc.findBlockByNumber(last)).bottom()
                      - layout.blockBoundingRect(spacer.next()).top())
            top = layout.blockBoundingRect(spacer).top()
            used = top % g.TEXT_HEIGHT
            # The room LibreOffice wants between the text and the 版记 is not known to the twip (FOOT_GAP): on an
            # even page the 版记 is kept there only with the most room it may want, on an odd page it is taken
            # to fit with the least. Either error then adds a page break (on_even_page) instead of leaving the
            # 版记 on an odd page.
            gap = FOOT_GAP if int(top // g.TEXT_HEIGHT) % 2 == 1 else 0
            if used + height + gap > g.TEXT_HEIGHT:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                used = 0
            fmt.setLineHeight(px(g.TEXT_HEIGHT - used - height), fixed)
            QTextCursor(spacer).setBlockFormat(fmt)


def _size(w: float, h: float) -> Any:
    return QSizeF(w, h)


def _draw_page(doc: Any, painter: Any, index: int) -> None:
    """Draws the lines that start on page index, one by one.

    QTextDocument.drawContents would draw every line of each paragraph that touches the page and leave
    the clipped ones in the PDF's text layer (found twice by search and copy); drawing line by line
    keeps each line on exactly one page. A page with a table (the annex) is drawn by the document.
    """
    top, bottom = index * g.TEXT_HEIGHT, (index + 1) * g.TEXT_HEIGHT
    layout = doc.documentLayout()
    page = QRectF(0, top, g.LAYOUT_WIDTH, g.TEXT_HEIGHT)
    blocks = []
    block = doc.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is not None and layout.blockBoundingRect(block).intersects(page):
            # A page with a table (the annex, which starts on a page of its own) is drawn whole.
            doc.drawContents(painter, page.adjusted(-100, 0, 100, 0))  # the table's outer borders
            return
        blocks.append(block)
        block = block.next()
    for block in blocks:
        rect = layout.blockBoundingRect(block)
        if block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
            y = rect.y() + rect.height() / 2
            if top <= y < bottom:
                pen = painter.pen()
                pen.setWidthF(float(block.blockFormat().property(RULE_WIDTH)))
                painter.setPen(pen)
                painter.drawLine(QLineF(0, y, g.LAYOUT_WIDTH, y))
            continue
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            middle = rect.y() + line.y() + line.height() / 2  # a title line starts above its block
            if top <= middle < bottom:
                line.draw(painter, rect.topLeft())


def layout_device() -> Any:
    """A 1440-dpi device for the layout's font metrics, so the pages match the PDF exactly."""
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(56693)
    device.setDotsPerMeterY(56693)
    return device


def foot_pages(elements: list[Element], font_set: FontSet, device: Any = None) -> tuple[int, int] | None:
    """The 1-based pages of the 版记 and of the last line above it in Qt's layout, or None without a 版记: the
    PagePredictor (fzdesk.export.record_page) that every export path hands to export_docx. Makes an offscreen
    QApplication when none runs (the command line)."""
    if not has_record(elements):
        return None
    ensure_gui_application()
    painter = _Painter(font_set, device if device is not None else layout_device())
    doc = painter.build(elements)
    layout = doc.documentLayout()
    spacer_number, last = painter.feet[-1]
    record = int(layout.blockBoundingRect(doc.findBlockByNumber(last)).top() // g.TEXT_HEIGHT) + 1
    above = doc.findBlockByNumber(spacer_number).previous()
    text = int((layout.blockBoundingRect(above).bottom() - 1) // g.TEXT_HEIGHT) + 1 if above.isValid() else record
    return record, text


class PagedReport:
    """A report laid out on A4 pages; paint(painter, index) draws one page in twips."""

    def __init__(self, report: Report, unit: Unit, options: ExportOptions | None = None,
                 catalogue: Catalogue | None = None, *, device: Any = None) -> None:
        self.options = options or ExportOptions()
        if device is None:
            device = layout_device()
        self._device = device
        elements = on_even_page(build(report, unit, self.options, catalogue), self.options.font_set,
                                lambda elements, font_set: foot_pages(elements, font_set, device))
        painter = _Painter(self.options.font_set, device)
        self.doc = painter.build(elements)
        #: Pages from this index on carry no page number (the blank page and the 版记 after it).
        self.numbered = self.page_count
        if painter.unnumbered is not None:
            block = self.doc.findBlockByNumber(painter.unnumbered)
            self.numbered = int(self.doc.documentLayout().blockBoundingRect(block).top() // g.TEXT_HEIGHT)
        self.page_number_font = QFont()
        self.page_number_font.setFamilies([font_for(self.options.font_set, Role.SONG), *FALLBACKS[Role.SONG]])
        self.page_number_font.setPixelSize(g.PAGE_NUMBER_CHAR)  # in twips: the painter draws in twips

    @property
    def page_count(self) -> int:
        return int(self.doc.pageCount())

    def paint(self, painter: Any, index: int) -> None:
        """Draws page index (0-based): its text block and its page number "— N —"."""
        painter.save()
        painter.setPen(QPen(QColor("black"), 20))  # the 版记's separator lines: each ruler sets its width
        painter.translate(QPointF(g.MARGIN_LEFT, g.MARGIN_TOP - index * g.TEXT_HEIGHT))
        _draw_page(self.doc, painter, index)
        painter.restore()
        number = index + 1
        if index >= self.numbered:
            return
        painter.save()
        painter.setFont(self.page_number_font)
        # The dashes lie about the middle of the line box (7.8 mm on the printed page, by its pixels).
        metrics = QFontMetricsF(self.page_number_font)
        top = g.MARGIN_TOP + g.TEXT_HEIGHT + FOOTER_GAP - (metrics.ascent() + metrics.descent()) / 2
        box = QRectF(g.MARGIN_LEFT + g.PAGE_NUMBER_CHAR, top, g.LAYOUT_WIDTH - 2 * g.PAGE_NUMBER_CHAR, 600)
        if self.options.page_numbers is PageNumbers.CENTRED:
            flag = Qt.AlignmentFlag.AlignHCenter
        else:
            flag = Qt.AlignmentFlag.AlignRight if number % 2 else Qt.AlignmentFlag.AlignLeft
        painter.drawText(box, int(flag | Qt.AlignmentFlag.AlignTop), f"{DASH} {number} {DASH}")
        painter.restore()

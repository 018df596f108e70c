"""Marks the spans of findings in a text editor: a wavy underline coloured by severity, the message as tooltip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextBlock, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from fzdesk.checks.findings import Finding, Severity

Marks = tuple[tuple[int, int, Severity], ...]
SEVERITY_COLOURS = {Severity.ERROR: QColor("#c62828"), Severity.WARNING: QColor("#e65100"),
                    Severity.INFO: QColor("#1565c0")}


def paragraph_of(block: QTextBlock) -> int | None:
    """The paragraph index of an editor line as the model counts them (blank lines are not paragraphs)."""
    if not block.text().strip():
        return None
    n = 0
    b = block.previous()
    while b.isValid():
        if b.text().strip():
            n += 1
        b = b.previous()
    return n


def span_of(finding: Finding, length: int) -> tuple[int, int]:
    start = finding.location.start
    end = finding.location.end
    if start is None or end is None or end <= start:
        return 0, length
    return min(start, length), min(end, length)


_FORMATS: dict[Severity, QTextCharFormat] = {}


def _formats() -> dict[Severity, QTextCharFormat]:
    """The wavy underline of each severity, made once (not one format per mark at every key)."""
    if not _FORMATS:
        for severity, colour in SEVERITY_COLOURS.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colour)
            _FORMATS[severity] = fmt
    return _FORMATS


class FindingHighlighter(QSyntaxHighlighter):
    """findings() gives the open findings of the item the editor shows (each with its paragraph)."""

    def __init__(self, editor: QPlainTextEdit, findings: Callable[[], list[Finding]]) -> None:
        super().__init__(editor.document())
        self.editor = editor
        self.item_findings = findings
        self._drawn: dict[int, tuple[str, Marks]] = {}  # per line: its text and the marks drawn on it
        self._grouped: dict[int, list[Finding]] | None = None  # during refresh(): the findings by paragraph
        self._paragraph: int | None = None  # during refresh(): the paragraph of the line being drawn
        editor.viewport().installEventFilter(self)

    def findings(self, paragraph: int) -> list[Finding]:
        if self._grouped is not None:
            return self._grouped.get(paragraph, [])
        return [f for f in self.item_findings() if f.location.paragraph == paragraph]

    def refresh(self) -> None:
        """Draws the marks again where they changed (a whole rehighlight lays out every line again: ~20 ms on
        a long item); the editor's textChanged (which rehighlighting sends) is held back, so that the page does
        not take a new mark for an edit. The findings are grouped by paragraph once and the lines are counted as
        they go by (asked per line, both cost as much as the lines: 10 ms on a long item)."""
        grouped: dict[int, list[Finding]] = {}
        for f in self.item_findings():
            if f.location.paragraph is not None:
                grouped.setdefault(f.location.paragraph, []).append(f)
        was = self.editor.blockSignals(True)
        self._grouped = grouped
        try:
            paragraph = 0
            block = self.document().begin()
            while block.isValid():
                text = block.text()
                self._paragraph = paragraph if text.strip() else None
                if self._drawn.get(block.blockNumber()) != (text, self._marks(block, text)):
                    self.rehighlightBlock(block)
                if self._paragraph is not None:
                    paragraph += 1
                block = block.next()
        finally:
            self._grouped = self._paragraph = None
            self.editor.blockSignals(was)

    def _marks(self, block: QTextBlock, text: str) -> Marks:
        """The spans to underline, most severe last (its colour wins where spans overlap)."""
        paragraph = self._paragraph if self._grouped is not None else paragraph_of(block)
        if paragraph is None:
            return ()
        findings = self.findings(paragraph)
        if not findings:
            return ()
        spans = ((*span_of(f, len(text)), f.severity) for f in findings)
        # in one order whatever order the findings came in (a full check and a paragraph re-check list them
        # differently): the same marks are then seen as unchanged and the line is not laid out again
        return tuple(sorted(((start, end, severity) for start, end, severity in spans if end > start),
                            key=lambda mark: (-mark[2].rank, mark[0], mark[1])))

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        marks = self._marks(block, text)
        self._drawn[block.blockNumber()] = (text, marks)
        formats = _formats()
        for start, end, severity in marks:
            self.setFormat(start, end - start, formats[severity])

    def messages_at(self, block: QTextBlock, position: int) -> list[str]:
        paragraph = paragraph_of(block)
        if paragraph is None:
            return []
        out = []
        for f in self.findings(paragraph):
            start, end = span_of(f, len(block.text()))
            if start <= position < max(end, start + 1):
                out.append(f"{f.severity.label}：{f.message}")
        return out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.editor.cursorForPosition(event.pos())
            messages = self.messages_at(cursor.block(), cursor.positionInBlock())
            if messages:
                QToolTip.showText(event.globalPos(), "\n".join(messages), self.editor.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

"""Marks the spans of findings in a text editor: a wavy underline coloured by severity, the message as tooltip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextBlock, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from fzdesk.checks.findings import Finding, Severity

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


class FindingHighlighter(QSyntaxHighlighter):
    """findings(paragraph) gives the findings of one paragraph of the item the editor shows."""

    def __init__(self, editor: QPlainTextEdit, findings: Callable[[int], list[Finding]]) -> None:
        super().__init__(editor.document())
        self.editor = editor
        self.findings = findings
        editor.viewport().installEventFilter(self)

    def refresh(self) -> None:
        """Draws the marks again; the editor's textChanged (which rehighlight sends) is held back, so that the
        page does not take a new mark for an edit."""
        was = self.editor.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            self.editor.blockSignals(was)

    def highlightBlock(self, text: str) -> None:
        paragraph = paragraph_of(self.currentBlock())
        if paragraph is None:
            return
        # the most severe finding is drawn last, so its colour wins where spans overlap
        for f in sorted(self.findings(paragraph), key=lambda f: -f.severity.rank):
            start, end = span_of(f, len(text))
            if end <= start:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(SEVERITY_COLOURS[f.severity])
            self.setFormat(start, end - start, fmt)

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

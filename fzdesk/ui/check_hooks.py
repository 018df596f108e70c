"""Ties the checks into the window: counts in the step list, marks in the editors and the figure sheet, jumps."""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from fzdesk.domain.model import Block
from fzdesk.domain.progress import Progress
from fzdesk.ui import style
from fzdesk.ui.check_runner import CheckRunner
from fzdesk.ui.first_paint import after_first_paint
from fzdesk.ui.kept_edits import kept_marks, show_kept

if TYPE_CHECKING:  # what is only needed once a report is checked or a page is opened is imported then
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QPlainTextEdit

    from fzdesk.checks.findings import Finding, Severity, Unchecked
    from fzdesk.ui.check_actions import CheckActions
    from fzdesk.ui.check_page import CheckPage
    from fzdesk.ui.highlighter import FindingHighlighter
    from fzdesk.ui.main_window import MainWindow

CHECK_STEP = "check"
INSERT_KEY = "Ctrl+Shift+I"
ATTACHED = "fzdeskChecksAttached"


def loaded_instance(obj: object, module: str, name: str) -> bool:
    """isinstance(obj, module.name) without importing module: an object cannot be of a class not yet loaded."""
    loaded = sys.modules.get(module)
    return loaded is not None and isinstance(obj, getattr(loaded, name))


def step_of(location_step: str) -> str:
    """The window's step key for a finding's location step ("info" lives on 报告信息)."""
    return "report" if location_step == "info" else location_step


def problems_suffix(counts: dict[Severity, int]) -> str:
    """" · 2个问题" (errors and warnings) or " · 1条提示"; empty when the step is clean."""
    from fzdesk.checks.findings import Severity

    problems = counts[Severity.ERROR] + counts[Severity.WARNING]
    if problems:
        return f" · {problems}个问题"
    if counts[Severity.INFO]:
        return f" · {counts[Severity.INFO]}条提示"
    return ""


def select_paragraph_span(editor: QPlainTextEdit, paragraph: int, start: int | None, end: int | None) -> bool:
    """Selects characters start..end of the paragraph-th non-blank line (the whole line without a span)."""
    from PySide6.QtGui import QTextCursor

    from fzdesk.ui.highlighter import paragraph_of

    block = editor.document().firstBlock()
    while block.isValid():
        if paragraph_of(block) == paragraph:
            length = len(block.text())
            lo = min(start if start is not None else 0, length)
            hi = min(end if end is not None and start is not None else length, length)
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + lo)
            cursor.setPosition(block.position() + hi, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.setFocus()
            editor.ensureCursorVisible()
            return True
        block = block.next()
    return False


class CheckController(QObject):
    """One per window: runs the checks on the open report and shows what they found, where it is.

    At start-up nothing of the checks is imported: the first check of the report runs in the worker thread
    once the window has been painted, and the step list shows the counts when it is done.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = CheckRunner(window.session.store, self, deferred=True)
        self.runner.kept_marks = partial(kept_marks, window.saver)  # (the 上年计划 marks not saved yet)
        self.runner.kept = partial(show_kept, window.saver)  # last year's report, as the clerk last saw it
        self._actions: CheckActions | None = None
        self.highlighters: list[FindingHighlighter] = []
        self.page: CheckPage | None = None
        self.runner.updated.connect(self._updated)
        window.stack.currentChanged.connect(self._page_shown)
        self._add_menu(window)
        after_first_paint(window, self.runner.start)

    @property
    def actions(self) -> CheckActions:
        """What a clerk does with a finding (fixes, dismissals, dictionaries), loaded on first use."""
        if self._actions is None:
            from fzdesk.ui.check_actions import CheckActions

            self._actions = CheckActions(self)
        return self._actions

    def _add_menu(self, window: QMainWindow) -> None:
        """A 工具 menu before 帮助: the unit's wording dictionary, check the whole text now (F5)."""
        bar = window.menuBar()
        tools = style.fit_menu_texts(bar.addMenu("工具(&T)"))
        help_menu = next((a for a in bar.actions() if a.text().startswith("帮助")), None)
        if help_menu is not None:
            bar.removeAction(tools.menuAction())
            bar.insertMenu(help_menu, tools)
        self.dictionary_action = tools.addAction("本单位用语词典(&W)…")
        self.dictionary_action.triggered.connect(lambda: self.actions.open_dictionaries())
        self.check_action = tools.addAction("立即检查全文(&C)")
        self.check_action.setProperty("shortcut", "F5")  # (as MainWindow._action: no Qt enums, no QKeySequence)
        self.check_action.triggered.connect(lambda: self.actions.check_now())
        window.addAction(self.check_action)

    # ----- the window's hooks --------------------------------------------------------------------
    def report_opened(self) -> None:
        self.highlighters.clear()
        self.page = None
        self.runner.set_report(self.window.session.unit, self.window.session.report)

    def step_suffixes(self, keys: list[str]) -> dict[str, str]:
        """What the step list adds to each step's state (" · 2个问题"), from one pass over the findings."""
        if not self.runner.checked:
            return dict.fromkeys(keys, "")
        counts = self.runner.open_counts_by_step()
        return {key: "" if key == CHECK_STEP else problems_suffix(counts["info" if key == "report" else key])
                for key in keys}

    def progress(self) -> Progress:
        if not self.runner.checked:
            return Progress.EMPTY
        from fzdesk.checks.findings import Severity

        open_ = self.runner.result.open_findings
        if any(f.severity is not Severity.INFO for f in open_):
            return Progress.PARTIAL
        return Progress.DONE

    def make_page(self) -> CheckPage:
        from fzdesk.ui.check_page import CheckPage

        self.page = CheckPage(self.window.session, self)
        return self.page

    def shutdown(self) -> None:
        self.runner.shutdown()

    # ----- pages ---------------------------------------------------------------------------------
    def _page_shown(self, index: int) -> None:
        page = self.window.stack.widget(index)
        if page is None:
            return
        if not page.property(ATTACHED):
            page.setProperty(ATTACHED, True)
            self._attach(page)
        if page is self.page:
            self.runner.run_full(sync=True)  # opening the 检查 step shows the current state, not a stale one

    def _attach(self, page: QWidget) -> None:
        if page is self.page:
            return
        changed = getattr(page, "changed", None)
        if changed is not None:
            changed.connect(self.runner.changed)
        # (the page modules are checked for without importing them: the first page must not load the others)
        if loaded_instance(page, "fzdesk.ui.pages.block_page", "BlockPage"):
            self._attach_editor(page.text, page.block, page.current_index)  # type: ignore[attr-defined]
            block = page.block  # type: ignore[attr-defined]
            page.title.textEdited.connect(  # type: ignore[attr-defined]
                lambda _t: self.runner.text_edited(block, page.current_index(), -1))  # type: ignore[attr-defined]
        elif loaded_instance(page, "fzdesk.ui.pages.text_page", "OpeningPage"):
            self._attach_editor(page.editor, Block.OPENING, lambda: 0)  # type: ignore[attr-defined]
        elif loaded_instance(page, "fzdesk.ui.pages.closing_page", "ClosingPage"):
            self._attach_editor(page.closing, Block.CLOSING, lambda: 0)  # type: ignore[attr-defined]
        elif loaded_instance(page, "fzdesk.ui.pages.figures_page", "FiguresPage"):
            self._mark_figures()

    def _attach_editor(self, editor: QPlainTextEdit, block: Block, item_index: object) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction

        from fzdesk.ui.highlighter import FindingHighlighter, paragraph_of

        index = item_index  # a callable giving the item the editor shows

        highlighter = FindingHighlighter(editor, lambda: self.runner.findings_at(block, index()))  # type: ignore[operator]
        self.highlighters.append(highlighter)

        def typed() -> None:
            self.runner.text_edited(block, index(), paragraph_of(editor.textCursor().block()))  # type: ignore[operator]

        editor.textChanged.connect(typed)
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(lambda pos: self._context_menu(editor, pos))
        insert = QAction("插入数据…", editor)
        from PySide6.QtGui import QKeySequence  # (not at import: the window's start-up does not need the class)

        insert.setShortcut(QKeySequence(INSERT_KEY))
        insert.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        insert.triggered.connect(lambda: self._insert_menu_at_cursor(editor))
        editor.addAction(insert)

    # ----- 插入数据 -------------------------------------------------------------------------------
    def data_sentences(self) -> list[tuple[str, str]]:
        """(family name, sentence) for every family with figures filled in."""
        report = self.window.session.report
        if report is None:
            return []
        from fzdesk.checks.insert import data_sentence

        catalogue = self.runner.catalogue
        out = []
        for family in catalogue.families:
            sentence = data_sentence(report, catalogue, family.code)
            if sentence:
                out.append((family.name, sentence))
        return out

    def insert_menu(self, editor: QPlainTextEdit, parent: QMenu | None = None) -> QMenu:
        menu = QMenu("插入数据(&S)", parent or editor)
        sentences = self.data_sentences()
        if not sentences:
            empty = menu.addAction("（“数据”一步还没有填写数字）")
            empty.setEnabled(False)
        for name, sentence in sentences:
            short = sentence if len(sentence) <= 36 else sentence[:36] + "……"
            action = menu.addAction(f"{name}：{short}")
            action.setToolTip(sentence)
            action.triggered.connect(lambda _=False, s=sentence: self.insert_sentence(editor, s))
        return menu

    def insert_sentence(self, editor: QPlainTextEdit, sentence: str) -> None:
        editor.textCursor().insertText(sentence)  # through the page's own edit path: saved and re-checked
        editor.setFocus()

    def _insert_menu_at_cursor(self, editor: QPlainTextEdit) -> None:
        menu = self.insert_menu(editor)
        menu.exec(editor.viewport().mapToGlobal(editor.cursorRect().bottomLeft()))

    def _context_menu(self, editor: QPlainTextEdit, pos: QPoint) -> None:
        menu = style.fit_menu_texts(editor.createStandardContextMenu())
        menu.addSeparator()
        sub = self.insert_menu(editor, menu)
        sub.setTitle(f"插入数据(&S)\t{INSERT_KEY}")
        menu.addMenu(sub)
        menu.exec(editor.viewport().mapToGlobal(pos))

    # ----- showing the result --------------------------------------------------------------------
    def _updated(self) -> None:
        self.window.refresh_states()
        for h in list(self.highlighters):
            try:
                h.refresh()
            except RuntimeError:  # its editor was deleted with a page
                self.highlighters.remove(h)
        self._mark_figures()
        if self.page is not None:
            self.page.show_result()

    def _mark_figures(self) -> None:
        page = self.window.pages.get("figures")
        sheet = getattr(page, "sheet", None) if loaded_instance(page, "fzdesk.ui.pages.figures_page",
                                                                "FiguresPage") else None
        model = getattr(sheet, "model", None)
        if model is not None and hasattr(model, "set_marks"):
            model.set_marks(self.runner.findings_of_figures())

    # ----- jumping to the place ------------------------------------------------------------------
    def jump(self, finding: Finding | Unchecked) -> bool:
        """Opens the finding's step and puts the cursor on it: the text span, the field or the figure row."""
        from PySide6.QtWidgets import QLineEdit

        from fzdesk.checks.findings import Unchecked

        if isinstance(finding, Unchecked):
            return self._jump_figure(finding.missing[0] if finding.missing else None)
        loc = finding.location
        if loc.figure:
            return self._jump_figure(loc.figure)
        if not self._go(step_of(loc.step)):
            return False
        page = self.window.current_page()
        if loc.step == "info":
            widget = {"title": "title", "recipient": "recipient", "organs": "organ1", "date": "date"}.get(
                loc.field or "", "")
            target = getattr(page, widget, None) if widget else None
            if isinstance(target, QWidget):
                target.setFocus()
                if isinstance(target, QLineEdit):
                    target.selectAll()
            return True
        return self._jump_text(page, finding)

    def _go(self, key: str) -> bool:
        index = next((i for i, s in enumerate(self.window.steps) if s.key == key), None)
        if index is None:
            return False
        self.window.go(index)
        return True

    def _jump_text(self, page: QWidget, finding: Finding) -> bool:
        from fzdesk.ui.pages.block_page import BlockPage
        from fzdesk.ui.pages.closing_page import ClosingPage
        from fzdesk.ui.pages.text_page import OpeningPage

        loc = finding.location
        if isinstance(page, BlockPage):
            if loc.item_index is None or loc.item_index < 0:
                page.heading.setFocus()
                page.heading.selectAll()
                return True
            if page.items.currentRow() != loc.item_index:
                page.items.setCurrentRow(loc.item_index)
            if loc.paragraph is None:
                page.text.setFocus()
                return True
            if loc.paragraph < 0:
                page.title.setFocus()
                if loc.start is not None and loc.end is not None:
                    page.title.setSelection(loc.start, loc.end - loc.start)
                return True
            return select_paragraph_span(page.text, loc.paragraph, loc.start, loc.end)
        editor = page.editor if isinstance(page, OpeningPage) else page.closing if isinstance(page, ClosingPage) \
            else None
        if editor is None:
            return False
        if loc.paragraph is None or loc.paragraph < 0:
            editor.setFocus()
            return True
        return select_paragraph_span(editor, loc.paragraph, loc.start, loc.end)

    def _jump_figure(self, code: str | None) -> bool:
        if not self._go("figures"):
            return False
        sheet = getattr(self.window.current_page(), "sheet", None)
        if sheet is None or code is None:
            return False
        try:
            index = sheet.model.index_of(code)
        except KeyError:
            return False
        sheet.search.clear()
        sheet.family_filter.setCurrentIndex(0)
        sheet.only_empty.setChecked(False)
        sheet.view.setCurrentIndex(index)
        sheet.view.scrollTo(index)
        sheet.view.setFocus()
        return True

"""What a clerk does with a finding: apply a fix, dismiss or restore it, extend the wording, explain a change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from fzdesk.checks.figures import set_explanation
from fzdesk.checks.findings import Category, DismissalError, FigureFix, Finding, Fix, TextFix, dismiss, undismiss
from fzdesk.checks.fixes import StaleFix, apply_figure_fix, apply_text_fix
from fzdesk.checks.text import find_para
from fzdesk.checks.wording import DICTIONARY_CLASSES, UserFileError, add_exception
from fzdesk.domain.model import Block
from fzdesk.export.options import remember, unit_options
from fzdesk.ui.figure_saving import write_figures
from fzdesk.ui.kept_edits import write_text, write_unit

if TYPE_CHECKING:
    from fzdesk.ui.check_hooks import CheckController
    from fzdesk.ui.dictionary_dialog import DictionaryDialog

#: Unit.options key: where the explanations of large changes go ("sentence": a 说明 sentence in the report,
#: "annex": the 说明 column of the figures annex).
EXPLANATIONS_KEY = "explanations"
EXPLANATION_CHOICES = (("sentence", "写成报告正文里的说明句"), ("annex", "写在数据附件的“说明”栏"))


def dictionary_word(finding: Finding) -> bool:
    """A finding from a wording dictionary entry (one that an exception can silence)."""
    return finding.category is Category.WORDING and finding.rule.removeprefix("wording.") in DICTIONARY_CLASSES


class CheckActions(QObject):
    def __init__(self, controller: CheckController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.dictionary_dialog: DictionaryDialog | None = None

    @property
    def _parent(self) -> QWidget:
        return self.controller.window

    @property
    def _session(self):  # type: ignore[no-untyped-def]
        return self.controller.window.session

    def _rerun(self) -> None:
        self.controller.runner.run_full(sync=True)

    # ----- one-click fixes -----------------------------------------------------------------------
    def apply_fix(self, fix: Fix) -> bool:
        """Applies the fix to the report, saves it through the Store (with history) and refreshes the editor."""
        session = self._session
        report = session.report
        if report is None or report.id is None:
            return False
        session.saver.flush()
        if isinstance(fix, FigureFix):
            figure = apply_figure_fix(report, fix)
            written = write_figures(session.saver, session.store, report, [figure.code])
            self._reload_page("figures")
        else:
            try:
                apply_text_fix(report, fix)
            except StaleFix as exc:
                QMessageBox.information(self._parent, "无法修改", str(exc))
                self._rerun()
                return False
            written = self._save_text(fix)
            self._reload_page(fix.location.step)
        self._rerun()
        kept = "" if written else "（还没能保存，程序会自动重试）"
        self.controller.window.statusBar().showMessage(f"已修改：{fix.label}{kept}", 5000)
        return True

    def _save_text(self, fix: TextFix) -> bool:
        """Through the window's Autosaver, under the key the page's typing uses: a failed write is kept and
        retried, and neither it nor a kept edit of the page overwrites the other. True if it landed."""
        session = self._session
        loc = fix.location
        section = session.report.section(Block(loc.step))
        assert section is not None and loc.item_index is not None
        if loc.item_index < 0:
            assert section.id is not None
            return write_text(session.saver, session.store, "section", section.id, heading=section.heading)
        item = section.items[loc.item_index]
        assert item.id is not None
        if loc.paragraph is not None and loc.paragraph < 0:
            return write_text(session.saver, session.store, "item", item.id, title=item.title)
        return write_text(session.saver, session.store, "item", item.id, paragraphs=item.paragraphs)

    def _reload_page(self, key: str) -> None:
        from fzdesk.ui.pages.block_page import BlockPage

        page = self.controller.window.pages.get(key)
        if page is None:
            return
        if isinstance(page, BlockPage):
            row = page.current_index()
            page.reload()
            if row >= 0 and page.items.currentRow() != row:
                page.items.setCurrentRow(row)
        else:
            page.reload()

    # ----- dismissing ----------------------------------------------------------------------------
    def dismiss(self, finding: Finding) -> bool:
        from fzdesk.ui.dismiss_dialog import DismissDialog

        dialog = DismissDialog(finding, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.dismiss_with(finding, dialog.reason_text)

    def dismiss_with(self, finding: Finding, reason: str) -> bool:
        report = self._session.report
        assert report is not None and report.id is not None
        try:
            dismiss(report, finding, reason)
        except DismissalError as exc:
            QMessageBox.warning(self._parent, "不能忽略", str(exc))
            return False
        write_text(self._session.saver, self._session.store, "report", report.id, dismissals=report.dismissals)
        self._rerun()
        return True

    def restore(self, finding: Finding) -> None:
        report = self._session.report
        assert report is not None and report.id is not None
        undismiss(report, finding.key)
        write_text(self._session.saver, self._session.store, "report", report.id, dismissals=report.dismissals)
        self._rerun()

    # ----- wording dictionaries ------------------------------------------------------------------
    def flagged_text(self, finding: Finding) -> tuple[str, str]:
        """The flagged word and a longer phrase around it (the proposed exception)."""
        loc = finding.location
        report = self._session.report
        para = None
        if report is not None and loc.item_index is not None and loc.paragraph is not None:
            para = find_para(report, Block(loc.step), loc.item_index, loc.paragraph)
        if para is None or loc.start is None or loc.end is None:
            word = str(finding.values.get("wrong", "")) or finding.excerpt
            return word, word
        return para.text[loc.start:loc.end], para.text[loc.start:loc.end + 2]

    def add_exception(self, finding: Finding) -> bool:
        from fzdesk.ui.wording_dialog import ExceptionDialog

        word, phrase = self.flagged_text(finding)
        dialog = ExceptionDialog(word, phrase, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            add_exception(self._session.store.folder, dialog.phrase.text().strip())
        except UserFileError as exc:
            QMessageBox.warning(self._parent, "无法加入例外",
                                f"{exc}\n\n为免丢失其中的内容，没有改动它。请在 工具 → 本单位用语词典… 里处理。")
            return False
        self.dictionaries_changed()
        return True

    def open_dictionaries(self) -> DictionaryDialog:
        """工具 → 本单位用语词典…: modeless, one per window; each change there checks the report again."""
        from fzdesk.ui.dictionary_dialog import DictionaryDialog

        if self.dictionary_dialog is None:
            self.dictionary_dialog = DictionaryDialog(self._session.store.folder, self._dictionary_edited,
                                                      self._parent)
        else:
            self.dictionary_dialog.refresh()
        self.dictionary_dialog.show()
        self.dictionary_dialog.raise_()
        self.dictionary_dialog.activateWindow()
        return self.dictionary_dialog

    def _dictionary_edited(self) -> None:
        self._session.saver.flush()
        self.controller.runner.reload_dictionaries()
        self.controller.window.statusBar().showMessage("本单位用语词典已保存，已重新检查。", 5000)

    def dictionaries_changed(self) -> None:
        """user.json changed from a finding: check again, and show it in the open dictionary dialog."""
        self.controller.runner.reload_dictionaries()
        if self.dictionary_dialog is not None:
            self.dictionary_dialog.refresh()

    def check_now(self) -> None:
        """Checks the whole text at once and opens the 检查 step (工具 menu, F5, the step's own button)."""
        self._session.saver.flush()
        self._rerun()
        self.controller._go("check")

    # ----- explanations of large changes ---------------------------------------------------------
    def explanation_code(self, finding: Finding) -> str | None:
        """The figure a large-change finding asks to explain (None for other findings)."""
        rule = next((r for r in self.controller.runner.rules.rules if r.id == finding.rule), None)
        if rule is None or rule.relation != "yoy_change":
            return None
        return finding.location.figure

    def set_explanation(self, code: str, text: str) -> None:
        report = self._session.report
        assert report is not None and report.id is not None
        set_explanation(report, code, text)
        write_figures(self._session.saver, self._session.store, report, [code])  # (kept and retried if it fails)
        self._reload_page("figures")
        self._rerun()

    def explanations_choice(self) -> str:
        unit = self._session.unit
        value = unit.options.get(EXPLANATIONS_KEY, "sentence") if unit else "sentence"
        return value if value in ("sentence", "annex") else "sentence"

    def set_explanations_choice(self, choice: str) -> None:
        unit = self._session.unit
        if unit is None or unit.id is None or choice == self.explanations_choice():
            return
        unit.options[EXPLANATIONS_KEY] = choice
        if choice == "annex":  # the annex has a 说明 column already: make sure the annex is exported
            options = unit_options(unit)
            options.figures_annex = True
            remember(unit, options)
        write_unit(self._session.saver, self._session.store, unit)

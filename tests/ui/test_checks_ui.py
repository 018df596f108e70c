"""The checks as a clerk meets them: typing a slip, the count in the step list, the 检查 step, fixes, dismissals."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fzdesk.checks.findings import Finding, Severity
from fzdesk.domain.model import Block, FigureState, FigureValue
from fzdesk.storage.store import Store
from fzdesk.ui.check_page import CheckPage
from fzdesk.ui.check_runner import FULL_DELAY_MS, PARAGRAPH_DELAY_MS
from fzdesk.ui.dismiss_dialog import DismissDialog
from fzdesk.ui.figure_model import COL_NAME
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.figures_page import FiguresPage
from fzdesk.ui.wording_dialog import ExceptionDialog
from tests.ui import modal
from tests.ui.helpers import type_at_end, type_text

LEFT = Qt.MouseButton.LeftButton
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def step_row(w: MainWindow, key: str) -> int:
    return next(i for i, s in enumerate(w.steps) if s.key == key)


def step_text(w: MainWindow, key: str) -> str:
    return w.step_list.item(step_row(w, key)).text()


def open_step(w: MainWindow, key: str) -> None:
    w.go(step_row(w, key))


def check_page(w: MainWindow) -> CheckPage:
    open_step(w, "check")
    page = w.current_page()
    assert isinstance(page, CheckPage)
    return page


def shown(page: CheckPage, rule: str) -> Finding:
    found = [f for f in page.findings() if isinstance(f, Finding) and f.rule == rule]
    assert found, f"{rule} not listed: {[getattr(f, 'rule', '') for f in page.findings()]}"
    return found[0]


def click_finding(qtbot: QtBot, page: CheckPage, finding: Finding) -> None:
    index = page.index_of_key(finding.key)
    assert index.isValid()
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), LEFT, pos=page.view.visualRect(index).center())


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def measures_page(w: MainWindow) -> BlockPage:
    open_step(w, Block.MEASURES.value)
    page = w.current_page()
    assert isinstance(page, BlockPage)
    return page


def test_a_typed_slip_is_counted_listed_jumped_to_and_fixed(window: MainWindow, qtbot: QtBot,
                                                            filled_store: Store) -> None:
    w = window
    assert "问题" not in step_text(w, Block.MEASURES.value)
    page = measures_page(w)
    type_at_end(page.text, "推进法制政府建设。")
    # the paragraph is re-checked after the pause in typing: the count appears in the step list
    qtbot.waitUntil(lambda: step_text(w, Block.MEASURES.value).startswith("二、主要举措和成效\n")
                    and step_text(w, Block.MEASURES.value).endswith(" · 1个问题"),
                    timeout=PARAGRAPH_DELAY_MS + 2000)
    text = page.text.toPlainText()
    start = text.index("法制政府")
    # the editor marks the span
    layout = page.text.document().findBlock(start).layout()
    formats = [r for r in layout.formats() if r.format.underlineStyle() == r.format.UnderlineStyle.WaveUnderline]
    assert formats and formats[0].start == start - page.text.document().findBlock(start).position()

    cp = check_page(w)
    finding = shown(cp, "wording.fazhi")
    assert finding.severity is Severity.WARNING and "法制政府" in finding.excerpt
    assert "法治政府" in cp.summary.text() or "警告 1 条" in cp.summary.text()
    click_finding(qtbot, cp, finding)
    assert w.current_page() is page
    assert page.text.textCursor().selectedText() == "法制政府"
    assert QApplication.focusWidget() is page.text

    cp = check_page(w)
    cp.view.setCurrentIndex(cp.index_of_key(finding.key))
    fix = next(b for b in cp.fix_buttons if b.isVisible())
    assert "法治政府" in fix.text()
    fix.click()
    report = w.session.report
    assert report is not None
    item = report.section(Block.MEASURES).items[0]  # type: ignore[union-attr]
    assert item.id is not None
    saved = filled_store.load_report(report.id).section(Block.MEASURES).items[0]  # type: ignore[arg-type, union-attr]
    assert "推进法治政府建设。" in saved.text and "法制政府" not in saved.text
    assert filled_store.history(report.id, f"item:{item.id}", "body")[0].value.endswith("推进法治政府建设。")  # type: ignore[arg-type, union-attr]
    assert not [f for f in cp.findings() if isinstance(f, Finding) and f.rule == "wording.fazhi"]
    assert "问题" not in step_text(w, Block.MEASURES.value)
    assert "法治政府" in page.text.toPlainText()


def when_open(kind: type[QWidget], act: Callable[[Any], None], tries: int = 250) -> None:
    """Runs act on the dialog or menu of kind once it is open (it blocks in its own event loop); it is closed
    afterwards whatever happens, so that a failing test cannot hang."""

    test = modal.current_test[0]

    def poll(left: int) -> None:
        if modal.test_is_over(test):
            return
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            if left:
                QTimer.singleShot(20, lambda: poll(left - 1))
            return
        try:
            act(found[0])
        finally:
            if found[0].isVisible():
                found[0].close()

    QTimer.singleShot(0, lambda: poll(tries))


def select(page: CheckPage, finding: Finding) -> None:
    page.view.setFocus()
    page.view.setCurrentIndex(page.index_of_key(finding.key))


@pytest.fixture
def flawed_store(filled_store: Store) -> Store:
    """The 2023 report without 主送机关 (an error), with a sum that does not add up, and a number in the text
    that differs from the sheet."""
    report_id = next(s.id for s in filled_store.reports() if s.year == 2023)
    filled_store.update_report(report_id, recipient="")
    filled_store.set_figure(report_id, FigureValue("A.open", FigureState.NUMBER, Decimal(10)))
    filled_store.set_figure(report_id, FigureValue("A.carried_in", FigureState.NUMBER, Decimal(0)))
    item = filled_store.load_report(report_id).section(Block.MEASURES).items[0]  # type: ignore[union-attr]
    assert item.id is not None
    filled_store.update_item(item.id, paragraphs=["全年受理行政复议案件90件，审结63件。"])
    return filled_store


@pytest.fixture
def flawed(flawed_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(flawed_store)


def stored(store: Store, w: MainWindow):  # type: ignore[no-untyped-def]
    assert w.session.report is not None and w.session.report.id is not None
    return store.load_report(w.session.report.id)


def test_an_error_is_dismissed_only_with_a_reason_and_can_be_restored(flawed: MainWindow, flawed_store: Store,
                                                                      qtbot: QtBot) -> None:
    w = flawed
    assert step_text(w, "report").endswith(" · 1个问题")
    page = check_page(w)
    error = shown(page, "structure.recipient")
    assert error.severity is Severity.ERROR
    select(page, error)
    assert page.dismiss_button.isVisible()
    seen: list[str] = []

    def refuse_then_give_a_reason(dialog: DismissDialog) -> None:
        assert not dialog.ok.isEnabled()
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        dialog.accept()  # Enter without a reason: refused, the dialog stays open and says why
        assert dialog.isVisible()
        seen.append(dialog.note.text())
        type_text(dialog.reason, "本报告直接在网站公开")
        assert dialog.ok.isEnabled()
        dialog.ok.click()

    when_open(DismissDialog, refuse_then_give_a_reason)
    page.dismiss_button.click()
    assert seen and "理由" in seen[0]
    assert [(d.key, d.reason) for d in stored(flawed_store, w).dismissals] == [(error.key, "本报告直接在网站公开")]
    assert "问题" not in step_text(w, "report")
    dismissed = shown(page, "structure.recipient")
    assert dismissed.dismissed and dismissed.reason == "本报告直接在网站公开"
    index = page.index_of_key(dismissed.key)
    assert index.parent().data().startswith("已忽略")
    assert "理由：本报告直接在网站公开" in index.siblingAtColumn(2).data()
    assert "已忽略 1 条" in page.summary.text()

    select(page, dismissed)
    assert page.restore_button.isVisible() and not page.dismiss_button.isVisible()
    page.restore_button.click()
    assert stored(flawed_store, w).dismissals == []
    assert step_text(w, "report").endswith(" · 1个问题")


def test_cancelled_or_empty_reason_leaves_the_error_open(flawed: MainWindow, flawed_store: Store) -> None:
    page = check_page(flawed)
    error = shown(page, "structure.recipient")
    select(page, error)
    when_open(DismissDialog, lambda d: d.reject())
    page.dismiss_button.click()
    said: list[str] = []
    when_open(QMessageBox, lambda box: said.append(box.text()))
    assert not page.do.dismiss_with(error, "  ")  # a reason of blanks is no reason: refused, and said so
    assert said and "理由" in said[0]
    assert stored(flawed_store, flawed).dismissals == []


def test_a_warning_is_dismissed_without_a_reason(flawed: MainWindow, flawed_store: Store) -> None:
    page = check_page(flawed)
    warning = shown(page, "prose.mismatch")
    select(page, warning)
    when_open(DismissDialog, lambda d: d.ok.click())
    page.dismiss_button.click()
    assert [(d.key, d.reason) for d in stored(flawed_store, flawed).dismissals] == [(warning.key, "")]


def test_a_figure_sum_error_is_listed_marked_in_the_sheet_and_jumps_to_the_figure(flawed: MainWindow,
                                                                                   qtbot: QtBot) -> None:
    w = flawed
    assert step_text(w, "figures").endswith(" · 1个问题")
    page = check_page(w)
    error = shown(page, "A.balance")
    assert error.severity is Severity.ERROR and "相差15件" in error.message
    click_finding(qtbot, page, error)
    figures = w.current_page()
    assert isinstance(figures, FiguresPage) and figures.sheet is not None
    sheet = figures.sheet
    assert sheet.current_code() == "A.accepted"  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is sheet.view  # type: ignore[attr-defined]
    sheet.view.setCurrentIndex(sheet.model.index_of("A.closed"))  # type: ignore[attr-defined]
    page = check_page(w)  # with the keyboard: select the finding, Enter
    select(page, error)
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    assert w.current_page() is figures and sheet.current_code() == "A.accepted"  # type: ignore[attr-defined]
    name = sheet.model.index_of("A.accepted", COL_NAME)  # type: ignore[attr-defined]
    assert name.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "相差15件" in name.data(Qt.ItemDataRole.ToolTipRole)


def test_put_the_sheets_number_into_the_text(flawed: MainWindow, flawed_store: Store, qtbot: QtBot) -> None:
    w = flawed
    page = check_page(w)
    mismatch = shown(page, "prose.mismatch")
    click_finding(qtbot, page, mismatch)
    block = w.current_page()
    assert isinstance(block, BlockPage) and block.text.textCursor().selectedText() == "90件"
    page = check_page(w)
    select(page, mismatch)
    button = page.fix_buttons[0]
    assert button.isVisible() and "88件" in button.text()
    button.click()
    saved = stored(flawed_store, w).section(Block.MEASURES).items[0]
    assert saved.paragraphs == ["全年受理行政复议案件88件，审结63件。"]
    assert block.text.toPlainText() == "全年受理行政复议案件88件，审结63件。"
    assert not [f for f in page.findings() if isinstance(f, Finding) and f.rule == "prose.mismatch"]


def test_take_the_texts_number_into_the_sheet(flawed: MainWindow, flawed_store: Store) -> None:
    w = flawed
    open_step(w, "figures")  # the sheet is open: it shows the new value at once
    page = check_page(w)
    select(page, shown(page, "prose.mismatch"))
    button = page.fix_buttons[1]
    assert "填入数据表" in button.text()
    button.click()
    figure = stored(flawed_store, w).figures["A.accepted"]
    assert figure.value == 90 and figure.state is FigureState.NUMBER
    rid = w.session.report.id  # type: ignore[union-attr]
    assert rid is not None and flawed_store.history(rid, "figure:A.accepted", "value")[0].value["value"] == "90"
    figures = w.pages["figures"]
    assert isinstance(figures, FiguresPage)
    assert figures.sheet.model.index_of("A.accepted").data() == "90"  # type: ignore[union-attr]


def test_not_an_error_adds_an_exception_for_the_unit(window: MainWindow, filled_store: Store, qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    type_text(page.text, "法制建设")
    cp = check_page(w)
    finding = shown(cp, "wording.fazhi")
    select(cp, finding)
    assert cp.exception_button.isVisible()

    def add(dialog: ExceptionDialog) -> None:
        assert dialog.phrase.text().startswith("法制建设")
        dialog.phrase.selectAll()
        type_text(dialog.phrase, "法制建设")
        dialog.accept()

    when_open(ExceptionDialog, add)
    cp.exception_button.click()
    data = json.loads((filled_store.folder / "wording" / "user.json").read_text(encoding="utf-8"))
    assert "法制建设" in data["exceptions"]
    assert not [f for f in cp.findings() if isinstance(f, Finding) and f.rule == "wording.fazhi"]


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")  # a popup, offscreen
def test_insert_data_puts_the_familys_sentence_at_the_cursor(window: MainWindow, filled_store: Store,
                                                            qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    page.text.setFocus()
    page.text.moveCursor(page.text.textCursor().MoveOperation.End)
    chosen: list[str] = []

    def pick(menu: QMenu) -> None:
        actions = [a for a in menu.actions() if a.isEnabled()]
        chosen.append(actions[0].toolTip())
        menu.setActiveAction(actions[0])
        QTest.keyClick(menu, Qt.Key.Key_Return)

    when_open(QMenu, pick)
    QTest.keyClick(page.text, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(chosen))
    assert "受理88件" in chosen[0]
    assert page.text.toPlainText().endswith(chosen[0])
    w.saver.flush()
    saved = stored(filled_store, w).section(Block.MEASURES).items[0]
    assert saved.paragraphs[-1].endswith(chosen[0])


def test_a_large_change_asks_for_an_explanation_and_where_it_goes(filled_store: Store, qtbot: QtBot,
                                                                  make_window: Callable[[Store], MainWindow]) -> None:
    last = next(s.id for s in filled_store.reports() if s.year == 2022)
    filled_store.set_figure(last, FigureValue("A.accepted", FigureState.NUMBER, Decimal(20)))
    w = make_window(filled_store)
    page = check_page(w)
    change = next(f for f in page.findings() if isinstance(f, Finding) and f.location.figure == "A.accepted"
                  and page.do.explanation_code(f) == "A.accepted")
    select(page, change)
    assert page.explanation.isVisible()
    type_text(page.explanation, "今年开展专项整治")
    QTest.keyClick(page.explanation, Qt.Key.Key_Return)
    assert stored(filled_store, w).figures["A.accepted"].explanation == "今年开展专项整治"
    assert change.key not in {f.key for f in page.findings() if isinstance(f, Finding)}

    assert page.explanations.currentData() == "sentence"
    page.explanations.setFocus()
    QTest.keyClick(page.explanations, Qt.Key.Key_Down)
    assert page.explanations.currentData() == "annex"
    unit = filled_store.unit(w.session.unit.id)  # type: ignore[union-attr, arg-type]
    assert unit.options["explanations"] == "annex"
    assert unit.options["export"]["figures_annex"] is True  # type: ignore[index]


def test_a_new_paragraph_is_checked_marked_and_explained_by_its_tooltip(window: MainWindow, qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    type_at_end(page.text, "\n推进法制建设。")
    qtbot.waitUntil(lambda: step_text(w, Block.MEASURES.value).endswith(" · 1个问题"),
                    timeout=PARAGRAPH_DELAY_MS + 2000)
    (finding,) = w.checks.runner.findings_at(Block.MEASURES, page.current_index())
    assert (finding.location.paragraph, finding.location.start, finding.location.end) == (1, 2, 6)
    highlighter = next(h for h in w.checks.highlighters if h.editor is page.text)
    second = page.text.document().findBlockByNumber(1)
    assert highlighter.messages_at(second, 3) == [f"警告：{finding.message}"]
    assert highlighter.messages_at(second, 0) == []


def test_a_full_check_overtaken_by_typing_is_dropped_and_run_again(filled_store: Store, qtbot: QtBot) -> None:
    from fzdesk.ui.check_runner import CheckRunner

    report = filled_store.load_report(next(s.id for s in filled_store.reports() if s.year == 2023))
    runner = CheckRunner(filled_store)
    try:
        runner.set_report(filled_store.unit(report.unit_id), report)  # type: ignore[arg-type]
        assert runner.checked and not runner.result.open_findings
        item = report.section(Block.PLANS).items[0]  # type: ignore[union-attr]
        item.paragraphs = ["明年继续推进法制政府建设。"]
        runner.changed()
        runner.run_full()  # in the worker thread, on a copy
        item.paragraphs = ["明年继续推进法制政府建设，加强法制宣传。"]
        runner.text_edited(Block.PLANS, 0, 0)  # typed meanwhile: the copy's spans are stale
        with qtbot.waitSignal(runner.updated, timeout=PARAGRAPH_DELAY_MS + 1000):
            pass  # the paragraph re-check
        qtbot.waitUntil(lambda: not runner._full_timer.isActive() and runner._future is not None
                        and runner._future.done(), timeout=FULL_DELAY_MS + 3000)
        qtbot.wait(50)
        spans = sorted((f.location.start, f.rule) for f in runner.result.open_findings)
        assert len(spans) == 2 and spans[0][0] == 6  # both slips of the latest text, not the copy's one
    finally:
        runner.shutdown()


def test_after_enter_a_long_item_is_rechecked_in_the_worker_thread(filled_store: Store, qtbot: QtBot) -> None:
    """Typing 2,000 characters (bench_typing_checks): after Enter every paragraph of the item is checked again;
    on the window's thread that stalled typing (88 ms at once, 10-16 ms in slices). The checks run in the worker
    thread on a copy, and the window's thread only puts the findings in place, once."""
    import threading

    from fzdesk.checks import engine
    from fzdesk.ui.check_runner import CheckRunner

    report = filled_store.load_report(next(s.id for s in filled_store.reports() if s.year == 2023))
    runner = CheckRunner(filled_store)
    threads: list[str] = []
    original = engine.check_paragraph

    def recorded(*args: object, **kwargs: object) -> list[Finding]:
        threads.append(threading.current_thread().name)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    engine.check_paragraph = recorded  # type: ignore[assignment]
    try:
        runner.set_report(filled_store.unit(report.unit_id), report)  # type: ignore[arg-type]
        item = report.section(Block.PLANS).items[0]  # type: ignore[union-attr]
        item.paragraphs = [f"第{n}段：明年继续推进法制政府建设。" for n in range(40)]
        runner.text_edited(Block.PLANS, 0, 39)  # Enter: the paragraph count changed, the whole item is due
        updates: list[int] = []
        runner.updated.connect(lambda: updates.append(1))
        runner.recheck_paragraphs()
        item.paragraphs[5] = "改掉了"  # the window goes on editing: the worker checks its own copy
        qtbot.waitUntil(lambda: bool(updates), timeout=5000)
        assert len(threads) == 41 and set(threads) == {"fzdesk-checks"}  # the title and 40 paragraphs
        assert len(updates) == 1  # shown once, at the end
        marked = {f.location.paragraph for f in runner.result.open_findings
                  if f.location.step == Block.PLANS.value and f.rule.startswith("wording")}
        assert marked == set(range(40))  # every paragraph of the copy re-checked, each slip marked once
        assert len([f for f in runner.result.open_findings if f.location.step == Block.PLANS.value
                    and f.rule.startswith("wording")]) == 40
    finally:
        engine.check_paragraph = original  # type: ignore[assignment]
        runner.shutdown()


def test_several_edits_of_one_item_before_the_pause_check_each_paragraph_once(
        filled_store: Store, qtbot: QtBot) -> None:
    """Typing in two paragraphs and pressing Enter before the pause queued the item once per edit: the paragraphs
    were checked twice and every mark was listed (and counted in the step list) twice."""
    from collections import Counter

    from fzdesk.ui.check_runner import CheckRunner

    report = filled_store.load_report(next(s.id for s in filled_store.reports() if s.year == 2023))
    runner = CheckRunner(filled_store)
    try:
        runner.set_report(filled_store.unit(report.unit_id), report)  # type: ignore[arg-type]
        item = report.section(Block.PLANS).items[0]  # type: ignore[union-attr]
        item.paragraphs = ["明年继续推进法制政府建设。", "加强法制宣传。"]
        runner.text_edited(Block.PLANS, 0, 0)
        runner.text_edited(Block.PLANS, 0, 1)
        item.paragraphs.append("完善法制审核。")  # Enter and a third paragraph: the whole item is due
        runner.text_edited(Block.PLANS, 0, 2)
        with qtbot.waitSignal(runner.updated, timeout=PARAGRAPH_DELAY_MS + 2000):
            runner.recheck_paragraphs()
        places = Counter((f.rule, f.location.paragraph, f.location.start) for f in runner.result.open_findings
                         if f.location.step == Block.PLANS.value)
        assert places and max(places.values()) == 1
        assert {p for _, p, _ in places} >= {0, 1}
        runner.text_edited(Block.PLANS, 0, 0)  # then two edits of the same paragraph
        runner.text_edited(Block.PLANS, 0, 0)
        with qtbot.waitSignal(runner.updated, timeout=PARAGRAPH_DELAY_MS + 2000):
            runner.recheck_paragraphs()
        again = Counter((f.rule, f.location.paragraph, f.location.start) for f in runner.result.open_findings
                        if f.location.step == Block.PLANS.value)
        assert again == places
    finally:
        runner.shutdown()


def test_a_paragraph_result_overtaken_by_typing_is_not_shown_and_checked_again(
        filled_store: Store, qtbot: QtBot) -> None:
    """A re-check that comes back after the clerk typed again would put marks on text that moved: it is
    dropped and the paragraph goes back in the queue."""
    from fzdesk.ui.check_runner import CheckRunner

    report = filled_store.load_report(next(s.id for s in filled_store.reports() if s.year == 2023))
    runner = CheckRunner(filled_store)
    try:
        runner.set_report(filled_store.unit(report.unit_id), report)  # type: ignore[arg-type]
        item = report.section(Block.PLANS).items[0]  # type: ignore[union-attr]
        item.paragraphs = ["明年继续推进法制政府建设。"]
        runner.text_edited(Block.PLANS, 0, 0)
        runner.recheck_paragraphs()
        item.paragraphs = ["明年将继续推进法制政府建设。"]  # typed before the result is back
        runner.text_edited(Block.PLANS, 0, 0)
        with qtbot.waitSignal(runner.updated, timeout=PARAGRAPH_DELAY_MS + 2000):
            pass  # only the second re-check is shown
        spans = [f.location.start for f in runner.result.open_findings if f.rule == "wording.fazhi"]
        assert spans == [7]  # the latest text's span, not the first one's (6)
    finally:
        runner.shutdown()


def test_a_paragraph_recheck_overtaken_by_a_newer_one_is_not_lost(filled_store: Store, qtbot: QtBot) -> None:
    """The worker was busy (a long full check) when the clerk paused after editing one paragraph and again after
    editing another: the first re-check came back after the second was queued and was dropped, and the first
    paragraph's slip was not marked (nor its old marks taken away) until the next full check."""
    import threading

    from fzdesk.ui.check_runner import CheckRunner

    report = filled_store.load_report(next(s.id for s in filled_store.reports() if s.year == 2023))
    item = report.section(Block.PLANS).items[0]  # type: ignore[union-attr]
    item.paragraphs = ["明年继续推进法治政府建设。", "加强法治宣传。"]
    runner = CheckRunner(filled_store)
    release = threading.Event()
    try:
        runner.set_report(filled_store.unit(report.unit_id), report)  # type: ignore[arg-type]
        assert not [f for f in runner.result.open_findings if f.rule == "wording.fazhi"]
        runner._submit(release.wait)  # the worker is busy
        item.paragraphs[0] = "明年继续推进法制政府建设。"
        runner.text_edited(Block.PLANS, 0, 0)
        runner.recheck_paragraphs()  # the pause after the first edit: queued behind the busy worker
        item.paragraphs[1] = "加强法制宣传。"
        runner.text_edited(Block.PLANS, 0, 1)
        runner.recheck_paragraphs()  # the pause after the second edit
        runner._full_timer.stop()  # what the paragraph re-checks show, not the full check's
        updates: list[int] = []
        runner.updated.connect(lambda: updates.append(1))
        release.set()
        qtbot.waitUntil(lambda: bool(updates), timeout=5000)
        qtbot.wait(PARAGRAPH_DELAY_MS + 200)  # anything queued again has been checked too
        marked = {f.location.paragraph for f in runner.result.open_findings
                  if f.rule == "wording.fazhi" and f.location.step == Block.PLANS.value}
        assert marked == {0, 1}
    finally:
        release.set()
        runner.shutdown()


def test_a_full_check_still_queued_when_the_window_closes_starts_nothing_afterwards(
        filled_store: Store, qtbot: QtBot) -> None:
    """The worker finishes a queued full check after shutdown(); its result, stale because the clerk typed
    meanwhile, armed the full check's timer again and 1.5 s later a new checks thread started for the closed
    window."""
    from fzdesk.ui.check_runner import CheckRunner

    report = filled_store.load_report(next(s.id for s in filled_store.reports() if s.year == 2023))
    runner = CheckRunner(filled_store)
    try:
        runner.set_report(filled_store.unit(report.unit_id), report)  # type: ignore[arg-type]
        runner.run_full()  # queued in the worker
        runner.changed()  # an edit: the queued check's result is stale
        runner.shutdown()  # the window closes; the worker finishes the check first
        qtbot.wait(100)  # its result is delivered
        assert not runner._full_timer.isActive() and runner._worker is None
    finally:
        runner.shutdown()


def test_a_paragraph_recheck_still_queued_when_the_window_closes_starts_nothing_afterwards(
        filled_store: Store, qtbot: QtBot) -> None:
    """Closing the window while a paragraph re-check was queued and the clerk had typed again: its result came
    back after shutdown(), queued the paragraph again, and 400 ms later a new checks thread was started for the
    closed window."""
    import threading

    from fzdesk.ui.check_runner import CheckRunner

    report = filled_store.load_report(next(s.id for s in filled_store.reports() if s.year == 2023))
    item = report.section(Block.PLANS).items[0]  # type: ignore[union-attr]
    runner = CheckRunner(filled_store)
    release = threading.Event()
    try:
        runner.set_report(filled_store.unit(report.unit_id), report)  # type: ignore[arg-type]
        runner._submit(release.wait)  # the worker is busy
        item.paragraphs[0] = "明年继续推进法制政府建设。"
        runner.text_edited(Block.PLANS, 0, 0)
        runner.recheck_paragraphs()  # queued
        runner.text_edited(Block.PLANS, 0, 0)  # typed again: the queued result will be overtaken
        release.set()
        runner.shutdown()  # the window closes
        before = {t.ident for t in threading.enumerate()}
        qtbot.wait(PARAGRAPH_DELAY_MS + 300)
        assert runner._worker is None
        assert not [t for t in threading.enumerate() if t.name == "fzdesk-checks" and t.ident not in before]
    finally:
        release.set()
        runner.shutdown()


def test_edits_reaching_a_closed_window_s_checks_start_nothing(filled_store: Store, qtbot: QtBot) -> None:
    """An editor torn down after the window closed still said it changed: its paragraph re-check started a new
    checks thread, whose result refreshed the closed window's steps from a store already closed (a test after
    tests/ui/test_write_sample.py failed with "Cannot operate on a closed database")."""
    import threading

    from fzdesk.ui.check_runner import CheckRunner

    report = filled_store.load_report(next(s.id for s in filled_store.reports() if s.year == 2023))
    runner = CheckRunner(filled_store)
    updates: list[int] = []
    runner.updated.connect(lambda: updates.append(1))
    try:
        runner.set_report(filled_store.unit(report.unit_id), report)  # type: ignore[arg-type]
        runner.shutdown()  # the window closes
        updates.clear()
        before = {t.ident for t in threading.enumerate()}
        runner.text_edited(Block.PLANS, 0, 0)
        runner.changed()
        runner.recheck_paragraphs()
        runner.run_full()
        runner.wait()  # (returns: nothing is waited for)
        qtbot.wait(PARAGRAPH_DELAY_MS + 300)
        assert updates == [] and runner._worker is None
        assert not runner._para_timer.isActive() and not runner._full_timer.isActive()
        assert not [t for t in threading.enumerate() if t.name == "fzdesk-checks" and t.ident not in before]
    finally:
        runner.shutdown()


def test_marks_are_redrawn_only_on_the_lines_whose_findings_changed(qtbot: QtBot) -> None:
    """A whole rehighlight lays out every line of the editor again (~20 ms on a long item, at every result)."""
    from PySide6.QtWidgets import QPlainTextEdit

    from fzdesk.checks.findings import Category, Location
    from fzdesk.ui.highlighter import FindingHighlighter

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("\n".join(f"第{n}段，推进法制政府建设。" for n in range(20)))
    by_paragraph: dict[int, list[Finding]] = {}
    highlighter = FindingHighlighter(editor, lambda: [f for fs in by_paragraph.values() for f in fs])
    drawn: list[int] = []
    original = highlighter.highlightBlock

    def counted(text: str) -> None:
        drawn.append(highlighter.currentBlock().blockNumber())
        original(text)

    highlighter.highlightBlock = counted  # type: ignore[method-assign]
    highlighter.refresh()  # the first drawing: every line
    assert drawn == list(range(20))
    drawn.clear()
    highlighter.refresh()
    assert drawn == []  # nothing changed since
    by_paragraph[7] = [Finding("wording.fazhi", Category.WORDING, Severity.WARNING, "“法制政府”应写作“法治政府”",
                               Location(Block.MEASURES.value, item_index=0, paragraph=7, start=7, end=9))]
    highlighter.refresh()
    assert drawn == [7]
    formats = editor.document().findBlockByNumber(7).layout().formats()
    assert [(r.start, r.length) for r in formats] == [(7, 2)]
    by_paragraph[7].insert(0, Finding("wording.slip", Category.WORDING, Severity.WARNING, "别字",
                                      Location(Block.MEASURES.value, item_index=0, paragraph=7, start=1, end=2)))
    highlighter.refresh()
    assert drawn == [7, 7]
    by_paragraph[7].reverse()  # the same marks listed the other way round (a full check and a re-check differ)
    highlighter.refresh()
    assert drawn == [7, 7]  # not laid out again
    by_paragraph.clear()
    highlighter.refresh()
    assert drawn == [7, 7, 7] and not editor.document().findBlockByNumber(7).layout().formats()

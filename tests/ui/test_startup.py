"""Start-up: the window is painted before the checks load, the counts follow, and what can wait waits."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.first_paint import after_first_paint
from fzdesk.ui.main_window import MainWindow
from tests import factories
from tests.ui.helpers import key

REPO = Path(__file__).resolve().parents[2]


def step_text(w: MainWindow, key: str) -> str:
    return w.step_list.item(next(i for i, s in enumerate(w.steps) if s.key == key)).text()


def flaw(store: Store, year: int) -> None:
    """The year's report loses its 主送机关: an error on 报告信息."""
    report_id = next(s.id for s in store.reports() if s.year == year)
    store.update_report(report_id, recipient="")


def test_the_window_is_painted_before_the_first_check_and_the_counts_follow(filled_store: Store,
                                                                           qtbot: QtBot) -> None:
    flaw(filled_store, 2023)
    w = MainWindow(filled_store)
    qtbot.addWidget(w)
    assert w.session.report is not None and w.session.report.year == 2023
    assert not w.checks.runner.checked  # nothing is checked while the window is being built
    assert all("问题" not in step_text(w, s.key) for s in w.steps)
    w.resize(1280, 800)
    w.show()
    qtbot.waitUntil(lambda: w.checks.runner.checked, timeout=5000)
    assert step_text(w, "report").endswith(" · 1个问题")
    assert [f.rule for f in w.checks.runner.result.open_findings if f.location.step == "info"] == \
        ["structure.recipient"]


def test_a_report_opened_before_the_first_check_ends_is_not_shown_the_old_result(filled_store: Store,
                                                                                qtbot: QtBot) -> None:
    flaw(filled_store, 2023)  # the report the window opens has an error; 2022 has none
    w = MainWindow(filled_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.checks.runner.started, timeout=5000)  # painted: 2023 handed to the worker
    key(w.year_combo, Qt.Key.Key_Down)  # to 2022, possibly while 2023 is being checked in the worker
    assert w.session.report is not None and w.session.report.year == 2022
    assert w.checks.runner.checked  # a report switched to later is checked at once, as before
    qtbot.wait(300)  # let a result for 2023 arrive from the worker, if one was under way
    assert "问题" not in step_text(w, "report")
    assert w.checks.runner.report is w.session.report
    w.close()


def test_work_queued_for_the_first_paint_runs_after_it_in_order(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    ran: list[str] = []
    after_first_paint(widget, lambda: ran.append("first"))
    after_first_paint(widget, lambda: ran.append("second"))
    after_first_paint(widget, lambda: ran.append("chore"), first=True)  # ahead of those registered before it
    qtbot.wait(50)
    assert ran == []  # not shown, not painted
    widget.show()
    qtbot.waitUntil(lambda: len(ran) == 3, timeout=2000)
    assert ran == ["chore", "first", "second"]
    widget.update()
    qtbot.wait(50)
    assert ran == ["chore", "first", "second"]  # once only
    after_first_paint(widget, lambda: ran.append("late"))  # already painted: on the next turn of the loop
    assert ran == ["chore", "first", "second"]
    qtbot.waitUntil(lambda: ran[-1:] == ["late"], timeout=2000)


STARTUP_PROBE = """
import sys
from PySide6 import QtCore
from fzdesk.app import make_app, open_store
from fzdesk.ui.main_window import MainWindow

app = make_app()
store = open_store(sys.argv[1])
window = MainWindow(store)
window.resize(1280, 800)
window.show()
heavy = ("fzdesk.checks.engine", "fzdesk.checks.findings", "fzdesk.ui.check_actions", "fzdesk.ui.highlighter",
         "fzdesk.ui.pages.block_page", "fzdesk.ui.pages.text_page", "fzdesk.export.docx_writer", "docx",
         "sqlite_utils", "fzdesk.domain.catalogue", "fzdesk.domain.figure_values", "fzdesk.ui.pages.figures_page",
         "fzdesk.storage.checklist", "fzdesk.export.record", "concurrent.futures", "fzdesk.domain.outline",
         "fzdesk.storage.backup_list", "fzdesk.ui.dialogs", "fzdesk.ui.qt_texts",
         "hashlib", "_hashlib", "secrets", "hmac", "fzdesk.typeset", "fzdesk.review",
         "fzdesk.ui.error_dialog", "fzdesk.ui.write_guard")
print(",".join(m for m in heavy if m in sys.modules))
print("Qt namespace built" if "Qt" in QtCore.__dict__ else "Qt namespace not built")
from PySide6 import QtWidgets
from PySide6 import QtGui
made = {**QtGui.__dict__, **QtWidgets.__dict__}
print(",".join(name for name in ("QMessageBox", "QFileDialog", "QInputDialog", "QStyle", "QStyleOptionViewItem",
                                 "QPainter", "QKeySequence") if name in made))
store.close()
"""


def test_building_the_window_loads_no_checks_no_other_pages_and_no_qt_enums(tmp_path: Path) -> None:
    folder = factories.two_years_folder(tmp_path / "data")
    result = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(folder)], capture_output=True, text=True,
                            check=True, cwd=REPO, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    loaded, enums, dialogs = result.stdout.splitlines()
    assert loaded == ""
    assert enums == "Qt namespace not built"
    # PySide makes a class, with all of its enums, at first use: QStyle ~5.3 ms, QStyleOptionViewItem ~0.9 ms,
    # QMessageBox ~0.9 ms, QKeySequence ~0.7 ms (shortcuts are set as text through the "shortcut" property),
    # QPainter ~0.6 ms. Import them inside the functions that need them, after the first paint.
    assert dialogs == "", f"made before the first paint: {dialogs}"


def test_the_program_makes_the_days_backup_after_its_first_paint_and_stamps_the_benchmark(tmp_path: Path) -> None:
    folder = factories.two_years_folder(tmp_path / "data")
    stamp = tmp_path / "stamp"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FZDESK_QUIT_WHEN_IDLE="checked",
               FZDESK_STARTUP_STAMP=str(stamp))
    subprocess.run([sys.executable, "-m", "fzdesk", "--data", str(folder)], capture_output=True, text=True,
                   check=True, cwd=REPO, env=env, timeout=60)
    assert (folder / "backups" / f"fzdesk-{dt.date.today().isoformat()}.sqlite").is_file()
    assert float(stamp.read_text(encoding="ascii")) > 0
    with Store.open(folder, daily_backup=False) as store:  # the lock was released, nothing was changed
        assert {s.year for s in store.reports()} == {2022, 2023}
        assert all(store.load_report(s.id).section(Block.MEASURES) is not None for s in store.reports())


def test_the_first_check_reads_the_report_and_last_year_in_the_worker(filled_store: Store, qtbot: QtBot) -> None:
    flaw(filled_store, 2023)
    w = MainWindow(filled_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.checks.runner.checked, timeout=5000)
    runner = w.checks.runner
    assert runner.last_year is not None and runner.last_year.year == 2022
    assert runner.last_year is not w.session.report and runner.report is w.session.report
    assert step_text(w, "report").endswith(" · 1个问题")
    w.close()


def test_if_the_worker_cannot_read_the_store_the_window_reads_for_it(filled_store: Store, qtbot: QtBot,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import fzdesk.ui.check_runner as check_runner

    real = sqlite3.connect
    refused: list[str] = []

    def connect(target: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if str(target).endswith("?mode=ro"):
            refused.append(str(target))
            raise sqlite3.OperationalError("unable to open database file")
        return real(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(check_runner.sqlite3, "connect", connect)
    flaw(filled_store, 2023)
    w = MainWindow(filled_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.checks.runner.checked, timeout=5000)
    assert refused  # the worker tried its own connection first
    assert w.checks.runner.last_year is not None and w.checks.runner.last_year.year == 2022
    assert step_text(w, "report").endswith(" · 1个问题")
    w.close()


SCAN_PROBE = """
import inspect, sys
read = []
real = inspect.getsource
inspect.getsource = lambda obj: read.append(getattr(obj, "__name__", "?")) or real(obj)
import fzdesk.app  # (which imports fzdesk.ui.first_paint after PySide6)
fzdesk.app.skip_feature_scan()
import fzdesk.ui.main_window, fzdesk.ui.pages.unit_page, fzdesk.checks.engine, fzdesk.storage.checklist
table = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(",".join(sorted(n for n in read if n.startswith("fzdesk"))))
print(table.get("fzdesk.ui.main_window"), table.get("fzdesk.domain.model"), table.get("typing"))
"""


def test_pyside_is_spared_reading_the_sources_of_the_modules_the_window_loads(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", SCAN_PROBE], capture_output=True, text=True, check=True, cwd=REPO,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    read, values = result.stdout.splitlines()
    assert read == ""  # PySide6's import hook read none of fzdesk's sources
    assert values == "-1 -1 -1"


def test_fzdesk_selects_no_pyside_feature_so_the_feature_table_does_not_matter() -> None:
    """skip_feature_scan enters modules as -1 ("ignore"): that is only the same as PySide's own answer while no
    module says `from __feature__ import ...` (snake_case, true_property)."""
    statement = re.compile(r"^\s*(from\s+__feature__\s+import|import\s+__feature__)", re.MULTILINE)
    users = [p for p in (REPO / "fzdesk").rglob("*.py") if statement.search(p.read_text(encoding="utf-8"))]
    assert users == []


GC_PROBE = """
import gc, os, sys
gc.disable()
from fzdesk import app
from fzdesk.ui.main_window import MainWindow
seen = []
real = app.after_first_paint
def watch(widget, callback, **options):
    real(widget, lambda: seen.append((callback.__name__, gc.isenabled())) or callback(), **options)
app.after_first_paint = watch
from fzdesk.ui.check_runner import CheckRunner
real_start = CheckRunner.start
CheckRunner.start = lambda self: seen.append(("check", gc.isenabled())) or real_start(self)
os.environ["FZDESK_QUIT_WHEN_IDLE"] = "1"
code = app.run_gui(sys.argv[1])
print(code, gc.isenabled(), gc.get_freeze_count() > 10000, [n for n, on in seen if on])
print(",".join(n for n, _ in seen))
"""


def test_the_garbage_collector_runs_again_once_the_window_is_painted(tmp_path: Path) -> None:
    folder = factories.two_years_folder(tmp_path / "data")
    result = subprocess.run([sys.executable, "-c", GC_PROBE, str(folder)], capture_output=True, text=True,
                            check=True, cwd=REPO, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60)
    # off while building and painting, on from its own callback; start-up's objects frozen, not traversed again
    first, order = result.stdout.splitlines()
    assert first.split() == ["0", "True", "True", "['check',", "'stamp_and_quit']"]
    # the day's backup and the notice about the PC's data come before the first check, which then competes with
    # nothing for the interpreter
    assert order == "<lambda>,<lambda>,collect_from_now_on,check,stamp_and_quit"


def test_collect_from_now_on_leaves_a_running_collector_alone() -> None:
    import gc

    from fzdesk.app import collect_from_now_on

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    collect_from_now_on()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_worker_reads_a_store_whose_folder_name_needs_quoting(tmp_path: Path, qtbot: QtBot,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from fzdesk.ui.check_runner import CheckRunner

    fell_back: list[int] = []
    monkeypatch.setattr(CheckRunner, "_read_here", lambda self, generation: fell_back.append(generation))
    folder = factories.two_years_folder(tmp_path / "U盘 数据#1%20?x")
    with Store.open(folder, daily_backup=False) as store:
        w = MainWindow(store)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: w.checks.runner.checked, timeout=5000)
        assert fell_back == []  # its own read-only connection opened the file (the URI is percent-encoded)
        assert w.checks.runner.last_year is not None and w.checks.runner.last_year.year == 2022
        w.close()

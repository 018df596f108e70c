"""Wires the program together: Qt application, Chinese translations, the store and the main window."""

from __future__ import annotations

# The Qt-free modules that the start-up path needs come before PySide6: once loaded, PySide6 reads the source of
# every module named by an import statement after it (looking for "PySide6"), ~0.1 ms a module; see
# fzdesk.feature_scan for the rest.
import copy  # noqa: F401
import gc
import os
import sqlite3
import sys
import threading  # noqa: F401 (the checks' worker thread)
import time
import weakref  # noqa: F401
from typing import TYPE_CHECKING

import fzdesk.domain.progress  # (the step list)
import fzdesk.resources  # noqa: F401 (outlines, the indicator catalogue)
from fzdesk.feature_scan import skip_feature_scan
from fzdesk.opening import FirstReport, Refusal, open_for_window
from fzdesk.paths import data_location, resource
from fzdesk.pyside_fix import pin_singletons
from fzdesk.storage.store import Store

# isort: split
from PySide6.QtCore import QLibraryInfo, QLocale, QSize, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

skip_feature_scan()  # before the next import statement, which would have PySide6 read every module loaded so far

from fzdesk.ui import style  # noqa: E402
from fzdesk.ui.first_paint import after_first_paint  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import TracebackType

    from PySide6.QtWidgets import QMainWindow

    from fzdesk.ui.main_window import MainWindow

APP_NAME = "法治政府建设年度报告助手"
BASE_POINT_SIZE = 12
WINDOW_ICON_SIZES = (16, 24, 32, 48, 64)  # resources/icons/window (scripts/make_icon.py)
#: Start-up benchmarks (benchmarks/bench_startup.py, bench_bundle.py): "1" quits once the window has been painted
#: and the event loop is idle; "checked" once, in addition, the first check's counts are shown.
QUIT_ENV = "FZDESK_QUIT_WHEN_IDLE"
#: ... and the benchmark reads the moment of quitting (time.perf_counter(), a system-wide clock) from this file.
STAMP_ENV = "FZDESK_STARTUP_STAMP"
#: The garbage collector runs again after the first paint, or after this long if the window was not painted.
COLLECT_ANYWAY_MS = 10_000
#: The window's size where the screen's free area (without the taskbar) has room for it and its title bar (the
#: frame is not known before the window is shown); a smaller screen gets the window maximized: at 1280x800 on a
#: 1366x768 laptop the taskbar hid the status bar and 上一步/下一步.
WINDOW_SIZE = (1280, 800)
TITLE_BAR_ROOM = 48


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Qt's own texts in Chinese, the program's name and icon and a large font."""
    pin_singletons()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("fzdesk")
    app.setApplicationDisplayName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    app.setWindowIcon(window_icon())
    app.setFont(program_font(app.font()))
    style.keep_light(app)
    return app


def program_font(base: QFont) -> QFont:
    """The window's font: 微软雅黑 on Windows, a CJK sans face elsewhere, at least BASE_POINT_SIZE."""
    font = QFont(base)
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                      font.family()])
    font.setPointSize(max(font.pointSize(), BASE_POINT_SIZE))
    return font


def window_icon() -> QIcon:
    """The program icon in the sizes a window needs (16-64 px); the window system is handed every size at start,
    so not the 256 px file (~1.3 ms to decode and send). Sizes are given: no file is read before it is needed."""
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        path = resource("icons", "window", f"fzdesk-{size}.png")
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon


def open_store(folder_arg: str | None, opened: Store | Refusal | None = None) -> Store | None:
    """The store (opened already by fzdesk.cli, before Qt was loaded, or now), or None once a message box has
    explained in Chinese why the folder cannot be opened (another copy running, newer or damaged data)."""
    if opened is None:
        opened = open_for_window(folder_arg)
    if isinstance(opened, Store):
        return opened
    from PySide6.QtWidgets import QMessageBox  # only here: PySide makes the class and its enums at first use, ~0.9 ms

    QMessageBox.critical(None, opened.title, opened.text)
    return None


def announce_pc_data(window: MainWindow) -> None:
    """On a stick whose data are new: says once that this PC holds data, and how to bring them."""
    from fzdesk.ui.pc_data import announce_pc_data as announce

    announce(window)


def run_gui(data: str | None, opened: Store | Refusal | None = None, first: FirstReport | None = None) -> int:
    """Starts the window on the data folder (opened, first: what fzdesk.cli got opening it and reading the report
    to show, while Qt loaded); returns the exit status."""
    app = make_app()
    store = open_store(data, opened)
    if store is None:
        return 1
    from fzdesk.ui.main_window import MainWindow

    try:
        window = MainWindow(store, location=data_location(data), first=first)  # (status bar: why this folder)
        # the day's chores come before the first check, which the window registered: once under way in its
        # thread, the check competes with them for the interpreter
        after_first_paint(window, collect_from_now_on, first=True)
        after_first_paint(window, lambda: announce_pc_data(window), first=True)
        after_first_paint(window, lambda: daily_backup(window, store), first=True)
        QTimer.singleShot(COLLECT_ANYWAY_MS, collect_from_now_on)  # (a window started minimized is not painted)
        restore_hook = catch_unexpected(window, store.folder)
        show_window(window)
        quit_when = os.environ.get(QUIT_ENV)
        if quit_when:
            quit_for_benchmark(app, window, quit_when)
        try:
            return int(app.exec())
        finally:
            restore_hook()
    finally:
        store.close()


def catch_unexpected(window: QMainWindow, folder: Path) -> Callable[[], None]:
    """An error nobody expected (a bug) raised in a slot is shown to the clerk and logged beside the data
    (fzdesk.ui.error_dialog, loaded with the first one), not only printed on a console the windowed program lacks.
    Returns what puts the previous hook back."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        previous(kind, value, tb)  # the traceback on stderr, as before
        if issubclass(kind, Exception):
            from fzdesk.ui.error_dialog import report

            report(window, folder, kind, value, tb)

    sys.excepthook = hook

    def restore() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return restore


def fits_screen(available_width: int, available_height: int) -> bool:
    """Whether the window at WINDOW_SIZE, with its title bar, fits the screen's area left by the taskbar (a
    1280x1024 screen does; its side borders are a few pixels)."""
    return available_width >= WINDOW_SIZE[0] and available_height >= WINDOW_SIZE[1] + TITLE_BAR_ROOM


def show_window(window: QMainWindow) -> None:
    """Shows the window at WINDOW_SIZE, or maximized on a screen too small for it (restoring it then gives a
    window that fits the screen's free area)."""
    area = window.screen().availableGeometry()
    if fits_screen(area.width(), area.height()):
        window.resize(*WINDOW_SIZE)
        window.show()
        return
    window.resize(min(WINDOW_SIZE[0], area.width()), min(WINDOW_SIZE[1], area.height() - TITLE_BAR_ROOM))
    window.showMaximized()


def collect_from_now_on() -> None:
    """The cyclic garbage collector, off while the window was built (`fzdesk.cli` turns it off before importing
    Qt), runs again once the window is on screen; what start-up made is frozen first (gc.freeze, O(1)): about
    35,000 objects (modules, classes, Qt wrappers) that live as long as the program and would otherwise be
    traversed by the next collections. Start-up leaves only a few hundred unreachable objects behind (measured:
    ~360), which frozen stay. Does nothing if the collector was on (a test calling run_gui)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def daily_backup(window: QMainWindow, store: Store) -> None:
    """The day's rolling backup (a copy of the whole database once a day), made once the window is on screen."""
    try:
        store.daily_backup()
    except (OSError, sqlite3.Error) as exc:
        window.statusBar().showMessage(f"今天的自动备份没有做成（{exc}）。数据本身没有受影响；请检查磁盘空间。", 15000)


def quit_for_benchmark(app: QApplication, window: MainWindow, when: str) -> None:
    """Quits when the window has been painted and the work queued after the first paint is done (when="1"), or
    when the first check's counts are shown too (when="checked"); writes the moment to $FZDESK_STARTUP_STAMP."""

    def stamp_and_quit() -> None:
        path = os.environ.get(STAMP_ENV)
        if path:
            with open(path, "w", encoding="ascii") as fh:
                fh.write(f"{time.perf_counter():.6f}\n")
        app.quit()

    if when != "checked" or window.session.report is None:  # (nothing to check without a report)
        after_first_paint(window, stamp_and_quit)
        return
    runner = window.checks.runner

    def on_update() -> None:
        if runner.checked:
            QTimer.singleShot(0, stamp_and_quit)

    runner.updated.connect(on_update)

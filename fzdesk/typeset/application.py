"""The QApplication that Qt's text layout needs, offscreen for the command line and the self-test."""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fzdesk.pyside_fix import pin_singletons

_app: Any = None


def ensure_gui_application() -> Any:
    """The running QGuiApplication, or a new one (offscreen when there is no display). A QApplication: the
    .docx export lays a 报送稿 out (paged.foot_pages), and a window or pytest-qt opened later in the same
    process needs the widgets' kind of application."""
    global _app
    pin_singletons()  # PySide6 on Python 3.11 leaks references to None/True/False: see fzdesk/pyside_fix.py
    app = QGuiApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication(["fzdesk"])
    return _app

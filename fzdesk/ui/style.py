"""The window's look: calm colours, large readable text and the editor text sizes."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from fzdesk.paths import resource

DEFAULT_POINT_SIZE = 14
MIN_POINT_SIZE = 10
MAX_POINT_SIZE = 28

STYLE_SHEET = """
QLabel#pageTitle { font-size: 18pt; font-weight: bold; color: #1f3a5f; padding: 4px 0 8px 0; }
QLabel#hint { color: #555555; }
QLabel#error { color: #b00020; }
QLabel#itemLabel { font-weight: bold; color: #1f3a5f; min-width: 3em; }
QLabel#preview { background: #f6f6f0; color: #333333; padding: 6px; }
QListWidget#steps { font-size: 12pt; }
QListWidget#steps::item { padding: 6px 4px; }
QListWidget#steps { icon-size: 24px; }
QListWidget#steps QScrollBar:horizontal { height: 0px; }
QListWidget#items::item { padding: 4px 2px; border-bottom: 1px solid #e4e4e4; color: #000000; }
QListWidget#items::item:selected { background: #dbe7f5; color: #000000; }
QListWidget#steps::item:selected { background: #dbe7f5; color: #000000; }
"""


STATE_FILES = {"空": "empty", "进行中": "partial", "已完成": "done"}


def state_icon(state: str) -> QIcon:
    """The step-state icon from resources/icons/steps (drawn by scripts/make_step_icons.py): a grey ring (空),
    a half-filled orange disc (进行中), a green tick (已完成). Files, because painting them at start-up pulls
    in the Qt namespace's enums (~15 ms)."""
    return QIcon(str(resource("icons", "steps", f"{STATE_FILES[state]}.png")))

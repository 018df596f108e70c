"""Where the last export of a report is kept in the store's settings (without fzdesk.export.record's classes,
so that the window can see at start-up that a report was never exported)."""

from __future__ import annotations

SETTING_PREFIX = "export.last."


def setting_key(report_id: int) -> str:
    return f"{SETTING_PREFIX}{report_id}"

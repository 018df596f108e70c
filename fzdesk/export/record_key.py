"""Where the last export of a report is kept in the store's settings (without fzdesk.export.record's classes,
so that the window can see at start-up that a report was never exported). The Store deletes it with the report
(fzdesk.storage.report_settings)."""

from __future__ import annotations

from fzdesk.storage.report_settings import EXPORT_RECORD as SETTING_PREFIX

__all__ = ["SETTING_PREFIX", "setting_key"]


def setting_key(report_id: int) -> str:
    return f"{SETTING_PREFIX}{report_id}"

"""Settings that belong to one report, keyed "<prefix><report id>": they are deleted with the report, so that a
report given a deleted report's id back by SQLite (it reuses the id of a deleted last row) starts without them."""

from __future__ import annotations

#: The last export of a report (fzdesk.export.record): what the 导出 step's state follows from.
EXPORT_RECORD = "export.last."
PREFIXES: tuple[str, ...] = (EXPORT_RECORD,)


def report_setting_keys(report_id: int) -> list[str]:
    """Every key a setting of this report can have."""
    return [f"{prefix}{report_id}" for prefix in PREFIXES]

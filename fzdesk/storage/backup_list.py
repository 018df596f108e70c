"""What 文件 → 恢复备份… offers: the daily backups and the copies made before a change, newest first. Loaded with
the dialog, not at start-up (storage.backup is: the day's backup)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from fzdesk.domain.dates import written_date
from fzdesk.storage.backup import backup_date, backups
from fzdesk.storage.uri import read_only_uri

#: Copies made before a change (Store.open, Store.restore_backup, ui/report_delete.py): kind, then a time stamp.
_BEFORE = re.compile(r"before-(delete-report-(?P<report>\d+)|restore|migration-v\d+)-(?P<stamp>\d{8}-\d{6})\.sqlite")


@dataclass(frozen=True)
class Restorable:
    """A copy of the whole store that 文件 → 恢复备份… offers, with what the clerk reads for it."""

    path: Path
    when: dt.datetime
    label: str


def restorable(folder: Path) -> list[Restorable]:
    """The daily backups and the copies made before deleting a report, restoring or upgrading, newest first:
    a report deleted by mistake is brought back from its copy, not from the morning's backup."""
    if not folder.is_dir():
        return []
    found = [Restorable(p, dt.datetime.combine(backup_date(p), dt.time.min), f"{written_date(backup_date(p))}的备份")
             for p in backups(folder)]
    for path in folder.glob("before-*.sqlite"):
        m = _BEFORE.fullmatch(path.name)
        if m is None:
            continue
        when = dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S")
        stamp = f"{written_date(when.date())} {when:%H:%M}"
        if m.group("report"):
            year = _report_year(path, int(m.group("report")))
            found.append(Restorable(path, when, f"{stamp} 删除{year or '一份'}报告之前的数据"))
        elif path.name.startswith("before-restore-"):
            found.append(Restorable(path, when, f"{stamp} 恢复备份之前的数据"))
        else:
            found.append(Restorable(path, when, f"{stamp} 程序升级之前的数据"))
    return sorted(found, key=lambda r: r.when, reverse=True)


def _report_year(path: Path, report_id: int) -> str:
    """"2024年度" for the deleted report kept in the copy, or "" if the copy cannot be read."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = conn.execute("SELECT year FROM reports WHERE id = ?", (report_id,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return ""
    return f"{row[0]}年度" if row else ""


def deleted_report(path: Path) -> int | None:
    """The id of the report whose deletion the copy at path was made before (None for other backups)."""
    m = _BEFORE.fullmatch(path.name)
    return int(m.group("report")) if m is not None and m.group("report") else None

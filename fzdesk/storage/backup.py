"""Rolling daily backups of the store (the last 14 kept) and copies made before a migration, a restore or the
deletion of a report (fzdesk.storage.backup_list lists them for 文件 → 恢复备份…)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

KEEP = 14
PREFIX = "fzdesk-"


def copy_database(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database (SQLite's online backup), written beside then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    except BaseException:
        with contextlib.suppress(OSError):  # a copy cut short (a full disk) must not keep the room it took
            partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return target


def before_deleting_report(conn: sqlite3.Connection, folder: Path, report_id: int) -> Path:
    """A copy of the whole store made before report_id is deleted (删除这份报告, and an import that replaces a
    report, in the window and in `fzdesk import`): 文件 → 恢复备份… offers it as 删除…报告之前的数据
    (backup_list), where the day's backup may predate the report. Raises OSError or sqlite3.Error (a full disk is
    sqlite3's "database or disk is full") when it cannot be made: then nothing may be deleted."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return copy_database(conn, folder / f"before-delete-report-{report_id}-{stamp}.sqlite")


def backups(folder: Path) -> list[Path]:
    """Existing daily backups, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}????-??-??.sqlite"), reverse=True)


def daily_backup(conn: sqlite3.Connection, folder: Path, today: dt.date | None = None) -> Path | None:
    """Writes today's backup unless it exists, then prunes all but the newest KEEP and any copy left half-made;
    returns the new file. With
    today's backup there, nothing else is done: only a new backup can make one too many (and listing the folder
    cost ~1 ms of every start)."""
    day = today or dt.date.today()
    target = folder / f"{PREFIX}{day.isoformat()}.sqlite"
    if target.exists():
        return None
    made = copy_database(conn, target)
    for old in backups(folder)[KEEP:]:
        old.unlink(missing_ok=True)
    # copies cut short (the program killed while making one, or while upgrading a backup to restore it)
    for partial in [*folder.glob("*.sqlite.part"), *folder.glob("restoring-*.tmp*")]:
        with contextlib.suppress(OSError):
            partial.unlink()
    return made


def backup_date(path: Path) -> dt.date:
    return dt.date.fromisoformat(path.stem.removeprefix(PREFIX))

"""Copies of the store: a copy that fails leaves nothing half-written; a damaged backup is never restored."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fzdesk.storage import backup
from fzdesk.storage.store import Store
from tests import factories


class _DiskFills(sqlite3.Connection):
    """A connection whose online backup writes part of the copy and then finds the disk full."""

    def backup(self, target: sqlite3.Connection, **_: Any) -> None:  # type: ignore[override]
        target.execute("CREATE TABLE filler (x)")
        target.execute("INSERT INTO filler VALUES (zeroblob(200000))")
        raise sqlite3.OperationalError("database or disk is full")


def test_a_backup_that_fills_the_disk_leaves_no_partial_file(store: Store) -> None:
    factories.two_years(store)
    failing = sqlite3.connect(store.path, factory=_DiskFills)
    try:
        with pytest.raises(sqlite3.OperationalError):
            backup.daily_backup(failing, store.backup_folder, dt.date(2026, 11, 27))
    finally:
        failing.close()

    left = sorted(p.name for p in store.backup_folder.iterdir())
    assert left == [f"fzdesk-{dt.date.today().isoformat()}.sqlite"]  # the one Store.open made; no .part


def _damaged_copy(store: Store, path: Path) -> Path:
    """A backup whose table pages are overwritten (a bad sector on a stick): readable header, broken pages."""
    backup.copy_database(store.conn, path)
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset:offset + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_backup_is_refused_and_the_data_stay_as_they_were(store: Store) -> None:
    unit = factories.two_years(store)
    damaged = _damaged_copy(store, store.backup_folder / "fzdesk-2026-11-20.sqlite")
    before = [store.load_report(s.id) for s in store.reports(unit.id)]

    with pytest.raises(ValueError, match="备份文件已损坏"):
        store.restore_backup(damaged)

    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [store.load_report(s.id) for s in store.reports(unit.id)] == before


def test_a_backup_folder_that_cannot_be_written_does_not_stop_the_work(data_dir: Path) -> None:
    with Store.open(data_dir, daily_backup=False) as store:
        unit = factories.two_years(store)
    (data_dir / "backups").write_bytes(b"")  # a file where the folder goes: no backup can be written there

    with Store.open(data_dir) as store:
        assert "backups" in store.backup_error
        assert [s.year for s in store.reports(unit.id)] == [2023, 2022]
        store.set_setting("still", "writable")

    with Store.open(data_dir, daily_backup=False) as store:
        assert store.setting("still") == "writable"

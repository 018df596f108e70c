"""Copies of the store: a copy that fails leaves nothing half-written; a damaged backup is never restored."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fzdesk.storage import backup, migrations
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
            # not today: Store.open has made today's backup already, and daily_backup would then do nothing
            tomorrow = dt.date.today() + dt.timedelta(days=1)
            backup.daily_backup(failing, store.backup_folder, tomorrow)
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


def _older_backup(store: Store, path: Path) -> Path:
    """A backup as the previous version left it: one migration short (its user_version one lower)."""
    backup.copy_database(store.conn, path)
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION - 1}")
    finally:
        conn.close()
    return path


def test_a_backup_whose_upgrade_fails_is_not_restored_and_the_data_stay_as_they_were(store: Store) -> None:
    unit = factories.two_years(store)
    # the last migration run again on a file that has it already fails ("duplicate column"): an upgrade that fails
    older = _older_backup(store, store.backup_folder / "fzdesk-2026-11-20.sqlite")
    store.delete_report(store.reports(unit.id)[0].id)
    before = [store.load_report(s.id) for s in store.reports(unit.id)]

    with pytest.raises(ValueError) as info:
        store.restore_backup(older)

    assert "升级到本版本的数据格式" in str(info.value) and "现有数据没有改动" in str(info.value)
    assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION
    assert [store.load_report(s.id) for s in store.reports(unit.id)] == before
    left = [p.name for p in store.backup_folder.iterdir() if p.name.startswith(("restoring-", "before-restore-"))]
    assert left == []  # no half-made copy left, and no copy "before the restore" of a restore that did not happen


def test_an_older_backup_is_restored_upgraded(store: Store, tmp_path: Path) -> None:
    old = tmp_path / "fzdesk-2025-06-01.sqlite"
    conn = sqlite3.connect(old)
    migrations.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO units (name, unit_type) VALUES ('沈丘县司法局', '县直部门')")
    conn.commit()
    conn.close()
    store.restore_backup(old)
    assert [u.name for u in store.units()] == ["沈丘县司法局"]
    assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION
    assert not list(store.backup_folder.glob("restoring-*"))


def test_a_full_disk_while_restoring_says_so_and_changes_nothing(store: Store,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    unit = factories.two_years(store)
    saved = backup.copy_database(store.conn, store.backup_folder / "fzdesk-2026-11-20.sqlite")
    store.delete_report(store.reports(unit.id)[0].id)
    before = [store.load_report(s.id) for s in store.reports(unit.id)]

    def full(conn: sqlite3.Connection, target: Path) -> Path:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "copy_database", full)
    with pytest.raises(ValueError) as info:
        store.restore_backup(saved)
    assert str(info.value) == "磁盘已满（database or disk is full）。现有数据没有改动。"
    assert [store.load_report(s.id) for s in store.reports(unit.id)] == before


def test_copies_left_half_made_by_a_killed_program_go_with_the_next_daily_backup(store: Store) -> None:
    """A copy cut short (the program killed while making it) is a .part file as big as the data: on a small stick,
    one a day would fill it."""
    folder = store.backup_folder
    for name in ("fzdesk-2026-11-20.sqlite.part", "before-delete-report-3-20261120-101010.sqlite.part",
                 "restoring-20261120-101010.tmp", "restoring-20261120-101010.tmp-journal"):
        (folder / name).write_bytes(b"\0" * 4096)
    made = backup.daily_backup(store.conn, folder, today=dt.date(2026, 11, 21))
    assert made is not None and made.is_file()
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".sqlite")] == []

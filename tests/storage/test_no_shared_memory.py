"""The store on a file system that cannot hold WAL's shared memory (a FUSE FAT driver, some network shares)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fzdesk.storage import store as store_module
from fzdesk.storage.store import DB_NAME, Store
from tests import factories


class NoSharedMemory(sqlite3.Connection):
    """What SQLite does there: a WAL file is only usable under an exclusive lock (the wal-index then lives in
    the heap); otherwise every statement that reads the file fails as SQLite fails to make the -shm file."""

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if not sql.lstrip().upper().startswith("PRAGMA") and self._needs_shm():
            exc = sqlite3.OperationalError("disk I/O error")
            exc.sqlite_errorname = "SQLITE_IOERR_SHMOPEN"  # type: ignore[attr-defined]
            raise exc
        return super().execute(sql, *args)

    def _needs_shm(self) -> bool:
        mode = super().execute("PRAGMA journal_mode").fetchone()[0]
        locking = super().execute("PRAGMA locking_mode").fetchone()[0]
        return bool(mode == "wal" and locking == "normal")


@pytest.fixture
def no_shm(monkeypatch: pytest.MonkeyPatch) -> None:
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        return real(*args, factory=NoSharedMemory, **kwargs)

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)


def journal_mode(folder: Path) -> str:
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def test_a_new_store_there_uses_the_rollback_journal(data_dir: Path, no_shm: None) -> None:
    with Store.open(data_dir) as store:  # before: sqlite3.OperationalError: disk I/O error, the program refused
        unit = factories.unit()
        store.save_unit(unit)
        store.create_report(factories.report(unit))
    assert journal_mode(data_dir) == "delete"
    with Store.open(data_dir) as store:
        assert [u.name for u in store.units()] == [unit.name]


def test_a_wal_store_brought_there_is_read_and_switched_over(data_dir: Path, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    with Store.open(data_dir) as store:  # made on a PC, in WAL mode
        unit = factories.unit()
        store.save_unit(unit)
    assert journal_mode(data_dir) == "wal"
    real = sqlite3.connect
    monkeypatch.setattr(store_module.sqlite3, "connect",
                        lambda *a, **k: real(*a, factory=NoSharedMemory, **k))
    with Store.open(data_dir) as store:
        assert [u.name for u in store.units()] == [unit.name]
        store.create_report(factories.report(unit))
    assert journal_mode(data_dir) == "delete"


def test_other_disk_errors_are_not_taken_for_it(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
            if sql.startswith("SELECT"):
                exc = sqlite3.OperationalError("disk I/O error")
                exc.sqlite_errorname = "SQLITE_IOERR_READ"  # type: ignore[attr-defined]
                raise exc
            return super().execute(sql, *args)

    data_dir.mkdir(parents=True, exist_ok=True)
    real = sqlite3.connect
    monkeypatch.setattr(store_module.sqlite3, "connect", lambda *a, **k: real(*a, factory=Broken, **k))
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        store_module.connect(data_dir / DB_NAME)

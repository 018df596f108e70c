"""Read-only SQLite URIs for any folder: '#' and '%' (allowed in a Windows user name), UNC paths."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PureWindowsPath

import pytest

from fzdesk.storage import backup_list, store
from fzdesk.storage.backup import copy_database
from fzdesk.storage.migrations import SCHEMA_VERSION, NewerSchemaError
from fzdesk.storage.store import Store
from fzdesk.storage.uri import read_only_uri

ODD = "张 三#1 100% a?b"  # '?' is refused by Windows, allowed on Linux


def test_windows_paths_keep_their_drive_and_server() -> None:
    profile = PureWindowsPath(r"C:\Users\张 三#1\AppData\Roaming\fzdesk\fzdesk.sqlite")
    assert read_only_uri(profile) == r"file:C:\Users\张 三%231\AppData\Roaming\fzdesk\fzdesk.sqlite?mode=ro"
    unc = PureWindowsPath(r"\\server\share\fzdesk\fzdesk.sqlite")
    assert unc.as_uri().startswith("file://server/")  # the authority SQLite refuses
    assert read_only_uri(unc) == r"file:\\server\share\fzdesk\fzdesk.sqlite?mode=ro"


def test_a_posix_path_starting_with_two_slashes_is_no_authority() -> None:
    assert read_only_uri("//srv/a.sqlite") == "file:////srv/a.sqlite?mode=ro"


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / ODD
    folder.mkdir()
    return folder


def test_a_newer_store_is_refused_in_a_folder_with_a_hash(odd_folder: Path) -> None:
    with Store.open(odd_folder, daily_backup=False) as s:
        s.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(NewerSchemaError):
        Store.open(odd_folder, daily_backup=False)
    assert sorted(p.name for p in odd_folder.parent.iterdir()) == [ODD]  # no stray file named "张 三"


def test_read_only_opens_the_file_itself(odd_folder: Path) -> None:
    with Store.open(odd_folder, daily_backup=False) as s:
        s.conn.execute("CREATE TABLE marker (x)")
    conn = sqlite3.connect(read_only_uri(odd_folder / store.DB_NAME), uri=True)
    try:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name='marker'").fetchone() == ("marker",)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("CREATE TABLE other (x)")
    finally:
        conn.close()


def test_a_backup_in_a_folder_with_a_hash_is_restored(odd_folder: Path) -> None:
    with Store.open(odd_folder, daily_backup=False) as s:
        s.conn.execute("CREATE TABLE marker (x)")
        s.conn.execute("INSERT INTO marker VALUES (1)")
        copy = s.backup_folder / "fzdesk-2026-01-02.sqlite"
        copy_database(s.conn, copy)
        s.conn.execute("DELETE FROM marker")
        s.restore_backup(copy)
        assert s.conn.execute("SELECT count(*) FROM marker").fetchone() == (1,)
    assert [r.path for r in backup_list.restorable(s.backup_folder) if r.path == copy] == [copy]

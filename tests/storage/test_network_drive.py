"""A data folder on a Windows network share (a mapped Z: or \\\\server\\share) keeps a rollback journal: SQLite's
WAL does not work over SMB. Windows is faked (portable.on_windows, GetDriveTypeW)."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from fzdesk import portable
from fzdesk.storage.store import Store

DRIVE_FIXED, DRIVE_REMOTE = 3, 4


def fake_windows(monkeypatch: pytest.MonkeyPatch, drive_type: int) -> list[str]:
    asked: list[str] = []

    def get_drive_type(root: str) -> int:
        asked.append(root)
        return drive_type

    monkeypatch.setattr(portable, "on_windows", lambda: True)
    monkeypatch.setattr(portable, "_drive_type", get_drive_type)
    return asked


def journal_mode(store: Store) -> str:
    return str(store.conn.execute("PRAGMA journal_mode").fetchone()[0])


def test_a_mapped_network_drive_keeps_a_rollback_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_windows(monkeypatch, DRIVE_REMOTE)
    with Store.open(tmp_path, daily_backup=False) as store:
        assert journal_mode(store) == "delete"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert store.conn.execute("PRAGMA busy_timeout").fetchone() == (3000,)
    assert not (tmp_path / "fzdesk.sqlite-wal").exists()


def test_a_store_left_in_wal_on_a_pc_is_switched_when_it_is_on_the_share(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(tmp_path, daily_backup=False) as store:
        assert journal_mode(store) == "wal"
        store.conn.execute("CREATE TABLE marker (x)")
    fake_windows(monkeypatch, DRIVE_REMOTE)
    with Store.open(tmp_path, daily_backup=False) as store:
        assert journal_mode(store) == "delete"
        assert store.conn.execute("SELECT count(*) FROM marker").fetchone() == (0,)


def test_a_local_disk_keeps_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_windows(monkeypatch, DRIVE_FIXED)
    with Store.open(tmp_path, daily_backup=False) as store:
        assert journal_mode(store) == "wal"


@pytest.mark.parametrize("path", [r"\\server\share\fzdesk", r"\\?\UNC\server\share\fzdesk", "//server/share/fzdesk"])
def test_unc_paths_are_network_without_asking_the_drive(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = fake_windows(monkeypatch, DRIVE_FIXED)
    assert portable.is_network(PureWindowsPath(path))
    assert asked == []


def test_a_mapped_drive_is_asked_by_its_root(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = fake_windows(monkeypatch, DRIVE_REMOTE)
    assert portable.is_network(PureWindowsPath(r"Z:\科室共享\fzdesk"))
    assert asked == ["Z:\\"]


def test_off_windows_nothing_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = fake_windows(monkeypatch, DRIVE_REMOTE)
    monkeypatch.setattr(portable, "on_windows", lambda: False)
    assert not portable.is_network(Path("/mnt/share"))
    assert asked == []

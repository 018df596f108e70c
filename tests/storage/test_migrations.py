"""Schema migrations and backups: versioned, copied aside first, and restorable."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from fzdesk.storage import backup, migrations
from fzdesk.storage.migrations import NewerSchemaError
from fzdesk.storage.store import DB_NAME, Store, connect
from tests import factories


def test_m001_creates_the_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.sqlite")
    assert migrations.migrate(conn) == migrations.SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"units", "reports", "sections", "items", "figures", "history", "settings"} <= tables
    fks = conn.execute("PRAGMA foreign_key_list(items)").fetchall()
    assert any(fk[2] == "sections" for fk in fks)


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = connect(tmp_path / "x.sqlite")
    migrations.migrate(conn)

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    with pytest.raises(RuntimeError):
        migrations.migrate(conn)
    assert migrations.schema_version(conn) == len(migrations.MIGRATIONS) - 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='half_done'").fetchone() is None


def test_store_is_copied_aside_before_a_migration(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(data_dir) as s:
        s.save_unit(factories.unit())

    def m002(c: sqlite3.Connection) -> None:
        c.execute("ALTER TABLE units ADD COLUMN extra TEXT")

    current = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m002])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr("fzdesk.storage.store.SCHEMA_VERSION", current + 1)
    with Store.open(data_dir) as s:
        assert migrations.schema_version(s.conn) == current + 1
    copies = list((data_dir / "backups").glob(f"before-migration-v{current}-*.sqlite"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == current
    assert old.execute("SELECT COUNT(*) FROM units").fetchone()[0] == 1


def test_newer_file_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = (data_dir / DB_NAME).read_bytes()
    with pytest.raises(NewerSchemaError) as info:
        Store.open(data_dir)
    assert "更新版本" in str(info.value)
    assert (data_dir / DB_NAME).read_bytes() == before
    with pytest.raises(NewerSchemaError):
        Store.open(data_dir)


def test_daily_backups_keep_fourteen(store: Store) -> None:
    folder = store.backup_folder
    for day in range(20):  # today's backup (made on open) is the newest of all
        backup.daily_backup(store.conn, folder, dt.date(2000, 1, 1) + dt.timedelta(days=day))
    kept = backup.backups(folder)
    assert len(kept) == backup.KEEP
    assert backup.backup_date(kept[1]) == dt.date(2000, 1, 20)
    assert backup.backup_date(kept[-1]) == dt.date(2000, 1, 8)
    assert backup.daily_backup(store.conn, folder, dt.date(2000, 1, 20)) is None  # one a day


def test_with_todays_backup_there_nothing_is_listed_or_pruned(store: Store) -> None:
    """Every start asks for the day's backup; once it exists, the folder is left alone (listing it cost ~1 ms of
    every start). Only a new backup prunes."""
    folder = store.backup_folder
    for day in range(20):  # e.g. copied in by hand
        (folder / f"{backup.PREFIX}{dt.date(2000, 1, 1) + dt.timedelta(days=day)}.sqlite").write_bytes(b"")
    today = dt.date(2000, 1, 20)
    assert backup.daily_backup(store.conn, folder, today) is None
    assert len(backup.backups(folder)) >= 20  # untouched
    made = backup.daily_backup(store.conn, folder, today + dt.timedelta(days=1))
    assert made is not None and made in backup.backups(folder) and len(backup.backups(folder)) == backup.KEEP


def test_restore_backup(store: Store) -> None:
    u = factories.unit()
    store.save_unit(u)
    saved = backup.copy_database(store.conn, store.backup_folder / "fzdesk-2026-01-01.sqlite")
    store.delete_unit(u.id or 0)
    assert store.units() == []
    store.restore_backup(saved)
    assert [x.name for x in store.units()] == [u.name]
    assert list(store.backup_folder.glob("before-restore-*.sqlite"))


def test_m002_adds_the_plan_checklist(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.sqlite")
    migrations.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO units (name) VALUES ('乡')")
    conn.execute("INSERT INTO reports (unit_id, year) VALUES (1, 2024)")
    conn.execute("INSERT INTO sections (report_id, block, position) VALUES (1, 'measures', 0)")
    conn.execute("INSERT INTO items (section_id, position) VALUES (1, 0)")
    assert migrations.migrate(conn) >= 2
    conn.execute("INSERT INTO plan_checks (report_id, position, plan, item_id) VALUES (1, 0, '完善机制', 1)")
    status, = conn.execute("SELECT status FROM plan_checks").fetchone()
    assert status == "unmarked"
    conn.execute("DELETE FROM items WHERE id = 1")  # the linked item may go: the link is cleared
    assert conn.execute("SELECT item_id FROM plan_checks").fetchone() == (None,)
    conn.execute("DELETE FROM sections")
    conn.execute("DELETE FROM reports WHERE id = 1")  # and the checklist goes with its report
    assert conn.execute("SELECT COUNT(*) FROM plan_checks").fetchone() == (0,)


def test_m003_adds_the_closing_check_unticked_for_existing_reports(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.sqlite")
    for migration in migrations.MIGRATIONS[:2]:
        migration(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO units (name) VALUES ('乡')")
    conn.execute("INSERT INTO reports (unit_id, year, created, updated) VALUES (1, 2024, 'a', 'b')")
    assert migrations.migrate(conn) >= 3
    assert conn.execute("SELECT closing_checked, updated FROM reports").fetchone() == ("", "b")
    conn.execute("INSERT INTO reports (unit_id, year) VALUES (1, 2025)")  # a report made later starts unticked
    assert conn.execute("SELECT closing_checked FROM reports WHERE year = 2025").fetchone() == ("",)


def test_m004_adds_the_issue_date_empty_for_existing_reports(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.sqlite")
    for migration in migrations.MIGRATIONS[:3]:
        migration(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO units (name) VALUES ('乡')")
    conn.execute("INSERT INTO reports (unit_id, year, date, created, updated) VALUES (1, 2024, '2025-01-05', 'a', 'b')")
    assert migrations.migrate(conn) >= 4
    # NULL: the 版记 prints the 成文日期 until the clerk sets another 印发日期.
    assert conn.execute("SELECT issued_on, date, updated FROM reports").fetchone() == (None, "2025-01-05", "b")


def test_the_issue_date_is_saved_and_read_back(store: Store) -> None:
    unit = factories.unit()
    store.save_unit(unit)
    report = factories.report(unit)
    report.issued_on = dt.date(2025, 1, 8)
    rid = store.create_report(report)
    assert store.load_report(rid).issued_on == dt.date(2025, 1, 8)
    store.update_report(rid, issued_on=None)
    assert store.load_report(rid).issued_on is None
    store.update_report(rid, issued_on=dt.date(2025, 2, 1))
    assert store.load_report(rid).issued_on == dt.date(2025, 2, 1)
    assert store.conn.execute("SELECT issued_on FROM reports WHERE id = ?", (rid,)).fetchone() == ("2025-02-01",)

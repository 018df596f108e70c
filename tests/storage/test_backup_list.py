"""What 文件 → 恢复备份… offers: the daily backups and the copies made before a deletion, a restore or an upgrade."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fzdesk.storage import backup, backup_list
from fzdesk.storage.store import Store
from tests import factories


def test_copies_made_before_a_change_are_listed_with_the_dailies_newest_first(store: Store, tmp_path: Path) -> None:
    unit = factories.two_years(store)
    report_id = next(s.id for s in store.reports(unit.id) if s.year == 2023)
    folder = tmp_path / "copies"  # not the store's own folder, where Store.open has put today's backup
    folder.mkdir()
    backup.copy_database(store.conn, folder / "fzdesk-2026-11-25.sqlite")
    backup.copy_database(store.conn, folder / "fzdesk-2026-11-26.sqlite")
    backup.copy_database(store.conn, folder / f"before-delete-report-{report_id}-20261126-112052.sqlite")
    backup.copy_database(store.conn, folder / "before-restore-20261126-113000.sqlite")
    backup.copy_database(store.conn, folder / "before-migration-v2-20261124-090000.sqlite")
    (folder / "before-restore-20261126-120000.sqlite.part").write_bytes(b"")  # half-written: not offered
    (folder / "notes.sqlite").write_bytes(b"")

    listed = backup_list.restorable(folder)

    assert [r.label for r in listed] == [
        "2026年11月26日 11:30 恢复备份之前的数据",
        "2026年11月26日 11:20 删除2023年度报告之前的数据",
        "2026年11月26日的备份",
        "2026年11月25日的备份",
        "2026年11月24日 09:00 程序升级之前的数据",
    ]
    assert listed[1].path.name == f"before-delete-report-{report_id}-20261126-112052.sqlite"
    assert listed[1].when == dt.datetime(2026, 11, 26, 11, 20, 52)


def test_an_unreadable_copy_is_still_offered_without_its_year(tmp_path: Path) -> None:
    (tmp_path / "before-delete-report-7-20261126-112052.sqlite").write_bytes(b"not a database")
    [only] = backup_list.restorable(tmp_path)
    assert only.label == "2026年11月26日 11:20 删除一份报告之前的数据"


def test_no_folder_no_backups(tmp_path: Path) -> None:
    assert backup_list.restorable(tmp_path / "backups") == []


def test_the_copy_made_before_a_deletion_names_the_report() -> None:
    assert backup_list.deleted_report(Path("before-delete-report-7-20261126-112052.sqlite")) == 7
    assert backup_list.deleted_report(Path("before-restore-20261126-113000.sqlite")) is None
    assert backup_list.deleted_report(Path("fzdesk-2026-11-26.sqlite")) is None


def test_the_copy_made_before_deleting_a_report_is_offered_under_its_year(store: Store, tmp_path: Path) -> None:
    """backup.before_deleting_report names the copy as 恢复备份 reads it (the window and `fzdesk import` share it)."""
    unit = factories.two_years(store)
    report_id = next(s.id for s in store.reports(unit.id) if s.year == 2023)
    made = backup.before_deleting_report(store.conn, tmp_path / "copies", report_id)
    [listed] = backup_list.restorable(tmp_path / "copies")
    assert listed.path == made and backup_list.deleted_report(made) == report_id
    assert listed.label.endswith(" 删除2023年度报告之前的数据")

"""Settings kept under a report's id (its last export) go with the report, in the same transaction, so that a
report given the deleted one's id back by SQLite starts without them."""

from __future__ import annotations

import sqlite3

import pytest

from fzdesk.export.record_key import setting_key
from fzdesk.storage import store as store_module
from fzdesk.storage.report_settings import report_setting_keys
from fzdesk.storage.store import Store
from tests import factories

RECORD = {"fingerprint": "f" * 64, "text_hash": "t", "at": "2024-11-26T10:32:00", "files": ["E:/报告.docx"]}


def _unit(store: Store) -> int:
    unit = factories.unit()
    store.save_unit(unit)
    assert unit.id is not None
    return unit.id


def _report(store: Store, unit_id: int, year: int = 2023) -> int:
    return store.create_report(factories.report(store.unit(unit_id), year))


def test_the_export_record_is_one_of_the_reports_settings() -> None:
    assert setting_key(7) in report_setting_keys(7)


def test_deleting_a_report_deletes_its_export_record_and_nothing_else(store: Store) -> None:
    unit_id = _unit(store)
    first, second = _report(store, unit_id, 2022), _report(store, unit_id, 2023)
    store.set_setting(setting_key(first), RECORD)
    store.set_setting(setting_key(second), RECORD)
    store.set_setting(f"{setting_key(first)}1", "another report's key that starts alike")
    store.set_setting("last_report", first)
    store.delete_report(first)
    assert store.setting(setting_key(first)) is None
    assert store.conn.execute("SELECT COUNT(*) FROM settings WHERE key = ?", (setting_key(first),)).fetchone()[0] == 0
    assert store.setting(setting_key(second)) == RECORD
    assert store.setting(f"{setting_key(first)}1") == "another report's key that starts alike"
    assert store.setting("last_report") == first  # not a setting of the report (the window copes with it)


def test_a_report_created_under_a_deleted_reports_id_has_no_export_record(store: Store) -> None:
    unit_id = _unit(store)
    rid = _report(store, unit_id)
    store.set_setting(setting_key(rid), RECORD)
    store.delete_report(rid)
    again = _report(store, unit_id)
    assert again == rid  # SQLite reuses the id of a deleted last row: the reason for all this
    assert store.setting(setting_key(again)) is None


def test_a_record_left_behind_by_an_earlier_version_is_not_inherited(store: Store) -> None:
    """Data folders of versions that left the record behind: the new report's id is cleared when it is made."""
    unit_id = _unit(store)
    rid = _report(store, unit_id)
    store.delete_report(rid)
    store.set_setting(setting_key(rid), RECORD)  # as the earlier versions left it
    assert _report(store, unit_id) == rid
    assert store.setting(setting_key(rid)) is None


def test_deleting_a_unit_deletes_its_reports_records(store: Store) -> None:
    unit_id = _unit(store)
    rids = [_report(store, unit_id, 2022), _report(store, unit_id, 2023)]
    for rid in rids:
        store.set_setting(setting_key(rid), RECORD)
    store.delete_unit(unit_id)
    assert [store.setting(setting_key(rid)) for rid in rids] == [None, None]


def test_a_failed_delete_leaves_the_report_and_its_record(store: Store) -> None:
    unit_id = _unit(store)
    rid = _report(store, unit_id)
    store.set_setting(setting_key(rid), RECORD)
    # the report's row is the last thing deleted: refusing it fails the delete after the record went
    store.conn.execute("CREATE TRIGGER refuse BEFORE DELETE ON reports BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    before = factories.dump(store)
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        store.delete_report(rid)
    assert factories.dump(store) == before
    assert store.setting(setting_key(rid)) == RECORD and [r.id for r in store.reports()] == [rid]
    assert not store.conn.in_transaction


def test_a_failed_create_leaves_a_left_behind_record_as_it_was(store: Store,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    unit_id = _unit(store)
    rid = _report(store, unit_id)
    store.delete_report(rid)
    store.set_setting(setting_key(rid), RECORD)
    before = factories.dump(store)

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store_module.Store, "_insert_section", broken)
    with pytest.raises(OSError):
        _report(store, unit_id)
    assert factories.dump(store) == before

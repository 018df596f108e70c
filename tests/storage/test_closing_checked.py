"""The clerk's tick 已核对结尾和附件说明: stored per report at once, and never passed on to another report."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzdesk.storage.store import Store
from tests import factories


def _report(store: Store, year: int = 2023) -> int:
    u = factories.unit()
    if u.name not in {x.name for x in store.units()}:
        store.save_unit(u)
    else:
        u = next(x for x in store.units() if x.name == u.name)
    return store.create_report(factories.report(u, year))


def test_ticked_and_unticked_at_once_and_kept_after_reopening(data_dir: Path) -> None:
    with Store.open(data_dir) as s:
        rid = _report(s)
        assert s.closing_checked(rid) == ""
        updated = s.reports()[0].updated
        at = s.set_closing_checked(rid, True)
        assert at and s.closing_checked(rid) == at
        assert s.reports()[0].updated == updated  # not an edit of the report's text
    with Store.open(data_dir) as s:
        assert s.closing_checked(rid) == at
        assert s.set_closing_checked(rid, False) == ""
    with Store.open(data_dir) as s:
        assert s.closing_checked(rid) == ""


def test_unknown_report_is_refused_and_nothing_written(store: Store) -> None:
    rid = _report(store)
    with pytest.raises(KeyError):
        store.set_closing_checked(rid + 1, True)
    with pytest.raises(KeyError):
        store.closing_checked(rid + 1)
    assert store.closing_checked(rid) == ""


def test_a_report_made_in_place_of_a_deleted_one_starts_unticked(store: Store) -> None:
    """SQLite gives a new row the id of a deleted last row: a tick kept by id would pass to the new report."""
    rid = _report(store)
    store.set_closing_checked(rid, True)
    store.delete_report(rid)
    again = _report(store)
    assert again == rid
    assert store.closing_checked(again) == ""


def test_the_tick_belongs_to_one_report(store: Store) -> None:
    first, second = _report(store, 2023), _report(store, 2024)
    store.set_closing_checked(first, True)
    assert store.closing_checked(first) != "" and store.closing_checked(second) == ""

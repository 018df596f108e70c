"""Two reports of one unit and year (an import kept beside the original) are told apart and chosen alike."""

from __future__ import annotations

from fzdesk.exchange.new_year import previous_report
from fzdesk.storage.store import Store
from tests import factories


def _two_of_2023(store: Store) -> tuple[int, int, int]:
    unit = factories.unit()
    store.save_unit(unit)
    first = store.create_report(factories.report(unit, 2023))
    second = store.create_report(factories.report(unit, 2023))
    this_year = store.create_report(factories.report(unit, 2024))
    return first, second, this_year


def test_reports_of_one_year_are_numbered_with_their_creation_day(store: Store) -> None:
    first, second, _ = _two_of_2023(store)
    store.conn.execute("UPDATE reports SET created='2024-11-25T09:30:00' WHERE id=?", (second,))
    by_id = {s.id: s for s in store.reports()}
    assert (by_id[first].copy, by_id[second].copy) == (1, 2)
    assert by_id[first].year_label == "2023年度"
    assert by_id[second].year_label == "2023年度（第2份，11月25日建）"
    assert [s.year_label for s in store.reports()].count("2023年度") == 1


def test_a_lone_report_keeps_its_plain_label_after_its_twin_is_deleted(store: Store) -> None:
    first, second, _ = _two_of_2023(store)
    store.delete_report(first)
    [summary] = [s for s in store.reports() if s.year == 2023]
    assert summary.id == second and summary.year_label == "2023年度"


def test_last_year_is_the_copy_edited_most_recently(store: Store) -> None:
    first, second, this_year = _two_of_2023(store)
    store.conn.execute("UPDATE reports SET updated='2024-01-01T00:00:00' WHERE id=?", (second,))
    store.conn.execute("UPDATE reports SET updated='2024-03-01T00:00:00' WHERE id=?", (first,))
    unit_id = store.load_report(first).unit_id
    assert unit_id is not None
    summary = store.report_of_year(unit_id, 2023)
    assert summary is not None and summary.id == first
    last = previous_report(store, store.load_report(this_year))
    assert last is not None and last.id == first
    store.conn.execute("UPDATE reports SET updated='2024-05-01T00:00:00' WHERE id=?", (second,))
    last = previous_report(store, store.load_report(this_year))
    assert last is not None and last.id == second


def test_on_a_tie_the_later_made_copy_is_last_year(store: Store) -> None:
    first, second, this_year = _two_of_2023(store)
    store.conn.execute("UPDATE reports SET updated='2024-01-01T00:00:00'")
    last = previous_report(store, store.load_report(this_year))
    assert last is not None and last.id == second
    assert store.report_of_year(store.load_report(first).unit_id or 0, 2022) is None

"""Copying last year's items into this year's block: one transaction, marked 未更新, skipped when present, undone."""

from __future__ import annotations

import pytest

from fzdesk.domain.model import Block, Report, Section
from fzdesk.exchange.carry import copy_items, replace_text, undo_copy
from fzdesk.exchange.new_year import start_new_year
from fzdesk.storage.store import Store
from tests import factories


def _two_years(store: Store) -> tuple[Report, Report]:
    unit = factories.unit()
    store.save_unit(unit)
    last = factories.report(unit, 2023)
    store.create_report(last)
    assert last.id is not None
    return last, store.load_report(start_new_year(store, last.id))


def _section(report: Report, block: Block) -> Section:
    section = report.section(block)
    assert section is not None
    return section


def _db_items(store: Store, report: Report, block: Block) -> list[tuple[str, list[str], bool]]:
    assert report.id is not None
    return [(i.title, i.paragraphs, i.carried_over) for i in _section(store.load_report(report.id), block).items]


def test_a_titled_item_fills_its_empty_namesake(store: Store) -> None:
    last, now = _two_years(store)
    measures = _section(now, Block.MEASURES)
    source = _section(last, Block.MEASURES).items[2]
    assert measures.items[2].title == source.title and measures.items[2].paragraphs == []
    count = len(measures.items)
    result = copy_items(store, measures, [source])
    assert result.count == 1 and not result.steps[0].added
    assert len(measures.items) == count  # no duplicate: the carried title got its text
    assert measures.items[2].paragraphs == source.paragraphs and measures.items[2].carried_over
    assert _db_items(store, now, Block.MEASURES)[2] == (source.title, source.paragraphs, True)
    assert now.id is not None and measures.items[2].id is not None
    history = store.history(now.id, f"item:{measures.items[2].id}", "body")
    assert history[-1].value == ""  # what was there before the copy can be restored


def test_an_untitled_item_is_added_at_the_end(store: Store) -> None:
    last, now = _two_years(store)
    shortcomings = _section(now, Block.SHORTCOMINGS)
    assert shortcomings.items == []  # untitled items are not carried into the new year
    source = _section(last, Block.SHORTCOMINGS).items[1]
    result = copy_items(store, shortcomings, [source])
    assert result.steps[0].added
    assert _db_items(store, now, Block.SHORTCOMINGS) == [("", source.paragraphs, True)]


def test_copy_all_then_again_skips_what_is_already_there(store: Store) -> None:
    last, now = _two_years(store)
    measures = _section(now, Block.MEASURES)
    sources = _section(last, Block.MEASURES).items
    result = copy_items(store, measures, sources)
    assert result.count == len(sources) and result.skipped == 0
    rows = _db_items(store, now, Block.MEASURES)
    assert [(t, p) for t, p, _ in rows] == [(s.title, s.paragraphs) for s in sources]
    assert all(carried for _, _, carried in rows)
    again = copy_items(store, measures, sources)
    assert again.count == 0 and again.skipped == len(sources)
    assert _db_items(store, now, Block.MEASURES) == rows


def test_a_failed_copy_changes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    last, now = _two_years(store)
    shortcomings = _section(now, Block.SHORTCOMINGS)
    calls = 0
    real = store.add_item

    def failing(section_id: int, position: int, item: object) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk full")
        return real(section_id, position, item)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "add_item", failing)
    with pytest.raises(OSError):
        copy_items(store, shortcomings, _section(last, Block.SHORTCOMINGS).items)
    assert shortcomings.items == []
    assert _db_items(store, now, Block.SHORTCOMINGS) == []


def test_undo_takes_back_the_copy_but_not_what_was_edited_since(store: Store) -> None:
    last, now = _two_years(store)
    measures = _section(now, Block.MEASURES)
    before = _db_items(store, now, Block.MEASURES)
    extra = _section(last, Block.SHORTCOMINGS).items[0]
    result = copy_items(store, measures, [*_section(last, Block.MEASURES).items[:2], extra])
    edited = measures.items[1]
    assert edited.id is not None
    store.update_item(edited.id, paragraphs=["今年改写的文字。"])
    edited.paragraphs, edited.carried_over = ["今年改写的文字。"], False
    assert undo_copy(store, measures, result) == 2
    rows = _db_items(store, now, Block.MEASURES)
    assert rows[0] == before[0] and rows[2:] == before[2:]
    assert rows[1] == (edited.title, ["今年改写的文字。"], False)
    assert [(i.title, i.paragraphs, i.carried_over) for i in measures.items] == rows


def test_the_opening_takes_last_years_text_and_keeps_its_own_in_the_history(store: Store) -> None:
    last, now = _two_years(store)
    opening = _section(now, Block.OPENING)
    own = list(opening.items[0].paragraphs)
    source = _section(last, Block.OPENING).items[0]
    result = replace_text(store, opening.items[0], source)
    assert _db_items(store, now, Block.OPENING) == [("", source.paragraphs, True)]
    assert now.id is not None
    history = store.history(now.id, f"item:{opening.items[0].id}", "body")
    assert history[-1].value == "\n".join(own)
    assert undo_copy(store, opening, result) == 1
    assert _db_items(store, now, Block.OPENING) == [("", own, False)]

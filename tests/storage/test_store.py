"""The store: reports round-trip, edits land at once, history, order, and failures change nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from fzdesk.domain.model import Block, FigureState, FigureValue, Item, Numbering
from fzdesk.storage import store as store_module
from fzdesk.storage.lock import StoreLocked
from fzdesk.storage.store import Store
from tests import factories


def test_report_round_trips(store: Store) -> None:
    u = factories.unit()
    store.save_unit(u)
    r = factories.report(u)
    store.create_report(r)
    loaded = store.load_report(r.id or 0)
    assert loaded == r


def test_data_survive_reopening(data_dir: Path) -> None:
    with Store.open(data_dir) as s:
        u = factories.unit()
        s.save_unit(u)
        r = factories.report(u)
        s.create_report(r)
        item = r.section(Block.MEASURES).items[0]  # type: ignore[union-attr]
        s.update_item(item.id or 0, title="新标题", paragraphs=["第一段", "第二段"])
    with Store.open(data_dir) as s:
        again = s.load_report(r.id or 0)
        assert again.section(Block.MEASURES).items[0].paragraphs == ["第一段", "第二段"]  # type: ignore[union-attr]
        assert again.section(Block.MEASURES).items[0].title == "新标题"  # type: ignore[union-attr]


def test_second_open_is_refused(data_dir: Path) -> None:
    with Store.open(data_dir):
        with pytest.raises(StoreLocked) as info:
            Store.open(data_dir)
        assert "另一个正在运行的 fzdesk" in str(info.value)
    Store.open(data_dir).close()  # released on close


def _one_item(store: Store) -> tuple[int, int]:
    u = factories.unit()
    store.save_unit(u)
    r = factories.report(u)
    store.create_report(r)
    return r.id or 0, r.section(Block.MEASURES).items[0].id or 0  # type: ignore[union-attr]


def test_history_keeps_original_and_folds_typing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    report_id, item_id = _one_item(store)
    original = store.load_report(report_id).section(Block.MEASURES).items[0].text  # type: ignore[union-attr]
    store.update_item(item_id, paragraphs=["一"])
    store.update_item(item_id, paragraphs=["一二"])
    store.update_item(item_id, paragraphs=["一二三"])
    entries = store.history(report_id, f"item:{item_id}", "body")
    assert [e.value for e in entries] == ["一二三", original]
    monkeypatch.setattr(store_module, "HISTORY_COALESCE_SECONDS", 0)
    store.update_item(item_id, paragraphs=["一二三四"])
    assert [e.value for e in store.history(report_id, f"item:{item_id}", "body")] == ["一二三四", "一二三", original]


def test_unchanged_text_records_nothing(store: Store) -> None:
    report_id, item_id = _one_item(store)
    text = store.load_report(report_id).section(Block.MEASURES).items[0].paragraphs  # type: ignore[union-attr]
    store.update_item(item_id, paragraphs=text)
    assert store.history(report_id, f"item:{item_id}") == []


def test_carried_over_mark_set_with_copied_text_and_cleared_by_an_edit(store: Store) -> None:
    report_id, item_id = _one_item(store)
    original = store.load_report(report_id).section(Block.MEASURES).items[0].text  # type: ignore[union-attr]
    store.update_item(item_id, paragraphs=["去年的文字。"], carried_over=True)
    item = store.load_report(report_id).section(Block.MEASURES).items[0]  # type: ignore[union-attr]
    assert item.carried_over and item.paragraphs == ["去年的文字。"]
    assert [e.value for e in store.history(report_id, f"item:{item_id}", "body")] == ["去年的文字。", original]
    store.update_item(item_id, paragraphs=["今年的文字。"])
    assert not store.load_report(report_id).section(Block.MEASURES).items[0].carried_over  # type: ignore[union-attr]
    store.update_item(item_id, carried_over=True)
    store.update_item(item_id, carried_over=False)  # 已核对: the mark cleared without an edit
    assert not store.load_report(report_id).section(Block.MEASURES).items[0].carried_over  # type: ignore[union-attr]


def test_figure_history(store: Store) -> None:
    report_id, _ = _one_item(store)
    store.set_figure(report_id, FigureValue("B.new", FigureState.NUMBER, Decimal(5)))
    entries = store.history(report_id, "figure:B.new")
    assert entries[0].value == {"state": "number", "value": "5", "approx": None}
    assert entries[-1].value["state"] == "empty"


def test_move_add_delete_items(store: Store) -> None:
    report_id, _ = _one_item(store)
    section = store.load_report(report_id).section(Block.MEASURES)
    assert section is not None and section.id is not None
    ids = [i.id for i in section.items]
    store.move_item(ids[0] or 0, 2)
    new_id = store.add_item(section.id, 0, Item("新增", ["内容"]))
    store.delete_item(ids[1] or 0)
    after = store.load_report(report_id).section(Block.MEASURES)
    assert after is not None
    assert [i.id for i in after.items][:4] == [new_id, ids[2], ids[0], ids[3]]


def test_update_section_and_report(store: Store) -> None:
    report_id, _ = _one_item(store)
    section = store.load_report(report_id).section(Block.OTHER)
    assert section is not None and section.id is not None
    store.update_section(section.id, heading="其他情况", numbering=Numbering.YISHI, omitted=True)
    store.update_report(report_id, title="自定标题", organs=["甲", "乙"], date=dt.date(2024, 1, 3))
    r = store.load_report(report_id)
    other = r.section(Block.OTHER)
    assert other is not None and (other.heading, other.numbering, other.omitted) == ("其他情况", Numbering.YISHI, True)
    assert (r.title, r.organs, r.date) == ("自定标题", ["甲", "乙"], dt.date(2024, 1, 3))


def test_failed_transaction_changes_nothing(store: Store) -> None:
    u = factories.unit()
    store.save_unit(u)
    r = factories.report(u)
    r.sections[2].items.append(Item("坏", ["x"]))
    r.sections[3].block = "not-a-block"  # type: ignore[assignment]  # fails when the section is written
    before = store.reports()

    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.transaction():
        store.create_report(factories.report(u))
        raise Boom
    assert store.reports() == before
    assert store.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0


def test_delete_unit_removes_its_reports(store: Store) -> None:
    u = factories.unit()
    store.save_unit(u)
    store.create_report(factories.report(u, 2022))
    store.create_report(factories.report(u, 2023))
    store.delete_unit(u.id or 0)
    assert store.reports() == [] and store.units() == []
    assert store.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0


class _CommitFails:
    """The store's connection, whose COMMIT fails as on a full disk (SQLite often says so only at the commit)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql, *args)


def test_a_new_unit_whose_commit_fails_gets_no_id_and_a_retry_inserts_it(store: Store,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    unit = factories.unit()
    real = store.conn
    monkeypatch.setattr(store, "conn", _CommitFails(real))
    with pytest.raises(sqlite3.OperationalError):
        store.save_unit(unit)
    assert not real.in_transaction  # the store ended what the failed COMMIT left open (SQLite does on SQLITE_FULL)
    assert unit.id is None  # before: the id of a row that was never written, and the retry updated nothing
    monkeypatch.setattr(store, "conn", real)
    store.save_unit(unit)
    assert unit.id is not None and [u.name for u in store.units()] == [unit.name]


def test_a_commit_refused_by_sqlite_ends_the_transaction_and_writes_nothing(store: Store) -> None:
    u = factories.unit()
    store.save_unit(u)
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys=ON")  # the broken link is found only at COMMIT, which SQLite refuses
        conn.execute("INSERT INTO reports (unit_id, year) VALUES (?, ?)", (9999, 2023))
    assert not store.conn.in_transaction  # before: left open, and the next write failed with "within a transaction"
    assert store.reports() == []
    store.create_report(factories.report(u))
    assert [s.year for s in store.reports()] == [2023]


def test_the_reason_a_transaction_failed_is_not_hidden_when_sqlite_rolled_back_already(store: Store) -> None:
    class Full(Exception):
        pass

    with pytest.raises(Full), store.transaction() as conn:
        conn.execute("ROLLBACK")  # as SQLite does by itself on some I/O and full-disk errors
        raise Full  # before: "cannot rollback - no transaction is active" took its place
    assert not store.conn.in_transaction

"""Builders for units and reports used across the tests."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

from fzdesk import resources
from fzdesk.domain.model import Block, FigureState, FigureValue, Item, Report, Unit, UnitType
from fzdesk.domain.outline import new_report
from fzdesk.storage.store import Store


def unit(name: str = "沈丘县人民政府办公室", unit_type: UnitType = UnitType.DEPARTMENT) -> Unit:
    return Unit(name=name, short_name="县政府办", unit_type=unit_type, organs=[name], recipient="沈丘县人民政府",
                cc="县委依法治县办", contact="张三 0394-1234567")


def report(u: Unit, year: int = 2023) -> Report:
    """A filled report: every block has items with text, and a few figures."""
    r = new_report(resources.outline(u.unit_type), u, year)
    r.date = dt.date(year, 12, 15)
    for section in r.body_sections:
        if not section.items:
            section.items = [Item("", [f"{section.heading}的第一段。"]), Item("", ["第二项的内容。"])]
        for item in section.items:
            if not item.paragraphs:
                item.paragraphs = [f"{item.title}方面的工作，全年扎实推进。"]
    r.figures = {
        "A.accepted": FigureValue("A.accepted", FigureState.NUMBER, Decimal(88)),
        "A.closed": FigureValue("A.closed", FigureState.NUMBER, Decimal(63)),
        "E.documents_reviewed": FigureValue("E.documents_reviewed", FigureState.APPROX, Decimal(100),
                                            approx=None),
        "H.exam_pass": FigureValue("H.exam_pass", FigureState.NUMBER, Decimal("100.0")),
        "I.fines": FigureValue("I.fines", FigureState.NA),
    }
    assert r.section(Block.OTHER) is not None
    return r


def two_years(store: Store) -> Unit:
    """Saves a department unit with its filled 2022 and 2023 reports (in that order) and returns the unit."""
    u = unit()
    store.save_unit(u)
    store.create_report(report(u, 2022))
    store.create_report(report(u, 2023))
    return u


def two_years_folder(folder: Path) -> Path:
    """A data folder with two_years' unit and reports, closed again (no lock held: a command or a window can open
    it)."""
    with Store.open(folder, daily_backup=False) as store:
        two_years(store)
    return folder


def dump(store: Store) -> list[str]:
    """The store's database as SQL statements, to compare before and after (sqlite_sequence left out: the
    counters of AUTOINCREMENT tables)."""
    return [line for line in store.conn.iterdump() if "sqlite_sequence" not in line]


def dump_folder(folder: Path) -> list[str]:
    """The database in a data folder as SQL statements, read through a connection of its own ([] if there is none)."""
    if not (folder / "fzdesk.sqlite").exists():
        return []
    conn = sqlite3.connect(folder / "fzdesk.sqlite")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def with_next_year(store: Store) -> Store:
    """store with a unit, its filled 2023 report and the 2024 report started from it (titles, last year's figures
    and the plan checklist)."""
    from fzdesk.exchange.new_year import start_new_year

    u = unit()
    store.save_unit(u)
    last = report(u, 2023)
    store.create_report(last)
    assert last.id is not None
    start_new_year(store, last.id)
    return store

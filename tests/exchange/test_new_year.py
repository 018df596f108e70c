"""Starting the new year: outline, headings, item titles and figures carried; plans become a checklist."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from fzdesk.domain.checklist import PlanStatus
from fzdesk.domain.model import Approx, Block, FigureState, FigureValue
from fzdesk.exchange.apply import apply_import
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.new_year import previous_report, shift_years, start_new_year
from fzdesk.storage import checklist
from fzdesk.storage.store import Store
from tests.exchange import samples


def _last_year(store: Store, tmp_path: Path) -> int:
    path = tmp_path / "county.txt"
    path.write_text(samples.county_text(), encoding="utf-8")
    preview = open_import(path)
    preview.report.figures = {
        "A.accepted": FigureValue("A.accepted", FigureState.NUMBER, Decimal(88), explanation="x"),
        "E.documents_reviewed": FigureValue("E.documents_reviewed", FigureState.APPROX, Decimal(100), Approx.NEAR),
        "I.fines": FigureValue("I.fines", FigureState.NA),
        "B.new": FigureValue("B.new"),
    }
    preview.report.sections[2].heading = "2023年度法治政府建设的主要举措和成效"
    return apply_import(store, preview)


def test_the_new_year_carries_outline_titles_and_figures(store: Store, tmp_path: Path) -> None:
    last_id = _last_year(store, tmp_path)
    last = store.load_report(last_id)
    new_id = start_new_year(store, last_id)
    new = store.load_report(new_id)
    assert new.year == 2024 and new.unit_id == last.unit_id
    assert [s.block for s in new.sections] == [s.block for s in last.sections]
    assert [s.numbering for s in new.sections] == [s.numbering for s in last.sections]
    measures = new.section(Block.MEASURES)
    assert measures is not None and measures.heading == "2024年度法治政府建设的主要举措和成效"
    assert [i.title for i in measures.items] == [i.title for i in last.sections[2].items]
    assert all(not i.paragraphs and not i.carried_over for i in measures.items)
    assert new.organs == last.organs and new.recipient == last.recipient and new.date is None
    assert new.sections[0].items[0].paragraphs[0].startswith("2024年")
    accepted = new.figures["A.accepted"]
    assert (accepted.state, accepted.value, accepted.last_state, accepted.last_value) == (
        FigureState.EMPTY, None, FigureState.NUMBER, Decimal(88))
    docs = new.figures["E.documents_reviewed"]
    assert (docs.last_state, docs.last_value, docs.last_approx) == (FigureState.APPROX, Decimal(100), Approx.NEAR)
    assert new.figures["I.fines"].last_state is FigureState.NA
    assert "B.new" not in new.figures
    assert previous_report(store, new) == last


def test_last_years_plans_become_the_checklist(store: Store, tmp_path: Path) -> None:
    new_id = start_new_year(store, _last_year(store, tmp_path))
    checks = checklist.plan_checks(store, new_id)
    assert [c.plan for c in checks] == ["完善法治法宣工作机制", "进一步强化推进依法行政", "不断加强法治宣传教育"]
    assert checks[0].detail.startswith("完善法治法宣工作机制\n将法治政府建设摆在")
    assert all(c.status is PlanStatus.UNMARKED and c.item_id is None for c in checks)
    new = store.load_report(new_id)
    measures = new.section(Block.MEASURES)
    assert measures is not None
    checklist.update_plan_check(store, checks[0].id or 0, status=PlanStatus.PARTIAL, item_id=measures.items[0].id)
    assert checklist.plan_checks(store, new_id)[0].status.label == "部分落实"


def test_copying_last_years_text_marks_it_not_updated(store: Store, tmp_path: Path) -> None:
    last_id = _last_year(store, tmp_path)
    new = store.load_report(start_new_year(store, last_id, copy_text=True))
    last = store.load_report(last_id)
    measures, old = new.section(Block.MEASURES), last.section(Block.MEASURES)
    assert measures is not None and old is not None
    assert [i.paragraphs for i in measures.items] == [i.paragraphs for i in old.items]
    assert all(i.carried_over for i in measures.items)
    assert new.sections[0].items[0].carried_over
    closing = new.section(Block.CLOSING)
    assert closing is not None and closing.items[0].paragraphs == ["特此报告。"]
    store.update_item(measures.items[0].id or 0, paragraphs=["今年的新内容。"])
    assert not store.load_report(new.id or 0).sections[2].items[0].carried_over


def test_the_year_must_not_exist_yet(store: Store, tmp_path: Path) -> None:
    last_id = _last_year(store, tmp_path)
    start_new_year(store, last_id)
    with pytest.raises(ValueError, match="已有2024年度"):
        start_new_year(store, last_id)


def test_shift_years() -> None:
    assert shift_years("2023年度举措，2024年安排，2019年旧事", 2023) == "2024年度举措，2025年安排，2019年旧事"

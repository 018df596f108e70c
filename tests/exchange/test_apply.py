"""Applying an import: asks first (another unit, an existing year), then one transaction or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzdesk.domain.checklist import PlanCheck
from fzdesk.domain.model import Block, FigureState, Unit
from fzdesk.exchange import apply as apply_mod
from fzdesk.exchange.apply import ExistingYear, ImportConflict, apply_import, assess
from fzdesk.exchange.importer import ImportPreview, open_import
from fzdesk.storage import checklist
from fzdesk.storage.store import Store
from tests import factories
from tests.exchange import samples


def _county(tmp_path: Path) -> ImportPreview:
    path = tmp_path / "county.txt"
    path.write_text(samples.county_text(), encoding="utf-8")
    return open_import(path)


def test_a_first_import_creates_the_unit_and_the_report(store: Store, tmp_path: Path) -> None:
    preview = _county(tmp_path)
    situation = assess(store, preview)
    assert situation.unit is None and not situation.existing and not situation.questions
    accepted = [c for c in preview.figures if c.code in ("A.accepted", "A.closed")]
    rid = apply_import(store, preview, figures=accepted)
    [unit] = store.units()
    assert unit.name == "沈丘县人民政府办公室" and unit.recipient == "沈丘县人民政府"
    stored = store.load_report(rid)
    assert stored.year == 2023 and stored.unit_id == unit.id
    assert [s.block for s in stored.sections] == [s.block for s in preview.report.sections]
    measures = stored.section(Block.MEASURES)
    assert measures is not None and measures.items[0].title.startswith("坚持高位推动")
    assert set(stored.figures) == {"A.accepted", "A.closed"}
    assert stored.figures["A.accepted"].state is FigureState.NUMBER
    assert preview.report.figures == {} and preview.report.id is None  # the preview itself is untouched


def test_an_existing_year_needs_a_decision_and_nothing_changes_without_one(store: Store, tmp_path: Path) -> None:
    apply_import(store, _county(tmp_path))
    before = factories.dump(store)
    preview = _county(tmp_path)
    situation = assess(store, preview)
    assert situation.unit is not None and len(situation.existing) == 1
    assert "替换" in situation.questions[0]
    with pytest.raises(ImportConflict, match="已有2023年度的报告"):
        apply_import(store, preview)
    assert factories.dump(store) == before


def test_replace_and_keep_both(store: Store, tmp_path: Path) -> None:
    first = apply_import(store, _county(tmp_path))
    preview = _county(tmp_path)
    preview.report.recipient = "县人民政府"
    kept = apply_import(store, preview, existing=ExistingYear.KEEP_BOTH)
    assert sorted(r.id for r in store.reports()) == sorted([first, kept])
    replaced = apply_import(store, preview, existing=ExistingYear.REPLACE)
    assert [r.id for r in store.reports()] == [replaced]
    assert store.load_report(replaced).recipient == "县人民政府"
    assert len(store.units()) == 1


def test_a_file_of_another_unit_is_asked_about(store: Store, tmp_path: Path) -> None:
    mine = factories.unit("槐店回族镇人民政府")
    mine.short_name = "槐店镇"
    store.save_unit(mine)
    before = factories.dump(store)
    preview = _county(tmp_path)
    situation = assess(store, preview, mine)
    assert situation.other_unit
    assert "另一个单位" in situation.questions[0]
    with pytest.raises(ImportConflict, match="另一个单位"):
        apply_import(store, preview, unit=mine)
    assert factories.dump(store) == before
    rid = apply_import(store, preview, unit=mine, other_unit_confirmed=True)
    assert store.load_report(rid).unit_id == mine.id
    assert [u.name for u in store.units()] == ["槐店回族镇人民政府"]  # the profile is not overwritten


def test_a_failure_half_way_leaves_the_store_as_it_was(store: Store, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    apply_import(store, _county(tmp_path))
    before = factories.dump(store)
    preview = _county(tmp_path)
    preview.plan_checks = [PlanCheck("完善机制")]
    preview.plan_links = [None]

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(apply_mod, "replace_plan_checks", broken)
    with pytest.raises(OSError):
        apply_import(store, preview, existing=ExistingYear.REPLACE)
    assert factories.dump(store) == before


def test_without_a_year_nothing_is_written(store: Store, tmp_path: Path) -> None:
    preview = _county(tmp_path)
    preview.report.year = 0
    with pytest.raises(ImportConflict, match="年度"):
        apply_import(store, preview)
    assert store.units() == []


def test_plan_checks_and_their_links_are_imported(store: Store, tmp_path: Path) -> None:
    preview = _county(tmp_path)
    preview.plan_checks = [PlanCheck("完善机制"), PlanCheck("加强宣传")]
    preview.plan_links = [(2, 1), None]
    rid = apply_import(store, preview)
    stored = store.load_report(rid)
    checks = checklist.plan_checks(store, rid)
    assert [c.plan for c in checks] == ["完善机制", "加强宣传"]
    assert checks[0].item_id == stored.sections[2].items[1].id and checks[1].item_id is None


def test_same_unit_matches_names_short_names_and_organs() -> None:
    a = Unit("沈丘县人民政府办公室", short_name="县政府办")
    assert apply_mod.same_unit(a, Unit("沈丘县 人民政府办公室"))
    assert apply_mod.same_unit(a, Unit("x", organs=["沈丘县人民政府办公室"]))
    assert not apply_mod.same_unit(a, Unit("沈丘县司法局"))

"""Outlines from resources/ and the empty report they produce."""

from __future__ import annotations

import pytest

from fzdesk import resources
from fzdesk.domain.model import BODY_BLOCKS, Block, UnitType, derive_title
from fzdesk.domain.outline import new_report, parse_outline
from tests import factories


@pytest.mark.parametrize("unit_type", list(UnitType))
def test_every_unit_type_has_an_outline(unit_type: UnitType) -> None:
    outline = resources.outline(unit_type)
    assert outline.unit_type is unit_type
    assert sorted(outline.order) == sorted(BODY_BLOCKS)
    assert outline.order[0] is Block.RESPONSIBILITY  # the 第一责任人 block first, as most units do
    assert "推进法治建设第一责任人" in outline.blocks[Block.RESPONSIBILITY].heading


def test_new_report_fills_years_and_organ() -> None:
    unit = factories.unit()
    report = new_report(resources.outline(unit.unit_type), unit, 2025)
    assert report.sections[0].block is Block.OPENING
    assert report.sections[-1].block is Block.CLOSING
    plans = report.section(Block.PLANS)
    assert plans is not None and "2026年度" in plans.heading
    opening = report.section(Block.OPENING)
    assert opening is not None and opening.items[0].paragraphs[0].startswith("2025年")
    assert unit.name in opening.items[0].paragraphs[0]
    assert report.organs == unit.organs and report.recipient == unit.recipient
    assert report.display_title == f"{unit.name}关于2025年度法治政府建设情况的报告"


def test_joint_title_names_both_organs() -> None:
    assert derive_title(["中共某镇委员会", "某镇人民政府"], 2023) == (
        "中共某镇委员会 某镇人民政府关于2023年度法治政府建设情况的报告"
    )


def test_outline_must_name_all_five_blocks() -> None:
    data = resources.load_json("outlines", "township.json")
    data["order"] = data["order"][:4]
    with pytest.raises(ValueError):
        parse_outline(data)


def test_catalogue_covers_families_a_to_h() -> None:
    catalogue = resources.catalogue()
    families = {f.code for f in catalogue.families}
    assert set("ABCDEFGH") <= families
    for code in "ABCDEFGH":
        assert len(catalogue.of_family(code)) >= 3
    assert len({i.code for i in catalogue.indicators}) == len(catalogue.indicators)
    assert all(i.unit and i.help and i.words for i in catalogue.indicators)

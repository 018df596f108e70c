"""Report outlines (one per unit type) and building a new, empty report from one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fzdesk.domain.model import BODY_BLOCKS, Block, Item, Numbering, Report, Section, Unit, UnitType
from fzdesk.domain.outline_text import fill

__all__ = ["BlockOutline", "Outline", "fill", "new_report", "parse_outline"]


@dataclass(frozen=True)
class BlockOutline:
    heading: str
    numbering: Numbering
    items: tuple[str, ...] = ()
    help: str = ""


@dataclass
class Outline:
    version: int
    unit_type: UnitType
    order: list[Block]
    blocks: dict[Block, BlockOutline] = field(default_factory=dict)
    opening: str = ""
    closing: str = "特此报告。"


def parse_outline(data: dict[str, Any]) -> Outline:
    if data.get("format") != "fzdesk-outline":
        raise ValueError("not an fzdesk report outline")
    blocks = {
        Block(k): BlockOutline(v["heading"], Numbering(v["numbering"]), tuple(v.get("items", ())), v.get("help", ""))
        for k, v in data["blocks"].items()
    }
    order = [Block(b) for b in data["order"]]
    if sorted(order) != sorted(BODY_BLOCKS) or set(blocks) != set(BODY_BLOCKS):
        raise ValueError("an outline must name each of the five blocks once")
    return Outline(int(data["version"]), UnitType(data["unit_type"]), order, blocks,
                   data.get("opening", ""), data.get("closing", "特此报告。"))


def new_report(outline: Outline, unit: Unit, year: int) -> Report:
    """An empty report for a year, laid out by the outline and addressed from the unit's profile."""
    organ = unit.organs[0] if unit.organs else unit.name
    sections = [Section(Block.OPENING, "", Numbering.NONE, [Item("", [fill(outline.opening, year, organ)])])]
    for block in outline.order:
        spec = outline.blocks[block]
        items = [Item(title) for title in spec.items]
        sections.append(Section(block, fill(spec.heading, year, organ), spec.numbering, items))
    sections.append(Section(Block.CLOSING, "", Numbering.NONE, [Item("", [outline.closing])]))
    return Report(
        unit_id=unit.id,
        year=year,
        recipient=unit.recipient,
        organs=list(unit.organs) or [unit.name],
        sections=sections,
    )

"""Loads the data files in resources/: outlines and the indicator catalogue (cached)."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from fzdesk.domain.model import UnitType
from fzdesk.paths import resource

if TYPE_CHECKING:  # the catalogue's and the outline's classes are loaded on first use, not at start-up
    from fzdesk.domain.catalogue import Catalogue
    from fzdesk.domain.outline import Outline

OUTLINE_FILES = {
    UnitType.TOWNSHIP: "township.json",
    UnitType.DEPARTMENT: "department.json",
    UnitType.JOINT: "joint.json",
    UnitType.OTHER: "other.json",
}


def load_json(*parts: str) -> Any:
    with resource(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def catalogue() -> Catalogue:
    from fzdesk.domain.catalogue import parse_catalogue

    return parse_catalogue(load_json("catalogue", "indicators.json"))


@cache
def outline(unit_type: UnitType) -> Outline:
    from fzdesk.domain.outline import parse_outline

    return parse_outline(load_json("outlines", OUTLINE_FILES[unit_type]))


@cache
def outline_opening(unit_type: UnitType) -> str:
    """The outline's opening text (a template for fill), read without building the outline: the 开头 step's state
    needs only this at start-up (the outline's classes cost ~2 ms there)."""
    return str(load_json("outlines", OUTLINE_FILES[unit_type]).get("opening", ""))


def indicator_codes(catalogue_version: int) -> list[str]:
    """The codes of the indicators a report made with that catalogue version shows (the 数据 step's count), read
    from the file without building the catalogue (its classes cost ~2.5 ms at start-up; the checks' worker
    builds it after the first paint)."""
    return [code for code, since in _indicator_versions() if since <= catalogue_version]


@cache
def _indicator_versions() -> tuple[tuple[str, int], ...]:
    """(code, since) of each indicator, in the catalogue's order (since as parse_catalogue reads it)."""
    return tuple((i["code"], int(i.get("since", 1))) for i in load_json("catalogue", "indicators.json")["indicators"])

"""Loads the data files in resources/: outlines and the indicator catalogue (cached)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from fzdesk.domain.catalogue import Catalogue, parse_catalogue
from fzdesk.domain.model import UnitType
from fzdesk.domain.outline import Outline, parse_outline
from fzdesk.paths import resource

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
    return parse_catalogue(load_json("catalogue", "indicators.json"))


@cache
def outline(unit_type: UnitType) -> Outline:
    return parse_outline(load_json("outlines", OUTLINE_FILES[unit_type]))


def indicator_codes(catalogue_version: int) -> list[str]:
    """The codes of the indicators a report made with that catalogue version shows (the 数据 step's count)."""
    return [i.code for i in catalogue().indicators if i.since <= catalogue_version]

"""The indicator catalogue: families and indicators with unit, kind, help and naming words."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    COUNT = "count"  # integers only
    AMOUNT = "amount"  # decimals (万元)
    RATE = "rate"  # percent, decimals, 0..100 expected


@dataclass(frozen=True)
class Family:
    code: str
    name: str
    help: str = ""


@dataclass(frozen=True)
class Indicator:
    code: str
    family: str
    name: str
    unit: str
    kind: Kind
    help: str = ""
    words: tuple[str, ...] = ()
    since: int = 1  # catalogue version that introduced it

    @property
    def integral(self) -> bool:
        return self.kind is Kind.COUNT


@dataclass
class Catalogue:
    version: int
    families: list[Family] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_code = {i.code: i for i in self.indicators}

    def get(self, code: str) -> Indicator | None:
        return self._by_code.get(code)

    def __getitem__(self, code: str) -> Indicator:
        return self._by_code[code]

    def of_family(self, family: str) -> list[Indicator]:
        return [i for i in self.indicators if i.family == family]

    def family(self, code: str) -> Family:
        return next(f for f in self.families if f.code == code)


def parse_catalogue(data: dict[str, Any]) -> Catalogue:
    if data.get("format") != "fzdesk-catalogue":
        raise ValueError("not an fzdesk indicator catalogue")
    families = [Family(f["code"], f["name"], f.get("help", "")) for f in data["families"]]
    indicators = [
        Indicator(
            code=i["code"],
            family=i["family"],
            name=i["name"],
            unit=i["unit"],
            kind=Kind(i["kind"]),
            help=i.get("help", ""),
            words=tuple(i.get("words", ())),
            since=int(i.get("since", 1)),
        )
        for i in data["indicators"]
    ]
    return Catalogue(int(data["version"]), families, indicators)


def validate_value(indicator: Indicator, value: Decimal) -> str | None:
    """A Chinese message when the value cannot be this indicator's, else None."""
    if value < 0:
        return f"“{indicator.name}”不能是负数。"
    if indicator.integral and value != value.to_integral_value():
        return f"“{indicator.name}”是计数，只能填整数。"
    return None

"""Issuing organs: an organ line's names, whether a line is one, and the kind of unit they make."""

from __future__ import annotations

import re

from fzdesk.domain.model import UnitType
from fzdesk.exchange.repair import ORGAN_END

_JOINT = re.compile(r"^(中共.+?(?:委员会|工作委员会|党委|党工委))(.+)$")


def split_organs(text: str) -> list[str]:
    """"中共××委员会 ××人民政府" -> both; PDF letter-spacing ("沈 丘 县") is joined back first."""
    tokens = [t for t in re.split(r"[\s\u3000]+", text.strip()) if t]
    if not tokens:
        return []
    if len(tokens) > 2 and all(len(t) <= 2 for t in tokens):
        tokens = ["".join(tokens)]
    merged: list[str] = []
    for t in tokens:
        if merged and (len(t) < 3 or not merged[-1].endswith(ORGAN_END)):
            merged[-1] += t
        else:
            merged.append(t)
    if len(merged) == 1:
        m = _JOINT.match(merged[0])
        if m and m.group(2).endswith(ORGAN_END) and len(m.group(2)) >= 3:
            return [m.group(1), m.group(2)]
    return merged


def looks_like_organ(text: str) -> bool:
    bare = re.sub(r"[\s\u3000]+", "", text)
    return 2 <= len(bare) <= 40 and not any(p in bare for p in "。，；：！？") and bare.endswith(ORGAN_END)


def guess_unit_type(organs: list[str]) -> UnitType:
    if len(organs) >= 2:
        return UnitType.JOINT
    name = organs[0] if organs else ""
    if re.search(r"(乡|镇)(人民政府|党委|委员会)?$|街道(办事处|党工委)?$", name):
        return UnitType.TOWNSHIP
    if name:
        return UnitType.DEPARTMENT
    return UnitType.OTHER

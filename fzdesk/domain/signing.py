"""Whose signature a report carries: whether its issuing organs (署名机关) are the unit's own.

Another unit's file may be imported under this unit (after a warning), and next year's report starts from it: its
署名, title and opening must not carry the other unit's name into this unit's report (new_year), and a report signed
by another body is reported by the checks (structure.organs_unit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fzdesk.domain.model import Unit

_SPACE = re.compile(r"[\s\u3000]+")


def _key(text: str) -> str:
    """A name without its spaces (PDF letter-spacing, a full-width space typed between two organs)."""
    return _SPACE.sub("", text)


def unit_names(unit: Unit) -> list[str]:
    """The names a text may call the unit by: its full name, and its short name when it has one."""
    return [k for k in (_key(unit.name), _key(unit.short_name)) if k]


def names_unit(text: str, unit: Unit) -> bool:
    """Whether the text names the unit: its full or short name appears in it (spaces ignored)."""
    key = _key(text)
    return any(name in key for name in unit_names(unit))


def foreign_organs(organs: Sequence[str], unit: Unit) -> bool:
    """True when the organs are another body's: none of them names the unit and they are not the unit profile's
    organs. False when there is nothing to judge: no organs, or a unit with neither a name nor organs."""
    keys = [_key(o) for o in organs if _key(o)]
    profile = [_key(o) for o in unit.organs if _key(o)]
    if not keys or not (unit_names(unit) or profile):
        return False
    if keys == profile:
        return False
    return not any(names_unit(o, unit) for o in keys)


def own_organs(unit: Unit) -> list[str]:
    """The organs a report of this unit signs with: the profile's, else the unit's name (none without a name)."""
    return [o for o in unit.organs if o.strip()] or ([unit.name] if unit.name.strip() else [])

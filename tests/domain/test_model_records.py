"""The model's classes keep what @dataclass gave them, with written __init__s (see fzdesk.domain.model)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import inspect
from decimal import Decimal
from typing import Any

import pytest

from fzdesk.domain.model import (
    Approx,
    Block,
    Dismissal,
    FigureState,
    FigureValue,
    Item,
    Numbering,
    Report,
    Section,
    Unit,
    UnitType,
)

RECORDS = [FigureValue, Item, Section, Unit, Dismissal, Report]
#: A value of each field type, and another one (annotations are strings here: "list[str]", "Decimal | None" ...).
VALUES: dict[str, tuple[Any, Any]] = {
    "str": ("甲", "丙"), "int": (7, 8), "bool": (True, False), "Decimal": (Decimal("1.5"), Decimal("2")),
    "dt.date": (dt.date(2024, 3, 1), dt.date(2025, 1, 1)), "FigureState": (FigureState.NUMBER, FigureState.NA),
    "Approx": (Approx.OVER, Approx.NEAR), "Block": (Block.PLANS, Block.MEASURES),
    "Numbering": (Numbering.INLINE, Numbering.NONE), "UnitType": (UnitType.JOINT, UnitType.OTHER),
    "list": (["甲"], ["乙"]), "dict": ({"a": 1}, {"b": 2}),
}


def _value(annotation: str, other: bool = False) -> Any:
    return VALUES[annotation.split(" | ")[0].split("[")[0]][other]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        if f.default is not dataclasses.MISSING:
            assert p.default == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert p.default is None, f.name  # None: a new list or dict for each record
        else:
            assert p.default is inspect.Parameter.empty, f.name


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_field_is_set_compared_and_shown(cls: type) -> None:
    fields = dataclasses.fields(cls)
    values = {f.name: _value(str(f.type)) for f in fields}
    record = cls(**values)
    assert {f.name: getattr(record, f.name) for f in fields} == values
    assert record == cls(**copy.deepcopy(values)) and record == copy.deepcopy(record)
    assert dataclasses.asdict(record) == values
    text = repr(record)
    assert text.startswith(f"{cls.__qualname__}(")
    assert all(f"{name}={value!r}" in text for name, value in values.items())
    for f in fields:  # each field takes part in ==
        changed = dataclasses.replace(record, **{f.name: _value(str(f.type), other=True)})
        assert changed != record, f.name
    assert record != object() and (record == object()) is False
    with pytest.raises(TypeError):
        hash(record)  # mutable records are unhashable, as with @dataclass


def test_defaults_made_by_a_factory_are_not_shared() -> None:
    a, b = Report(1, 2024), Report(1, 2024)
    a.sections.append(Section(Block.PLANS))
    a.organs.append("某某")
    assert b.sections == [] and b.organs == [] and Item().paragraphs is not Item().paragraphs
    assert Unit("x").options == {} and Unit("x").options is not Unit("x").options


def test_a_value_that_is_not_equal_to_itself_still_makes_the_record_equal_to_itself() -> None:
    """As with @dataclass, which compared field tuples (identity first): a NaN is never typed in, but a record is
    always equal to itself and its copy."""
    value = FigureValue("A.accepted", FigureState.NUMBER, Decimal("NaN"))
    assert value == value and value == FigureValue(**vars(value))

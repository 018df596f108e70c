"""The report as plain dataclasses: unit, report, sections, items and figures.

They are @dataclass(init=False, repr=False, eq=False) with a written __init__ and _Record's shared __eq__ and
__repr__: @dataclass writes those three methods as source and compiles them when the module is imported (~0.7 ms
a class, six classes on every start of the window). fields(), asdict(), replace() and copies work as before;
tests/domain/test_model_records.py holds each __init__ to its fields."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Block(StrEnum):
    """The parts of a report, in the vocabulary of the exchange format."""

    OPENING = "opening"
    RESPONSIBILITY = "responsibility"  # 党政主要负责人履行第一责任人职责 (block 3 of the 规定)
    MEASURES = "measures"  # 主要举措和成效 (block 1)
    SHORTCOMINGS = "shortcomings"  # 存在的不足和原因 (block 2)
    PLANS = "plans"  # 下一年度主要安排 (block 4)
    OTHER = "other"  # 其他需要报告的情况 (block 5, may be 无)
    CLOSING = "closing"


#: The five mandated blocks, in the default order most units use (第一责任人 first).
BODY_BLOCKS: tuple[Block, ...] = (
    Block.RESPONSIBILITY,
    Block.MEASURES,
    Block.SHORTCOMINGS,
    Block.PLANS,
    Block.OTHER,
)


class Numbering(StrEnum):
    """How the program numbers the items of a block (never typed by the user)."""

    HEADINGS = "headings"  # （一）title as its own paragraph, body below
    INLINE = "inline"  # （一）title。body in one paragraph
    YISHI = "yishi"  # 一是……二是……
    NONE = "none"


class UnitType(StrEnum):
    TOWNSHIP = "乡镇/街道"
    DEPARTMENT = "县直部门"
    JOINT = "党委政府联合"
    OTHER = "其他"


class FigureState(StrEnum):
    EMPTY = "empty"  # not filled
    NUMBER = "number"
    NA = "na"  # 不涉及
    APPROX = "approx"  # 近百, 60000余


class Approx(StrEnum):
    NEAR = "近"  # just under the value
    OVER = "余"  # a little over the value


class _Record:
    """__eq__ and __repr__ as @dataclass writes them, over the fields in their order."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # (as @dataclass(eq=True) leaves a mutable record: unhashable)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(a is b or a == b for a, b in ((getattr(self, name), getattr(other, name))
                                                 for name in _field_names(type(self))))  # (as tuples compare)

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in _field_names(type(self)))
        return f"{type(self).__qualname__}({values})"


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(getattr(cls, "__dataclass_fields__", {}))


@dataclass(init=False, repr=False, eq=False)
class FigureValue(_Record):
    """One figure of the sheet: this year's state and value, last year's, and an explanation."""

    code: str
    state: FigureState = FigureState.EMPTY
    value: Decimal | None = None
    approx: Approx | None = None
    last_state: FigureState = FigureState.EMPTY
    last_value: Decimal | None = None
    last_approx: Approx | None = None
    explanation: str = ""

    def __init__(self, code: str, state: FigureState = FigureState.EMPTY, value: Decimal | None = None,
                 approx: Approx | None = None, last_state: FigureState = FigureState.EMPTY,
                 last_value: Decimal | None = None, last_approx: Approx | None = None, explanation: str = "") -> None:
        self.code = code
        self.state = state
        self.value = value
        self.approx = approx
        self.last_state = last_state
        self.last_value = last_value
        self.last_approx = last_approx
        self.explanation = explanation

    @property
    def exact(self) -> Decimal | None:
        """The value when it is exact, else None (approximate values never enter exact arithmetic)."""
        return self.value if self.state is FigureState.NUMBER else None

    @property
    def last_exact(self) -> Decimal | None:
        return self.last_value if self.last_state is FigureState.NUMBER else None


@dataclass(init=False, repr=False, eq=False)
class Item(_Record):
    """A numbered item of a block: an optional title and body paragraphs."""

    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    carried_over: bool = False  # copied from last year's report and not edited since (未更新)
    id: int | None = None

    def __init__(self, title: str = "", paragraphs: list[str] | None = None, carried_over: bool = False,
                 id: int | None = None) -> None:
        self.title = title
        self.paragraphs = [] if paragraphs is None else paragraphs
        self.carried_over = carried_over
        self.id = id

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(init=False, repr=False, eq=False)
class Section(_Record):
    """One part of the report with its heading, numbering style and items."""

    block: Block
    heading: str = ""
    numbering: Numbering = Numbering.HEADINGS
    items: list[Item] = field(default_factory=list)
    omitted: bool = False  # only block 5 (other): marked 无, complete and left out of the report
    id: int | None = None

    def __init__(self, block: Block, heading: str = "", numbering: Numbering = Numbering.HEADINGS,
                 items: list[Item] | None = None, omitted: bool = False,
                 id: int | None = None) -> None:
        self.block = block
        self.heading = heading
        self.numbering = numbering
        self.items = [] if items is None else items
        self.omitted = omitted
        self.id = id


@dataclass(init=False, repr=False, eq=False)
class Unit(_Record):
    """The reporting unit's profile, entered once."""

    name: str
    short_name: str = ""
    unit_type: UnitType = UnitType.TOWNSHIP
    organs: list[str] = field(default_factory=list)  # issuing organ(s); two for a joint report
    recipient: str = ""  # usual 主送机关
    cc: str = ""  # usual 抄送
    contact: str = ""
    options: dict[str, object] = field(default_factory=dict)  # export options remembered per unit
    id: int | None = None

    def __init__(self, name: str, short_name: str = "", unit_type: UnitType = UnitType.TOWNSHIP,
                 organs: list[str] | None = None, recipient: str = "", cc: str = "", contact: str = "",
                 options: dict[str, object] | None = None, id: int | None = None) -> None:
        self.name = name
        self.short_name = short_name
        self.unit_type = unit_type
        self.organs = [] if organs is None else organs
        self.recipient = recipient
        self.cc = cc
        self.contact = contact
        self.options = {} if options is None else options
        self.id = id


@dataclass(init=False, repr=False, eq=False)
class Dismissal(_Record):
    """A finding the user dismissed, with the reason they wrote."""

    key: str
    reason: str

    def __init__(self, key: str, reason: str) -> None:
        self.key = key
        self.reason = reason


@dataclass(init=False, repr=False, eq=False)
class Report(_Record):
    """One year's report of a unit."""

    unit_id: int | None
    year: int
    title: str = ""  # empty: derived from the organs and the year
    recipient: str = ""
    organs: list[str] = field(default_factory=list)  # 署名: one organ, or two for a joint report
    date: dt.date | None = None  # 成文日期
    sections: list[Section] = field(default_factory=list)
    figures: dict[str, FigureValue] = field(default_factory=dict)
    attachments: list[str] = field(default_factory=list)  # 附件说明 lines, e.g. the figures annex
    dismissals: list[Dismissal] = field(default_factory=list)
    catalogue_version: int = 1
    id: int | None = None
    issued_on: dt.date | None = None  # 印发日期 in the 版记 of a 报送稿; None: the 成文日期

    def __init__(self, unit_id: int | None, year: int, title: str = "", recipient: str = "",
                 organs: list[str] | None = None, date: dt.date | None = None, sections: list[Section] | None = None,
                 figures: dict[str, FigureValue] | None = None, attachments: list[str] | None = None,
                 dismissals: list[Dismissal] | None = None, catalogue_version: int = 1,
                 id: int | None = None, issued_on: dt.date | None = None) -> None:
        self.unit_id = unit_id
        self.year = year
        self.title = title
        self.recipient = recipient
        self.organs = [] if organs is None else organs
        self.date = date
        self.sections = [] if sections is None else sections
        self.figures = {} if figures is None else figures
        self.attachments = [] if attachments is None else attachments
        self.dismissals = [] if dismissals is None else dismissals
        self.catalogue_version = catalogue_version
        self.id = id
        self.issued_on = issued_on

    def section(self, block: Block) -> Section | None:
        for section in self.sections:
            if section.block is block:
                return section
        return None

    @property
    def body_sections(self) -> list[Section]:
        """The five blocks in the order the user chose."""
        return [s for s in self.sections if s.block in BODY_BLOCKS]

    @property
    def display_title(self) -> str:
        return self.title or derive_title(self.organs, self.year)


def derive_title(organs: list[str], year: int) -> str:
    """The conventional title: the organ(s), then 关于YYYY年度法治政府建设情况的报告."""
    names = " ".join(o.strip() for o in organs if o.strip())
    return f"{names}关于{year}年度法治政府建设情况的报告"

"""Hypothesis strategies for units and reports: any Unicode, rare CJK, astral characters, long texts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

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
from fzdesk.domain.plain_text import storable

#: Ordinary text, rare CJK (Extension B, astral), the CJK blocks and anything else Unicode has, with the
#: line ends and control characters a paste brings (Word cannot hold some of them).
RARE = "𠀀𠮷𡈽𪚥𬌗㐀䶵鿿〇々〆〡ﾟ𝕏😀\u200b\u3000\ufeff\r\n\t\x0b\x01\ufffe"
text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from("法治政府建设的年度报告（一）、。：；“”0123456789" + RARE)),
    st.text(alphabet=st.characters(min_codepoint=0x3400, max_codepoint=0x2FFFF, exclude_categories=("Cs",)),
            max_size=40),
)
long_text = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20), st.integers(500, 3000))

decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None, min_value=0, max_value=10**12)
counts = st.integers(0, 10**12).map(Decimal)
percentages = st.decimals(allow_nan=False, allow_infinity=False, places=None, min_value=0, max_value=100)
#: Values the sheet can hold, by the catalogue kind of the codes below (anything not negative elsewhere).
VALUES = {"A.accepted": counts, "A.closed": counts, "G.total": counts, "H.exam_pass": percentages}


@st.composite
def figures(draw: st.DrawFn, code: str) -> FigureValue:
    state = draw(st.sampled_from(list(FigureState)))
    last_state = draw(st.sampled_from(list(FigureState)))
    values = VALUES.get(code, decimals)

    def value(s: FigureState) -> Decimal | None:
        if s in (FigureState.NUMBER, FigureState.APPROX):
            return draw(values)
        return draw(st.none() | values)

    return FigureValue(
        code, state, value(state), draw(st.none() | st.sampled_from(list(Approx))),
        last_state, value(last_state), draw(st.none() | st.sampled_from(list(Approx))), draw(text))


items = st.builds(Item, title=text, paragraphs=st.lists(st.one_of(text, long_text), max_size=4),
                  carried_over=st.booleans())
sections = st.builds(Section, block=st.sampled_from(list(Block)), heading=text,
                     numbering=st.sampled_from(list(Numbering)), items=st.lists(items, max_size=4),
                     omitted=st.booleans())
codes = st.one_of(st.sampled_from(["A.accepted", "A.closed", "H.exam_pass", "I.fines", "G.total"]), text)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    figure_codes = draw(st.lists(codes, max_size=8, unique=True))
    return Report(
        unit_id=None,
        year=draw(st.integers(1990, 2100)),
        title=draw(text),
        recipient=draw(text),
        organs=draw(st.lists(text, max_size=2)),
        date=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))),
        sections=draw(st.lists(sections, max_size=8)),
        figures={c: draw(figures(c)) for c in figure_codes},
        attachments=draw(st.lists(text, max_size=3)),
        dismissals=draw(st.lists(st.builds(Dismissal, key=text, reason=text), max_size=3)),
        catalogue_version=draw(st.integers(1, 5)),
        issued_on=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))),
    )


units = st.builds(
    # a name of control characters only is empty once stored, and a unit without a name is refused on import
    Unit, name=text.filter(lambda s: storable(s).strip() != ""), short_name=text,
    unit_type=st.sampled_from(list(UnitType)),
    organs=st.lists(text, max_size=2), recipient=text, cc=text, contact=text,
    options=st.dictionaries(st.text(max_size=10), st.one_of(st.booleans(), st.integers(), st.text(max_size=10)),
                            max_size=3),
)

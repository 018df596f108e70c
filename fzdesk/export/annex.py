"""The figures annex: this year's figures with last year's, the change and the explanations, in a fixed table."""

from __future__ import annotations

from decimal import Decimal

from fzdesk.domain.catalogue import Catalogue, Indicator, Kind
from fzdesk.domain.figure_text import Entry, format_entry, format_number
from fzdesk.domain.model import Approx, FigureState, FigureValue, Report
from fzdesk.export.closing import annex_name
from fzdesk.export.geometry import SIZE_TABLE, SIZE_TITLE
from fzdesk.export.layout import Align, Cell, Element, Para, Role, Run, Table, blank

#: Column widths in twips, summing to the 8844-twip text block: name, unit, this year, last year, change, notes.
COLUMNS = (2304, 720, 1080, 1080, 1740, 1920)
HEADERS = ("指标", "单位", "本年度", "上年度", "增减", "说明")
TABLE_LINE = 360  # exact 18 pt lines for 12 pt text


def change_text(figure: FigureValue, indicator: Indicator | None) -> str:
    """The change from last year, signed; for a rate in 个百分点; "—" when either value is not exact."""
    this, last = figure.exact, figure.last_exact
    if this is None or last is None:
        return "—"
    diff = this - last
    text = format_number(diff.normalize() if diff == diff.to_integral_value() else diff)
    if diff == 0:
        text = "0"
    elif diff > 0:
        text = "+" + text
    if indicator is not None and indicator.kind is Kind.RATE and diff != 0:
        text += "个百分点"
    return text


def _value(state: FigureState, value: Decimal | None, approx: Approx | None) -> str:
    return format_entry(Entry(state, value, approx), empty="—")


def _cell(text: str, align: Align = Align.CENTER, role: Role = Role.BODY) -> Cell:
    run = Run(text, role, size=SIZE_TABLE, spacing=0)
    return Cell([Para([run] if text else [], style="FzTable", align=align, line=TABLE_LINE)])


def figure_rows(report: Report, catalogue: Catalogue) -> list[list[Cell]]:
    """One row a filled figure, grouped under a row for its family, in catalogue order."""
    rows: list[list[Cell]] = []
    for family in catalogue.families:
        figures = [(i, report.figures[i.code]) for i in catalogue.of_family(family.code)
                   if i.code in report.figures and report.figures[i.code].state is not FigureState.EMPTY]
        if not figures:
            continue
        rows.append([Cell([Para([Run(family.name, Role.HEI, size=SIZE_TABLE, spacing=0)], style="FzTable",
                                    align=Align.LEFT, line=TABLE_LINE)], span=len(COLUMNS))])
        for indicator, f in figures:
            rows.append([
                _cell(indicator.name, Align.LEFT),
                _cell(indicator.unit),
                _cell(_value(f.state, f.value, f.approx)),
                _cell(_value(f.last_state, f.last_value, f.last_approx)),
                _cell(change_text(f, indicator)),
                _cell(f.explanation.strip(), Align.LEFT),
            ])
    known = {i.code for i in catalogue.indicators}
    for code, f in sorted(report.figures.items()):
        if code not in known and f.state is not FigureState.EMPTY:
            rows.append([_cell(code, Align.LEFT), _cell(""), _cell(_value(f.state, f.value, f.approx)),
                         _cell(_value(f.last_state, f.last_value, f.last_approx)), _cell(change_text(f, None)),
                         _cell(f.explanation.strip(), Align.LEFT)])
    return rows


def annex(report: Report, catalogue: Catalogue, number: int | None) -> list[Element]:
    """The annex on a new page: "附件" (黑体, flush left), its title, then the table."""
    label = "附件" if number is None else f"附件{number}"
    header = [_cell(h, role=Role.HEI) for h in HEADERS]
    table = Table(list(COLUMNS), [header, *figure_rows(report, catalogue)])
    return [
        Para([Run(label, Role.HEI)], align=Align.LEFT, page_break_before=True),
        blank(),
        Para([Run(annex_name(report), Role.TITLE, size=SIZE_TITLE, spacing=0)], style="FzTitle",
             align=Align.CENTER),
        blank(),
        table,
    ]

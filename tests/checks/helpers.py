"""Builders for the checks tests: figures from a dict, the shipped data, a clean report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from fzdesk import resources
from fzdesk.checks.rules import RuleSet, load_rules
from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.model import Approx, FigureState, FigureValue, Report


def catalogue() -> Catalogue:
    return resources.catalogue()


def rules() -> RuleSet:
    return load_rules()


def figures(report: Report, **values: object) -> Report:
    """figures(r, A_accepted=88, A_closed="近100", I_fines="na"): underscores stand for the first dot."""
    for name, raw in values.items():
        code = name.replace("_", ".", 1)
        report.figures[code] = figure(code, raw)
    return report


def figure(code: str, raw: object, last: object = None) -> FigureValue:
    f = FigureValue(code)
    f.state, f.value, f.approx = _parse(raw)
    if last is not None:
        f.last_state, f.last_value, f.last_approx = _parse(last)
    return f


def _parse(raw: object) -> tuple[FigureState, Decimal | None, Approx | None]:
    if raw is None:
        return FigureState.EMPTY, None, None
    text = str(raw)
    if text == "na":
        return FigureState.NA, None, None
    if text.startswith("近"):
        return FigureState.APPROX, Decimal(text[1:]), Approx.NEAR
    if text.endswith("余"):
        return FigureState.APPROX, Decimal(text[:-1]), Approx.OVER
    return FigureState.NUMBER, Decimal(text), None


def empty_report(year: int = 2023) -> Report:
    r = Report(unit_id=1, year=year, catalogue_version=resources.catalogue().version)
    r.date = dt.date(year, 12, 20)
    return r

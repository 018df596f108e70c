"""插入数据: a sentence generated from a family's current figures, for the editor to insert."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from fzdesk.checks.numbers import fmt_written
from fzdesk.domain.catalogue import Catalogue, Kind
from fzdesk.domain.explanations import explanation_sentences
from fzdesk.domain.model import FigureState, Report
from fzdesk.paths import resource

__all__ = ["data_sentence", "explanation_sentences"]

_CODE = re.compile(r"\{([A-Za-z0-9_.]+)\}")


@cache
def _templates() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("rules", "prose.json").read_text(encoding="utf-8"))
    return dict(data.get("sentences", {}))


def _render(part: str, report: Report) -> str | None:
    """The part with its figures filled in, or None when one of them is not a number (empty or 不涉及)."""
    missing = False

    def value(m: re.Match[str]) -> str:
        nonlocal missing
        f = report.figures.get(m.group(1))
        if f is None or f.state not in (FigureState.NUMBER, FigureState.APPROX) or f.value is None:
            missing = True
            return ""
        return fmt_written(f.value, f.approx)

    text = _CODE.sub(value, part)
    return None if missing else text


def data_sentence(report: Report, catalogue: Catalogue, family: str,
                  templates: dict[str, Any] | None = None) -> str:
    """E.g. 全年收到行政复议申请90件，受理88件，审结63件（维持38件、……）。 Empty when nothing is filled."""
    spec = (templates if templates is not None else _templates()).get(family)
    parts: list[str] = []
    if spec is None:
        for ind in catalogue.of_family(family):
            f = report.figures.get(ind.code)
            if f is None or f.state not in (FigureState.NUMBER, FigureState.APPROX) or f.value is None:
                continue
            unit = "%" if ind.kind is Kind.RATE else ind.unit
            parts.append(f"{ind.name.removeprefix('其中：')}{fmt_written(f.value, f.approx)}{unit}")
        if not parts:
            return ""
        return f"{catalogue.family(family).name}方面，" + "，".join(parts) + "。"
    for part in spec.get("parts", []):
        if isinstance(part, str):
            text = _render(part, report)
            if text:
                parts.append(text)
            continue
        text = _render(part["text"], report)
        if not text:
            continue
        details = [d for d in (_render(x, report) for x in part.get("detail", [])) if d]
        parts.append(text + (f"（{'、'.join(details)}）" if details else ""))
    if not parts:
        return ""
    return str(spec.get("lead", "")) + "，".join(parts) + "。"

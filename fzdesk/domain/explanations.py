"""说明 sentences: the explanations of large year-over-year changes as the report prints them."""

from __future__ import annotations

from decimal import Decimal

from fzdesk.domain.catalogue import Catalogue, Kind
from fzdesk.domain.model import Report, Unit

#: Unit.options key: where the explanations go, SENTENCE (in the body, also when the key is missing) or ANNEX
#: (the 说明 column of the figures annex only).
OPTION_KEY = "explanations"
SENTENCE = "sentence"
ANNEX = "annex"
#: Opens the paragraph that carries the sentences (the last paragraph of 主要举措和成效).
LEAD = "需要说明的是："


def in_body(unit: Unit) -> bool:
    """Whether the unit wants the 说明 sentences in the report's text (the default)."""
    return unit.options.get(OPTION_KEY, SENTENCE) != ANNEX


def _plain(value: Decimal) -> str:
    """88, 12.5, 128.78: no exponent, no trailing zeros."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def explanation_sentences(report: Report, catalogue: Catalogue) -> list[str]:
    """One sentence per explained change of an exact figure against last year's exact value, in catalogue
    order: "行政复议方面，受理88件，较去年减少339件，主要原因是……。" (rates change by 个百分点)."""
    order = {ind.code: n for n, ind in enumerate(catalogue.indicators)}
    out = []
    for code in sorted(report.figures, key=lambda c: (order.get(c, len(order)), c)):
        f = report.figures[code]
        if not f.explanation.strip() or f.exact is None or f.last_exact is None:
            continue
        ind = catalogue.get(code)
        name = ind.name.removeprefix("其中：").replace("：", "") if ind else code
        family = f"{catalogue.family(ind.family).name}方面，" if ind else ""
        rate = ind is not None and ind.kind is Kind.RATE
        unit = "%" if rate else (ind.unit if ind else "")
        change = abs(f.exact - f.last_exact)
        if change == 0:
            compared = "与去年持平"
        elif rate:
            compared = f"较去年{'提高' if f.exact > f.last_exact else '下降'}{_plain(change)}个百分点"
        else:
            compared = f"较去年{'增加' if f.exact > f.last_exact else '减少'}{_plain(change)}{unit}"
        reason = f.explanation.strip().rstrip("。.；;，,")
        out.append(f"{family}{name}{_plain(f.exact)}{unit}，{compared}，主要原因是{reason}。")
    return out


def explanation_paragraph(report: Report, unit: Unit, catalogue: Catalogue | None, *, annex: bool = True) -> str:
    """The paragraph the exporter adds to 主要举措和成效; empty when there is nothing to say or the unit chose
    the annex's 说明 column and the annex is exported (without the annex the explanations would go nowhere,
    so they stay in the body)."""
    if catalogue is None or (annex and not in_body(unit)):
        return ""
    sentences = explanation_sentences(report, catalogue)
    return LEAD + "".join(sentences) if sentences else ""

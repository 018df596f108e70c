"""说明 sentences from the explanations of large changes, and the unit's choice of where they go."""

from __future__ import annotations

from decimal import Decimal

from fzdesk import resources
from fzdesk.domain.explanations import explanation_paragraph, explanation_sentences, in_body
from fzdesk.domain.model import Approx, FigureState, FigureValue, Report, Unit


def figure(code: str, value: str, last: str, explanation: str = "", *,
           state: FigureState = FigureState.NUMBER) -> FigureValue:
    return FigureValue(code, state, Decimal(value), Approx.OVER if state is FigureState.APPROX else None,
                       FigureState.NUMBER, Decimal(last), explanation=explanation)


def report(*figures: FigureValue) -> Report:
    return Report(unit_id=1, year=2023, figures={f.code: f for f in figures})


def test_a_count_a_rate_and_an_unchanged_figure_each_read_as_a_sentence_in_catalogue_order() -> None:
    r = report(figure("H.exam_pass", "100", "98.5", "考前组织了集中辅导"),
               figure("A.accepted", "88", "427", "复议渠道前移，案件减少。"),
               figure("F.requests", "12", "12", "按要求说明"))
    assert explanation_sentences(r, resources.catalogue()) == [
        "行政复议方面，受理88件，较去年减少339件，主要原因是复议渠道前移，案件减少。",
        "政务公开方面，依申请公开收到12件，与去年持平，主要原因是按要求说明。",
        "普法方面，合格率100%，较去年提高1.5个百分点，主要原因是考前组织了集中辅导。",
    ]


def test_no_sentence_without_an_explanation_or_an_exact_value_on_both_sides() -> None:
    r = report(figure("A.accepted", "88", "427"),
               figure("A.closed", "63", "400", "  "),
               figure("A.received", "90", "100", "约数", state=FigureState.APPROX))
    assert explanation_sentences(r, resources.catalogue()) == []


def test_the_unit_chooses_the_body_by_default_and_the_annex_explicitly() -> None:
    unit = Unit("沈丘县人民政府办公室")
    r = report(figure("A.accepted", "88", "427", "复议渠道前移"))
    assert in_body(unit)
    assert explanation_paragraph(r, unit, resources.catalogue()) == (
        "需要说明的是：行政复议方面，受理88件，较去年减少339件，主要原因是复议渠道前移。")
    unit.options["explanations"] = "sentence"
    assert in_body(unit)
    unit.options["explanations"] = "annex"
    assert not in_body(unit)
    assert explanation_paragraph(r, unit, resources.catalogue()) == ""
    assert explanation_paragraph(report(), Unit("x"), resources.catalogue()) == ""

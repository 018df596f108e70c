"""Catalogue version 2: the 被申请人 side of 行政复议, the 败诉 breakdown of 行政应诉 and 政务公开's 其他信息; reports
written with version 1 still load and check as before; the rules over the new indicators fire and hold."""

from __future__ import annotations

import pytest

from fzdesk import resources
from fzdesk.checks.engine import check_report
from fzdesk.checks.figures import check_figures
from fzdesk.checks.wording import load_wording
from fzdesk.domain.model import Report
from fzdesk.exchange import report_json
from fzdesk.storage.store import Store
from tests import factories
from tests.checks.helpers import catalogue, empty_report, figures, rules

#: The codes of catalogue version 1, frozen: a report written with them must keep meaning the same figures.
V1_CODES = tuple("""
A.received A.accepted A.rejected A.carried_in A.closed A.open A.upheld A.dismissed A.changed A.revoked
A.illegal A.void A.ordered A.mediated A.settled A.terminated A.correction_rate B.new B.carried_in B.closed
B.rejected_claim B.dismissed_suit B.withdrawn B.transferred B.lost B.open B.hearings B.head_appearances
B.appearance_rate B.loss_rate C.issued C.reviewed C.filed C.filed_on_time C.cleaned C.kept C.amended
C.repealed C.expired D.items D.sponsors D.public D.experts D.risk D.legality D.collective E.communities
E.communities_advised E.documents_reviewed E.contracts E.drafts E.opinions E.suggestions F.published
F.published_policy F.published_interpretation F.requests F.requests_closed F.requests_carried G.total
G.people_daily G.provincial G.online G.other G.closed G.closure_rate G.satisfaction H.events H.trainings
H.trainees H.materials H.boards H.reach H.exam_participation H.exam_pass I.officers I.certified I.penalties
I.penalties_warning I.penalties_fine I.penalties_other I.fines I.licence_applied I.licence_accepted
I.licence_granted I.licence_refused I.inspections I.legal_reviews I.case_reviews J.petitions J.mediations
J.mediations_success K.group_study K.meeting_study K.briefings L.services L.services_admin L.services_public
L.services_other L.online_rate""".split())  # noqa: SIM905 - 100 codes read best as text

RESPONDENT = ("A.resp_cases", "A.resp_closed", "A.resp_open", "A.resp_upheld", "A.resp_dismissed", "A.resp_changed",
              "A.resp_revoked", "A.resp_illegal", "A.resp_void", "A.resp_ordered", "A.resp_mediated",
              "A.resp_settled", "A.resp_terminated", "A.resp_correction_rate")
LOST = ("B.lost_revoked", "B.lost_illegal", "B.lost_ordered", "B.lost_compensation")


def test_version_2_adds_indicators_and_keeps_every_version_1_code() -> None:
    cat = catalogue()
    assert cat.version == 2
    assert tuple(i.code for i in cat.indicators if i.since == 1) == V1_CODES
    added = {i.code for i in cat.indicators if i.since == 2}
    assert added == {*RESPONDENT, *LOST, "F.published_other"}
    assert all(1 <= i.since <= cat.version for i in cat.indicators)
    assert {cat[c].family for c in RESPONDENT} == {"A"} and {cat[c].family for c in LOST} == {"B"}
    # each new indicator sits with its family, after the figures it completes
    codes = [i.code for i in cat.indicators]
    assert codes.index("A.resp_cases") == codes.index("A.correction_rate") + 1
    assert codes.index("B.lost_revoked") == codes.index("B.lost") + 1


def _v1_report() -> Report:
    r = figures(empty_report(), A_accepted=88, A_closed=63, A_upheld=38, A_revoked=1, A_dismissed=8, A_ordered=3,
                A_terminated=13, A_open=25, B_new=4, B_closed=4, B_rejected_claim=2, B_lost=2, B_open=0,
                F_published=120, F_published_policy=30)
    r.catalogue_version = 1
    return r


def test_a_version_1_report_loads_from_its_data_file_and_from_the_store(store: Store) -> None:
    unit = factories.unit()
    report = _v1_report()
    text = report_json.dumps(report, unit, resources.catalogue())
    back = report_json.loads(text).report
    assert back.catalogue_version == 1 and set(back.figures) == set(report.figures)
    store.save_unit(unit)
    back.unit_id = unit.id
    rid = store.create_report(back)
    loaded = store.load_report(rid)
    assert loaded.catalogue_version == 1
    assert {c: f.value for c, f in loaded.figures.items()} == {c: f.value for c, f in report.figures.items()}


def test_a_version_1_report_gets_no_finding_nor_unchecked_from_the_new_rules() -> None:
    new_rules = {r.id for r in rules().rules if set(r.codes) & {*RESPONDENT, *LOST, "F.published_other"}
                 and r.relation != "yoy_change"}
    assert {"A.resp_balance", "A.resp_results", "A.resp_correction_rate", "B.lost_breakdown"} <= new_rules
    found, unchecked = check_figures(_v1_report(), catalogue(), rules())
    assert not [f.rule for f in found if f.rule in new_rules]
    assert not [u.rule for u in unchecked if u.rule in new_rules]
    unit = factories.unit()
    result = check_report(_v1_report(), unit, catalogue(), rules(), load_wording())
    assert not [f for f in result.findings if f.rule in new_rules]


def run(**values: object) -> tuple[dict[str, str], dict[str, str]]:
    found, unchecked = check_figures(figures(empty_report(), **values), catalogue(), rules())
    return {f.rule: f.message for f in found}, {u.rule: u.message for u in unchecked}


def test_respondent_results_must_add_up() -> None:
    found, _ = run(A_resp_cases=12, A_resp_closed=10, A_resp_open=2, A_resp_upheld=6, A_resp_revoked=2,
                   A_resp_terminated=1)
    assert found["A.resp_results"] == ("本单位被申请复议的案件审结10件，但维持、驳回、变更、撤销等各类结果合计9件，"
                                       "相差1件。")
    found, unchecked = run(A_resp_cases=12, A_resp_closed=10, A_resp_open=2, A_resp_upheld=6, A_resp_revoked=2,
                           A_resp_terminated=2)
    assert not {r for r in found if r.startswith("A.resp")} and not {r for r in unchecked if r.startswith("A.")}


def test_respondent_balance_and_closed_at_most_cases() -> None:
    found, _ = run(A_resp_cases=12, A_resp_closed=9, A_resp_open=2)
    assert "相差1件" in found["A.resp_balance"]
    found, _ = run(A_resp_cases=12, A_resp_closed=13, A_resp_open="na")
    assert "多于案件数12件" in found["A.resp_closed_le"]
    _, unchecked = run(A_resp_cases=12, A_resp_closed=9)
    assert "未审结应为3件" in unchecked["A.resp_balance"]
    found, _ = run(A_resp_cases=12)
    assert "还应填写被申请复议：审结" in found["A.resp_required"]


@pytest.mark.parametrize(("rate", "fires"), [("20", False), ("20.0", False), ("25", True), ("10", True)])
def test_respondent_correction_rate(rate: str, fires: bool) -> None:
    found, _ = run(A_resp_cases=10, A_resp_closed=10, A_resp_open=0, A_resp_upheld=8, A_resp_revoked=1,
                   A_resp_illegal=1, A_resp_correction_rate=rate)
    assert ("A.resp_correction_rate" in found) is fires
    if fires:
        assert "计算应为20%" in found["A.resp_correction_rate"]


def test_respondent_side_does_not_disturb_the_organs_own_cases() -> None:
    found, _ = run(A_accepted=88, A_closed=63, A_upheld=38, A_revoked=1, A_dismissed=8, A_ordered=3,
                   A_terminated=13, A_open=25, A_resp_cases=3, A_resp_closed=3, A_resp_open=0, A_resp_upheld=3)
    assert found == {}


def test_lost_cases_breakdown() -> None:
    base = {"B_new": 10, "B_closed": 10, "B_rejected_claim": 6, "B_lost": 4, "B_open": 0}
    found, _ = run(**base, B_lost_revoked=2, B_lost_illegal=1)
    assert found["B.lost_breakdown"].startswith(
        "行政应诉败诉4件，但判决撤销、确认违法、责令履行、判决赔偿合计3件，相差1件")
    found, _ = run(**base, B_lost_revoked=2, B_lost_illegal=1, B_lost_compensation=1)
    assert "B.lost_breakdown" not in found
    found, _ = run(**base, B_lost_revoked=2, B_lost_illegal=1, B_lost_ordered="na", B_lost_compensation=1)
    assert found == {}
    _, unchecked = run(**base)  # no breakdown given: listed apart as 无法检查, never a finding
    assert "B.lost_breakdown" in unchecked
    found, unchecked = run(B_new=3, B_closed=3, B_rejected_claim=3, B_lost="na", B_open=0)
    assert "B.lost_breakdown" not in found and "B.lost_breakdown" not in unchecked


def test_new_indicators_have_help_units_and_words() -> None:
    cat = catalogue()
    for code in (*RESPONDENT, *LOST, "F.published_other"):
        ind = cat[code]
        assert ind.help and ind.words and ind.unit in ("件", "条", "%"), code
    assert cat["A.resp_correction_rate"].kind.value == "rate"



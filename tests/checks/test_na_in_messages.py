"""A figure marked 不涉及 reads "不涉及" in a finding's message, never "0" (it still counts as 0 in the sums)."""

from __future__ import annotations

from fzdesk.checks.figures import check_figures, fill
from tests.checks.helpers import catalogue, empty_report, figures, rules


def messages(**values: object) -> dict[str, str]:
    report = figures(empty_report(), **values)
    found, _ = check_figures(report, catalogue(), rules())
    return {f.rule: f.message for f in found}


def test_not_applicable_reads_as_such_and_its_unit_goes() -> None:
    message = messages(A_received=10, A_accepted=15, A_rejected="na")["A.received"]
    assert message == "行政复议受理15件、不予受理不涉及，合计15件，多于收到的申请10件。"
    assert "不予受理0件" not in message


def test_a_real_zero_stays_a_number() -> None:
    message = messages(A_received=10, A_accepted=15, A_rejected=0)["A.received"]
    assert message == "行政复议受理15件、不予受理0件，合计15件，多于收到的申请10件。"


def test_fill_leaves_other_placeholders_and_text_alone() -> None:
    values = {"A.x": "不涉及", "na-unit:A.x": "件", "A.y": "3"}
    assert fill("甲{A.x}件、乙{A.y}件，丙{A.z}。", values) == "甲不涉及、乙3件，丙{A.z}。"
    assert fill("甲{A.x}次", values) == "甲不涉及次"  # another unit than the figure's: kept as written

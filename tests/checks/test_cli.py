"""`fzdesk check`: text and JSON output, exit status, dismissals and the unit's own rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.domain.model import Dismissal
from fzdesk.storage.store import Store
from tests.checks.sample import sample_report, sample_unit


def _store_sample(folder: Path, *, recipient: str = "沈丘县人民政府",
                  dismissals: list[Dismissal] | None = None) -> None:
    with Store.open(folder) as store:
        unit = sample_unit()
        unit.id = None
        unit_id = store.save_unit(unit)
        report = sample_report()
        report.unit_id = unit_id
        report.recipient = recipient
        report.dismissals = dismissals or []
        store.create_report(report)


def test_check_json_lists_findings_and_exits_0_without_errors(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    _store_sample(tmp_path)
    status = main(["--data", str(tmp_path), "check", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    rules = {d["rule"] for d in data}
    assert {"wording.fazhi", "wording.terms", "wording.near_over", "wording.official", "prose.yoy"} <= rules
    for d in data:
        assert {"rule", "category", "severity", "message", "location", "excerpt", "values"} <= set(d)
        assert d["severity"] in ("error", "warning", "info")
        assert d["category"] in ("figures", "text-vs-figures", "wording", "structure", "dates")
    fazhi = next(d for d in data if d["rule"] == "wording.fazhi")
    assert fazhi["location"]["step"] == "opening" and "法制政府" in fazhi["excerpt"]
    assert fazhi["location"]["end"] - fazhi["location"]["start"] == 4


def test_check_text_groups_by_severity_and_exits_1_on_error(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    _store_sample(tmp_path, recipient="")
    status = main(["--data", str(tmp_path), "check", "--unit", "县政府办", "--year", "2023"])
    out = capsys.readouterr().out
    assert status == 1
    assert "【错误】" in out and "【警告】" in out and "没有填写主送机关" in out
    assert out.index("【错误】") < out.index("【警告】")
    assert "【无法检查】" in out and "未审结应为25件" in out


def test_dismissed_error_with_reason_clears_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = "structure.recipient|info|recipient|"
    _store_sample(tmp_path, recipient="", dismissals=[Dismissal(key, "本报告直接在网站公开，不另行报送")])
    assert main(["--data", str(tmp_path), "check"]) == 0
    out = capsys.readouterr().out
    assert "【已忽略】" in out and "本报告直接在网站公开" in out


def test_error_dismissed_without_reason_stays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store_sample(tmp_path, recipient="", dismissals=[Dismissal("structure.recipient|info|recipient|", " ")])
    assert main(["--data", str(tmp_path), "check", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert not next(d for d in data if d["rule"] == "structure.recipient")["dismissed"]


def test_unit_rules_from_the_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store_sample(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "county.json").write_text(json.dumps({
        "format": "fzdesk-rules", "version": 1, "rules": [
            {"id": "county.reconsideration_cap", "relation": "range", "code": "A.accepted", "max": 80,
             "severity": "error", "message": "行政复议受理{value}件，超过了县里要求核实的{max}件。"}]},
        ensure_ascii=False), encoding="utf-8")
    assert main(["--data", str(tmp_path), "check", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert any(d["message"] == "行政复议受理88件，超过了县里要求核实的80件。" for d in data)


def test_no_report_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store.open(tmp_path).close()
    assert main(["--data", str(tmp_path), "check"]) == 2
    assert "找不到符合条件的报告" in capsys.readouterr().err


def test_last_years_report_in_the_store_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fzdesk.domain.model import Report
    from tests.checks.helpers import figures

    _store_sample(tmp_path)
    with Store.open(tmp_path) as store:
        unit_id = store.units()[0].id
        store.create_report(figures(Report(unit_id=unit_id, year=2022), A_open=4, A_accepted=427))
        report_id = next(r.id for r in store.reports() if r.year == 2023)
        report = store.load_report(report_id)
        report.figures["A.carried_in"] = figures(Report(1, 2023), A_carried_in=3).figures["A.carried_in"]
        store.set_figure(report_id, report.figures["A.carried_in"])
    assert main(["--data", str(tmp_path), "check", "--year", "2023", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rules = {d["rule"]: d for d in data}
    assert "去年年底未审结为4件" in rules["A.carry"]["message"]
    assert "prose.yoy" not in rules  # 88 + 339 = 427: the statement holds against last year's report
    assert rules["yoy.change"]["values"]["last"] == 427

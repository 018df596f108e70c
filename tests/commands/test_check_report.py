"""`fzdesk check --json`: every entry has a status; 无法检查 rules are listed in the same list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.domain.model import Dismissal
from fzdesk.storage.store import Store
from tests.checks.sample import sample_report, sample_unit

RECIPIENT_KEY = "structure.recipient|info|recipient|"


def _store_sample(folder: Path, dismissals: list[Dismissal]) -> None:
    with Store.open(folder) as store:
        unit = sample_unit()
        unit.id = None
        report = sample_report()
        report.unit_id = store.save_unit(unit)
        report.recipient = ""
        report.dismissals = dismissals
        store.create_report(report)


def test_json_statuses_open_dismissed_and_unchecked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store_sample(tmp_path, [Dismissal(RECIPIENT_KEY, "直接在网站公开，不另行报送")])
    assert main(["--data", str(tmp_path), "check", "--json"]) == 0  # the only error is dismissed
    data = json.loads(capsys.readouterr().out)
    assert {d["status"] for d in data} == {"open", "dismissed", "unchecked"}
    recipient = next(d for d in data if d["rule"] == "structure.recipient")
    assert recipient["status"] == "dismissed" and recipient["reason"] == "直接在网站公开，不另行报送"
    assert all(d["status"] == "open" for d in data if d["status"] != "unchecked" and not d["dismissed"])
    unchecked = [d for d in data if d["status"] == "unchecked"]
    assert any("未审结应为25件" in d["message"] for d in unchecked)
    for d in unchecked:
        assert d["severity"] == "info" and d["category"] == "figures"
        assert d["location"]["step"] == "figures"
        assert {"rule", "message", "excerpt", "values"} <= set(d)
    assert data.index(unchecked[0]) > max(i for i, d in enumerate(data) if d["status"] != "unchecked")


def test_open_error_still_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store_sample(tmp_path, [])
    assert main(["--data", str(tmp_path), "check", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert next(d for d in data if d["rule"] == "structure.recipient")["status"] == "open"

"""Figure values the sheet cannot hold stop an import with a Chinese message and leave the store unchanged."""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from fzdesk import resources
from fzdesk.cli import main
from fzdesk.domain.model import FigureState, FigureValue
from fzdesk.exchange import report_json
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.report_json import ReportDataError
from fzdesk.storage.store import Store
from tests import factories


def _data() -> dict[str, Any]:
    u = factories.unit()
    return report_json.to_data(factories.report(u), u, resources.catalogue())


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "2023.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _set(data: dict[str, Any], code: str, key: str, value: str) -> None:
    figure = next(f for f in data["figures"] if f["code"] == code)
    figure[key] = value
    figure["state" if key == "value" else "last_state"] = "number"


def test_the_audits_file_is_refused_naming_both_figures(tmp_path: Path) -> None:
    data = _data()
    _set(data, "A.accepted", "value", "12.5")
    _set(data, "A.closed", "value", "-3")
    with pytest.raises(ReportDataError) as caught:
        open_import(_write(tmp_path, data))
    message = str(caught.value)
    assert message.startswith("报告数据中有不能导入的数字：")
    assert "数字“行政复议·受理”（A.accepted）的本年值是“12.5”，但这一项是计数（单位：件），只能是整数。" in message
    assert "数字“行政复议·审结”（A.closed）的本年值是负数（-3件），数据表中的数字不能小于0。" in message
    assert "数据中没有任何改动" in message


def test_last_years_value_is_held_to_the_same_rules(tmp_path: Path) -> None:
    data = _data()
    _set(data, "A.accepted", "last_value", "-1")
    with pytest.raises(ReportDataError, match=r"A\.accepted）的上年值是负数"):
        open_import(_write(tmp_path, data))


def test_an_unknown_indicator_must_not_be_negative(tmp_path: Path) -> None:
    data = _data()
    data["figures"].append({"code": "Z.newer", "state": "number", "value": "-4"})
    with pytest.raises(ReportDataError, match=r"“Z\.newer”的本年值是负数"):
        open_import(_write(tmp_path, data))
    data["figures"][-1]["value"] = "4.5"  # a newer catalogue's indicator: its kind is not known here
    assert open_import(_write(tmp_path, data)).report.figures["Z.newer"].value == Decimal("4.5")


def test_values_the_sheet_holds_import(tmp_path: Path) -> None:
    data = _data()
    _set(data, "I.fines", "value", "12.5")
    _set(data, "A.accepted", "value", "88.0")
    preview = open_import(_write(tmp_path, data))
    assert preview.report.figures["I.fines"].value == Decimal("12.5")
    assert not preview.warnings


def test_a_rate_over_100_is_imported_with_a_remark_in_the_preview(tmp_path: Path) -> None:
    data = _data()
    data["figures"].append({"code": "A.correction_rate", "state": "number", "value": "120"})
    preview = open_import(_write(tmp_path, data))
    remark = "数字“行政复议·纠错率”（A.correction_rate）的本年值是120%，比率不能超过100%，导入后检查时会报错，请核对。"
    assert preview.warnings == [remark]
    assert f"提示：{remark}" in preview.summary()


def test_fzdesk_import_yes_refuses_and_leaves_the_store_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        u = factories.unit()
        u.id = store.save_unit(u)
        store.create_report(factories.report(u, 2022))
    before = factories.dump_folder(folder)
    data = _data()
    _set(data, "A.accepted", "value", "12.5")
    _set(data, "A.closed", "value", "-3")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--data", str(folder), "import", str(_write(tmp_path, data)), "--yes"]) == 2
    err = capsys.readouterr().err
    assert "“12.5”" in err and "-3件" in err
    assert factories.dump_folder(folder) == before
    assert main(["--data", str(folder), "check", "--year", "2023"]) == 2  # nothing was imported to check


def test_store_set_figure_refuses_and_writes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        u = factories.unit()
        u.id = store.save_unit(u)
        rid = store.create_report(factories.report(u))
        before = factories.dump_folder(tmp_path)
        for bad in (FigureValue("A.closed", FigureState.NUMBER, Decimal(-3)),
                    FigureValue("A.accepted", FigureState.NUMBER, Decimal("12.5")),
                    FigureValue("A.accepted", FigureState.APPROX, Decimal("-100"))):
            with pytest.raises(ValueError, match="没有保存"):
                store.set_figure(rid, bad)
        assert factories.dump_folder(tmp_path) == before
        store.set_figure(rid, FigureValue("A.accepted", FigureState.NUMBER, Decimal(90)))
        store.set_figure(rid, FigureValue("I.fines", FigureState.NUMBER, Decimal("3.25")))
        assert store.load_report(rid).figures["I.fines"].value == Decimal("3.25")

"""Two reports of one unit and year (an import kept beside the original): list tells them apart by number and
id, check and export take --report ID, and the message when --unit/--year are not enough says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.storage.store import Store
from tests import factories


@pytest.fixture
def twins(tmp_path: Path) -> tuple[Path, int, int]:
    data = tmp_path / "data"
    with Store.open(data) as store:
        unit = factories.unit()
        store.save_unit(unit)
        first = store.create_report(factories.report(unit, 2023))
        second = store.create_report(factories.report(unit, 2023))
        store.conn.execute("UPDATE reports SET created='2024-11-25T10:00:00' WHERE id=?", (second,))
    return data, first, second


def test_list_shows_ids_and_a_distinct_label_for_the_second_copy(twins: tuple[Path, int, int],
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    data, first, second = twins
    assert main(["--data", str(data), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "沈丘县人民政府办公室（县直部门）"
    assert lines[1].startswith(f"  编号 {first}：2023年度  ")
    assert lines[2].startswith(f"  编号 {second}：2023年度（第2份，11月25日建）  ")
    assert main(["--data", str(data), "list", "--json"]) == 0
    [unit] = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["label"], r["copy"]) for r in unit["reports"]] == [
        (first, "2023年度", 1), (second, "2023年度（第2份，11月25日建）", 2)]


def test_unit_and_year_are_not_enough_and_the_message_names_report(twins: tuple[Path, int, int], tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    data, first, second = twins
    out = tmp_path / "out"
    assert main(["--data", str(data), "export", "--unit", "县政府办", "--year", "2023", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"编号 {first}：2023年度" in err and f"编号 {second}：2023年度（第2份，11月25日建）" in err
    assert f"请用 --report 编号 指明一份（例如 --report {first}）" in err
    assert "用 --unit 和 --year" not in err  # both were given: only --report helps
    assert not out.exists()
    assert main(["--data", str(data), "check"]) == 2
    assert "请用 --unit 和 --year，或用 --report 编号 指明一份" in capsys.readouterr().err


def test_report_id_chooses_one_for_export_and_check(twins: tuple[Path, int, int], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    data, _, second = twins
    with Store.open(data) as store:
        store.update_report(second, title="导入的副本")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--data", str(data), "export", "--report", str(second), "--out", str(out), "--json"]) == 0
    [exported] = list(out.glob("*.json"))
    assert "导入的副本" in exported.read_text(encoding="utf-8")
    capsys.readouterr()
    main(["--data", str(data), "check", "--report", str(second), "--year", "2023"])
    assert capsys.readouterr().out.startswith("沈丘县人民政府办公室 2023年度（第2份，11月25日建）报告：")


def test_unknown_or_contradicting_report_id(twins: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    data, first, _ = twins
    assert main(["--data", str(data), "check", "--report", "999"]) == 2
    assert "找不到编号为 999 的报告。请用 `fzdesk list` 查看" in capsys.readouterr().err
    assert main(["--data", str(data), "check", "--report", str(first), "--year", "2022"]) == 2
    assert f"编号 {first} 是“沈丘县人民政府办公室”的2023年度报告，与 --unit/--year 不符" in capsys.readouterr().err

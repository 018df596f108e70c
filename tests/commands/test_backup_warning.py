"""A command that writes still works when the day's backup cannot be made, and says so in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.storage.store import Store
from tests.exchange import samples


def test_import_goes_ahead_and_warns_when_the_backup_folder_cannot_be_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "backups").write_bytes(b"")  # a file where the folder goes: no backup can be written there
    county = tmp_path / "县政府办2023.txt"
    county.write_text(samples.county_text(), encoding="utf-8")

    assert main(["--data", str(data), "import", str(county), "--yes"]) == 0

    captured = capsys.readouterr()
    assert "已导入：2023年度报告" in captured.out
    assert "警告：今天的自动备份没有做成" in captured.err and "数据本身没有受影响" in captured.err
    assert "Traceback" not in captured.err
    with Store.open(data, daily_backup=False) as store:
        assert [s.year for s in store.reports()] == [2023]

"""`fzdesk import --existing replace` copies the whole store aside before it deletes the old report, as the window's
import does since 6a98e13 (QA: the command deleted it with no backup); a copy that cannot be made stops the import."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.storage import backup
from fzdesk.storage.backup_list import deleted_report, restorable
from fzdesk.storage.store import Store
from tests import factories
from tests.exchange import samples


def _run(monkeypatch: pytest.MonkeyPatch, answers: str, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    return main(list(argv))


@pytest.fixture
def county(tmp_path: Path) -> Path:
    path = tmp_path / "县政府办2023.txt"
    path.write_text(samples.county_text(), encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path, county: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder holding the 2023 report, edited since (its 主送 is 旧的主送)."""
    folder = tmp_path / "data"
    assert _run(monkeypatch, "", "--data", str(folder), "import", str(county), "--yes") == 0
    with Store.open(folder) as store:
        [old] = store.reports()
        store.update_report(old.id, recipient="旧的主送")
    return folder


def _copies(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("before-delete-report-*"))


@pytest.mark.parametrize("how", [["--yes", "--existing", "replace"], ["--figures", "none"]])
def test_replacing_keeps_a_copy_holding_the_old_report(data: Path, county: Path, how: list[str],
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(data) as store:
        [old] = store.reports()
    capsys.readouterr()
    answers = "" if "--yes" in how else "r\ny\n"  # (asked: r = 替换原有报告, then 导入？)
    assert _run(monkeypatch, answers, "--data", str(data), "import", str(county), *how) == 0
    with Store.open(data) as store:
        [new] = store.reports()
        assert store.load_report(new.id).recipient != "旧的主送"  # (the file's; the id may be the old one again)
    [copy] = _copies(data)
    assert deleted_report(copy) == old.id
    [offered] = [r for r in restorable(data / "backups") if r.path == copy]
    assert offered.label.endswith("删除2023年度报告之前的数据")
    kept = sqlite3.connect(copy)
    try:
        assert kept.execute("SELECT recipient FROM reports WHERE id = ?", (old.id,)).fetchone() == ("旧的主送",)
    finally:
        kept.close()
    out = capsys.readouterr().out
    assert f"替换前的全部数据已备份为 {copy}" in out and "恢复备份" in out


def test_keeping_both_makes_no_copy(data: Path, county: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes", "--existing", "keep") == 0
    assert _copies(data) == []


@pytest.mark.parametrize("trouble", [OSError(28, "No space left on device"),
                                     sqlite3.OperationalError("database or disk is full")])
def test_a_copy_that_cannot_be_made_imports_nothing(data: Path, county: Path, trouble: Exception,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    before = factories.dump_folder(data)

    def full(*_a: object, **_k: object) -> Path:
        raise trouble

    monkeypatch.setattr(backup, "copy_database", full)
    capsys.readouterr()
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes", "--existing", "replace") == 2
    out, err = capsys.readouterr()
    assert "替换原有的报告之前，没能先备份数据，所以没有导入，数据未作任何改动。" in err
    assert str(trouble) in err and "磁盘空间是否已满" in err and "--existing keep" in err
    assert "已导入" not in out
    assert factories.dump_folder(data) == before and _copies(data) == []

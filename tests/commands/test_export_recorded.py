"""`fzdesk export` keeps its export as the report's last one, as the window's 导出 does (the same record, the same
fingerprint), and only once the files are written and verified."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.exchange.embedded import read_embedded
from fzdesk.export.record import ExportRecord, fingerprint
from fzdesk.export.record_key import setting_key
from fzdesk.storage.store import Store
from tests import factories
from tests.commands.test_export_report import NAME, store_state


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return factories.two_years_folder(tmp_path / "data")


def _record(data: Path, year: int = 2023) -> tuple[object, str]:
    """The stored record of the year's report, and the fingerprint of the report as it is now."""
    with Store.open(data, daily_backup=False) as store:
        summary = next(s for s in store.reports() if s.year == year)
        report, unit = store.load_report(summary.id), store.unit(summary.unit_id)
        return store.setting(setting_key(summary.id)), fingerprint(report, unit)


def test_the_export_is_recorded_with_the_fingerprint_the_window_compares(data: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    assert _record(data)[0] is None
    assert main(["--data", str(data), "export", "--year", "2023", "--out", str(out), "--json"]) == 0
    assert capsys.readouterr().err == ""
    stored, now = _record(data)
    record = ExportRecord.from_data(stored)
    assert record is not None
    assert record.fingerprint == now
    assert record.files == (str(out / f"{NAME}.docx"), str(out / f"{NAME}.json"))
    embedded = read_embedded(out / f"{NAME}.docx")
    assert embedded is not None and record.text_hash == embedded.stored_hash
    assert record.at[:4].isdigit() and "T" in record.at
    assert _record(data, 2022)[0] is None  # the other report was not exported


def test_a_change_after_the_export_no_longer_matches(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--year", "2023", "--out", str(out)]) == 0
    with Store.open(data, daily_backup=False) as store:
        summary = next(s for s in store.reports() if s.year == 2023)
        store.update_report(summary.id, recipient="县人民政府")
    stored, now = _record(data)
    record = ExportRecord.from_data(stored)
    assert record is not None and record.fingerprint != now


@pytest.mark.parametrize("case", ["folder missing", "name taken"])
def test_a_failed_export_records_nothing(data: Path, tmp_path: Path, case: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / ("gone" if case == "folder missing" else "usb")
    if case == "name taken":
        out.mkdir()
        (out / f"{NAME}.docx").write_bytes(b"old")
    before = store_state(data)
    assert main(["--data", str(data), "export", "--year", "2023", "--out", str(out)]) == 2
    assert capsys.readouterr().err
    assert store_state(data) == before
    assert _record(data)[0] is None


def test_a_failed_pdf_after_the_docx_records_nothing(data: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The window records only a whole export: neither does the command when the PDF cannot be written."""
    from fzdesk.commands import export_report

    out = tmp_path / "usb"
    out.mkdir()
    (out / f"{NAME}.pdf").write_bytes(b"old")  # the PDF's name is taken, the .docx's is not
    monkeypatch.setattr(export_report, "_pdf_bytes", lambda *args: b"%PDF-1.7 stand-in")
    assert main(["--data", str(data), "export", "--year", "2023", "--out", str(out), "--pdf"]) == 2
    assert (out / f"{NAME}.docx").exists()
    assert _record(data)[0] is None


def test_while_the_window_holds_the_data_folder_the_export_is_written_and_not_recorded(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    with Store.open(data, daily_backup=False) as window_store:  # as the open window holds it
        before = store_state(data)
        assert main(["--data", str(data), "export", "--year", "2023", "--out", str(out)]) == 0
        captured = capsys.readouterr()
        assert "程序窗口正在使用这个数据文件夹，这次导出没有记入窗口的“导出”步骤" in captured.err
        assert captured.out.splitlines()[-1].startswith("已写入并读回核对无误")
        assert (out / f"{NAME}.docx").exists()
        assert store_state(data) == before
        assert window_store.setting(setting_key(window_store.reports()[0].id)) is None

"""`fzdesk export`: writes the .docx (and PDF, JSON) into a folder, prints the paths, fails cleanly."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from fzdesk.cli import main
from fzdesk.domain.model import Block, Dismissal, FigureState, FigureValue
from fzdesk.exchange.embedded import read_embedded
from fzdesk.export.options import ExportOptions, Variant, remember
from fzdesk.storage.store import Store
from tests import factories
from tests.export.docx_read import paragraphs

NAME = "沈丘县人民政府办公室关于2023年度法治政府建设情况的报告"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        unit = factories.unit()
        store.save_unit(unit)
        store.create_report(factories.report(unit))
    return folder


def store_state(folder: Path) -> str:
    """A digest of every row in the store (backups and WAL files aside)."""
    conn = sqlite3.connect(folder / "fzdesk.sqlite")
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def test_export_writes_the_docx_and_prints_its_path(data: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == str(out / f"{NAME}.docx")
    assert printed[-1] == "已写入并读回核对无误。"  # a folder on the PC: no word of a stick
    assert sorted(p.name for p in out.iterdir()) == [f"{NAME}.docx"]
    found = read_embedded(out / f"{NAME}.docx")
    assert found is not None and not found.text_changed


def test_export_with_json(data: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--unit", "县政府办", "--year", "2023", "--out", str(out),
                 "--json"]) == 0
    doc = json.loads((out / f"{NAME}.json").read_text(encoding="utf-8"))
    assert doc["format"] == "fzdesk-report" and doc["year"] == 2023
    assert str(out / f"{NAME}.json") in capsys.readouterr().out


def test_export_with_pdf(data: Path, tmp_path: Path, qapp: Any) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--out", str(out), "--pdf"]) == 0
    assert (out / f"{NAME}.pdf").read_bytes().startswith(b"%PDF")


def test_remembered_options_are_used(data: Path, tmp_path: Path) -> None:
    with Store.open(data) as store:
        unit = store.units()[0]
        remember(unit, ExportOptions(variant=Variant.SUBMITTED, figures_annex=True))
        store.save_unit(unit)
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--out", str(out)]) == 0
    import docx

    document = docx.Document(str(out / f"{NAME}.docx"))
    assert len(document.tables) == 1
    assert any(p.text.strip().startswith("抄送：") for p in document.paragraphs)


def test_a_submitted_copy_gets_its_record_on_the_back_of_a_sheet(data: Path, tmp_path: Path) -> None:
    """The command hands Qt's layout (fzdesk.typeset) to the .docx writer. This 报送稿's text ends on page 2 and
    its 版记 does not fit under it: page 3 is left blank, page 4 carries the 版记, both in a section without page
    numbers; the .docx is the one the window writes."""
    from fzdesk import resources
    from fzdesk.export.docx_writer import export_docx
    from fzdesk.typeset.paged import foot_pages

    with Store.open(data) as store:
        unit = store.units()[0]
        remember(unit, ExportOptions(variant=Variant.SUBMITTED))
        store.save_unit(unit)
        report = store.load_report(store.reports()[0].id)
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--out", str(out)]) == 0
    with zipfile.ZipFile(out / f"{NAME}.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
        assert "word/footer3.xml" in z.namelist()
    assert document.count("<w:sectPr>") == 2
    expected = export_docx(report, unit, ExportOptions(variant=Variant.SUBMITTED), resources.catalogue(),
                           pages=foot_pages).data
    with zipfile.ZipFile(io.BytesIO(expected)) as z:
        assert z.read("word/document.xml").decode("utf-8") == document


def test_a_public_copy_is_exported_without_loading_qt(data: Path, tmp_path: Path) -> None:
    """fzdesk.typeset (and with it Qt) is imported only for a PDF or a 报送稿's 版记."""
    out = tmp_path / "usb"
    out.mkdir()
    code = ("import sys\nfrom fzdesk.cli import main\n"
            f"assert main(['--data', {str(data)!r}, 'export', '--out', {str(out)!r}]) == 0\n"
            "print(','.join(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'fzdesk.typeset'))))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert (out / f"{NAME}.docx").exists()
    assert result.stdout.splitlines()[-1] == ""


def test_missing_folder_fails_and_leaves_the_store_unchanged(data: Path, tmp_path: Path, capsys: Any) -> None:
    before = store_state(data)
    assert main(["--data", str(data), "export", "--out", str(tmp_path / "gone")]) == 2
    assert "找不到目标文件夹" in capsys.readouterr().err
    assert store_state(data) == before


def test_existing_file_needs_a_choice(data: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    (out / f"{NAME}.docx").write_bytes(b"old")
    assert main(["--data", str(data), "export", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--overwrite" in err and f"{NAME}(2).docx" in err
    assert (out / f"{NAME}.docx").read_bytes() == b"old"
    assert main(["--data", str(data), "export", "--out", str(out), "--new-name"]) == 0
    assert (out / f"{NAME}(2).docx").exists()
    assert main(["--data", str(data), "export", "--out", str(out), "--overwrite"]) == 0
    assert (out / f"{NAME}.docx").read_bytes().startswith(b"PK")


def test_unknown_unit(data: Path, tmp_path: Path, capsys: Any) -> None:
    assert main(["--data", str(data), "export", "--unit", "没有", "--out", str(tmp_path)]) == 2
    assert "找不到单位" in capsys.readouterr().err


def test_full_stick_fails_cleanly(data: Path, tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from fzdesk.export import handoff

    def full(fd: int, payload: bytes) -> None:
        os.write(fd, payload[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(handoff, "_write_all", full)
    out = tmp_path / "usb"
    out.mkdir()
    before = store_state(data)
    assert main(["--data", str(data), "export", "--out", str(out)]) == 2
    assert "空间不足" in capsys.readouterr().err
    assert list(out.iterdir()) == []
    assert store_state(data) == before


def test_export_lists_the_dismissed_findings_with_their_reasons_and_warns_of_errors_left(
        data: Path, tmp_path: Path, capsys: Any) -> None:
    with Store.open(data) as store:
        rid = store.reports()[0].id
        store.set_figure(rid, FigureValue("A.upheld", FigureState.NUMBER, Decimal(70)))  # 70 of 63 closed: error
        store.set_figure(rid, FigureValue("A.accepted", FigureState.NUMBER, Decimal(88),
                                          last_state=FigureState.NUMBER, last_value=Decimal(427),
                                          explanation="复议渠道前移，案件减少"))
        item = store.load_report(rid).section(Block.MEASURES).items[0]  # type: ignore[union-attr]
        store.update_item(item.id, paragraphs=[*item.paragraphs, "我办认真做好法制政府建设工作。"])  # type: ignore[arg-type]
        store.update_report(rid, dismissals=[Dismissal(f"wording.fazhi|measures|item{item.id}/p1|法制政府",
                                                       "引用文件原标题")])
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == str(out / f"{NAME}.docx")
    at = lines.index("已忽略的问题 1 条（理由随报告数据一并导出）：")
    assert lines[at + 1].startswith("  · 【警告】“法制政府”应写作“法治政府”")
    assert lines[at + 1].endswith("（二、主要举措和成效 · 第1项 · 第2段）")  # as the step list names it
    assert lines[at + 2] == "    理由：引用文件原标题"
    assert lines[-1].startswith("已写入并读回核对无误")
    assert "还有1个错误没有处理" in captured.err
    texts = [p.text for p in paragraphs((out / f"{NAME}.docx").read_bytes())]
    assert "需要说明的是：行政复议方面，受理88件，较去年减少339件，主要原因是复议渠道前移，案件减少。" in texts


def test_export_of_a_clean_report_says_nothing_was_dismissed(data: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "没有忽略的问题。" in captured.out.splitlines()
    assert captured.err == ""


def test_the_docx_and_the_json_carry_the_checklist_of_last_years_plans(data: Path, tmp_path: Path) -> None:
    from fzdesk.domain.checklist import PlanCheck, PlanStatus
    from fzdesk.storage.checklist import replace_plan_checks

    with Store.open(data) as store:
        summary = store.reports()[0]
        replace_plan_checks(store, summary.id, [PlanCheck("深化综合行政执法改革", status=PlanStatus.PARTIAL)])
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--out", str(out), "--json"]) == 0
    carried = read_embedded(out / f"{NAME}.docx")
    assert carried is not None
    for text in (carried.json_text, (out / f"{NAME}.json").read_text(encoding="utf-8")):
        checks = json.loads(text)["plan_checks"]
        assert [(c["plan"], c["status"]) for c in checks] == [("深化综合行政执法改革", "partial")]

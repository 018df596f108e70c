"""抄送 and 联系人 read from the file's 版记 / 附注: they filled a new unit's fields only. A stored unit whose fields
are empty gets them too (never over what the clerk set), and the preview says what will be filled."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.domain.model import Unit
from fzdesk.exchange.apply import apply_import, assess, new_store_situation
from fzdesk.exchange.importer import ImportPreview, open_import
from fzdesk.storage.store import Store
from tests.exchange import samples

ORGAN = "沈丘县人民政府办公室"
CC = "县委依法治县办，县司法局"
CONTACT = "李四 0394-5123456"


def colophon_file(tmp_path: Path) -> Path:
    """The county report with a 联系人 note and a 抄送 line after its date."""
    path = tmp_path / "county-colophon.txt"
    path.write_text(samples.county_text().rstrip() + "\n（联系人：李四，联系电话：0394-5123456）\n"
                    f"抄送：{CC}。\n", encoding="utf-8")
    return path


def _preview(tmp_path: Path) -> ImportPreview:
    preview = open_import(colophon_file(tmp_path))
    assert (preview.unit.cc, preview.unit.contact) == (CC, CONTACT)
    return preview


def _stored(store: Store, cc: str = "", contact: str = "", name: str = ORGAN) -> Unit:
    unit = Unit(name=name, organs=[name], cc=cc, contact=contact)
    store.save_unit(unit)
    return unit


def test_an_existing_unit_with_empty_fields_gets_them(store: Store, tmp_path: Path) -> None:
    unit = _stored(store)
    preview = _preview(tmp_path)
    situation = assess(store, preview)
    assert situation.unit is not None and situation.unit.id == unit.id
    assert situation.notes == [
        f"将把文件末尾的常用抄送“{CC}”、联系人“{CONTACT}”填入“{ORGAN}”的单位信息（这些栏目原来空着）。"]
    apply_import(store, preview)
    [got] = store.units()
    assert (got.cc, got.contact) == (CC, CONTACT)


def test_what_the_clerk_set_is_never_overwritten(store: Store, tmp_path: Path) -> None:
    _stored(store, cc="市司法局")
    preview = _preview(tmp_path)
    situation = assess(store, preview)
    assert situation.notes == [
        f"将把文件末尾的联系人“{CONTACT}”填入“{ORGAN}”的单位信息（这些栏目原来空着）。",
        f"“{ORGAN}”的单位信息中已填写的常用抄送（文件中为“{CC}”）保持不变。"]
    apply_import(store, preview)
    [got] = store.units()
    assert (got.cc, got.contact) == ("市司法局", CONTACT)


def test_a_unit_with_both_set_is_left_as_it_is(store: Store, tmp_path: Path) -> None:
    _stored(store, cc=CC, contact="王五 0394-1111111")
    situation = assess(store, _preview(tmp_path))
    assert not situation.fills and situation.notes == [
        f"“{ORGAN}”的单位信息中已填写的联系人（文件中为“{CONTACT}”）保持不变。"]
    before = list(store.conn.iterdump())
    apply_import(store, _preview(tmp_path))
    [got] = store.units()
    assert (got.cc, got.contact) == (CC, "王五 0394-1111111")
    assert [x for x in store.conn.iterdump() if x.startswith('INSERT INTO "units"')] == [
        x for x in before if x.startswith('INSERT INTO "units"')]


def test_another_units_file_fills_nothing(store: Store, tmp_path: Path) -> None:
    """Imported under another unit (confirmed), the file's 抄送 is not that unit's."""
    mine = _stored(store, name="槐店回族镇人民政府")
    preview = _preview(tmp_path)
    situation = assess(store, preview, mine)
    assert situation.other_unit and not situation.fills and not situation.notes
    apply_import(store, preview, unit=mine, other_unit_confirmed=True)
    [got] = store.units()
    assert (got.cc, got.contact) == ("", "")


def test_a_new_unit_takes_them_and_says_so(store: Store, tmp_path: Path) -> None:
    preview = _preview(tmp_path)
    assert assess(store, preview).notes == new_store_situation(preview).notes == [
        f"新建单位的常用抄送“{CC}”、联系人“{CONTACT}”取自文件末尾。"]
    assert any("填入单位信息中空着的栏目" in w for w in preview.warnings)
    apply_import(store, preview)
    [got] = store.units()
    assert (got.cc, got.contact) == (CC, CONTACT)


def test_fzdesk_import_says_what_it_fills(store: Store, tmp_path: Path, data_dir: Path,
                                          capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _stored(store, contact="王五 0394-1111111")
    store.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--data", str(data_dir), "import", str(colophon_file(tmp_path)), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"将把文件末尾的常用抄送“{CC}”填入“{ORGAN}”的单位信息（这些栏目原来空着）。" in out
    assert "已填写的联系人（文件中为" in out
    with Store.open(data_dir) as again:
        [got] = again.units()
        assert (got.cc, got.contact) == (CC, "王五 0394-1111111")

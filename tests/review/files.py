"""Received files for the review tests: fzdesk exports of several units, a hand-written Word report, bad files."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from fzdesk.checks.findings import Category, CheckResult, Finding, Location, Severity
from fzdesk.domain.model import Approx, FigureState, FigureValue, UnitType
from fzdesk.export.docx_writer import export_docx
from tests import factories
from tests.exchange import samples


def exported(folder: Path, file_name: str, unit_name: str, year: int = 2023, *, accepted: int = 88,
             fines: str | None = None, approx_reviews: bool = True, last_year: bool = False,
             date: dt.date | None = None, modified: dt.datetime | None = None) -> Path:
    """The program's own export of a filled report of unit_name (受理 accepted, 审结 63, 合格率 100.0, ...), dated
    date (成文日期; else 12-15 of its year), the file's modification time set to modified when given."""
    unit = factories.unit(unit_name, UnitType.TOWNSHIP)
    unit.short_name = unit_name[:4]
    report = factories.report(unit, year)
    report.organs = [unit_name]
    if date is not None:
        report.date = date
    report.figures["A.accepted"] = FigureValue("A.accepted", FigureState.NUMBER, Decimal(accepted))
    report.figures["E.documents_reviewed"] = (
        FigureValue("E.documents_reviewed", FigureState.APPROX, Decimal(100), approx=Approx.NEAR) if approx_reviews
        else FigureValue("E.documents_reviewed", FigureState.NUMBER, Decimal(40)))
    if fines is not None:
        report.figures["I.fines"] = FigureValue("I.fines", FigureState.NUMBER, Decimal(fines))
    if last_year:  # the sheet's 上年 column, as a carried report holds it: 上年结转 must then equal last year's 未审结
        report.figures["A.open"] = FigureValue("A.open", FigureState.NUMBER, Decimal(25), last_state=FigureState.NUMBER,
                                               last_value=Decimal(10))
        report.figures["A.carried_in"] = FigureValue("A.carried_in", FigureState.NUMBER, Decimal(12))
    path = folder / file_name
    path.write_bytes(export_docx(report, unit).data)
    if modified is not None:
        os.utime(path, (modified.timestamp(), modified.timestamp()))
    return path


def hand_written(folder: Path, file_name: str = "沈丘县政府办.docx") -> Path:
    """The county office's 2023 report typed into Word (python-docx), without any data of the program."""
    return samples.write_docx(folder / file_name, samples.lines(samples.county_text()))


def corrupt(folder: Path, file_name: str = "坏的.docx") -> Path:
    """An export cut short, as a stick pulled while copying leaves it."""
    source = exported(folder, ".whole.docx", "临时单位")
    path = folder / file_name
    path.write_bytes(source.read_bytes()[:4000])
    source.unlink()
    return path


def not_docx(folder: Path, file_name: str = "照片.docx") -> Path:
    path = folder / file_name
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"JFIF" * 500)  # a JPEG renamed .docx
    return path


def encrypted(folder: Path, file_name: str = "加密.docx") -> Path:
    """What Word writes for a .docx with an opening password: an OLE file with an EncryptedPackage stream."""
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64
                         for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    path = folder / file_name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096 + directory + b"\0" * 4096)
    return path


def graded_findings(monkeypatch: pytest.MonkeyPatch, unit_name: str, errors: int = 1, warnings: int = 2,
                    infos: int = 3) -> None:
    """The checks of unit_name's report find `errors` 错误, `warnings` 警告 and `infos` 提示 (and one 警告 the unit
    dismissed, which is not counted); the other files are checked as usual."""
    from fzdesk.review import reading

    real = reading.check_report

    def check(report: Any, unit: Any, *args: Any) -> CheckResult:
        if unit is None or unit.name.strip() != unit_name:
            return real(report, unit, *args)
        graded = [(Severity.ERROR, errors), (Severity.WARNING, warnings), (Severity.INFO, infos)]
        found = [Finding(f"test.{severity.value}", Category.WORDING, severity, f"{severity.label}{n + 1}",
                         Location("figures", figure="A.accepted"), excerpt=f"{severity.value}{n}")
                 for severity, count in graded for n in range(count)]
        found.append(Finding("test.dismissed", Category.WORDING, Severity.WARNING, "已忽略的警告",
                             Location("figures", figure="A.accepted"), dismissed=True, reason="无误"))
        return CheckResult(found)

    monkeypatch.setattr(reading, "check_report", check)


def old_word(folder: Path, file_name: str = "县住建局.doc") -> Path:
    """A .doc or .wps (an OLE file) where a .docx was asked for."""
    path = folder / file_name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return path


#: The townships of townships_stick, each a folder holding its report under the official title (the first four with
#: 错误: 受理 50 below 审结 63; 白集镇's of 2022).
TOWNSHIPS = ("付井镇", "范营乡", "冯营乡", "刘庄店镇", "老城镇", "槐店回族镇", "北城办事处", "纸店镇", "新安集镇",
             "白集镇", "周营镇")
TITLE = "{}人民政府关于2023年度法治政府建设情况的报告.docx"


def townships_stick(folder: Path) -> Path:
    """A county office's stick of 24 files (docs/screenshots/review-townships.png): county departments' files at the
    top, five of them unreadable (.doc, .wps, a password, an empty file, a meeting notice), a hand-written report and
    a joint one; a folder per township with its report under the official title; 王集乡's report and its 修改稿 a
    week later, 石桥镇's two copies that cannot be told apart."""
    folder.mkdir(parents=True)
    old_word(folder, "县住建局.doc")
    old_word(folder, "县农业农村局.wps")
    encrypted(folder, "县审计局（有密码）.docx")
    (folder / "县文广旅局.docx").write_bytes(b"")
    samples.write_docx(folder / "县水利局会议通知.docx",
                       ["关于召开防汛工作会议的通知", "各乡镇：", "定于下周一召开防汛会议。"])
    hand_written(folder, "县政府办.docx")
    exported(folder, "县公安局.docx", "沈丘县公安局")
    exported(folder, "县司法局.docx", "沈丘县司法局", last_year=True)
    exported(folder, "开发区.docx", "中共沈丘经济开发区工作委员会 沈丘经济开发区管理委员会")
    for n, town in enumerate(TOWNSHIPS):
        (folder / town).mkdir()
        exported(folder / town, TITLE.format(town), f"{town}人民政府", 2022 if town == "白集镇" else 2023,
                 accepted=50 if n < 4 else 88)
    noon = dt.datetime(2024, 1, 10, 12, 0)
    (folder / "王集乡").mkdir()
    exported(folder / "王集乡", "王集乡报告.docx", "王集乡人民政府", modified=noon)
    exported(folder / "王集乡", "王集乡报告（修改稿）.docx", "王集乡人民政府", modified=noon + dt.timedelta(days=7))
    (folder / "石桥镇").mkdir()
    exported(folder / "石桥镇", "报告.docx", "石桥镇人民政府", modified=noon)
    exported(folder / "石桥镇", "报告（另一份）.docx", "石桥镇人民政府", modified=noon)
    return folder

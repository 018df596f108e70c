"""Plain .txt in the encodings a clerk's PC writes; another encoding read as garbage is refused with a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzdesk.exchange.importer import open_import
from fzdesk.exchange.package import UnreadableFile
from fzdesk.exchange.source import common_han, decode_text, plausible_chinese

REPORT = """某某镇人民政府关于2023年度法治政府建设情况的报告
某某县人民政府：
2023年，我镇在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：
一、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人认真履职，全年召开专题会议4次。
二、法治政府建设的主要举措和成效
全年共办理行政复议案件12件，行政应诉案件5件。
三、存在的不足和原因
执法力量薄弱。
四、下一年度法治政府建设的初步安排
加强学习培训。
特此报告。
某某镇人民政府
2024年1月10日
"""
#: The same report as a traditional-Chinese (Big5) system writes it.
TRADITIONAL = """某某鎮人民政府關於2023年度法治政府建設情況的報告
某某縣人民政府：
2023年，我鎮在縣委、縣政府的堅強領導下，紮實推進法治政府建設。現將有關情況報告如下：
一、黨政主要負責人履行推進法治建設第一責任人職責情況
主要負責人認真履職，全年召開專題會議4次。
特此報告。
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_the_encodings_windows_writes_import(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode(encoding))
    preview = open_import(path)
    assert (preview.report.year, preview.report.recipient) == (2023, "某某县人民政府")
    assert {c.code: c.value for c in preview.figures} == {"A.accepted": 12, "B.new": 5}


def test_gb18030_with_rare_characters_still_imports(tmp_path: Path) -> None:
    """A few rare characters (a name with 𠮷 or 䶵) among ordinary ones are no sign of a wrong encoding."""
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT.replace("主要负责人认真履职", "主要负责人𠮷某、䶵某认真履职").encode("gb18030"))
    assert "𠮷某" in open_import(path).report.sections[1].items[0].paragraphs[0]


@pytest.mark.parametrize(("text", "encoding"), [
    (TRADITIONAL, "big5"), (REPORT, "utf-16-le"), (REPORT, "utf-16-be"), (REPORT, "shift_jis")])
def test_another_encoding_is_refused_with_a_message(tmp_path: Path, text: str, encoding: str) -> None:
    """A Big5 file read as GB18030 imported as garbage without a word."""
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(encoding, errors="ignore"))
    with pytest.raises(UnreadableFile) as info:
        open_import(path)
    message = str(info.value)
    assert "编码" in message and "UTF-8" in message and ".docx" in message


def test_undecodable_bytes_say_what_to_do() -> None:
    with pytest.raises(UnreadableFile) as info:
        decode_text("法治政府".encode("gb18030") + b"\x81\x20" * 20)
    assert "UTF-8" in str(info.value) and ".docx" in str(info.value)


def test_the_common_set_and_the_judgement() -> None:
    common = common_han()
    assert len(common) == 3755 and {"的", "法", "治", "镇", "报"} <= common and "鎮" not in common
    assert plausible_chinese("短")  # too few characters to judge
    assert plausible_chinese("ASCII only text, 2023, GB/T 9704")
    assert plausible_chinese(REPORT)
    assert not plausible_chinese(TRADITIONAL.encode("big5").decode("gb18030", errors="replace"))

"""Bad input: each refused with a clear Chinese message, quickly, within bounded memory, store untouched."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest

from fzdesk.exchange import report_json
from fzdesk.exchange.embedded import read_embedded
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.package import MAX_PART_BYTES, UnreadableFile
from fzdesk.exchange.report_json import NewerFormatError, ReportDataError
from tests import factories


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("关于2023年度法治政府建设情况的报告")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _refused(path: Path, message: str) -> str:
    start = time.perf_counter()
    with pytest.raises((UnreadableFile, ReportDataError)) as info:
        open_import(path)
    # A hang guard, not a speed target: an unbounded read of a bomb would take minutes and gigabytes.
    assert time.perf_counter() - start < 30
    assert message in str(info.value)
    return str(info.value)


@pytest.mark.parametrize("name", ["empty.docx", "empty.txt"])
def test_an_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    _refused(path, "空")


def test_an_empty_json(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    _refused(path, "空")


def test_a_txt_with_only_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n  \n\u3000\n", encoding="utf-8")
    _refused(path, "没有文字")


def test_a_truncated_docx(tmp_path: Path) -> None:
    data = _docx_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "不是 Word 文档（.docx），或者已经损坏、不完整")


def test_a_corrupt_zip_member(tmp_path: Path) -> None:
    data = bytearray(_docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 5, start + info.compress_size - 5):
        data[i] ^= 0x5A
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    _refused(path, "已经损坏")


@pytest.mark.parametrize("content", [b"PK\x03\x04 this is not really a zip", b"hello, world\n" * 50])
def test_not_a_docx_at_all(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(content)
    _refused(path, "不是 Word 文档")


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "x")
    _refused(path, "不是 Word 文档")


@pytest.mark.parametrize(("suffix", "said"), [(".doc", "旧版 Word"), (".wps", "WPS"), (".pdf", "PDF")])
def test_doc_wps_pdf_are_to_be_saved_as_docx(tmp_path: Path, suffix: str, said: str) -> None:
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    message = _refused(path, said)
    assert "另存为" in message and ".docx" in message


def test_an_old_doc_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    _refused(path, "另存为 .docx")


def test_a_password_protected_docx_says_so(tmp_path: Path) -> None:
    """Word saves a .docx with an opening password as an OLE file holding EncryptionInfo and EncryptedPackage
    streams: it starts like an old .doc, but "save it as .docx" would not help; the password must go."""
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64
                         for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    path = tmp_path / "加密.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2_000_000 + directory + b"\0" * 4096)
    message = _refused(path, "密码")
    assert "旧版" not in message and "删除密码" in message


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    original = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in original.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info, original.read(info))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:  # 200 MB of zeros, about 200 KB packed
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):
                fh.write(chunk)
    assert path.stat().st_size < 1024 * 1024
    _refused(path, "压缩炸弹")


def test_a_highly_compressed_member_under_the_size_limit_is_refused_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "ratio.docx"
    original = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b" " * (MAX_PART_BYTES // 2) + b"</w:body>")
            z.writestr(info.filename, data)
    _refused(path, "压缩炸弹")


def test_a_member_that_lies_about_its_size(tmp_path: Path) -> None:
    data = bytearray(_docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    # shrink the declared size in the central directory: reading must stop there, and the CRC then fails
    central = bytes(data).rfind(b"PK\x01\x02", 0, len(data))
    while central >= 0:
        name_len = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + name_len] == b"word/document.xml":
            data[central + 24:central + 28] = (10).to_bytes(4, "little")
            break
        central = bytes(data).rfind(b"PK\x01\x02", 0, central)
    assert info.file_size > 10
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    _refused(path, "损坏")


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    for name in ("huge.docx", "huge.txt"):
        path = tmp_path / name
        with path.open("wb") as fh:  # sparse: takes no disk space
            fh.truncate(300 * 1024 * 1024)
        _refused(path, "太大")


_XXE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")


def _with_document(path: Path, document_xml: bytes) -> Path:
    original = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in original.infolist():
            data = document_xml if info.filename == "word/document.xml" else original.read(info)
            z.writestr(info.filename, data)
    return path


def test_external_entities_are_refused_never_resolved(tmp_path: Path) -> None:
    path = _with_document(tmp_path / "xxe.docx", _XXE)
    message = _refused(path, "外部实体")
    assert "root:" not in message


def test_an_embedded_part_with_a_doctype_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe-part.docx"
    document = docx.Document()
    document.add_paragraph("正文")
    document.save(str(path))
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("customXml/item9.xml", _XXE.replace(b"w:document", b"fz:report"))
    with pytest.raises(UnreadableFile, match="外部实体"):
        read_embedded(path)


def test_a_billion_laughs_is_refused(tmp_path: Path) -> None:
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
           b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>")
    _refused(_with_document(tmp_path / "lol.docx", lol), "DOCTYPE")


def test_a_utf16_part_is_refused(tmp_path: Path) -> None:
    _refused(_with_document(tmp_path / "u16.docx", _XXE.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
                            .encode("utf-16")), "不安全")


def test_a_data_file_from_a_newer_version(tmp_path: Path) -> None:
    u = factories.unit()
    data = report_json.to_data(factories.report(u), u)
    data["version"] = report_json.VERSION + 1
    path = tmp_path / "new.json"
    import json

    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(NewerFormatError) as info:
        open_import(path)
    assert "升级" in str(info.value)


def test_an_unknown_file_type(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"PK\x03\x04")
    _refused(path, "不支持")


def test_a_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path / "nope.docx", "找不到文件")


def _with_part_version(tmp_path: Path, version: str) -> Path:
    """The real exporter's .docx with the custom XML part's <fz:report version="..."> changed (JSON untouched)."""
    from fzdesk import resources
    from fzdesk.export.docx_writer import export_docx

    u = factories.unit()
    data = export_docx(factories.report(u), u, catalogue=resources.catalogue()).data
    path = tmp_path / f"v{version}.docx"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "customXml/item1.xml":
                assert b'format="fzdesk-report" version="1"' in part
                part = part.replace(b'format="fzdesk-report" version="1"',
                                    f'format="fzdesk-report" version="{version}"'.encode())
            target.writestr(name, part)
    return path


def test_a_docx_whose_data_part_is_a_newer_version(tmp_path: Path) -> None:
    """Only the JSON's own version was checked: <fz:report version="7"> with a version-1 JSON imported."""
    with pytest.raises(NewerFormatError) as info:
        open_import(_with_part_version(tmp_path, "7"))
    message = str(info.value)
    assert info.value.found == 7
    assert message.startswith("这个报告数据文件是第7版格式（由 fzdesk ") and "本程序只能读取到第1版" in message
    assert message.endswith("请先把 fzdesk 升级到新版本再导入。数据中没有任何改动。")
    assert read_embedded(_with_part_version(tmp_path, "1")) is not None  # the current version still reads


def test_a_docx_whose_data_part_version_is_not_a_number(tmp_path: Path) -> None:
    _refused(_with_part_version(tmp_path, "x2"), "版本号“x2”无效")


@pytest.mark.parametrize("lines", [
    ["会议纪要", "时间：2024年3月5日", "地点：三楼会议室", "会议讨论了办公楼维修事项。", "一、维修预算",
     "预算共计5万元。", "二、施工时间", "定于4月开工。"],
    ["Quarterly sales report", "Revenue grew 5%."],
])
def test_an_unrelated_document_is_refused(tmp_path: Path, lines: list[str]) -> None:
    """A 会议纪要 picked by mistake came in as a report with no year, all its text in 开头: nothing in it is a
    report's (no title, no heading of the five parts, no 法治 at all)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "纪要.docx"
    document.save(str(path))
    message = _refused(path, "不像是法治政府建设情况报告")
    assert "请确认" in message


def test_a_report_without_its_title_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "no-title.txt"
    path.write_text("2023年，我镇扎实推进法治政府建设。\n特此报告。\n", encoding="utf-8")
    assert open_import(path).report.year == 0

"""Whatever the input, the importer answers with a preview or a Chinese refusal, never a crash, and in time."""

from __future__ import annotations

import contextlib
import io
import tempfile
import time
import zipfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fzdesk.exchange.importer import IMPORT_ERRORS, MAX_TEXT_CHARS, open_import
from fzdesk.exchange.recognise import recognise
from fzdesk.exchange.source import SourceParagraph
from tests.exchange import samples

_PIECES = samples.lines(samples.county_text()) + samples.lines(samples.JOINT) + [
    "一、", "（一）", "一是", "二是", "特此报告。", "附件：", "：", "二〇二三年十二月", "关于报告", "",
    "中共 某某 委员会", "2023年13月40日", "三、存在的问题。", "（二）。", "一是；二是；三是"]
paragraph = st.one_of(st.sampled_from(_PIECES), st.text(max_size=80),
                      st.builds(lambda a, b: a + b, st.sampled_from(_PIECES), st.text(max_size=20)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.builds(SourceParagraph, paragraph, st.sampled_from(["", "一、", "（一）"]),
                          st.sampled_from([None, 0, 1]), st.booleans()), max_size=40))
def test_recognise_never_crashes(paragraphs: list[SourceParagraph]) -> None:
    try:
        rec = recognise(paragraphs)
    except IMPORT_ERRORS:
        return
    blocks = [s.block for s in rec.report.sections]
    assert blocks[0].value == "opening" and blocks[-1].value == "closing"
    assert len(set(blocks)) == len(blocks)  # each block once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".docx", ".txt", ".json"]))
def test_any_bytes_give_a_preview_or_a_refusal(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(data)
        with contextlib.suppress(IMPORT_ERRORS):
            open_import(path)


def _sample_docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    for line in samples.lines(samples.county_text()):
        document.add_paragraph(line)
    document.save(buffer)
    return buffer.getvalue()


_DOCX = _sample_docx()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_DOCX)), flips=st.lists(st.tuples(st.integers(0, len(_DOCX) - 1),
                                                               st.integers(1, 255)), max_size=5))
def test_damaged_docx_files_give_a_preview_or_a_refusal(cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(_DOCX)
    for at, mask in flips:
        data[at] ^= mask
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.docx"
        path.write_bytes(bytes(data[:cut] if cut < len(data) // 2 else data))
        with contextlib.suppress(IMPORT_ERRORS):
            open_import(path)


def test_a_very_long_text_is_read_in_bounded_time(tmp_path: Path) -> None:
    lines = samples.lines(samples.county_text())
    plans = "\n".join(lines[-5:-2])  # the plans' three 一是 paragraphs, repeated before 特此报告

    def write(times: int) -> None:
        path.write_text("\n".join([*lines[:-2], *[plans] * times, *lines[-2:]]), encoding="utf-8")

    path = tmp_path / "long.txt"
    write(MAX_TEXT_CHARS // len(plans) - 10)
    start = time.perf_counter()
    preview = open_import(path)
    assert time.perf_counter() - start < 20
    assert preview.report.year == 2023
    assert sum(len(p) for i in preview.report.sections[4].items for p in i.paragraphs) > MAX_TEXT_CHARS // 2
    write(MAX_TEXT_CHARS // len(plans) + 10)
    try:
        open_import(path)
    except IMPORT_ERRORS as exc:
        assert "太多" in str(exc)
    else:
        raise AssertionError("a text over the limit was read")


def test_a_docx_with_only_a_table(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)  # (a one-cell table is a frame: its text is the body)
    table.cell(0, 0).text, table.cell(0, 1).text = "受理", "88件"
    path = tmp_path / "table.docx"
    document.save(str(path))
    try:
        open_import(path)
    except IMPORT_ERRORS as exc:
        assert "没有文字" in str(exc)
    else:
        raise AssertionError("expected a refusal")


def test_a_zip_with_many_members(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for n in range(6000):
            z.writestr(f"x/{n}", "")
    try:
        open_import(path)
    except IMPORT_ERRORS as exc:
        assert "太大" in str(exc)
    else:
        raise AssertionError("expected a refusal")

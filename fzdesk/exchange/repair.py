"""Repairs of text damaged by copying from a PDF: spaces between Chinese characters, broken paragraphs."""

from __future__ import annotations

import itertools
import re

#: Han characters (BMP and the astral extensions) and CJK / full-width punctuation.
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014"
_CJK = f"[{HAN}{CJK_PUNCT}]"
_SPACE = r"[ \t\u00a0\u2002-\u200b\u3000]+"
#: A space with a Chinese character or punctuation on one side and a Chinese character or a digit on the other.
_INNER_SPACE = re.compile(f"(?<={_CJK}){_SPACE}(?=[{HAN}{CJK_PUNCT}0-9])|(?<=[0-9]){_SPACE}(?={_CJK})")

#: How the name of an organ ends (a title's organs, 主送 and 署名 lines).
ORGAN_END = ("政府", "委员会", "党委", "党工委", "管委会", "办公室", "办事处", "局", "委", "办", "院", "中心", "站",
             "所", "厅", "部", "署", "会", "街道", "镇", "乡", "区", "县", "市")
#: What a complete paragraph may end with.
SENTENCE_END = "。！？；：…”’）)」』】!?;:"
#: A numbering marker at the start of a paragraph: 一、 （一） 一是 1. （1） 1） ① ⑴ ⒈.
MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．是]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?:(?!\d)|(?=\d{4}\s*年))|\d{1,2}[.．]\d{1,2}(?![\d.．万亿千百%％元件个人次份场项余多])|[①-⒛]|\d{1,2}[）)])")


#: Half-width , ; : ? ! typed beside Chinese (WPS with the input method in English punctuation), spaces around it.
_HALF_PUNCT = re.compile(rf"(?<=[{HAN}])(?:{_SPACE})?([,;:?!])|(?:{_SPACE})?([,;:?!])(?=(?:{_SPACE})?[{HAN}])")
_FULL_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
#: Half-width brackets around Chinese: "(一)", "执法(含联合检查)"; never "(1)" or "(WPS)".
_HALF_BRACKETS = re.compile(rf"\(([^()]*[{HAN}][^()]*)\)")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_POINT = re.compile(r"(?<=\d)．(?=\d)")  # "９８．５" -> "98.5"
_TYPED = re.compile(r"[,;:?!(０-９]")


def fix_typing(text: str) -> str:
    """What a report typed in WPS with odd settings shows, mended: full-width digits ("２０２３年" -> "2023年",
    "９８．５" -> "98.5", as GB/T 9704 writes numbers) and half-width punctuation beside Chinese ("职责 , 全年" ->
    "职责，全年", "(一)" -> "（一）"). Latin text keeps its own punctuation ("Word, WPS", "(1)", "9:00")."""
    if not _TYPED.search(text):  # most lines: nothing to mend
        return text
    text = _FULL_POINT.sub(".", text.translate(_FULL_DIGITS))
    text = _HALF_PUNCT.sub(lambda m: _FULL_PUNCT[m.group(1) or m.group(2)], text)
    return _HALF_BRACKETS.sub(lambda m: f"（{m.group(1)}）", text)


def fix_spaces(text: str) -> str:
    """Removes spaces inside Chinese text ("法 治 政 府" -> "法治政府"); leaves spaces between Latin words. The
    typing of full-width digits and half-width punctuation beside Chinese is mended first (fix_typing)."""
    return _INNER_SPACE.sub("", fix_typing(text.strip(" \t\u00a0\u3000\ufeff")))


def _ends_mid_sentence(text: str) -> bool:
    return text[-1] in "，、,"


def _heading_like(text: str) -> bool:
    return bool(MARKER.match(text)) and "。" not in text and len(text) <= 50


def _title_end(text: str) -> bool:
    """A line ending in 报告 that is no sentence part (no comma or stop in it): a title, never run on."""
    return text.endswith("报告") and not any(p in text for p in "，。；：,;:")


def _addressee(text: str) -> bool:
    """A short line ending in "：" that names organs ("某某县人民政府：", "县委依法治县办、县司法局："): a 主送
    line, never the end of the line before. ("……以下几个方面的" / "工作：" still joins: 工作 is not an organ.)"""
    if not text.endswith(("：", ":")) or len(text) > 40 or any(p in text for p in "。，；,;"):
        return False
    return all(name.endswith(ORGAN_END) for name in re.split("[、，,]", text[:-1].strip()) if name)


def line_width(paragraphs: list[str]) -> int | None:
    """The width of the PDF's lines, when the text shows it: the commonest length of the lines that end
    mid-sentence (no final punctuation, not a numbered heading) and run on into the next (3 of them at least).
    """
    lengths: dict[int, int] = {}
    for prev, text in itertools.pairwise(paragraphs):
        if (prev and text and prev[-1] not in SENTENCE_END and not _heading_like(prev)
                and not MARKER.match(text)):
            lengths[len(prev)] = lengths.get(len(prev), 0) + 1
    if not lengths:
        return None
    width, count = max(lengths.items(), key=lambda kv: (kv[1], kv[0]))
    return width if count >= 3 else None


def join_broken(paragraphs: list[str], min_line: int = 20, width: int | None = None) -> tuple[list[str], int]:
    """Joins paragraphs broken mid-sentence; returns the paragraphs and how many joins were made.

    Joined only when unambiguous: the first part ends with a comma (a heading never does), or it is a full
    line (min_line characters or more) ending with a character rather than punctuation and is not a
    numbered heading, or it looks like a numbered heading but is exactly as long as the PDF's other broken
    lines (width); and the second part does not start with a numbering marker. Never after a title (a line
    ending in 报告 without punctuation) nor before a 主送 line (short, ending in "：", naming organs).
    """
    out: list[str] = []
    joins = 0
    for text in paragraphs:
        if out and text and out[-1]:
            prev = out[-1]
            continuing = text[0] in "，。、；：！？）”,.;:!?)"
            # a full line, give or take the indent, or the width plus an automatic number ("（十二）")
            full_line = width is not None and width - 2 <= len(prev) <= width + 4
            broken = _ends_mid_sentence(prev) or (
                len(prev) >= min_line and prev[-1] not in SENTENCE_END and (full_line or not _heading_like(prev)))
            if (continuing or broken) and not MARKER.match(text) and not _title_end(prev) and not _addressee(text):
                out[-1] = prev + text
                joins += 1
                continue
        out.append(text)
    return out, joins

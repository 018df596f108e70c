"""The end of a hand-written report: 特此报告, 署名 and 成文日期; the 附注, 版记, 附件 pages and 盖章 after them."""

from __future__ import annotations

import datetime as dt
import re

from fzdesk.exchange.dates import parse_date
from fzdesk.exchange.organs import looks_like_organ
from fzdesk.exchange.repair import fix_spaces
from fzdesk.exchange.source_lines import SourceLines, Unplaced

CLOSING = re.compile(r"^(特此报告|专此报告|以上报告|特此报送)")
#: The closing written at the end of the last paragraph, after its final sentence.
INLINE_CLOSING = re.compile(r"(?<=[。！？；”])\s*((?:特此报告|专此报告|特此报送)[。！.!]?)\s*$")


def tail_lines(r: SourceLines, closing_at: int | None, tail_start: int) -> list[str]:
    """The lines after the closing line, with the cells of a table there that holds only organs and dates (a
    borderless table clerks use to place the 署名 and 成文日期), which are then no longer unplaced."""
    cells: dict[int, list[str]] = {}
    for at, row, entry in r.table_rows:
        if closing_at is not None and closing_at < at <= len(r.lines) and all(
                parse_date(c) or looks_like_organ(c) or signed_date(c) for c in row):
            cells.setdefault(at, []).extend(row)
            r.unplaced.remove(entry)
    out: list[str] = []
    for i in range(tail_start, len(r.lines) + 1):
        out += cells.get(i, [])
        out += r.lines[i:i + 1]
    return out


_NOTE = re.compile(r"^[（(](此件|此页|本件|联系人|联系电话)[^）)]*[）)]$")
_COPY_TO = re.compile(r"^(抄送|抄报|分送)[：:]\s*(.+?)[。.]?$")
_PRINTED = re.compile(r"(\d{4}|[〇零○ＯOo一二三四五六七八九]{4})年.{1,6}月.{1,4}日印发$")
_CONTACT = re.compile(r"^[（(]联系人[：:]\s*([^，,；;）)]+)[，,；;\s]*(?:联系)?电话[：:]\s*([\d\-－ ]+)[）)]$")


def strip_colophon(r: SourceLines, pos: int) -> dict[str, str]:
    """Takes the 附注 ("（此件公开发布）", "（联系人：……）") and the 版记 (抄送, "……2024年1月16日印发") off the end
    of the lines, so the 署名 and date before them are found. 抄送 and the contact become the unit's usual ones;
    the rest is listed as unplaced with what it is."""
    found: dict[str, str] = {}
    taken: list[Unplaced] = []
    while len(r.lines) > pos + 1:
        line = fix_spaces(r.lines[-1])
        bare = re.sub(r"\s+", "", line)
        copy_to, contact = _COPY_TO.match(bare), _CONTACT.match(line)
        if copy_to:
            found["cc"] = copy_to.group(2)
        elif contact:
            found["contact"] = f"{contact.group(1).strip()} {contact.group(2).strip()}"
        elif _NOTE.match(bare):
            taken.append(Unplaced(line, "附注（导出的报告不带附注，需要时请在导出的 Word 文档中补上）"))
        elif _PRINTED.search(bare) and len(bare) <= 60:
            taken.append(Unplaced(line, "版记的印发机关和印发日期（导出报送稿时按报告信息自动生成）"))
        else:
            break
        r.lines.pop()
        r.outline.pop()
    r.unplaced += reversed(taken)
    named = [f"{n}“{found[k]}”" for k, n in (("cc", "常用抄送"), ("contact", "联系人")) if k in found]
    if named:
        r.warnings.append(f"文末的{'和'.join(named)}已读出，导入时填入单位信息中空着的栏目（不改动已填写的）。")
    return found


#: The first line of an attachment's page after the date: "附件", "附件1", "附件一：".
APPENDIX_MARK = re.compile(r"^附件[\d一二三四五六七八九十]{0,2}[：:]?$")


def strip_appendix(r: SourceLines, pos: int) -> bool:
    """Takes the attachments' pages (from a "附件" / "附件1" line standing alone within 8 lines after a date to the
    end) off the lines: they are listed as unplaced, never read as 附件 names, 署名 or text of the last block."""
    for k in range(pos + 1, len(r.lines)):
        if APPENDIX_MARK.match(re.sub(r"\s+", "", r.lines[k])) and any(
                parse_date(b) or signed_date(b) for b in r.lines[max(pos, k - 8):k]):
            r.unplaced.append(Unplaced("\n".join(fix_spaces(x) for x in r.lines[k:]),
                                       "附件的正文（不导入；其中的数字可在“数据”页填写）"))
            del r.lines[k:], r.outline[k:]
            return True
    return False


_SEAL = re.compile(r"[（(]\s*(?:盖章|印章|公章|章|签章|签字盖章)\s*[)）]$")


def strip_seal_marks(r: SourceLines, pos: int) -> None:
    """"（盖章）" beside or under the 署名 (in the last 10 lines): taken off, so the 署名 is read as one (a line
    with only the mark is listed as unplaced); without 特此报告 they were glued into the last block."""
    for i in range(len(r.lines) - 1, max(pos, len(r.lines) - 10) - 1, -1):
        line = fix_spaces(r.lines[i])
        mark = _SEAL.search(line)
        if mark and not line[:mark.start()].strip():
            r.unplaced.append(Unplaced(line, "盖章处的提示（导出的报告在署名处盖章，不需要写出）"))
            r.remove_line(i)
        elif mark and looks_like_organ(line[:mark.start()]):
            r.lines[i] = line[:mark.start()].strip()


def signed_date(line: str) -> tuple[str, dt.date] | None:
    """"沈丘县人民政府办公室    2024年1月15日": the 署名 and the 成文日期 spaced apart on one line."""
    for m in re.finditer(r"[\s\u3000]+", line):
        d = parse_date(line[m.end():])
        if d is not None and looks_like_organ(line[:m.start()]):
            return line[:m.start()], d
    return None

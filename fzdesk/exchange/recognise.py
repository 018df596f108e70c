"""Recognising a hand-written report: title, 主送, opening, the five blocks and their items, 署名 and date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from fzdesk import resources
from fzdesk.domain.model import BODY_BLOCKS, Block, Item, Numbering, Report, Section, Unit, derive_title
from fzdesk.exchange.block_items import keep_lead_in, split_items
from fzdesk.exchange.body_text import BodyText, shortened
from fzdesk.exchange.dates import doubtful_date, find_year, parse_date
from fzdesk.exchange.headings import BLOCK_NAMES, as_item_heading, choose_block, combined_parts, level1_headings
from fzdesk.exchange.markers import PART
from fzdesk.exchange.organs import guess_unit_type, looks_like_organ, split_organs
from fzdesk.exchange.package import UnreadableFile
from fzdesk.exchange.repair import MARKER, fix_spaces, line_width
from fzdesk.exchange.report_end import (
    CLOSING,
    INLINE_CLOSING,
    signed_date,
    strip_appendix,
    strip_colophon,
    strip_seal_marks,
    tail_lines,
)
from fzdesk.exchange.report_head import DOC_NUMBER, drop_repeated_organs, join_broken_title, masthead, title_like
from fzdesk.exchange.source import SourceParagraph
from fzdesk.exchange.source_lines import SourceLines, Unplaced

NOT_A_REPORT = ("这个文件不像是法治政府建设情况报告：没有“……关于……年度法治政府建设情况的报告”这样的标题，"
                "没有能对应报告各部分的“一、”“二、”标题，全文也没有提到“法治”。"
                "请确认选择的是上一年度的法治政府建设情况报告（Word 文档或文本文件）。")


@dataclass
class Recognised:
    unit: Unit
    report: Report
    unplaced: list[Unplaced] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: level-1 headings as written and the block each was mapped to
    mapping: list[tuple[str, Block]] = field(default_factory=list)


def recognise(paragraphs: list[SourceParagraph]) -> Recognised:
    """The report a hand-written text most likely is; what could not be placed and doubts as warnings."""
    r = SourceLines(paragraphs)
    lines = r.lines
    if not lines:
        raise UnreadableFile("文件正文中没有文字（表格之外），没有可导入的内容。")
    # --- head: 发文字号, title (organ lines + 关于…报告), 主送
    pos = 0
    while pos < len(lines) and pos < 4 and DOC_NUMBER.search(lines[pos]) and len(lines[pos]) <= 40:
        r.unplaced.append(Unplaced(lines[pos], "发文字号或签发人（可在导出选项中填写）"))
        pos += 1
    join_broken_title(r, pos)
    # spaces removed first: a title copied from a PDF is letter-spaced ("关 于 2023 年 度 … 报 告")
    title_at = next((i for i in range(pos, min(len(lines), pos + 8)) if title_like(fix_spaces(lines[i]))), None)
    organs: list[str] = []
    title = ""
    if title_at is None:
        r.warnings.append("没有找到标题（“……关于……年度法治政府建设情况的报告”），年度和发文机关需要手工填写。")
    else:
        before = [b for b in lines[pos:title_at] if not masthead(r, b)]
        title_line = lines[title_at]
        about = re.search(r"关[\s\u3000]*于", title_line)
        prefix, sep = (title_line[:about.start()], about.group()) if about else ("", "")
        organ_lines = [b for b in before if looks_like_organ(b) or len(b) <= 30]
        organ_lines = drop_repeated_organs(r, organ_lines, prefix if sep else "")
        for b in organ_lines:
            organs += split_organs(b)
        if sep and prefix.strip():
            organs += split_organs(prefix)
        elif not sep and not organ_lines:  # "××局2023年度法治政府建设情况报告": the organ stands before the year
            at_year = re.search(r"([\d０-９]{4}|[〇零○ＯOo一二三四五六七八九]{4})\s*年", title_line)
            if at_year and looks_like_organ(title_line[:at_year.start()]):
                organs += split_organs(title_line[:at_year.start()])
        organs = [fix_spaces(o) for o in organs if o.strip()]
        title = fix_spaces("".join(o for o in organ_lines) + title_line)
        pos = title_at + 1
    year = find_year(title) if title else None
    recipient = ""
    if pos < len(lines):
        cand = fix_spaces(lines[pos])
        if cand.endswith(("：", ":")) and len(cand) <= 60 and "。" not in cand and not MARKER.match(cand):
            recipient = fix_spaces(cand.rstrip("：:"))
            pos += 1
        elif title_at is not None and looks_like_organ(cand) and not MARKER.match(cand):
            recipient = cand  # "沈丘县人民政府" under the title without its colon: it started the opening
            pos += 1
            r.warnings.append(f"标题下一行“{cand}”后面没有冒号，已按主送机关读入。")
    if not recipient:
        r.warnings.append("没有找到主送机关（标题下一行、以冒号结尾）。")
    # --- 附注 and 版记 (GB/T 9704) at the very end: never 署名, date or text of the last block
    colophon = strip_colophon(r, pos)
    if strip_appendix(r, pos):  # the 附注 stands before the 附件 pages, the 版记 after them
        colophon = strip_colophon(r, pos) | colophon
    strip_seal_marks(r, pos)
    # --- tail: 特此报告, 附件, 署名, 成文日期
    end = len(lines)
    closing_at = next((i for i in range(len(lines) - 1, pos - 1, -1) if CLOSING.match(fix_spaces(lines[i]))), None)
    closing_inline = ""
    tail_start = closing_at + 1 if closing_at is not None else None
    if tail_start is None:  # no closing line: the tail is the date and the organ lines before it
        i = end
        while i > pos and (parse_date(lines[i - 1]) or looks_like_organ(lines[i - 1]) or doubtful_date(lines[i - 1])
                           or lines[i - 1].startswith("附件") or signed_date(lines[i - 1])):
            i -= 1
        tail_start = i
        inline = INLINE_CLOSING.search(lines[i - 1]) if i > pos else None
        if inline:  # "……社会氛围。特此报告。": the closing ends the last paragraph
            lines[i - 1] = lines[i - 1][:inline.start()].rstrip()
            closing_inline = fix_spaces(inline.group(1))
        else:
            r.warnings.append("没有找到结尾语“特此报告。”。")
    date: dt.date | None = None
    signers: list[str] = []
    attachments: list[str] = []
    doubtful = ""  # a line that meant to be the date but is none ("2024.1", "2024年2月30日")
    for line in tail_lines(r, closing_at, tail_start):
        d = parse_date(line)
        signed = signed_date(line) if d is None and date is None else None
        if d and date is None:
            date = d
        elif signed is not None:
            signers += [fix_spaces(o) for o in split_organs(signed[0])]
            date = signed[1]
        elif line.startswith("附件"):
            attachments.append(re.sub(r"^附件[：:]\s*(\d+[.．、]\s*)?", "", fix_spaces(line)))
        elif attachments and not signers and date is None and re.match(r"^\d+\s*[.．、]", line):
            attachments.append(re.sub(r"^\d+\s*[.．、]\s*", "", fix_spaces(line)))  # "2.……" under "附件：1.……"
        elif looks_like_organ(line) and date is None:
            signers += [fix_spaces(o) for o in split_organs(line)]
        else:
            r.unplaced.append(Unplaced(line, "结尾之后无法归类的文字"))
            doubtful = doubtful or (fix_spaces(line) if doubtful_date(line) else "")
    if date is None and doubtful:
        r.warnings.append(f"“{doubtful}”不是一个确切的成文日期（应写年、月、日，且这一天存在），没有采用；"
                          "请导入后在“报告信息”页填写成文日期。")
    elif date is None:
        r.warnings.append("没有找到成文日期。")
    body_end = closing_at if closing_at is not None else tail_start
    # --- body: opening, then level-1 headings and their content
    heads = level1_headings([fix_spaces(x) for x in lines], r.outline, pos, body_end, year)
    if any(PART.match(fix_spaces(lines[h.at])) for h in heads):  # "一、" items under "第一部分" headings
        lines[pos:body_end] = [as_item_heading(fix_spaces(x)) for x in lines[pos:body_end]]
    first = heads[0][0] if heads else body_end
    width = line_width([fix_spaces(x) for x in lines[pos:body_end]])
    body = BodyText(r, width)
    opening = body.text(pos, first, [], "开头")
    sections = [Section(Block.OPENING, "", Numbering.NONE, [Item("", opening)] if opening else [])]
    if not opening:
        r.warnings.append("没有找到开头段落。")
    mapping: list[tuple[str, Block]] = []
    taken: dict[Block, Section] = {}
    parts: list[tuple[str, list[str]]] = []
    for n, (_, heading, after, rest) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else body_end
        content = body.text(after, stop, [rest] * bool(rest), heading)
        parts += combined_parts(heading, content, year, r.warnings) or [(heading, content)]
    for heading, content in parts:
        block = choose_block(heading, year, taken, r.warnings)
        numbering, items, lead = split_items(content)
        if lead and block is not None:  # (an unplaced heading's content is listed whole below)
            numbering, items = keep_lead_in(content, numbering, items, lead)
            r.warnings.append(f"“{heading}”下、第一条之前的引导语“{shortened(lead[0])}”已按原文保留在这一部分的开头；"
                              "为保持原文顺序，这一部分不自动编号，原文的编号（如“一是”）留在文字中。")
        if block is None:
            r.unplaced.append(Unplaced("\n".join([heading, *content]),
                                       f"标题“{heading}”无法对应到报告的五个部分"))
            continue
        mapping.append((heading, block))
        if block in taken:  # a second heading of the same block: its content becomes an item of the first
            taken[block].items.append(Item(heading, [p for i in items for p in _flat(i)]))
            r.warnings.append(f"“{heading}”与前面的标题属于同一部分（{BLOCK_NAMES[block]}），已并入为其中一项。")
            continue
        if block is Block.OTHER and [p.strip("。.") for p in content] in (["无"], ["没有"], ["暂无"]):
            numbering, items = Numbering.NONE, []  # 无: complete, and left out of the document
        section = Section(block, heading, numbering, items, omitted=block is Block.OTHER and not items)
        taken[block] = section
        sections.append(section)
    if title_at is None and not mapping and not any("法治" in line for line in lines):
        raise UnreadableFile(NOT_A_REPORT)
    if not heads:
        r.warnings.append("没有找到“一、”“二、”这样的一级标题，正文都放在了开头部分。")
    for block in BODY_BLOCKS:
        if block not in taken:
            if block is Block.OTHER:
                sections.append(Section(Block.OTHER, "其他需要报告的情况", Numbering.NONE, [], omitted=True))
            else:
                at = next((n for n, s in enumerate(sections) if s.block is Block.OTHER), len(sections))
                sections.insert(at, Section(block, "", Numbering.HEADINGS, []))
                r.warnings.append(f"没有找到“{BLOCK_NAMES[block]}”部分，已留空。")
    closing_text = fix_spaces(lines[closing_at]) if closing_at is not None else closing_inline
    sections.append(Section(Block.CLOSING, "", Numbering.NONE, [Item("", [closing_text])] if closing_text else []))
    repaired = body.joins
    if repaired:
        r.warnings.append(f"修复了{repaired}处从 PDF 复制造成的断行。")
    if r.page_numbers:
        r.warnings.append(f"去掉了{r.page_numbers}个单独成行的页码（如“— 2 —”，从 PDF 复制时带入）。")
    organs = organs or signers
    if signers and organs and [re.sub(r"\s", "", s) for s in signers] != [re.sub(r"\s", "", o) for o in organs]:
        r.warnings.append(f"署名（{'、'.join(signers)}）与标题中的发文机关（{'、'.join(organs)}）不一致，采用署名。")
        organs = signers
    if year is None:
        r.warnings.append("没有从标题中认出报告年度。")
    if title and organs and year and re.sub(r"\s", "", title) == re.sub(r"\s", "", derive_title(organs, year)):
        title = ""  # the conventional title: derived again from the organs and the year
    unit_type = guess_unit_type(organs)
    name = organs[-1] if organs else ""
    unit = Unit(name=name, unit_type=unit_type, organs=list(organs), recipient=recipient,
                cc=colophon.get("cc", ""), contact=colophon.get("contact", ""))
    report = Report(unit_id=None, year=year or 0, title=title, recipient=recipient, organs=list(organs), date=date,
                    sections=sections, attachments=attachments,
                    catalogue_version=resources.catalogue().version)
    return Recognised(unit, report, r.unplaced, r.warnings, mapping)


def _flat(item: Item) -> list[str]:
    return ([item.title] if item.title else []) + item.paragraphs

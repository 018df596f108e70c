"""The report's text as laid-out paragraphs: 版头 line, title, 主送, opening, the numbered blocks, closing."""

from __future__ import annotations

from fzdesk.domain.model import Block, Item, Numbering, Report, Section, Unit
from fzdesk.domain.numbering import item_label, numbered_sections
from fzdesk.export.geometry import CHAR, LAYOUT_WIDTH, SIZE_TITLE, chars
from fzdesk.export.layout import Align, Element, Para, Role, Run, blank
from fzdesk.export.options import ExportOptions, Variant
from fzdesk.export.title import break_title

INDENT = chars(2)
_SENTENCE_END = "。！？；：…"


def issuing_organs(report: Report, unit: Unit) -> list[str]:
    organs = [o.strip() for o in report.organs if o.strip()]
    return organs or [o.strip() for o in unit.organs if o.strip()] or [unit.name]


def body_para(text: str, role: Role = Role.BODY, *, bold: bool = False) -> Para:
    return Para([Run(text, role, bold)], first_line=INDENT)


def header_line(options: ExportOptions) -> list[Element]:
    """报送稿: 发文字号 one character in from the left, 签发人 one character in from the right."""
    if options.variant is not Variant.SUBMITTED or not (options.doc_number or options.signer):
        return []
    runs = [Run(options.doc_number.strip())]
    if options.signer.strip():
        runs += [Run("\t"), Run("签发人："), Run(options.signer.strip(), Role.KAI)]
    return [Para(runs, align=Align.LEFT, left=CHAR, right=CHAR, tab=LAYOUT_WIDTH - CHAR), blank()]


def title_lines(report: Report, unit: Unit) -> list[Element]:
    lines = break_title(report.display_title, issuing_organs(report, unit))
    runs = [Run(line, Role.TITLE, size=SIZE_TITLE, spacing=0) for line in lines]
    return [Para(runs, style="FzTitle", align=Align.CENTER, breaks=tuple(range(len(runs) - 1)))]


def recipient_line(report: Report, unit: Unit) -> list[Element]:
    """主送: flush left, ending in a full-width colon."""
    name = (report.recipient or unit.recipient).strip().rstrip(":：")
    return [Para([Run(f"{name}：")], align=Align.LEFT)] if name else []


#: What a title copied out of a run-on list ("一是……；二是……，") may end in: the title ends its clause instead.
_LIST_MARKS = "；;，,、"
#: Half-width marks at a title's end, printed full-width as the rest of the text is.
_FULL_WIDTH = str.maketrans({":": "：", "?": "？", "!": "！", ".": "。"})


def _bare(title: str) -> str:
    """The title without a list's mark at its end (a heading line carries none)."""
    return title.strip().rstrip(_LIST_MARKS).rstrip()


def _with_stop(title: str) -> str:
    """The title ending in one full-width stop: its own ：？！。…, or 。 (in place of a list's ；，、 or a half-width
    mark, which printed as "；" before the body, or as ";。" with a second stop)."""
    title = _bare(title)
    if title:
        title = title[:-1] + title[-1].translate(_FULL_WIDTH)
    return title if not title or title[-1] in _SENTENCE_END else title + "。"


def item_paras(style: Numbering, index: int, item: Item, options: ExportOptions) -> list[Para]:
    """One item: "（一）title" as a heading, inline "（一）title。body", "一是title。body", or plain."""
    label = item_label(style, index)
    paragraphs = [p for p in item.paragraphs if p.strip()]
    title = _bare(item.title)
    out: list[Para] = []
    if style is Numbering.HEADINGS:
        if title:
            out.append(Para([Run(label + title, Role.KAI, options.bold_level2)], first_line=INDENT, keep_next=True))
            out += [body_para(p) for p in paragraphs]
            return out
        style = Numbering.INLINE  # nothing to head: the label goes before the first paragraph
    if style is Numbering.INLINE:
        head = label + _with_stop(title)
        first = Para([Run(head, Role.KAI, options.bold_level2)], first_line=INDENT)
    elif style is Numbering.YISHI:
        first = Para([Run(label + _with_stop(title))], first_line=INDENT)
    else:
        first = Para([Run(_with_stop(title))] if title else [], first_line=INDENT)
    if paragraphs:
        first.runs.append(Run(paragraphs.pop(0)))
    first.runs = [r for r in first.runs if r.text]
    if first.runs:
        out.append(first)
    return out + [body_para(p) for p in paragraphs]


def has_content(item: Item) -> bool:
    """An item with neither title nor body (a blank item the clerk added and never wrote) is left out of the
    document: it would print as a bare "（三）" and take a number. A title without body is printed (the check
    structure.empty_item warns of it)."""
    return bool(item.title.strip()) or any(p.strip() for p in item.paragraphs)


def section_paras(label: str, section: Section, options: ExportOptions) -> list[Para]:
    """The block's heading and its items, numbered in order; blank items are skipped and take no number."""
    out = [Para([Run(label + section.heading.strip(), Role.HEI)], first_line=INDENT, keep_next=True)]
    items = [item for item in section.items if has_content(item)]
    for index, item in enumerate(items, start=1):
        out += item_paras(section.numbering, index, item, options)
    return out


def plain_block(report: Report, block: Block) -> list[Para]:
    section = report.section(block)
    if section is None:
        return []
    return [body_para(p) for item in section.items for p in item.paragraphs if p.strip()]


def main_text(report: Report, unit: Unit, options: ExportOptions, explanation: str = "") -> list[Element]:
    """From the 版头 line down to 特此报告。 explanation (the 说明 sentences of large changes) closes 主要举措和成效,
    or, without that block, the last block before the closing."""
    out: list[Element] = [*header_line(options), *title_lines(report, unit), blank()]
    out += recipient_line(report, unit)
    out += plain_block(report, Block.OPENING)
    sections = numbered_sections(report)
    blocks = [section.block for _, section in sections]
    after = blocks.index(Block.MEASURES) if Block.MEASURES in blocks else len(blocks) - 1
    if explanation and after < 0:
        out.append(body_para(explanation))
    for n, (label, section) in enumerate(sections):
        out += section_paras(label, section, options)
        if explanation and n == after:
            out.append(body_para(explanation))
    out += plain_block(report, Block.CLOSING)
    return out

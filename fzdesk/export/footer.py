"""Page numbers "— 1 —" in 14 pt 宋体: odd pages right and even pages left, 1 character in (or centred)."""

from __future__ import annotations

from fzdesk.export.fonts import font_for
from fzdesk.export.geometry import PAGE_NUMBER_CHAR, SIZE_PAGE_NUMBER
from fzdesk.export.layout import Role
from fzdesk.export.options import FontSet
from fzdesk.export.wordml import R_NS, W_NS, XML_DECL, rpr_xml

DASH = "\u2014"  # 一字线 (em dash)


def empty_footer_xml() -> str:
    """The footer of the blank page and the 版记 page after it: no page number (GB/T 9704-2012 7.5)."""
    return (f'{XML_DECL}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            '<w:p><w:pPr><w:pStyle w:val="FzFooter"/></w:pPr></w:p></w:ftr>')


def footer_xml(font_set: FontSet, side: str) -> str:
    """One footer part; side is "right", "left" or "center"."""
    song = font_for(font_set, Role.SONG)
    rpr = rpr_xml(song, size=SIZE_PAGE_NUMBER, latin=song)
    indent = {"right": f'w:left="0" w:right="{PAGE_NUMBER_CHAR}"', "left": f'w:left="{PAGE_NUMBER_CHAR}" w:right="0"',
              "center": 'w:left="0" w:right="0"'}[side]

    def run(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    field = "".join(run(inner) for inner in (
        '<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>'))
    return (
        f'{XML_DECL}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="FzFooter"/>'
        f'<w:ind {indent} w:firstLine="0"/><w:jc w:val="{side}"/>{rpr}</w:pPr>'
        + run(f'<w:t xml:space="preserve">{DASH} </w:t>') + field + run(f'<w:t xml:space="preserve"> {DASH}</w:t>')
        + "</w:p></w:ftr>"
    )

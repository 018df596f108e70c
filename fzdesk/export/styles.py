"""styles.xml, settings.xml, fontTable.xml and the section properties (A4, GB/T 9704 margins)."""

from __future__ import annotations

from fzdesk.export import geometry as g
from fzdesk.export.fonts import FONT_TABLE, LATIN, font_for
from fzdesk.export.layout import Role
from fzdesk.export.options import FontSet
from fzdesk.export.wordml import R_NS, W_NS, XML_DECL, esc, fonts_xml, rpr_xml

_PPR_BODY = (
    # No widow control: a full page holds 22 lines, never 21 with a line pushed over. overflowPunct: see
    # wordml.overflow_punct (1 keeps LibreOffice from dropping hanging marks).
    '<w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="1"/>'
    f'<w:spacing w:before="0" w:after="0" w:line="{g.LINE_PITCH}" w:lineRule="exact"/>'
    '<w:jc w:val="both"/></w:pPr>'
)


def _style(style_id: str, name: str, ppr: str, rpr: str, *, default: bool = False) -> str:
    default_attr = ' w:default="1"' if default else ""
    based = "" if default else '<w:basedOn w:val="Normal"/>'
    return (f'<w:style w:type="paragraph"{default_attr} w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
            f"<w:qFormat/>{ppr}{rpr}</w:style>")


def styles_xml(font_set: FontSet) -> str:
    body = font_for(font_set, Role.BODY)
    body_rpr = rpr_xml(body, spacing=g.CONDENSE, size=g.SIZE_BODY)
    title_rpr = rpr_xml(font_for(font_set, Role.TITLE), size=g.SIZE_TITLE, bold=font_set is FontSet.WINDOWS)
    table_ppr = ('<w:pPr><w:overflowPunct w:val="0"/>'
                 '<w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="exact"/></w:pPr>')
    footer_ppr = '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    footer_rpr = rpr_xml(font_for(font_set, Role.SONG), size=g.SIZE_PAGE_NUMBER,
                         latin=font_for(font_set, Role.SONG))
    return (
        f'{XML_DECL}<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts_xml(body)}"
        f'<w:sz w:val="{g.SIZE_BODY}"/><w:szCs w:val="{g.SIZE_BODY}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="{g.LINE_PITCH}" w:lineRule="exact"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"
        + _style("Normal", "Normal", _PPR_BODY, body_rpr, default=True)
        + _style("FzBody", "公文正文", _PPR_BODY, body_rpr)
        + _style("FzTitle", "公文标题", '<w:pPr><w:jc w:val="center"/></w:pPr>', title_rpr)
        + _style("FzTable", "附件表格", table_ppr, rpr_xml(body, size=g.SIZE_TABLE))
        + _style("FzFooter", "页码", footer_ppr, footer_rpr)
        + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
        "</w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        "</w:styles>"
    )


def settings_xml(odd_even_footers: bool) -> str:
    """Settings in CT_Settings order; different odd and even footers when page numbers alternate sides."""
    even_odd = "<w:evenAndOddHeaders/>" if odd_even_footers else ""
    return (
        f'{XML_DECL}<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
        f'{even_odd}<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        'w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        "</w:settings>"
    )


def font_table_xml() -> str:
    entries = []
    for f in FONT_TABLE:
        alt = f'<w:altName w:val="{esc(f.alt)}"/>' if f.alt else ""
        charset = "00" if f.name == LATIN else "86"
        entries.append(f'<w:font w:name="{esc(f.name)}">{alt}<w:charset w:val="{charset}"/>'
                       f'<w:family w:val="{f.family}"/><w:pitch w:val="{f.pitch}"/></w:font>')
    return f'{XML_DECL}<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(entries)}</w:fonts>'


def sect_pr(footers: dict[str, str], *, start: str = "", restart: bool = True) -> str:
    """Section properties in CT_SectPr order: footer references, type, page size, margins, numbering, grid.

    footers maps the reference type ("default" = odd pages, "even") to a relationship id. start is the
    section's type (empty: the default, a new page), restart numbers its pages from 1. No character
    grid: LibreOffice renders Word's linesAndChars grid with 14-18 characters a line; the 28 characters
    come from condensed runs instead.
    """
    refs = "".join(f'<w:footerReference w:type="{kind}" r:id="{rid}"/>' for kind, rid in footers.items())
    kind = f'<w:type w:val="{start}"/>' if start else ""
    numbering = '<w:pgNumType w:fmt="decimal" w:start="1"/>' if restart else '<w:pgNumType w:fmt="decimal"/>'
    return (
        f"<w:sectPr>{refs}{kind}"
        f'<w:pgSz w:w="{g.PAGE_WIDTH}" w:h="{g.PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{g.MARGIN_TOP}" w:right="{g.MARGIN_RIGHT}" w:bottom="{g.MARGIN_BOTTOM}" '
        f'w:left="{g.MARGIN_LEFT}" w:header="851" w:footer="{g.FOOTER_DISTANCE}" w:gutter="0"/>'
        f'{numbering}<w:cols w:space="425"/>'
        f'<w:docGrid w:linePitch="{g.LINE_PITCH}"/>'
        "</w:sectPr>"
    )

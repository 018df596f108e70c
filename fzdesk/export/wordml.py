"""WordprocessingML for laid-out paragraphs and tables, with child elements in schema order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fzdesk.export.fonts import LATIN, font_for, title_bold
from fzdesk.export.geometry import LAYOUT_WIDTH
from fzdesk.export.layout import Element, Para, Role, Run, Table
from fzdesk.export.options import FontSet

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

#: Characters XML 1.0 cannot carry (a control character pasted into the editor).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: str) -> str:
    text = _INVALID.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def fonts_xml(east_asia: str, latin: str = LATIN) -> str:
    """rFonts with the East Asian face and Times New Roman for digits and Latin letters."""
    return (f'<w:rFonts w:ascii="{esc(latin)}" w:hAnsi="{esc(latin)}" w:eastAsia="{esc(east_asia)}" '
            f'w:cs="{esc(latin)}" w:hint="eastAsia"/>')


def rpr_xml(font: str, *, bold: bool = False, spacing: int = 0, size: int = 32, latin: str = LATIN) -> str:
    """Run properties in CT_RPr order: rFonts, b, bCs, spacing, sz, szCs."""
    parts = ["<w:rPr>", fonts_xml(font, latin)]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if spacing:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')
    return "".join(parts)


def overflow_punct(style: str) -> str:
    """w:overflowPunct of a paragraph: on (Word's own default) outside tables, off in the annex table.

    Off everywhere looked stricter in Word, but LibreOffice imports the flag inverted (0 turns its hanging
    punctuation on) and drops some hanging marks of justified lines when it paints them: the comma after
    "规范有序" went missing from the page. With 1, LibreOffice keeps every mark inside the block (it moves
    a character to the next line instead), and Word and WPS may hang a closing mark past the right edge
    as they do in their default Chinese documents. Table cells keep 0: LibreOffice never hangs in a
    table, and Word should not hang a mark over a cell border.
    """
    return f'<w:overflowPunct w:val="{0 if style == "FzTable" else 1}"/>'


class Writer:
    """Serialises elements for one font set."""

    def __init__(self, font_set: FontSet) -> None:
        self.font_set = font_set
        self._rpr_cache: dict[tuple[Role, bool, int, int], str] = {}

    def rpr(self, run: Run) -> str:
        bold = run.bold or (run.role is Role.TITLE and title_bold(self.font_set))
        key = (run.role, bold, run.spacing, run.size)
        cached = self._rpr_cache.get(key)
        if cached is None:
            cached = rpr_xml(font_for(self.font_set, run.role), bold=bold, spacing=run.spacing, size=run.size)
            self._rpr_cache[key] = cached
        return cached

    def run(self, run: Run) -> str:
        if run.text == "\t":
            return f"<w:r>{self.rpr(run)}<w:tab/></w:r>"
        return f'<w:r>{self.rpr(run)}<w:t xml:space="preserve">{esc(run.text)}</w:t></w:r>'

    def ppr(self, p: Para) -> str:
        """Paragraph properties in CT_PPrBase order."""
        out = [f'<w:pPr><w:pStyle w:val="{p.style}"/>']
        if p.keep_next:
            out.append("<w:keepNext/>")
        if p.keep_lines:
            out.append("<w:keepLines/>")
        if p.page_break_before:
            out.append("<w:pageBreakBefore/>")
        if p.foot:
            # The 版记's last part on the text block's lower edge (GB/T 9704-2012 7.4.1), a part above it at a set
            # distance from the top edge: one frame each, so that each draws its own rules.
            place = 'w:yAlign="bottom"' if p.foot_y is None else f'w:y="{p.foot_y}"'
            out.append(f'<w:framePr w:w="{LAYOUT_WIDTH}" w:wrap="notBeside" w:hAnchor="margin" '
                       f'w:vAnchor="margin" w:xAlign="center" {place}/>')
        if p.border_top or p.border_bottom:
            out.append("<w:pBdr>")
            if p.border_top:
                out.append(f'<w:top w:val="single" w:sz="{p.border_top}" w:space="0" w:color="000000"/>')
            if p.border_bottom:
                out.append(f'<w:bottom w:val="single" w:sz="{p.border_bottom}" w:space="0" w:color="000000"/>')
            out.append("</w:pBdr>")
        if p.tab:
            out.append(f'<w:tabs><w:tab w:val="right" w:pos="{p.tab}"/></w:tabs>')
        out.append(overflow_punct(p.style))
        rule = "exact" if p.exact else "auto"
        out.append(f'<w:spacing w:before="0" w:after="0" w:line="{p.line}" w:lineRule="{rule}"/>')
        ind = [f'w:left="{p.left}"', f'w:right="{p.right}"']
        if p.hanging:
            ind.append(f'w:hanging="{p.hanging}"')
        else:
            ind.append(f'w:firstLine="{p.first_line}"')
        out.append(f"<w:ind {' '.join(ind)}/>")
        out.append(f'<w:jc w:val="{p.align.value}"/>')
        mark = p.runs[0] if p.runs else Run("")
        out.append(self.rpr(mark))
        out.append("</w:pPr>")
        return "".join(out)

    def para(self, p: Para) -> str:
        out = ["<w:p>", self.ppr(p)]
        for i, run in enumerate(p.runs):
            out.append(self.run(run))
            if i in p.breaks:
                out.append(f"<w:r>{self.rpr(run)}<w:br/></w:r>")
        out.append("</w:p>")
        return "".join(out)

    def table(self, t: Table) -> str:
        total = sum(t.widths)
        border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
        out = [
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblInd w:w="0" w:type="dxa"/>',
            f"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>"
            f"<w:insideH {border}/><w:insideV {border}/></w:tblBorders>",
            '<w:tblLayout w:type="fixed"/>',
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>',
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/>',
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in t.widths),
            "</w:tblGrid>",
        ]
        for index, row in enumerate(t.rows):
            out.append("<w:tr><w:trPr><w:cantSplit/>")
            if index < t.header_rows:
                out.append("<w:tblHeader/>")
            out.append("</w:trPr>")
            column = 0
            for cell in row:
                width = sum(t.widths[column:column + cell.span])
                column += cell.span
                span = f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else ""
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}<w:vAlign w:val="center"/>'
                           "</w:tcPr>")
                out += [self.para(p) for p in cell.paras] or ["<w:p/>"]
                out.append("</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def element(self, e: Element) -> str:
        return self.para(e) if isinstance(e, Para) else self.table(e)


def paragraph_texts(elements: list[Element]) -> Iterator[str]:
    """The text of every paragraph in document order (table cells row by row), as a reader sees it."""
    for e in elements:
        if isinstance(e, Para):
            yield esc_free(e)
        else:
            for row in e.rows:
                for cell in row:
                    for p in cell.paras:
                        yield esc_free(p)


def esc_free(p: Para) -> str:
    """The paragraph's text as written: line breaks as "\\n", tabs as "\\t", invalid characters dropped."""
    parts = []
    for i, run in enumerate(p.runs):
        parts.append(_INVALID.sub("", run.text))
        if i in p.breaks:
            parts.append("\n")
    return "".join(parts)

"""Writes a report as a GB/T 9704-2012 .docx that carries its own data (the report JSON).

The document is built as laid-out paragraphs (body, closing, annex), serialised to WordprocessingML with
every child element in schema order, and zipped with content types for every part. The report JSON and a
hash of the document's text go into a custom XML part (fzdesk.exchange.embedded). A 报送稿's 版记 goes on an even
page by the pages a PagePredictor gives (fzdesk.export.record_page): Qt's layout, handed in by the caller, so
that this module never loads Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from fzdesk import __version__
from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.checklist import PlanCheck
from fzdesk.domain.explanations import explanation_paragraph
from fzdesk.domain.model import Report, Unit
from fzdesk.exchange import embedded, report_json
from fzdesk.export import annex, body, closing
from fzdesk.export.docx_package import app_xml, core_xml, rels_xml, zip_parts
from fzdesk.export.footer import empty_footer_xml, footer_xml
from fzdesk.export.layout import Element, Para
from fzdesk.export.options import ExportOptions, PageNumbers
from fzdesk.export.record_page import NoPagePredictor, PagePredictor, has_record, on_even_page
from fzdesk.export.styles import font_table_xml, sect_pr, settings_xml, styles_xml
from fzdesk.export.wordml import R_NS, W_NS, XML_DECL, Writer, paragraph_texts

DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
#: twips: the empty paragraph that ends the numbered section, low enough to fit under a full page's 22 lines
SECTION_END_LINE = 10
ANCHOR_LINE = 20  # twips: the line of the empty paragraph after the 版记, too low to start a page of its own


def build(report: Report, unit: Unit, options: ExportOptions, catalogue: Catalogue | None) -> list[Element]:
    """The whole document, top to bottom."""
    explained = explanation_paragraph(report, unit, catalogue, annex=options.figures_annex)
    elements = body.main_text(report, unit, options, explained)
    names = closing.attachment_names(report, options)
    note = closing.attachment_note(names)
    signature = closing.signature(report, unit, options)
    # The date is never on a page of its own, nor the 署名 on a page without body text: the body's last
    # paragraph, the 附件说明 and every signature line above the date keep with the next (the body's last
    # paragraph was taken after the 附件说明 had been added, so with an attachment the page could break between
    # 特此报告 and 附件：, leaving 附件说明, 署名 and date on a page of their own).
    for para in [elements[-1], *note, *signature[:-1]]:
        if isinstance(para, Para):
            para.keep_next = True
    elements += note + signature
    if options.figures_annex and catalogue is not None:
        number = names.index(closing.annex_name(report)) + 1 if len(names) > 1 else None
        elements += annex.annex(report, catalogue, number)
    elements += closing.record(report, unit, options)
    return elements


def with_record_on_even_page(elements: list[Element], options: ExportOptions,
                             pages: PagePredictor | None) -> list[Element]:
    """A document with a 版记 (a 报送稿) gets the page breaks that put its 版记 on an even page, from the pages
    predicted by pages (record_page.on_even_page); without a predictor it raises NoPagePredictor rather than
    leave the 版记 where it falls. The others are left as built, and pages is not called."""
    if not has_record(elements):
        return elements
    if pages is None:
        raise NoPagePredictor()
    # LibreOffice anchors a framed paragraph that ends the document to the paragraph before it (the date), and
    # moves that with its keep-with-next chain to the 版记's page: a 20-twip empty paragraph after it is its anchor.
    return [*on_even_page(elements, options.font_set, pages), Para([], line=ANCHOR_LINE)]


@dataclass(frozen=True)
class Exported:
    data: bytes
    text_hash: str
    json_text: str


def document_xml(elements: list[Element], options: ExportOptions) -> str:
    """The body. From an unnumbered paragraph on (a blank page, then the 版记) a second section with empty footers
    starts a new page: a low empty paragraph ends the first section in place of the unnumbered one's page break,
    and an empty paragraph stands on the blank page. (A section of type evenPage would leave the blank page to
    the renderer: LibreOffice's PDF export skips such pages.)"""
    writer = Writer(options.font_set)
    footers = {"default": "rIdFooterOdd", "even": "rIdFooterEven"}
    if options.page_numbers is PageNumbers.CENTRED:
        footers = {"default": "rIdFooterOdd"}
    body: list[str] = []
    last = sect_pr(footers)
    for e in elements:
        if isinstance(e, Para) and e.unnumbered:
            body.append('<w:p><w:pPr><w:pStyle w:val="FzBody"/>'
                        f'<w:spacing w:before="0" w:after="0" w:line="{SECTION_END_LINE}" w:lineRule="exact"/>'
                        f"{sect_pr(footers)}</w:pPr></w:p>")
            body.append(writer.element(replace(e, page_break_before=False, unnumbered=False)))
            last = sect_pr({"default": "rIdFooterNone", "even": "rIdFooterNone"}, restart=False)
        else:
            body.append(writer.element(e))
    return (f'{XML_DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>' + "".join(body)
            + last + "</w:body></w:document>")


def export_docx(report: Report, unit: Unit, options: ExportOptions | None = None,
                catalogue: Catalogue | None = None, *, now: dt.datetime | None = None,
                plan_checks: list[PlanCheck] | None = None, pages: PagePredictor | None = None) -> Exported:
    """The .docx bytes of a report, with the report JSON embedded (and the checklist of last year's plans, so
    that next year's import keeps it). pages predicts the page of a 报送稿's 版记 (fzdesk.typeset.paged.foot_pages,
    Qt's layout); a document with a 版记 and no predictor raises NoPagePredictor, one without never calls it."""
    options = options or ExportOptions()
    elements = with_record_on_even_page(build(report, unit, options, catalogue), options, pages)
    centred = options.page_numbers is PageNumbers.CENTRED
    doc_rels = [
        ("rIdStyles", f"{DOC_REL}/styles", "styles.xml"),
        ("rIdSettings", f"{DOC_REL}/settings", "settings.xml"),
        ("rIdFontTable", f"{DOC_REL}/fontTable", "fontTable.xml"),
        ("rIdFooterOdd", f"{DOC_REL}/footer", "footer1.xml"),
    ]
    parts: dict[str, bytes | str] = {
        "_rels/.rels": rels_xml([
            ("rId1", f"{DOC_REL}/officeDocument", "word/document.xml"),
            ("rId2", f"{PKG_REL}/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{DOC_REL}/extended-properties", "docProps/app.xml"),
        ]),
        "docProps/core.xml": core_xml(report.display_title, body.issuing_organs(report, unit)[0],
                                      now or dt.datetime.now(dt.UTC)),
        "docProps/app.xml": app_xml(__version__),
        "word/document.xml": document_xml(elements, options),
        "word/styles.xml": styles_xml(options.font_set),
        "word/settings.xml": settings_xml(odd_even_footers=not centred),
        "word/fontTable.xml": font_table_xml(),
        "word/footer1.xml": footer_xml(options.font_set, "center" if centred else "right"),
    }
    if not centred:
        parts["word/footer2.xml"] = footer_xml(options.font_set, "left")
        doc_rels.append(("rIdFooterEven", f"{DOC_REL}/footer", "footer2.xml"))
    if any(isinstance(e, Para) and e.unnumbered for e in elements):
        parts["word/footer3.xml"] = empty_footer_xml()
        doc_rels.append(("rIdFooterNone", f"{DOC_REL}/footer", "footer3.xml"))
    text_hash = embedded.document_text_hash(list(paragraph_texts(elements)))
    json_text = report_json.dumps(report, unit, catalogue, plan_checks=plan_checks)
    # The embedding step, last: the custom XML part with the JSON and the text hash.
    parts["customXml/item1.xml"] = embedded.custom_xml(json_text, text_hash)
    parts["customXml/itemProps1.xml"] = embedded.item_props_xml()
    parts["customXml/_rels/item1.xml.rels"] = rels_xml([("rId1", embedded.CUSTOM_XML_PROPS_REL, "itemProps1.xml")])
    doc_rels.append(("rIdCustomXml1", embedded.CUSTOM_XML_REL, "../customXml/item1.xml"))
    parts["word/_rels/document.xml.rels"] = rels_xml(doc_rels)
    return Exported(zip_parts(parts), text_hash, json_text)

"""Checks a .docx package the way Word does before it offers a repair: parts, types, relationships, order."""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO

from lxml import etree  # type: ignore[import-untyped]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

#: Child order that the ECMA-376 schema requires (transitional), for every container the writer emits.
SEQUENCES: dict[str, tuple[str, ...]] = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
            "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
            "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"),
    "sectPr": ("headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
               "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
               "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
              "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"),
    "tblBorders": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "tblCellMar": ("top", "left", "bottom", "right"),
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"),
    "tbl": ("tblPr", "tblGrid", "tr"),
    "tc": ("tcPr", "p|tbl"),
    "tr": ("tblPrEx", "trPr", "tc"),
    "p": ("pPr", "r"),
    "r": ("rPr", "t|tab|br|fldChar|instrText"),
    "style": ("name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
              "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
              "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"),
    "styles": ("latentStyles|docDefaults", "style"),
    "docDefaults": ("rPrDefault", "pPrDefault"),
    "font": ("altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular"),
    "settings": ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                 "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                 "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
                 "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                 "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
                 "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
                 "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
                 "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
                 "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
                 "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength",
                 "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
                 "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
                 "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
                 "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
                 "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData",
                 "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
                 "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
                 "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
                 "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
                 "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
                 "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                 "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
                 "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
                 "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"),
}
#: Containers whose children come in any order, or are not checked (their parents are).
_UNORDERED = {"trPr", "tabs", "tblGrid", "body", "document", "ftr", "fonts", "rPrDefault", "pPrDefault", "compat"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def order_errors(root: etree._Element) -> list[str]:
    """Every w: container whose children are out of schema order, or that holds a child the list lacks."""
    errors = []
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.tag.startswith(W):
            continue
        name = _local(el.tag)
        if name in _UNORDERED or name not in SEQUENCES:
            continue
        sequence = SEQUENCES[name]
        last = -1
        for child in el:
            if not isinstance(child.tag, str) or not child.tag.startswith(W):
                continue
            cname = _local(child.tag)
            index = next((i for i, names in enumerate(sequence) if cname in names.split("|")), None)
            if index is None:
                errors.append(f"{name}: unexpected child {cname}")
            elif index < last:
                errors.append(f"{name}: {cname} out of order")
            else:
                last = index
    return errors


def check_package(data: bytes) -> list[str]:
    """Problems Word would repair: missing content types, dangling relationships, bad XML, element order."""
    errors: list[str] = []
    zf = zipfile.ZipFile(BytesIO(data))
    names = zf.namelist()
    if names[0] != "[Content_Types].xml":
        errors.append("[Content_Types].xml is not the first member")
    if len(set(names)) != len(names):
        errors.append("duplicate zip members")
    parsed = {}
    for name in names:
        try:
            parsed[name] = etree.fromstring(zf.read(name))
        except etree.XMLSyntaxError as exc:
            errors.append(f"{name}: not well-formed: {exc}")
    types = parsed.get("[Content_Types].xml")
    if types is None:
        return [*errors, "no [Content_Types].xml"]
    defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.iter(f"{CT}Default")}
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{CT}Override")}
    for part in overrides:
        if part.lstrip("/") not in names:
            errors.append(f"content type for a missing part {part}")
    for name in names:
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        if "/" + name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
            errors.append(f"{name}: no content type")
    for name in names:
        if not name.endswith(".rels") or name not in parsed:
            continue
        folder = posixpath.dirname(posixpath.dirname(name))
        for rel in parsed[name].iter(f"{REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
            if target not in names:
                errors.append(f"{name}: {rel.get('Id')} points at a missing part {target}")
        ids = [r.get("Id") for r in parsed[name].iter(f"{REL}Relationship")]
        if len(ids) != len(set(ids)):
            errors.append(f"{name}: duplicate relationship ids")
    main = "word/document.xml"
    if overrides.get("/" + main, "").split(".")[-1] != "main+xml":
        errors.append("the main document part has the wrong content type")
    for name in names:
        if name.startswith("word/") and name.endswith(".xml") and name in parsed:
            errors += [f"{name}: {e}" for e in order_errors(parsed[name])]
    doc = parsed.get(main)
    if doc is not None:
        for rid in doc.iter():
            for attr, value in rid.attrib.items():
                if attr.endswith("}id") and "relationships" in attr:
                    rels = parsed.get("word/_rels/document.xml.rels")
                    if rels is None or value not in {r.get("Id") for r in rels}:
                        errors.append(f"document.xml: r:id {value} has no relationship")
    return errors

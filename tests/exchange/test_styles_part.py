"""styles.xml read without the styles the importer never uses: the same paragraph styles as a full parse."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from fzdesk.exchange.package import W_NS, UnreadableFile, parse_xml
from fzdesk.exchange.source import Styles, paragraph_styles_xml

_W = f"{{{W_NS}}}"


def _template_styles() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return z.read("word/styles.xml")


def _same(data: bytes) -> None:
    slim, whole = Styles(paragraph_styles_xml(data)), Styles(parse_xml(data))
    assert slim.styles == whole.styles and slim.default == whole.default


def test_python_docx_template_gives_the_same_paragraph_styles_from_a_much_smaller_tree() -> None:
    data = _template_styles()
    _same(data)
    slim = paragraph_styles_xml(data)
    assert len(slim) < len(parse_xml(data)) / 2  # character and table styles left out
    assert {s.get(f"{_W}type") for s in slim.iter(f"{_W}style")} == {"paragraph"}
    styles = Styles(slim)
    assert styles.resolve("Heading1")[1] == 0 and styles.default == "Normal"


STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          "<w:style w:type='character' w:styleId='Strong'><w:name w:val='Strong'/></w:style>"
          "<w:style w:styleId='H1' w:type='paragraph'><w:name w:val='heading 1'/><w:basedOn w:val='Normal'/>"
          "<w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='3'/></w:numPr></w:pPr></w:style>"
          '<w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Empty"/>'
          '<w:style w:type="numbering" w:styleId="List"><w:name w:val="List"/></w:style>'
          "</w:styles>")


@pytest.mark.parametrize("variant", [
    STYLES,
    STYLES.replace("<w:style w:type='character'", "<!-- a comment --><w:style w:type='character'"),
    STYLES.replace("w:", "x:").replace("xmlns:w=", "xmlns:x="),  # another prefix: parsed whole
    STYLES.replace("<w:styles ", "<w:styles xmlns:w14='urn:w14' "),
    STYLES.replace("<w:style w:styleId='H1'", "<w:style\n w:styleId='H1'"),  # not cut there: parsed whole
    STYLES.replace("</w:styles>", "</w:styles>\r\n"),
])
def test_variants_give_the_same_paragraph_styles(variant: str) -> None:
    data = variant.encode()
    _same(data)
    styles = Styles(paragraph_styles_xml(data))
    assert styles.resolve("H1") == (("3", 0), 0) and "Empty" in styles.styles and "Strong" not in styles.styles


def test_a_style_cut_off_is_parsed_whole_and_refused() -> None:
    with pytest.raises(UnreadableFile):
        paragraph_styles_xml(STYLES.replace("</w:styles>", "").encode()[:-10])


def test_a_doctype_is_still_refused() -> None:
    data = STYLES.replace("<w:styles ", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:styles ').encode()
    with pytest.raises(UnreadableFile):
        paragraph_styles_xml(data)

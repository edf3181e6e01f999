"""Small .docx files with text in every kind of container, built from WordprocessingML by hand."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
DECLS = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def table(rows: list[list[str]]) -> str:
    """A table; each cell is raw block XML (paragraphs, nested tables)."""
    grid = "".join("<w:gridCol w:w='2000'/>" for _ in rows[0])
    body = "".join("<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def text_box(choice: str, fallback: str) -> str:
    """A run anchoring a text box, in mc:AlternateContent (DrawingML choice, VML fallback)."""
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline>'
        '<wp:extent cx="914400" cy="457200"/><wp:docPr id="7" name="Hộp chữ 1"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{para(run(choice))}</w:txbxContent></wps:txbx>"
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="width:72pt;height:36pt"><v:textbox><w:txbxContent>'
        f"{para(run(fallback))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def complex_field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def document(*blocks: str, footnotes: list[str] | None = None) -> DocxDocument:
    """A document whose body is the given block XML (then python-docx's section properties)."""
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{{{NS['w']}}}sectPr":
            body.remove(child)
    wrapper = parse_xml(f"<w:body {DECLS}>{''.join(blocks)}</w:body>")
    for child in list(wrapper):
        body.sectPr.addprevious(child)
    if footnotes is not None:
        notes = "".join(
            f'<w:footnote w:id="{n}">{para(run(text))}</w:footnote>'
            for n, text in enumerate(footnotes, start=1)
        )
        element = parse_xml(
            f"<w:footnotes {DECLS}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            f"</w:r></w:p></w:footnote>{notes}</w:footnotes>"
        )
        part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, element, doc.part.package)
        doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    return reopened(saved(doc))


def footnote_reference(number: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{number}"/></w:r>'


def saved(doc: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def reopened(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))

"""Building blocks of the starting templates: document, styles, paragraphs, rules, tables, loops."""

from __future__ import annotations

from collections.abc import Callable

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from pipeline.word.ooxml import PPR_ORDER, SECTPR_ORDER, TBLPR_ORDER, insert_in_order

FONT = "Times New Roman"
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Cm(2.0), Cm(2.0), Cm(3.0), Cm(2.0)
TEXT_WIDTH_CM = 21.0 - 3.0 - 2.0
BODY_PT = 14
INDENT = Cm(1.27)

HEADER_PART = "parts/dau-van-ban.docx"
CLOSING_PART = "parts/cuoi-van-ban.docx"
PLAN_TEMPLATE = "ke-hoach.docx"
DECISION_TEMPLATE = "quyet-dinh.docx"
REPORT_TEMPLATE = "bao-cao.docx"
PROPOSAL_TEMPLATE = "to-trinh.docx"
MINUTES_TEMPLATE = "bien-ban.docx"

SECTION_STYLE = "Tiêu đề mục"  # I., II. ...
CLAUSE_STYLE = "Tiêu đề khoản"  # 1., 2. ... with a title
POINT_STYLE = "Tiêu đề điểm"  # a), b) ... with a title
CELL_STYLE = "Ô bảng"  # text in a bordered table's cell
CELL_PT = 13


def new_document(title: str) -> DocxDocument:
    """An empty A4 document with the decree's margins, font and body style."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    set_default_font(doc)

    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = INDENT
    fmt.space_before, fmt.space_after = Pt(6), Pt(0)
    fmt.line_spacing = 1.15
    fmt.widow_control = True

    for name, level in ((SECTION_STYLE, 0), (CLAUSE_STYLE, 1), (POINT_STYLE, 2)):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.bold = level < 2
        style.font.italic = level == 2 or None
        style.paragraph_format.keep_with_next = True
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level))
        insert_in_order(style.element.get_or_add_pPr(), outline, PPR_ORDER)

    # A long award list has tens of thousands of cells: their formatting is said once, here.
    cell = doc.styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(CELL_PT)
    cell_format = cell.paragraph_format
    cell_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    cell_format.first_line_indent = Cm(0)
    cell_format.space_before, cell_format.space_after = Pt(2), Pt(2)

    core = doc.core_properties
    core.title, core.author, core.comments = title, "", ""
    drop_thumbnail(doc)
    drop_styles_with_effects(doc)
    return doc


def drop_thumbnail(doc: DocxDocument) -> None:
    """python-docx's default package carries a preview picture of another document."""
    rels = doc.part.package.rels
    for key, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del rels[key]


def drop_styles_with_effects(doc: DocxDocument) -> None:
    """python-docx's default package also carries Word 2010's copy of the styles (430 KB, read by
    no later Word nor LibreOffice): every generated document would carry and check it."""
    rels = doc.part.rels
    for key, rel in list(rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del rels[key]


def set_default_font(doc: DocxDocument) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:lang")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    rpr.insert(0, fonts)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)
    # Styles inherited from python-docx's default name theme fonts (Calibri, Cambria): drop them all.
    for element in list(doc.styles.element.iter(qn("w:rFonts"))):
        if element is not fonts:
            element.getparent().remove(element)


def paragraph(
    container: DocxDocument | _Cell,
    text: str = "",
    *,
    size: float | None = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = True,
    style: str | None = None,
    before: float | None = None,
    after: float | None = None,
    reuse_first: bool = False,
) -> Paragraph:
    """Add a paragraph of one run with direct formatting (size None: the style's)."""
    if reuse_first and isinstance(container, _Cell) and not container.paragraphs[0].text:
        par = container.paragraphs[0]
        if style:
            par.style = style
    else:
        par = container.add_paragraph(style=style)
    if text:
        run = par.add_run(text)
        if size is not None:
            run.font.size = Pt(size)
        if bold:
            run.font.bold = True
        if italic:
            run.font.italic = True
    fmt = par.paragraph_format
    if align is not None:
        fmt.alignment = align
    if not indent:
        fmt.first_line_indent = Cm(0)
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    return par


def rule(
    container: DocxDocument | _Cell, width_cm: float, box_cm: float, *, reuse_first: bool = False
) -> Paragraph:
    """A centred solid line `width_cm` long: an empty paragraph with a bottom border."""
    par = paragraph(container, indent=False, before=0, after=0, reuse_first=reuse_first)
    side = Cm((box_cm - width_cm) / 2)
    par.paragraph_format.left_indent = par.paragraph_format.right_indent = side
    par.paragraph_format.line_spacing = Pt(2)
    ppr = par._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    insert_in_order(ppr, borders, PPR_ORDER)
    return par


def borderless_table(doc: DocxDocument, widths_cm: list[float], rows: int = 1):
    table = doc.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    insert_in_order(tbl_pr, layout, TBLPR_ORDER)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)  # the cells, which Word follows
    table_width = OxmlElement("w:tblW")
    table_width.set(qn("w:w"), str(int(Cm(sum(widths_cm)).twips)))
    table_width.set(qn("w:type"), "dxa")
    insert_in_order(tbl_pr, table_width, TBLPR_ORDER)
    return table


CENTER = WD_ALIGN_PARAGRAPH.CENTER


def drop_trailing_empty_paragraph(doc: DocxDocument) -> None:
    """python-docx starts with one empty paragraph; a part should hold only its table."""
    for par in list(doc.paragraphs):
        if not par.text and par._p.getparent() is doc.element.body:
            par._p.getparent().remove(par._p)


def page_numbers(doc: DocxDocument) -> None:
    """Arabic page numbers, centred in the top margin, none on the first page."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    par = header.paragraphs[0]
    par.alignment = CENTER
    par.paragraph_format.first_line_indent = Cm(0)
    run = par.add_run()
    run.font.size = Pt(13)
    begin, code, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "2"
    for element in (begin, code, separate):
        run._r.append(element)
    number_run = par.add_run()
    number_run.font.size = Pt(13)
    number_run._r.append(shown)
    end_run = par.add_run()
    end_run._r.append(end)


def title(doc: DocxDocument, type_name: str, subject_tag: str, rule_cm: float) -> None:
    par = paragraph(doc, type_name, bold=True, align=CENTER, indent=False, before=18, after=0)
    par.runs[0].add_break(WD_BREAK.LINE)
    run = par.add_run(subject_tag)
    run.font.bold = True
    run.font.size = Pt(BODY_PT)
    rule(doc, rule_cm, TEXT_WIDTH_CM)
    paragraph(doc, "", indent=False, before=0, after=0).paragraph_format.line_spacing = Pt(6)


def closing(doc: DocxDocument, last: Paragraph) -> None:
    """The shared closing block, kept on the page of the text's last paragraph."""
    last.paragraph_format.keep_with_next = True
    spacer = paragraph(doc, "", before=6)
    spacer.paragraph_format.keep_with_next = True
    paragraph(doc, f'{{%p include "{CLOSING_PART}" %}}')


def loop(doc: DocxDocument, head: str, body: Callable[[], None]) -> None:
    paragraph(doc, f"{{%p for {head} %}}")
    body()
    paragraph(doc, "{%p endfor %}")


def article(doc: DocxDocument, label: str, tag: str) -> Paragraph:
    par = paragraph(doc, label, bold=True)
    run = par.add_run(tag)
    run.font.size = Pt(BODY_PT)
    return par


def appendix(doc: DocxDocument, heading: str, variable: str, *, compact: bool = False) -> None:
    """An attachment on a new page: its heading, its title and "(Kèm theo ... số ... ngày ...)"."""
    appendix_section(doc, compact=compact)
    paragraph(doc, heading, bold=True, align=CENTER, indent=False, before=0)
    paragraph(doc, f"{{{{ {variable}.title }}}}", bold=True, align=CENTER, indent=False, before=0)
    paragraph(
        doc, f"{{{{ {variable}.attribution }}}}", italic=True, align=CENTER, indent=False, before=0, after=12
    )


def appendix_section(doc: DocxDocument, *, compact: bool = False) -> None:
    """A new page whose numbering restarts at 1, without a number on its first page.

    `compact` makes the empty paragraph that carries the section break 1 pt high, so that a first
    part that fills its page exactly does not push it onto a page of its own."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    if compact:
        carrier = doc.paragraphs[-1]
        fmt = carrier.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(1)
        fmt.first_line_indent = Cm(0)
        mark = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "2")
        mark.append(size)
        insert_in_order(carrier._p.get_or_add_pPr(), mark, PPR_ORDER)
    section.different_first_page_header_footer = True
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    insert_in_order(section._sectPr, numbering, SECTPR_ORDER)


class Grid:
    """A bordered table built row by row; a row may merge a span of its cells."""

    def __init__(self, doc: DocxDocument, widths: list[float]):
        self.widths = widths
        self.table = doc.add_table(rows=0, cols=len(widths))
        self.table.style = doc.styles["Table Grid"]
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for column, width in zip(self.table.columns, widths, strict=True):
            column.width = Cm(width)

    def row(
        self,
        *texts: str,
        bold: bool = False,
        italic: bool = False,
        span: tuple[int, int] | None = None,
        aligns: tuple[WD_ALIGN_PARAGRAPH, ...] = (),
        keep_with_next: bool = False,
    ) -> None:
        """One row; `keep_with_next` keeps it on the page of the row after it (a group's heading)."""
        row = self.table.add_row()
        cells = row.cells
        for cell, width in zip(cells, self.widths, strict=True):
            cell.width = Cm(width)
        if span is not None:
            cells[span[0]].merge(cells[span[1]])
        targets = [c for i, c in enumerate(cells) if span is None or not span[0] < i <= span[1]]
        for index, (cell, text) in enumerate(zip(targets, texts, strict=False)):
            align = aligns[index] if index < len(aligns) else LEFT
            paragraph(
                cell,
                text,
                size=None,
                bold=bold,
                italic=italic,
                align=None if align == LEFT else align,
                style=CELL_STYLE,
                reuse_first=True,
            )
        if keep_with_next:
            for cell in targets:
                for par in cell.paragraphs:
                    par.paragraph_format.keep_with_next = True
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))

    def repeat_first_row(self) -> None:
        """The heading row repeats on every page the table runs over."""
        self.table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


LEFT, RIGHT = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT


def box(par: Paragraph) -> None:
    """A border around a paragraph: the draft mark."""
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "4"), ("w:color", "000000")):
            edge.set(qn(key), value)
        borders.append(edge)
    insert_in_order(par._p.get_or_add_pPr(), borders, PPR_ORDER)
    side = Cm((TEXT_WIDTH_CM - 4.0) / 2)
    par.paragraph_format.left_indent = par.paragraph_format.right_indent = side

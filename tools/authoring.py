"""Creates the starting .docx templates (python -m pipeline templates, or python -m tools.authoring).

After creation the templates are ordinary Word files: a clerk may edit them in Word or
LibreOffice. Re-running this command refuses to overwrite them unless told to (--force).
The shared parts, defined once here and once in templates/parts/, are the document
header (issuing body, Quốc hiệu, number, place and date) and the closing block
(Nơi nhận and signature); each document template includes them with
{%p include "parts/<name>.docx" %}.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

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
from pipeline.word.write import normalize_zip, write_atomic

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

SECTION_STYLE = "Tiêu đề mục"  # I., II. ...
CLAUSE_STYLE = "Tiêu đề khoản"  # 1., 2. ... with a title
POINT_STYLE = "Tiêu đề điểm"  # a), b) ... with a title


def new_document(title: str) -> DocxDocument:
    """An empty A4 document with the decree's margins, font and body style."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    _set_default_font(doc)

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

    core = doc.core_properties
    core.title, core.author, core.comments = title, "", ""
    _drop_thumbnail(doc)
    return doc


def _drop_thumbnail(doc: DocxDocument) -> None:
    """python-docx's default package carries a preview picture of another document."""
    rels = doc.part.package.rels
    for key, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del rels[key]


def _set_default_font(doc: DocxDocument) -> None:
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
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = True,
    style: str | None = None,
    before: float | None = None,
    after: float | None = None,
    reuse_first: bool = False,
) -> Paragraph:
    """Add a paragraph of one run with direct formatting."""
    if reuse_first and isinstance(container, _Cell) and not container.paragraphs[0].text:
        par = container.paragraphs[0]
        if style:
            par.style = style
    else:
        par = container.add_paragraph(style=style)
    if text:
        run = par.add_run(text)
        run.font.size = Pt(size)
        run.font.bold = bold or None
        run.font.italic = italic or None
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


def header_part() -> DocxDocument:
    """Issuing body | Quốc hiệu and Tiêu ngữ; number | place and date."""
    doc = new_document("Phần đầu văn bản (cơ quan ban hành, Quốc hiệu, số, ngày)")
    left_w, right_w = 6.2, 10.6  # wider than the text block: the Quốc hiệu fits on one line
    table = borderless_table(doc, [left_w, right_w], rows=2)
    left, right = table.rows[0].cells
    cell_par = dict(align=CENTER, indent=False, before=0, after=0)
    paragraph(left, "{{ header.parent }}", size=13, reuse_first=True, **cell_par)
    paragraph(left, "{{ header.name }}", size=13, bold=True, **cell_par)
    rule(left, 1.5, left_w)
    paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, reuse_first=True, **cell_par)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, **cell_par)
    rule(right, 6.0, right_w)
    number, place = table.rows[1].cells
    paragraph(
        number,
        "{{ header.number_line }}",
        size=13,
        reuse_first=True,
        align=CENTER,
        indent=False,
        before=6,
        after=0,
    )
    paragraph(
        place,
        "{{ header.place_date }}",
        size=14,
        italic=True,
        reuse_first=True,
        align=CENTER,
        indent=False,
        before=6,
        after=0,
    )
    _drop_trailing_empty_paragraph(doc)
    paragraph(doc, "{%p if draft %}")
    _box(paragraph(doc, "DỰ THẢO", bold=True, align=CENTER, indent=False, before=12))
    paragraph(doc, "{%p endif %}")
    return doc


def closing_part() -> DocxDocument:
    """Nơi nhận | signer's authority, title and name."""
    doc = new_document("Phần cuối văn bản (nơi nhận, chữ ký)")
    table = borderless_table(doc, [7.0, 9.0])
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # signature stays whole
    left, right = table.rows[0].cells
    plain = dict(indent=False, before=0, after=0)
    heading = paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True, reuse_first=True, **plain)
    heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph(left, "{%p for line in closing.recipients %}", size=11, **plain)
    paragraph(left, "{{ line }}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, **plain)
    paragraph(left, "{%p endfor %}", size=11, **plain)
    center = dict(align=CENTER, indent=False, before=0, after=0)
    paragraph(right, "{%p for line in closing.signature_lines %}", reuse_first=True, **center)
    paragraph(right, "{{ line }}", size=14, bold=True, **center)
    paragraph(right, "{%p endfor %}", **center)
    for _ in range(4):
        paragraph(right, **center)
    paragraph(right, "{{ closing.signer_name }}", size=14, bold=True, **center)
    _drop_trailing_empty_paragraph(doc)
    return doc


def _drop_trailing_empty_paragraph(doc: DocxDocument) -> None:
    """python-docx starts with one empty paragraph; a part should hold only its table."""
    for par in list(doc.paragraphs):
        if not par.text and par._p.getparent() is doc.element.body:
            par._p.getparent().remove(par._p)


def _page_numbers(doc: DocxDocument) -> None:
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


def _title(doc: DocxDocument, type_name: str, subject_tag: str, rule_cm: float) -> None:
    par = paragraph(doc, type_name, bold=True, align=CENTER, indent=False, before=18, after=0)
    par.runs[0].add_break(WD_BREAK.LINE)
    run = par.add_run(subject_tag)
    run.font.bold = True
    run.font.size = Pt(BODY_PT)
    rule(doc, rule_cm, TEXT_WIDTH_CM)
    paragraph(doc, "", indent=False, before=0, after=0).paragraph_format.line_spacing = Pt(6)


def _closing(doc: DocxDocument, last: Paragraph) -> None:
    """The shared closing block, kept on the page of the text's last paragraph."""
    last.paragraph_format.keep_with_next = True
    spacer = paragraph(doc, "", before=6)
    spacer.paragraph_format.keep_with_next = True
    paragraph(doc, f'{{%p include "{CLOSING_PART}" %}}')


def _loop(doc: DocxDocument, head: str, body: Callable[[], None]) -> None:
    paragraph(doc, f"{{%p for {head} %}}")
    body()
    paragraph(doc, "{%p endfor %}")


def plan_template() -> DocxDocument:
    doc = new_document("Mẫu kế hoạch công tác thi đua, khen thưởng")
    paragraph(doc, f'{{%p include "{HEADER_PART}" %}}')
    _title(doc, "KẾ HOẠCH", "{{ subject }}", 3.5)
    paragraph(
        doc,
        "Căn cứ {{ basis }}, {{ issuer.full_name }} ({{ issuer.short_name }}) "
        "xây dựng Kế hoạch thực hiện như sau:",
    )
    paragraph(doc, "I. MỤC ĐÍCH YÊU CẦU", style=SECTION_STYLE)
    paragraph(doc, "1. Mục đích", style=CLAUSE_STYLE)
    _loop(doc, "text in purposes", lambda: paragraph(doc, "- {{ text }}"))
    paragraph(doc, "2. Yêu cầu", style=CLAUSE_STYLE)
    _loop(doc, "text in requirements", lambda: paragraph(doc, "- {{ text }}"))

    paragraph(doc, "II. NỘI DUNG", style=SECTION_STYLE)

    def task() -> None:
        paragraph(doc, "{{ loop.index }}. {{ task.title }}", style=CLAUSE_STYLE)
        _loop(doc, "text in task.paragraphs", lambda: paragraph(doc, "{{ text }}"))
        _loop(doc, "text in task.bullets", lambda: paragraph(doc, "- {{ text }}"))

    _loop(doc, "task in tasks", task)

    paragraph(doc, "III. THỜI GIAN TỔ CHỨC CÁC PHONG TRÀO THI ĐUA", style=SECTION_STYLE)
    paragraph(doc, "Phong trào thi đua được chia thành {{ period_count }} đợt, cụ thể:")

    def period() -> None:
        paragraph(
            doc,
            "{{ loop.index }}. Đợt {{ loop.index }}: Từ {{ period.start }} đến {{ period.end }}",
            style=CLAUSE_STYLE,
        )
        _loop(doc, "text in period.paragraphs", lambda: paragraph(doc, "{{ text }}"))

    _loop(doc, "period in periods", period)

    paragraph(doc, "IV. TỔ CHỨC THỰC HIỆN", style=SECTION_STYLE)
    _loop(doc, "text in duties", lambda: paragraph(doc, "{{ loop.index }}. {{ text }}"))
    last = paragraph(doc, "Trên đây là Kế hoạch {{ subject_in_text }} của {{ issuer.common_name }}./.")
    _closing(doc, last)
    _page_numbers(doc)
    return doc


def _article(doc: DocxDocument, label: str, tag: str) -> Paragraph:
    par = paragraph(doc, label, bold=True)
    run = par.add_run(tag)
    run.font.size = Pt(BODY_PT)
    return par


def _appendix(doc: DocxDocument, heading: str, variable: str) -> None:
    """An attachment on a new page: its heading, its title and "(Kèm theo ... số ... ngày ...)"."""
    _appendix_section(doc)
    paragraph(doc, heading, bold=True, align=CENTER, indent=False, before=0)
    paragraph(doc, f"{{{{ {variable}.title }}}}", bold=True, align=CENTER, indent=False, before=0)
    paragraph(
        doc, f"{{{{ {variable}.attribution }}}}", italic=True, align=CENTER, indent=False, before=0, after=12
    )


def _appendix_section(doc: DocxDocument) -> None:
    """A new page whose numbering restarts at 1, without a number on its first page."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = True
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    insert_in_order(section._sectPr, numbering, SECTPR_ORDER)


class _Grid:
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
    ) -> None:
        cells = self.table.add_row().cells
        for cell, width in zip(cells, self.widths, strict=True):
            cell.width = Cm(width)
        if span is not None:
            cells[span[0]].merge(cells[span[1]])
        targets = [c for i, c in enumerate(cells) if span is None or not span[0] < i <= span[1]]
        for index, (cell, text) in enumerate(zip(targets, texts, strict=False)):
            align = aligns[index] if index < len(aligns) else WD_ALIGN_PARAGRAPH.LEFT
            paragraph(
                cell,
                text,
                size=13,
                bold=bold,
                italic=italic,
                align=align,
                indent=False,
                before=2,
                after=2,
                reuse_first=True,
            )

    def repeat_first_row(self) -> None:
        """The heading row repeats on every page the table runs over."""
        self.table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


LEFT, RIGHT = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT


def _award_table(doc: DocxDocument) -> None:
    grid = _Grid(doc, [1.4, 5.6, 6.2, 2.8])
    heading = ("STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ, đơn vị", "Số tiền (đồng)")
    grid.row(*heading, bold=True, aligns=(CENTER,) * 4)
    grid.repeat_first_row()
    grid.row("{%tr for row in award_list.rows %}")
    grid.row('{%tr if row.kind == "heading" %}')
    grid.row("{{ row.number }}", "{{ row.label }}", bold=True, span=(1, 3), aligns=(CENTER,))
    grid.row('{%tr elif row.kind == "group" %}')
    grid.row("{{ row.number }}", "{{ row.label }}", bold=True, italic=True, span=(1, 3), aligns=(CENTER,))
    grid.row('{%tr elif row.kind == "item" %}')
    grid.row(
        "{{ row.number }}",
        "{{ row.label }}",
        "{{ row.detail }}",
        "{{ row.amount }}",
        aligns=(CENTER, LEFT, LEFT, RIGHT),
    )
    grid.row("{%tr else %}")
    grid.row(
        "", "{{ row.label }}", "{{ row.amount }}", bold=True, span=(1, 2), aligns=(CENTER, CENTER, RIGHT)
    )
    grid.row("{%tr endif %}")
    grid.row("{%tr endfor %}")
    grid.row(
        "", "Tổng cộng", "{{ award_list.total }}", bold=True, span=(1, 2), aligns=(CENTER, CENTER, RIGHT)
    )


def _statistics_table(doc: DocxDocument) -> None:
    grid = _Grid(doc, [1.4, 4.8, 1.8, 1.8, 2.8, 3.4])
    heading = (
        "STT",
        "Danh hiệu, hình thức khen thưởng",
        "Tập thể (lượt)",
        "Cá nhân (lượt)",
        "Số tiền (đồng)",
        "{{ statistics.versus_heading }}",
    )
    grid.row(*heading, bold=True, aligns=(CENTER,) * 6)
    grid.repeat_first_row()
    grid.row("{%tr for row in statistics.rows %}")
    grid.row('{%tr if row.kind == "empty" %}')
    grid.row("", "{{ row.label }}", italic=True, span=(1, 5), aligns=(CENTER, CENTER))
    grid.row("{%tr else %}")
    grid.row(
        "{{ row.number }}",
        "{{ row.label }}",
        "{{ row.collective }}",
        "{{ row.individual }}",
        "{{ row.money }}",
        "{{ row.versus }}",
        aligns=(CENTER, LEFT, CENTER, CENTER, RIGHT, LEFT),
    )
    grid.row("{%tr endif %}")
    grid.row("{%tr endfor %}")
    grid.row(
        "",
        "Tổng cộng",
        "{{ statistics.collective }}",
        "{{ statistics.individual }}",
        "{{ statistics.money }}",
        "",
        bold=True,
        aligns=(CENTER, CENTER, CENTER, CENTER, RIGHT),
    )


def decision_template() -> DocxDocument:
    doc = new_document("Mẫu quyết định khen thưởng")
    paragraph(doc, f'{{%p include "{HEADER_PART}" %}}')
    _title(doc, "QUYẾT ĐỊNH", "Về việc {{ subject }}", 3.5)
    paragraph(doc, "{{ authority_line }}", bold=True, align=CENTER, indent=False, before=6)
    _loop(doc, "line in bases", lambda: paragraph(doc, "{{ line }}", italic=True))
    paragraph(doc, "{{ proposal }}", italic=True)
    paragraph(doc, "QUYẾT ĐỊNH:", bold=True, align=CENTER, indent=False, before=12, after=6)
    _article(doc, "Điều 1. ", "{{ article1.text }}")
    _loop(doc, "item in article1['items']", lambda: paragraph(doc, "{{ item }}"))
    _article(doc, "Điều 2. ", "{{ article2.lead }}")
    _loop(doc, "line in article2.lines", lambda: paragraph(doc, "{{ line }}"))
    _closing(doc, _article(doc, "Điều 3. ", "{{ article3 }}"))
    _page_numbers(doc)

    _appendix(doc, "DANH SÁCH", "award_list")
    _award_table(doc)
    paragraph(doc, "{{ award_list.in_words }}", italic=True, before=6)
    paragraph(doc, "{%p if award_list.note %}")
    paragraph(doc, "{{ award_list.note }}", italic=True, size=13)
    paragraph(doc, "{%p endif %}")
    return doc


def report_template() -> DocxDocument:
    """One template for the báo cáo sơ kết and tổng kết; the context says which."""
    doc = new_document("Mẫu báo cáo sơ kết, tổng kết công tác thi đua, khen thưởng")
    paragraph(doc, f'{{%p include "{HEADER_PART}" %}}')
    _title(doc, "BÁO CÁO", "{{ subject }}", 3.5)
    paragraph(doc, "{{ opening }}")

    def bullets(name: str) -> None:
        _loop(doc, f"text in {name}", lambda: paragraph(doc, "- {{ text }}"))

    def paragraphs(name: str) -> None:
        _loop(doc, f"text in {name}", lambda: paragraph(doc, "{{ text }}"))

    paragraph(doc, "I. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG", style=SECTION_STYLE)
    paragraph(doc, "1. Tình hình chung", style=CLAUSE_STYLE)
    paragraph(doc, "a) Thuận lợi", style=POINT_STYLE)
    bullets("advantages")
    paragraph(doc, "b) Khó khăn", style=POINT_STYLE)
    bullets("difficulties")
    paragraph(doc, "2. Công tác lãnh đạo, chỉ đạo, tuyên truyền", style=CLAUSE_STYLE)
    paragraphs("leadership")
    paragraph(doc, "3. Kết quả thực hiện các phong trào thi đua", style=CLAUSE_STYLE)

    def movement() -> None:
        paragraph(doc, "{{ movement.heading }}", style=POINT_STYLE)
        paragraphs("movement.paragraphs")

    _loop(doc, "movement in movements", movement)
    paragraph(doc, "{%p if anniversaries %}")
    paragraph(doc, "{{ anniversaries }}")
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "4. Công tác khen thưởng", style=CLAUSE_STYLE)
    paragraphs("commendation")
    paragraph(doc, "{{ figures.lead }}")
    paragraphs("figures['items']")
    paragraph(doc, "{%p if figures.total %}")
    paragraph(doc, "{{ figures.total }}")
    paragraph(doc, "{%p endif %}")
    paragraphs("deadlines")
    paragraph(doc, "5. Đánh giá chung", style=CLAUSE_STYLE)
    paragraph(doc, "a) Ưu điểm", style=POINT_STYLE)
    bullets("strengths")
    paragraph(doc, "b) Tồn tại, hạn chế", style=POINT_STYLE)
    bullets("shortcomings")
    paragraph(doc, "c) Nguyên nhân", style=POINT_STYLE)
    bullets("causes")
    paragraph(doc, "d) Bài học kinh nghiệm", style=POINT_STYLE)
    bullets("lessons")
    paragraph(doc, "{{ directions_heading }}", style=SECTION_STYLE)
    bullets("directions")
    paragraph(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ", style=SECTION_STYLE)
    bullets("proposals")
    _closing(doc, paragraph(doc, "{{ closing_sentence }}"))
    _page_numbers(doc)

    _appendix(doc, "BIỂU THỐNG KÊ", "statistics")
    _statistics_table(doc)
    for name in ("sources", "note"):
        paragraph(doc, f"{{%p if statistics.{name} %}}")
        paragraph(doc, f"{{{{ statistics.{name} }}}}", italic=True, size=13, before=6)
        paragraph(doc, "{%p endif %}")
    return doc


def _box(par: Paragraph) -> None:
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


TEMPLATES: dict[str, Callable[[], DocxDocument]] = {
    HEADER_PART: header_part,
    CLOSING_PART: closing_part,
    PLAN_TEMPLATE: plan_template,
    DECISION_TEMPLATE: decision_template,
    REPORT_TEMPLATE: report_template,
}


def to_bytes(doc: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


def create_templates(templates_dir: Path, *, force: bool = False) -> list[Path]:
    """Write the starting templates; existing ones are kept unless `force`."""
    written = []
    for name, build in TEMPLATES.items():
        path = templates_dir / name
        if path.exists() and not force:
            continue
        write_atomic(path, to_bytes(build()))
        written.append(path)
    return written

"""The templates of the plan, the decision, the report, the Tờ trình and the council's minutes."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Pt

from tools.authoring.elements import (
    CENTER,
    CLAUSE_STYLE,
    HEADER_PART,
    LEFT,
    POINT_STYLE,
    RIGHT,
    SECTION_STYLE,
    Grid,
    appendix,
    article,
    borderless_table,
    closing,
    loop,
    new_document,
    page_numbers,
    paragraph,
    title,
)


def plan_template() -> DocxDocument:
    doc = new_document("Mẫu kế hoạch công tác thi đua, khen thưởng")
    paragraph(doc, f'{{%p include "{HEADER_PART}" %}}')
    # The title: KẾ HOẠCH, another type name from content (kind.name), or none (a công văn).
    paragraph(doc, '{%p if kind.title == "KẾ HOẠCH" %}')
    title(doc, "KẾ HOẠCH", "{{ subject }}", 3.5)
    paragraph(doc, "{%p elif kind.titled %}")
    title(doc, "{{ kind.title }}", "{{ subject }}", 3.5)
    paragraph(doc, "{%p endif %}")
    paragraph(
        doc,
        "Căn cứ {{ basis }}, {{ issuer.full_name }} ({{ issuer.short_name }}) "
        "xây dựng {{ kind.name }} thực hiện như sau:",
    )
    paragraph(doc, "I. MỤC ĐÍCH YÊU CẦU", style=SECTION_STYLE)
    paragraph(doc, "1. Mục đích", style=CLAUSE_STYLE)
    loop(doc, "text in purposes", lambda: paragraph(doc, "- {{ text }}"))
    paragraph(doc, "2. Yêu cầu", style=CLAUSE_STYLE)
    loop(doc, "text in requirements", lambda: paragraph(doc, "- {{ text }}"))

    paragraph(doc, "II. NỘI DUNG", style=SECTION_STYLE)

    def task() -> None:
        paragraph(doc, "{{ loop.index }}. {{ task.title }}", style=CLAUSE_STYLE)
        loop(doc, "text in task.paragraphs", lambda: paragraph(doc, "{{ text }}"))
        loop(doc, "text in task.bullets", lambda: paragraph(doc, "- {{ text }}"))

    loop(doc, "task in tasks", task)

    paragraph(doc, "III. THỜI GIAN TỔ CHỨC CÁC PHONG TRÀO THI ĐUA", style=SECTION_STYLE)
    paragraph(doc, "Phong trào thi đua được chia thành {{ period_count }} đợt, cụ thể:")

    def period() -> None:
        paragraph(
            doc,
            "{{ loop.index }}. Đợt {{ period.label }}: Từ {{ period.start }} đến {{ period.end }}",
            style=CLAUSE_STYLE,
        )
        loop(doc, "text in period.paragraphs", lambda: paragraph(doc, "{{ text }}"))

    loop(doc, "period in periods", period)

    paragraph(doc, "IV. TỔ CHỨC THỰC HIỆN", style=SECTION_STYLE)
    loop(doc, "text in duties", lambda: paragraph(doc, "{{ loop.index }}. {{ text }}"))
    last = paragraph(doc, "Trên đây là {{ kind.name }} {{ subject_in_text }} của {{ issuer.common_name }}./.")
    closing(doc, last)
    page_numbers(doc)
    return doc


def heading_and_group_rows(grid: Grid) -> None:
    """A list's rows for a title or form (bold, across the row) and for a recipient kind under it
    (bold italic), each kept on the page of the row after it; the item rows follow."""
    grid.row('{%tr if row.kind == "heading" %}')
    grid.row(
        "{{ row.number }}", "{{ row.label }}", bold=True, span=(1, 3), aligns=(CENTER,), keep_with_next=True
    )
    grid.row('{%tr elif row.kind == "group" %}')
    grid.row(
        "{{ row.number }}",
        "{{ row.label }}",
        bold=True,
        italic=True,
        span=(1, 3),
        aligns=(CENTER,),
        keep_with_next=True,
    )


def award_table(doc: DocxDocument) -> None:
    grid = Grid(doc, [1.4, 5.6, 6.2, 2.8])
    heading = ("STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ, đơn vị", "Số tiền (đồng)")
    grid.row(*heading, bold=True, aligns=(CENTER,) * 4)
    grid.repeat_first_row()
    grid.row("{%tr for row in award_list.rows %}")
    heading_and_group_rows(grid)
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


def statistics_table(doc: DocxDocument) -> None:
    grid = Grid(doc, [1.4, 4.8, 1.8, 1.8, 2.8, 3.4])
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
    title(doc, "QUYẾT ĐỊNH", "Về việc {{ subject }}", 3.5)
    paragraph(doc, "{{ authority_line }}", bold=True, align=CENTER, indent=False, before=6)
    loop(doc, "line in bases", lambda: paragraph(doc, "{{ line }}", italic=True))
    paragraph(doc, "{{ proposal }}", italic=True)
    paragraph(doc, "QUYẾT ĐỊNH:", bold=True, align=CENTER, indent=False, before=12, after=6)
    article(doc, "Điều 1. ", "{{ article1.text }}")
    loop(doc, "item in article1['items']", lambda: paragraph(doc, "{{ item }}"))
    article(doc, "Điều 2. ", "{{ article2.lead }}")
    loop(doc, "line in article2.lines", lambda: paragraph(doc, "{{ line }}"))
    closing(doc, article(doc, "Điều 3. ", "{{ article3 }}"))
    page_numbers(doc)

    appendix(doc, "DANH SÁCH", "award_list")
    award_table(doc)
    paragraph(doc, "{{ award_list.in_words }}", italic=True, before=6)
    paragraph(doc, "{%p if award_list.note %}")
    paragraph(doc, "{{ award_list.note }}", italic=True, size=13)
    paragraph(doc, "{%p endif %}")
    return doc


def report_template() -> DocxDocument:
    """One template for the báo cáo sơ kết and tổng kết; the context says which."""
    doc = new_document("Mẫu báo cáo sơ kết, tổng kết công tác thi đua, khen thưởng")
    paragraph(doc, f'{{%p include "{HEADER_PART}" %}}')
    title(doc, "BÁO CÁO", "{{ subject }}", 3.5)
    paragraph(doc, "{{ opening }}")

    def bullets(name: str) -> None:
        loop(doc, f"text in {name}", lambda: paragraph(doc, "- {{ text }}"))

    def paragraphs(name: str) -> None:
        loop(doc, f"text in {name}", lambda: paragraph(doc, "{{ text }}"))

    # a report with its own outline (content's `sections`): one paragraph per line, by kind
    paragraph(doc, "{%p if outline %}")

    def outline_line() -> None:
        for condition, style in (
            ('if line.kind == "section"', SECTION_STYLE),
            ('elif line.kind == "clause"', CLAUSE_STYLE),
            ('elif line.kind == "point"', POINT_STYLE),
            ("else", None),
        ):
            paragraph(doc, f"{{%p {condition} %}}")
            paragraph(doc, "{{ line.text }}", style=style)
        paragraph(doc, "{%p endif %}")

    loop(doc, "line in outline", outline_line)
    paragraph(doc, "{%p else %}")
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

    loop(doc, "movement in movements", movement)
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
    paragraph(doc, "{%p endif %}")
    closing(doc, paragraph(doc, "{{ closing_sentence }}"))
    page_numbers(doc)

    appendix(doc, "BIỂU THỐNG KÊ", "statistics")
    statistics_table(doc)
    for name in ("sources", "note"):
        paragraph(doc, f"{{%p if statistics.{name} %}}")
        paragraph(doc, f"{{{{ statistics.{name} }}}}", italic=True, size=13, before=6)
        paragraph(doc, "{%p endif %}")
    return doc


def proposal_table(doc: DocxDocument) -> None:
    """The danh sách đề nghị: a heading per title or form, a group per recipient kind, one row each."""
    grid = Grid(doc, [1.4, 5.0, 5.2, 4.4])
    heading = ("STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ, đơn vị", "Thành tích")
    grid.row(*heading, bold=True, aligns=(CENTER,) * 4)
    grid.repeat_first_row()
    grid.row("{%tr for row in proposal_list.rows %}")
    heading_and_group_rows(grid)
    grid.row("{%tr else %}")
    grid.row(
        "{{ row.number }}",
        "{{ row.label }}",
        "{{ row.detail }}",
        "{{ row.grounds }}",
        aligns=(CENTER, LEFT, LEFT, LEFT),
    )
    grid.row("{%tr endif %}")
    grid.row("{%tr endfor %}")


def proposal_template() -> DocxDocument:
    """Tờ trình đề nghị khen thưởng (Nghị định 30, văn bản có tên loại) with its danh sách đề nghị."""
    doc = new_document("Mẫu tờ trình đề nghị khen thưởng")
    paragraph(doc, f'{{%p include "{HEADER_PART}" %}}')
    title(doc, "TỜ TRÌNH", "Về việc {{ subject }}", 3.5)
    paragraph(doc, "{%p if addressees|length == 1 %}")
    paragraph(doc, "Kính gửi: {{ addressees[0] }}", align=CENTER, indent=False, after=12)
    paragraph(doc, "{%p else %}")
    paragraph(doc, "Kính gửi:", align=CENTER, indent=False)
    loop(doc, "line in addressees", lambda: paragraph(doc, "{{ line }}", align=CENTER, indent=False))
    paragraph(doc, "{%p endif %}")
    loop(doc, "line in bases", lambda: paragraph(doc, "{{ line }}"))
    paragraph(doc, "{{ lead }}")
    loop(doc, "item in items", lambda: paragraph(doc, "{{ item }}"))
    paragraph(doc, "{{ attached }}", italic=True)
    closing(doc, paragraph(doc, "{{ closing_sentence }}"))
    page_numbers(doc)

    appendix(doc, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "proposal_list", compact=True)
    proposal_table(doc)
    return doc


def minutes_closing(doc: DocxDocument) -> None:
    """The secretary and the chair side by side; Nơi nhận under the secretary."""
    table = borderless_table(doc, [7.0, 9.0], rows=2)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    center = dict(align=CENTER, indent=False, before=0, after=0)
    for cell, role, name in zip(
        table.rows[0].cells, ("THƯ KÝ", "CHỦ TỌA"), ("{{ secretary }}", "{{ chair_name }}"), strict=True
    ):
        paragraph(cell, role, size=14, bold=True, reuse_first=True, **center)
        for _ in range(4):
            paragraph(cell, **center)
        paragraph(cell, name, size=14, bold=True, **center)
        for par in cell.paragraphs:
            par.paragraph_format.keep_with_next = True  # the signatures stay with Nơi nhận
    left = table.rows[1].cells[0]
    plain = dict(indent=False, before=0, after=0)
    heading = paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True, reuse_first=True, **plain)
    heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    heading.paragraph_format.space_before = Pt(12)
    paragraph(left, "{%p for line in recipients %}", size=11, **plain)
    paragraph(left, "{{ line }}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, **plain)
    paragraph(left, "{%p endfor %}", size=11, **plain)


def minutes_table(doc: DocxDocument) -> None:
    grid = Grid(doc, [1.3, 4.0, 3.9, 1.6, 1.8, 1.7, 1.7])
    heading = (
        "STT",
        "Họ và tên, tên tập thể",
        "Danh hiệu, hình thức",
        "Tán thành",
        "Không tán thành",
        "Tỷ lệ",
        "Kết quả",
    )
    grid.row(*heading, bold=True, aligns=(CENTER,) * 7)
    grid.repeat_first_row()
    grid.row("{%tr for row in votes %}")
    grid.row(
        "{{ row.number }}",
        "{{ row.name }}",
        "{{ row.form }}",
        "{{ row.for }}",
        "{{ row.against }}",
        "{{ row.percent }}",
        "{{ row.result }}",
        aligns=(CENTER, LEFT, LEFT, CENTER, CENTER, CENTER, CENTER),
    )
    grid.table.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a vote stays whole
    grid.row("{%tr endfor %}")


def minutes_template() -> DocxDocument:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng (Nghị định 30, văn bản có tên loại)."""
    doc = new_document("Mẫu biên bản họp Hội đồng Thi đua - Khen thưởng")
    paragraph(doc, f'{{%p include "{HEADER_PART}" %}}')
    title(doc, "BIÊN BẢN", "{{ subject }}", 3.5)
    paragraph(doc, "{{ opening }}")
    paragraph(doc, "1. Thành phần tham dự", style=CLAUSE_STYLE)
    paragraph(doc, "{{ attendance }}")
    loop(doc, "line in present", lambda: paragraph(doc, "{{ line }}"))
    paragraph(doc, "{%p if absent %}")
    paragraph(doc, "Vắng mặt:")
    loop(doc, "line in absent", lambda: paragraph(doc, "{{ line }}"))
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "{{ chair }}")
    paragraph(doc, "2. Kết quả bỏ phiếu", style=CLAUSE_STYLE)
    paragraph(doc, "{{ method }}")
    loop(doc, "line in thresholds", lambda: paragraph(doc, "{{ line }}"))
    minutes_table(doc)
    paragraph(doc, "{%p if votes_note %}")
    paragraph(doc, "{{ votes_note }}", italic=True, size=13, before=6)
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "3. Kết luận", style=CLAUSE_STYLE, before=12)
    loop(doc, "text in conclusion", lambda: paragraph(doc, "{{ text }}"))
    last = paragraph(doc, "{{ closing_sentence }}")
    last.paragraph_format.keep_with_next = True
    paragraph(doc, "", before=6).paragraph_format.keep_with_next = True
    minutes_closing(doc)
    page_numbers(doc)
    return doc

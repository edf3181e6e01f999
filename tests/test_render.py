"""Content is data: it comes out literally; templates fail loudly and precisely."""

from __future__ import annotations

import pytest
from docx import Document

from pipeline.documents.plan import context as compute
from pipeline.documents.plan import rules as validate
from pipeline.documents.registry import PLAN_TEMPLATE, render_plan
from pipeline.word import reader as extract
from pipeline.word import render
from pipeline.word.render import TemplateProblem

from .conftest import edit

PLAN = "content/2024/ke-hoach.yaml"
TRICKY = """A & B < C > D "trích" 'dẫn' {{ x }} {% if y %} {_{ z }_} &amp;"""


def rendered_texts(project) -> list[str]:
    import io

    return extract.texts(Document(io.BytesIO(render_plan(project, 2024))))


def test_markup_in_content_comes_out_literally_in_body_and_header(project):
    quoted = "'" + TRICKY.replace("'", "''") + "'"
    edit(project.root / PLAN, "  - Phát động và triển khai", f"  - {quoted}\n  - Phát động và triển khai")
    edit(project.root / "content/shared/co-quan.yaml", "parent: UBND TỈNH BẮC KẠN", "parent: UBND & <TỈNH>")
    texts = rendered_texts(project)
    assert f"- {TRICKY}" in texts
    assert "UBND & <TỈNH>" in texts
    # the paragraph after the tricky one is intact: nothing after '&' was swallowed
    assert texts[texts.index(f"- {TRICKY}") + 1].startswith("- Phát động và triển khai")


def test_every_variable_the_templates_use_is_provided(project):
    context = compute.plan_context(validate.load_plan(project.root, 2024))
    used = render.template_variables(project.templates / PLAN_TEMPLATE)
    assert {"header", "closing", "subject", "periods", "tasks"} <= used  # header, closing: the shared parts
    assert used <= set(context), f"not provided: {sorted(used - set(context))}"


def add_paragraph(path, text: str) -> None:
    document = Document(str(path))
    document.add_paragraph(text)
    document.save(str(path))


def test_an_undefined_variable_names_the_template_and_the_tag(project):
    add_paragraph(project.templates / PLAN_TEMPLATE, "Ghi chú: {{ ghi_chu_moi }}")
    with pytest.raises(TemplateProblem) as caught:
        render_plan(project, 2024)
    message = str(caught.value)
    assert message.startswith(
        "templates/ke-hoach.docx: lỗi mẫu: biến chưa được cung cấp: 'ghi_chu_moi' is undefined"
    )
    assert "(tại: Ghi chú: {{ ghi_chu_moi }})" in message


def test_a_syntax_error_in_a_shared_part_names_the_part_and_the_tag(project):
    add_paragraph(project.templates / "parts/cuoi-van-ban.docx", "{% for x in %}")
    with pytest.raises(TemplateProblem) as caught:
        render_plan(project, 2024)
    message = str(caught.value)
    assert message.startswith("templates/parts/cuoi-van-ban.docx: lỗi mẫu: ")
    assert "{% for x in %}" in message


def test_text_typed_decomposed_in_a_template_comes_out_nfc(project):
    import io
    import unicodedata
    import zipfile

    decomposed = unicodedata.normalize("NFD", "Ghi chú: Việt Nam")
    assert decomposed != "Ghi chú: Việt Nam"
    add_paragraph(project.templates / PLAN_TEMPLATE, decomposed)
    with zipfile.ZipFile(io.BytesIO(render_plan(project, 2024))) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "Ghi chú: Việt Nam" in xml
    assert xml == unicodedata.normalize("NFC", xml)

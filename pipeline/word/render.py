"""Render docxtpl templates through a strict Jinja environment.

- autoescape on: content holding '&', '<', quotes comes out literally and the XML stays valid;
- undefined variables are errors;
- `{%p include "parts/<name>.docx" %}` inserts the body of a shared part (header, signature
  block), itself a .docx a clerk can open in Word, rendered with the same context;
- a template error names the template file and the tag.
"""

from __future__ import annotations

import io
import re
import traceback
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from docx import Document
from docxtpl import DocxTemplate
from jinja2 import meta
from lxml import etree

from pipeline.errors import InputProblem, display_path, os_reason, technical

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class TemplateProblem(InputProblem):
    """A fault in a template (not in content); the CLI exits 2."""


def _patch(template_path: Path, xml: str) -> str:
    """docxtpl's clean-up of Word's run splitting, so that Jinja sees whole tags."""
    patched = DocxTemplate(template_path).patch_xml(xml)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def check_package(path: Path, root: Path) -> None:
    """Raise TemplateProblem unless `path` is a readable .docx (a zip with word/document.xml)."""
    shown = display_path(path, root)
    fix = "chép lại mẫu từ bản gốc (git checkout -- templates/ hoặc tdkt templates --force)"
    if path.is_dir():
        raise TemplateProblem(f"{shown}: mẫu văn bản là một thư mục, không phải tệp .docx; {fix}")
    if not path.is_file():
        raise TemplateProblem(f"{shown}: không có mẫu văn bản này; {fix}")
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise TemplateProblem(
                    f"{shown}: mẫu không phải tệp Word (.docx) hợp lệ: thiếu word/document.xml; {fix}"
                )
            for name in sorted(names):
                if name.endswith((".xml", ".rels")):
                    try:
                        etree.fromstring(package.read(name))
                    except etree.XMLSyntaxError as exc:
                        raise TemplateProblem(
                            f"{shown}: phần {name} trong mẫu bị hỏng ({technical(exc)}); {fix}"
                        ) from exc
            opened = Document(str(path))
            opened.element.body  # noqa: B018 - the main part must be a Word document
    except TemplateProblem:
        raise
    except zipfile.BadZipFile as exc:
        raise TemplateProblem(f"{shown}: mẫu hỏng hoặc không phải tệp Word (.docx); {fix}") from exc
    except OSError as exc:
        raise TemplateProblem(f"{shown}: không đọc được mẫu ({os_reason(exc)}); {fix}") from exc
    except Exception as exc:  # python-docx refusing the package: what it says is all we know
        why = technical(exc)
        raise TemplateProblem(f"{shown}: mẫu không mở được như tệp Word (.docx) ({why}); {fix}") from exc


def part_body_xml(path: Path, root: Path) -> str:
    """The body of a shared part, without its section properties, ready for Jinja; `root` is the
    project, for the file name in a TemplateProblem."""
    check_package(path, root)
    body = Document(str(path)).element.body
    pieces = [body.text or ""]
    for child in body:
        if child.tag == f"{{{W_NS}}}sectPr":
            continue
        pieces.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return _patch(path, "".join(pieces))


class PartLoader(jinja2.BaseLoader):
    """Loads `parts/<name>.docx` below the templates folder as Jinja source."""

    def __init__(self, templates_dir: Path):
        self.templates_dir = templates_dir

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.templates_dir / template
        if not path.is_file() or path.suffix != ".docx":
            raise jinja2.TemplateNotFound(template)
        mtime = path.stat().st_mtime
        return (
            part_body_xml(path, self.templates_dir.parent),
            str(path),
            lambda: path.stat().st_mtime == mtime,
        )


def environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=PartLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env


class StrictDocxTemplate(DocxTemplate):
    """A DocxTemplate that reports template faults by file and tag.

    It also drops docxtpl's rewriting of '{_{' into '{{' after rendering, which would
    alter content that happens to contain those characters.
    """

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path

    def render_xml_part(self, src_xml, part, context, jinja_env=None):  # type: ignore[override]
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        try:
            dst_xml = jinja_env.from_string(src_xml).render(context)
        except (jinja2.TemplateError, TypeError, AttributeError, ValueError) as exc:
            raise TemplateProblem(describe(exc, self.path, src_xml)) from exc
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        # Text typed in Word with a decomposed-Unicode keyboard setting becomes NFC like the content.
        return unicodedata.normalize("NFC", self.resolve_listing(dst_xml))


def _plain(xml_line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", xml_line)).strip()


def describe(exc: Exception, main: Path, main_source: str) -> str:
    """'templates/x.docx: lỗi mẫu: ... (tại: {{ tag }})'."""
    name, lineno = getattr(exc, "filename", None) or getattr(exc, "name", None), getattr(exc, "lineno", None)
    if lineno is None:  # a runtime error: find the template frame in the traceback
        for frame, line in traceback.walk_tb(exc.__traceback__):
            filename = frame.f_code.co_filename
            if filename.endswith(".docx") or filename == "<template>":
                name, lineno = filename, line
    name = name if name and name != "<template>" else str(main)
    where = ""
    if lineno is not None:
        source = (
            main_source
            if name == str(main)
            else Path(name).exists() and part_body_xml(Path(name), main.parent.parent)
        )
        if source:
            lines = source.splitlines()
            if 0 < lineno <= len(lines):
                where = f" (tại: {_plain(lines[lineno - 1])[:160]})"
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    if isinstance(exc, jinja2.UndefinedError):
        message = f"biến chưa được cung cấp: {message}"
    return f"{display_path(Path(name), main.parent.parent)}: lỗi mẫu: {message}{where}"


def render(template_path: Path, context: dict[str, Any]) -> DocxTemplate:
    """Render a template with a context; the result is kept in memory."""
    templates_dir = template_path.parent
    check_package(template_path, templates_dir.parent)
    tpl = StrictDocxTemplate(template_path)
    tpl.render(context, jinja_env=environment(templates_dir))
    return tpl


def template_variables(template_path: Path) -> set[str]:
    """Top-level variables a template and the parts it includes use."""
    env = environment(template_path.parent)
    tpl = DocxTemplate(str(template_path))
    tpl.init_docx()
    sources = [_patch(template_path, tpl.get_xml())]
    for rel in tpl.docx.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")):
            sources.append(_patch(template_path, rel.target_part.blob.decode("utf-8")))
    names: set[str] = set()
    seen: set[str] = set()
    while sources:
        ast = env.parse(sources.pop())
        names |= meta.find_undeclared_variables(ast)
        for included in meta.find_referenced_templates(ast):
            if included and included not in seen:
                seen.add(included)
                sources.append(env.loader.get_source(env, included)[0])
    return names


def to_bytes(tpl: DocxTemplate) -> bytes:
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()

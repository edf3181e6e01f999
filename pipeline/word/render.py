"""Render docxtpl templates through a strict Jinja environment.

- autoescape on: content holding '&', '<', quotes comes out literally and the XML stays valid;
- undefined variables are errors;
- `{%p include "parts/<name>.docx" %}` inserts the body of a shared part (header, signature
  block), itself a .docx a clerk can open in Word, rendered with the same context;
- a template error names the template file and the tag.
"""

from __future__ import annotations

import contextlib
import io
import re
import traceback
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from docx import Document
from docx.opc.part import XmlPart
from docxtpl import DocxTemplate
from jinja2 import meta
from lxml import etree

from pipeline.errors import InputProblem, display_path, os_reason, technical

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


class TemplateProblem(InputProblem):
    """A fault in a template (not in content); the CLI exits 2."""


def _patch(template_path: Path, xml: str) -> str:
    """docxtpl's clean-up of Word's run splitting, so that Jinja sees whole tags."""
    patched = DocxTemplate(template_path).patch_xml(xml)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


_FIX = "chép lại mẫu từ bản gốc (git checkout -- templates/ hoặc tdkt templates --force)"
_PART_NAMES = ("[Content_Types].xml", "word/document.xml")


def _template_problem(path: Path, root: Path, why: str) -> TemplateProblem:
    return TemplateProblem(f"{display_path(path, root)}: {why}; {_FIX}")


def _broken_part(package: zipfile.ZipFile, names: Iterable[str]) -> tuple[str, Exception] | None:
    """The first of `names` (XML parts) that does not parse, with lxml's reason."""
    for name in sorted(names):
        if name.endswith((".xml", ".rels")):
            try:
                etree.fromstring(package.read(name))
            except etree.XMLSyntaxError as exc:
                return name, exc
    return None


@contextlib.contextmanager
def _package(path: Path, root: Path) -> Iterator[zipfile.ZipFile]:
    """The template's zip, with every way of not being one as a TemplateProblem."""
    if path.is_dir():
        raise _template_problem(path, root, "mẫu văn bản là một thư mục, không phải tệp .docx")
    if not path.is_file():
        raise _template_problem(path, root, "không có mẫu văn bản này")
    try:
        with zipfile.ZipFile(path) as package:
            if not set(_PART_NAMES) <= set(package.namelist()):
                raise _template_problem(
                    path, root, "mẫu không phải tệp Word (.docx) hợp lệ: thiếu word/document.xml"
                )
            yield package
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # also a part damaged inside the zip
        raise _template_problem(path, root, "mẫu hỏng hoặc không phải tệp Word (.docx)") from exc
    except OSError as exc:
        raise _template_problem(path, root, f"không đọc được mẫu ({os_reason(exc)})") from exc


def open_template(path: Path, root: Path) -> DocumentObject:
    """The template opened as a Word document; TemplateProblem unless every XML part of it is
    well-formed, since the parts python-docx does not read are copied into the output as they are."""
    with _package(path, root) as package:
        try:
            opened = Document(str(path))
            opened.element.body  # noqa: B018 - the main part must be a Word document
            opened.core_properties.author  # noqa: B018 - and its properties part a properties part
        except Exception as exc:  # python-docx refusing the package: name the broken part if any
            broken = _broken_part(package, package.namelist())
            if broken is not None:
                why = f"phần {broken[0]} trong mẫu bị hỏng ({technical(broken[1])})"
                raise _template_problem(path, root, why) from exc
            why = f"mẫu không mở được như tệp Word (.docx) ({technical(exc)})"
            raise _template_problem(path, root, why) from exc
        parsed = {p.partname.lstrip("/") for p in opened.part.package.iter_parts() if isinstance(p, XmlPart)}
        broken = _broken_part(package, set(package.namelist()) - parsed)
        if broken is not None:
            why = f"phần {broken[0]} trong mẫu bị hỏng ({technical(broken[1])})"
            raise _template_problem(path, root, why)
    return opened


def part_body_xml(path: Path, root: Path) -> str:
    """The body of a shared part, without its section properties, ready for Jinja; `root` is the
    project, for the file name in a TemplateProblem. Only the part's text is used: its styles,
    settings and other parts are not read."""
    with _package(path, root) as package:
        try:
            document = etree.fromstring(package.read("word/document.xml"))
        except etree.XMLSyntaxError as exc:
            why = f"phần word/document.xml trong mẫu bị hỏng ({technical(exc)})"
            raise _template_problem(path, root, why) from exc
    body = document.find(f"{{{W_NS}}}body")
    if document.tag != f"{{{W_NS}}}document" or body is None:
        raise _template_problem(path, root, "mẫu không mở được như tệp Word (.docx) (không có phần thân)")
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


_TEXT_ELEMENT = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.DOTALL)
_LISTING_CHARACTERS = ("\t", "\a", "\n", "\f")


def needs_listing(xml: str) -> bool:
    """Whether docxtpl's resolve_listing would change `xml`: only text elements holding a tab, a
    \\a, a newline or a form feed are rewritten (every text element it visits lies inside one
    found here)."""
    if not any(c in xml for c in _LISTING_CHARACTERS):
        return False
    return any(any(c in m.group(0) for c in _LISTING_CHARACTERS) for m in _TEXT_ELEMENT.finditer(xml))


class StrictDocxTemplate(DocxTemplate):
    """A DocxTemplate that reports template faults by file and tag.

    It also drops docxtpl's rewriting of '{_{' into '{{' after rendering, which would
    alter content that happens to contain those characters. The body is rendered to the same
    XML as docxtpl's, with less work for long documents: resolve_listing only when some text
    needs it, and tables fixed in one pass (see `fix_tables`).
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
        if needs_listing(dst_xml):
            dst_xml = self.resolve_listing(dst_xml)
        # Text typed in Word with a decomposed-Unicode keyboard setting becomes NFC like the content.
        return unicodedata.normalize("NFC", dst_xml)

    def render(self, context, jinja_env=None, autoescape=False):  # type: ignore[override]
        """docxtpl's render; the body is streamed from Jinja into the document (`_StreamedBody`)
        when that gives the same XML, else rendered as docxtpl does."""
        self.render_init()
        if autoescape:
            jinja_env.autoescape = autoescape
        source = self.patch_xml(self.get_xml())
        tree = _StreamedBody(self, source, context, jinja_env).document()
        if tree is None:  # docxtpl's way
            tree = etree.fromstring(
                self.render_xml_part(source, self.docx._part, context, jinja_env),
                etree.XMLParser(recover=True),
            )
            fix_tables(tree)
            self.fix_docpr_ids(tree)
            self.map_tree(tree)
        else:
            fix_tables(tree)
            for drawing in tree.iter(WP_DOCPR):  # docxtpl's fix_docpr_ids: ids renumbered in order
                self.docx_ids_index += 1
                drawing.attrib["id"] = str(self.docx_ids_index)
            self.docx._element = self.docx.part._element = tree
        for uri in (self.HEADER_URI, self.FOOTER_URI):
            for rel_key, xml in self.build_headers_footers_xml(context, uri, jinja_env):
                self.map_headers_footers_xml(rel_key, xml)
        self.render_properties(context, jinja_env)
        self.render_footnotes(context, jinja_env)
        self.is_rendered = True


_BODY_MARK = "tdkt-body"
_DECLARING_TAG = re.compile(r"<[\w.-]+(?::[\w.-]+)?\s[^>]*\bxmlns\b[^>]*>")
_DECLARATION = re.compile(r'\s(xmlns(?::([\w.-]+))?)="([^"]*)"')
_BODY_START = re.compile(r"<w:body\b[^>]*>")
_DESCENDANTS = etree.XPath("count(descendant::*)")
_CHUNK = 1 << 20


def _opened(xml: str) -> int:
    """Elements opened in a piece of XML: every "<" opens or closes an element, a comment or an
    instruction (text and attribute values hold "&lt;")."""
    return xml.count("<") - xml.count("</") - xml.count("<!") - xml.count("<?")


class _Abandon(Exception):
    """The streamed body would differ from docxtpl's: render it docxtpl's way."""


class _StreamedBody:
    """The document with its body rendered by Jinja piece by piece into lxml's feed parser.

    docxtpl joins Jinja's output into one string, rewrites it three times, parses it on its own
    and moves the body into the document: several copies of a long list in memory, and a move
    that costs lxml a fix-up of every element and drops each namespace declaration whose URI
    the element's ancestors already declare. Here the same rewrites are made on each piece, the
    document is fed around the body, and the body's own declarations (copies of the document's)
    are dropped as text; every other element that declares a namespace (the top-level elements
    of the shared parts) is moved once more within the tree, so that lxml drops its redundant
    declarations exactly as the whole move would. Output that resolve_listing would change (a
    tab, newline, \\a or form feed anywhere) and a body that redeclares a namespace URI under
    another prefix abandon the stream.
    """

    def __init__(self, template: StrictDocxTemplate, source: str, context: dict, env: jinja2.Environment):
        self.template, self.context, self.env = template, context, env
        self.source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
        self.root = template.docx._element
        self.parser = _document_parser()
        self.opened = 0
        """Elements opened so far below the body (its descendants in document order)."""
        self.declaring: list[int] = []
        """Which of them declare a namespace."""

    def document(self) -> etree._Element | None:
        try:
            template = self.env.from_string(self.source)
        except jinja2.TemplateError as exc:
            raise TemplateProblem(describe(exc, self.template.path, self.source)) from exc
        try:
            return self._build(template.generate(self.context))
        except _Abandon:
            return None
        except (jinja2.TemplateError, TypeError, AttributeError, ValueError) as exc:
            raise TemplateProblem(describe(exc, self.template.path, self.source)) from exc

    def _build(self, pieces: Iterator[str]) -> etree._Element:
        pending: list[str] = []
        size = 0
        head = True
        for piece in pieces:
            piece = piece.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            if any(c in piece for c in _LISTING_CHARACTERS):
                raise _Abandon
            pending.append(piece)
            size += len(piece)
            if size < _CHUNK:
                continue
            text = "".join(pending)
            cut = text.rfind("<")  # a chunk ends before a tag: NFC never joins across "<"
            if cut <= 0 or (head and not _BODY_START.match(text, 0, cut)):
                pending, size = [text], len(text)
                continue
            self._feed(text[:cut], head)
            head = False
            pending, size = [text[cut:]], len(text) - cut
        self._feed("".join(pending), head)
        self.parser.feed(self.after)
        tree = self.parser.close()
        self._redo_moves(tree[self.index])
        return tree

    def _feed(self, text: str, head: bool) -> None:
        text = unicodedata.normalize("NFC", text)
        start = 0
        if head:
            found = _BODY_START.match(text)
            if found is None:
                raise _Abandon
            self.parser.feed(self._document_start(found.group(0)))
            start = found.end()
        counted = start
        for match in _DECLARING_TAG.finditer(text, start):
            self.opened += _opened(text[counted : match.start()])
            self.declaring.append(self.opened)
            self.opened += 1
            counted = match.start() + 1
        self.opened += _opened(text[counted:])
        self.parser.feed(text[start:] if start else text)

    def _document_start(self, body_tag: str) -> str:
        """The document up to the body's start tag, which keeps only its own declarations."""
        declared = {uri: prefix for prefix, uri in self.root.nsmap.items()}
        kept = []
        for declaration in _DECLARATION.finditer(body_tag):
            prefix, uri = declaration.group(2), declaration.group(3)
            if uri not in declared:
                kept.append(declaration.group(0))
            elif declared[uri] != prefix:
                raise _Abandon  # lxml would rename the prefix
        body_tag = _DECLARATION.sub("", body_tag)
        if kept:
            body_tag = body_tag[:-1] + "".join(kept) + ">"
        root = self.root
        body = root.body
        self.index = root.index(body)
        root.remove(body)
        root.insert(self.index, etree.Comment(_BODY_MARK))
        try:
            before, self.after = etree.tostring(root, encoding="unicode").split(f"<!--{_BODY_MARK}-->")
        finally:
            root.remove(root[self.index])
            root.insert(self.index, body)
        return before + body_tag

    def _redo_moves(self, body: etree._Element) -> None:
        """Move each top-level element holding a declaring element where it is: lxml's move
        drops its declarations that repeat its ancestors'."""
        if not self.declaring:
            return
        first = 0
        moved = []
        for child in body:
            last = first + int(_DESCENDANTS(child))
            if any(first <= d <= last for d in self.declaring):
                moved.append(child)
            first = last + 1
        for child in moved:
            body.insert(body.index(child), child)


def _document_parser() -> etree.XMLParser:
    """docxtpl's parser for a rendered body (recover=True, blank text kept), making python-docx's
    element classes as the document's own parser does."""
    from docx.oxml.parser import element_class_lookup

    parser = etree.XMLParser(recover=True)
    parser.set_element_class_lookup(element_class_lookup)
    return parser


_XPATH_NS = {"w": W_NS}
_WIDER_ROW = etree.XPath("boolean(.//w:tr/w:tc[$cell])", namespaces=_XPATH_NS)
"""Some row has a cell at position $cell."""


def _spanned(row: etree._Element, ns: str) -> int:
    """Grid columns a row's cells span."""
    total = 0
    for cell in row.findall(ns + "tc"):
        properties = cell.find(ns + "tcPr")
        span = None if properties is None else properties.find(ns + "gridSpan")
        total += 1 if span is None else int(span.get(ns + "val"))
    return total


def fix_tables(tree: etree._Element) -> None:
    """docxtpl's fix_tables on a parsed tree: a grid gets columns when a row has more cells than
    it, and loses them when every row has fewer (gridSpan counted). Each table is first asked in
    XPath whether anything is to change, so that long tables are not walked row by row."""
    ns = "{" + W_NS + "}"
    for table in tree.iter(ns + "tbl"):
        grid = table.find(ns + "tblGrid")
        columns = grid.findall(ns + "gridCol")
        if not _WIDER_ROW(table, cell=len(columns) + 1) and any(
            _spanned(row, ns) >= len(columns) for row in table.iter(ns + "tr")
        ):
            continue  # nothing to add, nothing to remove (usually the first row spans the grid)
        counts: list[int] = []
        spans: list[int] = []
        for row in table.iter(ns + "tr"):
            cells = row.findall(ns + "tc")
            counts.append(len(cells))
            spans.append(_spanned(row, ns))
        to_add = max([0, *(count - len(columns) for count in counts)])
        if to_add > 0:
            width = sum(float(c.get(ns + "w")) for c in columns if c.get(ns + "w") is not None)
            if width > 0:
                old_average = width / len(columns)
                new_average = width / (len(columns) + to_add)
                for c in columns:
                    c.set(ns + "w", str(int(float(c.get(ns + "w")) * new_average / old_average)))
                for _ in range(to_add):
                    etree.SubElement(grid, ns + "gridCol", {ns + "w": str(int(new_average))})
            columns = grid.findall(ns + "gridCol")
        to_remove = len(columns) - max([0, *spans])
        if to_remove > 0:
            removed_width = 0.0
            for c in columns[-to_remove:]:
                removed_width += float(c.get(ns + "w"))
                grid.remove(c)
            left = grid.findall(ns + "gridCol")
            extra_space = int(removed_width / len(left)) if left else 0
            for c in left:
                c.set(ns + "w", str(int(float(c.get(ns + "w")) + extra_space)))


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
    tpl = StrictDocxTemplate(template_path)
    tpl.docx = open_template(template_path, templates_dir.parent)
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

"""Property: the diff reports a change exactly when the two documents' texts differ."""

from __future__ import annotations

import tempfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.word import diff as docdiff
from pipeline.word import diff_html, redline

from .docx_fixtures import reopened, saved

# any Unicode XML can hold: no surrogates, no control characters but tab and line feed
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc", "Cn"), whitelist_characters="\t\n")
TEXT = st.one_of(
    st.sampled_from(["", "Điều 1.", "540.000", "5.400.000 đồng", "Nông Thị Hạnh", "Nông Thị\nHạnh"]),
    st.text(CHARACTERS, max_size=12),
)
TABLE = st.integers(1, 3).flatmap(
    lambda cols: st.lists(st.lists(TEXT, min_size=cols, max_size=cols), min_size=1, max_size=3)
)
BLOCK = st.one_of(TEXT, TABLE)
"""A paragraph (its text) or a table (rows of cell texts)."""
SPEC = st.lists(BLOCK, max_size=5)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[list, list]:
    """Two document specs: the same, one block changed, or drawn apart."""
    old = draw(SPEC)
    how = draw(st.sampled_from(["same", "one", "apart"]))
    if how == "same":
        return old, list(old)
    if how == "one" and old:
        new = list(old)
        new[draw(st.integers(0, len(old) - 1))] = draw(BLOCK)
        return old, new
    return old, draw(SPEC)


def build(spec: list) -> DocxDocument:
    document = Document()
    for block in spec:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    return reopened(saved(document))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_a_change_is_reported_exactly_when_the_texts_differ(pair):
    old, new = build(pair[0]), build(pair[1])
    differ = docdiff.document_text(old) != docdiff.document_text(new)
    comparison = docdiff.compare(old, new, "cũ", "mới")
    assert comparison.same is not differ
    assert bool(docdiff.render_text(comparison)) is differ
    assert ("Hai văn bản giống nhau." not in diff_html.render_html(comparison)) is differ
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder, "a.docx"), Path(folder, "b.docx")
        a.write_bytes(saved(old))
        b.write_bytes(saved(new))
        assert main(["--root", folder, "diff", str(a), str(b), "--color", "never"]) == (1 if differ else 0)
        if not differ:
            return
        # the redline the command wrote: accepted, the new text; rejected, the old
        data = Path(folder, "output/diff/a--b-redline.docx").read_bytes()
    assert docdiff.document_text(redline.accept_document(reopened(data))) == docdiff.document_text(new)
    assert docdiff.document_text(redline.reject_document(reopened(data))) == docdiff.document_text(old)

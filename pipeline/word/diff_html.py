"""The reviewer's comparison as a side-by-side HTML page: old on the left, new on the right."""

from __future__ import annotations

import html

from pipeline.word.diff import KIND_WORDS, Change, Comparison, summary, what

_STYLE = """
body { font-family: "Times New Roman", "Liberation Serif", serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { border: 1px solid #bbb; padding: .4em .6em; vertical-align: top; white-space: pre-wrap; }
th { background: #eee; } td.where { font-family: sans-serif; font-size: .85em; color: #555; width: 16em; }
del { background: #fdd; color: #900; } ins { background: #dfd; color: #060; text-decoration: none; }
.note { color: #850; font-style: italic; display: block; } tr.move td { background: #eef; }
"""


def _marked(tag: str, text: str, element: str) -> str:
    return html.escape(text) if tag == "equal" else f"<{element}>{html.escape(text)}</{element}>"


def _unified(change: Change) -> tuple[str, str]:
    """The safety net's unified diff: removed lines on the left, added lines on the right."""
    old, new = [], []
    for line in change.lines:
        if line.startswith("-"):
            old.append(f"<del>{html.escape(line[1:])}</del>")
        elif line.startswith("+"):
            new.append(f"<ins>{html.escape(line[1:])}</ins>")
        elif line.startswith(" "):
            old.append(html.escape(line[1:]))
            new.append(html.escape(line[1:]))
    return "\n".join(old), "\n".join(new)


def render_html(comparison: Comparison) -> str:
    """A side-by-side page: old on the left, new on the right."""
    esc = html.escape
    rows = []
    for change in comparison.changes:
        old_cell = new_cell = ""
        if change.kind == "replace":
            old_cell = "".join(_marked(tag, t, "del") for tag, t in change.words if tag != "insert")
            new_cell = "".join(_marked(tag, t, "ins") for tag, t in change.words if tag != "delete")
        elif change.kind == "delete":
            old_cell = f"<del>{esc(change.old.text)}</del>"
        elif change.kind == "insert":
            new_cell = f"<ins>{esc(change.new.text)}</ins>"
        elif change.kind == "text":
            old_cell, new_cell = _unified(change)
        else:
            old_cell, new_cell = esc(change.old.text), esc(change.new.text)
        notes = "".join(f'<span class="note">{esc(n)}</span>' for n in change.notes)
        kind = f"{what(change.new or change.old)} {KIND_WORDS[change.kind]}"
        label = f"{esc(change.part)}<br>{esc(change.where)}<br>{kind}"
        css = ' class="move"' if change.kind == "move" else ""
        rows.append(
            f'<tr{css}><td class="where">{label}</td><td>{old_cell}</td><td>{new_cell}{notes}</td></tr>'
        )
    body = "\n".join(rows) or '<tr><td colspan="3">Hai văn bản giống nhau.</td></tr>'
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>So sánh: {esc(comparison.old_name)} → {esc(comparison.new_name)}</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>So sánh văn bản</h1><p>{esc(summary(comparison))}</p>"
        f"<table><tr><th>Vị trí</th><th>{esc(comparison.old_name)}</th>"
        f"<th>{esc(comparison.new_name)}</th></tr>"
        f"{body}</table></body></html>\n"
    )

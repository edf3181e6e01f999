"""Creates the starting .docx templates (tdkt templates, or python -m tools.authoring).

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

from docx.document import Document as DocxDocument

from pipeline.word.write import normalize_zip, write_atomic
from tools.authoring.elements import (
    CLOSING_PART,
    DECISION_TEMPLATE,
    HEADER_PART,
    MINUTES_TEMPLATE,
    PLAN_TEMPLATE,
    PROPOSAL_TEMPLATE,
    REPORT_TEMPLATE,
)
from tools.authoring.kinds import (
    decision_template,
    minutes_template,
    plan_template,
    proposal_template,
    report_template,
)
from tools.authoring.parts import closing_part, header_part

TEMPLATES: dict[str, Callable[[], DocxDocument]] = {
    HEADER_PART: header_part,
    CLOSING_PART: closing_part,
    PLAN_TEMPLATE: plan_template,
    DECISION_TEMPLATE: decision_template,
    REPORT_TEMPLATE: report_template,
    PROPOSAL_TEMPLATE: proposal_template,
    MINUTES_TEMPLATE: minutes_template,
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

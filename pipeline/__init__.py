"""Vietnamese administrative documents (thi đua, khen thưởng) from structured content.

Layers, each importing only those below it:
  documents/  one package per document kind (plan, decision, report), the registry, new-year rollover
  content/    reading content: YAML with line marks, schema, catalogs, award tables, Content (read once)
  word/       everything .docx: render, write, read back, diff, redline, Nghị định 30 checker, PDF
  vn/         Vietnamese text rules: dates, amounts in words, collation, inline references
  errors.py   located problems shared by every layer
"""

"""Vietnamese administrative documents from structured content.

Stages: load (YAML with line numbers) → validate (typed records, rules)
→ compute (dates, anniversaries, citations) → render (docxtpl) → write (atomic, reproducible).
"""

"""Vietnamese text rules: Nghị định 30 dates, amounts in words, collation, inline references."""

"""Biên bản họp Hội đồng Thi đua - Khen thưởng: the council's meeting and its votes."""

TEMPLATE = "bien-ban.docx"

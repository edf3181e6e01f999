"""The year's plan (kế hoạch thi đua, khen thưởng): rules.py validates it, context.py renders it."""

TEMPLATE = "ke-hoach.docx"
"""The template in templates/ (kept here, light, so that listing the kinds imports nothing)."""

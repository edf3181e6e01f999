"""Commendation decisions (quyết định khen thưởng): rules.py, money.py (reward amounts), context.py."""

TEMPLATE = "quyet-dinh.docx"

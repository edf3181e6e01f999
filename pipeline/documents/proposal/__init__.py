"""Tờ trình đề nghị khen thưởng: what a period's award list proposes beyond the issuer's authority."""

TEMPLATE = "to-trinh.docx"

"""Period reports (báo cáo sơ kết, tổng kết): rules.py, context.py (figures in prose and table)."""

TEMPLATE = "bao-cao.docx"

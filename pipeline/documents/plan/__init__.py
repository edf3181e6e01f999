"""The year's plan (kế hoạch thi đua, khen thưởng): rules.py validates it, context.py renders it."""

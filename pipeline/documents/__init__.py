"""The document kinds side by side (plan/, decision/, report/: rules and template context),
the parts they share, their validation once per Content (year.py), the registry, the rollover."""

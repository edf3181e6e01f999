"""Everything .docx: render, write, read back, diff, redline, the Nghị định 30 checker, PDF."""

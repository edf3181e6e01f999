"""The `tdkt` console script: a Ctrl-C even while the program is still loading ends with exit 130."""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def run() -> None:
    try:
        from pipeline.cli import run as run_command
    except KeyboardInterrupt:
        print("\nĐã dừng (Ctrl-C); chưa tạo hay thay đổi tệp nào.", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    run_command()

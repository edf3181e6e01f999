"""The `tdkt` console script: a Ctrl-C even while the program is still loading ends with exit 130."""

from __future__ import annotations

import gc
import sys

EXIT_INTERRUPTED = 130


def run() -> None:
    # A long award list or a comparison makes about a million objects and few reference cycles:
    # the cycle collector, started every 700 new objects, would walk them all again and again
    # (half the time of a comparison). It starts every 100.000 here, as mypy does for its builds;
    # set before the modules load, which make objects too.
    gc.set_threshold(100_000, 50, 100)
    try:
        from pipeline.cli import run as run_command
    except KeyboardInterrupt:
        print("\nĐã dừng (Ctrl-C); chưa tạo hay thay đổi tệp nào.", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    run_command()

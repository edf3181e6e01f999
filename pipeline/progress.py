"""A progress line for long work (a year's documents, PDF conversion, a large diff), on stderr.

On a terminal: one line redrawn in place, with a bar when the number of steps is known. Elsewhere
(a log, a pipe, the tests): plain lines, and only for work that has already taken LONG seconds,
so that quick commands print nothing extra.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

LONG = 2.0
WIDTH = 24


class Progress:
    def __init__(
        self, label: str, total: int | None = None, *, long: bool = False, stream: TextIO | None = None
    ) -> None:
        """`long`: work known to take long (LibreOffice), shown as plain lines from the start."""
        self.label, self.total = label, total
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty()
        self.started = time.monotonic() - (LONG if long else 0.0)
        self.done_steps = 0
        self.drawn = False

    def step(self, what: str) -> None:
        """Say what starts now (the step after `done_steps` finished ones)."""
        count = f"{self.done_steps + 1}/{self.total}" if self.total else ""
        if self.terminal:
            bar = ""
            if self.total:
                filled = WIDTH * self.done_steps // self.total
                bar = "[" + "#" * filled + "-" * (WIDTH - filled) + "] "
            self.stream.write(f"\r\x1b[K{self.label}: {bar}{count} {what}".rstrip())
            self.stream.flush()
            self.drawn = True
        elif time.monotonic() - self.started >= LONG:
            print(f"{self.label}: {count} {what}".replace("  ", " "), file=self.stream, flush=True)
        self.done_steps += 1

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False

"""Create the project's virtual environment; Ctrl-C stops it with a sentence, not a traceback.

Run by the Makefile with the system Python before anything is installed, so it uses only the
standard library.
"""

from __future__ import annotations

import signal
import sys
import venv


def _interrupted(_signum: int, _frame: object) -> None:
    sys.stderr.write("\nĐã dừng (Ctrl-C). Lần chạy sau sẽ tạo lại môi trường.\n")
    raise SystemExit(130)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, _interrupted)
    venv.main(sys.argv[1:])

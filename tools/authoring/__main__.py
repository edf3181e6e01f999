"""python -m tools.authoring [--root DIR] [--force]: create the starting templates."""

import argparse
from pathlib import Path

from tools.authoring import create_templates

parser = argparse.ArgumentParser(prog="python -m tools.authoring", description=__doc__)
parser.add_argument("--root", type=Path, default=Path.cwd())
parser.add_argument("--force", action="store_true")
args = parser.parse_args()
for path in create_templates(args.root / "templates", force=args.force):
    print(f"Đã tạo {path}")

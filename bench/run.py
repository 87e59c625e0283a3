"""Run every benchmark (or those named) and write docs/BENCHMARKS.md's results table.

    python -m bench.run                 # all, full size (100,000 guests where the bench says so)
    python -m bench.run --quick         # small sizes, a smoke run
    python -m bench.run scan search     # only these
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import platform
import sys
from dataclasses import asdict
from pathlib import Path

from bench.harness import Row, format_table

ROOT = Path(__file__).resolve().parent.parent
BENCHES = ["scan", "search", "import", "decode", "badges"]
RESULTS = ROOT / "bench" / "out"
MARK_BEGIN = "<!-- results:begin -->"
MARK_END = "<!-- results:end -->"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: all of {BENCHES})")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    args = parser.parse_args(argv)
    names = args.names or BENCHES
    rows: list[Row] = []
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== {name}", file=sys.stderr, flush=True)
        found = module.run(quick=args.quick)
        rows.extend(found)
        print(format_table(found), flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps([asdict(r) for r in rows], indent=2))
    if not args.no_write and not args.quick:
        write_doc(rows, names)
    return 0


def write_doc(rows: list[Row], names: list[str]) -> None:
    """Replace the named benches' rows in docs/BENCHMARKS.md, keeping the others' rows."""
    doc = ROOT / "docs" / "BENCHMARKS.md"
    text = doc.read_text(encoding="utf-8")
    begin, end = text.index(MARK_BEGIN), text.index(MARK_END)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"{MARK_BEGIN}\nLast run: {stamp}, Python {platform.python_version()}, "
        f"{platform.machine()}, benches: {', '.join(names)}.\n\n{format_table(rows)}\n"
    )
    doc.write_text(text[:begin] + section + text[end:], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

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
OPTIONAL_BENCHES = ["kiosk_window", "desk", "sync"]
RESULTS = ROOT / "bench" / "out"
MARK_BEGIN = "<!-- results:begin -->"
MARK_END = "<!-- results:end -->"


def available_benches() -> list[str]:
    """The core benches, then those of the windows and sync where their module exists."""
    here = Path(__file__).resolve().parent
    return BENCHES + [n for n in OPTIONAL_BENCHES if (here / f"bench_{n}.py").exists()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    args = parser.parse_args(argv)
    names = args.names or available_benches()
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== {name}", file=sys.stderr, flush=True)
        found: list[Row] = module.run(quick=args.quick)
        print(format_table(found), flush=True)
        if not args.quick:
            # Each bench keeps its own latest result, so running one never erases another's.
            stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
            record = {"bench": name, "run_at": stamp, "python": platform.python_version(),
                      "rows": [asdict(r) for r in found]}
            RESULTS.mkdir(exist_ok=True)
            (RESULTS / f"{name}.json").write_text(
                json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    if not args.no_write and not args.quick:
        write_doc()
    return 0


def stored_results() -> list[dict[str, object]]:
    """The latest stored result of every bench, in the order of available_benches()."""
    found = []
    for name in available_benches():
        path = RESULTS / f"{name}.json"
        if path.exists():
            found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def write_doc() -> None:
    """Rewrite docs/BENCHMARKS.md's results from every bench's latest stored result."""
    doc = ROOT / "docs" / "BENCHMARKS.md"
    text = doc.read_text(encoding="utf-8")
    begin, end = text.index(MARK_BEGIN), text.index(MARK_END)
    parts = [MARK_BEGIN]
    for record in stored_results():
        rows = [Row(**row) for row in record["rows"]]  # type: ignore[attr-defined]
        parts.append(f"\n### {record['bench']}\n\nRun {record['run_at']}, Python "
                     f"{record['python']}, {platform.machine()}.\n\n{format_table(rows)}\n")
    doc.write_text(text[:begin] + "\n".join(parts) + text[end:], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

"""`kiosk export checkins|guests -o FILE.csv`: reports that Excel opens as they are."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk import events
from kiosk.commands import Context, add_command
from kiosk.exporter import export_checkins, export_guests


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        commands, common, "export",
        "write check-ins or guests to a CSV file (UTF-8 with BOM, times in the event's zone)",
    )
    parser.add_argument("kind", choices=["checkins", "guests"], help="what to export")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.csv",
                        help="the file to write (replaced if it exists)")
    parser.add_argument("--include-refused", action="store_true",
                        help="checkins: also list refused scans, with their reason")
    parser.set_defaults(handler=run_export)


def run_export(context: Context, args: argparse.Namespace) -> int:
    path = Path(args.output).expanduser()
    with context.database.session() as session:
        event = events.current_event(session)
        if args.kind == "checkins":
            summary = export_checkins(session, event, path, include_refused=args.include_refused)
        else:
            summary = export_guests(session, event, path)
    text = f"{summary.rows} {summary.kind} written to {path}"
    if summary.undone:
        text += f" ({summary.undone} undone check-ins marked)"
    context.emit(summary.to_dict(), text)
    return 0

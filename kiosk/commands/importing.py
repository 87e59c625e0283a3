"""`kiosk import FILE`: a guest list in (CSV, XLSX or JSON), with a dry run to look first."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk import events
from kiosk.commands import Context, add_command
from kiosk.importer import ImportReport, import_guests, iter_errors, parse_mapping

ERRORS_SHOWN = 200  # rows listed in the text report; --json lists them all


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        commands, common, "import",
        "import a guest list (CSV, XLSX or JSON); re-importing updates guests, never duplicates",
    )
    parser.add_argument("file", help="the guest list: .csv/.tsv/.txt, .xlsx or .json")
    parser.add_argument(
        "--map", action="append", default=[], metavar="FIELD=COLUMN",
        help="take FIELD from COLUMN (header text or letter), e.g. --map name=参会人 "
             "--map code=C; fields: name, first_name, last_name, name_latin, company, country, "
             "email, category, code, phone, title, days, language, note",
    )
    parser.add_argument("--dry-run", action="store_true",
                        help="check the file and show what would change; write nothing")
    parser.add_argument("--encoding", help="the text file's encoding when it is not recognised")
    parser.add_argument("--sheet", help="the workbook sheet (default: the first with a header)")
    parser.add_argument("--operator", help="who is importing (kept in the audit trail)")
    parser.set_defaults(handler=run_import)


def describe(report: ImportReport) -> str:
    """The report as a person reads it."""
    name = Path(report.file).name
    kind = report.file_format.upper()
    details = [d for d in (report.encoding, report.sheet and f"sheet {report.sheet}") if d]
    if report.delimiter:
        details.append({"\t": "tab", ",": "comma", ";": "semicolon"}.get(
            report.delimiter, repr(report.delimiter)) + " separated")
    verb = "would be" if report.dry_run else "were"
    lines = [
        f"{name} ({kind}{', ' if details else ''}{', '.join(details)}): "
        f"{report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.rejected} rejected",
        "columns: " + ", ".join(f"{field}={column}" for field, column in report.columns.items()),
    ]
    if report.ignored_columns:
        lines.append("ignored columns: " + ", ".join(report.ignored_columns))
    lines += [f"warning: {warning}" for warning in report.warnings]
    messages = list(iter_errors(report))
    if messages:
        lines.append(f"rows not imported ({report.rejected}):" if not report.dry_run
                     else f"rows that would not be imported ({report.rejected}):")
        lines += [f"  {message}" for message in messages[:ERRORS_SHOWN]]
        if len(messages) > ERRORS_SHOWN:
            lines.append(f"  ... and {len(messages) - ERRORS_SHOWN} more (see --json)")
    if report.dry_run:
        lines.append(f"dry run: nothing was written ({report.new + report.updated} guests "
                     f"{verb} written)")
    return "\n".join(lines)


def run_import(context: Context, args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    mapping = parse_mapping(args.map, where=str(path))
    # A real import holds the write lock from the start (see kiosk.desk.Desk.run_import).
    with context.database.session(writes=not args.dry_run) as session:
        event = events.current_event(session)
        report = import_guests(
            session, event, path, mapping=mapping, dry_run=args.dry_run,
            encoding=args.encoding, sheet=args.sheet, actor=args.operator,
        )
    context.emit(report.to_dict(), describe(report))
    if report.rejected:
        done = "would be imported" if args.dry_run else "were imported"
        print(f"kiosk: {path}: {report.rejected} rows were not imported; the other rows {done}",
              file=sys.stderr)
        return 1
    return 0

"""`kiosk scan` and `kiosk undo`: the check-in engine from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk import events
from kiosk.checkin import Gate, Verdict, latest_checkin
from kiosk.commands import Context, add_command
from kiosk.errors import UsageError
from kiosk.models import Event


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    scan = add_command(commands, common, "scan", "check a scanned payload in and print the verdict")
    scan.add_argument("payload", help="the QR credential or barcode text, as scanned")
    scan.add_argument("--checkpoint", metavar="NAME", help="where (default: the first entrance)")
    scan.set_defaults(handler=run_scan)

    undo = add_command(commands, common, "undo", "reverse a guest's latest check-in, with a reason")
    undo.add_argument("guest", nargs="?", help="guest number, code, e-mail or uid")
    undo.add_argument("--scan", metavar="ID", help="the scan id to reverse instead of the latest")
    undo.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    undo.add_argument("--operator", help="who is undoing it")
    undo.set_defaults(handler=run_undo)


def describe(verdict: Verdict, event: Event) -> str:
    """One or two lines a person at the gate understands."""
    guest = verdict.guest
    who = "unknown guest"
    if guest is not None:
        who = guest.name or f"guest #{guest.number} (details not synced yet)"
        if guest.name_latin and guest.name_latin != guest.name:
            who = f"{who} ({guest.name_latin})"
    line = f"{verdict.reason.value.upper().replace('_', ' ')}: {who} at {verdict.checkpoint}"
    if verdict.first_checkin_at is not None and not verdict.is_first_arrival:
        first = events.local_time(event, verdict.first_checkin_at)
        line += f"\n  first checked in {first:%Y-%m-%d %H:%M} at {verdict.first_checkin_checkpoint}"
    if verdict.valid_days:
        line += "\n  valid on " + ", ".join(d.isoformat() for d in verdict.valid_days)
    if verdict.allowed_categories:
        line += "\n  only for " + ", ".join(verdict.allowed_categories)
    if verdict.opens_at or verdict.closes_at:
        line += f"\n  open {verdict.opens_at or '--'} to {verdict.closes_at or '--'}"
    if verdict.is_repeat:
        line += "\n  (same scan as a moment ago)"
    return line


def run_scan(context: Context, args: argparse.Namespace) -> int:
    gate = Gate(context.database, args.checkpoint)
    verdict = gate.scan(args.payload)
    with context.database.session() as session:
        event = events.current_event(session)
        context.emit(verdict.to_dict(), describe(verdict, event))
    return 0


def run_undo(context: Context, args: argparse.Namespace) -> int:
    gate = Gate(context.database)
    scan_id = args.scan
    if scan_id is None:
        if not args.guest:
            raise UsageError("name the guest, or give --scan ID")
        with context.database.session() as session:
            event = events.current_event(session)
            scan_id = latest_checkin(session, events.find_guest(session, event, args.guest)).id
    undo = gate.undo(scan_id, args.reason, args.operator)
    context.emit(
        {"undo_id": undo.id, "scan_id": scan_id, "reason": undo.reason},
        f"check-in {scan_id} undone: {undo.reason}",
    )
    return 0

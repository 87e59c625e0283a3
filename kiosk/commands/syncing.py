"""`kiosk enroll URL CODE`, `kiosk sync [--once | --status]` and `kiosk conflicts`."""

from __future__ import annotations

import argparse
import signal
import threading
from typing import Any

from kiosk import events
from kiosk.commands import Context, add_command
from kiosk.errors import SyncError
from kiosk.sync import state
from kiosk.sync.client import ServerClient, ServerRefused
from kiosk.sync.conflicts import list_conflicts
from kiosk.sync.engine import Syncer
from kiosk.sync.enrolment import enrol
from kiosk.sync.loop import Connection, SyncLoop, SyncStatus


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    for name in ("enroll", "enrol"):
        parser = add_command(
            commands, common, name,
            "enrol this kiosk with the sync server, using a one-time code from the organiser",
        )
        parser.add_argument("address", metavar="URL",
                            help="the server, e.g. http://10.0.0.5:8000, or the enrolment link "
                                 "from the organiser's QR (then no CODE)")
        parser.add_argument("code", nargs="?", metavar="CODE", help="the one-time code")
        parser.add_argument("--name",
                            help="how staff will recognise this kiosk, e.g. 'East gate 2'")
        parser.add_argument("--force", action="store_true",
                            help="enrol even though items still wait for another server")
        parser.set_defaults(handler=run_enrol)

    sync = add_command(commands, common, "sync",
                       "sync with the server: push check-ins, pull guests and other gates' scans")
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one round, then exit")
    mode.add_argument("--status", action="store_true",
                      help="show where sync stands: online or offline (asks the server, 2 s at "
                           "most), last sync, items waiting, conflicts")
    sync.add_argument("--long-poll", type=float, default=20.0, metavar="SECONDS",
                      help="how long each pull waits for news (default 20)")
    sync.set_defaults(handler=run_sync)

    conflicts = add_command(commands, common, "conflicts",
                            "check-ins two gates made for one single-entry guest while apart")
    conflicts.set_defaults(handler=run_conflicts)


def run_enrol(context: Context, args: argparse.Namespace) -> int:
    enrolled = enrol(context.database, args.address, args.code, name=args.name, force=args.force)
    facts = {
        "server": enrolled.server_url, "device_uid": enrolled.device_uid,
        "device_name": enrolled.device_name, "event_uid": enrolled.event_uid,
        "event": enrolled.event_name, "can_issue": enrolled.can_issue,
        "number_block": enrolled.number_block,
    }
    text = (f"enrolled {enrolled.device_name} with {enrolled.server_url} for "
            f"{enrolled.event_name}; run 'kiosk sync --once' to fetch the guest list")
    if enrolled.can_issue and enrolled.number_block:
        text += (f"\nthis kiosk may register walk-ins with numbers {enrolled.number_block[0]}"
                 f"-{enrolled.number_block[1]}")
    context.emit(facts, text)
    return 0


STATUS_TIMEOUT = 2.0


def _connection(enrolment: state.Enrolment | None) -> tuple[str, str | None]:
    """online, offline, refused or not_enrolled, and the problem in words."""
    if enrolment is None:
        return Connection.NOT_ENROLLED.value, None
    try:
        with ServerClient(enrolment.server_url, enrolment.token,
                          timeout=STATUS_TIMEOUT) as client:
            client.device()
    except ServerRefused as refusal:
        return Connection.REFUSED.value, refusal.full_message()
    except SyncError as error:
        return Connection.OFFLINE.value, error.full_message()
    return Connection.ONLINE.value, None


def _status_facts(context: Context) -> dict[str, Any]:
    with context.database.session() as session:
        enrolment = state.enrolment(session)
    connection, problem = _connection(enrolment)
    with context.database.session() as session:
        backlog = state.backlog(session)
        last = state.last_sync(session)
        return {
            "connection": connection, "problem": problem,
            "enrolled": enrolment is not None,
            "server": enrolment.server_url if enrolment else None,
            "event_uid": enrolment.event_uid if enrolment else None,
            "device_uid": events.this_device(session).uid,
            "cursor": state.cursor(session),
            "last_sync_at": last.isoformat() if last else None,
            "pending": backlog.pending, "stuck": backlog.stuck, "conflicts": backlog.conflicts,
            "last_error": state.read(session, state.LAST_ERROR),
        }


def run_sync(context: Context, args: argparse.Namespace) -> int:
    if args.status:
        facts = _status_facts(context)
        if not facts["enrolled"]:
            text = "not enrolled: run 'kiosk enroll URL CODE'"
        else:
            text = (f"{facts['connection']}: server {facts['server']}, "
                    f"last sync {facts['last_sync_at'] or 'never'}, "
                    f"{facts['pending']} waiting ({facts['stuck']} refused for good), "
                    f"{facts['conflicts']} conflicts, cursor {facts['cursor']}")
            if facts["problem"]:
                text += f"\nnow: {facts['problem']}"
            elif facts["last_error"] and facts["connection"] != Connection.ONLINE.value:
                text += f"\nlast problem: {facts['last_error']}"
        context.emit(facts, text)
        return 0
    if args.once:
        with Syncer(context.database) as syncer:
            report = syncer.sync_once()
        applied = report.pull.applied
        facts = {
            "pushed": report.push.accepted, "already_on_server": report.push.duplicates,
            "refused": report.push.rejected, "pulled_changes": applied.changes,
            "guests": applied.guests, "checkpoints": applied.checkpoints,
            "scans": applied.scans, "remote_scans": applied.remote_scans,
            "cursor": report.pull.cursor, "skipped": applied.skipped,
        }
        text = (f"pushed {report.push.accepted} ({report.push.duplicates} were there already, "
                f"{len(report.push.rejected)} refused); pulled {applied.changes} changes "
                f"({applied.guests} guests, {applied.remote_scans} scans from other gates)")
        for refusal in report.push.rejected:
            text += f"\n  refused {refusal.get('id')}: {refusal.get('message')}"
        context.emit(facts, text)
        return 0
    return _run_loop(context, args.long_poll)


def _run_loop(context: Context, long_poll: float) -> int:
    stopped = threading.Event()

    def show(status: SyncStatus) -> None:
        facts = {"connection": status.connection.value, "pending": status.pending,
                 "conflicts": status.conflicts, "error": status.error,
                 "last_sync_at": status.last_sync_at.isoformat() if status.last_sync_at else None}
        context.emit(facts, f"{status.connection.value}: {status.pending} waiting, "
                            f"{status.conflicts} conflicts"
                            + (f" ({status.error})" if status.error else ""))

    previous = signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    loop = SyncLoop(context.database, on_status=show, long_poll=long_poll)
    loop.start()
    try:
        while not stopped.wait(1.0):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        loop.stop()
        signal.signal(signal.SIGTERM, previous)
    return 0


def run_conflicts(context: Context, args: argparse.Namespace) -> int:
    with context.database.session() as session:
        event = events.current_event(session)
        found = list_conflicts(session, event)
        lines = []
        for conflict in found:
            when = events.local_time(event, conflict.scanned_at)
            first = (events.local_time(event, conflict.arrival_at).strftime("%H:%M:%S")
                     if conflict.arrival_at else "?")
            lines.append(
                f"#{conflict.guest_number} {conflict.guest_name or '(not synced)'} at "
                f"{conflict.checkpoint}: admitted {when:%Y-%m-%d %H:%M:%S} by device "
                f"{conflict.device_uid[:8]}, but already arrived at {first} by device "
                f"{(conflict.arrival_device_uid or '?')[:8]}"
            )
    context.emit([c.to_dict() for c in found], "\n".join(lines) or "no conflicts")
    return 0

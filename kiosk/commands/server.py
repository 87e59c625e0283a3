"""`kiosk server` (run the sync server) and `kiosk server admin ...` (the organiser's commands).

The admin commands work on the server's database directly (``--database URL``, default
$KIOSK_SERVER_DATABASE or server.sqlite3 in the data folder), so they run on the server's machine
or anywhere that reaches its PostgreSQL. Every change they make reaches the kiosks by sync.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kiosk import events
from kiosk.checkpoints import RuleChange, describe_rules
from kiosk.commands import Context, add_command
from kiosk.errors import UsageError
from kiosk.models import Checkpoint, Event, Guest, Scan, utc_now

DEFAULT_PORT = 8000
GUEST_HELP = "guest number, uid, external code or e-mail"


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                        help="the server's database: sqlite:///FILE or "
                             "postgresql+psycopg://USER:PASSWORD@HOST/DB (default: "
                             "$KIOSK_SERVER_DATABASE, else server.sqlite3 in the data folder)")
    with_event = argparse.ArgumentParser(add_help=False)
    with_event.add_argument("--event", metavar="UID|NAME", default=argparse.SUPPRESS,
                            help="which event (default: the one made or copied last)")
    parents = [common, shared]

    server = add_command(commands, common, "server", "run the sync server (or: server admin ...)")
    server.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                        help="the server's database (see 'server admin --help')")
    server.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (0.0.0.0 for every interface)")
    server.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8000)")
    server.set_defaults(handler=run_server)
    server_commands = server.add_subparsers(dest="server_command", metavar="admin")
    admin = server_commands.add_parser("admin", help="the organiser's commands", parents=parents)
    jobs = admin.add_subparsers(dest="admin_command", metavar="COMMAND")

    def job(name: str, help_text: str, *, event: bool = True) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = jobs.add_parser(
            name, help=help_text, description=help_text,
            parents=[*parents, with_event] if event else parents)
        return parser

    create = job("event-create", "create an event and its signing key", event=False)
    create.add_argument("name")
    create.add_argument("--starts", required=True, metavar="YYYY-MM-DD")
    create.add_argument("--ends", required=True, metavar="YYYY-MM-DD")
    create.add_argument("--timezone", default="Asia/Shanghai")
    create.add_argument("--local-name", help="the event's name in the local language")
    create.add_argument("--venue")
    create.set_defaults(handler=run_event_create)

    copy = job("event-copy", "copy an event (keys, checkpoints, guests) from a kiosk data folder",
               event=False)
    copy.add_argument("folder", help="the data folder of the machine where the event was set up")
    copy.set_defaults(handler=run_event_copy)

    listing = job("events", "list the events on this server", event=False)
    listing.set_defaults(handler=run_events)

    rotate = job("rotate-keys", "replace the event's key pair: every credential so far stops "
                 "working")
    rotate.add_argument("--yes", action="store_true", help="yes, invalidate every credential")
    rotate.set_defaults(handler=run_rotate)

    guests = job("import", "import a guest list (CSV, XLSX or JSON) into the event")
    guests.add_argument("file")
    guests.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN")
    guests.add_argument("--dry-run", action="store_true")
    guests.add_argument("--encoding")
    guests.add_argument("--sheet")
    guests.add_argument("--operator")
    guests.set_defaults(handler=run_import)

    for action, help_text in (
        ("token", "print a guest's credential"),
        ("reissue", "revoke a guest's credential and issue a new one"),
        ("cancel", "cancel a registration: every credential of the guest is refused"),
        ("restore", "restore a cancelled registration"),
    ):
        parser = job(action, help_text)
        parser.add_argument("guest", help=GUEST_HELP)
        parser.add_argument("--reason", help="why (kept in the audit trail)")
        parser.add_argument("--operator", help="who (kept in the audit trail)")
        parser.set_defaults(handler=run_credential, credential_action=action)

    checkpoint = job("checkpoint", "add a checkpoint or change its rules")
    checkpoint.add_argument("action", choices=["add", "set"])
    checkpoint.add_argument("name")
    checkpoint.add_argument("--local-name")
    checkpoint.add_argument("--categories", help="vip,speaker,... or all")
    checkpoint.add_argument("--days", help="ISO dates or event day numbers, or all")
    checkpoint.add_argument("--policy", help="single, daily or reentry")
    checkpoint.add_argument("--direction", help="in or out")
    checkpoint.add_argument("--hours", help="08:00-18:00 or all")
    checkpoint.set_defaults(handler=run_checkpoint)

    checkpoints = job("checkpoints", "list the event's checkpoints")
    checkpoints.set_defaults(handler=run_checkpoints)

    code = job("enrol-code", "create a one-time code a kiosk enrols with")
    code.add_argument("--hours", type=float, default=24.0, help="valid for (default 24 hours)")
    code.add_argument("--label", help="which kiosk it is meant for")
    code.add_argument("--can-issue", action="store_true",
                      help="the kiosk may register walk-ins (receives the signing key)")
    code.add_argument("--server-url",
                      help="the address kiosks reach this server at (for the link and QR; "
                           "default $KIOSK_SERVER_URL or http://HOSTNAME:8000)")
    code.add_argument("--qr", metavar="FILE.png", help="also write the enrolment QR")
    code.set_defaults(handler=run_enrol_code)

    devices = job("devices", "list the enrolled kiosks")
    devices.set_defaults(handler=run_devices)

    revoke = job("revoke-device", "refuse a kiosk from now on", event=False)
    revoke.add_argument("device", help="device uid (or its first 8+ characters) or name")
    revoke.add_argument("--reason")
    revoke.set_defaults(handler=run_revoke_device)

    publish = job("publish", "send kiosks whatever differs from what they were last sent")
    publish.set_defaults(handler=run_publish)

    status = job("status", "the event's figures: guests, scans, devices, changes")
    status.set_defaults(handler=run_status)


def _store(context: Context, args: argparse.Namespace) -> Any:
    from kiosk.server.store import ServerStore, default_database_url

    url = getattr(args, "database", None) or default_database_url(context.data_dir)
    return ServerStore.open(url)


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a date", where=option, hint="write 2026-12-07") from None


def run_server(context: Context, args: argparse.Namespace) -> int:
    if getattr(args, "server_command", None) == "admin":
        raise UsageError("say which admin command", hint="see 'kiosk server admin --help'")
    from kiosk.server.runner import serve
    from kiosk.server.store import default_database_url

    url = getattr(args, "database", None) or default_database_url(context.data_dir)
    serve(url, args.host, args.port)
    return 0


def _event(session: Any, args: argparse.Namespace) -> Event:
    from kiosk.server.admin import choose_event

    return choose_event(session, getattr(args, "event", None))


def run_event_create(context: Context, args: argparse.Namespace) -> int:
    from kiosk.keys import fingerprint
    from kiosk.server.admin import create_event

    store = _store(context, args)
    try:
        with store.write() as session:
            event = create_event(
                session, args.name, _date(args.starts, "--starts"), _date(args.ends, "--ends"),
                args.timezone, name_local=args.local_name, venue=args.venue,
            )
            assert event.public_key is not None
            facts = {"uid": event.uid, "name": event.name,
                     "fingerprint": fingerprint(event.public_key)}
    finally:
        store.close()
    context.emit(facts, f"created {facts['name']} ({facts['uid']}), key {facts['fingerprint']}")
    return 0


def run_event_copy(context: Context, args: argparse.Namespace) -> int:
    from kiosk.server.admin import copy_event_from

    store = _store(context, args)
    try:
        with store.write() as session:
            copied = copy_event_from(session, Path(args.folder).expanduser())
    finally:
        store.close()
    context.emit(
        {"uid": copied.event_uid, "name": copied.name, "checkpoints": copied.checkpoints,
         "guests": copied.guests, "changes": copied.changes},
        f"copied {copied.name}: {copied.checkpoints} checkpoints, {copied.guests} guests",
    )
    return 0


def run_events(context: Context, args: argparse.Namespace) -> int:
    store = _store(context, args)
    try:
        with store.read() as session:
            rows = [
                {"uid": e.uid, "name": e.name, "starts_on": e.starts_on.isoformat(),
                 "ends_on": e.ends_on.isoformat(), "timezone": e.timezone,
                 "guests": session.scalar(select(func.count()).select_from(Guest)
                                          .where(Guest.event_id == e.id)) or 0}
                for e in session.scalars(select(Event).order_by(Event.id))
            ]
    finally:
        store.close()
    context.emit(rows, "\n".join(
        f"{r['uid']}  {r['name']}  {r['starts_on']}..{r['ends_on']}  {r['guests']} guests"
        for r in rows) or "no events")
    return 0


def run_rotate(context: Context, args: argparse.Namespace) -> int:
    from kiosk.keys import fingerprint
    from kiosk.server.admin import rotate_event_keys

    if not args.yes:
        raise UsageError("replacing the key invalidates every credential sent out so far",
                         hint="add --yes if that is what you want")
    store = _store(context, args)
    try:
        with store.write() as session:
            event = rotate_event_keys(session, _event(session, args))
            assert event.public_key is not None
            facts = {"uid": event.uid, "key_id": event.key_id,
                     "fingerprint": fingerprint(event.public_key)}
    finally:
        store.close()
    context.emit(facts, f"new key {facts['fingerprint']}; send every guest a new credential")
    return 0


def run_import(context: Context, args: argparse.Namespace) -> int:
    from kiosk.commands.importing import describe
    from kiosk.importer import parse_mapping
    from kiosk.server.admin import import_guest_list

    path = Path(args.file).expanduser()
    mapping = parse_mapping(args.map, where=str(path))
    store = _store(context, args)
    try:
        with store.write() as session:
            report, changes = import_guest_list(
                session, _event(session, args), path, mapping=mapping, dry_run=args.dry_run,
                encoding=args.encoding, sheet=args.sheet, actor=args.operator,
            )
    finally:
        store.close()
    context.emit({**report.to_dict(), "changes": changes},
                 describe(report) + ("" if args.dry_run else
                                     f"\n{changes} changes published to the kiosks"))
    return 1 if report.rejected else 0


def run_credential(context: Context, args: argparse.Namespace) -> int:
    from kiosk.server import admin

    store = _store(context, args)
    action = args.credential_action
    try:
        with store.write() as session:
            event = _event(session, args)
            if action == "token":
                guest = events.find_guest(session, event, args.guest)
                credential = events.credential_for(event, guest)
                facts: dict[str, Any] = {"guest": guest.uid, "number": guest.number,
                                         "serial": guest.credential_serial,
                                         "credential": credential}
                text = credential
            elif action == "reissue":
                result = admin.reissue_credential(session, event, args.guest,
                                                  actor=args.operator)
                facts = {"guest": result.guest_uid, "number": result.guest_number,
                         "serial": result.serial, "credential": result.credential}
                text = (f"guest #{result.guest_number}: serial {result.revoked_serial} and "
                        f"older revoked\n{result.credential}")
            else:
                guest = admin.set_cancelled(session, event, args.guest, action == "cancel",
                                            reason=args.reason, actor=args.operator)
                facts = {"guest": guest.uid, "number": guest.number,
                         "is_cancelled": guest.is_cancelled}
                text = (f"guest #{guest.number} {guest.name}: "
                        f"{'cancelled' if guest.is_cancelled else 'restored'}")
    finally:
        store.close()
    context.emit(facts, text)
    return 0


def run_checkpoint(context: Context, args: argparse.Namespace) -> int:
    from kiosk.server.admin import define

    change = RuleChange(
        name_local=args.local_name, categories=args.categories, days=args.days,
        policy=args.policy, direction=args.direction, hours=args.hours,
    )
    store = _store(context, args)
    try:
        with store.write() as session:
            checkpoint = define(session, _event(session, args), args.name, change,
                                create=args.action == "add")
            rules = describe_rules(checkpoint)
    finally:
        store.close()
    context.emit(rules, f"{'added' if args.action == 'add' else 'changed'} {rules['name']}")
    return 0


def run_checkpoints(context: Context, args: argparse.Namespace) -> int:
    store = _store(context, args)
    try:
        with store.read() as session:
            event = _event(session, args)
            rules = [describe_rules(c) for c in session.scalars(
                select(Checkpoint).where(Checkpoint.event_id == event.id).order_by(Checkpoint.id))]
    finally:
        store.close()
    context.emit(rules, "\n".join(
        f"{r['name']}: {r['direction']}, {r['entry_policy']}, categories {r['categories']}, "
        f"days {r['days']}, hours {r['hours']}" for r in rules) or "no checkpoints")
    return 0


def _server_url(args: argparse.Namespace) -> str:
    if args.server_url:
        return str(args.server_url)
    return os.environ.get("KIOSK_SERVER_URL") or f"http://{socket.gethostname()}:{DEFAULT_PORT}"


def run_enrol_code(context: Context, args: argparse.Namespace) -> int:
    from kiosk.qr import write_qr_png
    from kiosk.server.auth import create_enrolment_code
    from kiosk.sync.enrolment import enrolment_link

    link_base = _server_url(args)
    store = _store(context, args)
    try:
        with store.write() as session:
            event = _event(session, args)
            code, row = create_enrolment_code(
                session, event, utc_now(), label=args.label, can_issue=args.can_issue,
                lifetime=dt.timedelta(hours=args.hours),
            )
            expires = row.expires_at
            event_name = event.name
    finally:
        store.close()
    link = enrolment_link(link_base, code)
    if args.qr:
        write_qr_png(link, args.qr, scale=8)
    facts = {"code": code, "link": link, "event": event_name, "expires_at": expires.isoformat(),
             "can_issue": args.can_issue, "qr": args.qr}
    context.emit(facts, f"{code}  (for {event_name}, valid until {expires:%Y-%m-%d %H:%M} UTC)\n"
                        f"kiosk enroll {link_base} {code}\nor scan/give: {link}")
    return 0


def run_devices(context: Context, args: argparse.Namespace) -> int:
    from kiosk.server.models import ServerDevice

    store = _store(context, args)
    try:
        with store.read() as session:
            event = _event(session, args)
            rows = []
            for device in session.scalars(select(ServerDevice).where(
                    ServerDevice.event_id == event.id).order_by(ServerDevice.enrolled_at)):
                scans = session.scalar(select(func.count()).select_from(Scan).where(
                    Scan.device_uid == device.uid)) or 0
                rows.append({
                    "uid": device.uid, "name": device.name, "can_issue": device.can_issue,
                    "enrolled_at": device.enrolled_at.isoformat(),
                    "last_seen_at": device.last_seen_at.isoformat() if device.last_seen_at
                    else None,
                    "revoked_at": device.revoked_at.isoformat() if device.revoked_at else None,
                    "scans": scans,
                })
    finally:
        store.close()
    context.emit(rows, "\n".join(
        f"{r['uid']}  {r['name']}  {r['scans']} scans  last seen {r['last_seen_at'] or 'never'}"
        + ("  REVOKED" if r["revoked_at"] else "") for r in rows) or "no devices")
    return 0


def run_revoke_device(context: Context, args: argparse.Namespace) -> int:
    from kiosk.server.auth import find_device, revoke_device

    store = _store(context, args)
    try:
        with store.write() as session:
            device = revoke_device(session, find_device(session, args.device), utc_now(),
                                   args.reason)
            facts = {"uid": device.uid, "name": device.name,
                     "revoked_at": device.revoked_at.isoformat() if device.revoked_at else None}
    finally:
        store.close()
    context.emit(facts, f"revoked {facts['name']} ({facts['uid']}): refused from now on")
    return 0


def run_publish(context: Context, args: argparse.Namespace) -> int:
    from kiosk.server.admin import publish_everything
    from kiosk.server.changes import ChangeLog

    store = _store(context, args)
    try:
        with store.write() as session:
            event = _event(session, args)
            change_log = ChangeLog(session, event.id)
            count = publish_everything(session, change_log, event)
            change_log.flush()
    finally:
        store.close()
    context.emit({"changes": count}, f"{count} changes published")
    return 0


def run_status(context: Context, args: argparse.Namespace) -> int:
    from kiosk.server.changes import head_seq
    from kiosk.server.models import ServerDevice

    store = _store(context, args)
    try:
        with store.read() as session:
            event = _event(session, args)

            def count(model: Any, *where: Any) -> int:
                return int(session.scalar(select(func.count()).select_from(model).where(*where))
                           or 0)

            facts = {
                "event": event.uid, "name": event.name,
                "guests": count(Guest, Guest.event_id == event.id),
                "scans": count(Scan, Scan.event_id == event.id),
                "check_ins": count(Scan, Scan.event_id == event.id, Scan.is_accepted.is_(True),
                                   Scan.undone_at.is_(None)),
                "conflicts": count(Scan, Scan.event_id == event.id, Scan.is_conflict.is_(True),
                                   Scan.undone_at.is_(None)),
                "devices": count(ServerDevice, ServerDevice.event_id == event.id,
                                 ServerDevice.revoked_at.is_(None)),
                "last_seq": head_seq(session, event.id),
            }
    finally:
        store.close()
    context.emit(facts, ", ".join(f"{k} {v}" for k, v in facts.items()))
    return 0

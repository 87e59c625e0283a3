"""`kiosk token|qr|reissue GUEST` (a guest's credential) and `kiosk decode IMAGE...` (read QRs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk import events
from kiosk.commands import Context, add_command
from kiosk.credentials import reissue
from kiosk.decode import decode_image
from kiosk.errors import InputFileError
from kiosk.models import Event, Guest
from kiosk.qr import make_qr, write_qr_png

GUEST_HELP = "guest number, uid, external code or e-mail"


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    token = add_command(commands, common, "token", "print a guest's signed QR credential")
    token.add_argument("guest", help=GUEST_HELP)
    token.set_defaults(handler=run_token)

    qr = add_command(commands, common, "qr", "write a guest's credential as a QR image (PNG)")
    qr.add_argument("guest", help=GUEST_HELP)
    qr.add_argument("-o", "--output", metavar="FILE.png", required=True, help="the PNG to write")
    qr.add_argument("--scale", type=int, default=10, help="pixels a module (default 10)")
    qr.set_defaults(handler=run_qr)

    again = add_command(
        commands, common, "reissue",
        "revoke a guest's credential and issue a new one (lost invitation or badge)",
    )
    again.add_argument("guest", help=GUEST_HELP)
    again.add_argument("--operator", help="who is re-issuing it (kept in the audit trail)")
    again.set_defaults(handler=run_reissue)

    decode = add_command(commands, common, "decode", "print the QR payloads found in image files")
    decode.add_argument("images", nargs="+", metavar="IMAGE", help="PNG, JPEG, ... files")
    decode.set_defaults(handler=run_decode)


def _guest_facts(event: Event, guest: Guest) -> dict[str, Any]:
    return {
        "event": event.uid, "guest": guest.uid, "number": guest.number, "name": guest.name,
        "serial": guest.credential_serial, "is_cancelled": guest.is_cancelled,
    }


def _warn_if_cancelled(context: Context, guest: Guest) -> None:
    if guest.is_cancelled and not context.as_json:
        print(f"kiosk: note: guest #{guest.number}'s registration is cancelled; "
              "every kiosk refuses this credential", file=sys.stderr)


def run_token(context: Context, args: argparse.Namespace) -> int:
    with context.database.session() as session:
        event = events.current_event(session)
        guest = events.find_guest(session, event, args.guest)
        credential = events.credential_for(event, guest)
        facts = _guest_facts(event, guest)
    _warn_if_cancelled(context, guest)
    context.emit({**facts, "credential": credential}, credential)
    return 0


def run_qr(context: Context, args: argparse.Namespace) -> int:
    with context.database.session() as session:
        event = events.current_event(session)
        guest = events.find_guest(session, event, args.guest)
        credential = events.credential_for(event, guest)
        facts = _guest_facts(event, guest)
    target = write_qr_png(credential, args.output, scale=args.scale)
    symbol = make_qr(credential)
    _warn_if_cancelled(context, guest)
    context.emit(
        {**facts, "file": str(target), "version": symbol.designator, "mode": symbol.mode,
         "modules": len(symbol.matrix)},
        f"wrote {target}: QR {symbol.designator} ({len(symbol.matrix)}x{len(symbol.matrix)} "
        f"modules, {symbol.mode}) for guest #{guest.number} {guest.name}",
    )
    return 0


def run_reissue(context: Context, args: argparse.Namespace) -> int:
    with context.database.session() as session:
        event = events.current_event(session)
        guest = events.find_guest(session, event, args.guest)
        result = reissue(session, event, guest, actor=args.operator)
        facts = _guest_facts(event, guest)
    context.emit(
        {**facts, "revoked_serial": result.revoked_serial, "credential": result.credential},
        f"guest #{result.guest_number}: credential serial {result.revoked_serial} and older "
        f"revoked; new credential (serial {result.serial}):\n{result.credential}",
    )
    return 0


def run_decode(context: Context, args: argparse.Namespace) -> int:
    """Payloads per file; one line on stderr per file with no code or that cannot be read."""
    found: list[dict[str, Any]] = []
    lines: list[str] = []
    problems: list[str] = []
    for name in args.images:
        try:
            payloads = decode_image(Path(name))
        except InputFileError as error:
            problems.append(error.full_message())
            found.append({"file": name, "payloads": [], "problem": error.message})
            continue
        if not payloads:
            problems.append(f"{name}: no QR code found")
            found.append({"file": name, "payloads": [], "problem": "no QR code found"})
            continue
        found.append({"file": name, "payloads": payloads, "problem": None})
        lines.extend(f"{name}: {payload}" for payload in payloads)
    if lines or context.as_json:
        context.emit(found, "\n".join(lines))
    for problem in problems:
        print(f"kiosk: {problem}", file=sys.stderr)
    return 1 if problems else 0

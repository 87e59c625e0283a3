"""`kiosk keys`: the event's signing key pair — create it, show its fingerprint, export, rotate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk import events
from kiosk.commands import Context, add_command
from kiosk.errors import InputFileError
from kiosk.keys import KeyStatus, ensure_keys, rotate_keys


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    keys = add_command(
        commands, common, "keys",
        "create the event's Ed25519 key pair if it has none; show and export its public key",
    )
    keys.add_argument("--export", metavar="FILE.pem", help="write the public key (PEM) to FILE")
    keys.add_argument(
        "--rotate", action="store_true",
        help="replace the key pair: EVERY credential issued so far becomes invalid",
    )
    keys.add_argument("--operator", help="who is rotating the key (kept in the audit trail)")
    keys.set_defaults(handler=run_keys)


def _describe(status: KeyStatus, exported: Path | None) -> str:
    lines = [
        f"{'new' if status.is_new else 'current'} key #{status.key_id}, "
        f"fingerprint {status.fingerprint}",
        "signing key: on this machine (can issue credentials)" if status.can_issue
        else "signing key: not on this machine (verifies only)",
    ]
    if exported is not None:
        lines.append(f"public key written to {exported}")
    else:
        lines.append(status.public_key_pem.rstrip("\n"))
    return "\n".join(lines)


def run_keys(context: Context, args: argparse.Namespace) -> int:
    exported = Path(args.export) if args.export else None
    with context.database.session() as session:
        event = events.current_event(session)
        status = (
            rotate_keys(session, event, actor=args.operator) if args.rotate
            else ensure_keys(session, event)
        )
        if exported is not None:
            try:
                exported.write_text(status.public_key_pem, encoding="ascii")
            except OSError as error:
                # Raising rolls the session back: a rotation whose key could not be exported
                # as asked is not kept either.
                raise InputFileError(
                    f"cannot write the public key: {error.strerror or error}", where=str(exported)
                ) from error
    if status.replaced_fingerprint is not None:
        print(
            f"kiosk: WARNING: key {status.replaced_fingerprint} was replaced; every credential "
            f"issued under it is now invalid ({status.invalidated_guests} guests): send them new "
            "credentials ('kiosk token' or 'kiosk qr') and sync the new key to every kiosk",
            file=sys.stderr,
        )
    context.emit(
        {
            "event": status.event_uid, "key_id": status.key_id,
            "fingerprint": status.fingerprint, "public_key_pem": status.public_key_pem,
            "can_issue": status.can_issue, "created": status.is_new,
            "replaced_fingerprint": status.replaced_fingerprint,
            "invalidated_guests": status.invalidated_guests,
            "exported_to": str(exported) if exported is not None else None,
        },
        _describe(status, exported),
    )
    return 0

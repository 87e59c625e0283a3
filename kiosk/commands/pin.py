"""`kiosk pin set`: the staff PIN that guards the kiosk window's exit and the staff desk."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from kiosk.commands import Context, add_command
from kiosk.errors import UsageError
from kiosk.pin import PinGuard


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    pin = add_command(commands, common, "pin", "set or change the kiosk's staff PIN")
    pin.add_argument("action", choices=["set", "status"], help="set a PIN, or show its state")
    pin.add_argument("--reset", action="store_true",
                     help="replace the PIN without the current one and lift a lockout")
    pin.set_defaults(handler=run_pin)


def _ask(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise UsageError("no PIN given on standard input")
    return line.strip()


def run_pin(context: Context, args: argparse.Namespace) -> int:
    guard = PinGuard(context.database)
    if args.action == "status":
        status = guard.status()
        text = {"not_set": "no staff PIN is set", "locked": f"locked until {status.locked_until}",
                "wrong": f"set; {status.tries_left} tries left"}[status.outcome.value]
        context.emit({"state": status.outcome.value, "tries_left": status.tries_left,
                      "locked_until": status.locked_until}, text)
        return 0
    new_pin = _ask("new staff PIN (4-12 digits): ")
    if args.reset:
        guard.reset(new_pin, actor="kiosk pin set --reset")
    elif guard.is_set():
        guard.set_pin(new_pin, current=_ask("current staff PIN: "), actor="kiosk pin set")
    else:
        guard.set_first_pin(new_pin, actor="kiosk pin set")
    context.emit({"state": "set"}, "staff PIN set")
    return 0

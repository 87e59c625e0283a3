"""`kiosk checkpoints` (list) and `kiosk checkpoint add|set NAME ...` (define rules)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from kiosk import events
from kiosk.checkpoints import RuleChange, define_checkpoint, describe_rules
from kiosk.commands import Context, add_command
from kiosk.models import Checkpoint


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    listing = add_command(commands, common, "checkpoints", "list the checkpoints and their rules")
    listing.set_defaults(handler=run_list)
    define = add_command(commands, common, "checkpoint", "add a checkpoint or change its rules")
    define.add_argument("action", choices=["add", "set"])
    define.add_argument("name", help="the checkpoint's name, e.g. 'East gate'")
    define.add_argument("--local-name", help="its name in the local language, e.g. 东门")
    define.add_argument("--categories", help="who may pass: vip,speaker,... or all")
    define.add_argument("--days", help="ISO dates or event day numbers (1,2), or all")
    define.add_argument("--policy", help="single (once), daily (once a day) or reentry")
    define.add_argument("--direction", help="in, or out for an exit that counts people out")
    define.add_argument("--hours", help="opening hours in the event's time zone: 08:00-18:00")
    define.set_defaults(handler=run_define)


def run_list(context: Context, args: argparse.Namespace) -> int:
    with context.database.session() as session:
        event = events.current_event(session)
        rules = [
            describe_rules(c)
            for c in session.scalars(
                select(Checkpoint).where(Checkpoint.event_id == event.id).order_by(Checkpoint.id)
            )
        ]
    lines = [
        f"{r['name']} ({r['name_local'] or '-'}): {r['direction']}, {r['entry_policy']}, "
        f"categories {r['categories']}, days {r['days']}, hours {r['hours']}"
        for r in rules
    ]
    context.emit(rules, "\n".join(lines) or "no checkpoints")
    return 0


def run_define(context: Context, args: argparse.Namespace) -> int:
    change = RuleChange(
        name_local=args.local_name, categories=args.categories, days=args.days,
        policy=args.policy, direction=args.direction, hours=args.hours,
    )
    with context.database.session() as session:
        event = events.current_event(session)
        checkpoint = define_checkpoint(
            session, event, args.name, change, create=args.action == "add"
        )
        rules = describe_rules(checkpoint)
    context.emit(rules, f"{'added' if args.action == 'add' else 'changed'} {rules['name']}")
    return 0

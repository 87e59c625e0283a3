"""`kiosk demo [--guests N] [--seed S] [--force]`: build the built-in demo event (kiosk.demo)."""

from __future__ import annotations

import argparse
import time
from typing import Any

from sqlalchemy import func, select

from kiosk import demo
from kiosk.commands import Context, add_command
from kiosk.errors import ConflictError, UsageError
from kiosk.models import Event, Guest


def _guest_count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from error
    if not 0 <= value <= demo.MAX_GUESTS:
        raise argparse.ArgumentTypeError(f"choose 0 to {demo.MAX_GUESTS:,} guests, not {value:,}")
    return value


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        commands, common, "demo",
        "build the demo event: a five-day science forum in Beijing with guests from 50 countries",
    )
    parser.add_argument(
        "--guests", type=_guest_count, default=demo.DEFAULT_GUESTS, metavar="N",
        help=f"how many guests (default {demo.DEFAULT_GUESTS:,})",
    )
    parser.add_argument(
        "--seed", type=int, default=demo.DEFAULT_SEED, metavar="S",
        help="the same seed builds the same guests (default %(default)s)",
    )
    parser.add_argument(
        "--force", action="store_true",
        help="replace the event already stored here, with its guests and check-ins",
    )
    parser.set_defaults(handler=run)


def run(context: Context, args: argparse.Namespace) -> int:
    if args.guests < 0:
        raise UsageError("the number of guests cannot be negative")
    started = time.perf_counter()
    with context.database.session() as session:
        stored = list(session.execute(select(Event.id, Event.name)))
        replaced: list[str] = []
        if stored and not args.force:
            event_id, name = stored[0]
            guests = session.scalar(select(func.count()).where(Guest.event_id == event_id))
            more = f" and {len(stored) - 1} more" if len(stored) > 1 else ""
            raise ConflictError(
                f"{context.data_dir} already holds the event {name!r} ({guests or 0:,} guests)"
                f"{more}; nothing was changed",
                hint="add --force to replace it with the demo event (its guests and check-ins "
                     "are deleted)",
            )
        if stored:
            replaced = demo.remove_events(session)
        event = demo.build_demo(session, guests=args.guests, seed=args.seed)
    seconds = time.perf_counter() - started
    with context.database.session() as session:
        facts = demo.summary(session, event)
    facts.update(seed=args.seed, seconds=round(seconds, 2), replaced=replaced,
                 data_dir=str(context.data_dir))
    context.emit(facts, _text(facts))
    return 0


def _text(facts: dict[str, Any]) -> str:
    categories = ", ".join(f"{n:,} {name}" for name, n in facts["categories"].items())
    scripts = ", ".join(f"{name} {n:,}" for name, n in facts["scripts"].items())
    lines = []
    if facts["replaced"]:
        lines.append(f"Replaced {', '.join(repr(n) for n in facts['replaced'])}.")
    lines += [
        f"Built the demo event {facts['event']} ({facts['event_local']}) in {facts['seconds']} s",
        f"  {facts['starts_on']} to {facts['ends_on']}, {facts['timezone']}, {facts['venue']}",
        f"  {facts['guests']:,} guests: {categories}",
        f"  {facts['foreign_guests']:,} foreign guests from {len(facts['foreign_countries'])} "
        f"countries ({facts['countries']} with China)",
        f"  names written in: {scripts}",
        f"  {facts['partial_passes']:,} day passes, {facts['cancelled']:,} cancelled, "
        f"{facts['external_codes']:,} with another system's barcode",
        "  checkpoints:",
    ]
    for rules in facts["checkpoints"]:
        categories_allowed = rules["categories"]
        who = "everyone" if categories_allowed == "all" else ", ".join(categories_allowed)
        lines.append(
            f"    {rules['name']} ({rules['name_local']}): {rules['direction']}, "
            f"{rules['entry_policy']}, {who}"
        )
    lines.append(f"  data folder: {facts['data_dir']} (seed {facts['seed']})")
    lines.append("Next: 'kiosk guests 张伟', 'kiosk token 1', 'kiosk scan \"$(kiosk token 1)\"'")
    return "\n".join(lines)

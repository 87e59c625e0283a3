"""`kiosk stats`: today's arrivals, by category and by checkpoint."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from kiosk import events
from kiosk.commands import Context, add_command
from kiosk.models import utc_now
from kiosk.reports import arrival_summary


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    stats = add_command(commands, common, "stats", "arrivals so far: by category and checkpoint")
    stats.set_defaults(handler=run_stats)


def run_stats(context: Context, args: argparse.Namespace) -> int:
    with context.database.session() as session:
        event = events.current_event(session)
        summary = arrival_summary(session, event, utc_now())
    lines = [
        f"{event.name}, {summary.day:%Y-%m-%d}: {summary.arrived} of {summary.expected} guests "
        f"arrived ({summary.arrived_today} today, {summary.inside_now} inside now)",
        "",
        f"{'category':<12}{'arrived':>9}{'expected':>10}",
    ]
    lines += [f"{c.category:<12}{c.arrived:>9}{c.expected:>10}" for c in summary.by_category]
    lines += ["", f"{'checkpoint':<20}{'guests':>8}{'scans':>8}{'refused':>9}  (today)"]
    lines += [
        f"{c.checkpoint:<20}{c.guests_today:>8}{c.scans_today:>8}{c.refused_today:>9}"
        for c in summary.by_checkpoint
    ]
    lines += ["", f"badges printed: {summary.badges_printed}"]
    context.emit(dataclasses.asdict(summary), "\n".join(lines))
    return 0

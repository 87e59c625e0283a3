"""Defining checkpoints and their rules, with a precise message for every bad value.

The kiosk's own command and the server's admin command both go through ``apply_rules``, so a rule
is validated once, the same way, wherever it is set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.checkin import find_checkpoint
from kiosk.domain import Category, Direction, EntryPolicy
from kiosk.errors import ConflictError, UsageError
from kiosk.models import Checkpoint, Event


@dataclass(frozen=True, slots=True)
class RuleChange:
    """Rule values as typed by a person; None leaves a rule as it is, "" or "all" clears it."""

    name_local: str | None = None
    categories: str | None = None  # "vip,speaker"
    days: str | None = None  # "2026-12-07,2026-12-08" or "1,2" (event days) or "all"
    policy: str | None = None  # single, daily, reentry
    direction: str | None = None  # in, out
    hours: str | None = None  # "08:00-18:00" or "all"


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def parse_categories(text: str) -> list[str] | None:
    if text.strip().lower() in ("", "all"):
        return None
    known = {c.value for c in Category}
    values = [part.lower() for part in _split(text)]
    unknown = [v for v in values if v not in known]
    if unknown:
        raise UsageError(
            f"unknown categor{'y' if len(unknown) == 1 else 'ies'}: {', '.join(unknown)}",
            hint=f"use {', '.join(sorted(known))}",
        )
    return sorted(set(values))


def parse_days(event: Event, text: str) -> list[str] | None:
    """ISO dates, or day numbers of the event (1 is its first day); all within the event."""
    if text.strip().lower() in ("", "all"):
        return None
    event_days = event.days()
    chosen: set[dt.date] = set()
    for part in _split(text):
        if part.isdigit():
            index = int(part)
            if not 1 <= index <= len(event_days):
                raise UsageError(f"day {index} is not a day of the event (1..{len(event_days)})")
            chosen.add(event_days[index - 1])
            continue
        try:
            day = dt.date.fromisoformat(part)
        except ValueError as error:
            raise UsageError(
                f"{part!r} is not a date", hint="write 2026-12-07, or 1 for day one"
            ) from error
        if day not in event_days:
            raise UsageError(
                f"{day} is outside the event ({event.starts_on} to {event.ends_on})"
            )
        chosen.add(day)
    return sorted(d.isoformat() for d in chosen)


def parse_hours(text: str) -> tuple[dt.time | None, dt.time | None]:
    if text.strip().lower() in ("", "all"):
        return None, None
    parts = text.split("-")
    if len(parts) != 2:
        raise UsageError(f"{text!r} is not a range of hours", hint="write 08:00-18:00")
    try:
        opens, closes = (dt.time.fromisoformat(p.strip()) if p.strip() else None for p in parts)
    except ValueError as error:
        raise UsageError(f"{text!r} is not a range of hours", hint="write 08:00-18:00") from error
    if opens is not None and closes is not None and closes <= opens:
        raise UsageError(f"the checkpoint closes ({closes}) before it opens ({opens})")
    return opens, closes


def _choice(value: str, kind: type[EntryPolicy] | type[Direction], what: str) -> str:
    try:
        return kind(value.strip().lower()).value
    except ValueError as error:
        raise UsageError(
            f"unknown {what} {value!r}", hint=f"use {', '.join(m.value for m in kind)}"
        ) from error


def apply_rules(event: Event, checkpoint: Checkpoint, change: RuleChange) -> None:
    """Validate every given rule first, then set them all, so a bad value changes nothing."""
    updates: dict[str, object] = {}
    if change.name_local is not None:
        updates["name_local"] = change.name_local.strip() or None
    if change.categories is not None:
        updates["allowed_categories"] = parse_categories(change.categories)
    if change.days is not None:
        updates["allowed_days"] = parse_days(event, change.days)
    if change.policy is not None:
        updates["entry_policy"] = _choice(change.policy, EntryPolicy, "entry policy")
    if change.direction is not None:
        updates["direction"] = _choice(change.direction, Direction, "direction")
    if change.hours is not None:
        updates["opens_at"], updates["closes_at"] = parse_hours(change.hours)
    for field, value in updates.items():
        setattr(checkpoint, field, value)


def define_checkpoint(
    session: Session, event: Event, name: str, change: RuleChange, *, create: bool
) -> Checkpoint:
    """Create a checkpoint (create=True) or change an existing one's rules."""
    name = " ".join(name.split())
    if not name:
        raise UsageError("a checkpoint needs a name")
    checkpoint = session.scalar(
        select(Checkpoint).where(Checkpoint.event_id == event.id, Checkpoint.name == name)
    )
    if create:
        if checkpoint is not None:
            raise ConflictError(f"checkpoint {name!r} exists already", hint="change it with 'set'")
        checkpoint = Checkpoint(event=event, name=name)
        session.add(checkpoint)
    elif checkpoint is None:
        checkpoint = find_checkpoint(session, event, name)
    apply_rules(event, checkpoint, change)
    session.flush()
    return checkpoint


def describe_rules(checkpoint: Checkpoint) -> dict[str, object]:
    """The rules as plain values, for listings and --json."""
    return {
        "name": checkpoint.name,
        "name_local": checkpoint.name_local,
        "direction": checkpoint.direction,
        "entry_policy": checkpoint.entry_policy,
        "categories": checkpoint.allowed_categories or "all",
        "days": checkpoint.allowed_days or "all",
        "hours": (
            f"{checkpoint.opens_at or ''}-{checkpoint.closes_at or ''}"
            if checkpoint.opens_at or checkpoint.closes_at else "all"
        ),
    }

"""Arrival figures: who is expected, who has arrived, where, and when (for the desk's dashboard
and `kiosk stats`). Counted in SQL, so the figures stay cheap while scanning goes on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from kiosk import events
from kiosk.domain import Direction
from kiosk.models import BadgePrint, Checkpoint, Event, Guest, PrintJob, Scan

BUCKET = dt.timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class CategoryFigures:
    category: str
    expected: int
    arrived: int


@dataclass(frozen=True, slots=True)
class CheckpointFigures:
    checkpoint: str
    direction: str
    guests_today: int  # distinct guests accepted here today
    scans_today: int  # accepted scans here today
    refused_today: int
    checkpoint_local: str | None = None  # its name in the venue's language


@dataclass(frozen=True, slots=True)
class ArrivalSummary:
    day: dt.date  # the event's local day the figures are for
    expected: int
    arrived: int  # distinct guests with a standing check-in, any day
    arrived_today: int
    inside_now: int  # guests whose latest scan today went in
    by_category: list[CategoryFigures]
    by_checkpoint: list[CheckpointFigures]
    # First arrivals of the day per 15 minutes: (local start of the bucket, count).
    per_quarter_hour: list[tuple[dt.datetime, int]]
    badges_printed: int
    print_jobs: dict[str, int] = field(default_factory=dict)
    counted_at: dt.datetime | None = None  # the moment the figures are for (UTC)


def _standing(event: Event) -> list[ColumnElement[bool]]:
    return [Scan.event_id == event.id, Scan.is_accepted.is_(True), Scan.undone_at.is_(None)]


def day_bounds(event: Event, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC start and end of a local day at the venue."""
    zone = events.zone(event.timezone)
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return start, end.astimezone(dt.UTC)


def arrival_summary(session: Session, event: Event, now: dt.datetime) -> ArrivalSummary:
    """Every figure the dashboard shows, for the venue's day that contains `now`."""
    day = events.local_date(event, now)
    start, end = day_bounds(event, day)
    standing = _standing(event)
    guest_key = func.coalesce(Scan.guest_id, -Scan.guest_number)
    arrivals = [Scan.direction == Direction.IN.value, *standing]
    today = [Scan.scanned_at >= start, Scan.scanned_at < end]

    expected_rows = session.execute(
        select(Guest.category, func.count())
        .where(Guest.event_id == event.id, Guest.is_cancelled.is_(False))
        .group_by(Guest.category)
    ).all()
    arrived_rows = session.execute(
        select(Guest.category, func.count(func.distinct(Scan.guest_id)))
        .join(Guest, Guest.id == Scan.guest_id)
        .where(*arrivals)
        .group_by(Guest.category)
    ).all()
    arrived_by_category = {category: count for category, count in arrived_rows}
    by_category = [
        CategoryFigures(category, expected, arrived_by_category.get(category, 0))
        for category, expected in sorted(expected_rows)
    ]

    arrived = session.scalar(select(func.count(func.distinct(guest_key))).where(*arrivals)) or 0
    arrived_today = session.scalar(
        select(func.count(func.distinct(guest_key))).where(*arrivals, *today)
    ) or 0
    # Inside now: guests whose latest standing scan today went in (an inner door such as a hall
    # is not a second arrival; an exit after it means they left).
    latest = (
        select(guest_key.label("guest"), func.max(Scan.scanned_at).label("at"))
        .where(*standing, *today).group_by(guest_key).subquery()
    )
    inside_now = session.scalar(
        select(func.count(func.distinct(guest_key)))
        .join(latest, (guest_key == latest.c.guest) & (Scan.scanned_at == latest.c.at))
        .where(*standing, *today, Scan.direction == Direction.IN.value)
    ) or 0

    by_checkpoint = []
    for checkpoint in session.scalars(
        select(Checkpoint).where(Checkpoint.event_id == event.id).order_by(Checkpoint.id)
    ):
        here = [Scan.checkpoint_id == checkpoint.id, *today]
        accepted = session.execute(
            select(func.count(func.distinct(guest_key)), func.count()).where(*standing, *here)
        ).one()
        refused = session.scalar(
            select(func.count()).where(
                Scan.event_id == event.id, Scan.is_accepted.is_(False), *here
            )
        ) or 0
        by_checkpoint.append(CheckpointFigures(
            checkpoint.name, checkpoint.direction, accepted[0], accepted[1], refused,
            checkpoint.name_local,
        ))

    # A guest's first arrival of the day decides their bucket.
    first_times = session.scalars(
        select(func.min(Scan.scanned_at)).where(*arrivals, *today).group_by(guest_key)
    ).all()
    counts: dict[dt.datetime, int] = {}
    for moment in first_times:
        local = events.local_time(event, moment)
        bucket = local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)
        counts[bucket] = counts.get(bucket, 0) + 1
    per_quarter_hour = sorted(counts.items())

    badges_printed = session.scalar(
        select(func.count()).select_from(BadgePrint).join(Guest, Guest.id == BadgePrint.guest_id)
        .where(Guest.event_id == event.id)
    ) or 0
    print_jobs = dict(
        session.execute(select(PrintJob.state, func.count()).group_by(PrintJob.state)).all()
    )
    return ArrivalSummary(
        day=day,
        expected=sum(f.expected for f in by_category),
        arrived=arrived,
        arrived_today=arrived_today,
        inside_now=inside_now,
        by_category=by_category,
        by_checkpoint=by_checkpoint,
        per_quarter_hour=per_quarter_hour,
        badges_printed=badges_printed,
        print_jobs=print_jobs,
        counted_at=now,
    )

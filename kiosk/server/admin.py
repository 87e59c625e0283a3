"""What an organiser does to the server's copy of an event; every change reaches the kiosks.

Each operation runs in one write transaction of the server (``ServerStore.write``): it opens the
event's change log first, changes the core's tables through the same core functions the kiosks
use (``kiosk.events``, ``kiosk.checkpoints``, ``kiosk.credentials``, ``kiosk.importer``), and
publishes what changed into the pull stream. The core functions also queue outbox items meant for
a kiosk's own sync; the server has no server to push to, so those rows are dropped here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from kiosk import events
from kiosk.checkpoints import RuleChange, define_checkpoint
from kiosk.credentials import Reissued, reissue
from kiosk.db import DATABASE_FILE, Database
from kiosk.errors import ConflictError, NotFoundError, SetupError, UsageError
from kiosk.importer import ImportReport, import_guests
from kiosk.keys import ensure_keys
from kiosk.models import AuditEntry, Checkpoint, Event, Guest, OutboxItem, SyncState
from kiosk.server.changes import ChangeLog
from kiosk.sync import records
from kiosk.sync.records import ChangeKind

log = logging.getLogger("kiosk.server.admin")


def choose_event(session: Session, ref: str | None) -> Event:
    """An event by uid or exact name; without one, the server's current event."""
    if ref is None:
        return events.current_event(session)
    event = session.scalar(select(Event).where(Event.uid == ref.strip()))
    if event is None:
        named = session.scalars(select(Event).where(Event.name == ref.strip())).all()
        if len(named) > 1:
            raise UsageError(f"{len(named)} events are named {ref!r}", hint="give the event's uid")
        event = named[0] if named else None
    if event is None:
        raise NotFoundError(f"no event {ref!r} on this server",
                            hint="see 'kiosk server admin event list'")
    return event


def _drop_kiosk_outbox(session: Session) -> None:
    session.execute(delete(OutboxItem))


def publish_event(change_log: ChangeLog, event: Event) -> None:
    change_log.publish(ChangeKind.EVENT, event.uid, records.event_record(event))


def publish_checkpoint(change_log: ChangeLog, event: Event, checkpoint: Checkpoint) -> None:
    change_log.publish(ChangeKind.CHECKPOINT, checkpoint.uid,
                       records.checkpoint_record(checkpoint, event.uid))


def publish_everything(session: Session, change_log: ChangeLog, event: Event) -> int:
    """Publish the event, its checkpoints and every guest that differs from its last published
    record; how many changes that made."""
    before = change_log.last_seq
    publish_event(change_log, event)
    for checkpoint in session.scalars(
        select(Checkpoint).where(Checkpoint.event_id == event.id).order_by(Checkpoint.id)
    ):
        publish_checkpoint(change_log, event, checkpoint)
    change_log.load_heads(ChangeKind.GUEST)
    query = (select(Guest).where(Guest.event_id == event.id).order_by(Guest.number)
             .execution_options(yield_per=2000))
    for guest in session.scalars(query):
        change_log.publish(ChangeKind.GUEST, guest.uid, records.guest_record(guest, event.uid))
    return change_log.last_seq - before


def create_event(
    session: Session, name: str, starts_on: dt.date, ends_on: dt.date, timezone: str, *,
    name_local: str | None = None, venue: str | None = None, actor: str | None = None,
) -> Event:
    """A new event on the server, with its signing key, made the current one."""
    name = " ".join(name.split())
    if not name:
        raise UsageError("an event needs a name")
    event = events.create_event(session, name, starts_on, ends_on, timezone,
                                name_local=name_local, venue=venue)
    session.add(AuditEntry(event_id=event.id, actor=actor, action="event_created",
                           details={"name": name}))
    change_log = ChangeLog(session, event.id)
    publish_event(change_log, event)
    change_log.flush()
    log.info("event %s created", event.uid)
    return event


@dataclass(frozen=True, slots=True)
class Copied:
    """What copying an event from a kiosk's data folder brought over."""

    event_uid: str
    name: str
    checkpoints: int
    guests: int
    changes: int


def copy_event_from(session: Session, data_dir: Path, *, actor: str | None = None) -> Copied:
    """Copy an event set up on a laptop (its keys, checkpoints and guests, with their ids and
    numbers, so credentials already sent out stay valid) onto the server."""
    if not (data_dir / DATABASE_FILE).is_file():
        raise NotFoundError(f"no kiosk database in {data_dir}", where=str(data_dir),
                            hint=f"give the folder that holds {DATABASE_FILE}")
    source = Database.open(data_dir)
    try:
        with source.session() as origin:
            event = events.current_event(origin)
            if event.signing_key is None:
                raise SetupError("that folder holds only the event's public key",
                                 where=str(data_dir),
                                 hint="copy the folder of the machine where the event was created")
            if session.scalar(select(Event.id).where(Event.uid == event.uid)) is not None:
                raise ConflictError(f"the event {event.name!r} is on this server already",
                                    hint="import guest lists into it with 'admin guests import'")
            copy = Event(
                uid=event.uid, name=event.name, name_local=event.name_local, venue=event.venue,
                timezone=event.timezone, starts_on=event.starts_on, ends_on=event.ends_on,
                key_id=event.key_id, public_key=event.public_key, signing_key=event.signing_key,
                next_guest_number=event.next_guest_number, created_at=event.created_at,
            )
            session.add(copy)
            session.flush()
            checkpoints = list(origin.scalars(
                select(Checkpoint).where(Checkpoint.event_id == event.id).order_by(Checkpoint.id)))
            for checkpoint in checkpoints:
                session.add(Checkpoint(
                    uid=checkpoint.uid, event_id=copy.id, name=checkpoint.name,
                    name_local=checkpoint.name_local, direction=checkpoint.direction,
                    entry_policy=checkpoint.entry_policy,
                    allowed_categories=checkpoint.allowed_categories,
                    allowed_days=checkpoint.allowed_days, opens_at=checkpoint.opens_at,
                    closes_at=checkpoint.closes_at,
                ))
            columns = [c.key for c in Guest.__table__.columns if c.key not in ("id", "event_id")]
            guests = 0
            batch: list[dict[str, object]] = []
            for guest in origin.scalars(
                select(Guest).where(Guest.event_id == event.id).execution_options(yield_per=2000)
            ):
                batch.append({**{c: getattr(guest, c) for c in columns}, "event_id": copy.id})
                if len(batch) == 2000:
                    session.execute(insert(Guest), batch)
                    guests += len(batch)
                    batch = []
            if batch:
                session.execute(insert(Guest), batch)
                guests += len(batch)
    finally:
        source.close()
    events.set_current_event(session, copy)
    session.add(AuditEntry(event_id=copy.id, actor=actor, action="event_copied",
                           details={"from": str(data_dir), "guests": guests}))
    session.flush()
    change_log = ChangeLog(session, copy.id)
    changes = publish_everything(session, change_log, copy)
    change_log.flush()
    return Copied(copy.uid, copy.name, len(checkpoints), guests, changes)


def import_guest_list(
    session: Session, event: Event, path: Path, *, mapping: Mapping[str, str] | None = None,
    dry_run: bool = False, encoding: str | None = None, sheet: str | None = None,
    actor: str | None = None,
) -> tuple[ImportReport, int]:
    """The core's importer on the server's copy, then every changed guest published."""
    change_log = ChangeLog(session, event.id)
    report = import_guests(session, event, path, mapping=mapping, dry_run=dry_run,
                           encoding=encoding, sheet=sheet, actor=actor)
    if dry_run:
        return report, 0
    session.flush()
    changes = publish_everything(session, change_log, event)
    change_log.flush()
    _drop_kiosk_outbox(session)
    return report, changes


def define(
    session: Session, event: Event, name: str, change: RuleChange, *, create: bool
) -> Checkpoint:
    """Add a checkpoint or change its rules, through the same validation the kiosks use."""
    change_log = ChangeLog(session, event.id)
    checkpoint = define_checkpoint(session, event, name, change, create=create)
    publish_checkpoint(change_log, event, checkpoint)
    change_log.flush()
    return checkpoint


def reissue_credential(
    session: Session, event: Event, guest_ref: str, *, actor: str | None = None
) -> Reissued:
    """Revoke a guest's credential and issue the next one; every kiosk refuses the old one
    once it has synced."""
    change_log = ChangeLog(session, event.id)
    guest = events.find_guest(session, event, guest_ref)
    result = reissue(session, event, guest, actor=actor)
    change_log.publish(ChangeKind.GUEST, guest.uid, records.guest_record(guest, event.uid))
    change_log.flush()
    _drop_kiosk_outbox(session)
    return result


def set_cancelled(
    session: Session, event: Event, guest_ref: str, cancelled: bool, *,
    reason: str | None = None, actor: str | None = None,
) -> Guest:
    """Cancel a registration (every credential of the guest refused) or restore it."""
    change_log = ChangeLog(session, event.id)
    guest = events.find_guest(session, event, guest_ref)
    if guest.is_cancelled != cancelled:
        guest.is_cancelled = cancelled
        session.add(AuditEntry(
            event_id=event.id, guest_id=guest.id, actor=actor,
            action="registration_cancelled" if cancelled else "registration_restored",
            details={"reason": reason} if reason else {},
        ))
        session.flush()
        change_log.publish(ChangeKind.GUEST, guest.uid, records.guest_record(guest, event.uid))
    change_log.flush()
    return guest


def rotate_event_keys(session: Session, event: Event, *, actor: str | None = None) -> Event:
    """Replace the event's key pair (every credential so far stops verifying); kiosks get the
    new public key with their next pull."""
    from kiosk.keys import rotate_keys

    change_log = ChangeLog(session, event.id)
    rotate_keys(session, event, actor=actor)
    publish_event(change_log, event)
    change_log.flush()
    return event


def ensure_event_keys(session: Session, event: Event) -> Event:
    change_log = ChangeLog(session, event.id)
    ensure_keys(session, event)
    publish_event(change_log, event)
    change_log.flush()
    return event


def server_setting(session: Session, key: str) -> str | None:
    state = session.get(SyncState, key)
    return state.value if state else None

"""The event this database serves, its keys, guest numbering and this device's identity."""

from __future__ import annotations

import datetime as dt
import socket
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import tokens
from kiosk.errors import CredentialError, NotFoundError, SetupError, UsageError
from kiosk.models import Device, Event, Guest, SyncState

CURRENT_EVENT_KEY = "current_event_uid"


def create_event(
    session: Session,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    timezone: str = "UTC",
    *,
    name_local: str | None = None,
    venue: str | None = None,
    with_keys: bool = True,
) -> Event:
    """A new event, made the current one, with a fresh signing key unless asked otherwise."""
    if ends_on < starts_on:
        raise UsageError(f"the event ends ({ends_on}) before it starts ({starts_on})")
    zone(timezone)  # refuse an unknown zone now, not at the first scan
    event = Event(
        name=name, name_local=name_local, venue=venue, timezone=timezone,
        starts_on=starts_on, ends_on=ends_on,
    )
    if with_keys:
        pair = tokens.generate_keypair()
        event.signing_key, event.public_key = pair.signing_key, pair.public_key
    session.add(event)
    session.flush()
    set_current_event(session, event)
    return event


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise UsageError(
            f"unknown time zone {name!r}", hint="use a name like Asia/Shanghai"
        ) from error


def set_current_event(session: Session, event: Event) -> None:
    state = session.get(SyncState, CURRENT_EVENT_KEY)
    if state is None:
        session.add(SyncState(key=CURRENT_EVENT_KEY, value=event.uid))
    else:
        state.value = event.uid


def current_event(session: Session) -> Event:
    """The event this kiosk works for; raises SetupError when there is none yet."""
    state = session.get(SyncState, CURRENT_EVENT_KEY)
    if state is not None:
        event = session.scalar(select(Event).where(Event.uid == state.value))
        if event is not None:
            return event
    events = session.scalars(select(Event).order_by(Event.id)).all()
    if len(events) == 1:
        return events[0]
    if not events:
        raise SetupError(
            "no event is set up in this data folder",
            hint="run 'kiosk demo' for the demo event, or enrol with a server",
        )
    raise SetupError("several events are stored and none is chosen as current")


def local_date(event: Event, moment: dt.datetime) -> dt.date:
    """The calendar day at the event's venue for a UTC moment."""
    return moment.astimezone(zone(event.timezone)).date()


def local_time(event: Event, moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(zone(event.timezone))


def allocate_guest_number(session: Session, event: Event) -> int:
    """The next free credential number for this event."""
    number = event.next_guest_number
    if number > tokens.MAX_NUMBER:
        raise CredentialError(f"this event has used all {tokens.MAX_NUMBER} guest numbers")
    event.next_guest_number = number + 1
    return number


def allocate_guest_numbers(session: Session, event: Event, count: int) -> int:
    """The first of `count` consecutive free credential numbers, all reserved (bulk imports)."""
    if count < 0:
        raise ValueError("count must not be negative")
    first = event.next_guest_number
    if first + count - 1 > tokens.MAX_NUMBER:
        raise CredentialError(
            f"{count} more guests do not fit: this event has {tokens.MAX_NUMBER - first + 1} "
            f"of its {tokens.MAX_NUMBER} guest numbers left"
        )
    event.next_guest_number = first + count
    session.flush()
    return first


def credential_for(event: Event, guest: Guest) -> str:
    """The guest's current credential text; needs the event's signing key on this machine."""
    if event.signing_key is None:
        raise SetupError(
            "this kiosk holds no signing key for the event, so it cannot issue credentials",
            hint="issue credentials on the server, or run 'kiosk keys' on the organiser's machine",
        )
    return tokens.issue(event.uid, event.signing_key, guest.number, guest.credential_serial)


def reissue_credential(session: Session, event: Event, guest: Guest) -> str:
    """Revoke the guest's credential and issue a new one (a lost invitation)."""
    if guest.credential_serial >= tokens.MAX_SERIAL:
        # Moving the guest to a fresh number would leave the old number with no guest, and a
        # kiosk admits a valid credential of an unknown number (a guest not synced yet): every
        # revoked credential would open the gate again. A cancelled row keeps its number refused.
        raise CredentialError(
            f"guest #{guest.number} has used all {tokens.MAX_SERIAL + 1} credentials of a number",
            hint="cancel this registration and register the guest again",
        )
    guest.credential_serial += 1
    session.flush()
    return credential_for(event, guest)


def find_guest(session: Session, event: Event, ref: str) -> Guest:
    """A guest by uid, number, external code, e-mail or credential; NotFoundError otherwise."""
    ref = ref.strip()
    query = select(Guest).where(Guest.event_id == event.id)
    guest = session.scalar(query.where(Guest.uid == ref))
    if guest is None and ref.isdigit():
        guest = session.scalar(query.where(Guest.number == int(ref)))
    if guest is None:
        guest = session.scalar(query.where(Guest.external_code == ref))
    if guest is None and "@" in ref:
        guest = session.scalar(query.where(Guest.email == ref.lower()))
    if guest is None:
        credential = tokens.parse(ref)
        if credential is not None:
            guest = session.scalar(query.where(Guest.number == credential.guest_number))
    if guest is None:
        raise NotFoundError(f"no guest {ref!r} in {event.name}", hint="try 'kiosk guests NAME'")
    return guest


def this_device(session: Session) -> Device:
    """This kiosk's own device row, made on first use and named after the machine."""
    device = session.scalar(select(Device).where(Device.is_self.is_(True)))
    if device is None:
        device = Device(name=socket.gethostname() or "kiosk", is_self=True)
        session.add(device)
        session.flush()
    return device

"""What a kiosk remembers about its server, in the local ``sync_state`` table.

The pull cursor is written in the same transaction as the page it follows, so after a crash or
a restart the kiosk resumes exactly after the last page it applied: no gap, no repeat.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import events
from kiosk.models import OutboxItem, Scan, SyncState
from kiosk.search import SEARCH_KEYS_STATE, SEARCH_KEYS_VERSION

SERVER_URL = "sync_server_url"
DEVICE_TOKEN = "sync_device_token"
EVENT_UID = "sync_event_uid"
PULL_CURSOR = "sync_pull_cursor"
CAN_ISSUE = "sync_can_issue"
NUMBER_BLOCK_END = "sync_number_block_end"
LAST_SYNC = "last_sync_at"  # also read by the desk's status bar (kiosk.desk.LAST_SYNC_KEY)
LAST_ERROR = "sync_last_error"
MAX_ATTEMPTS = 5  # an item the server refused this often for good is left for staff to see


def read(session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None else None


def write(session: Session, key: str, value: str | None) -> None:
    row = session.get(SyncState, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


@dataclass(frozen=True, slots=True)
class Enrolment:
    """This kiosk's standing with its server."""

    server_url: str
    token: str
    event_uid: str
    device_uid: str
    can_issue: bool


def enrolment(session: Session) -> Enrolment | None:
    """The kiosk's enrolment, or None when it has never enrolled."""
    url, token, event_uid = (read(session, k) for k in (SERVER_URL, DEVICE_TOKEN, EVENT_UID))
    if not url or not token or not event_uid:
        return None
    return Enrolment(
        server_url=url, token=token, event_uid=event_uid,
        device_uid=events.this_device(session).uid,
        can_issue=read(session, CAN_ISSUE) == "1",
    )


def cursor(session: Session) -> int:
    value = read(session, PULL_CURSOR)
    return int(value) if value else 0


def last_sync(session: Session) -> dt.datetime | None:
    value = read(session, LAST_SYNC)
    if not value:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Backlog:
    """What waits here for the server, and what staff should look at."""

    pending: int  # outbox items not yet acknowledged
    stuck: int  # of those, items the server refused for good (see MAX_ATTEMPTS)
    conflicts: int  # standing check-ins another gate also made while apart


def backlog(session: Session) -> Backlog:
    pending = session.scalar(
        select(func.count()).select_from(OutboxItem).where(OutboxItem.sent_at.is_(None))
    ) or 0
    stuck = session.scalar(
        select(func.count()).select_from(OutboxItem).where(
            OutboxItem.sent_at.is_(None), OutboxItem.attempts >= MAX_ATTEMPTS)
    ) or 0
    conflicts = session.scalar(
        select(func.count()).select_from(Scan).where(
            Scan.is_conflict.is_(True), Scan.undone_at.is_(None))
    ) or 0
    return Backlog(pending=pending, stuck=stuck, conflicts=conflicts)


def mark_search_stale(session: Session) -> None:
    """The search keys no longer match the guests: the next search (kiosk.search) or the end of
    the pull rebuilds them all."""
    write(session, SEARCH_KEYS_STATE, "stale")


def search_is_stale(session: Session) -> bool:
    return read(session, SEARCH_KEYS_STATE) not in (None, SEARCH_KEYS_VERSION)

"""Helpers for the kiosk-side sync tests: a real server (uvicorn on loopback) holding an event
set up on a laptop, one-time codes, and kiosks enrolled through the ``kiosk`` command."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk import events
from kiosk.cli import main
from kiosk.db import Database
from kiosk.domain import Category, EntryPolicy
from kiosk.models import Checkpoint, Event, Guest, Scan
from kiosk.server import admin, auth
from kiosk.server.runner import BackgroundServer
from kiosk.server.store import ServerStore

# 10:00 in Beijing on the forum's first day: inside the event, so entrances admit.
SCAN_TIME = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.UTC)


@dataclass
class Organiser:
    """The server side of a test: its store, the running server and the event's credentials."""

    store: ServerStore
    server: BackgroundServer
    event_uid: str
    credentials: list[str] = field(default_factory=list)  # guest i's signed credential

    @property
    def url(self) -> str:
        return self.server.url

    def code(self, *, can_issue: bool = False) -> str:
        """A fresh one-time enrolment code for the event."""
        with self.store.write() as session:
            event = session.scalar(select(Event).where(Event.uid == self.event_uid))
            assert event is not None
            text, _row = auth.create_enrolment_code(session, event, dt.datetime.now(dt.UTC),
                                                    can_issue=can_issue)
        return text

    def accepted_scans(self) -> int:
        with self.store.read() as session:
            return int(session.scalar(
                select(func.count()).select_from(Scan).where(Scan.is_accepted.is_(True))) or 0)


def build_laptop_event(folder: Path, guests: int = 5) -> list[str]:
    """An event as an organiser sets it up on a laptop: a single-entry main entrance and a
    re-entry hall, ``guests`` guests; their credentials."""
    database = Database.open(folder)
    try:
        with database.session() as session:
            event = events.create_event(session, "Beijing Forum", dt.date(2026, 12, 7),
                                        dt.date(2026, 12, 11), "Asia/Shanghai")
            session.add_all([
                Checkpoint(event=event, name="Main entrance",
                           entry_policy=EntryPolicy.SINGLE.value),
                Checkpoint(event=event, name="Exhibition hall",
                           entry_policy=EntryPolicy.REENTRY.value),
            ])
            session.flush()
            first = events.allocate_guest_numbers(session, event, guests)
            session.add_all([
                Guest(event_id=event.id, number=first + i, name=f"Guest {i} 张{i}",
                      category=Category.GUEST.value) for i in range(guests)
            ])
        with database.session() as session:
            event = events.current_event(session)
            rows = session.scalars(select(Guest).order_by(Guest.number)).all()
            return [events.credential_for(event, guest) for guest in rows]
    finally:
        database.close()


def start_organiser(folder: Path, guests: int = 5, port: int = 0) -> Organiser:
    laptop = folder / "laptop"
    laptop.mkdir(parents=True)
    credentials = build_laptop_event(laptop, guests)
    store = ServerStore.open(f"sqlite:///{folder / 'server.sqlite3'}")
    with store.write() as session:
        copied = admin.copy_event_from(session, laptop)
    server = BackgroundServer(store, port=port).start()
    return Organiser(store=store, server=server, event_uid=copied.event_uid,
                     credentials=credentials)


@pytest.fixture
def organiser(tmp_path: Path) -> Iterator[Organiser]:
    found = start_organiser(tmp_path / "organiser")
    yield found
    found.server.stop()
    found.store.close()


def kiosk(folder: Path, *words: str) -> tuple[int, str]:
    """Run ``kiosk --data-dir folder --json WORDS``; its exit status and its output."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["--data-dir", str(folder), "--json", *words])
    return status, out.getvalue()


def kiosk_json(folder: Path, *words: str) -> dict[str, object]:
    status, out = kiosk(folder, *words)
    assert status == 0, out
    value = json.loads(out)
    assert isinstance(value, dict)
    return value


def enrolled_kiosk(organiser: Organiser, folder: Path, name: str) -> Path:
    """A kiosk enrolled through ``kiosk enroll`` and synced once through ``kiosk sync --once``."""
    kiosk_json(folder, "enroll", organiser.url, organiser.code(), "--name", name)
    kiosk_json(folder, "sync", "--once")
    return folder

"""GUI fixtures: the kiosk application services on pytest-qt's QApplication, guests to scan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QApplication

from kiosk import events
from kiosk.db import Database
from kiosk.domain import Category
from kiosk.models import Event, Guest
from ui.app import KioskApp


@pytest.fixture
def kiosk_app(qapp: QApplication) -> Iterator[KioskApp]:
    app = KioskApp.create()
    yield app
    app.translations.use(app.translations.language.ENGLISH)
    app.close()


@dataclass(frozen=True)
class Pass:
    """A guest and the credential on their invitation."""

    uid: str
    name: str
    name_latin: str | None
    credential: str


def add_guest(
    database: Database, event: Event, name: str, name_latin: str | None = None, *,
    category: str = Category.GUEST.value, days: list[dt.date] | None = None,
    language: str | None = None, external_code: str | None = None, country: str | None = None,
) -> Pass:
    with database.session() as session:
        forum = session.get(Event, event.id)
        assert forum is not None
        guest = Guest(
            event_id=forum.id, number=events.allocate_guest_number(session, forum), name=name,
            name_latin=name_latin, category=category, language=language,
            days=[d.isoformat() for d in days] if days is not None else None,
            external_code=external_code, country=country,
        )
        session.add(guest)
        session.flush()
        return Pass(guest.uid, name, name_latin, events.credential_for(forum, guest))

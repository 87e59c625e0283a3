"""The event's key pair: created when missing, never replaced by accident, rotated on purpose."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from kiosk import events, tokens
from kiosk.db import Database
from kiosk.domain import Category
from kiosk.errors import ConflictError
from kiosk.keys import ensure_keys, fingerprint, rotate_keys
from kiosk.models import AuditEntry, Event, Guest
from tests.conftest import FIRST_DAY, LAST_DAY


def _forum(database: Database, *, with_keys: bool) -> int:
    with database.session() as session:
        forum = events.create_event(session, "Forum", FIRST_DAY, LAST_DAY, with_keys=with_keys)
        for _ in range(3):
            session.add(Guest(event_id=forum.id, name="Guest",
                              number=events.allocate_guest_number(session, forum),
                              category=Category.GUEST.value))
        return forum.id


def test_fingerprint_is_eight_groups_of_hex_and_differs_per_key() -> None:
    first, second = tokens.generate_keypair(), tokens.generate_keypair()
    assert re.fullmatch(r"([0-9a-f]{4} ){7}[0-9a-f]{4}", fingerprint(first.public_key))
    assert fingerprint(first.public_key) != fingerprint(second.public_key)
    assert fingerprint(first.public_key) == fingerprint(first.public_key)


def test_event_without_keys_gets_a_pair_once(database: Database) -> None:
    event_id = _forum(database, with_keys=False)
    with database.session() as session:
        forum = session.get(Event, event_id)
        assert forum is not None and forum.public_key is None
        created = ensure_keys(session, forum)
        assert created.is_new and created.can_issue
        assert forum.public_key is not None and forum.signing_key is not None
    with database.session() as session:
        forum = session.get(Event, event_id)
        assert forum is not None
        again = ensure_keys(session, forum)
        assert not again.is_new and again.fingerprint == created.fingerprint
        actions = session.scalars(select(AuditEntry.action)).all()
        assert actions == ["keys_created"]
    assert "BEGIN PUBLIC KEY" in created.public_key_pem


def test_rotation_invalidates_old_credentials_and_is_audited(database: Database) -> None:
    event_id = _forum(database, with_keys=True)
    with database.session() as session:
        forum = session.get(Event, event_id)
        assert forum is not None
        guest = session.scalars(select(Guest)).first()
        assert guest is not None
        old_text = events.credential_for(forum, guest)
        old_fingerprint = fingerprint(forum.public_key or b"")
        rotated = rotate_keys(session, forum, actor="organiser")
        new_text = events.credential_for(forum, guest)
        assert rotated.replaced_fingerprint == old_fingerprint
        assert rotated.fingerprint != old_fingerprint
        assert rotated.invalidated_guests == 3 and rotated.key_id == 1
        public = [forum.public_key or b""]
        old, new = tokens.parse(old_text), tokens.parse(new_text)
        assert old is not None and new is not None
        assert not tokens.verify(old, forum.uid, public)
        assert tokens.verify(new, forum.uid, public)
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "keys_rotated")).one()
        assert audit.actor == "organiser"
        assert audit.details["replaced_fingerprint"] == old_fingerprint


def test_verify_only_kiosk_cannot_rotate(database: Database) -> None:
    event_id = _forum(database, with_keys=True)
    with database.session() as session:
        forum = session.get(Event, event_id)
        assert forum is not None
        forum.signing_key = None
        kept = forum.public_key
        with pytest.raises(ConflictError, match="only the event's public key"):
            rotate_keys(session, forum)
        assert forum.public_key == kept
        assert not ensure_keys(session, forum).can_issue

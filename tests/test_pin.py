"""The staff PIN: stored as a hash, checked, locked after wrong tries, locked over a restart."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db import Database
from kiosk.errors import ConflictError, UsageError
from kiosk.models import AuditEntry, SyncState
from kiosk.pin import HASH_KEY, MAX_TRIES, PinGuard, PinOutcome, hash_pin, pin_matches
from tests.conftest import FixedClock


def test_pin_is_stored_only_as_a_salted_hash(database: Database, clock: FixedClock) -> None:
    guard = PinGuard(database, clock=clock)
    assert not guard.is_set() and guard.check("1234").outcome is PinOutcome.NOT_SET
    guard.set_first_pin("482913")
    with database.session() as session:
        stored = session.get(SyncState, HASH_KEY)
        assert stored is not None and "482913" not in stored.value
        assert stored.value.startswith("scrypt$")
    assert hash_pin("482913") != hash_pin("482913")  # a fresh salt each time
    assert guard.check("482913").is_accepted
    assert guard.check("482914").outcome is PinOutcome.WRONG


def test_wrong_tries_lock_the_pin_for_a_while_even_after_a_restart(
    database: Database, clock: FixedClock
) -> None:
    PinGuard(database, clock=clock).set_first_pin("2468")
    guard = PinGuard(database, clock=clock)
    for left in range(MAX_TRIES - 1, 0, -1):
        assert guard.check("0000").tries_left == left
    locked = guard.check("0000")
    assert locked.outcome is PinOutcome.LOCKED and locked.locked_until is not None
    restarted = PinGuard(database, clock=clock)
    assert restarted.check("2468").outcome is PinOutcome.LOCKED  # even the right PIN
    clock.advance(minutes=4, seconds=59)
    assert restarted.check("2468").outcome is PinOutcome.LOCKED
    clock.advance(seconds=2)
    assert restarted.check("2468").is_accepted
    assert restarted.status().tries_left == MAX_TRIES
    with database.session() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "staff_pin_locked" in actions


def test_a_right_pin_resets_the_count(database: Database, clock: FixedClock) -> None:
    guard = PinGuard(database, clock=clock)
    guard.set_first_pin("2468")
    for _ in range(MAX_TRIES - 1):
        guard.check("1111")
    assert guard.check("2468").is_accepted
    assert guard.check("1111").tries_left == MAX_TRIES - 1


@pytest.mark.parametrize("bad", ["12", "12a4", "１２３４", "1234567890123", ""])
def test_a_pin_must_be_4_to_12_ascii_digits(database: Database, bad: str) -> None:
    with pytest.raises(UsageError, match="PIN"):
        PinGuard(database).set_first_pin(bad)


def test_changing_a_pin_needs_the_current_one(database: Database, clock: FixedClock) -> None:
    guard = PinGuard(database, clock=clock)
    guard.set_first_pin("2468")
    with pytest.raises(ConflictError):
        guard.set_first_pin("1357")
    with pytest.raises(ConflictError):
        guard.set_pin("1357", current="9999")
    guard.set_pin("1357", current="2468")
    assert guard.check("1357").is_accepted and not guard.check("2468").is_accepted


def test_a_damaged_stored_hash_never_matches() -> None:
    assert not pin_matches("1234", "scrypt$not$a$hash")
    assert not pin_matches("1234", "md5$1$1$1$AA==$AA==")

"""The check-in engine: every verdict, the order of rules, debounce, undo and the outbox."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from kiosk import events, tokens
from kiosk.checkin import DEBOUNCE, Gate
from kiosk.db import Database
from kiosk.domain import Category, Reason
from kiosk.errors import ConflictError, NotFoundError, UsageError
from kiosk.models import Checkpoint, Event, Guest, OutboxItem, Scan
from tests.conftest import FixedClock


def add_guest(database: Database, event: Event, name: str = "张伟", **fields: object) -> Guest:
    with database.session() as session:
        forum = session.get(Event, event.id)
        assert forum is not None
        guest = Guest(event_id=forum.id, number=events.allocate_guest_number(session, forum),
                      name=name, category=fields.pop("category", Category.GUEST.value), **fields)
        session.add(guest)
    return guest


def credential(database: Database, guest: Guest) -> str:
    with database.session() as session:
        forum = events.current_event(session)
        fresh = session.get(Guest, guest.id)
        assert fresh is not None
        return events.credential_for(forum, fresh)


@pytest.fixture
def gate(database: Database, event: Event, clock: FixedClock) -> Gate:
    return Gate(database, "Main entrance", clock=clock)


def test_first_scan_admits_and_marks_first_arrival(database, event, gate) -> None:
    guest = add_guest(database, event)
    verdict = gate.scan(credential(database, guest))
    assert verdict.reason is Reason.ADMITTED
    assert verdict.is_first_arrival
    assert verdict.guest is not None and verdict.guest.name == "张伟"


def test_second_scan_at_single_entry_gate_is_already_checked_in_with_when_and_where(
    database, event, gate, clock
) -> None:
    guest = add_guest(database, event)
    code = credential(database, guest)
    first = gate.scan(code)
    clock.advance(minutes=10)
    second = gate.scan(code)
    assert second.reason is Reason.ALREADY_CHECKED_IN
    assert second.first_checkin_at == first.scanned_at
    assert second.first_checkin_checkpoint == "Main entrance"
    assert not second.is_first_arrival


def test_same_code_within_seconds_is_the_same_scan_not_a_duplicate(database, event, gate, clock):
    guest = add_guest(database, event)
    code = credential(database, guest)
    first = gate.scan(code)
    clock.advance(seconds=DEBOUNCE.total_seconds() - 1)
    again = gate.scan(code)
    assert again.reason is Reason.ADMITTED and again.is_repeat and again.scan_id == first.scan_id
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Scan)) == 1


def test_second_scan_at_other_gate_counts_as_already_checked_in_elsewhere(
    database, event, gate, clock
) -> None:
    guest = add_guest(database, event)
    code = credential(database, guest)
    gate.scan(code)
    hall = Gate(database, "Exhibition hall", clock=clock)
    clock.advance(minutes=1)
    verdict = hall.scan(code)
    assert verdict.reason is Reason.ADMITTED and not verdict.is_first_arrival
    assert verdict.first_checkin_checkpoint == "Main entrance"
    clock.advance(minutes=30)
    assert hall.scan(code).reason is Reason.READMITTED


def test_forged_and_damaged_credentials_are_invalid(database, event, gate) -> None:
    guest = add_guest(database, event)
    code = credential(database, guest)
    other_key = tokens.generate_keypair()
    forged = tokens.issue(event.uid, other_key.signing_key, guest.number, 0)
    assert gate.scan(forged).reason is Reason.INVALID
    damaged = code[:50] + ("A" if code[50] != "A" else "B") + code[51:]
    assert gate.scan(damaged).reason is Reason.INVALID
    assert gate.scan("").reason is Reason.INVALID


def test_unknown_plain_barcode_and_known_one(database, event, gate) -> None:
    add_guest(database, event, "Anna Müller", external_code="EVT-000123")
    assert gate.scan("EVT-999999").reason is Reason.UNKNOWN_CODE
    verdict = gate.scan("EVT-000123")
    assert verdict.reason is Reason.ADMITTED
    assert verdict.guest is not None and verdict.guest.name == "Anna Müller"


def test_reissued_credential_revokes_the_old_one(database, event, gate, clock) -> None:
    guest = add_guest(database, event)
    old = credential(database, guest)
    with database.session() as session:
        forum = events.current_event(session)
        fresh = session.get(Guest, guest.id)
        assert fresh is not None
        new = events.reissue_credential(session, forum, fresh)
    assert gate.scan(old).reason is Reason.REVOKED
    clock.advance(seconds=10)
    assert gate.scan(new).reason is Reason.ADMITTED


def test_cancelled_guest_is_revoked(database, event, gate) -> None:
    guest = add_guest(database, event, is_cancelled=True)
    assert gate.scan(credential(database, guest)).reason is Reason.REVOKED


def test_vip_lounge_refuses_other_categories_and_says_which_are_allowed(
    database, event, clock
) -> None:
    lounge = Gate(database, "VIP lounge", clock=clock)
    guest = add_guest(database, event)
    vip = add_guest(database, event, "Ivan Petrov", category=Category.VIP.value)
    refused = lounge.scan(credential(database, guest))
    assert refused.reason is Reason.WRONG_CATEGORY
    assert set(refused.allowed_categories) == {"vip", "speaker"}
    assert lounge.scan(credential(database, vip)).reason is Reason.ADMITTED


def test_day_pass_is_not_valid_on_another_day(database, event, gate, clock) -> None:
    guest = add_guest(database, event, days=["2026-12-08"])
    verdict = gate.scan(credential(database, guest))
    assert verdict.reason is Reason.WRONG_DAY
    assert verdict.valid_days == (dt.date(2026, 12, 8),)
    clock.advance(days=1)
    assert gate.scan(credential(database, guest)).reason is Reason.ADMITTED


def test_day_is_the_venue_day_not_the_utc_day(database, event, gate, clock) -> None:
    # 23:30 UTC on 7 December is 07:30 on 8 December in Beijing.
    clock.moment = dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC)
    guest = add_guest(database, event, days=["2026-12-08"])
    assert gate.scan(credential(database, guest)).reason is Reason.ADMITTED


def test_scans_outside_the_event_are_wrong_day(database, event, gate, clock) -> None:
    clock.moment = dt.datetime(2026, 12, 20, 2, 0, tzinfo=dt.UTC)
    guest = add_guest(database, event)
    assert gate.scan(credential(database, guest)).reason is Reason.WRONG_DAY


def test_opening_hours_in_event_time_zone(database, event, clock) -> None:
    with database.session() as session:
        lounge = session.scalar(select(Checkpoint).where(Checkpoint.name == "VIP lounge"))
        assert lounge is not None
        lounge.opens_at, lounge.closes_at = dt.time(8, 0), dt.time(18, 0)
    vip = add_guest(database, event, "Ivan Petrov", category=Category.VIP.value)
    gate = Gate(database, "VIP lounge", clock=clock)
    clock.moment = dt.datetime(2026, 12, 7, 23, 0, tzinfo=dt.UTC)  # 07:00 in Beijing
    closed = gate.scan(credential(database, vip))
    assert closed.reason is Reason.CLOSED and closed.opens_at == dt.time(8, 0)
    clock.advance(hours=1, seconds=10)
    assert gate.scan(credential(database, vip)).reason is Reason.ADMITTED


def test_daily_policy_admits_once_each_day(database, event, clock) -> None:
    with database.session() as session:
        main = session.scalar(select(Checkpoint).where(Checkpoint.name == "Main entrance"))
        assert main is not None
        main.entry_policy = "daily"
    gate = Gate(database, "Main entrance", clock=clock)
    code = credential(database, add_guest(database, event))
    assert gate.scan(code).reason is Reason.ADMITTED
    clock.advance(hours=2)
    assert gate.scan(code).reason is Reason.ALREADY_CHECKED_IN
    clock.advance(days=1)
    assert gate.scan(code).reason is Reason.READMITTED


def test_exit_checkpoint_counts_out(database, event, clock) -> None:
    code = credential(database, add_guest(database, event))
    assert Gate(database, "Exit", clock=clock).scan(code).reason is Reason.EXITED


def test_guest_registered_after_last_sync_is_admitted_on_signature_alone(
    database, event, gate, clock
) -> None:
    # A credential for number 999 that this kiosk has no guest for: signed by the event's key.
    with database.session() as session:
        forum = events.current_event(session)
        assert forum.signing_key is not None
        code = tokens.issue(forum.uid, forum.signing_key, 999, 0)
    verdict = gate.scan(code)
    assert verdict.reason is Reason.ADMITTED
    assert verdict.guest is not None and verdict.guest.number == 999 and verdict.guest.name is None
    clock.advance(minutes=5)
    assert gate.scan(code).reason is Reason.ALREADY_CHECKED_IN
    lounge = Gate(database, "VIP lounge", clock=clock)
    assert lounge.scan(code).reason is Reason.UNKNOWN_CODE


def test_every_scan_is_recorded_with_its_outbox_item(database, event, gate, clock) -> None:
    guest = add_guest(database, event)
    code = credential(database, guest)
    for payload in (code, "nonsense", code):
        gate.scan(payload)
        clock.advance(seconds=30)
    with database.session() as session:
        scans = session.scalars(select(Scan).order_by(Scan.scanned_at)).all()
        assert [s.reason for s in scans] == ["admitted", "unknown_code", "already_checked_in"]
        assert len({s.id for s in scans}) == 3
        assert all(s.device_uid == gate.device_uid and s.checkpoint_id for s in scans)
        outbox = session.scalars(select(OutboxItem).order_by(OutboxItem.seq)).all()
        assert [o.item_uid for o in outbox] == [s.id for s in scans]
        assert all(code not in str(o.payload) for o in outbox)  # never the credential itself


def test_undo_reverses_a_checkin_and_keeps_the_audit_trail(database, event, gate, clock) -> None:
    guest = add_guest(database, event)
    code = credential(database, guest)
    admitted = gate.scan(code)
    with pytest.raises(UsageError):
        gate.undo(admitted.scan_id, "  ", "desk-anna")
    gate.undo(admitted.scan_id, "scanned the wrong guest", "desk-anna")
    with pytest.raises(ConflictError):
        gate.undo(admitted.scan_id, "again", "desk-anna")
    clock.advance(minutes=1)
    again = gate.scan(code)
    assert again.reason is Reason.ADMITTED and again.is_first_arrival
    with database.session() as session:
        scan = session.get(Scan, admitted.scan_id)
        assert scan is not None and scan.undo_reason == "scanned the wrong guest"
        kinds = session.scalars(select(OutboxItem.kind).order_by(OutboxItem.seq)).all()
        assert kinds == ["scan", "undo", "scan"]


def test_refused_scan_cannot_be_undone(database, event, gate) -> None:
    refused = gate.scan("nonsense")
    with pytest.raises(ConflictError):
        gate.undo(refused.scan_id, "why not", None)


def test_manual_checkin_follows_the_same_rules(database, event, gate, clock) -> None:
    guest = add_guest(database, event)
    verdict = gate.check_in_by_hand(guest.uid, "desk-li")
    assert verdict.reason is Reason.ADMITTED
    clock.advance(minutes=1)
    assert gate.check_in_by_hand(guest.uid, "desk-li").reason is Reason.ALREADY_CHECKED_IN
    with database.session() as session:
        scan = session.get(Scan, verdict.scan_id)
        assert scan is not None and scan.code_kind == "manual" and scan.operator == "desk-li"


def test_unknown_checkpoint_name_lists_the_real_ones(database, event) -> None:
    with pytest.raises(NotFoundError, match="Main entrance"):
        Gate(database, "Back door")


def test_a_rule_changed_while_the_gate_runs_applies_to_the_next_scan(
    database, event, clock
) -> None:
    # The gate keeps its checkpoint's rules between scans; an edit at the desk or by sync must
    # still reach the very next guest.
    gate = Gate(database, "Main entrance", clock=clock)
    first, second = (credential(database, add_guest(database, event, n)) for n in ("甲", "乙"))
    assert gate.scan(first).reason is Reason.ADMITTED
    with database.session() as session:
        main = session.scalar(select(Checkpoint).where(Checkpoint.name == "Main entrance"))
        assert main is not None
        main.allowed_categories = [Category.VIP.value]
    clock.advance(minutes=1)
    refused = gate.scan(second)
    assert refused.reason is Reason.WRONG_CATEGORY
    assert refused.allowed_categories == (Category.VIP.value,)
    with database.session() as session:
        main = session.scalar(select(Checkpoint).where(Checkpoint.name == "Main entrance"))
        assert main is not None
        main.allowed_categories, main.entry_policy = None, "reentry"
    clock.advance(minutes=1)
    assert gate.scan(first).reason is Reason.READMITTED
    assert gate.scan(second).reason is Reason.ADMITTED


def test_the_server_engine_and_the_gate_give_the_same_verdict(database, event, clock) -> None:
    # kiosk.server.verdicts decides through the ORM entry point; it must agree with the gate.
    from kiosk.checkin import decide

    gate = Gate(database, "Main entrance", clock=clock)
    guest = add_guest(database, event)
    code = credential(database, guest)
    for expected in (Reason.ADMITTED, Reason.ALREADY_CHECKED_IN):
        with database.session() as session:
            forum = events.current_event(session)
            main = session.scalar(select(Checkpoint).where(Checkpoint.name == "Main entrance"))
            assert main is not None
            verdict, identified = decide(session, forum, main, code, clock())
        assert verdict.reason is expected
        assert identified.guest is not None and identified.guest.uid == guest.uid
        assert gate.scan(code).reason is expected
        clock.advance(minutes=10)


# WAL checkpoints out of the guest's way ---------------------------------------------------


def _database_file_stamp(database: Database) -> tuple[int, int]:
    """When the main database file was last written, and its size: the WAL checkpoint is what
    writes it (a commit writes only the WAL)."""
    from pathlib import Path

    path = Path(str(database.engine.url.database))
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _scans_at_the_hall(database: Database, gate: Gate, clock: FixedClock, code: str,
                       count: int) -> None:
    for _ in range(count):
        clock.advance(minutes=1)  # re-entry: every scan is a new check-in, written
        assert gate.scan(code).is_accepted


@pytest.mark.parametrize("defer", [False, True])
def test_a_deferring_gate_leaves_the_wal_checkpoint_to_tidy(
    database: Database, event: Event, clock: FixedClock, defer: bool
) -> None:
    """SQLite checkpoints in the commit that takes the WAL past 1,000 pages; a kiosk gate
    leaves that to tidy(), run after the verdict is shown, and the scans are as durable."""
    code = credential(database, add_guest(database, event))
    hall = Gate(database, "Exhibition hall", clock=clock, defer_checkpoints=defer)
    database.checkpoint()
    before = _database_file_stamp(database)
    _scans_at_the_hall(database, hall, clock, code, 300)  # well past 1,000 pages of WAL
    written = _database_file_stamp(database) != before
    assert written is not defer
    if defer:
        assert hall.tidy() is True
        assert _database_file_stamp(database) != before
        assert hall.tidy() is False  # nothing waiting: no checkpoint
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Scan)) == 300
    with database.engine.connect() as connection:  # a connection the gate used, as it was
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000


def test_a_gate_whose_tidy_is_never_called_checkpoints_as_it_commits_again(
    database: Database, event: Event, clock: FixedClock
) -> None:
    """The WAL stays bounded whoever drives the gate: after _DEFER_AT_MOST deferred scans,
    commits checkpoint as usual."""
    from kiosk.checkin import _DEFER_AT_MOST

    code = credential(database, add_guest(database, event))
    hall = Gate(database, "Exhibition hall", clock=clock, defer_checkpoints=True)
    _scans_at_the_hall(database, hall, clock, code, _DEFER_AT_MOST)
    database.checkpoint()
    before = _database_file_stamp(database)
    _scans_at_the_hall(database, hall, clock, code, 300)
    assert _database_file_stamp(database) != before
    assert hall.tidy() is True  # and tidy() starts deferring again

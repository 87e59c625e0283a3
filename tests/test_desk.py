"""The desk's operations: each change is validated, audited with who did it, and queued for sync."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from kiosk import events, tokens
from kiosk.checkin import Gate
from kiosk.db import Database
from kiosk.desk import Desk, WalkIn, desk_status
from kiosk.domain import Category, OutboxKind, PrintJobState, Reason
from kiosk.errors import ConflictError, NotFoundError, SetupError, UsageError
from kiosk.models import AuditEntry, Event, Guest, OutboxItem, PrintJob, Scan, SyncState
from kiosk.search import reindex_guests, search_guests
from kiosk.sync import state as sync_state
from tests.conftest import FixedClock

STAFF = "Li Na (desk 1)"


def add_guest(database: Database, event: Event, name: str = "张伟", **fields: object) -> str:
    with database.session() as session:
        forum = session.get(Event, event.id)
        assert forum is not None
        guest = Guest(event_id=forum.id, number=events.allocate_guest_number(session, forum),
                      name=name, category=fields.pop("category", Category.GUEST.value), **fields)
        session.add(guest)
        session.flush()
        reindex_guests(session, [guest.id])
        return guest.uid


@pytest.fixture
def desk(database: Database, event: Event, clock: FixedClock) -> Desk:
    return Desk(database, operator=STAFF, checkpoint_name="Main entrance", clock=clock)


def audit(database: Database, action: str) -> list[AuditEntry]:
    with database.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def outbox(database: Database, change: str) -> list[OutboxItem]:
    with database.session() as session:
        items = session.scalars(select(OutboxItem).where(OutboxItem.kind == OutboxKind.GUEST.value))
        return [item for item in items if item.payload.get("change") == change]


def guest_row(database: Database, uid: str) -> Guest:
    with database.session() as session:
        guest = session.scalar(select(Guest).where(Guest.uid == uid))
        assert guest is not None
        return guest


def found(database: Database, event: Event, query: str) -> list[str]:
    """The uids the core's search finds for a query."""
    with database.session() as session:
        hits = search_guests(session, event.id, query, 20)
        return [hit.uid for hit in hits]


# Corrections ----------------------------------------------------------------------------------


def test_correcting_a_name_stores_it_normalised_audits_who_and_queues_it(
    database, event, desk
) -> None:
    uid = add_guest(database, event, "Jurgen Muller")
    correction = desk.correct(uid, {"name": "  Jürgen   Müller ", "company": "Siemens AG"})
    assert correction.changed["name"] == ("Jurgen Muller", "Jürgen Müller")
    assert correction.needs_reprint
    guest = guest_row(database, uid)
    assert (guest.name, guest.company) == ("Jürgen Müller", "Siemens AG")
    [entry] = audit(database, "guest_corrected")
    assert entry.actor == STAFF and entry.guest_id == guest.id
    assert entry.details["fields"]["name"] == {"before": "Jurgen Muller", "after": "Jürgen Müller"}
    [item] = outbox(database, "guest_corrected")
    assert item.payload["guest"]["name"] == "Jürgen Müller" and item.payload["actor"] == STAFF


def test_a_corrected_name_is_found_by_search_and_the_old_one_is_not(database, event, desk) -> None:
    uid = add_guest(database, event, "张薇")
    desk.correct(uid, {"name": "王芳"})
    assert uid in found(database, event, "王芳")
    assert uid in found(database, event, "wangfang")
    assert uid not in found(database, event, "张薇")


def test_a_bad_value_changes_nothing_and_says_which_field(database, event, desk) -> None:
    uid = add_guest(database, event, "Anna Petrova", company="Rosatom")
    with pytest.raises(UsageError) as error:
        desk.correct(uid, {"company": "Gazprom", "email": "not an address"})
    assert error.value.where == "email"
    assert guest_row(database, uid).company == "Rosatom"
    assert audit(database, "guest_corrected") == []
    assert outbox(database, "guest_corrected") == []


@pytest.mark.parametrize(("changes", "where"), [
    ({"name": "   "}, "name"),
    ({"category": "celebrity"}, "category"),
    ({"days": ["2027-01-01"]}, "days"),
    ({"language": "Chinese please"}, "language"),
    ({"name": "Evil\u202eName"}, "name"),
])
def test_invalid_corrections_are_refused_with_the_field(database, event, desk, changes, where):
    uid = add_guest(database, event, "Anna Petrova")
    with pytest.raises(UsageError) as error:
        desk.correct(uid, changes)
    assert error.value.where is not None and where in error.value.where
    assert guest_row(database, uid).name == "Anna Petrova"


def test_fields_the_desk_may_not_touch_are_refused(database, event, desk) -> None:
    uid = add_guest(database, event)
    with pytest.raises(UsageError, match="cannot be changed"):
        desk.correct(uid, {"number": "7"})


def test_a_correction_that_changes_nothing_records_nothing(database, event, desk) -> None:
    uid = add_guest(database, event, "Anna Petrova", company="Rosatom")
    correction = desk.correct(uid, {"name": "Anna Petrova", "company": "Rosatom"})
    assert correction.changed == {} and not correction.needs_reprint
    assert audit(database, "guest_corrected") == []


def test_a_phone_fix_does_not_ask_for_a_reprint(database, event, desk) -> None:
    uid = add_guest(database, event)
    assert not desk.correct(uid, {"phone": "+86 138 0000 0000"}).needs_reprint


# Notes ----------------------------------------------------------------------------------------


def test_notes_are_appended_with_who_wrote_them(database, event, desk, clock) -> None:
    uid = add_guest(database, event)
    desk.add_note(uid, "Needs wheelchair access")
    clock.advance(minutes=5)
    full = desk.add_note(uid, "  Picked up interpreter headset ")
    assert full == "Needs wheelchair access\nPicked up interpreter headset"
    entries = audit(database, "note_added")
    assert [e.details["text"] for e in entries] == [
        "Needs wheelchair access", "Picked up interpreter headset"]
    assert {e.actor for e in entries} == {STAFF}
    assert len(outbox(database, "note_added")) == 2


def test_an_empty_note_is_refused(database, event, desk) -> None:
    uid = add_guest(database, event)
    with pytest.raises(UsageError, match="empty"):
        desk.add_note(uid, "   ")


# Walk-ins -------------------------------------------------------------------------------------


def test_a_walk_in_gets_a_number_a_valid_credential_and_is_admitted(database, event, desk) -> None:
    registered = desk.register_walk_in(WalkIn(
        name="Ольга Смирнова", name_latin="Olga Smirnova", category="media",
        days=["2026-12-07"], company="TASS",
    ))
    guest = guest_row(database, registered.guest_uid)
    assert guest.source == "walk_in" and guest.days == ["2026-12-07"]
    assert guest.category == Category.MEDIA.value and guest.number == registered.number
    credential = tokens.parse(registered.credential)
    assert credential is not None and credential.guest_number == registered.number
    verdict = Gate(database, "Exhibition hall", clock=desk.clock).scan(registered.credential)
    assert verdict.reason is Reason.ADMITTED
    [entry] = audit(database, "walk_in_registered")
    assert entry.actor == STAFF
    [item] = outbox(database, "walk_in_registered")
    assert item.payload["guest"]["uid"] == registered.guest_uid
    assert registered.guest_uid in found(database, event, "smirnova")


def test_a_day_pass_walk_in_is_refused_on_another_day(database, event, desk, clock) -> None:
    registered = desk.register_walk_in(WalkIn(name="Tom Ford", category="guest",
                                              days=["2026-12-07"]))
    clock.advance(days=1)
    verdict = Gate(database, "Exhibition hall", clock=clock).scan(registered.credential)
    assert verdict.reason is Reason.WRONG_DAY


def test_walk_in_numbers_do_not_collide_with_the_list(database, event, desk) -> None:
    listed = guest_row(database, add_guest(database, event))
    first = desk.register_walk_in(WalkIn(name="A Person", category="guest"))
    second = desk.register_walk_in(WalkIn(name="B Person", category="vip"))
    assert len({listed.number, first.number, second.number}) == 3


def test_a_walk_in_whose_email_is_on_the_list_is_sent_to_that_guest(database, event, desk) -> None:
    add_guest(database, event, "Anna Petrova", email="anna@example.com")
    with pytest.raises(UsageError, match="already on the list") as error:
        desk.register_walk_in(WalkIn(name="Anna P.", category="guest", email="ANNA@example.com"))
    assert error.value.where == "email"


def test_a_walk_in_without_a_signing_key_stores_nothing(database, event, desk) -> None:
    with database.session() as session:
        forum = session.get(Event, event.id)
        assert forum is not None
        forum.signing_key = None
    with pytest.raises(SetupError, match="signing key"):
        desk.register_walk_in(WalkIn(name="No Key", category="guest"))
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Guest)) == 0


# Credentials ----------------------------------------------------------------------------------


def test_reissue_revokes_the_old_credential_and_keeps_the_reason(database, event, desk) -> None:
    uid = add_guest(database, event)
    old = desk.detail(uid).credential
    assert old is not None
    result = desk.reissue(uid, "invitation lost")
    gate = Gate(database, "Main entrance", clock=desk.clock)
    assert gate.scan(old).reason is Reason.REVOKED
    assert gate.scan(result.credential).reason is Reason.ADMITTED
    [entry] = audit(database, "credential_reissued")
    assert entry.actor == STAFF and entry.details["reason"] == "invitation lost"


def test_reissue_needs_a_reason(database, event, desk) -> None:
    uid = add_guest(database, event)
    with pytest.raises(UsageError, match="reason"):
        desk.reissue(uid, " ")
    assert guest_row(database, uid).credential_serial == 0


# Check-in by hand and undo --------------------------------------------------------------------


def test_check_in_by_hand_and_undo_show_in_the_history_with_who(database, event, desk, clock):
    uid = add_guest(database, event)
    verdict = desk.check_in(uid)
    assert verdict.reason is Reason.ADMITTED
    detail = desk.detail(uid)
    assert detail.is_checked_in and detail.scans[0].operator == STAFF
    assert detail.scans[0].checkpoint == "Main entrance"
    clock.advance(minutes=2)
    desk.undo(verdict.scan_id, "wrong person")
    detail = desk.detail(uid)
    assert not detail.is_checked_in
    assert detail.scans[0].undo_reason == "wrong person" and detail.scans[0].undone_by == STAFF
    with pytest.raises(ConflictError):
        desk.undo(verdict.scan_id, "again")


def test_detail_lists_scans_of_the_guest_by_number_too(database, event, desk) -> None:
    uid = add_guest(database, event)
    code = desk.detail(uid).credential
    assert code is not None
    Gate(database, "Exhibition hall", clock=desk.clock).scan(code)
    detail = desk.detail(uid)
    assert [s.checkpoint for s in detail.scans] == ["Exhibition hall"]
    assert detail.timezone == "Asia/Shanghai"


def test_find_takes_a_scanned_credential(database, event, desk) -> None:
    uid = add_guest(database, event)
    code = desk.detail(uid).credential
    assert code is not None
    assert desk.find(code) == uid
    with pytest.raises(NotFoundError):
        desk.find("NOT-A-GUEST")


# Status ---------------------------------------------------------------------------------------


def test_status_counts_unsent_outbox_waiting_print_jobs_and_last_sync(database, event, desk):
    uid = add_guest(database, event)
    desk.add_note(uid, "hello")
    desk.check_in(uid)
    with database.session() as session:
        for state in (PrintJobState.QUEUED, PrintJobState.HELD, PrintJobState.DONE):
            session.add(PrintJob(title="badge", printer="KioskPDF", backend="cups",
                                 template="4x3", pdf_path="/tmp/x.pdf", state=state.value,
                                 print_reason="first"))
        session.add(SyncState(key=sync_state.LAST_SYNC, value="2026-12-07T01:00:00+00:00"))
    with database.session() as session:
        status = desk_status(session)
        sent = session.scalar(select(func.count()).select_from(Scan))
    assert status.pending_outbox == 2 and sent == 1
    assert status.pending_print_jobs == 2 and status.held_print_jobs == 1
    assert status.last_sync_at == dt.datetime(2026, 12, 7, 1, 0, tzinfo=dt.UTC)


def test_summary_counts_the_desk_check_in(database, event, desk) -> None:
    uid = add_guest(database, event)
    desk.check_in(uid)
    summary = desk.summary()
    assert summary.arrived == 1 and summary.expected == 1


def test_an_import_at_the_desk_survives_a_commit_made_while_it_reads(
    desk: Desk, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import holds the write lock from its start: a sync page or check-in committed
    while the list is read waits for it, instead of failing the import at its first write
    (a transaction that read first cannot write after another connection committed)."""
    import threading

    from kiosk import importer

    path = tmp_path / "list.csv"
    path.write_text("姓名,单位\n王小明,清华大学\n", encoding="utf-8")
    reading, other_done = threading.Event(), threading.Event()
    waited: list[bool] = []
    real_read = importer.read_table

    def slow_read(*args: Any, **kwargs: Any) -> Any:
        reading.set()
        waited.append(not other_done.wait(0.5))  # the other commit cannot land meanwhile
        return real_read(*args, **kwargs)

    def other_writer() -> None:
        reading.wait(10)
        with database.session(writes=True) as session:  # as the sync loop does
            sync_state.write(session, "test_marker", "1")
        other_done.set()

    monkeypatch.setattr(importer, "read_table", slow_read)
    writer = threading.Thread(target=other_writer)
    writer.start()
    report = desk.run_import(path, {})
    writer.join(15)
    assert report.new == 1 and waited == [True] and other_done.is_set()

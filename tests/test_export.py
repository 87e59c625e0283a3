"""kiosk.exporter: check-in and guest reports as CSV that Excel opens, in the event's time zone."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kiosk import events
from kiosk.checkin import Gate
from kiosk.cli import main
from kiosk.db import Database
from kiosk.errors import UsageError
from kiosk.exporter import export_checkins, export_guests, safe_cell
from kiosk.importer import import_guests
from kiosk.models import Event, Guest
from tests.conftest import FixedClock


def read_report(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    assert b"\r\n" in data
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def add_guest(database: Database, **fields: object) -> str:
    with database.session() as session:
        event = events.current_event(session)
        guest = Guest(event=event, number=events.allocate_guest_number(session, event), **fields)
        session.add(guest)
        session.flush()
        return guest.uid


@pytest.fixture
def forum(database: Database, event: Event, clock: FixedClock) -> Database:
    """Three guests: one checked in, one whose check-in was undone, one not arrived; one refusal."""
    add_guest(database, name="张伟", company="清华大学", category="vip", external_code="BJ-1",
              email="zw@x.cn", days=["2026-12-07", "2026-12-08"], phone="+86 138 0013 8000")
    add_guest(database, name="Jürgen Müller", company="Siemens", category="speaker",
              external_code="BJ-2", name_latin="Juergen Mueller")
    add_guest(database, name="=HYPERLINK(\"http://evil\")", company="@SUM(1)", category="guest",
              is_cancelled=True)
    gate = Gate(database, "Main entrance", clock=clock)
    assert gate.scan("BJ-1").is_accepted  # 09:30 in Beijing
    clock.advance(minutes=10)
    undone = gate.scan("BJ-2")
    assert undone.is_accepted
    clock.advance(minutes=1)
    gate.undo(undone.scan_id, "wrong guest scanned", "Wang Li")
    clock.advance(minutes=1)
    assert not gate.scan("NO-SUCH-CODE").is_accepted
    return database


def test_checkins_report_has_local_and_utc_times_and_marks_undone_ones(
    forum: Database, tmp_path: Path
) -> None:
    path = tmp_path / "checkins.csv"
    with forum.session() as session:
        summary = export_checkins(session, events.current_event(session), path)
    assert (summary.rows, summary.undone) == (2, 1)
    rows = read_report(path)
    assert [r["name"] for r in rows] == ["张伟", "Jürgen Müller"]
    first, second = rows
    assert first["time (Asia/Shanghai)"] == "2026-12-07 09:30:00"
    assert first["time_utc"] == "2026-12-07T01:30:00Z"
    assert (first["checkpoint"], first["result"], first["undone"]) == (
        "Main entrance", "admitted", "")
    assert first["company"] == "清华大学"
    assert second["undone"] == "undone"
    assert second["undo_reason"] == "wrong guest scanned"
    assert second["undone_by"] == "Wang Li"
    assert second["undone_at (Asia/Shanghai)"] == "2026-12-07 09:41:00"
    assert second["undone_at_utc"] == "2026-12-07T01:41:00Z"


def test_checkins_report_can_include_refused_scans(forum: Database, tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    with forum.session() as session:
        summary = export_checkins(session, events.current_event(session), path,
                                  include_refused=True)
    assert summary.rows == 3
    assert [r["result"] for r in read_report(path)] == [
        "admitted", "admitted", "unknown_code",
    ]


def test_guests_report_shows_who_arrived_when(forum: Database, tmp_path: Path) -> None:
    path = tmp_path / "guests.csv"
    with forum.session() as session:
        summary = export_guests(session, events.current_event(session), path)
    assert summary.rows == 3
    zhang, juergen, evil = read_report(path)
    assert (zhang["number"], zhang["checked_in"]) == ("1", "yes")
    assert zhang["first_checkin (Asia/Shanghai)"] == "2026-12-07 09:30:00"
    assert zhang["first_checkin_utc"] == "2026-12-07T01:30:00Z"
    assert zhang["first_checkpoint"] == "Main entrance"
    assert zhang["days"] == "2026-12-07;2026-12-08"
    assert zhang["phone"] == "+86 138 0013 8000"  # a phone number is not a formula
    assert (juergen["checked_in"], juergen["first_checkin_utc"]) == ("no", "")  # undone
    assert juergen["name_latin"] == "Juergen Mueller"
    assert evil["cancelled"] == "cancelled"
    assert evil["name"] == "'=HYPERLINK(\"http://evil\")"  # shown as text, never run
    assert evil["company"] == "'@SUM(1)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"),
        ("-42", "-42"),
        ("-x", "'-x"), ("@A1", "'@A1"), ("+86 10 1234 5678", "+86 10 1234 5678"), ("张伟", "张伟"),
        (None, ""), (42, "42"),
    ],
)
def test_cells_excel_would_run_as_formulas_are_quoted(value: object, expected: str) -> None:
    assert safe_cell(value) == expected


def test_a_guests_report_imports_back_unchanged(
    forum: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kiosk.search.reindex_guests", lambda session, guest_ids: None)
    path = tmp_path / "guests.csv"
    with forum.session() as session:
        export_guests(session, events.current_event(session), path)
    other = Database.open(tmp_path / "other")
    try:
        with other.session() as session:
            copy = events.create_event(session, "Copy", *_days(forum), "Asia/Shanghai")
            report = import_guests(session, copy, path)
        assert (report.new, report.rejected) == (3, 0)
        fields = ("name", "name_latin", "company", "email", "phone", "category",
                  "external_code", "days")
        with forum.session() as a, other.session() as b:
            first = [tuple(getattr(g, f) for f in fields)
                     for g in a.query(Guest).order_by(Guest.number)]
            second = [tuple(getattr(g, f) for f in fields)
                      for g in b.query(Guest).order_by(Guest.number)]
        assert first == second
    finally:
        other.close()


def _days(database: Database) -> tuple[object, object]:
    with database.session() as session:
        event = events.current_event(session)
        return event.starts_on, event.ends_on


def test_an_export_replaces_the_file_whole_and_refuses_a_missing_folder(
    forum: Database, tmp_path: Path
) -> None:
    path = tmp_path / "guests.csv"
    path.write_text("old report that is much longer than the new one " * 1000)
    with forum.session() as session:
        export_guests(session, events.current_event(session), path)
    assert len(read_report(path)) == 3
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["guests.csv"]
    with forum.session() as session, pytest.raises(UsageError, match="does not exist"):
        export_guests(session, events.current_event(session), tmp_path / "nope" / "g.csv")


def test_kiosk_export_command(
    forum: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "checkins.csv"
    assert main(["export", "checkins", "-o", str(path), "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"2 checkins written to {path} (1 undone check-ins marked)")
    assert len(read_report(path)) == 2
    guests_path = tmp_path / "guests.csv"
    code = main(["export", "guests", "-o", str(guests_path), "--json",
                 "--data-dir", str(data_dir)])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "kind": "guests", "file": str(guests_path), "rows": 3, "undone": 0}
    assert main(["export", "guests", "--data-dir", str(data_dir)]) == 2
    assert "-o/--output" in capsys.readouterr().err
    assert main(["export", "badges", "-o", str(path), "--data-dir", str(data_dir)]) == 2

"""`kiosk enroll`, `kiosk sync --once`, `kiosk sync --status` and `kiosk conflicts` against a real
server on loopback."""

from __future__ import annotations

import contextlib
import io
import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.checkin import Gate
from kiosk.cli import main
from kiosk.db import Database
from kiosk.domain import Reason
from kiosk.models import Guest, OutboxItem, utc_now
from kiosk.server import auth
from kiosk.server.models import ServerDevice
from kiosk.sync.enrolment import enrolment_link
from tests.conftest import FixedClock
from tests.sync.kiosk_support import (
    SCAN_TIME,
    Organiser,
    enrolled_kiosk,
    kiosk,
    kiosk_json,
    organiser,
)

__all__ = ["organiser"]


def guest_count(folder: Path) -> int:
    database = Database.open(folder)
    try:
        with database.session() as session:
            return int(session.scalar(select(func.count()).select_from(Guest)) or 0)
    finally:
        database.close()


def test_enroll_then_sync_once_fetches_the_guest_list(organiser: Organiser, tmp_path: Path) -> None:
    folder = tmp_path / "gate-a"
    enrolled = kiosk_json(folder, "enroll", organiser.url, organiser.code(), "--name", "East 1")
    assert enrolled["server"] == organiser.url
    assert enrolled["event_uid"] == organiser.event_uid
    assert enrolled["device_name"] == "East 1"
    assert guest_count(folder) == 0  # the guests come with the first sync

    synced = kiosk_json(folder, "sync", "--once")
    assert synced["guests"] == 5
    assert synced["checkpoints"] == 2
    assert guest_count(folder) == 5

    status = kiosk_json(folder, "sync", "--status")
    assert status["connection"] == "online" and status["problem"] is None
    assert status["enrolled"] is True
    assert status["server"] == organiser.url
    assert status["pending"] == 0
    assert status["last_sync_at"] is not None
    assert status["cursor"] == synced["cursor"]


def test_enroll_accepts_the_link_from_the_enrolment_qr(
    organiser: Organiser, tmp_path: Path
) -> None:
    link = enrolment_link(organiser.url, organiser.code())
    assert "enrol=" in link
    enrolled = kiosk_json(tmp_path / "gate-b", "enroll", link)
    assert enrolled["server"] == organiser.url
    assert kiosk_json(tmp_path / "gate-b", "sync", "--once")["guests"] == 5


def test_a_wrong_code_is_refused_in_one_line_and_leaves_the_kiosk_unenrolled(
    organiser: Organiser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "gate-c"
    status, _ = kiosk(folder, "enroll", organiser.url, "AAAA-BBBB-CCCC")
    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1 and "refused" in err and "Traceback" not in err
    facts = kiosk_json(folder, "sync", "--status")
    assert facts["enrolled"] is False and facts["connection"] == "not_enrolled"


def test_a_used_code_cannot_enrol_a_second_kiosk(
    organiser: Organiser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = organiser.code()
    kiosk_json(tmp_path / "first", "enroll", organiser.url, code)
    status, _ = kiosk(tmp_path / "second", "enroll", organiser.url, code)
    assert status == 1
    assert "new one" in capsys.readouterr().err  # the hint: ask the organiser for a new code


def test_sync_before_enrolling_says_how_to_enrol(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = kiosk(tmp_path / "fresh", "sync", "--once")
    err = capsys.readouterr().err
    assert status == 1
    assert "not enrolled" in err and "kiosk enroll" in err


def test_sync_with_the_server_gone_fails_in_one_line_and_keeps_the_scan_waiting(
    organiser: Organiser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = enrolled_kiosk(organiser, tmp_path / "gate-d", "D")
    database = Database.open(folder)
    try:
        verdict = Gate(database, clock=FixedClock(SCAN_TIME)).scan(organiser.credentials[0])
        assert verdict.reason is Reason.ADMITTED
    finally:
        database.close()
    organiser.server.stop()
    status, _ = kiosk(folder, "sync", "--once")
    err = capsys.readouterr().err
    assert status == 1
    assert "cannot reach the server" in err and err.count("\n") == 1
    facts = kiosk_json(folder, "sync", "--status")
    assert facts["pending"] == 1
    assert facts["connection"] == "offline"
    assert "cannot reach the server" in str(facts["problem"])
    status, text = _plain(folder, "sync", "--status")
    assert status == 0 and text.startswith("offline: server ") and "1 waiting" in text


def _plain(folder: Path, *words: str) -> tuple[int, str]:
    """``kiosk`` without --json: the words a person reads."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["--data-dir", str(folder), *words])
    return status, out.getvalue()


def test_a_revoked_kiosk_status_says_refused(
    organiser: Organiser, tmp_path: Path
) -> None:
    folder = enrolled_kiosk(organiser, tmp_path / "gate-r", "Lost tablet")
    with organiser.store.write() as session:
        device = session.scalar(select(ServerDevice).where(ServerDevice.name == "Lost tablet"))
        assert device is not None
        auth.revoke_device(session, device, utc_now(), "lost")
    facts = kiosk_json(folder, "sync", "--status")
    assert facts["connection"] == "refused"
    assert "revoked" in str(facts["problem"])


def test_a_server_address_that_is_not_one_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = kiosk(tmp_path / "x", "enroll", "ftp://example.org", "AAAA-BBBB")
    assert status == 2
    assert "not a server address" in capsys.readouterr().err


def test_enrolling_against_a_closed_port_says_the_server_cannot_be_reached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    status, _ = kiosk(tmp_path / "y", "enroll", f"http://127.0.0.1:{port}", "AAAA-BBBB")
    assert status == 1
    assert "cannot reach the server" in capsys.readouterr().err


def test_two_gates_apart_admit_one_guest_and_both_see_the_conflict_after_sync(
    organiser: Organiser, tmp_path: Path
) -> None:
    gates = [enrolled_kiosk(organiser, tmp_path / name, name) for name in ("north", "south")]
    code = organiser.credentials[1]
    clock = FixedClock(SCAN_TIME)
    for folder in gates:  # both offline from each other: each admits the guest
        database = Database.open(folder)
        try:
            assert Gate(database, clock=clock).scan(code).reason is Reason.ADMITTED
        finally:
            database.close()
        clock.advance(minutes=1)
    for folder in (*gates, *gates):  # the first sync of the second round brings the flags
        kiosk_json(folder, "sync", "--once")
    for folder in gates:
        status, out = kiosk(folder, "conflicts")
        assert status == 0
        found = json.loads(out)
        assert len(found) == 1
        assert found[0]["guest_name"] == "Guest 1 张1"
        assert found[0]["arrival_at"] < found[0]["scanned_at"]
        assert kiosk_json(folder, "sync", "--status")["conflicts"] == 1
        database = Database.open(folder)
        try:
            with database.session() as session:
                waiting = session.scalar(select(func.count()).select_from(OutboxItem)
                                         .where(OutboxItem.sent_at.is_(None)))
            assert waiting == 0
        finally:
            database.close()
    assert organiser.accepted_scans() == 2  # both kept, one flagged


def test_kiosk_sync_keeps_syncing_until_told_to_stop(
    organiser: Organiser, tmp_path: Path
) -> None:
    folder = enrolled_kiosk(organiser, tmp_path / "gate-l", "L")
    database = Database.open(folder)
    try:
        Gate(database, clock=FixedClock(SCAN_TIME)).scan(organiser.credentials[3])
    finally:
        database.close()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())",
         "--data-dir", str(folder), "sync", "--long-poll", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        lines = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            lines.append(line)
            if line.startswith("online: 0 waiting"):
                break
        assert lines[-1].startswith("online: 0 waiting"), lines
        assert organiser.accepted_scans() == 1
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()

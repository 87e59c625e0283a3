"""The organiser's commands (``kiosk server admin ...``) through ``kiosk.cli.main``: each works,
its changes reach a real server's kiosks, and bad input gets one line saying what and where,
with exit status 2 for a usage error and 1 for anything else."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.decode import decode_image
from kiosk.models import Guest
from kiosk.server.runner import BackgroundServer
from kiosk.server.store import ServerStore
from kiosk.sync.enrolment import split_enrolment
from tests.sync.conftest import KioskFactory

GOOD_LIST = "name,email,category\nAda Lovelace,ada@example.org,vip\n李雷,lilei@example.cn,speaker\n"
BAD_LIST = GOOD_LIST + "Bob Bad,not-an-email,guest\nCy,cy@example.org,astronaut\n"


class Admin:
    def __init__(self, folder: Path, database_url: str,
                 capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.database_url = database_url
        self.capsys = capsys

    def run(self, *words: str, json_out: bool = True) -> tuple[int, str, str]:
        self.capsys.readouterr()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["--data-dir", str(self.folder), *(["--json"] if json_out else []),
                           "server", "admin", words[0], "--database", self.database_url,
                           *words[1:]])
        return status, out.getvalue(), self.capsys.readouterr().err

    def ok(self, *words: str) -> Any:
        status, out, err = self.run(*words)
        assert status == 0, err
        return json.loads(out)

    def fails(self, status: int, *words: str) -> str:
        got, _out, err = self.run(*words)
        assert got == status, err
        assert err.startswith("kiosk: ") and err.count("\n") == 1, err  # one line
        assert "Traceback" not in err
        return err


@pytest.fixture
def organiser(tmp_path: Path, database_url: str,
              capsys: pytest.CaptureFixture[str]) -> Admin:
    return Admin(tmp_path / "organiser", database_url, capsys)


def test_an_organiser_sets_up_an_event_that_reaches_an_enrolled_kiosk(
    organiser: Admin, tmp_path: Path, database_url: str, make_kiosk: KioskFactory
) -> None:
    created = organiser.ok("event-create", "Beijing Forum", "--starts", "2026-12-07",
                           "--ends", "2026-12-11", "--local-name", "北京论坛")
    assert len(created["fingerprint"].split()) == 8
    assert [e["uid"] for e in organiser.ok("events")] == [created["uid"]]
    guest_list = tmp_path / "guests.csv"
    guest_list.write_text(GOOD_LIST, encoding="utf-8")
    imported = organiser.ok("import", str(guest_list))
    assert imported["new"] == 2 and imported["rejected"] == 0 and imported["changes"] == 2
    added = organiser.ok("checkpoint", "add", "Main entrance", "--policy", "single")
    assert added["entry_policy"] == "single"
    changed = organiser.ok("checkpoint", "set", "Main entrance", "--hours", "08:00-18:00")
    assert changed["hours"] == "08:00:00-18:00:00"
    assert [c["name"] for c in organiser.ok("checkpoints")] == ["Main entrance"]
    assert organiser.ok("publish") == {"changes": 0}  # everything was published as it changed

    qr = tmp_path / "enrol.png"
    store = ServerStore.open(database_url)
    server = BackgroundServer(store).start()
    try:
        code = organiser.ok("enrol-code", "--label", "East gate", "--server-url", server.url,
                            "--qr", str(qr))
        assert code["event"] == "Beijing Forum"
        [link] = decode_image(qr)  # the QR carries the server's address and the code
        assert link == code["link"]
        url, typed = split_enrolment(link, None)
        assert (url, typed) == (server.url, code["code"])
        gate = make_kiosk("east")
        gate.enrol(url, typed)
        report = gate.sync()
        # The event, two guests, and the checkpoint twice (added, then its hours changed).
        assert report.pull.applied.guests == 2 and report.pull.applied.checkpoints == 2
        assert report.pull.cursor == report.pull.head == 5

        ada = organiser.ok("token", "ada@example.org")
        assert ada["serial"] == 0 and len(ada["credential"]) == 100
        reissued = organiser.ok("reissue", "ada@example.org")
        assert reissued["serial"] == 1 and reissued["credential"] != ada["credential"]
        assert organiser.ok("cancel", "lilei@example.cn", "--reason", "asked")["is_cancelled"]
        gate.sync()
        with gate.database.session() as session:
            guests = {g.email: g for g in session.scalars(select(Guest))}
            assert guests["ada@example.org"].credential_serial == 1
            assert guests["lilei@example.cn"].is_cancelled
        assert not organiser.ok("restore", "lilei@example.cn")["is_cancelled"]

        [device] = organiser.ok("devices")
        assert device["name"] == "east" and device["revoked_at"] is None
        revoked = organiser.ok("revoke-device", "east", "--reason", "stolen")
        assert revoked["uid"] == gate.device_uid
        refused = httpx.get(f"{server.url}/api/v1/device",
                            headers={"Authorization": f"Bearer {gate.token()}"})
        assert refused.status_code == 401
        assert refused.json()["detail"]["code"] == "device_revoked"
        status = organiser.ok("status")
        assert status["guests"] == 2 and status["devices"] == 0 and status["last_seq"] > 0
        rotated = organiser.ok("rotate-keys", "--yes")
        assert rotated["fingerprint"] != created["fingerprint"]
    finally:
        server.stop()
        store.close()


def test_bad_input_gets_one_line_saying_what_and_where(
    organiser: Admin, tmp_path: Path
) -> None:
    assert "is not a date" in organiser.fails(2, "event-create", "X", "--starts", "2026-13-01",
                                              "--ends", "2026-12-11")
    assert "before it starts" in organiser.fails(2, "event-create", "X", "--starts",
                                                 "2026-12-12", "--ends", "2026-12-11")
    assert "no event" in organiser.fails(1, "status")  # nothing created yet
    organiser.ok("event-create", "Forum", "--starts", "2026-12-07", "--ends", "2026-12-11")

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_LIST, encoding="utf-8")
    status, out, _err = organiser.run("import", str(bad), json_out=False)
    assert status == 1  # the good rows are in; the bad ones are reported by row and column
    assert "2 new" in out and "2 rejected" in out
    assert "bad.csv row 4, column email: 'not-an-email' is not an e-mail address" in out
    assert "bad.csv row 5, column category: unknown category 'astronaut'" in out
    status, out, _err = organiser.run("import", str(bad))
    report = json.loads(out)
    assert status == 1 and [(e["row"], e["column"]) for e in report["errors"]] == [
        (4, "email"), (5, "category")]
    assert "no such file" in organiser.fails(1, "import", str(tmp_path / "missing.csv"))
    assert "FIELD=COLUMN" in organiser.fails(2, "import", str(bad), "--map", "nonsense")

    assert "unknown entry policy" in organiser.fails(2, "checkpoint", "add", "Gate",
                                                     "--policy", "sometimes")
    organiser.ok("checkpoint", "add", "Gate")
    assert "exists already" in organiser.fails(1, "checkpoint", "add", "Gate")
    assert "no guest" in organiser.fails(1, "token", "999")
    assert "--yes" in organiser.fails(2, "rotate-keys")
    assert "--hours" in organiser.fails(2, "enrol-code", "--hours", "0")
    assert "no device" in organiser.fails(1, "revoke-device", "nobody")
    assert "no event" in organiser.fails(1, "status", "--event", "Some Other Forum")
    status, _out, err = organiser.run("nonsense")
    assert status == 2 and err.count("\n") == 1 and "invalid choice" in err


def test_a_database_that_cannot_be_used_is_one_line_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(url: str) -> tuple[int, str]:
        capsys.readouterr()
        status = main(["--data-dir", str(tmp_path), "server", "admin", "events",
                       "--database", url])
        return status, capsys.readouterr().err

    status, err = run("nonsense")
    assert status == 2 and err.count("\n") == 1 and "--database" in err
    assert "not a database URL" in err and "Traceback" not in err
    status, err = run(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'server.sqlite3'}")
    assert status == 1 and err.count("\n") == 1 and "cannot open the server's database" in err
    status, err = run("postgresql+psycopg://organiser:s3cret@127.0.0.1:1/kiosk")
    assert status == 1 and err.count("\n") == 1 and "cannot open the server's database" in err
    assert "s3cret" not in err and "organiser:***@" in err


def test_a_database_url_with_an_escaped_character_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A '%' in the URL (a password with '@' or '%' is written %40 or %25) once broke the
    # migrations: Alembic's configparser took it for interpolation.
    folder = tmp_path / "100%"
    folder.mkdir()
    url = f"sqlite:///{tmp_path}/100%25/server.sqlite3"
    admin = Admin(tmp_path / "organiser", url, capsys)
    admin.ok("event-create", "Forum", "--starts", "2026-12-07", "--ends", "2026-12-11")
    assert (folder / "server.sqlite3").is_file()
    assert [e["name"] for e in admin.ok("events")] == ["Forum"]


def test_an_event_set_up_on_a_laptop_is_copied_with_its_credentials_still_valid(
    organiser: Admin, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "laptop"
    assert main(["--data-dir", str(laptop), "--json", "demo", "--guests", "30"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(laptop), "token", "1"]) == 0
    credential = capsys.readouterr().out.strip()
    copied = organiser.ok("event-copy", str(laptop))
    assert copied["guests"] == 30 and copied["checkpoints"] >= 1
    assert copied["changes"] == 1 + copied["checkpoints"] + 30  # all published for the kiosks
    assert organiser.ok("token", "1")["credential"] == credential  # same keys, same numbers
    assert "already" in organiser.fails(1, "event-copy", str(laptop))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no kiosk database" in organiser.fails(1, "event-copy", str(empty))

"""QR images of credentials, decoding them from files and camera frames, and the commands."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from PIL import Image

from bench.frames import HEIGHT, WIDTH, camera_frame
from kiosk import cli, events, tokens
from kiosk.checkin import Gate
from kiosk.db import Database
from kiosk.decode import decode_frame, decode_image
from kiosk.domain import Category, Reason
from kiosk.errors import InputFileError
from kiosk.keys import fingerprint
from kiosk.models import Event, Guest
from kiosk.qr import make_qr, qr_matrix, write_qr_png
from tests.conftest import FIRST_DAY, LAST_DAY, FixedClock

KEY = tokens.generate_keypair()
EVENT_UID = "6f1c2a52-8a7e-4d2b-9a57-1f1d2c3b4a59"


def credential(number: int = 1234, serial: int = 0) -> str:
    return tokens.issue(EVENT_UID, KEY.signing_key, number, serial)


# The symbol.


def test_credential_qr_is_alphanumeric_mode_level_m_version_5() -> None:
    symbol = make_qr(credential())
    assert symbol.mode == "alphanumeric"
    assert symbol.error == "M"
    assert symbol.version == 5 and not symbol.is_micro
    # Byte mode would need a bigger symbol: alphanumeric is what keeps it at 37x37.
    assert symbol.designator == "5-M"


def test_qr_matrix_is_the_bare_symbol_of_booleans() -> None:
    matrix = qr_matrix(credential())
    assert len(matrix) == 37 and all(len(row) == 37 for row in matrix)
    assert all(isinstance(module, bool) for row in matrix for module in row)
    # No quiet zone: the finder pattern starts at the very corner (7 dark modules, then light).
    assert matrix[0][:8] == [True] * 7 + [False]
    assert [row[0] for row in matrix[:8]] == [True] * 7 + [False]
    assert matrix[0][-7:] == [True] * 7 and matrix[-1][:7] == [True] * 7
    assert matrix == [[bool(m) for m in row] for row in make_qr(credential()).matrix]


def test_png_of_a_credential_decodes_back_exactly(tmp_path: Path) -> None:
    text = credential(tokens.MAX_NUMBER, tokens.MAX_SERIAL)
    target = write_qr_png(text, tmp_path / "code.png", scale=6, border=4)
    with Image.open(target) as image:
        assert image.size == ((37 + 2 * 4) * 6,) * 2
    assert decode_image(target) == [text]


# Camera frames.


@pytest.mark.parametrize(
    ("condition", "seed"),
    [("clean", 1), ("blurred", 2), ("tilted", 3), ("low_contrast", 4), ("noisy", 5)],
)
def test_camera_frame_decodes_back_exactly(condition: str, seed: int) -> None:
    text = credential(seed)
    frame = camera_frame(text, condition, seed)
    assert frame.shape == (HEIGHT, WIDTH, 3) and frame.dtype == np.uint8
    assert decode_frame(frame) == [text]


def test_tilted_noisy_frame_in_every_input_form() -> None:
    text = credential(777, 3)
    frame = camera_frame(text, "tilted", 11)
    assert decode_frame(frame) == [text]
    assert decode_frame(np.ascontiguousarray(frame[:, :, ::-1]), channel_order="BGR") == [text]
    assert decode_frame(Image.fromarray(frame)) == [text]
    gray = np.asarray(Image.fromarray(frame).convert("L"))
    assert decode_frame(gray) == [text]
    assert decode_frame(gray, downscale=1) == [text]
    rgba = np.dstack([frame, np.full(frame.shape[:2], 255, np.uint8)])
    assert decode_frame(rgba) == [text]


def test_frame_without_a_code_gives_nothing() -> None:
    assert decode_frame(camera_frame(None, "no_code", 9)) == []


def test_frame_of_the_wrong_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="uint8"):
        decode_frame(np.zeros((720, 1280), dtype=np.float32))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="shape"):
        decode_frame(np.zeros((720, 1280, 2), dtype=np.uint8))
    with pytest.raises(ValueError, match="downscale"):
        decode_frame(np.zeros((720, 1280), dtype=np.uint8), downscale=0)


# Files that are not images.


def test_non_image_file_gives_input_file_error_naming_it(tmp_path: Path) -> None:
    notes = tmp_path / "guests.csv"
    notes.write_text("name,email\nAnna,anna@example.org\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"guests\.csv") as caught:
        decode_image(notes)
    assert caught.value.where == str(notes)


def test_missing_and_truncated_images_give_input_file_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        decode_image(tmp_path / "missing.png")
    whole = write_qr_png(credential(), tmp_path / "whole.png", scale=4)
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[:200])
    with pytest.raises(InputFileError, match=r"cut\.png"):
        decode_image(cut)
    with pytest.raises(InputFileError, match="folder"):
        decode_image(tmp_path)


# The commands.


@pytest.fixture
def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> Callable[..., tuple[int, str, str]]:
    """Run `kiosk ARGS --data-dir DIR`; returns (exit status, stdout, stderr)."""
    # Only this file's command modules: the others are built and tested by their own owners.
    monkeypatch.setattr(cli, "COMMAND_MODULES", ["keys", "credentials"])

    def call(*args: str) -> tuple[int, str, str]:
        status = cli.main([*args, "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return status, out, err

    return call


def _guest(database: Database, event_id: int, **fields: object) -> Guest:
    with database.session() as session:
        forum = session.get(Event, event_id)
        assert forum is not None
        guest = Guest(event_id=forum.id, number=events.allocate_guest_number(session, forum),
                      category=Category.GUEST.value, **fields)
        session.add(guest)
    return guest


def test_keys_creates_a_missing_pair_and_exports_it(
    run, database: Database, tmp_path: Path
) -> None:
    with database.session() as session:
        event_id = events.create_event(session, "Forum", FIRST_DAY, LAST_DAY, with_keys=False).id
    pem = tmp_path / "forum.pem"
    status, out, err = run("keys", "--export", str(pem))
    assert status == 0, err
    with database.session() as session:
        forum = session.get(Event, event_id)
        assert forum is not None and forum.public_key is not None
        expected = fingerprint(forum.public_key)
    assert f"new key #0, fingerprint {expected}" in out
    loaded = load_pem_public_key(pem.read_bytes())
    assert fingerprint(loaded.public_bytes_raw()) == expected  # type: ignore[union-attr]
    status, out, _ = run("keys", "--json")
    report = json.loads(out)
    assert status == 0 and report["created"] is False and report["fingerprint"] == expected
    assert report["can_issue"] is True and "BEGIN PUBLIC KEY" in report["public_key_pem"]


def test_keys_never_replaces_a_key_unless_asked_and_then_warns(
    run, database: Database, event: Event
) -> None:
    guest = _guest(database, event.id, name="Anna")
    status, old_text, _ = run("token", str(guest.number))
    assert status == 0
    status, out, err = run("keys")
    assert status == 0 and "current key #0" in out and err == ""
    assert run("token", str(guest.number))[1] == old_text
    status, out, err = run("keys", "--rotate", "--json")
    assert status == 0
    assert "WARNING" in err and "invalid" in err and "1 guests" in err
    report = json.loads(out)
    assert report["created"] is True and report["key_id"] == 1
    assert report["replaced_fingerprint"] is not None
    new_text = run("token", str(guest.number))[1]
    assert new_text != old_text
    gate = Gate(database, "Main entrance")
    assert gate.scan(old_text.strip()).reason is Reason.INVALID


def test_keys_rotate_on_a_verify_only_kiosk_fails(run, database: Database, event: Event) -> None:
    with database.session() as session:
        forum = session.get(Event, event.id)
        assert forum is not None
        forum.signing_key = None
    status, _, err = run("keys", "--rotate")
    assert status == 1 and "only the event's public key" in err
    status, _, err = run("token", "1")
    assert status == 1


def test_token_finds_the_guest_by_number_uid_code_or_email(
    run, database: Database, event: Event
) -> None:
    guest = _guest(database, event.id, name="Jürgen Müller", email="jurgen@example.de",
                   external_code="REG-0042")
    texts = {run("token", ref)[1].strip()
             for ref in (str(guest.number), guest.uid, "REG-0042", "jurgen@example.de")}
    assert len(texts) == 1
    (text,) = texts
    parsed = tokens.parse(text)
    assert parsed is not None and parsed.guest_number == guest.number
    status, out, _ = run("token", "REG-0042", "--json")
    assert status == 0 and json.loads(out)["credential"] == text
    status, _, err = run("token", "nobody@example.org")
    assert status == 1 and "no guest" in err


def test_qr_command_writes_a_png_that_decodes_to_the_token(
    run, database: Database, event: Event, tmp_path: Path
) -> None:
    guest = _guest(database, event.id, name="李娜")
    text = run("token", str(guest.number))[1].strip()
    target = tmp_path / "invite.png"
    status, out, err = run("qr", str(guest.number), "-o", str(target))
    assert status == 0, err
    assert "5-M" in out and "alphanumeric" in out
    assert decode_image(target) == [text]
    assert run("qr", str(guest.number))[0] == 2  # -o is required
    status, _, err = run("qr", str(guest.number), "-o", str(tmp_path / "no" / "such" / "x.png"))
    assert status == 1 and "x.png" in err


def test_reissue_command_revokes_the_old_credential(
    run, database: Database, event: Event, clock: FixedClock
) -> None:
    guest = _guest(database, event.id, name="Олена")
    old = run("token", str(guest.number))[1].strip()
    status, out, _ = run("reissue", str(guest.number), "--json", "--operator", "desk")
    report = json.loads(out)
    assert status == 0 and report["revoked_serial"] == 0 and report["serial"] == 1
    new = report["credential"]
    assert new != old and run("token", str(guest.number))[1].strip() == new
    gate = Gate(database, "Exhibition hall", clock=clock)
    assert gate.scan(old).reason is Reason.REVOKED
    clock.advance(seconds=10)
    assert gate.scan(new).reason is Reason.ADMITTED


def test_decode_command_reports_each_file_and_fails_on_any_problem(
    run, tmp_path: Path
) -> None:
    text = credential(55)
    good = write_qr_png(text, tmp_path / "badge.png", scale=5)
    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture", encoding="utf-8")
    status, out, _ = run("decode", str(good))
    assert status == 0 and out.strip() == f"{good}: {text}"
    status, out, err = run("decode", str(good), str(blank), str(notes), str(tmp_path / "gone.png"))
    assert status == 1
    assert out.strip() == f"{good}: {text}"
    problems = err.strip().splitlines()
    assert len(problems) == 3
    assert "blank.png: no QR code found" in problems[0]
    assert "notes.txt" in problems[1] and "gone.png" in problems[2]
    status, out, _ = run("decode", str(good), str(blank), "--json")
    report = json.loads(out)
    assert status == 1
    assert report[0] == {"file": str(good), "payloads": [text], "problem": None}
    assert report[1]["payloads"] == [] and report[1]["problem"] == "no QR code found"

"""The signed credential: shape, parsing of any input, and that no altered credential passes."""

from __future__ import annotations

import random
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import events, tokens
from kiosk.checkin import Gate
from kiosk.credentials import reissue
from kiosk.db import Database
from kiosk.domain import Category, Reason
from kiosk.errors import CredentialError
from kiosk.models import AuditEntry, Event, Guest, OutboxItem
from tests.conftest import FixedClock

QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
# Characters outside our alphabet that a scanner, a keyboard wedge or a copy-paste might produce.
FOREIGN = ["k", "a", "z", " ", "%", "#", "=", "_", "\x00", "\n", "\t", "é", "Ｋ", "０", "\u200b",
           "💥"]

KEY = tokens.generate_keypair()
OTHER_KEY = tokens.generate_keypair()
EVENT_UID = str(uuid.UUID(int=0x5EED))
OTHER_EVENT_UID = str(uuid.UUID(int=0x5EEE))
# A few tokens that differ in every field, including the edges of both ranges.
SAMPLES = [(1, 0), (4321, 7), (tokens.MAX_NUMBER, tokens.MAX_SERIAL)]


def is_admitted(text: str, event_uid: str = EVENT_UID, keys: list[bytes] | None = None) -> bool:
    credential = tokens.parse(text)
    if credential is None:
        return False
    return tokens.verify(credential, event_uid, keys if keys is not None else [KEY.public_key])


def issue(number: int, serial: int) -> str:
    return tokens.issue(EVENT_UID, KEY.signing_key, number, serial)


@pytest.mark.parametrize(("number", "serial"), [*SAMPLES, (1, tokens.MAX_SERIAL), (999_999, 3)])
def test_credential_is_at_most_100_qr_alphanumeric_characters_and_round_trips(
    number: int, serial: int
) -> None:
    text = issue(number, serial)
    assert len(text) <= 100
    assert set(text) <= QR_ALPHANUMERIC
    credential = tokens.parse(text)
    assert credential is not None
    assert (credential.guest_number, credential.serial) == (number, serial)
    assert tokens.verify(credential, EVENT_UID, [KEY.public_key])


def test_issue_refuses_numbers_and_serials_out_of_range() -> None:
    for number, serial in [(0, 0), (tokens.MAX_NUMBER + 1, 0), (1, -1), (1, tokens.MAX_SERIAL + 1)]:
        with pytest.raises(CredentialError):
            issue(number, serial)


@given(st.text(max_size=300))
def test_any_text_parses_without_raising_and_is_never_admitted(text: str) -> None:
    assert not is_admitted(text)


@given(st.text(alphabet=tokens.ALPHABET, min_size=tokens.BODY_LENGTH,
               max_size=tokens.BODY_LENGTH))
def test_any_text_of_the_credential_shape_is_never_admitted(body: str) -> None:
    text = tokens.PREFIX + body
    credential = tokens.parse(text)  # the deepest path: every symbol valid, length right
    if credential is not None:
        assert not tokens.verify(credential, EVENT_UID, [KEY.public_key, OTHER_KEY.public_key])


@given(st.binary(max_size=300))
def test_random_bytes_in_any_decoding_never_crash_parse_nor_pass(raw: bytes) -> None:
    for text in (raw.decode("latin-1"), raw.decode("utf-8", "replace"),
                 raw.decode("utf-8", "surrogateescape"), raw.hex().upper()):
        assert not is_admitted(text)


def test_values_beyond_the_canonical_range_and_guest_number_zero_are_refused() -> None:
    top = tokens.PREFIX + tokens.ALPHABET[-1] * tokens.BODY_LENGTH  # 43**99 - 1 >= 2**536
    assert tokens.parse(top) is None
    zero_number = tokens.encode_blob(bytes(tokens.FIELD_BYTES) + bytes(tokens.SIGNATURE_BYTES))
    assert len(zero_number) == tokens.LENGTH and tokens.parse(zero_number) is None


def single_character_changes(text: str) -> list[str]:
    """Every substitution (by each other alphabet symbol and the foreign characters), deletion
    and insertion (of each alphabet symbol and foreign character) at every position."""
    alphabet = list(tokens.ALPHABET) + FOREIGN
    changed = []
    for position, original in enumerate(text):
        changed.extend(
            text[:position] + symbol + text[position + 1 :]
            for symbol in alphabet if symbol != original
        )
        changed.append(text[:position] + text[position + 1 :])
    for position in range(len(text) + 1):
        changed.extend(text[:position] + symbol + text[position:] for symbol in alphabet)
    return changed


@pytest.mark.parametrize(("number", "serial"), SAMPLES)
def test_every_single_character_change_of_a_credential_is_refused(
    number: int, serial: int
) -> None:
    text = issue(number, serial)
    changes = single_character_changes(text)
    symbols = len(tokens.ALPHABET) + len(FOREIGN)
    # 100 positions x (symbols - 1) substitutions, 100 deletions, 101 x symbols insertions.
    assert len(changes) == 100 * (symbols - 1) + 100 + 101 * symbols
    admitted = [changed for changed in changes if changed != text and is_admitted(changed)]
    assert admitted == []
    # Position 0 is the version letter: any change there is refused by shape alone.
    assert all(tokens.parse(c) is None for c in changes[: symbols - 1])
    # A body symbol swapped for another alphabet symbol mostly still parses, to other claims:
    # there the signature is what refuses it, not a shortcut the test could be relying on.
    swaps = [text[:p] + s + text[p + 1 :] for p in range(1, 100) for s in tokens.ALPHABET
             if s != text[p]]
    parsed = sum(tokens.parse(swap) is not None for swap in swaps)
    assert parsed > 0.9 * len(swaps)


@settings(max_examples=300)
@given(
    number=st.integers(1, tokens.MAX_NUMBER),
    serial=st.integers(0, tokens.MAX_SERIAL),
    position=st.integers(0, tokens.LENGTH - 1),
    symbol=st.sampled_from(list(tokens.ALPHABET) + FOREIGN),
    edit=st.sampled_from(["substitute", "delete", "insert"]),
)
def test_a_random_credential_with_a_random_one_character_change_is_refused(
    number: int, serial: int, position: int, symbol: str, edit: str
) -> None:
    text = issue(number, serial)
    if edit == "substitute":
        changed = text[:position] + symbol + text[position + 1 :]
    elif edit == "delete":
        changed = text[:position] + text[position + 1 :]
    else:
        changed = text[:position] + symbol + text[position:]
    if changed != text:
        assert not is_admitted(changed)
    assert is_admitted(text)


@given(
    number=st.integers(1, tokens.MAX_NUMBER), serial=st.integers(0, tokens.MAX_SERIAL),
    spots=st.lists(st.integers(0, tokens.LENGTH - 1), min_size=2, max_size=6, unique=True),
    data=st.data(),
)
def test_several_changed_characters_are_refused_too(
    number: int, serial: int, spots: list[int], data: st.DataObject
) -> None:
    symbols = list(issue(number, serial))
    original = "".join(symbols)
    for spot in spots:
        others = [symbol for symbol in tokens.ALPHABET if symbol != symbols[spot]]
        symbols[spot] = data.draw(st.sampled_from(others))
    assert not is_admitted("".join(symbols))
    assert is_admitted(original)


def test_credential_of_another_event_does_not_verify_even_with_the_same_key() -> None:
    for number, serial in SAMPLES:
        foreign = tokens.issue(OTHER_EVENT_UID, KEY.signing_key, number, serial)
        assert tokens.parse(foreign) is not None  # well formed, same claims...
        assert not is_admitted(foreign)  # ...but signed for the other event
        assert is_admitted(foreign, OTHER_EVENT_UID)
        other_key = tokens.issue(EVENT_UID, OTHER_KEY.signing_key, number, serial)
        assert not is_admitted(other_key)


def test_verify_needs_one_of_the_event_keys() -> None:
    text = issue(77, 2)
    assert not is_admitted(text, keys=[])
    assert not is_admitted(text, keys=[OTHER_KEY.public_key])
    assert not is_admitted(text, keys=[b"short"])
    assert is_admitted(text, keys=[OTHER_KEY.public_key, KEY.public_key])


def test_credential_holds_only_number_serial_and_signature() -> None:
    """No personal data: the 67 bytes are the 3 field bytes and the 64-byte signature."""
    text = issue(4321, 7)
    credential = tokens.parse(text)
    assert credential is not None
    assert credential.fields == ((4321 << 4) | 7).to_bytes(tokens.FIELD_BYTES, "big")
    assert len(credential.signature) == tokens.SIGNATURE_BYTES
    assert tokens.encode_blob(credential.fields + credential.signature) == text


# The revocation of older serials, end to end through the check-in engine.


def _add_guest(database: Database, event: Event) -> int:
    with database.session() as session:
        forum = session.get(Event, event.id)
        assert forum is not None
        guest = Guest(event_id=forum.id, number=events.allocate_guest_number(session, forum),
                      name="Олена Коваленко", category=Category.GUEST.value)
        session.add(guest)
        session.flush()
        return guest.id


def _current(database: Database, guest_id: int) -> str:
    with database.session() as session:
        guest = session.get(Guest, guest_id)
        assert guest is not None
        return events.credential_for(events.current_event(session), guest)


def _reissue(database: Database, guest_id: int) -> str:
    with database.session() as session:
        guest = session.get(Guest, guest_id)
        assert guest is not None
        return events.reissue_credential(session, events.current_event(session), guest)


def test_each_reissue_revokes_every_older_serial_and_the_spent_number_is_refused(
    database: Database, event: Event, clock: FixedClock
) -> None:
    gate = Gate(database, "Exhibition hall", clock=clock)  # re-entry: admits each new serial
    guest_id = _add_guest(database, event)
    issued = [_current(database, guest_id)]
    for _ in range(tokens.MAX_SERIAL):
        issued.append(_reissue(database, guest_id))
    assert len(set(issued)) == tokens.MAX_SERIAL + 1
    with pytest.raises(CredentialError, match="register the guest again"):
        _reissue(database, guest_id)
    # The refused re-issue changed nothing: same number, last serial still the valid one.
    assert _current(database, guest_id) == issued[-1]
    with database.session() as session:
        guest = session.get(Guest, guest_id)
        assert guest is not None and guest.credential_serial == tokens.MAX_SERIAL
    for old in issued[:-1]:
        clock.advance(seconds=30)
        assert gate.scan(old).reason is Reason.REVOKED
    clock.advance(seconds=30)
    assert gate.scan(issued[-1]).reason is Reason.ADMITTED


def test_reissue_is_audited_and_queued_for_the_other_kiosks(
    database: Database, event: Event
) -> None:
    guest_id = _add_guest(database, event)
    old = _current(database, guest_id)
    with database.session() as session:
        guest = session.get(Guest, guest_id)
        assert guest is not None
        result = reissue(session, events.current_event(session), guest, actor="desk 2")
    assert (result.revoked_serial, result.serial) == (0, 1)
    assert result.credential != old and result.credential == _current(database, guest_id)
    with database.session() as session:
        audit = session.query(AuditEntry).filter_by(action="credential_reissued").one()
        assert audit.guest_id == guest_id and audit.actor == "desk 2"
        assert audit.details["revoked_serial"] == 0 and audit.details["serial"] == 1
        queued = session.query(OutboxItem).filter_by(kind="guest").one()
        assert queued.payload["credential_serial"] == 1
        assert queued.payload["guest_uid"] == result.guest_uid


def test_altered_credentials_scanned_at_a_gate_are_invalid_never_admitted(
    database: Database, event: Event, clock: FixedClock
) -> None:
    gate = Gate(database, "Exhibition hall", clock=clock)
    guest_id = _add_guest(database, event)
    text = _current(database, guest_id)
    chooser = random.Random(20261207)
    changes = chooser.sample(single_character_changes(text), 40)
    for changed in changes:
        clock.advance(seconds=10)
        verdict = gate.scan(changed)
        assert verdict.reason in {Reason.INVALID, Reason.UNKNOWN_CODE}, changed
    clock.advance(seconds=10)
    assert gate.scan(text).reason is Reason.ADMITTED

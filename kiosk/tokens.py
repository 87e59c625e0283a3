"""The QR credential: issue, encode, parse and verify, offline.

Layout (format "K", version 1)::

    "K" + 99 symbols of base 43          = 100 characters, QR alphanumeric mode
           └── big-endian integer of 67 bytes:
               3 bytes  guest number (20 bits) | credential serial (4 bits)
               64 bytes Ed25519 signature over  b"KC1" + event uid (16 bytes) + those 3 bytes

Why this shape: an Ed25519 signature alone is 64 bytes, and the credential must stay at 100
characters or fewer. Base45 (RFC 9285) spends 1.5 characters a byte and would need 101 for the
signature and the three field bytes; a single big integer in base 43 needs 1.41, which leaves
room for the version letter. The alphabet is QR's alphanumeric set without the space (scanners and
people drop trailing spaces) and without '%' (an escape character in URLs and some scanner setups).

No personal data is inside: only the guest's number and serial, both meaningless without the
guest list. The event's uid is signed in, so a code from another event never verifies here even
if a key were reused. Re-issuing a credential bumps the serial; older serials are revoked.
Decoding is canonical (fixed width, value below 2**536), so any change of any character gives a
different value or an invalid one, and never another valid credential.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.errors import CredentialError

PREFIX = "K"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:"
BASE = len(ALPHABET)
BODY_LENGTH = 99
LENGTH = len(PREFIX) + BODY_LENGTH
FIELD_BYTES = 3
SIGNATURE_BYTES = 64
BLOB_BYTES = FIELD_BYTES + SIGNATURE_BYTES
MAX_NUMBER = (1 << 20) - 1
MAX_SERIAL = 15
_DOMAIN = b"KC1"
_SYMBOL_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_LIMIT = 1 << (8 * BLOB_BYTES)

assert BASE**BODY_LENGTH >= _LIMIT, "the body must hold every 67-byte value"


@dataclass(frozen=True, slots=True)
class Credential:
    """What a parsed credential claims, before (or after) its signature is checked."""

    guest_number: int
    serial: int
    signature: bytes

    @property
    def fields(self) -> bytes:
        return ((self.guest_number << 4) | self.serial).to_bytes(FIELD_BYTES, "big")


@dataclass(frozen=True, slots=True)
class KeyPair:
    signing_key: bytes  # 32 raw bytes: keep on the issuing machine only
    public_key: bytes  # 32 raw bytes: every kiosk holds it


def generate_keypair() -> KeyPair:
    private = Ed25519PrivateKey.generate()
    return KeyPair(
        signing_key=private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        ),
        public_key=private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ),
    )


def public_key_pem(public_key: bytes) -> str:
    """The public key as PEM, for other systems that verify our credentials."""
    key = Ed25519PublicKey.from_public_bytes(public_key)
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def _message(event_uid: str, fields: bytes) -> bytes:
    return _DOMAIN + uuid.UUID(event_uid).bytes + fields


def issue(event_uid: str, signing_key: bytes, guest_number: int, serial: int) -> str:
    """The credential text for a guest number and serial, signed with the event's key."""
    if not 1 <= guest_number <= MAX_NUMBER:
        raise CredentialError(f"guest number {guest_number} is outside 1..{MAX_NUMBER}")
    if not 0 <= serial <= MAX_SERIAL:
        raise CredentialError(f"credential serial {serial} is outside 0..{MAX_SERIAL}")
    fields = ((guest_number << 4) | serial).to_bytes(FIELD_BYTES, "big")
    signature = Ed25519PrivateKey.from_private_bytes(signing_key).sign(
        _message(event_uid, fields)
    )
    return encode_blob(fields + signature)


def encode_blob(blob: bytes) -> str:
    """Fixed-width base-43 text of a 67-byte blob, with the version letter in front."""
    value = int.from_bytes(blob, "big")
    symbols = []
    for _ in range(BODY_LENGTH):
        value, digit = divmod(value, BASE)
        symbols.append(ALPHABET[digit])
    return PREFIX + "".join(reversed(symbols))


def parse(text: str) -> Credential | None:
    """The claims of a credential, or None when the text is not one. Never raises."""
    if len(text) != LENGTH or not text.startswith(PREFIX):
        return None
    value = 0
    for symbol in text[len(PREFIX) :]:
        digit = _SYMBOL_VALUE.get(symbol)
        if digit is None:
            return None
        value = value * BASE + digit
    if value >= _LIMIT:
        return None
    blob = value.to_bytes(BLOB_BYTES, "big")
    packed = int.from_bytes(blob[:FIELD_BYTES], "big")
    number, serial = packed >> 4, packed & 0xF
    if number == 0:
        return None
    return Credential(guest_number=number, serial=serial, signature=blob[FIELD_BYTES:])


def looks_like_credential(text: str) -> bool:
    """True when the text has our credential's shape (it may still be forged)."""
    return len(text) == LENGTH and text.startswith(PREFIX)


def verify(credential: Credential, event_uid: str, public_keys: list[bytes]) -> bool:
    """True when one of the event's public keys signed this credential for this event."""
    message = _message(event_uid, credential.fields)
    for public_key in public_keys:
        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(credential.signature, message)
        except (InvalidSignature, ValueError):
            continue
        return True
    return False

"""Enrolling a kiosk: a one-time code (typed, or read from the organiser's QR) for a token.

The QR carries a link such as ``http://10.0.0.5:8000/?enrol=7K3M-QX9D-2HPA``: the server's
address and the code in one scan. The kiosk keeps its own device id (so scans it recorded before
enrolling stay its own), receives the event and, when enrolled to issue walk-ins, the event's
signing key and a block of guest numbers nobody else will use.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import func, select

from kiosk import events
from kiosk.db import Database
from kiosk.errors import ConflictError, SyncError, UsageError
from kiosk.models import OutboxItem
from kiosk.sync import state
from kiosk.sync.apply import PageApplier
from kiosk.sync.client import ServerClient, normalise_url
from kiosk.sync.records import ChangeKind

log = logging.getLogger("kiosk.sync")

LINK_PARAMETER = "enrol"


def enrolment_link(server_url: str, code: str) -> str:
    """The text of the enrolment QR: the server's address with the code in its query."""
    parts = urlsplit(normalise_url(server_url))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/",
                       urlencode({LINK_PARAMETER: code}), ""))


def split_enrolment(address: str, code: str | None) -> tuple[str, str]:
    """The server address and code, from ``URL CODE`` or from one enrolment link."""
    parts = urlsplit(address.strip() if "://" in address else f"http://{address.strip()}")
    found = parse_qs(parts.query).get(LINK_PARAMETER)
    if code is None:
        if not found:
            raise UsageError("no enrolment code given",
                             hint="kiosk enroll URL CODE, or the link from the enrolment QR")
        code = found[0]
    base = urlunsplit((parts.scheme, parts.netloc, parts.path if parts.path != "/" else "", "", ""))
    if not code.strip():
        raise UsageError("the enrolment code is empty")
    return normalise_url(base), code.strip()


@dataclass(frozen=True, slots=True)
class Enrolled:
    server_url: str
    device_uid: str
    device_name: str
    event_uid: str
    event_name: str
    can_issue: bool
    number_block: tuple[int, int] | None


def _public_of(signing_key: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(signing_key).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)


def enrol(
    database: Database, address: str, code: str | None = None, *, name: str | None = None,
    force: bool = False, client: ServerClient | None = None,
) -> Enrolled:
    """Enrol this kiosk with a server; the event arrives now, its guests with the first sync."""
    server_url, code = split_enrolment(address, code)
    with database.session() as session:
        device = events.this_device(session)
        device_uid, device_name = device.uid, (name or device.name).strip() or "kiosk"
        before = state.enrolment(session)
        waiting = session.scalar(
            select(func.count()).select_from(OutboxItem).where(OutboxItem.sent_at.is_(None))
        ) or 0
    if before is not None and before.server_url != server_url and waiting and not force:
        raise ConflictError(
            f"{waiting} check-ins and changes here still wait for {before.server_url}",
            hint="sync them first, or give --force to enrol anyway (they are kept here)",
        )
    own_client = client is None
    http = client if client is not None else ServerClient(server_url)
    try:
        answer = http.enrol(code, device_uid, device_name)
    finally:
        if own_client:
            http.close()
    event_record = answer["event"]
    with database.session() as session:
        applier = PageApplier(session, device_uid)
        applier.apply([{"kind": ChangeKind.EVENT.value, "data": event_record}])
        event = applier.event(event_record["uid"])
        assert event is not None
        signing_key = answer.get("signing_key")
        if signing_key:
            key = base64.b64decode(signing_key)
            if _public_of(key) != event.public_key:
                raise SyncError("the server sent a signing key that does not match the event's "
                                "public key", hint="tell the organiser; nothing was changed")
            event.signing_key = key
        block = answer.get("number_block")
        if block:
            start, end = int(block[0]), int(block[1])
            if not start <= event.next_guest_number <= end:
                event.next_guest_number = start
            state.write(session, state.NUMBER_BLOCK_END, str(end))
        events.set_current_event(session, event)
        if before is None or before.event_uid != event.uid or before.server_url != server_url:
            state.write(session, state.PULL_CURSOR, "0")
        state.write(session, state.SERVER_URL, server_url)
        state.write(session, state.DEVICE_TOKEN, answer["token"])
        state.write(session, state.EVENT_UID, event.uid)
        state.write(session, state.CAN_ISSUE, "1" if answer.get("can_issue") else "0")
        events.this_device(session).name = device_name
        event_name = event.name
    log.info("enrolled with %s for event %s", server_url, event_record["uid"])
    return Enrolled(
        server_url=server_url, device_uid=device_uid, device_name=device_name,
        event_uid=event_record["uid"], event_name=event_name,
        can_issue=bool(answer.get("can_issue")),
        number_block=(int(block[0]), int(block[1])) if block else None,
    )

"""Request and response bodies of the server's HTTP API (they make its OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_PUSH_ITEMS = 1000
# Numbers a device sends must fit the columns they go into (a 32-bit guest number, a 64-bit
# sequence number): one that does not is refused as invalid, not left to fail in the database.
MAX_NUMBER = 2**31 - 1
MAX_SEQ = 2**63 - 1
MAX_SERIAL = 15  # a credential's serial is one hex digit of it


class Problem(BaseModel):
    """An error: a stable code for programs and a sentence for people."""

    code: str
    message: str


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    server_time: dt.datetime


class EnrolRequest(BaseModel):
    code: str = Field(description="the one-time enrolment code, as typed or scanned")
    device_uid: str = Field(min_length=36, max_length=36, description="the kiosk's own id")
    name: str = Field(min_length=1, max_length=100, description="a name staff recognise")


class EnrolResponse(BaseModel):
    device_uid: str
    token: str = Field(description="the device token; the server keeps only its hash")
    token_expires_at: dt.datetime
    event: dict[str, Any] = Field(description="the event record (see kiosk.sync.records)")
    can_issue: bool
    signing_key: str | None = Field(None, description="base64; issuing devices only")
    number_block: tuple[int, int] | None = Field(
        None, description="guest numbers this device may give walk-ins offline"
    )
    server_time: dt.datetime


class DeviceInfo(BaseModel):
    device_uid: str
    name: str
    event_uid: str
    can_issue: bool


class Change(BaseModel):
    seq: int
    kind: Literal["event", "checkpoint", "guest", "scan", "undo", "badge_print"]
    data: dict[str, Any]


class ChangesPage(BaseModel):
    """Changes after the cursor, oldest first; pull again from last_seq while has_more."""

    changes: list[Change]
    last_seq: int
    head: int
    has_more: bool


class PushItem(BaseModel):
    id: str = Field(min_length=1, max_length=36, description="the outbox item's id")
    kind: Literal["scan", "undo", "badge_print", "guest"]
    payload: dict[str, Any]


class PushRequest(BaseModel):
    items: list[PushItem] = Field(max_length=MAX_PUSH_ITEMS)


class Rejection(BaseModel):
    id: str
    code: str
    message: str
    permanent: bool = Field(description="false: push it again later; true: it can never apply")


class PushResponse(BaseModel):
    accepted: list[str] = Field(description="applied now")
    duplicates: list[str] = Field(description="applied by an earlier push: nothing done")
    rejected: list[Rejection]
    last_seq: int


class VerdictRequest(BaseModel):
    scan_id: str = Field(min_length=36, max_length=36)
    payload: str = Field(max_length=512, description="the scanned text")
    checkpoint_uid: str = Field(min_length=36, max_length=36)
    scanned_at: dt.datetime


class VerdictResponse(BaseModel):
    scan_id: str
    reason: str
    accepted: bool
    is_first_arrival: bool
    first_checkin_at: dt.datetime | None
    first_checkin_checkpoint: str | None
    recorded: bool = Field(description="the server stored this scan (accepted ones)")


class SigningKey(BaseModel):
    key_id: int
    signing_key: str


# Outbox payloads, validated per kind before anything is applied.


class _Payload(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ScanPayload(_Payload):
    id: str = Field(min_length=36, max_length=36)
    event_uid: str
    guest_uid: str | None = None
    guest_number: int | None = Field(None, ge=0, le=MAX_NUMBER)
    credential_serial: int | None = Field(None, ge=0, le=MAX_SERIAL)
    checkpoint_uid: str | None = None
    device_uid: str = Field(min_length=1, max_length=36)
    scanned_at: dt.datetime
    reason: str = Field(max_length=32)
    is_accepted: bool
    direction: Literal["in", "out"]
    code_kind: str = Field(max_length=16)
    payload_digest: str = Field(max_length=64)
    operator: str | None = Field(None, max_length=100)


class UndoPayload(_Payload):
    id: str = Field(min_length=36, max_length=36)
    scan_id: str = Field(min_length=36, max_length=36)
    device_uid: str = Field(max_length=36)
    reason: str
    operator: str | None = Field(None, max_length=100)
    undone_at: dt.datetime


class BadgePrintPayload(_Payload):
    id: str = Field(min_length=36, max_length=36)
    guest_uid: str
    device_uid: str = Field(max_length=36)
    printed_at: dt.datetime
    reason: str = Field(max_length=32)
    note: str | None = None
    operator: str | None = Field(None, max_length=100)
    template: str = Field(max_length=64)
    printer: str | None = Field(None, max_length=200)


class GuestChangePayload(_Payload):
    id: str
    change: str = Field(max_length=64)
    guest_uid: str
    actor: str | None = Field(None, max_length=100)
    at: dt.datetime | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    guest: dict[str, Any] | None = None
    credential_serial: int | None = Field(None, ge=0, le=MAX_SERIAL)

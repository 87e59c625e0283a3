"""The server's HTTP API (FastAPI; the OpenAPI schema is served at /openapi.json, docs at /docs).

    GET  /api/v1/health          is the server up (no token)
    POST /api/v1/enrol           trade a one-time code for a device token (no token)
    GET  /api/v1/device          who this token belongs to
    GET  /api/v1/changes         the event's changes after a cursor, a page at a time; ``wait``
                                 holds the request open until something changes (long poll)
    POST /api/v1/push            outbox items, each applied exactly once by its id
    POST /api/v1/verdict         decide a scan with every gate's check-ins (online verdict)
    GET  /api/v1/signing-key     the event's signing key, for devices enrolled to issue walk-ins

Every endpoint but the first two needs ``Authorization: Bearer <device token>``; a missing,
unknown, expired or revoked token gets 401 with ``{"detail": {"code", "message"}}``. A device
only ever sees and changes its own event.

No ``from __future__ import annotations`` here: FastAPI reads the endpoints' annotations at
run time, and they name dependencies local to ``create_app``.
"""

import asyncio
import base64
import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from kiosk import __version__
from kiosk.errors import ConflictError, KioskError, NotFoundError, UsageError
from kiosk.models import Event, utc_now
from kiosk.server import auth, changes, ingest, verdicts
from kiosk.server.models import ServerDevice
from kiosk.server.schemas import (
    MAX_SEQ,
    ChangesPage,
    DeviceInfo,
    EnrolRequest,
    EnrolResponse,
    Health,
    Problem,
    PushRequest,
    PushResponse,
    Rejection,
    SigningKey,
    VerdictRequest,
    VerdictResponse,
)
from kiosk.server.store import ServerStore
from kiosk.sync import records

log = logging.getLogger("kiosk.server.api")

Clock = Callable[[], dt.datetime]
DEFAULT_PAGE = 2000
MAX_WAIT = 30.0
_UNAUTHORISED: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "missing, unknown, expired or revoked device token"},
}


def _problem(status: int, code: str, message: str) -> HTTPException:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return HTTPException(status, detail={"code": code, "message": message}, headers=headers)


def create_app(
    store: ServerStore, *, clock: Clock = utc_now, poll_interval: float = 0.2
) -> FastAPI:
    """The API over one store; ``clock`` decides token and code expiry (tests move it)."""
    app = FastAPI(
        title="Kiosk sync server", version=__version__,
        description="The central copy of an event and the sync point of its check-in kiosks.",
    )
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)
    bearer = HTTPBearer(auto_error=False, description="the device token from /api/v1/enrol")

    @app.exception_handler(KioskError)
    async def kiosk_error(_request: Request, error: KioskError) -> JSONResponse:
        status = 400
        if isinstance(error, NotFoundError):
            status = 404
        elif isinstance(error, ConflictError):
            status = 409
        elif not isinstance(error, UsageError):
            status = 422
        code = type(error).__name__.removesuffix("Error").lower() or "error"
        return JSONResponse({"detail": {"code": code, "message": error.full_message()}}, status)

    def authenticated(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> auth.DeviceContext:
        token = credentials.credentials if credentials is not None else None
        try:
            with store.read() as session:
                return auth.authenticate(session, token, clock())
        except auth.AuthError as refusal:
            raise _problem(401, refusal.problem.value, refusal.message) from None

    Device = Annotated[auth.DeviceContext, Depends(authenticated)]

    @app.get("/api/v1/health", response_model=Health, tags=["server"])
    def health() -> Health:
        return Health(status="ok", version=__version__, server_time=clock())

    @app.post("/api/v1/enrol", response_model=EnrolResponse, tags=["devices"],
              responses={403: {"model": Problem, "description": "the code was refused"}})
    def enrol(request: EnrolRequest) -> EnrolResponse:
        now = clock()
        try:
            with store.write() as session:
                enrolled = auth.enrol_device(session, request.code, request.device_uid,
                                             request.name.strip() or "kiosk", now)
                device, event = enrolled.device, enrolled.event
                block = None
                if device.number_block_start is not None and device.number_block_end is not None:
                    block = (device.number_block_start, device.number_block_end)
                return EnrolResponse(
                    device_uid=device.uid, token=enrolled.token,
                    token_expires_at=device.expires_at, event=records.event_record(event),
                    can_issue=device.can_issue,
                    signing_key=(base64.b64encode(event.signing_key).decode("ascii")
                                 if device.can_issue and event.signing_key else None),
                    number_block=block, server_time=now,
                )
        except auth.AuthError as refusal:
            raise _problem(403, refusal.problem.value, refusal.message) from None

    @app.get("/api/v1/device", response_model=DeviceInfo, tags=["devices"],
             responses=_UNAUTHORISED)
    def whoami(device: Device) -> DeviceInfo:
        return DeviceInfo(device_uid=device.device_uid, name=device.name,
                          event_uid=device.event_uid, can_issue=device.can_issue)

    def read_page(event_id: int, after: int, limit: int) -> changes.Page:
        with store.read() as session:
            return changes.read_page(session, event_id, after, limit)

    def touch(device: auth.DeviceContext) -> None:
        now = clock()
        with store.read() as session:
            seen = session.get(ServerDevice, device.device_id)
            stale = seen is None or seen.last_seen_at is None or (
                now - seen.last_seen_at > dt.timedelta(minutes=1))
        if stale:
            with store.write() as session:
                row = session.get(ServerDevice, device.device_id)
                if row is not None:
                    row.last_seen_at = now

    @app.get("/api/v1/changes", response_model=ChangesPage, tags=["sync"],
             responses=_UNAUTHORISED)
    async def pull(
        device: Device,
        after: Annotated[int, Query(ge=0, le=MAX_SEQ,
                                    description="the cursor: last seq applied")] = 0,
        limit: Annotated[int, Query(ge=1, le=changes.PAGE_LIMIT)] = DEFAULT_PAGE,
        wait: Annotated[float, Query(ge=0, le=MAX_WAIT,
                                     description="seconds to wait for a change")] = 0.0,
    ) -> Response:
        await run_in_threadpool(touch, device)
        deadline = time.monotonic() + wait
        while True:
            page = await run_in_threadpool(read_page, device.event_id, after, limit)
            remaining = deadline - time.monotonic()
            if page.count or remaining <= 0:
                return Response(page.body, media_type="application/json")
            await asyncio.sleep(min(poll_interval, remaining))

    @app.post("/api/v1/push", response_model=PushResponse, tags=["sync"],
              responses=_UNAUTHORISED)
    def push(request: PushRequest, device: Device) -> PushResponse:
        with store.write() as session:
            outcome = ingest.ingest(session, device, request.items, clock())
        return PushResponse(
            accepted=outcome.accepted, duplicates=outcome.duplicates,
            rejected=[Rejection(id=r.id, code=r.code, message=r.message, permanent=r.permanent)
                      for r in outcome.rejected],
            last_seq=outcome.last_seq,
        )

    @app.post("/api/v1/verdict", response_model=VerdictResponse, tags=["sync"],
              responses=_UNAUTHORISED)
    def verdict(request: VerdictRequest, device: Device) -> VerdictResponse:
        with store.write() as session:
            return verdicts.rule(session, device, request)

    @app.get("/api/v1/signing-key", response_model=SigningKey, tags=["devices"],
             responses={**_UNAUTHORISED, 403: {"model": Problem}})
    def signing_key(device: Device) -> SigningKey:
        if not device.can_issue:
            raise _problem(403, "cannot_issue", "this device was not enrolled to issue credentials")
        with store.read() as session:
            event = session.get(Event, device.event_id)
            if event is None or event.signing_key is None:
                raise _problem(404, "no_signing_key", "the server holds no signing key")
            return SigningKey(key_id=event.key_id,
                              signing_key=base64.b64encode(event.signing_key).decode("ascii"))

    return app

"""The kiosk's HTTP client for the server (httpx), with errors that say what to do.

    SyncError (kiosk.errors)
    ├── ServerUnreachable   no answer: network down, timeout, cut connection, server error (5xx);
    │                       try again later, nothing was lost
    └── ServerRefused       the server answered no: token missing, unknown, expired or the device
                            revoked (401), enrolment code refused (403); ``code`` says which
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlsplit

import httpx

from kiosk import __version__
from kiosk.errors import SyncError, UsageError

log = logging.getLogger("kiosk.sync")

DEFAULT_TIMEOUT = 15.0


class ServerUnreachable(SyncError):
    """The server did not answer in time, or not in full; the request may be repeated."""


class ServerRefused(SyncError):
    """The server refused the request; ``code`` is its reason (see kiosk.server.auth)."""

    def __init__(self, message: str, *, code: str, status: int, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.code = code
        self.status = status


def normalise_url(text: str) -> str:
    """A server address as typed ("10.0.0.5:8000", "https://sync.example.org/") made usable."""
    url = text.strip()
    if not url:
        raise UsageError("the server address is empty", hint="e.g. http://10.0.0.5:8000")
    if "://" not in url:
        url = f"http://{url}"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{text!r} is not a server address", hint="e.g. http://10.0.0.5:8000")
    return url.rstrip("/")


_REFUSAL_HINTS = {
    "device_revoked": "this kiosk was revoked on the server; ask the organiser",
    "expired_token": "enrol this kiosk again with a new code",
    "unknown_token": "enrol this kiosk again with a new code",
    "missing_token": "enrol this kiosk first: kiosk enroll URL CODE",
    "unknown_code": "check the code, or ask the organiser for a new one",
    "used_code": "each code enrols one kiosk; ask the organiser for a new one",
    "expired_code": "ask the organiser for a new code",
}


class ServerClient:
    """One server, one device token; safe to use from one thread at a time."""

    def __init__(
        self, base_url: str, token: str | None = None, *, timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = normalise_url(base_url)
        headers = {"User-Agent": f"kiosk/{__version__}"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        # Our own transport, so that close() can always close its connections: another thread
        # may cut a long poll by closing this client while a request is under way, and httpx's
        # Client.close() does nothing the second time.
        self._transport = transport if transport is not None else httpx.HTTPTransport()
        self._http = httpx.Client(
            base_url=self.base_url, headers=headers, timeout=timeout, transport=self._transport,
        )

    def close(self) -> None:
        """Close every connection; safe to call again once a cut request has returned."""
        self._http.close()
        self._transport.close()

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _call(
        self, method: str, path: str, *, body: Any = None, params: dict[str, Any] | None = None,
        timeout: float | None = None, content: bytes | None = None,
    ) -> Any:
        """``body`` is sent as JSON; ``content`` is JSON text already."""
        where = f"{self.base_url}{path}"
        try:
            response = self._http.request(
                method, path, json=body, params=params, content=content,
                headers={"Content-Type": "application/json"} if content is not None else None,
                timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
            content = response.read()
        except httpx.TimeoutException as error:
            raise ServerUnreachable("the server did not answer in time", where=where) from error
        except httpx.TransportError as error:
            raise ServerUnreachable(f"cannot reach the server ({type(error).__name__})",
                                    where=where) from error
        if response.status_code >= 500:
            raise ServerUnreachable(f"the server failed (HTTP {response.status_code})",
                                    where=where)
        try:
            data = json.loads(content) if content else None
        except ValueError as error:
            raise ServerUnreachable("the server's answer arrived incomplete",
                                    where=where) from error
        if response.status_code in (401, 403):
            detail = data.get("detail") if isinstance(data, dict) else None
            code = detail.get("code", "refused") if isinstance(detail, dict) else "refused"
            message = detail.get("message", "refused") if isinstance(detail, dict) else "refused"
            raise ServerRefused(f"the server refused: {message}", code=code,
                                status=response.status_code, hint=_REFUSAL_HINTS.get(code))
        if response.status_code >= 400:
            detail = data.get("detail") if isinstance(data, dict) else data
            message = detail.get("message") if isinstance(detail, dict) else json.dumps(detail)
            raise SyncError(f"the server said no (HTTP {response.status_code}): {message}",
                            where=where)
        return data

    def health(self, timeout: float | None = None) -> dict[str, Any]:
        return dict(self._call("GET", "/api/v1/health", timeout=timeout))

    def enrol(self, code: str, device_uid: str, name: str) -> dict[str, Any]:
        return dict(self._call("POST", "/api/v1/enrol",
                               body={"code": code, "device_uid": device_uid, "name": name}))

    def device(self) -> dict[str, Any]:
        return dict(self._call("GET", "/api/v1/device"))

    def changes(self, after: int, limit: int, wait: float = 0.0) -> dict[str, Any]:
        params: dict[str, Any] = {"after": after, "limit": limit}
        timeout = None
        if wait > 0:
            params["wait"] = wait
            timeout = wait + DEFAULT_TIMEOUT
        return dict(self._call("GET", "/api/v1/changes", params=params, timeout=timeout))

    def push(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        return dict(self._call("POST", "/api/v1/push", body={"items": items}))

    def push_body(self, body: bytes) -> dict[str, Any]:
        """Push a request body made already: ``{"items": [...]}`` as JSON text."""
        return dict(self._call("POST", "/api/v1/push", content=body))

    def verdict(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        return dict(self._call("POST", "/api/v1/verdict", body=request, timeout=timeout))

    def signing_key(self) -> dict[str, Any]:
        return dict(self._call("GET", "/api/v1/signing-key"))

"""A fault-injecting TCP proxy of the tests' own, put between kiosks and a server on loopback.

Each accepted connection takes the next ``Fault`` from the proxy's plan (``PASS`` once the plan
is empty) and suffers it:

    PASS          bytes go both ways untouched
    DELAY         every chunk from the server waits ``seconds`` first
    DROP          the request is swallowed and never answered (the client times out)
    CUT_REQUEST   only the first ``after`` bytes of the request reach the server, then both
                  sides are closed (the server never sees a whole request)
    CUT_RESPONSE  the request reaches the server whole, and only the first ``after`` bytes of
                  its answer reach the client before both sides are closed (the server did the
                  work; the client never learns it)
    RESET         the connection is accepted and reset at once

and ``refuse()`` closes the listening socket so that connections are refused outright, until
``accept()`` opens it again on the same port. Threads only; every socket closes with ``close()``.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    PASS = "pass"
    DELAY = "delay"
    DROP = "drop"
    CUT_REQUEST = "cut_request"
    CUT_RESPONSE = "cut_response"
    RESET = "reset"


@dataclass(frozen=True)
class Fault:
    kind: Kind
    seconds: float = 0.0  # DELAY
    after: int = 0  # CUT_REQUEST / CUT_RESPONSE: bytes let through first


PASS = Fault(Kind.PASS)


class FaultProxy:
    """Listens on 127.0.0.1 (any free port) and forwards to ``upstream_port``."""

    def __init__(self, upstream_port: int, *, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self.plan: deque[Fault] = deque()
        self.applied: list[Fault] = []
        self.request_lines: list[str] = []  # first line of each request seen going upstream
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._closed = False
        self._listener: socket.socket | None = None
        self.port = 0
        self._listen()
        self.url = f"http://127.0.0.1:{self.port}"

    # Listening -----------------------------------------------------------------------------

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = int(listener.getsockname()[1])
        self._listener = listener
        threading.Thread(target=self._accept_loop, args=(listener,), daemon=True,
                         name=f"fault-proxy-{self.port}").start()

    def refuse(self) -> None:
        """Stop listening: connecting now fails with 'connection refused'."""
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            _close(listener)

    def accept(self) -> None:
        """Listen again on the same port."""
        if self._listener is None and not self._closed:
            self._listen()

    def retarget(self, upstream_port: int) -> None:
        self.upstream = (self.upstream[0], upstream_port)

    def inject(self, *faults: Fault) -> None:
        with self._lock:
            self.plan.extend(faults)

    def close(self) -> None:
        self._closed = True
        self.refuse()
        with self._lock:
            sockets = list(self._sockets)
            self._sockets.clear()
        for sock in sockets:
            _close(sock)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _accept_loop(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # the listener was closed
            with self._lock:
                fault = self.plan.popleft() if self.plan else PASS
                self.applied.append(fault)
                self._sockets.add(client)
            threading.Thread(target=self._serve, args=(client, fault), daemon=True).start()

    # One connection ------------------------------------------------------------------------

    def _serve(self, client: socket.socket, fault: Fault) -> None:
        if fault.kind is Kind.RESET:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self._drop(client)
            return
        if fault.kind is Kind.DROP:
            client.settimeout(0.2)
            while not self._closed:  # swallow the request; answer nothing until the client goes
                try:
                    if not client.recv(65536):
                        break
                except TimeoutError:
                    continue
                except OSError:
                    break
            self._drop(client)
            return
        try:
            upstream = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            self._drop(client)  # the server is down: the client sees its connection closed
            return
        upstream.settimeout(None)
        with self._lock:
            self._sockets.add(upstream)
        pair = (client, upstream)
        up_limit = fault.after if fault.kind is Kind.CUT_REQUEST else None
        down_limit = fault.after if fault.kind is Kind.CUT_RESPONSE else None
        delay = fault.seconds if fault.kind is Kind.DELAY else 0.0
        threading.Thread(target=self._pump, args=(client, upstream, up_limit, 0.0, pair, True),
                         daemon=True).start()
        self._pump(upstream, client, down_limit, delay, pair, False)

    def _pump(self, source: socket.socket, sink: socket.socket, limit: int | None,
              delay: float, pair: tuple[socket.socket, socket.socket], upward: bool) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if upward and data.startswith((b"GET ", b"POST ")):
                    self.request_lines.append(data.split(b"\r\n", 1)[0].decode("latin-1"))
                if delay:
                    time.sleep(delay)
                if limit is not None and sent + len(data) >= limit:
                    sink.sendall(data[:max(0, limit - sent)])
                    break  # cut here: both sides close below
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for sock in pair:
            self._drop(sock)

    def _drop(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        _close(sock)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()

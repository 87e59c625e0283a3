"""Running the server: in the foreground for ``kiosk server``, or on a thread of this process
(loopback, any free port) for the tests and the benchmarks."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable

import uvicorn

from kiosk.errors import SetupError, SyncError, UsageError
from kiosk.server.api import Clock, create_app
from kiosk.server.store import ServerStore

log = logging.getLogger("kiosk.server")


def listen(host: str, port: int) -> socket.socket:
    """The server's listening socket; SetupError when the address cannot be had."""
    if not 0 <= port <= 65535:
        raise UsageError(f"{port} is not a port number", where="--port", hint="use 1-65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise SetupError(f"cannot listen on {host!r}: {error.strerror}", where="--host",
                         hint="give an address of this machine, or 0.0.0.0 for all") from error
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as error:
        sock.close()
        raise SetupError(f"cannot listen on {host}:{port} ({error.strerror})", where="--port",
                         hint="another program may be using it: choose another with --port"
                         ) from error
    return sock


def serve(database_url: str, host: str, port: int) -> None:
    """Migrate the database and answer requests until interrupted."""
    sock = listen(host, port)
    try:
        store = ServerStore.open(database_url)
    except BaseException:
        sock.close()
        raise
    app = create_app(store)
    log.info("serving %s on http://%s:%d", store.engine.url.render_as_string(), host, port)
    config = uvicorn.Config(app, log_level="info", timeout_graceful_shutdown=5, access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
        store.close()


class BackgroundServer:
    """A real server (uvicorn) on 127.0.0.1 in a thread of this process."""

    def __init__(self, store: ServerStore, *, clock: Clock | None = None,
                 port: int = 0, poll_interval: float = 0.05) -> None:
        self.store = store
        kwargs: dict[str, Callable[..., object] | float] = {"poll_interval": poll_interval}
        if clock is not None:
            kwargs["clock"] = clock
        self.app = create_app(store, **kwargs)  # type: ignore[arg-type]
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", port))
        self.port = int(self._socket.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, log_level="warning", access_log=False,
                                timeout_graceful_shutdown=1, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    def start(self) -> BackgroundServer:
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]},
            name=f"kiosk-server-{self.port}", daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise SyncError("the test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._socket.close()

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

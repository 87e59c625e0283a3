"""QR decode of 1280x720 camera-like frames: ours beside pyzbar (ZBar) and OpenCV's QRCodeDetector.

The frames (bench/frames.py) show real credentials of a demo event, issued as the product issues
them, under five conditions (clean, blurred, tilted, low contrast, noisy) plus frames with no code,
which is what a kiosk camera sees most of the time. Every decoder gets the same RGB frame and does
its own conversion: ours is kiosk.decode.decode_frame as the kiosk calls it (half resolution),
pyzbar and OpenCV get the full-resolution grey frame (cv2.cvtColor, timed with them), as a user of
either would call them. OpenCV runs single-threaded like the other two, and in a child process:
OpenCV 5.0's detector has been seen to crash on frames with no code, and a crash must cost that
peer the frame, not end the benchmark. A frame counts as decoded when the exact credential comes
back; for the no-code frames, when nothing comes back.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench.frames import CONDITIONS, Frame, camera_frame
from bench.harness import Row, median
from kiosk import events
from kiosk.db import Database
from kiosk.decode import decode_frame
from kiosk.domain import Category
from kiosk.models import Guest

GOAL = "< 2 ms median, >= 98% decoded"
WARMUP = 3
OPENCV_TIMEOUT_S = 30.0


@dataclass
class Outcome:
    """One decoder over one condition's frames."""

    name: str
    times_ms: list[float]
    decoded: int
    failures: int  # crashes or hangs of the decoder (the frame then counts as not decoded)

    def rate(self, frames: int) -> float:
        return 100.0 * self.decoded / frames


def _credentials(count: int) -> list[str]:
    """Real credentials: an event and guests made and signed as the product makes them."""
    with tempfile.TemporaryDirectory(prefix="bench-decode-") as folder:
        database = Database.open(Path(folder))
        try:
            with database.session() as session:
                event = events.create_event(
                    session, "Bench Forum", dt.date(2026, 12, 7), dt.date(2026, 12, 11),
                    "Asia/Shanghai",
                )
                guests = [
                    Guest(event_id=event.id, number=events.allocate_guest_number(session, event),
                          name=f"Guest {i}", category=Category.GUEST.value)
                    for i in range(count)
                ]
                session.add_all(guests)
                session.flush()
                return [events.credential_for(event, guest) for guest in guests]
        finally:
            database.close()


def _is_right(expected: str | None, found: list[str]) -> bool:
    return found == [] if expected is None else expected in found


def _time_in_process(
    name: str, decode: Callable[[Frame], list[str]], frames: list[Frame],
    expected: list[str | None],
) -> Outcome:
    for frame in frames[:WARMUP]:
        decode(frame)
    times, decoded = [], 0
    for frame, text in zip(frames, expected, strict=True):
        start = time.perf_counter()
        found = decode(frame)
        times.append((time.perf_counter() - start) * 1000.0)
        decoded += _is_right(text, found)
    return Outcome(name, times, decoded, 0)


def _ours(frame: Frame) -> list[str]:
    return decode_frame(frame)


def _pyzbar_decoder() -> Callable[[Frame], list[str]] | None:
    try:
        import cv2
        from pyzbar import pyzbar
    except ImportError:  # the bench extra is not installed: the row says so
        return None

    def decode(frame: Frame) -> list[str]:
        gray = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)
        symbols = pyzbar.decode(gray, symbols=[pyzbar.ZBarSymbol.QRCODE])
        return [symbol.data.decode("utf-8", "replace") for symbol in symbols]

    return decode


def _opencv_worker(connection: Connection) -> None:
    """Child process: decode each frame sent, answer (texts, milliseconds)."""
    import cv2

    cv2.setNumThreads(1)
    detector = cv2.QRCodeDetector()
    while True:
        frame = connection.recv()
        if frame is None:
            return
        start = time.perf_counter()
        gray = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)
        text, _points, _straight = detector.detectAndDecode(gray)
        elapsed = (time.perf_counter() - start) * 1000.0
        connection.send(([text] if text else [], elapsed))


class _OpenCV:
    """OpenCV's detector behind a process boundary, restarted after a crash or a hang."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._connection: Connection | None = None
        self.version = ""

    def _start(self) -> Connection:
        ours, theirs = self._context.Pipe()
        self._process = self._context.Process(target=_opencv_worker, args=(theirs,), daemon=True)
        self._process.start()
        theirs.close()
        self._connection = ours
        return ours

    def decode(self, frame: Frame) -> tuple[list[str], float] | None:
        """(texts, ms), or None when the detector crashed or hung on this frame."""
        connection = self._connection or self._start()
        try:
            connection.send(frame)
            if connection.poll(OPENCV_TIMEOUT_S):
                texts, elapsed = connection.recv()
                return list(texts), float(elapsed)
        except (EOFError, BrokenPipeError, ConnectionResetError):
            pass
        self._stop(kill=True)
        return None

    def _stop(self, kill: bool = False) -> None:
        if self._process is not None:
            if kill:
                self._process.kill()
            elif self._connection is not None:
                self._connection.send(None)
            self._process.join(timeout=10)
        if self._connection is not None:
            self._connection.close()
        self._process, self._connection = None, None

    def close(self) -> None:
        self._stop()


def _time_opencv(opencv: _OpenCV, frames: list[Frame], expected: list[str | None]) -> Outcome:
    for frame in frames[:WARMUP]:
        opencv.decode(frame)
    times, decoded, failures = [], 0, 0
    for frame, text in zip(frames, expected, strict=True):
        answer = opencv.decode(frame)
        if answer is None:
            failures += 1
            continue
        found, elapsed = answer
        times.append(elapsed)
        decoded += _is_right(text, found)
    return Outcome("OpenCV QRCodeDetector", times, decoded, failures)


def _opencv_available() -> str | None:
    try:
        import cv2
    except ImportError:
        return None
    return str(cv2.__version__)


def run(quick: bool) -> list[Row]:
    per_condition = 10 if quick else 50
    texts = _credentials(per_condition)
    pyzbar_decode = _pyzbar_decoder()
    opencv_version = _opencv_available()
    opencv = _OpenCV() if opencv_version else None
    rows: list[Row] = []
    try:
        for index, condition in enumerate(CONDITIONS):
            expected: list[str | None] = (
                [None] * per_condition if condition == "no_code" else list(texts)
            )
            frames = [
                camera_frame(text, condition, seed=1000 * index + i)
                for i, text in enumerate(expected)
            ]
            ours = _time_in_process("ours", _ours, frames, expected)
            peers: list[Outcome | None] = [
                _time_in_process("pyzbar", pyzbar_decode, frames, expected)
                if pyzbar_decode else None,
                _time_opencv(opencv, frames, expected) if opencv else None,
            ]
            for peer_name, peer in zip(
                ["pyzbar", f"OpenCV {opencv_version or ''} QRCodeDetector".replace("  ", " ")],
                peers, strict=True,
            ):
                rows.append(_row(condition, per_condition, ours, peer_name, peer))
    finally:
        if opencv is not None:
            opencv.close()
    return rows


def _row(condition: str, frames: int, ours: Outcome, peer_name: str, peer: Outcome | None) -> Row:
    what = "left empty" if condition == "no_code" else "decoded"
    notes = f"{what}: ours {ours.rate(frames):.0f}%"
    extra: dict[str, float | str] = {"frames": frames, "ours_rate_pct": ours.rate(frames)}
    peer_median = None
    if peer is None:
        notes += f", {peer_name} not installed (pip install -e '.[bench]')"
    else:
        notes += f", peer {peer.rate(frames):.0f}%"
        extra["peer_rate_pct"] = peer.rate(frames)
        extra["peer_failures"] = peer.failures
        if peer.failures:
            notes += f"; peer crashed or hung on {peer.failures} frames"
        peer_median = median(peer.times_ms) if peer.times_ms else None
    return Row(
        bench="decode", case=f"1280x720 {condition.replace('_', ' ')}", unit="ms",
        ours=median(ours.times_ms), peer_name=peer_name, peer=peer_median, goal=GOAL,
        notes=notes, extra=extra,
    )

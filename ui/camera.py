"""The kiosk camera: live preview with a guide frame, QR codes decoded off the GUI thread.

    QCamera -> QMediaCaptureSession -> QVideoSink --videoFrameChanged--> CameraScanner
        |- the newest frame is kept for the preview (CameraView paints it, with the guide frame)
        '- if the decoder is idle, the frame goes to FrameDecoder on its own QThread, which turns
           it into a numpy array and runs kiosk.decode.decode_frame (half size, as measured in
           bench/bench_decode.py); while it is busy, new frames are dropped, never queued.

Tests and benchmarks feed synthetic frames through the same path: ``feed_frame`` pushes a
QVideoFrame into the very QVideoSink the camera fills (``frame_from_array`` makes one from the
numpy frames of bench/frames.py).

A code held in front of the camera is seen in frame after frame: it is reported once, and again
only after it has been out of sight for ``HOLD_SECONDS`` (so a guest who keeps holding the phone
is not told "already checked in" a moment after "welcome").

No camera, or no multimedia libraries (QtMultimedia needs libpulse on Linux): ``unavailable`` is
emitted once with the reason, and the scanner keeps working.

Signals (CameraScanner):
    code_found(str, float): a payload, and the perf_counter() second its frame arrived.
    unavailable(str): why there is no camera preview (said once).
    frame_shown(): a new frame is there for the preview.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QThread, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from PySide6.QtMultimedia import QVideoFrame, QVideoSink

# numpy and kiosk.decode (zxing-cpp, Pillow) are imported where frames are handled, on the
# decoder thread, not at start: the kiosk is ready to scan by handheld scanner sooner.

log = logging.getLogger("ui.camera")

HOLD_SECONDS = 4.0
DOWNSCALE = 2  # kiosk.decode's measured default for 720p frames


def multimedia_problem() -> str | None:
    """Why QtMultimedia cannot be used here, or None when it can."""
    try:
        from PySide6 import QtMultimedia  # noqa: F401
    except ImportError as error:  # e.g. libpulse.so.0 missing
        return str(error)
    return None


def frame_from_array(pixels: NDArray[np.uint8]) -> QVideoFrame:
    """A QVideoFrame holding an RGB (height x width x 3) or grey frame, as a camera would give."""
    import numpy as np
    from PySide6.QtMultimedia import QVideoFrame

    pixels = np.ascontiguousarray(pixels)
    height, width = pixels.shape[:2]
    if pixels.ndim == 2:
        image = QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8)
    else:
        image = QImage(pixels.data, width, height, width * 3, QImage.Format.Format_RGB888)
    return QVideoFrame(image.copy())  # the copy owns its pixels; the array may go


def image_to_array(image: QImage) -> tuple[NDArray[np.uint8], str]:
    """The pixels of a QImage as a numpy view (no copy) and their channel order for decode_frame.

    The image must stay alive while the array is used.
    """
    import numpy as np

    if image.format() not in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32,
                              QImage.Format.Format_Grayscale8, QImage.Format.Format_RGB888):
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = buffer.reshape(height, stride)
    if image.format() == QImage.Format.Format_Grayscale8:
        return rows[:, :width], "RGB"
    if image.format() == QImage.Format.Format_RGB888:
        return rows[:, : width * 3].reshape(height, width, 3), "RGB"
    # 0xAARRGGBB words, little-endian in memory: B, G, R, A.
    return rows[:, : width * 4].reshape(height, width, 4), "BGR"


@dataclass(frozen=True, slots=True)
class Decoded:
    texts: tuple[str, ...]
    arrived: float  # perf_counter() second the frame reached the GUI thread
    seconds: float  # decoding time


class FrameDecoder(QObject):
    """Decodes one frame at a time on its own thread.

    Signals:
        decoded(object): a Decoded (payloads found, frame arrival second, decode seconds).
    """

    decoded = Signal(object)

    def __init__(self, downscale: int = DOWNSCALE) -> None:
        super().__init__()
        self.downscale = downscale

    @Slot()
    def warm_up(self) -> None:
        """Import the decoder here, on its thread, as the camera starts (not at the kiosk's
        start, and not on the first frame)."""
        import kiosk.decode  # noqa: F401

    @Slot(object)
    def decode(self, job: Any) -> None:
        frame, arrived = job
        started = time.perf_counter()
        texts: list[str] = []
        try:
            image = frame.toImage() if not isinstance(frame, QImage) else frame
            if not image.isNull():
                pixels, order = image_to_array(image)
                from kiosk.decode import decode_frame

                texts = decode_frame(pixels, self.downscale, channel_order=order)  # type: ignore[arg-type]
        except Exception:  # a bad frame must not stop the camera; it is a bug, logged
            log.exception("decoding a camera frame failed")
        self.decoded.emit(Decoded(tuple(texts), arrived, time.perf_counter() - started))


class CameraScanner(QObject):
    """The camera (when there is one), the frames it gives and the codes found in them.

    Signals:
        code_found(str, float): a payload, and the perf_counter() second its frame arrived.
        unavailable(str): why there is no camera (emitted once).
        frame_shown(): a new preview frame is there.
        started(str): the camera's description, once it runs.
    """

    code_found = Signal(str, float)
    unavailable = Signal(str)
    frame_shown = Signal()
    started = Signal(str)
    _to_decoder = Signal(object)
    _warm_decoder = Signal()

    def __init__(self, parent: QObject | None = None, *, downscale: int = DOWNSCALE) -> None:
        super().__init__(parent)
        self.sink: QVideoSink | None = None
        self.latest: QVideoFrame | None = None
        self.frames_seen = 0
        self.frames_decoded = 0
        self.frames_dropped = 0
        self.decode_seconds: list[float] = []
        self._busy = False
        self._camera: Any = None
        self._session: Any = None
        self._said_unavailable = False
        self._last_seen: dict[str, float] = {}
        problem = multimedia_problem()
        if problem is None:
            from PySide6.QtMultimedia import QVideoSink

            self.sink = QVideoSink(self)
            self.sink.videoFrameChanged.connect(self._on_frame)
        self._problem = problem
        self._thread = QThread(self)
        self._thread.setObjectName("camera-decoder")
        self._decoder = FrameDecoder(downscale)
        self._decoder.moveToThread(self._thread)
        self._to_decoder.connect(self._decoder.decode)
        self._warm_decoder.connect(self._decoder.warm_up)
        self._decoder.decoded.connect(self._on_decoded)
        self._thread.finished.connect(self._decoder.deleteLater)
        self._thread.start()

    @property
    def has_multimedia(self) -> bool:
        return self.sink is not None

    @property
    def is_running(self) -> bool:
        return self._camera is not None and bool(self._camera.isActive())

    @staticmethod
    def cameras() -> list[tuple[str, str]]:
        """(id, description) of each camera on this machine; empty without multimedia."""
        if multimedia_problem() is not None:
            return []
        from PySide6.QtMultimedia import QMediaDevices

        return [(bytes(d.id().data()).decode("utf-8", "replace"), d.description())
                for d in QMediaDevices.videoInputs()]

    def start(self, camera_id: str | None = None) -> bool:
        """Start the chosen camera (or the default one); False, and ``unavailable``, if none."""
        if self.sink is None:
            self._say_unavailable(self.tr("The camera cannot be used on this computer "
                                           "(multimedia libraries are missing). "
                                           "Please use the handheld scanner."))
            log.warning("no QtMultimedia: %s", self._problem)
            return False
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices

        inputs = QMediaDevices.videoInputs()
        if not inputs:
            self._say_unavailable(self.tr("No camera found. Please use the handheld scanner."))
            return False
        chosen = next((d for d in inputs
                       if bytes(d.id().data()).decode("utf-8", "replace") == camera_id), None)
        device = chosen or QMediaDevices.defaultVideoInput()
        self.stop()
        self._camera = QCamera(device, self)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self.sink)
        self._camera.start()
        self._warm_decoder.emit()
        self.started.emit(device.description())
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._camera = None
        if self._session is not None:
            self._session.deleteLater()
            self._session = None

    def shutdown(self) -> None:
        """Stop the camera and the decoder thread (before the application quits)."""
        self.stop()
        self._thread.quit()
        self._thread.wait(5000)

    def feed_frame(self, frame: QVideoFrame) -> None:
        """Push a frame into the camera's own sink, as the camera would (tests, benchmarks)."""
        if self.sink is None:
            raise RuntimeError(f"no QtMultimedia here: {self._problem}")
        self.sink.setVideoFrame(frame)

    def preview_image(self) -> QImage | None:
        """The newest frame as an image, for painting."""
        if self.latest is None or not self.latest.isValid():
            return None
        return self.latest.toImage()

    @Slot(object)
    def _on_frame(self, frame: QVideoFrame) -> None:
        arrived = time.perf_counter()
        self.frames_seen += 1
        self.latest = frame
        self.frame_shown.emit()
        if self._busy:
            self.frames_dropped += 1
            return
        self._busy = True
        self._to_decoder.emit((frame, arrived))

    @Slot(object)
    def _on_decoded(self, decoded: Decoded) -> None:
        texts, arrived, seconds = decoded.texts, decoded.arrived, decoded.seconds
        self._busy = False
        self.frames_decoded += 1
        self.decode_seconds.append(seconds)
        now = time.perf_counter()
        for text in texts:
            last = self._last_seen.get(text)
            self._last_seen[text] = now
            if last is None or now - last > HOLD_SECONDS:
                self.code_found.emit(text, arrived)
        if len(self._last_seen) > 64:  # forget codes long out of sight
            self._last_seen = {t: s for t, s in self._last_seen.items()
                               if now - s <= HOLD_SECONDS}

    def forget_codes(self) -> None:
        """Treat every code as new again (a test or a staff reset)."""
        self._last_seen.clear()

    @Slot(object, str)
    def _on_camera_error(self, error: object, text: str) -> None:
        log.warning("camera error %s: %s", error, text)
        self._say_unavailable(self.tr("The camera stopped working. "
                                       "Please use the handheld scanner."))

    def _say_unavailable(self, message: str) -> None:
        if self._said_unavailable:
            return
        self._said_unavailable = True
        self.unavailable.emit(message)


class CameraView(QWidget):
    """The live preview, mirrored like a mirror, with a square guide frame in the middle."""

    def __init__(self, camera: CameraScanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.camera = camera
        self.guide_colour = QColor("#ffd200")
        self.setMinimumSize(320, 240)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        camera.frame_shown.connect(self.update)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1b1b1b"))
        image = self.camera.preview_image() if self.isVisible() else None
        if image is not None:
            scaled = image.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.FastTransformation)
            scaled = scaled.mirrored(True, False)  # people expect a mirror
            x = (self.width() - scaled.width()) // 2
            y = (self.height() - scaled.height()) // 2
            painter.drawImage(x, y, scaled)
        self._paint_guide(painter)
        painter.end()

    def _paint_guide(self, painter: QPainter) -> None:
        side = min(self.width(), self.height()) * 0.6
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        corner = side * 0.18
        pen = QPen(self.guide_colour, max(4.0, side / 40))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        path = QPainterPath()
        for cx, cy, dx, dy in ((box.left(), box.top(), 1, 1), (box.right(), box.top(), -1, 1),
                               (box.right(), box.bottom(), -1, -1),
                               (box.left(), box.bottom(), 1, -1)):
            path.moveTo(QPointF(cx + dx * corner, cy))
            path.lineTo(QPointF(cx, cy))
            path.lineTo(QPointF(cx, cy + dy * corner))
        painter.drawPath(path)

"""QR payloads out of image files and camera frames, with zxing-cpp.

A camera frame is read at half resolution by default: a guest's code fills 150 pixels or more of a
720p frame, so every second pixel of every second row still gives the decoder 2 or more pixels a
module, and the frame costs a quarter of the work. The half-size image is a strided view of the
frame (no copy); zxing-cpp turns colour into grey as it reads. On our synthetic camera frames
(bench/bench_decode.py) this decodes as many codes as a 2x2 box average at a third of the cost.
Files (photographs of badges, scanned invitations) are read at full size with every effort.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
import zxingcpp
from numpy.typing import NDArray
from PIL import Image, UnidentifiedImageError

from kiosk.errors import InputFileError

QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)

_COLOUR_FORMATS = {
    ("RGB", 3): zxingcpp.ImageFormat.RGB,
    ("BGR", 3): zxingcpp.ImageFormat.BGR,
    ("RGB", 4): zxingcpp.ImageFormat.RGBA,
    ("BGR", 4): zxingcpp.ImageFormat.BGRA,
}


def _texts(barcodes: list[zxingcpp.Barcode]) -> list[str]:
    """Payload texts in the order found, each once (two copies of a badge are one code)."""
    return list(dict.fromkeys(barcode.text for barcode in barcodes))


def decode_image(path: Path | str) -> list[str]:
    """Every QR payload in an image file (PNG, JPEG, ...); InputFileError if it cannot be read."""
    source = Path(path)
    try:
        with Image.open(source) as image:
            image.load()
            gray = image.convert("L")
    except FileNotFoundError as error:
        raise InputFileError("no such file", where=str(source)) from error
    except IsADirectoryError as error:
        raise InputFileError("is a folder, not an image file", where=str(source)) from error
    except UnidentifiedImageError as error:
        raise InputFileError(
            "not an image file that can be read", where=str(source),
            hint="give a PNG, JPEG, BMP, GIF, TIFF or WebP picture",
        ) from error
    except Image.DecompressionBombError as error:
        raise InputFileError("the image is too large to read safely", where=str(source)) from error
    except OSError as error:  # unreadable, or an image file that is cut short or damaged
        reason = error.strerror or str(error) or type(error).__name__
        raise InputFileError(f"cannot read the image: {reason}", where=str(source)) from error
    return _texts(zxingcpp.read_barcodes(gray, formats=QR_ONLY))


def _view(
    pixels: NDArray[np.uint8], colour: zxingcpp.ImageFormat | None, step: int
) -> object:
    """Every step-th pixel of every step-th row, without copying: a grey array is sliced, a
    colour one (C-contiguous) is described to zxing-cpp, which turns it grey as it reads."""
    if colour is None:
        return pixels[::step, ::step]
    channels = pixels.shape[2]
    return zxingcpp.ImageView(
        pixels, pixels.shape[1] // step, pixels.shape[0] // step, colour,
        row_stride=pixels.strides[0] * step, pix_stride=channels * step,
    )


def _read(view: object) -> list[zxingcpp.Barcode]:
    return zxingcpp.read_barcodes(
        view, formats=QR_ONLY, try_rotate=False, try_downscale=False, return_errors=True
    )


def _around(
    barcode: zxingcpp.Barcode, scale: int, height: int, width: int
) -> tuple[slice, slice]:
    """The full-size rows and columns of a symbol found at 1/scale, with a quarter of its size
    around it for the quiet zone and for corners the detector placed a little off."""
    corners = barcode.position
    points = [corners.top_left, corners.top_right, corners.bottom_right, corners.bottom_left]
    xs, ys = [p.x * scale for p in points], [p.y * scale for p in points]
    margin = max(max(xs) - min(xs), max(ys) - min(ys)) // 4 + 2 * scale
    return (
        slice(max(0, min(ys) - margin), min(height, max(ys) + margin + 1)),
        slice(max(0, min(xs) - margin), min(width, max(xs) + margin + 1)),
    )


def decode_frame(
    frame: NDArray[np.uint8] | Image.Image,
    downscale: int = 2,
    *,
    channel_order: Literal["RGB", "BGR"] = "RGB",
) -> list[str]:
    """Every QR payload in a camera frame, read at 1/downscale of its size in each direction.

    frame: a Pillow image, or a uint8 array of height x width (grey), or height x width x 3/4
    channels in channel_order (RGB as Qt and Pillow give it, BGR as OpenCV does, alpha last).
    A symbol that is found at the reduced size but cannot be read there (a small code: its
    modules are under two pixels) is read again at full size, in its own region of the frame.
    """
    if downscale < 1:
        raise ValueError(f"downscale must be 1 or more, not {downscale}")
    if isinstance(frame, Image.Image):
        frame = np.asarray(frame if frame.mode == "L" else frame.convert("L"), dtype=np.uint8)
    if frame.dtype != np.uint8:
        raise ValueError(f"a camera frame must hold uint8 pixels, not {frame.dtype}")
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    colour: zxingcpp.ImageFormat | None = None
    if frame.ndim == 3 and (channel_order, frame.shape[2]) in _COLOUR_FORMATS:
        pixels, colour = np.ascontiguousarray(frame), _COLOUR_FORMATS[channel_order, frame.shape[2]]
    elif frame.ndim == 2:
        pixels = frame
    else:
        raise ValueError(f"a camera frame must be grey, RGB(A) or BGR(A), not shape {frame.shape}")
    if pixels.shape[0] < downscale or pixels.shape[1] < downscale:
        return []
    found = _read(_view(pixels, colour, downscale))
    texts = _texts([barcode for barcode in found if barcode.valid])
    if texts or downscale == 1:
        return texts
    for located in found:  # found only when none was read
        rows, columns = _around(located, downscale, pixels.shape[0], pixels.shape[1])
        region = np.ascontiguousarray(pixels[rows, columns])
        texts.extend(_texts([b for b in _read(_view(region, colour, 1)) if b.valid]))
    return list(dict.fromkeys(texts))

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


def decode_frame(
    frame: NDArray[np.uint8] | Image.Image,
    downscale: int = 2,
    *,
    channel_order: Literal["RGB", "BGR"] = "RGB",
) -> list[str]:
    """Every QR payload in a camera frame, read at 1/downscale of its size in each direction.

    frame: a Pillow image, or a uint8 array of height x width (grey), or height x width x 3/4
    channels in channel_order (RGB as Qt and Pillow give it, BGR as OpenCV does, alpha last).
    """
    if downscale < 1:
        raise ValueError(f"downscale must be 1 or more, not {downscale}")
    if isinstance(frame, Image.Image):
        frame = np.asarray(frame if frame.mode == "L" else frame.convert("L"), dtype=np.uint8)
    if frame.dtype != np.uint8:
        raise ValueError(f"a camera frame must hold uint8 pixels, not {frame.dtype}")
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    height, width = frame.shape[0] // downscale, frame.shape[1] // downscale
    if height == 0 or width == 0:
        return []
    if frame.ndim == 2:
        view: object = frame[::downscale, ::downscale]
    elif frame.ndim == 3 and (channel_order, frame.shape[2]) in _COLOUR_FORMATS:
        pixels = np.ascontiguousarray(frame)
        channels = pixels.shape[2]
        view = zxingcpp.ImageView(
            pixels, width, height, _COLOUR_FORMATS[channel_order, channels],
            row_stride=pixels.strides[0] * downscale, pix_stride=channels * downscale,
        )
    else:
        raise ValueError(f"a camera frame must be grey, RGB(A) or BGR(A), not shape {frame.shape}")
    barcodes = zxingcpp.read_barcodes(
        view, formats=QR_ONLY, try_rotate=False, try_downscale=False
    )
    return _texts(barcodes)

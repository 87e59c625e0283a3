"""The QR symbol of a credential: its module matrix for vector drawing, or a PNG file.

Our credentials are 100 characters of QR's alphanumeric set (kiosk.tokens), which segno encodes
in alphanumeric mode (5.5 bits a character instead of 8 in byte mode): version 5, 37x37 modules.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import segno
import zxingcpp

from kiosk.errors import InputFileError, UsageError

# Level M restores up to 15% of damaged codewords and keeps our 100 characters in version 5
# (37x37 modules; M holds 122 alphanumeric characters there). Level Q would need version 6
# (41x41), so each module of a badge-sized or phone-screen code would be 10% smaller and harder
# for a 720p camera at arm's length; level L (7%) gives too little margin for glare on a phone
# screen, a fold in a print-out or a badge's plastic sleeve.
ERROR_LEVEL = "M"


def make_qr(text: str) -> segno.QRCode:
    """The QR symbol for a text: a full-size QR code (never Micro QR) at level M, exactly."""
    if not text:
        raise UsageError("cannot make a QR code of an empty text")
    # boost_error=False: the level stays M as documented, whatever room the version has left.
    return segno.make(text, error=ERROR_LEVEL, micro=False, boost_error=False)


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules row by row, True for dark; no quiet zone (the renderer adds its own)."""
    return [[bool(module) for module in row] for row in make_qr(text).matrix]


def qr_modules(text: str) -> list[list[bool]]:
    """The same symbol kind as qr_matrix (full QR, level M, smallest version), made by zxing-cpp's
    C++ encoder: about 20 times faster than segno's pure-Python mask search, for badge batches.

    The mask pattern may differ from segno's choice (any of the eight is a valid symbol of the
    same text); the modules come without a quiet zone.
    """
    if not text:
        raise UsageError("cannot make a QR code of an empty text")
    symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
    pixels = np.asarray(symbol.to_image(scale=1, add_quiet_zones=False))
    return (pixels < 128).tolist()  # type: ignore[no-any-return]


def write_qr_png(text: str, path: Path | str, scale: int, border: int = 4) -> Path:
    """Write the QR code of a text as a black-on-white PNG; scale is pixels per module."""
    if scale < 1:
        raise UsageError(f"the QR scale must be at least 1 pixel a module, not {scale}")
    if border < 0:
        raise UsageError(f"the quiet zone cannot be negative ({border} modules)")
    target = Path(path)
    try:
        make_qr(text).save(str(target), kind="png", scale=scale, border=border)
    except OSError as error:
        raise InputFileError(
            f"cannot write the QR image: {error.strerror or error}", where=str(target)
        ) from error
    return target

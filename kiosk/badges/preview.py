"""A badge PDF's page as a PNG, for the window's preview: the very PDF that will print."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

from kiosk.errors import UsageError


def preview_png(
    pdf: bytes, *, page: int = 0, dpi: float = 150.0, compress_level: int = 6
) -> bytes:
    """PNG bytes of one page of a PDF rendered at `dpi` (callable from any worker thread);
    `compress_level` 1 trades a larger PNG for a quicker one (a preview shown at once)."""
    if dpi <= 0:
        raise UsageError(f"a preview needs a positive resolution, not {dpi:g} dpi")
    document = pdfium.PdfDocument(pdf)
    try:
        if not 0 <= page < len(document):
            raise UsageError(f"the PDF has {len(document)} page(s); there is no page {page + 1}")
        sheet = document[page]
        try:
            image = sheet.render(scale=dpi / 72.0).to_pil()
        finally:
            sheet.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=compress_level)
    return buffer.getvalue()

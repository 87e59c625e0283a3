"""Badges to PDF with reportlab: fonts embedded as subsets, shaped text, the QR as vector.

``render_badges`` draws one badge per page, or several per sheet with crop marks, and returns
the PDF bytes with a record of every text drawn (its box, size and lines) so callers and tests
can check what was placed where. It runs on any thread; each call has its own canvas.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from fontTools.pens.basePen import BasePen
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from kiosk import events
from kiosk.badges.fonts import FontSet, font_set
from kiosk.badges.templates import MM, Box, Element, Template
from kiosk.badges.text import FittedText, Glyph, fit_text
from kiosk.iso_names import badge_country
from kiosk.models import Event, Guest
from kiosk.qr import qr_modules

log = logging.getLogger("kiosk.badges")

# Binary (zlib only) streams, not ASCII85 on top: reportlab's pure-Python ASCII85 encoder was
# the largest single cost of a badge batch, and it makes every PDF a quarter larger. Binary PDF
# streams are what every printer and viewer reads.
rl_config.useA85 = 0

BAND_PADDING = 1.5 * MM
CROP_MARK_LENGTH = 5 * MM
CROP_MARK_OFFSET = 2 * MM


@dataclass(frozen=True, slots=True)
class BadgeData:
    """What a badge shows, taken from the guest and the event (no database needed to draw)."""

    name: str
    name_latin: str | None
    company: str | None
    country: str | None
    title: str | None
    category: str
    guest_number: int
    credential: str
    language: str | None
    event_name: str
    event_name_local: str | None
    event_dates: str

    def value(self, key: str, category_label: str) -> str | None:
        if key == "category_label":
            return category_label
        if key == "guest_number":
            return f"No. {self.guest_number}"
        if key == "name_latin":
            return self.name_latin if self.name_latin and _differs(self.name_latin,
                                                                    self.name) else None
        text = getattr(self, key)
        return str(text) if text else None


def _differs(latin: str, name: str) -> bool:
    def plain(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in decomposed if c.isalnum())
    return plain(latin) != plain(name)


def event_dates(starts_on: dt.date, ends_on: dt.date) -> str:
    """'7–11 December 2026', '30 November – 2 December 2026', one day as '7 December 2026'."""
    if starts_on == ends_on:
        return f"{starts_on.day} {starts_on:%B %Y}"
    if (starts_on.year, starts_on.month) == (ends_on.year, ends_on.month):
        return f"{starts_on.day}–{ends_on.day} {ends_on:%B %Y}"
    if starts_on.year == ends_on.year:
        return f"{starts_on.day} {starts_on:%B} – {ends_on.day} {ends_on:%B %Y}"
    return f"{starts_on.day} {starts_on:%B %Y} – {ends_on.day} {ends_on:%B %Y}"


def badge_data(event: Event, guest: Guest, credential: str | None = None) -> BadgeData:
    """A guest's badge contents; the credential is issued here unless given."""
    return BadgeData(
        name=guest.name, name_latin=guest.name_latin, company=guest.company,
        country=badge_country(guest.country), title=guest.title, category=guest.category,
        guest_number=guest.number,
        credential=credential if credential is not None else events.credential_for(event, guest),
        language=guest.language, event_name=event.name, event_name_local=event.name_local,
        event_dates=event_dates(event.starts_on, event.ends_on),
    )


@dataclass(frozen=True, slots=True)
class DrawnText:
    """One text as drawn: page index, the element's value, its box in PDF points (bottom-left
    origin) and the fitted lines."""

    page: int
    value: str
    text: str
    box: tuple[float, float, float, float]  # x, y, width, height
    fitted: FittedText


@dataclass(frozen=True, slots=True)
class QrDrawn:
    page: int
    credential: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class RenderedBadges:
    pdf: bytes
    pages: int
    texts: tuple[DrawnText, ...]
    codes: tuple[QrDrawn, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """Characters no bundled font could draw (each shown as an empty box)."""
        return tuple(c for t in self.texts for c in t.fitted.missing)


def render_badges(
    template: Template, badges: Sequence[BadgeData], *, fonts: FontSet | None = None,
    title: str = "Badges",
) -> RenderedBadges:
    """The PDF of all badges: one a page, or template.sheet's grid a page."""
    fonts = fonts or font_set()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=template.page_size, pageCompression=1, invariant=1)
    canvas.setTitle(title)
    canvas.setCreator("kiosk")
    drawing = _Drawing(canvas, template, fonts)
    per_page = template.sheet.per_page if template.sheet else 1
    for start in range(0, max(len(badges), 1), per_page):
        chunk = badges[start:start + per_page]
        for slot, badge in enumerate(chunk):
            x, y_top = _slot_origin(template, slot)
            drawing.badge(badge, x, y_top)
        if template.sheet is not None and template.sheet.crop_marks:
            _crop_marks(canvas, template)
        canvas.showPage()
        drawing.page += 1
    canvas.save()
    result = RenderedBadges(buffer.getvalue(), drawing.page, tuple(drawing.texts),
                            tuple(drawing.codes))
    if result.missing:
        log.warning("no bundled font draws %s", " ".join(f"U+{ord(c):04X}" for c in
                                                       sorted(set(result.missing))))
    return result


def _grid_origin(template: Template) -> tuple[float, float]:
    sheet = template.sheet
    assert sheet is not None
    grid_w = sheet.columns * template.width + (sheet.columns - 1) * sheet.gap
    grid_h = sheet.rows * template.height + (sheet.rows - 1) * sheet.gap
    return (sheet.width - grid_w) / 2, (sheet.height - grid_h) / 2


def _slot_origin(template: Template, slot: int) -> tuple[float, float]:
    """Top-left corner of a badge slot, in points from the page's top-left."""
    if template.sheet is None:
        return 0.0, 0.0
    left, top = _grid_origin(template)
    row, column = divmod(slot, template.sheet.columns)
    return (left + column * (template.width + template.sheet.gap),
            top + row * (template.height + template.sheet.gap))


def _crop_marks(canvas: Canvas, template: Template) -> None:
    sheet = template.sheet
    assert sheet is not None
    left, top = _grid_origin(template)
    page_h = sheet.height
    xs = sorted({left + c * (template.width + sheet.gap) + edge
                 for c in range(sheet.columns) for edge in (0.0, template.width)})
    ys = sorted({top + r * (template.height + sheet.gap) + edge
                 for r in range(sheet.rows) for edge in (0.0, template.height)})
    right = left + sheet.columns * template.width + (sheet.columns - 1) * sheet.gap
    bottom = top + sheet.rows * template.height + (sheet.rows - 1) * sheet.gap
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(HexColor("#000000"))
    for x in xs:
        canvas.line(x, page_h - (top - CROP_MARK_OFFSET), x,
                    page_h - (top - CROP_MARK_OFFSET - CROP_MARK_LENGTH))
        canvas.line(x, page_h - (bottom + CROP_MARK_OFFSET), x,
                    page_h - (bottom + CROP_MARK_OFFSET + CROP_MARK_LENGTH))
    for y in ys:
        canvas.line(left - CROP_MARK_OFFSET, page_h - y,
                    left - CROP_MARK_OFFSET - CROP_MARK_LENGTH, page_h - y)
        canvas.line(right + CROP_MARK_OFFSET, page_h - y,
                    right + CROP_MARK_OFFSET + CROP_MARK_LENGTH, page_h - y)


class _Drawing:
    """Draws badges on one canvas, remembering what went where."""

    def __init__(self, canvas: Canvas, template: Template, fonts: FontSet) -> None:
        self.canvas = canvas
        self.template = template
        self.fonts = fonts
        self.page = 0
        self.texts: list[DrawnText] = []
        self.codes: list[QrDrawn] = []
        self.page_height = template.page_size[1]

    def _pdf_box(self, box: Box, x: float, y_top: float) -> tuple[float, float, float, float]:
        return (x + box.x, self.page_height - (y_top + box.y + box.height), box.width, box.height)

    def badge(self, badge: BadgeData, x: float, y_top: float) -> None:
        style = self.template.category(badge.category)
        label = f"{style.label} · {style.label_local}" if style.label_local else style.label
        for element in self.template.elements:
            box = self._pdf_box(element.box, x, y_top)
            if element.kind == "rect":
                self._rect(box, element.fill or "#FFFFFF")
            elif element.kind == "band":
                self._rect(box, style.color)
                inner = (box[0] + BAND_PADDING, box[1] + box[3] * 0.12,
                         box[2] - 2 * BAND_PADDING, box[3] * 0.76)
                self._text(element, "category_label", label, inner, style.text_color, None)
            elif element.kind == "qr":
                self._qr(badge.credential, box, element.quiet_zone)
            else:
                value = element.value or "text"
                text = element.text if element.text is not None else badge.value(value, label)
                if text:
                    self._text(element, value, text, box, element.color, badge.language)

    def _rect(self, box: tuple[float, float, float, float], colour: str) -> None:
        self.canvas.setFillColor(HexColor(colour))
        self.canvas.rect(*box, stroke=0, fill=1)

    def _qr(self, credential: str, box: tuple[float, float, float, float], quiet: int) -> None:
        """The symbol from its module matrix: one rectangle per run of dark modules in a row,
        in module units (integers) under one transformation."""
        matrix = np.array(qr_modules(credential), dtype=np.int8)
        count = len(matrix)
        module = box[2] / (count + 2 * quiet)
        self._rect(box, "#FFFFFF")  # the quiet zone, whatever is behind the box
        left = box[0] + quiet * module
        bottom = box[1] + quiet * module
        edges = np.diff(np.pad(matrix, ((0, 0), (1, 1))), axis=1)
        rows, starts = np.nonzero(edges == 1)
        _rows, ends = np.nonzero(edges == -1)
        parts = [f"{start} {count - 1 - row} {end - start} 1 re"
                 for row, start, end in zip(rows.tolist(), starts.tolist(), ends.tolist(),
                                            strict=True)]
        self.canvas.setFillColor(HexColor("#000000"))
        self.canvas.addLiteral(f"q {module:.5f} 0 0 {module:.5f} {left:.4f} {bottom:.4f} cm\n"
                               + "\n".join(parts) + "\nf Q")
        self.codes.append(QrDrawn(self.page, credential, box))

    def _text(self, element: Element, value: str, text: str,
              box: tuple[float, float, float, float], colour: str, language: str | None) -> None:
        fitted = fit_text(
            self.fonts, text, box[2], box[3], weight=element.font, max_size=element.size,
            min_size=element.min_size, max_lines=element.max_lines, align=element.align,
            language=language,
        )
        self.texts.append(DrawnText(self.page, value, text, box, fitted))
        if not fitted.lines:
            return
        self.canvas.setFillColor(HexColor(colour))
        self.canvas.addLiteral(_text_operators(self.canvas._doc, fitted, box))


def _text_operators(doc: object, fitted: FittedText, box: tuple[float, float, float, float]) -> str:
    """PDF text operators for fitted lines: glyphs left to right, one TJ per font subset.

    Each run starts at its exact position (Tm); inside a run, TJ adjustments move each glyph
    from where the font's own advance would put it to where HarfBuzz placed it, and a mark
    raised or lowered by the shaper gets its own Ts. This is how PDF viewers expect shaped text,
    so copying and searching give the name back.
    """
    size = fitted.size
    ops: list[str] = []
    for line, (ox, oy) in zip(fitted.lines, fitted.origins, strict=True):
        ops.append("BT")
        current_font = None
        items: list[str] = []
        pen: float | None = None  # where the next glyph lands if no adjustment is made
        rise = 0.0

        def flush(items: list[str] = items) -> None:
            if items:
                ops.append(f"[{' '.join(items)}] TJ")
                items.clear()

        outlines: list[str] = []
        for glyph in line.glyphs:
            if not glyph.is_text:
                outlines.append(_outline(glyph, box[0] + ox + glyph.x * size,
                                         box[1] + oy + glyph.y * size, size))
                continue
            font = glyph.face.pdf
            subset, chars = font.splitString(chr(glyph.code), doc)[0]
            font_name = font.getSubsetInternalName(subset, doc)
            code = chars[0] if isinstance(chars, bytes | bytearray) else ord(chars[0])
            x = box[0] + ox + glyph.x * size
            y_rise = glyph.y * size
            if font_name != current_font or pen is None:
                flush()
                if font_name != current_font:
                    ops.append(f"{font_name} {size:.3f} Tf")
                    current_font = font_name
                ops.append(f"1 0 0 1 {x:.3f} {box[1] + oy:.3f} Tm")
                pen = x
            if abs(y_rise - rise) > 1e-3:
                flush()
                ops.append(f"{y_rise:.3f} Ts")
                rise = y_rise
            shift = (pen - x) * 1000.0 / size
            if abs(shift) > 0.05:
                items.append(f"{shift:.1f}")
            items.append(f"<{code:02X}>")
            pen = x + font.face.getCharWidth(glyph.code) * size / 1000.0
        flush()
        if rise:
            ops.append("0 Ts")
        ops.append("ET")
        if outlines:
            ops.append("\n".join(outlines) + "\nf")
    return "\n".join(ops)


class _PathPen(BasePen):  # type: ignore[misc]
    """Glyph outlines as PDF path operators, scaled and moved into place."""

    def __init__(self, scale: float, x: float, y: float) -> None:
        super().__init__(None)
        self.scale, self.x, self.y = scale, x, y
        self.parts: list[str] = []

    def _point(self, point: tuple[float, float]) -> str:
        return f"{self.x + point[0] * self.scale:.3f} {self.y + point[1] * self.scale:.3f}"

    def _moveTo(self, point: tuple[float, float]) -> None:
        self.parts.append(f"{self._point(point)} m")

    def _lineTo(self, point: tuple[float, float]) -> None:
        self.parts.append(f"{self._point(point)} l")

    def _curveToOne(self, p1: tuple[float, float], p2: tuple[float, float],
                    p3: tuple[float, float]) -> None:
        self.parts.append(f"{self._point(p1)} {self._point(p2)} {self._point(p3)} c")

    def _closePath(self) -> None:
        self.parts.append("h")


def _outline(glyph: Glyph, x: float, y: float, size: float) -> str:
    pen = _PathPen(size / glyph.face.units_per_em, x, y)
    glyph.face.shaper.draw_glyph_with_pen(glyph.glyph, pen)
    return "\n".join(pen.parts)

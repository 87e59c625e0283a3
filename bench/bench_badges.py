"""Badges: font registration, one badge to PDF bytes, a 1,000-badge batch, and the QR drawing.

Peer: WeasyPrint, the HTML+CSS to PDF route most teams would pick for badges, rendering the same
badges (same page size, boxes, bundled fonts, vector QR as inline SVG) in the same run, its
@font-face fonts loaded once into a kept FontConfiguration as ours are (font registration is timed
apart). It does not shrink names to fit (CSS cannot), so it does less work than ours; most of its
time goes into subsetting the fonts it embeds, which ours does too. The QR row compares our
vector drawing from the module matrix (zxing-cpp's encoder, kiosk.qr.qr_modules) with
reportlab's own QR widget.
"""

from __future__ import annotations

import html
import io
import logging
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from bench.harness import Row, median, time_calls
from kiosk import events
from kiosk.badges.fonts import FAMILIES, FONT_DIR, font_set
from kiosk.badges.render import BadgeData, badge_data, render_badges
from kiosk.badges.templates import Template, find_template
from kiosk.db import Database
from kiosk.demo import build_demo
from kiosk.models import Guest
from kiosk.qr import make_qr, qr_modules

SAMPLE_CREDENTIAL_GUEST = 1
ROOT = Path(__file__).resolve().parent.parent


def _demo_badges(count: int) -> list[BadgeData]:
    folder = Path(tempfile.mkdtemp(prefix="bench-badges-"))
    database = Database.open(folder)
    try:
        with database.session() as session:
            build_demo(session, guests=count, seed=1)
            event = events.current_event(session)
            guests = session.query(Guest).filter(Guest.event_id == event.id).order_by(
                Guest.number).limit(count).all()
            return [badge_data(event, guest) for guest in guests]
    finally:
        database.close()


def _weasy_html(template: Template, badges: list[BadgeData]) -> str:
    """The same badges as HTML+CSS: absolutely placed boxes, our fonts, SVG QR codes."""
    stack = ", ".join(f"k-{family}" for family, _stem in FAMILIES)
    css = f"""
    @page {{ size: {template.width:.2f}pt {template.height:.2f}pt; margin: 0; }}
    body {{ margin: 0; font-family: {stack}; }}
    .badge {{ position: relative; width: {template.width:.2f}pt; height: {template.height:.2f}pt;
              page-break-after: always; overflow: hidden; }}
    .box {{ position: absolute; overflow: hidden; line-height: 1.15; }}
    """
    pages = []
    for badge in badges:
        style = template.category(badge.category)
        label = f"{style.label} · {style.label_local}" if style.label_local else style.label
        parts = []
        for element in template.elements:
            box = element.box
            place = (f"left:{box.x:.2f}pt;top:{box.y:.2f}pt;width:{box.width:.2f}pt;"
                     f"height:{box.height:.2f}pt;")
            if element.kind == "qr":
                svg = make_qr(badge.credential).svg_inline(border=element.quiet_zone,
                                                           omitsize=True)
                parts.append(f'<div class="box" style="{place}">{svg}</div>')
            elif element.kind == "band":
                parts.append(
                    f'<div class="box" style="{place}background:{style.color};'
                    f'color:{style.text_color};font-weight:700;font-size:{element.size}pt;'
                    f'text-align:center">{html.escape(label)}</div>')
            elif element.kind == "text" and element.value:
                text = badge.value(element.value, label)
                if text:
                    weight = 700 if element.font == "bold" else 400
                    parts.append(
                        f'<div class="box" style="{place}font-size:{element.size}pt;'
                        f'font-weight:{weight};text-align:{element.align};color:{element.color}"'
                        f' dir="auto">{html.escape(text)}</div>')
        pages.append(f'<div class="badge">{"".join(parts)}</div>')
    return f"<html><head><style>{css}</style></head><body>{''.join(pages)}</body></html>"


class _WeasyFonts:
    """The bundled fonts as @font-face rules, loaded once and kept, as ours are (a fair peer
    does not reload a 48k-glyph CJK font for every badge)."""

    def __init__(self) -> None:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        faces = []
        for family, stem in FAMILIES:
            for weight, css_weight in (("Regular", 400), ("Bold", 700)):
                faces.append(f"@font-face {{ font-family: k-{family}; font-weight: {css_weight}; "
                             f"src: url('{(FONT_DIR / f'{stem}-{weight}.ttf').as_uri()}'); }}")
        self.config = FontConfiguration()
        self.sheet = weasyprint.CSS(string="\n".join(faces), font_config=self.config)


_WEASY_FONTS: list[_WeasyFonts] = []


def _weasyprint(template: Template, badges: list[BadgeData]) -> bytes:
    import weasyprint

    if not _WEASY_FONTS:
        _WEASY_FONTS.append(_WeasyFonts())
    fonts = _WEASY_FONTS[0]
    document = weasyprint.HTML(string=_weasy_html(template, badges))
    return document.write_pdf(  # type: ignore[no-any-return]
        stylesheets=[fonts.sheet], font_config=fonts.config)


def _qr_ours(credential: str) -> None:
    canvas = Canvas(io.BytesIO(), pagesize=(100, 100))
    matrix = qr_modules(credential)
    module = 80 / len(matrix)
    parts = []
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                parts.append(f"{10 + start * module:.3f} {90 - (r + 1) * module:.3f} "
                             f"{(c - start) * module:.3f} {module:.3f} re")
            else:
                c += 1
    canvas.addLiteral("\n".join(parts) + "\nf")
    canvas.showPage()
    canvas.save()


def _qr_reportlab(credential: str) -> None:
    canvas = Canvas(io.BytesIO(), pagesize=(100, 100))
    widget = QrCodeWidget(credential, barLevel="M", barWidth=80, barHeight=80)
    drawing = Drawing(100, 100)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, 10, 10)
    canvas.showPage()
    canvas.save()


_REGISTER = """
import sys, time
from kiosk.badges.fonts import FONT_DIR, _load_font_set
started = time.perf_counter()
_load_font_set(FONT_DIR)
print((time.perf_counter() - started) * 1000.0)
"""


def _font_registration_ms(runs: int) -> list[float]:
    """Registering the bundled fonts, each time in a fresh process as the app does once at
    start (repeated loads in this process would leave stale font objects behind that slow
    every later render)."""
    samples = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", _REGISTER], capture_output=True,
                                text=True, check=True, cwd=ROOT)
        samples.append(float(result.stdout.strip().splitlines()[-1]))
    return samples


def run(quick: bool) -> list[Row]:
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    batch_size = 200 if quick else 1_000
    peer_batch = 20 if quick else 100
    repeat = 20 if quick else 60

    load = _font_registration_ms(3 if quick else 7)
    fonts = font_set()
    badges = _demo_badges(batch_size)
    template = find_template("badge-4x3")
    latin = next(b for b in badges if b.name.isascii())
    chinese = next(b for b in badges if any("\u4e00" <= c <= "\u9fff" for c in b.name))
    rows = [Row("badges", "register the bundled fonts (12 faces, CJK 48k glyphs)", "ms",
                median(load), notes="once per process, at start")]
    for label, badge in (("Latin", latin), ("Chinese", chinese)):
        ours = time_calls(partial(render_badges, template, [badge], fonts=fonts), repeat)
        peer = time_calls(partial(_weasyprint, template, [badge]), max(5, repeat // 4))
        rows.append(Row("badges", f"one 4x3 badge to PDF bytes, {label} name ({badge.name})",
                        "ms", median(ours), "WeasyPrint (HTML+CSS)", median(peer),
                        goal="< 10 ms"))

    batch = render_badges(template, badges, fonts=fonts)
    batch_runs = time_calls(partial(render_badges, template, badges, fonts=fonts),
                            1 if quick else 3, warmup=0)
    ours_batch = median(batch_runs) / 1000  # seconds
    started = time.perf_counter()
    _weasyprint(template, badges[:peer_batch])
    peer_each = (time.perf_counter() - started) / peer_batch
    scripts = len({next((f.family for f in fonts.faces["bold"] if any(f.has(c) for c in
                                                                    b.name)), "?")
                   for b in badges})
    rows.append(Row(
        "badges", f"{batch_size:,}-badge batch of the demo event, one PDF", "ms/badge",
        ours_batch * 1000 / batch_size, "WeasyPrint (HTML+CSS)", peer_each * 1000,
        goal="1,000 in < 4 s", statistic="mean",
        extra={"batch_seconds": ours_batch, "badges_per_second": batch_size / ours_batch,
               "peer_badges_per_second": 1 / peer_each, "pdf_bytes": len(batch.pdf)},
        notes=f"{ours_batch:.2f} s in all (median of {len(batch_runs)}), "
              f"{batch_size / ours_batch:.0f} badges/s vs "
              f"{1 / peer_each:.0f} badges/s (peer timed on {peer_batch}); names in {scripts} "
              f"font families; {len(batch.pdf) / 1e6:.1f} MB"))

    credential = latin.credential
    ours_qr = time_calls(lambda: _qr_ours(credential), repeat)
    peer_qr = time_calls(lambda: _qr_reportlab(credential), max(5, repeat // 2))
    rows.append(Row("badges", "QR of a credential drawn into a PDF page", "ms", median(ours_qr),
                    "reportlab QrCodeWidget", median(peer_qr),
                    notes="ours: vector rectangles from zxing-cpp's module matrix (chosen)"))
    return rows

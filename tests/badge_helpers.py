"""Shared by the badge tests: guests in many scripts, and reading PDFs back with pdfium."""

from __future__ import annotations

import ctypes
import io
import os
import pwd
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from fontTools.ttLib import TTFont

from kiosk import events
from kiosk.db import Database
from kiosk.models import Event, Guest


@dataclass(frozen=True)
class Sample:
    script: str
    name: str
    name_latin: str | None
    company: str | None
    language: str | None


SAMPLES = (
    Sample("chinese", "欧阳娜娜", "Ouyang Nana", "中国科学院计算技术研究所", "zh"),
    Sample("japanese", "山田 直樹", "Yamada Naoki", "株式会社ソニーグループ", "ja"),
    Sample("korean", "김민준", "Kim Min-jun", "삼성전자 주식회사", "ko"),
    Sample("latin", "Zoë Ångström-Łukasiewicz", None, "Société Générale", "fr"),
    Sample("cyrillic", "Анна Сергеевна Каренина", "Anna Karenina", "Роскосмос", "ru"),
    Sample("greek", "Ιωάννης Παπαδόπουλος", "Ioannis Papadopoulos", "Πανεπιστήμιο Αθηνών", "el"),
    Sample("arabic", "محمد بن عبد الله", "Mohammed bin Abdullah", "جامعة الملك سعود", "ar"),
    Sample("hebrew", "שרה לוי", "Sarah Levi", "אוניברסיטת תל אביב", "he"),
    Sample("thai", "สมชาย ใจดี", "Somchai Jaidee", "จุฬาลงกรณ์มหาวิทยาลัย", "th"),
    Sample("devanagari", "श्रीनिवास रामानुजन", "Srinivasa Ramanujan", "भारतीय विज्ञान संस्थान",
           "hi"),
    Sample("mixed", "李娜 Li Na محمد", None, "Ali & 张伟 GmbH", None),
)


def add_guest(database: Database, event: Event, name: str, **fields: object) -> int:
    """A new guest of the event; returns the guest's number."""
    with database.session() as session:
        forum = session.get(Event, event.id)
        assert forum is not None
        number = events.allocate_guest_number(session, forum)
        fields.setdefault("category", "guest")
        session.add(Guest(event_id=forum.id, number=number, name=name, **fields))
    return number


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def render_page(pdf: bytes, index: int, dpi: int) -> np.ndarray:
    """A page as a greyscale array (0 black .. 255 white)."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        page.close()
        return np.asarray(image.convert("L"))
    finally:
        document.close()


@dataclass(frozen=True)
class EmbeddedFont:
    name: str
    is_embedded: bool
    data: bytes


def text_object_fonts(pdf: bytes) -> list[EmbeddedFont]:
    """Every text object's font on every page, with its embedded font program."""
    document = pdfium.PdfDocument(pdf)
    found = []
    try:
        for index in range(len(document)):
            page = document[index]
            for obj in page.get_objects():
                if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
                    continue
                font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
                size = ctypes.c_size_t()
                pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
                buffer = (ctypes.c_uint8 * size.value)()
                pdfium_c.FPDFFont_GetFontData(font, buffer, size.value, ctypes.byref(size))
                name_buffer = ctypes.create_string_buffer(256)
                pdfium_c.FPDFFont_GetBaseFontName(font, name_buffer, 256)
                found.append(EmbeddedFont(
                    name_buffer.value.decode("latin-1"),
                    bool(pdfium_c.FPDFFont_GetIsEmbedded(font)), bytes(buffer)))
            page.close()
    finally:
        document.close()
    return found


def empty_glyph_codes(font_program: bytes) -> list[int]:
    """Codes of an embedded subset that draw nothing: mapped to .notdef or to no outline.

    reportlab's subsets map each code used to the glyph it drew; a character missing from
    the font maps to glyph 0 (.notdef, the empty box)."""
    font = TTFont(io.BytesIO(font_program))
    cmap = font.getBestCmap() or {}
    order = font.getGlyphOrder()
    glyf = font["glyf"]
    empty = []
    for code, glyph_name in cmap.items():
        index = order.index(glyph_name)
        glyph = glyf[glyph_name]
        has_outline = glyph.numberOfContours != 0
        if index == 0 or (not has_outline and code not in (0x20, 0xA0, 0x3000)):
            empty.append(code)
    return empty


def cups_pdf_output() -> Path:
    """Where cups-pdf writes this user's jobs: the ``Out`` of /etc/cups/cups-pdf.conf, whose
    ${HOME} is the home directory in the password database (not this process's $HOME)."""
    home = pwd.getpwuid(os.getuid()).pw_dir
    out = "${HOME}/PDF"
    try:
        conf = Path("/etc/cups/cups-pdf.conf").read_text(encoding="utf-8", errors="replace")
    except OSError:
        conf = ""
    for line in conf.splitlines():
        match = re.match(r"\s*Out\s+(\S+)", line)
        if match:
            out = match.group(1)
    return Path(out.replace("${HOME}", home))

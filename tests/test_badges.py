"""Badges: templates as data, every script drawn with the right glyphs, text kept inside its box,
the QR read back at print resolutions."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pytest
import zxingcpp

from kiosk import events
from kiosk.badges.fonts import font_set
from kiosk.badges.render import BadgeData, badge_data, event_dates, render_badges
from kiosk.badges.templates import (
    MM,
    TEMPLATE_DIR,
    find_template,
    load_template,
    parse_template,
    template_names,
)
from kiosk.badges.text import fit_text, shape_line
from kiosk.db import Database
from kiosk.errors import InputFileError, NotFoundError
from kiosk.models import Event, Guest
from tests.badge_helpers import (
    SAMPLES,
    add_guest,
    empty_glyph_codes,
    page_texts,
    render_page,
    text_object_fonts,
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _badge(name: str, *, company: str | None = None, latin: str | None = None,
           language: str | None = None, category: str = "guest", number: int = 7,
           credential: str = "Q" * 100) -> BadgeData:
    return BadgeData(
        name=name, name_latin=latin, company=company, country="China", title=None,
        category=category, guest_number=number, credential=credential, language=language,
        event_name="Beijing International Science Forum", event_name_local="北京国际科学论坛",
        event_dates=event_dates(dt.date(2026, 12, 7), dt.date(2026, 12, 11)),
    )


# -- templates -------------------------------------------------------------------------------


def test_shipped_templates_cover_the_common_badge_sizes() -> None:
    names = template_names()
    assert {"badge-4x3", "a6", "cr80", "label-62mm", "a4-sheet"} <= set(names)
    sizes = {name: find_template(name) for name in names}
    assert sizes["cr80"].width == pytest.approx(85.6 * MM)
    assert sizes["cr80"].height == pytest.approx(54 * MM)
    assert sizes["badge-4x3"].width == pytest.approx(4 * 72)
    assert sizes["label-62mm"].width == pytest.approx(62 * MM)
    sheet = sizes["a4-sheet"].sheet
    assert sheet is not None and sheet.per_page == 8 and sheet.crop_marks
    for template in sizes.values():
        kinds = {e.kind for e in template.elements}
        values = {e.value for e in template.elements}
        assert {"qr", "band"} <= kinds
        assert {"name", "name_latin", "company", "country", "event_dates"} <= values


def _template_data() -> dict[str, object]:
    data = json.loads((TEMPLATE_DIR / "badge-4x3.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(("change", "field", "words"), [
    (lambda d: d["elements"][3].update(box=[1, 2, 3]), "elements[3].box", "four numbers"),
    (lambda d: d["elements"][3].update(box=[90, 2, 30, 10]), "elements[3].box", "outside"),
    (lambda d: d["elements"][3].update(value="nickname"), "elements[3].value", "not one of"),
    (lambda d: d["elements"][3].update(size="big"), "elements[3].size", "expected a number"),
    (lambda d: d["elements"][3].update(min_size=99), "elements[3].min_size", "above size"),
    (lambda d: d["badge"].pop("height"), "badge.height", "missing"),
    (lambda d: d["categories"].pop("vip"), "categories", "vip"),
    (lambda d: d["categories"]["vip"].update(color="gold"), "categories.vip.color", "colour"),
    (lambda d: d.update(colour="red"), "colour", "unknown field"),
    (lambda d: d["elements"].append({"kind": "qr", "box": [0, 0, 10, 20]}),
     "elements[10].box", "square"),
    (lambda d: d.update(sheet={"width": 210, "height": 297, "columns": 3, "rows": 4}),
     "sheet", "do not fit"),
])
def test_a_wrong_template_names_the_file_and_the_field(tmp_path: Path, change, field,  # type: ignore[no-untyped-def]
                                                       words) -> None:
    data = _template_data()
    change(data)
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        load_template(path)
    message = caught.value.full_message()
    assert str(path) in message
    assert f"{field}:" in message
    assert words in message


def test_a_template_that_is_not_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x",\n  "unit": }', encoding="utf-8")
    with pytest.raises(InputFileError, match=r"broken.json: line 2, column"):
        load_template(path)
    with pytest.raises(NotFoundError, match="no badge template 'nope'"):
        find_template("nope")


def test_a_new_template_file_needs_no_code(tmp_path: Path) -> None:
    data = _template_data()
    data["title"] = "Square"
    data["badge"] = {"width": 80, "height": 80}
    data["elements"] = [
        {"kind": "text", "value": "name", "box": [5, 5, 70, 20], "font": "bold", "size": 20},
        {"kind": "qr", "box": [25, 30, 30, 30]},
        {"kind": "band", "box": [0, 65, 80, 15]},
    ]
    path = tmp_path / "square.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    rendered = render_badges(find_template(str(path)), [_badge("王芳")])
    assert rendered.pages == 1
    assert "王芳" in page_texts(rendered.pdf)[0]


# -- every script --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def all_scripts() -> tuple[bytes, list[str]]:
    badges = [_badge(s.name, company=s.company, latin=s.name_latin, language=s.language,
                     number=i) for i, s in enumerate(SAMPLES, 1)]
    rendered = render_badges(find_template("badge-4x3"), badges)
    assert rendered.missing == ()
    return rendered.pdf, page_texts(rendered.pdf)


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.script for s in SAMPLES])
def test_every_script_reads_back_from_the_pdf(all_scripts: tuple[bytes, list[str]],
                                              sample) -> None:  # type: ignore[no-untyped-def]
    _pdf, texts = all_scripts
    text = _flat(texts[SAMPLES.index(sample)])
    assert _flat(sample.name) in text
    assert _flat(sample.company) in text
    if sample.name_latin:
        assert sample.name_latin in text


def test_every_font_is_embedded_and_no_glyph_is_an_empty_box(
        all_scripts: tuple[bytes, list[str]]) -> None:
    pdf, _texts = all_scripts
    fonts = text_object_fonts(pdf)
    assert fonts
    assert all(font.is_embedded for font in fonts)
    families = {re.sub(r"-(Regular|Bold)$", "", font.name) for font in fonts}
    assert {"NotoSans", "NotoSansCJKsc", "NotoSansArabic", "NotoSansHebrew", "NotoSansThai",
            "NotoSansDevanagari"} <= families
    for program in {font.data for font in fonts}:
        assert len(program) < 200_000  # a subset, not the whole font
        assert empty_glyph_codes(program) == []


def test_arabic_is_joined_and_right_to_left() -> None:
    fonts = font_set()
    line = shape_line(fonts, "محمد", "bold", "ar")
    assert line.is_rtl
    # Joined: every letter takes a contextual form, not its isolated glyph.
    isolated = [fonts.faces["bold"][2].pdf.face.charToGlyph[ord(c)] for c in "محمد"]
    drawn = [g.glyph for g in line.glyphs]
    assert not set(drawn) & set(isolated[:3])
    # Right to left: the first letter (meem) is drawn rightmost.
    first_meem = max(line.glyphs, key=lambda g: g.x)
    assert first_meem.glyph == drawn[-1]


def test_devanagari_conjuncts_and_reordered_vowels_are_shaped() -> None:
    fonts = font_set()
    line = shape_line(fonts, "कि", "regular", "hi")
    face = fonts.faces["regular"][5]
    ka = face.pdf.face.charToGlyph[ord("क")]
    drawn = [g.glyph for g in line.glyphs]
    # The i sign (a form sized for ka) is drawn before ka, though typed after it.
    assert len(drawn) == 2 and drawn[1] == ka and drawn[0] != ka
    assert line.glyphs[0].x < line.glyphs[1].x
    conjunct = shape_line(fonts, "क्ष", "regular", "hi")
    assert len(conjunct.glyphs) == 1  # one ligature glyph, not ka + virama + ssa


def test_japanese_names_get_japanese_glyph_forms() -> None:
    fonts = font_set()
    chinese = shape_line(fonts, "直", "bold", "zh")
    japanese = shape_line(fonts, "直", "bold", "ja")
    assert chinese.glyphs[0].glyph != japanese.glyphs[0].glyph
    guessed = shape_line(fonts, "直子さん", "bold", None)  # kana: Japanese without being told
    assert guessed.glyphs[0].glyph == japanese.glyphs[0].glyph


def test_mixed_names_fall_back_per_character() -> None:
    fonts = font_set()
    line = shape_line(fonts, "Li 李 Ли محمد", "bold", None)
    assert line.missing == ()
    assert {g.face.family for g in line.glyphs} == {"latin", "cjk", "arabic"}


# -- fitting -------------------------------------------------------------------------------


def test_a_long_name_shrinks_then_wraps_and_is_never_cut() -> None:
    fonts = font_set()
    short = fit_text(fonts, "Li Na", 180, 56, weight="bold", max_size=30, min_size=12,
                     max_lines=2, align="left")
    assert short.size == 30 and len(short.lines) == 1
    long_name = "Maria Magdalena Anastasia von Hohenzollern-Sigmaringen"
    fitted = fit_text(fonts, long_name, 180, 56, weight="bold", max_size=30, min_size=12,
                      max_lines=2, align="left")
    assert len(fitted.lines) == 2
    assert " ".join(line.text for line in fitted.lines) == long_name
    for line, (x, _y) in zip(fitted.lines, fitted.origins, strict=True):
        assert x + line.left * fitted.size >= -1e-6
        assert x + line.right * fitted.size <= 180 + 1e-6
    huge = fit_text(fonts, "W" * 80, 100, 20, weight="bold", max_size=30, min_size=12,
                    max_lines=2, align="center")
    assert huge.is_below_minimum and huge.size < 12  # smaller than wished, but all of it


@pytest.mark.parametrize("name", [
    "Maria Magdalena Anastasia von Hohenzollern-Sigmaringen Wittelsbach",
    "中国科学院计算技术研究所国家重点实验室",
    "عبد الرحمن بن محمد بن عبد العزيز آل سعود",
    "श्रीनिवास रामानुजन अय्यंगार",
    "Nguyễn Thị Ánh Tuyết",
    "สมชาย ใจดี",
])
def test_the_drawn_name_stays_inside_its_box(tmp_path: Path, name: str) -> None:
    box = [10, 10, 60, 16]  # mm
    data = _template_data()
    data["badge"] = {"width": 80, "height": 36}
    data["elements"] = [{"kind": "text", "value": "name", "box": box, "font": "bold",
                         "size": 40, "min_size": 10, "max_lines": 2, "align": "center"}]
    template = parse_template(data, tmp_path / "box.json")
    rendered = render_badges(template, [_badge(name)])
    dpi = 300
    pixels = render_page(rendered.pdf, 0, dpi)
    dark = np.argwhere(pixels < 160)
    assert len(dark) > 0
    per_mm = dpi / 25.4
    top, left = dark.min(axis=0) / per_mm
    bottom, right = (dark.max(axis=0) + 1) / per_mm
    slack = 1.5 / per_mm  # antialiasing
    assert left >= box[0] - slack and right <= box[0] + box[2] + slack
    assert top >= box[1] - slack and bottom <= box[1] + box[3] + slack
    # Shrunk to fit, not to nothing: the name fills its box one way or the other.
    assert (right - left) > 0.6 * box[2] or (bottom - top) > 0.6 * box[3]


def test_latin_name_is_shown_only_where_it_differs() -> None:
    assert _badge("Zoë Müller", latin="Zoe Muller").value("name_latin", "") is None
    assert _badge("张伟", latin="Zhang Wei").value("name_latin", "") == "Zhang Wei"


def test_the_category_band_says_the_category_in_words(database: Database,
                                                      event: Event) -> None:
    rendered = render_badges(find_template("label-62mm"), [_badge("王芳", category="vip"),
                                                            _badge("李强", category="media")])
    first, second = page_texts(rendered.pdf)
    assert "VIP · 贵宾" in first and "MEDIA · 媒体" in second


# -- the QR ------------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["a4-sheet", "cr80", "badge-4x3"])
def test_every_qr_of_a_batch_decodes_to_the_guests_credential(
        database: Database, event: Event, template: str) -> None:
    count = 9 if template == "a4-sheet" else 2
    numbers = [add_guest(database, event, f"Guest {i}", category="speaker")
               for i in range(count)]
    with database.session() as session:
        forum = events.current_event(session)
        guests = [events.find_guest(session, forum, str(n)) for n in numbers]
        badges = [badge_data(forum, g) for g in guests]
        credentials = [events.credential_for(forum, g) for g in guests]
    rendered = render_badges(find_template(template), badges)
    assert rendered.pages == (2 if template == "a4-sheet" else count)
    for dpi in (150, 300):
        found: list[str] = []
        for page in range(rendered.pages):
            image = render_page(rendered.pdf, page, dpi)
            found.extend(r.text for r in zxingcpp.read_barcodes(
                image, formats=zxingcpp.BarcodeFormat.QRCode))
        assert sorted(found) == sorted(credentials), f"at {dpi} dpi"


def test_the_qr_is_vector_with_a_quiet_zone() -> None:
    rendered = render_badges(find_template("badge-4x3"), [_badge("王芳")])
    assert b"/Subtype /Image" not in rendered.pdf  # no bitmap anywhere
    code = rendered.codes[0]
    x, y, w, h = code.box
    pixels = render_page(rendered.pdf, 0, 300)
    scale = 300 / 72
    page_h = pixels.shape[0]
    module = w / (37 + 8)
    top, left = int((page_h / scale - (y + h)) * scale), int(x * scale)
    quiet = int(3.5 * module * scale)
    border = pixels[top + 2:top + quiet, left + 2:left + int(w * scale) - 2]
    assert border.min() > 200  # white all round the symbol


def test_render_runs_on_a_worker_thread(database: Database, event: Event) -> None:
    from concurrent.futures import ThreadPoolExecutor

    names = [s.name for s in SAMPLES]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(
            lambda n: render_badges(find_template("cr80"), [_badge(n)]), names))
    for name, result in zip(names, results, strict=True):
        assert _flat(name) in _flat(page_texts(result.pdf)[0])


def test_guests_with_a_badge_need_their_guest_row(database: Database, event: Event) -> None:
    number = add_guest(database, event, "张伟", name_latin="Zhang Wei", company="北京大学",
                       country="China", category="vip")
    with database.session() as session:
        forum = events.current_event(session)
        guest = session.query(Guest).filter_by(number=number).one()
        data = badge_data(forum, guest)
    assert data.event_dates == "7–11 December 2026"
    assert data.credential == events.credential_for(event, guest)

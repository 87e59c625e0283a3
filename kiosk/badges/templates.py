"""Badge templates as data: one JSON file per layout in resources/badges/ (a new one needs no code).

A template gives the badge size, optionally a sheet that holds several badges with crop marks,
and a list of elements, each a box in the template's unit measured from the badge's top-left
corner:

    {"kind": "text", "value": "name", "box": [x, y, w, h], "font": "bold", "size": 28,
     "min_size": 10, "max_lines": 2, "align": "center", "color": "#000000"}
    {"kind": "band", "box": [...], "size": 14}        the category's colour with its label
    {"kind": "qr", "box": [...], "quiet_zone": 4}     the guest's credential, drawn as vector
    {"kind": "rect", "box": [...], "fill": "#eeeeee"}

Text values are the fields of ``TEXT_VALUES``; categories map each kiosk.domain.Category to a
colour and a label, so the band never says the category by colour alone. ``load_template``
checks every field and names the file and the field in its error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.domain import Category
from kiosk.errors import InputFileError, NotFoundError

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "badges"
MM = 72.0 / 25.4
UNITS = {"mm": MM, "in": 72.0, "pt": 1.0}
TEXT_VALUES = (
    "name", "name_latin", "company", "country", "title", "event_name", "event_name_local",
    "event_dates", "guest_number", "category_label",
)
ALIGNS = ("left", "center", "right")
FONT_WEIGHTS = ("regular", "bold")
ELEMENT_KINDS = ("text", "band", "qr", "rect")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in points, measured from the badge's top-left corner."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Element:
    """One thing drawn on a badge."""

    kind: str
    box: Box
    value: str | None = None  # text: one of TEXT_VALUES
    text: str | None = None  # text: a fixed text instead of a value
    font: str = "regular"
    size: float = 12.0  # points: the largest size tried
    min_size: float = 6.0  # below this a name wraps onto more lines before shrinking further
    max_lines: int = 1
    align: str = "left"
    color: str = "#000000"
    fill: str | None = None
    quiet_zone: int = 4  # QR modules of white around the symbol


@dataclass(frozen=True, slots=True)
class CategoryStyle:
    color: str
    text_color: str
    label: str  # English, printed on every badge
    label_local: str | None  # the host country's language, printed beside it


@dataclass(frozen=True, slots=True)
class Sheet:
    """A page that holds several badges in a grid, with crop marks for the guillotine."""

    width: float
    height: float
    columns: int
    rows: int
    gap: float
    crop_marks: bool

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


@dataclass(frozen=True, slots=True)
class Template:
    key: str  # the file's stem, used on the command line
    title: str
    width: float  # the badge, in points
    height: float
    elements: tuple[Element, ...]
    categories: dict[str, CategoryStyle]
    sheet: Sheet | None
    path: Path

    @property
    def page_size(self) -> tuple[float, float]:
        if self.sheet is not None:
            return self.sheet.width, self.sheet.height
        return self.width, self.height

    def category(self, category: str) -> CategoryStyle:
        style = self.categories.get(category)
        if style is None:
            return CategoryStyle("#666666", "#FFFFFF", category.upper(), None)
        return style


class _Reader:
    """Reads one template file's JSON, raising InputFileError that names file and field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, message: str) -> InputFileError:
        return InputFileError(f"{field}: {message}", where=str(self.path),
                              hint="see the other files in resources/badges/ for examples")

    def mapping(self, value: Any, field: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(field, f"expected an object, found {_kind(value)}")
        return value

    def number(self, data: dict[str, Any], key: str, field: str, *, default: float | None = None,
               minimum: float = 0.0, positive: bool = True) -> float:
        value = data.get(key, default)
        if value is None:
            raise self.fail(f"{field}.{key}", "is missing")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{field}.{key}", f"expected a number, found {_kind(value)}")
        if value < minimum or (positive and value <= 0):
            raise self.fail(f"{field}.{key}", f"must be {'above' if positive else 'at least'} "
                                              f"{minimum:g}, not {value:g}")
        return float(value)

    def integer(self, data: dict[str, Any], key: str, field: str, default: int,
                minimum: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{field}.{key}", f"expected a whole number, found {_kind(value)}")
        if value < minimum:
            raise self.fail(f"{field}.{key}", f"must be at least {minimum}, not {value}")
        return value

    def choice(self, data: dict[str, Any], key: str, field: str, choices: tuple[str, ...],
               default: str | None = None) -> str:
        value = data.get(key, default)
        if value not in choices:
            raise self.fail(f"{field}.{key}",
                            f"{value!r} is not one of {', '.join(choices)}")
        return str(value)

    def colour(self, data: dict[str, Any], key: str, field: str, default: str | None) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or not _COLOUR.match(value):
            raise self.fail(f"{field}.{key}",
                            f"expected a colour like \"#1A2B3C\", found {value!r}")
        return value

    def text(self, data: dict[str, Any], key: str, field: str, *, required: bool) -> str | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{field}.{key}", "expected a non-empty text")
        return value


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a text", bool: "true/false",
            type(None): "null"}.get(type(value), type(value).__name__)


def parse_template(data: Any, path: Path) -> Template:
    """A Template from a file's parsed JSON; InputFileError naming the field when it is wrong."""
    read = _Reader(path)
    root = read.mapping(data, "(top level)")
    known = {"title", "unit", "badge", "sheet", "elements", "categories"}
    for key in root:
        if key not in known:
            raise read.fail(key, f"unknown field (known: {', '.join(sorted(known))})")
    title = read.text(root, "title", "title", required=True) or path.stem
    unit_name = read.choice(root, "unit", "unit", tuple(UNITS), default="mm")
    unit = UNITS[unit_name]
    badge = read.mapping(root.get("badge"), "badge")
    width = read.number(badge, "width", "badge") * unit
    height = read.number(badge, "height", "badge") * unit

    sheet: Sheet | None = None
    if root.get("sheet") is not None:
        data_sheet = read.mapping(root["sheet"], "sheet")
        sheet = Sheet(
            width=read.number(data_sheet, "width", "sheet") * unit,
            height=read.number(data_sheet, "height", "sheet") * unit,
            columns=read.integer(data_sheet, "columns", "sheet", 1, 1),
            rows=read.integer(data_sheet, "rows", "sheet", 1, 1),
            gap=read.number(data_sheet, "gap", "sheet", default=0, positive=False) * unit,
            crop_marks=bool(data_sheet.get("crop_marks", True)),
        )
        needed_w = sheet.columns * width + (sheet.columns - 1) * sheet.gap
        needed_h = sheet.rows * height + (sheet.rows - 1) * sheet.gap
        if needed_w > sheet.width + 0.01 or needed_h > sheet.height + 0.01:
            raise read.fail("sheet", f"{sheet.columns} x {sheet.rows} badges do not fit on the "
                                     "sheet; use fewer columns or rows, or a smaller gap")

    raw_elements = root.get("elements")
    if not isinstance(raw_elements, list) or not raw_elements:
        raise read.fail("elements", "expected a list of at least one element")
    elements = tuple(
        _element(read, read.mapping(raw, f"elements[{i}]"), f"elements[{i}]", unit, width, height)
        for i, raw in enumerate(raw_elements)
    )

    categories: dict[str, CategoryStyle] = {}
    raw_categories = read.mapping(root.get("categories", {}), "categories")
    for name, raw in raw_categories.items():
        field = f"categories.{name}"
        if name not in {c.value for c in Category}:
            names = ", ".join(c.value for c in Category)
            raise read.fail(field, f"unknown category (known: {names})")
        style = read.mapping(raw, field)
        categories[name] = CategoryStyle(
            color=read.colour(style, "color", field, None),
            text_color=read.colour(style, "text_color", field, "#FFFFFF"),
            label=read.text(style, "label", field, required=True) or name,
            label_local=read.text(style, "label_local", field, required=False),
        )
    missing = [c.value for c in Category if c.value not in categories]
    if missing:
        raise read.fail("categories", f"no colour and label for {', '.join(missing)}")
    return Template(key=path.stem, title=title, width=width, height=height, elements=elements,
                    categories=categories, sheet=sheet, path=path)


def _element(read: _Reader, raw: dict[str, Any], field: str, unit: float, badge_w: float,
             badge_h: float) -> Element:
    kind = read.choice(raw, "kind", field, ELEMENT_KINDS)
    box_value = raw.get("box")
    if (not isinstance(box_value, list) or len(box_value) != 4
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in box_value)):
        raise read.fail(f"{field}.box", "expected four numbers [x, y, width, height]")
    x, y, w, h = (float(v) * unit for v in box_value)
    if w <= 0 or h <= 0:
        raise read.fail(f"{field}.box", "width and height must be above 0")
    if x < -0.01 or y < -0.01 or x + w > badge_w + 0.01 or y + h > badge_h + 0.01:
        raise read.fail(f"{field}.box", "reaches outside the badge")
    box = Box(x, y, w, h)
    if kind == "qr":
        if abs(w - h) > 0.01:
            raise read.fail(f"{field}.box", "a QR box must be square")
        return Element(kind=kind, box=box,
                       quiet_zone=read.integer(raw, "quiet_zone", field, 4, 2))
    if kind == "rect":
        return Element(kind=kind, box=box, fill=read.colour(raw, "fill", field, None))
    value = None
    text = None
    if kind == "text":
        if "text" in raw:
            text = read.text(raw, "text", field, required=True)
        else:
            value = read.choice(raw, "value", field, TEXT_VALUES)
    size = read.number(raw, "size", field, default=12)
    min_size = read.number(raw, "min_size", field, default=min(6.0, size))
    if min_size > size:
        raise read.fail(f"{field}.min_size", f"is above size ({min_size:g} > {size:g})")
    return Element(
        kind=kind, box=box, value=value, text=text,
        font=read.choice(raw, "font", field, FONT_WEIGHTS, default="bold" if kind == "band"
                         else "regular"),
        size=size, min_size=min_size,
        max_lines=read.integer(raw, "max_lines", field, 1, 1),
        align=read.choice(raw, "align", field, ALIGNS, default="center" if kind == "band"
                          else "left"),
        color=read.colour(raw, "color", field, "#000000"),
    )


def load_template(path: Path | str) -> Template:
    """Read and check one template file."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise NotFoundError("no such template file", where=str(file)) from error
    except UnicodeDecodeError as error:
        raise InputFileError("is not UTF-8 text", where=str(file)) from error
    except json.JSONDecodeError as error:
        raise InputFileError(f"line {error.lineno}, column {error.colno}: {error.msg}",
                             where=str(file), hint="the file must be JSON") from error
    return parse_template(data, file)


def template_names(folder: Path = TEMPLATE_DIR) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.json"))


def find_template(name: str, folder: Path = TEMPLATE_DIR) -> Template:
    """A shipped template by name (file stem), or a template file by path."""
    candidate = Path(name)
    if candidate.suffix == ".json" and candidate.exists():
        return load_template(candidate)
    path = folder / f"{name}.json"
    if not path.exists():
        raise NotFoundError(f"no badge template {name!r}",
                            hint=f"known: {', '.join(template_names(folder))}")
    return load_template(path)

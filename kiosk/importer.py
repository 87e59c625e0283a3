"""Guest lists in: CSV, XLSX and JSON as organisers really send them.

Reading (``read_table``) turns a file into a header and rows of cells, whatever its format:

- CSV/TSV/TXT in UTF-8 (with or without BOM), UTF-16/32 with BOM (Excel's "Unicode text"),
  GB18030/GBK (Chinese Excel's default) or an encoding named by the caller; comma, semicolon, tab
  or bar separated (sniffed, or Excel's ``sep=`` line);
- XLSX (openpyxl, read-only, formula results), the first sheet with a recognisable header;
- JSON: a list of objects, or an object whose ``guests`` is that list.

Text that is not UTF-8 must read as plausible Chinese GB18030 to be taken as such; anything else
(say a Western Windows-1252 file) is refused with a hint rather than stored as mojibake.

Columns (``match_columns``) are recognised from English or Chinese headers, ignoring case,
spaces and punctuation; ``--map FIELD=COLUMN`` overrides. Title rows above the header are skipped.

Importing (``import_guests``) checks every row, matches it to a stored guest (by external code,
then by e-mail, then - for rows with neither - by the same name and company), and in one
transaction inserts the new guests (numbers from ``events.allocate_guest_numbers``) and updates the
changed ones in bulk. An empty cell never erases a stored value, check-ins and numbers are never
touched, a bad row never blocks the good ones, and a dry run writes nothing.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import logging
import re
import string
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Final, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import Text, func, null, select, type_coerce, update
from sqlalchemy.orm import Session

from kiosk import events, key_worker, search
from kiosk.db import bulk_cache
from kiosk.domain import Category
from kiosk.errors import InputFileError, UsageError
from kiosk.key_worker import KeyWorker
from kiosk.models import AuditEntry, Event, Guest, time_ordered_uids, utc_now
from kiosk.names import NameRejectedError, normalise_optional
from kiosk.search_keys import email_domain

log = logging.getLogger("kiosk.import")

HEADER_SEARCH_ROWS = 20  # a header is looked for among this many non-empty rows at the top


# Fields -------------------------------------------------------------------------------------------


def header_key(text: str) -> str:
    """A header as compared: NFKC, case-folded, letters and digits only ("E-mail" -> "email")."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


@dataclass(frozen=True)
class FieldSpec:
    """A guest field a column can fill: its stored length limit and the headers that name it."""

    name: str
    limit: int
    aliases: frozenset[str]


def _spec(name: str, limit: int, aliases: str) -> FieldSpec:
    return FieldSpec(name, limit, frozenset(header_key(a) for a in aliases.split("|")))


FIELDS: Final[dict[str, FieldSpec]] = {spec.name: spec for spec in (
    _spec("name", 300, "name|full name|guest name|attendee name|participant name|delegate name|"
          "姓名|名字|全名|嘉宾姓名|参会人|参会人姓名|参会者姓名|中文名|中文姓名|人员姓名"),
    _spec("first_name", 150, "first name|given name|forename|first|名"),
    _spec("last_name", 150, "last name|surname|family name|last|姓|姓氏"),
    _spec("name_latin", 300, "name_latin|拼音|pinyin|姓名拼音|拼音姓名|english name|英文名|"
          "英文姓名|英文名字|romanised name|romanized name|latin name|name in latin|"
          "name in english"),
    _spec("company", 300, "company|company name|organization|organisation|organization name|"
          "organisation name|org|affiliation|employer|institution|firm|单位|公司|工作单位|所在单位|"
          "单位名称|公司名称|机构|机构名称|组织"),
    _spec("country", 100, "country|country/region|country or region|region|nationality|国家|地区|"
          "国家/地区|国别|国籍"),
    _spec("email", 320, "email|e-mail|email address|e-mail address|mail|邮箱|电子邮件|电子邮箱|"
          "邮件|邮箱地址"),
    _spec("category", 32, "category|type|ticket type|registration type|attendee type|guest type|"
          "pass type|类别|类型|嘉宾类别|嘉宾类型|参会类别|身份|票种|票型"),
    _spec("external_code", 200, "external_code|code|barcode|ticket code|ticket number|ticket no|"
          "ticket id|qr code|qr|registration code|registration id|registration number|"
          "confirmation code|attendee id|二维码|条码|条形码|票号|注册号|报名号|参会码|签到码"),
    _spec("phone", 64, "phone|phone number|mobile|mobile phone|mobile number|tel|telephone|cell|"
          "cell phone|电话|手机|手机号|手机号码|联系电话|电话号码"),
    _spec("title", 200, "title|job title|position|职位|职务|职称|头衔"),
    _spec("days", 0, "days|dates|day pass|valid days|日期|参会日期"),
    _spec("language", 16, "language|lang|语言"),
    _spec("note", 2000, "note|notes|remark|remarks|comment|comments|备注|说明"),
)}
FIELD_ALIASES: Final = {"code": "external_code", "barcode": "external_code", "latin": "name_latin"}
_ALIAS_TO_FIELD: Final = {alias: spec.name for spec in FIELDS.values() for alias in spec.aliases}
# Stored columns an import fills; name parts only make up the name.
STORED_FIELDS: Final = (
    "name", "name_latin", "company", "country", "email", "category", "external_code", "phone",
    "title", "days", "language", "note",
)

_CATEGORY_WORDS: Final[dict[str, Category]] = {
    header_key(word): category
    for category, words in {
        Category.GUEST: "guest|嘉宾|普通嘉宾|参会嘉宾|来宾|attendee|delegate|participant|visitor|"
                        "观众|代表|参会代表|参会者|普通|regular|general|standard",
        Category.VIP: "vip|贵宾|vip嘉宾|重要嘉宾|vip guest",
        Category.SPEAKER: "speaker|演讲嘉宾|讲者|演讲者|发言人|主讲人|发言嘉宾|panelist|panellist|"
                          "moderator|主持人|keynote",
        Category.EXHIBITOR: "exhibitor|展商|参展商|参展|展位|exhibition",
        Category.MEDIA: "media|press|journalist|reporter|媒体|记者|新闻",
        Category.STAFF: "staff|工作人员|organizer|organiser|组委会|会务|志愿者|volunteer|crew",
    }.items()
    for word in words.split("|")
}
_ALL_DAYS_WORDS: Final = frozenset(
    header_key(w) for w in ("all", "all days", "every day", "全部", "全程", "全天", "所有")
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]")


def parse_category(text: str) -> Category | None:
    """The category an English or Chinese word names (嘉宾, VIP, 讲者, Media...), else None."""
    return _CATEGORY_WORDS.get(header_key(text))


# Problems with rows -------------------------------------------------------------------------------


class RowProblem(StrEnum):
    """Why a row was not imported; the UI maps each member to translated words."""

    BAD_TEXT = "bad_text"  # a disguising character, or too long (see the detail)
    MISSING_NAME = "missing_name"
    BAD_EMAIL = "bad_email"
    UNKNOWN_CATEGORY = "unknown_category"
    BAD_DAYS = "bad_days"
    BAD_VALUE = "bad_value"  # a JSON value that is not text, or an item that is not an object
    EXTRA_CELLS = "extra_cells"  # more cells than the header has columns: a shifted row
    DUPLICATE_ROW = "duplicate_row"  # the same guest as an earlier row of this file
    AMBIGUOUS_MATCH = "ambiguous_match"  # several stored guests fit the row


@dataclass(frozen=True)
class RowError:
    """One reason one row was not imported; row numbers are those a spreadsheet shows."""

    row: int
    column: str | None  # the header text as in the file
    field: str | None
    problem: RowProblem
    detail: str

    def describe(self, file_name: str, row_word: str = "row") -> str:
        where = f"{file_name} {row_word} {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.detail}"

    def to_dict(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "field": self.field,
                "problem": self.problem.value, "detail": self.detail}


class _RowRejected(Exception):
    def __init__(self, *errors: RowError) -> None:
        super().__init__(errors)
        self.errors = errors


# Reading files ------------------------------------------------------------------------------------


@dataclass
class Table:
    """A file's cells: rows of values with the row number a spreadsheet would show them at."""

    file_format: str  # csv, xlsx or json
    rows: list[tuple[int, list[Any]]]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    row_word: str = "row"  # "item" for JSON lists
    header: list[str] | None = None  # given by the format itself (JSON keys), else found later


_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab", ""}


def read_table(path: Path, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    """The file's rows, or InputFileError naming the file when it cannot be read at all."""
    where = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError("no such file", where=where) from None
    except IsADirectoryError:
        raise InputFileError("is a folder, not a guest list", where=where) from None
    except OSError as error:
        raise InputFileError(f"cannot be read ({error.strerror})", where=where) from None
    suffix = path.suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        if suffix in {".docx", ".pptx", ".odt", ".ods", ".zip"}:
            raise InputFileError(f"a {suffix} file is not a guest list", where=where,
                                 hint="save the list as .xlsx or CSV")
        return _read_xlsx(data, where, sheet)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputFileError("is an old Excel 97-2003 (.xls) workbook or another Office file",
                             where=where, hint="open it in Excel and save as .xlsx or CSV UTF-8")
    if suffix in _XLSX_SUFFIXES:
        raise InputFileError("is not a valid .xlsx workbook", where=where)
    if suffix in {".pdf", ".xls", ".doc", ".docx", ".numbers", ".ods", ".png", ".jpg", ".zip"}:
        raise InputFileError(f"a {suffix} file is not a guest list", where=where,
                             hint="give a .csv, .xlsx or .json file")
    text, used = decode_text(data, where, encoding)
    if suffix == ".json" or (suffix not in _TEXT_SUFFIXES and text.lstrip()[:1] in "[{"):
        return _read_json(text, where, used)
    if suffix not in _TEXT_SUFFIXES:
        raise InputFileError(f"a {suffix} file is not a guest list", where=where,
                             hint="give a .csv, .xlsx or .json file")
    return _read_csv(text, where, used)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, where: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was read in; see the module docstring."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}",
                             hint="for example utf-8, gb18030, utf-16, cp1252") from None
        return _decode_as(data, encoding, where), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, where), name
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        # UTF-16 without a BOM: every other byte of Latin text is zero.
        name = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        return _decode_as(data, name, where), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        bad = utf8_error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_chinese(text):
        return text, "gb18030"
    line = data.count(b"\n", 0, bad) + 1
    raise InputFileError(
        f"is neither UTF-8 (bad byte 0x{data[bad]:02X} on line {line}) "
        "nor Chinese GB18030/GBK text",
        where=where,
        hint="save it from Excel as 'CSV UTF-8', or name its encoding with --encoding",
    )


def _decode_as(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputFileError(
            f"is not valid {encoding} text (byte 0x{data[error.start]:02X} on line {line})",
            where=where, hint="name the right encoding with --encoding",
        ) from None


def _looks_chinese(text: str) -> bool:
    """True when text decoded as GB18030 is mostly common Chinese (GB2312) characters.

    Western single-byte text (Windows-1252 "Jürgen") also decodes as GB18030, but into rare
    characters outside GB2312; real Chinese lists hold only a few of those (rare name characters).
    """
    wide = [ch for ch in text if not ch.isascii()]
    if not wide:
        return True
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.9 * len(wide)


_DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first records into the most consistent number of cells."""
    best, best_score = ",", (0, 0, 0)
    sample = text[:65536]
    for delimiter in _DELIMITERS:
        try:
            records = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if len(sample) < len(text):
            records = records[:-1]  # the last one may be cut off
        counts = Counter(len(r) for r in records[:30])
        if not counts:
            continue
        width, agreeing = counts.most_common(1)[0]
        score = (int(width > 1), agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(text: str, where: str, encoding: str) -> Table:
    text = text.removeprefix("\ufeff")
    first_line, _, rest = text.partition("\n")
    first_row = 1
    match = re.fullmatch(r"\s*sep=(.)\s*", first_line)
    if match:  # Excel's "sep=;" line names the separator and is not a row
        delimiter = match.group(1)
        text, first_row = rest, 2
    else:
        delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    try:
        rows = [(number, cells) for number, cells in enumerate(reader, start=first_row)]
    except csv.Error as error:
        raise InputFileError(f"is not readable CSV near line {reader.line_num}: {error}",
                             where=where) from None
    return Table("csv", rows, encoding=encoding, delimiter=delimiter)


def _read_xlsx(data: bytes, where: str, sheet: str | None) -> Table:
    import openpyxl  # only here: a plain CSV import need not load it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputFileError(f"is not a readable .xlsx workbook ({error})", where=where,
                             hint="open it in Excel and save it again as .xlsx or CSV") from None
    try:
        if sheet is not None:
            if sheet not in workbook.sheetnames:
                raise InputFileError(f"has no sheet {sheet!r}", where=where,
                                     hint="sheets: " + ", ".join(workbook.sheetnames))
            names = [sheet]
        else:
            names = list(workbook.sheetnames)
        tables = []
        for name in names:
            worksheet = workbook[name]
            # Only rows holding something: a sheet formatted down to row 1,048,576 is common.
            rows = [
                (number, list(values))
                for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
                if any(value is not None for value in values)
            ]
            tables.append(Table("xlsx", rows, sheet=name))
    finally:
        workbook.close()
    if len(tables) == 1:
        return tables[0]
    # Several sheets: the first whose top rows hold a recognisable header.
    for table in tables:
        if _find_header(table, {}) is not None:
            return table
    return tables[0]


def _read_json(text: str, where: str, encoding: str) -> Table:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputFileError(f"is not valid JSON (line {error.lineno}: {error.msg})",
                             where=where) from None
    if isinstance(document, dict) and isinstance(document.get("guests"), list):
        document = document["guests"]
    if not isinstance(document, list):
        raise InputFileError("is JSON but neither a list of guests nor {\"guests\": [...]}",
                             where=where)
    keys: dict[str, None] = {}
    for item in document:
        if isinstance(item, dict):
            keys.update(dict.fromkeys(str(k) for k in item))
    header = list(keys)
    rows: list[tuple[int, list[Any]]] = []
    for number, item in enumerate(document, start=1):
        if isinstance(item, dict):
            rows.append((number, [item.get(key, None) for key in header]))
        else:
            rows.append((number, [_NotAnObject(item)]))
    return Table("json", rows, encoding=encoding, row_word="item", header=header)


@dataclass(frozen=True)
class _NotAnObject:
    value: object


# Columns ------------------------------------------------------------------------------------------


@dataclass
class Columns:
    """Which column fills which field: field name -> column index, and the headers as written."""

    header_row: int
    header: list[str]
    fields: dict[str, int]
    ignored: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    recognised: int = 0  # fields found by their header text, not by a column letter

    def label(self, field_name: str) -> str:
        return self.header[self.fields[field_name]]


def parse_mapping(items: Iterable[str], where: str | None = None) -> dict[str, str]:
    """``FIELD=COLUMN`` strings from --map as {field: column}; UsageError on a bad one."""
    mapping: dict[str, str] = {}
    known = ", ".join(sorted({*FIELDS, *FIELD_ALIASES}))
    for item in items:
        name, sep, column = item.partition("=")
        name, column = name.strip().lower().replace("-", "_"), column.strip()
        if not sep or not name or not column:
            raise UsageError(f"--map {item!r} is not FIELD=COLUMN", where=where,
                             hint="for example --map name=参会人 --map company=C")
        name = FIELD_ALIASES.get(name, name)
        if name not in FIELDS:
            raise UsageError(f"--map names an unknown field {name!r}", where=where,
                             hint=f"fields are: {known}")
        mapping[name] = column
    return mapping


def _column_letter_index(text: str) -> int | None:
    """The index of a spreadsheet column letter: "A", "c", "AB" (two or three only in capitals)."""
    if not re.fullmatch(r"[A-Za-z]|[A-Z]{2,3}", text):
        return None
    index = 0
    for char in text.upper():
        index = index * 26 + string.ascii_uppercase.index(char) + 1
    return index - 1


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def _header_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _header_candidates(text: str) -> list[str]:
    """Keys to try for a header: the whole, its parts ("姓名/Name"), its Chinese and Latin runs."""
    keys = [header_key(text)]
    parts = re.split(r"[/|\\\n\r()（）\[\]【】:：,，]+", text)
    if len(parts) > 1:
        keys += [header_key(p) for p in parts]
    if _CJK.search(text) and re.search(r"[A-Za-z]", text):
        runs = re.findall(r"[^\x00-\x7f]+|[A-Za-z][A-Za-z \-_.]*", text)
        keys += [header_key(run) for run in runs]
    return [k for k in keys if k]


def match_columns(header: Sequence[str], mapping: Mapping[str, str], header_row: int) -> Columns:
    """Fields found in a header row; --map entries first, then recognised header words."""
    fields: dict[str, int] = {}
    warnings: list[str] = []
    recognised = 0
    for name, column in mapping.items():
        index = _mapped_index(header, column)
        if index is None:
            index = _column_letter_index(column)
            if index is None:
                raise LookupError(column)
        else:
            recognised += 1
        fields[name] = index
    taken = set(fields.values())
    for index, text in enumerate(header):
        if index in taken or not text:
            continue
        for key in _header_candidates(text):
            found = _ALIAS_TO_FIELD.get(key)
            if found is None:
                continue
            if found in fields:
                warnings.append(
                    f"column {text!r} also looks like {found}, which column "
                    f"{_column_letter(fields[found])} fills; ignored "
                    f"(choose with --map {found}=COLUMN)"
                )
            else:
                fields[found] = index
                taken.add(index)
                recognised += 1
            break
    ignored = [text for index, text in enumerate(header) if text and index not in taken]
    header = list(header)
    header += [""] * (max(fields.values(), default=-1) + 1 - len(header))
    for name, index in fields.items():
        header[index] = header[index] or f"{_column_letter(index)} ({name})"
    return Columns(header_row, header, fields, ignored, warnings, recognised)


def _mapped_index(header: Sequence[str], column: str) -> int | None:
    for index, text in enumerate(header):
        if text == column:
            return index
    key = header_key(column)
    for index, text in enumerate(header):
        if key and header_key(text) == key:
            return index
    return None


def _has_name_source(columns: Columns) -> bool:
    return "name" in columns.fields or "first_name" in columns.fields or (
        "last_name" in columns.fields
    )


def _find_header(table: Table, mapping: Mapping[str, str]) -> Columns | None:
    """The first row near the top whose columns include a name; None when there is none."""
    if table.header is not None:
        try:
            columns = match_columns(table.header, mapping, 0)
        except LookupError:
            return None
        return columns if _has_name_source(columns) else None
    seen = 0
    fallback: Columns | None = None
    for number, cells in table.rows:
        header = [_header_text(c) for c in cells]
        if not any(header):
            continue
        seen += 1
        if seen > HEADER_SEARCH_ROWS:
            break
        try:
            columns = match_columns(header, mapping, number)
        except LookupError:
            continue
        if not _has_name_source(columns):
            continue
        if columns.recognised:
            return columns
        # Only column letters matched: a title row above the header would fit as well.
        if fallback is None and sum(1 for text in header if text) >= 2:
            fallback = columns
    return fallback


def find_columns(table: Table, mapping: Mapping[str, str], where: str) -> Columns:
    """The header and its fields, or InputFileError saying which column is missing."""
    columns = _find_header(table, mapping)
    if columns is not None:
        widest = max((len(cells) for _, cells in table.rows), default=0)
        for name, index in columns.fields.items():
            if index >= widest:
                raise InputFileError(
                    f"has no column {_column_letter(index)} (given as --map {name}="
                    f"{mapping.get(name)}); its rows have {widest} columns", where=where)
        return columns
    top = table.header or max(
        ([_header_text(c) for c in cells] for _, cells in table.rows[:HEADER_SEARCH_ROWS]),
        key=lambda texts: sum(1 for t in texts if t), default=[],
    )
    shown = ", ".join(repr(t) for t in top if t) or "none"
    for name, column in mapping.items():
        if _column_letter_index(column) is None and all(
            _mapped_index([_header_text(c) for c in cells], column) is None
            for _, cells in table.rows[:HEADER_SEARCH_ROWS * 2]
        ) and (table.header is None or _mapped_index(table.header, column) is None):
            raise InputFileError(f"has no column {column!r} (given as --map {name}={column})",
                                 where=where, hint=f"columns are: {shown}")
    raise InputFileError(
        "has no column for the guest's name",
        where=where,
        hint=f"columns are: {shown}; name it with --map name=COLUMN",
    )


# Rows ---------------------------------------------------------------------------------------------


ALL_DAYS: Final = "all"


@dataclass
class Record:
    """One good row, cleaned: the fields the file gives (an empty cell is not given)."""

    row: int
    values: dict[str, Any]

    @property
    def code(self) -> str | None:
        return self.values.get("external_code")

    @property
    def email(self) -> str | None:
        return self.values.get("email")


def _cell_text(value: Any) -> str:
    """A cell as text: Excel's numbers without '.0', dates as ISO, the exporter's quote undone."""
    if value is None:
        return ""
    if isinstance(value, str):
        if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
            return value[1:]
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    raise TypeError(type(value).__name__)


class RowReader:
    """Turns a table's rows into Records and RowErrors for one event."""

    def __init__(self, event: Event, columns: Columns) -> None:
        self.event = event
        self.columns = columns
        self.event_days = event.days()
        self._categories: dict[str, str] = {}  # a list repeats a few words many times
        self._repeated: dict[tuple[str, str], str | None] = {}
        # (field, column index, column label, converter), decided once for every row.
        self._plan = [
            (name, index, columns.label(name), self._converter(name))
            for name, index in columns.fields.items()
        ]

    def _converter(self, name: str) -> Any:
        if name == "days":
            return self._days
        if name == "email":
            return self._email
        if name == "category":
            return self._category
        if name in ("company", "country", "title", "language"):
            return lambda raw: self._repeated_text(name, raw)
        limit = FIELDS[name].limit
        return lambda raw: self._text(raw, limit)

    def read(self, number: int, cells: Sequence[Any]) -> Record:
        errors: list[RowError] = []
        values: dict[str, Any] = {}
        if cells and isinstance(cells[0], _NotAnObject):
            raise _RowRejected(RowError(number, None, None, RowProblem.BAD_VALUE,
                                        "is not an object with named fields"))
        width = len(self.columns.header)
        present = len(cells)
        if present > width and any(_cell_text(c).strip() for c in cells[width:]
                                   if not isinstance(c, dict | list)):
            errors.append(RowError(
                number, None, None, RowProblem.EXTRA_CELLS,
                f"has {len(cells)} cells but the header has {width} columns: a value probably "
                f"holds an unquoted separator",
            ))
        for name, index, label, convert in self._plan:
            if index >= present:
                continue
            raw = cells[index]
            if raw is None or raw == "":
                continue
            try:
                value = convert(raw)
            except _FieldError as problem:
                errors.append(RowError(number, label, name, problem.problem, problem.detail))
                continue
            if value is not None:
                values[name] = value
        if "name" not in values or "first_name" in values or "last_name" in values:
            self._make_name(number, values, errors)
        if errors:
            raise _RowRejected(*errors)
        return Record(number, values)

    @staticmethod
    def _plain(raw: Any) -> str:
        if isinstance(raw, dict | list):
            raise _FieldError(RowProblem.BAD_VALUE, "is not a single value")
        try:
            return _cell_text(raw)
        except TypeError as error:
            raise _FieldError(RowProblem.BAD_VALUE, f"holds a {error} value") from None

    def _text(self, raw: Any, limit: int) -> str | None:
        text = raw if raw.__class__ is str and raw[:1] != "'" else self._plain(raw)
        try:
            return normalise_optional(text, limit=limit)
        except NameRejectedError as error:
            raise _FieldError(RowProblem.BAD_TEXT, error.message) from None

    def _repeated_text(self, name: str, raw: Any) -> str | None:
        key = (name, raw) if raw.__class__ is str else None
        if key is not None and key in self._repeated:
            return self._repeated[key]
        value = self._text(raw, FIELDS[name].limit)
        if name == "language" and value is not None:
            value = value.lower().replace("_", "-")
        if key is not None and len(self._repeated) < 100_000:
            self._repeated[key] = value
        return value

    def _email(self, raw: Any) -> str | None:
        text = raw if raw.__class__ is str else self._plain(raw)
        address = text.strip().lower()
        if not address.isascii():
            address = unicodedata.normalize("NFKC", address).strip().lower()
        if not address:
            return None
        if len(address) > FIELDS["email"].limit or not _EMAIL.match(address):
            raise _FieldError(RowProblem.BAD_EMAIL, f"{text.strip()!r} is not an e-mail address")
        return address

    def _category(self, raw: Any) -> str | None:
        text = raw if raw.__class__ is str else self._plain(raw)
        known = self._categories.get(text)
        if known is not None:
            return known
        cleaned = self._text(text, FIELDS["category"].limit)
        if cleaned is None:
            return None
        category = parse_category(cleaned)
        if category is None:
            names = ", ".join(c.value for c in Category)
            raise _FieldError(RowProblem.UNKNOWN_CATEGORY,
                              f"unknown category {cleaned!r} (known: {names}, or 嘉宾, 贵宾, "
                              f"讲者, 展商, 媒体, 工作人员)")
        self._categories[text] = category.value
        return category.value

    def _make_name(self, number: int, values: dict[str, Any], errors: list[RowError]) -> None:
        first, last = values.pop("first_name", None), values.pop("last_name", None)
        if "name" not in values and (first or last):
            if last and first and (_CJK.search(last) or _CJK.search(first)):
                values["name"] = f"{last}{first}"  # 张 + 伟 = 张伟
            else:
                values["name"] = " ".join(p for p in (first, last) if p)
        if "name" not in values and not any(
            e.field in ("name", "first_name", "last_name") for e in errors
        ):
            column = next((self.columns.label(f) for f in ("name", "first_name", "last_name")
                           if f in self.columns.fields), None)
            errors.append(RowError(number, column, "name", RowProblem.MISSING_NAME, "has no name"))

    def _days(self, raw: Any) -> Any:
        """ISO dates within the event, ALL_DAYS, or None for an empty cell."""
        items: list[Any]
        if isinstance(raw, list):
            items = raw
        elif isinstance(raw, dt.date | dt.datetime):
            items = [raw]
        else:
            text = _cell_text(raw).strip() if not isinstance(raw, dict) else None
            if text is None:
                raise _FieldError(RowProblem.BAD_DAYS, "is not a list of days")
            if not text:
                return None
            if header_key(text) in _ALL_DAYS_WORDS:
                return ALL_DAYS
            items = [t for t in re.split(r"[,;，；、\s]+", text) if t]
        chosen: set[dt.date] = set()
        for item in items:
            chosen.update(self._day_item(item))
        if not chosen:
            return None
        return sorted(d.isoformat() for d in chosen)

    def _day_item(self, item: Any) -> list[dt.date]:
        days = self.event_days
        if isinstance(item, dt.datetime):
            item = item.date()
        if isinstance(item, dt.date):
            found = [item]
        elif isinstance(item, int) and not isinstance(item, bool):
            found = [self._day_number(item)]
        else:
            text = unicodedata.normalize("NFKC", str(item)).strip().lower()
            found = self._day_text(text)
        for day in found:
            if day not in days:
                raise _FieldError(RowProblem.BAD_DAYS,
                                  f"{day} is not a day of the event ({days[0]} to {days[-1]})")
        return found

    def _day_number(self, number: int) -> dt.date:
        if not 1 <= number <= len(self.event_days):
            last = len(self.event_days)
            raise _FieldError(RowProblem.BAD_DAYS,
                              f"day {number} is not a day of the event (1 to {last})")
        return self.event_days[number - 1]

    def _day_text(self, text: str) -> list[dt.date]:
        number = re.fullmatch(r"(?:day|d|第)?(\d{1,2})(?:天)?", text)
        if number:
            return [self._day_number(int(number.group(1)))]
        span = re.fullmatch(
            r"(?:day|d|第)?(\d{1,2})\s*[-~–至]\s*(?:day|d|第)?(\d{1,2})(?:天)?", text
        )
        if span:
            low, high = int(span.group(1)), int(span.group(2))
            return [self._day_number(n) for n in range(low, max(low, high) + 1)]
        full = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text)
        short = re.fullmatch(r"(\d{1,2})[/.月-](\d{1,2})日?", text)
        try:
            if full:
                return [dt.date(int(full.group(1)), int(full.group(2)), int(full.group(3)))]
            if short:
                year = self.event_days[0].year
                day = dt.date(year, int(short.group(1)), int(short.group(2)))
                if day not in self.event_days and self.event_days[-1].year != year:
                    day = day.replace(year=self.event_days[-1].year)
                return [day]
        except ValueError:
            pass
        raise _FieldError(RowProblem.BAD_DAYS, f"{text!r} is not a day (write 2026-12-07 or day 1)")


class _FieldError(Exception):
    def __init__(self, problem: RowProblem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


# Importing ----------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    file: str
    file_format: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    row_word: str
    columns: dict[str, str]  # field -> header as written
    ignored_columns: list[str]
    warnings: list[str]
    dry_run: bool
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    guest_ids: list[int] = field(default_factory=list, repr=False)

    @property
    def rejected(self) -> int:
        """How many rows were not imported (a row may have several errors)."""
        return len({e.row for e in self.errors})

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file, "format": self.file_format, "encoding": self.encoding,
            "delimiter": self.delimiter, "sheet": self.sheet, "dry_run": self.dry_run,
            "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
            "rejected": self.rejected, "columns": self.columns,
            "ignored_columns": self.ignored_columns, "warnings": self.warnings,
            "errors": [e.to_dict() for e in self.errors],
        }


_STORED_COLUMNS = [getattr(Guest, name) for name in STORED_FIELDS]


@dataclass
class _Stored:
    """A stored guest as the matcher sees it."""

    id: int
    values: dict[str, Any]


class _Matcher:
    """Finds the stored guest a record updates: by code, then e-mail, then name and company."""

    def __init__(self, session: Session, event: Event) -> None:
        self.by_code: dict[str, _Stored] = {}
        self.by_email: dict[str, list[_Stored]] = {}
        self.by_name: dict[tuple[str, str], list[_Stored]] = {}
        # The days list comes as its JSON text and is parsed only where a guest has one.
        columns = [type_coerce(c, Text) if c.key == "days" else c for c in _STORED_COLUMNS]
        query = select(Guest.id, *columns).where(Guest.event_id == event.id)
        for row in session.execute(query):
            values = dict(zip(STORED_FIELDS, row[1:], strict=True))
            if values["days"] is not None:
                values["days"] = json.loads(values["days"])
            self._add(_Stored(row[0], values))

    def _add(self, stored: _Stored) -> None:
        values = stored.values
        if values["external_code"]:
            self.by_code[values["external_code"]] = stored
        if values["email"]:
            self.by_email.setdefault(values["email"], []).append(stored)
        elif not values["external_code"]:
            self.by_name.setdefault(_name_key(values), []).append(stored)

    def match(self, record: Record) -> _Stored | None:
        code, email = record.code, record.email
        if code is not None:
            found = self.by_code.get(code)
            if found is not None:
                return found
            if email is not None:
                # A guest first imported without a code gets one now; a guest holding another
                # code is another person sharing the address (an assistant's e-mail).
                free = [s for s in self.by_email.get(email, []) if not s.values["external_code"]]
                return self._one(record, free, "e-mail", email)
            return None
        if email is not None:
            return self._one(record, self.by_email.get(email, []), "e-mail", email)
        return self._one(record, self.by_name.get(_name_key(record.values), []), "name", None)

    @staticmethod
    def _one(record: Record, found: list[_Stored], by: str, value: str | None) -> _Stored | None:
        if len(found) > 1:
            raise _RowRejected(RowError(
                record.row, None, "email" if by == "e-mail" else "name",
                RowProblem.AMBIGUOUS_MATCH,
                f"{len(found)} stored guests have this {by}{f' ({value})' if value else ''}; "
                f"add a code column to say which one this row is",
            ))
        return found[0] if found else None


def _name_key(values: Mapping[str, Any]) -> tuple[str, str]:
    return (str(values.get("name") or "").casefold(), str(values.get("company") or "").casefold())


def _identity(record: Record) -> tuple[str, str]:
    """What makes two rows of one file the same guest: code, else e-mail, else name and company."""
    if record.code is not None:
        return ("code", record.code)
    if record.email is not None:
        return ("email", record.email)
    return ("name", "\x00".join(_name_key(record.values)))


_DUPLICATE_WORDS = {"code": "code", "email": "e-mail", "name": "name and company"}


def _plan_changes(stored: _Stored, record: Record) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name, value in record.values.items():
        new = None if value == ALL_DAYS else value
        if stored.values.get(name) != new:
            changes[name] = new
    return changes


PROGRESS_ROWS = 1000  # rows between two progress reports


def _is_blank(cells: Sequence[Any]) -> bool:
    """Whether a row holds nothing: every cell empty, blank text or None."""
    try:
        return not "".join(cells).strip()  # a row of text (CSV) in one go
    except TypeError:  # numbers, dates, None (XLSX, JSON)
        return not any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells)


def import_guests(
    session: Session,
    event: Event,
    path: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    dry_run: bool = False,
    encoding: str | None = None,
    sheet: str | None = None,
    actor: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import one guest list into the event; the caller's transaction makes it all-or-nothing.

    ``progress(percent)``, when given, is called now and then from the importing thread: rows
    read and checked up to 80, stored at 90, searchable at 100.
    """
    keys = _key_worker(session, path) if not dry_run else None
    try:
        where = str(path)
        table = read_table(path, encoding=encoding, sheet=sheet)
        columns = find_columns(table, mapping or {}, where)
        report = ImportReport(
            file=where, file_format=table.file_format, encoding=table.encoding,
            delimiter=table.delimiter, sheet=table.sheet, row_word=table.row_word,
            columns={name: columns.label(name) for name in columns.fields},
            ignored_columns=columns.ignored, warnings=list(columns.warnings), dry_run=dry_run,
        )
        if keys is not None and not key_worker.worth_it(len(table.rows)):
            keys.close()  # a short list after all: its keys are made here
            keys = None
        return _import_rows(session, event, path, table, columns, report,
                            RowReader(event, columns), _Matcher(session, event), keys,
                            dry_run=dry_run, actor=actor, progress=progress)
    finally:
        if keys is not None:
            keys.close()


_BYTES_A_ROW = 40  # fewer than most guest lists take (an estimate of rows before reading)


def _key_worker(session: Session, path: Path) -> KeyWorker | None:
    """A worker to make the new guests' search keys (kiosk.key_worker) when the list looks long
    enough, started before the file is read so that it is ready for the first rows. SQLite only:
    the worker writes the keys with the ids _insert will give."""
    try:
        size = path.stat().st_size
    except OSError:
        return None  # read_table says what is wrong
    if (session.get_bind().dialect.name != "sqlite"
            or not key_worker.worth_it(size // _BYTES_A_ROW)):
        return None
    return KeyWorker(key_worker.keys_schema(session.connection()))


def _next_guest_id(session: Session) -> int:
    """The id SQLite gives the next guest (_insert gives ids itself, from this one)."""
    return (session.scalar(select(func.max(Guest.id))) or 0) + 1


def _import_rows(
    session: Session, event: Event, path: Path, table: Table, columns: Columns,
    report: ImportReport, reader: RowReader, matcher: _Matcher, keys: KeyWorker | None, *,
    dry_run: bool, actor: str | None, progress: Callable[[int], None] | None,
) -> ImportReport:
    """import_guests after the table is read and its columns found."""
    # The ids new guests will get (_insert gives them on SQLite, one after the highest), so
    # the worker writes their keys with their ids; checked against the real ones at the end.
    first_id = _next_guest_id(session) if keys else 0
    seen: dict[tuple[str, str], int] = {}
    inserts: list[Record] = []
    updates: list[tuple[int, dict[str, Any]]] = []
    total_rows = max(1, len(table.rows))
    for position, (number, cells) in enumerate(table.rows):
        if progress is not None and position % PROGRESS_ROWS == 0:
            progress(80 * position // total_rows)
        if number <= columns.header_row or _is_blank(cells):
            continue
        try:
            record = reader.read(number, cells)
            identity = _identity(record)
            if identity in seen:
                raise _RowRejected(RowError(
                    number, None, None, RowProblem.DUPLICATE_ROW,
                    f"is the same guest as {table.row_word} {seen[identity]} (same "
                    f"{_DUPLICATE_WORDS[identity[0]]}); only the first was imported",
                ))
            stored = matcher.match(record)
        except _RowRejected as rejected:
            report.errors.extend(rejected.errors)
            continue
        seen[identity] = number
        if record.email is not None:
            # A later row without a code but with this e-mail means this same guest.
            seen.setdefault(("email", record.email), number)
        if stored is None:
            record.values.setdefault("category", Category.GUEST.value)
            inserts.append(record)
            if keys is not None:
                values = record.values
                keys.add((first_id + len(inserts) - 1, event.id, values.get("name"),
                          values.get("name_latin"), values.get("company"), values.get("email")))
            continue
        changes = _plan_changes(stored, record)
        if changes:
            updates.append((stored.id, changes))
            report.updated += 1
        else:
            report.unchanged += 1
        report.guest_ids.append(stored.id)
    report.new = len(inserts)
    if keys is not None:  # the worker indexes its file while the guests go in
        keys.seal()
    if dry_run:
        report.guest_ids = []
        if progress is not None:
            progress(100)
        return report
    if progress is not None:
        progress(80)
    now = utc_now()
    new_ids = _insert(session, event, inserts, now)
    report.guest_ids += new_ids
    _update(session, updates, now)
    session.add(AuditEntry(
        event_id=event.id, actor=actor, action="guests_imported",
        details={"file": path.name, "new": report.new, "updated": report.updated,
                 "unchanged": report.unchanged, "rejected": report.rejected},
    ))
    session.flush()
    if progress is not None:
        progress(90)
    # New guests' keys straight from the rows just inserted; changed guests' rebuilt.
    made = keys.finish() if inserts and keys is not None else None
    if made is not None:
        search.store_keys_file(session, made, len(inserts), id_shift=new_ids[0] - first_id)
    elif inserts:
        search.index_new_guests(session, [
            (guest_id, event.id, r.values.get("name"), r.values.get("name_latin"),
             r.values.get("company"), r.values.get("email"))
            for guest_id, r in zip(new_ids, inserts, strict=True)
        ], domains_set=True)
    if updates:
        search.reindex_guests(session, [guest_id for guest_id, _ in updates])
    if progress is not None:
        progress(100)
    log.info("imported %s: %d new, %d updated, %d unchanged, %d rejected", path.name,
             report.new, report.updated, report.unchanged, report.rejected)
    return report


def _insert(session: Session, event: Event, records: list[Record], now: dt.datetime) -> list[int]:
    """Insert new guests in bulk with consecutive numbers and ids; their ids in record order.

    One driver-level executemany of plain tuples: the per-row parameter processing of an ORM or
    Core insert costs more than the insert itself at 100,000 rows. Values that need the column
    type's conversion (times, flags, the days list) go through that type's own bind processor.
    """
    if not records:
        return []
    first = events.allocate_guest_numbers(session, event, len(records))
    connection = session.connection()
    dialect = connection.dialect
    # On SQLite the ids are given, one after the highest (what SQLite would choose): reserving
    # the numbers was this transaction's first write, so no other connection can add a guest
    # until it ends. Elsewhere (a server's PostgreSQL) the id sequence chooses, and they are
    # read back.
    given = dialect.name == "sqlite"
    start = _next_guest_id(session) if given else 0
    table = cast(SqlTable, Guest.__table__)

    def processor(column: str) -> Any:
        return table.c[column].type.dialect_impl(dialect).bind_processor(dialect)

    def bound(column: str, value: Any) -> Any:
        process = processor(column)
        return process(value) if process is not None else value

    constants = {
        "event_id": event.id, "credential_serial": 0, "source": "import",
        "is_cancelled": bound("is_cancelled", False),
        "created_at": bound("created_at", now), "updated_at": bound("updated_at", now),
    }
    fields = [f for f in STORED_FIELDS if f != "days"]
    days_processor = processor("days")
    rows: list[tuple[Any, ...]] = []
    tail = tuple(constants.values())
    uids = time_ordered_uids(len(records))
    for offset, (uid, record) in enumerate(zip(uids, records, strict=True)):
        values = record.values
        days = values.get("days")
        if days is not None and days != ALL_DAYS:
            days = days_processor(days) if days_processor is not None else days
        else:
            days = None  # SQL NULL: every day
        email = values.get("email")
        domain = email_domain(email) if email else None
        rows.append((start + offset, uid, first + offset, *[values.get(f) for f in fields],
                     days, domain, *tail)[0 if given else 1:])
    columns = ["id", "uid", "number", *fields, "days", "email_domain", *constants][
        0 if given else 1:]
    style = dialect.paramstyle  # the driver's own placeholders: qmark for sqlite3
    parameters: list[Any] = rows
    if style == "named":
        markers = [f":p{i}" for i in range(len(columns))]
        parameters = [{f"p{i}": v for i, v in enumerate(row)} for row in rows]
    elif style == "numeric":
        markers = [f":{i + 1}" for i in range(len(columns))]
    elif style in ("format", "pyformat"):
        markers = ["%s"] * len(columns)
    else:
        markers = ["?"] * len(columns)
    statement = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(markers)})"
    if given:
        # The guests' indexes (the uid's random order above all) outgrow the default cache.
        with bulk_cache(connection):
            connection.exec_driver_sql(statement, parameters)
        return list(range(start, start + len(rows)))
    connection.exec_driver_sql(statement, parameters)
    found = session.execute(
        select(Guest.number, Guest.id).where(
            Guest.event_id == event.id, Guest.number >= first, Guest.number < first + len(rows)
        )
    )
    ids: dict[int, int] = {number: guest_id for number, guest_id in found}
    return [ids[first + offset] for offset in range(len(rows))]


def _update(session: Session, updates: list[tuple[int, dict[str, Any]]], now: dt.datetime) -> None:
    """Write changed fields, grouped so that each group is one executemany."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    every_day: list[int] = []
    for guest_id, changes in updates:
        if "days" in changes and changes["days"] is None:
            changes = {k: v for k, v in changes.items() if k != "days"}
            every_day.append(guest_id)
        groups.setdefault(tuple(sorted(changes)), []).append(
            {"id": guest_id, **changes, "updated_at": now}
        )
    for rows in groups.values():
        session.execute(update(Guest), rows)
    for start in range(0, len(every_day), 500):
        chunk = every_day[start:start + 500]
        session.execute(update(Guest).where(Guest.id.in_(chunk)).values(days=null()))


def iter_errors(report: ImportReport) -> Iterator[str]:
    """Each row error as one line a person reads."""
    name = Path(report.file).name
    for error in report.errors:
        yield error.describe(name, report.row_word)


__all__ = [
    "ALL_DAYS",
    "FIELDS",
    "Columns",
    "FieldSpec",
    "ImportReport",
    "Record",
    "RowError",
    "RowProblem",
    "Table",
    "decode_text",
    "find_columns",
    "header_key",
    "import_guests",
    "iter_errors",
    "match_columns",
    "parse_category",
    "parse_mapping",
    "read_table",
    "sniff_delimiter",
]

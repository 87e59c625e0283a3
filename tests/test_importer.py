"""kiosk.importer: guest lists as organisers send them; row errors, re-imports, dry runs, CLI."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy import text as sql_text

from kiosk import events, search, tokens
from kiosk.checkin import Gate
from kiosk.cli import main
from kiosk.db import Database
from kiosk.errors import CredentialError, InputFileError, UsageError
from kiosk.importer import (
    ImportReport,
    RowProblem,
    decode_text,
    import_guests,
    parse_category,
    parse_mapping,
    sniff_delimiter,
)
from kiosk.models import AuditEntry, CompanySearchTerm, Event, Guest, Scan
from kiosk.search import search_guests
from tests.conftest import FixedClock, KeyWorkerSpy

HEADER_ZH = ["姓名", "单位", "国家/地区", "邮箱", "类别", "二维码", "手机"]
ROWS = [
    ["张伟", "清华大学", "中国", "zhang.wei@tsinghua.edu.cn", "嘉宾", "BJ-0001", "13800138000"],
    ["Jürgen Müller", "Siemens AG", "Germany", "j.mueller@siemens.com", "VIP", "BJ-0002", ""],
    ["李娜", "华为技术有限公司", "中国", "lina@huawei.com", "演讲嘉宾", "BJ-0003", ""],
]


def write_text(path: Path, rows: Sequence[Sequence[str]], encoding: str, delimiter: str) -> Path:
    lines = [delimiter.join(cells) for cells in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def run_import(database: Database, path: Path, **options: Any) -> ImportReport:
    with database.session() as session:
        event = events.current_event(session)
        return import_guests(session, event, path, **options)


def guests(database: Database) -> dict[str, Guest]:
    """Stored guests by name."""
    with database.session() as session:
        return {g.name: g for g in session.scalars(select(Guest).order_by(Guest.number))}


def count(database: Database, model: type[Any]) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def errors_of(report: ImportReport) -> list[tuple[int, str | None, RowProblem]]:
    return [(e.row, e.column, e.problem) for e in report.errors]


# Encodings, separators and headers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ","),
        ("utf-8-sig", ","),  # Excel's "CSV UTF-8"
        ("utf-8-sig", ";"),  # European Excel
        ("gb18030", ","),  # Chinese Excel's "CSV"
        ("gbk", "\t"),
        ("utf-16", "\t"),  # Excel's "Unicode text": UTF-16 with BOM, tab separated
        ("utf-16-le", "\t"),  # the same without its BOM
    ],
)
def test_every_encoding_and_separator_organisers_send_is_read(
    database: Database, event: Event, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = write_text(tmp_path / "嘉宾名单.csv", [HEADER_ZH, *ROWS], encoding, delimiter)
    report = run_import(database, path)
    assert (report.new, report.rejected) == (3, 0)
    stored = guests(database)
    assert list(stored) == ["张伟", "Jürgen Müller", "李娜"]
    assert stored["张伟"].company == "清华大学"
    assert stored["张伟"].phone == "13800138000"
    assert stored["Jürgen Müller"].category == "vip"
    assert stored["李娜"].category == "speaker"
    assert stored["李娜"].external_code == "BJ-0003"
    assert [g.number for g in stored.values()] == [1, 2, 3]


def test_western_single_byte_text_is_refused_not_stored_as_mojibake(
    database: Database, event: Event, tmp_path: Path
) -> None:
    rows = [["Name", "Company"], ["Jürgen Müller", "Bäckerei Größe"], ["François Lefèvre", "Ça"]]
    path = write_text(tmp_path / "list.csv", rows, "cp1252", ",")
    with pytest.raises(InputFileError) as caught:
        run_import(database, path)
    message = str(caught.value)
    assert str(path) in message and "neither UTF-8" in message and "--encoding" in message
    assert count(database, Guest) == 0
    report = run_import(database, path, encoding="cp1252")
    assert report.new == 2
    assert "Jürgen Müller" in guests(database)


def test_decoding_recognises_boms_and_refuses_broken_text() -> None:
    assert decode_text(codecs.BOM_UTF8 + "张伟".encode(), "f") == ("张伟", "utf-8-sig")
    assert decode_text("张伟".encode("utf-16"), "f") == ("张伟", "utf-16")
    assert decode_text("张伟".encode("utf-32"), "f") == ("张伟", "utf-32")
    assert decode_text("张伟,清华".encode("gbk"), "f") == ("张伟,清华", "gb18030")
    with pytest.raises(InputFileError, match="not valid utf-16"):
        decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8", "f")
    with pytest.raises(UsageError, match="unknown encoding"):
        decode_text(b"x", "f", "no-such-codec")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ('"Name, full";Company\n"Li, Na";X\n', ";"),
        ("a|b\n1|2\n", "|"),
        ("Name\nLi Na\n", ","),
    ],
)
def test_the_separator_is_sniffed(text: str, expected: str) -> None:
    assert sniff_delimiter(text) == expected


def test_excel_sep_line_names_the_separator_and_shifts_row_numbers(
    database: Database, event: Event, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("sep=;\nName;Email\nLi Na;lina@x.cn\nBad;not-an-address\n", encoding="utf-8")
    report = run_import(database, path)
    assert report.new == 1
    assert errors_of(report) == [(4, "Email", RowProblem.BAD_EMAIL)]


@pytest.mark.parametrize(
    "header",
    [
        ["Full Name", "Organisation", "E-Mail", "Ticket Type", "Barcode", "Mobile", "Job Title"],
        ["NAME", "Organization", "Email Address", "Category", "Ticket code", "Phone", "Position"],
        ["姓名/Name", "单位 Company", "电子邮件", "票种", "条形码", "电话", "职位"],
        ["name ", " company_name", "e_mail", "type", "Code", "tel", "title"],
    ],
)
def test_headers_in_english_or_chinese_are_recognised(
    database: Database, event: Event, tmp_path: Path, header: list[str]
) -> None:
    row = ["王芳", "北京大学", "wangfang@pku.edu.cn", "媒体", "M-7", "13900000000", "记者"]
    path = write_text(tmp_path / "list.csv", [header, row], "utf-8", ",")
    report = run_import(database, path)
    assert report.rejected == 0
    assert set(report.columns) == {
        "name", "company", "email", "category", "external_code", "phone", "title",
    }
    guest = guests(database)["王芳"]
    assert (guest.company, guest.email, guest.category, guest.external_code, guest.phone,
            guest.title) == ("北京大学", "wangfang@pku.edu.cn", "media", "M-7", "13900000000",
                             "记者")


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (["First name", "Last name", "Email"], ["Anna", "Schmidt", "a@x.de"], "Anna Schmidt"),
        (["Given name", "Surname", "Email"], ["Anna", "", "a@x.de"], "Anna"),
        (["名", "姓", "邮箱"], ["伟", "张", "zw@x.cn"], "张伟"),
        (["姓", "名", "邮箱"], ["欧阳", "娜娜", "oy@x.cn"], "欧阳娜娜"),
    ],
)
def test_a_name_is_made_from_first_and_last_name_columns(
    database: Database, event: Event, tmp_path: Path,
    header: list[str], row: list[str], expected: str,
) -> None:
    path = write_text(tmp_path / "list.csv", [header, row], "utf-8", ",")
    report = run_import(database, path)
    assert report.new == 1
    assert list(guests(database)) == [expected]


def test_romanised_name_country_and_unknown_columns(
    database: Database, event: Event, tmp_path: Path
) -> None:
    header = ["序号", "姓名", "拼音", "国家", "备注", "Shoe size"]
    row = ["1", "张伟", "Zhang Wei", "中国", "素食", "42"]
    path = write_text(tmp_path / "l.csv", [header, row], "utf-8", ",")
    report = run_import(database, path)
    assert report.ignored_columns == ["序号", "Shoe size"]
    guest = guests(database)["张伟"]
    assert (guest.name_latin, guest.country, guest.note) == ("Zhang Wei", "中国", "素食")


def test_title_rows_above_the_header_are_skipped_and_row_numbers_stay_excel_rows(
    database: Database, event: Event, tmp_path: Path
) -> None:
    rows = [
        ["2026北京国际科学论坛 嘉宾名单", "", ""],
        ["", "", ""],
        ["姓名", "单位", "邮箱"],
        ["张伟", "清华大学", "zw@x.cn"],
        ["", "", ""],
        ["李娜", "华为", "lina@"],
    ]
    path = write_text(tmp_path / "l.csv", rows, "utf-8", ",")
    report = run_import(database, path)
    assert report.new == 1
    assert errors_of(report) == [(6, "邮箱", RowProblem.BAD_EMAIL)]
    assert report.errors[0].describe("l.csv") == "l.csv row 6, column 邮箱: 'lina@' is not an " \
                                                 "e-mail address"


@pytest.mark.parametrize(
    ("word", "category"),
    [
        ("嘉宾", "guest"), ("Guest", "guest"), ("贵宾", "vip"), ("VIP", "vip"), ("vip ", "vip"),
        ("演讲嘉宾", "speaker"), ("讲者", "speaker"), ("Speaker", "speaker"),
        ("展商", "exhibitor"), ("Exhibitor", "exhibitor"), ("媒体", "media"), ("记者", "media"),
        ("Press", "media"), ("工作人员", "staff"), ("STAFF", "staff"),
    ],
)
def test_category_words_in_english_and_chinese(word: str, category: str) -> None:
    found = parse_category(word)
    assert found is not None and found.value == category


def test_an_empty_category_makes_a_guest(database: Database, event: Event, tmp_path: Path) -> None:
    path = write_text(tmp_path / "l.csv", [["Name", "Category"], ["Li Na", ""]], "utf-8", ",")
    run_import(database, path)
    assert guests(database)["Li Na"].category == "guest"


# --map and unreadable files -----------------------------------------------------------------------


def test_map_names_a_column_the_headers_do_not_reveal(
    database: Database, event: Event, tmp_path: Path
) -> None:
    rows = [["参会人员", "所属", "联系方式"], ["张伟", "清华大学", "zw@x.cn"]]
    path = write_text(tmp_path / "l.csv", rows, "utf-8", ",")
    with pytest.raises(InputFileError) as caught:
        run_import(database, path)
    assert "has no column for the guest's name" in str(caught.value)
    assert "'参会人员'" in str(caught.value) and "--map name=COLUMN" in str(caught.value)
    mapping = parse_mapping(["name=参会人员", "company=B", "email=联系方式"])
    report = run_import(database, path, mapping=mapping)
    assert report.columns == {"name": "参会人员", "company": "所属", "email": "联系方式"}
    guest = guests(database)["张伟"]
    assert (guest.company, guest.email) == ("清华大学", "zw@x.cn")


def test_map_overrides_a_recognised_header(
    database: Database, event: Event, tmp_path: Path
) -> None:
    rows = [["Name", "English name", "Email"], ["张伟", "Zhang Wei", "zw@x.cn"]]
    path = write_text(tmp_path / "l.csv", rows, "utf-8", ",")
    run_import(database, path, mapping=parse_mapping(["name=English name", "latin=Name"]))
    guest = guests(database)["Zhang Wei"]
    assert guest.name_latin == "张伟"


def test_bad_map_arguments_are_clear_errors(
    database: Database, event: Event, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="unknown field 'shoe'"):
        parse_mapping(["shoe=A"])
    with pytest.raises(UsageError, match="is not FIELD=COLUMN"):
        parse_mapping(["name"])
    path = write_text(tmp_path / "l.csv", [["Name", "Email"], ["Li", "l@x.cn"]], "utf-8", ",")
    with pytest.raises(InputFileError) as caught:
        run_import(database, path, mapping={"company": "Firma"})
    assert str(caught.value).startswith(f"{path}: has no column 'Firma'")
    with pytest.raises(InputFileError, match="has no column K"):
        run_import(database, path, mapping={"company": "K"})


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Excel 97-2003"),
        ("list.xlsx", b"name,email\n", "not a valid .xlsx"),
        ("list.xlsx", b"PK\x03\x04broken zip", "not a readable .xlsx"),
        ("list.pdf", b"%PDF-1.4", "not a guest list"),
        ("list.json", b'{"name": "x"}', "neither a list of guests"),
        ("list.json", b"[{,]", "not valid JSON"),
        ("list.csv", b"Shoe size,Colour\n42,red\n", "no column for the guest's name"),
        ("list.csv", b"", "no column for the guest's name"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_error_naming_it(
    database: Database, event: Event, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError) as caught:
        run_import(database, path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
    assert count(database, Guest) == 0


def test_a_missing_file_is_an_input_error(database: Database, event: Event, tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        run_import(database, tmp_path / "nowhere.csv")


# Bad rows -----------------------------------------------------------------------------------------


def test_bad_rows_are_reported_with_row_column_and_reason_and_good_rows_imported(
    database: Database, event: Event, tmp_path: Path
) -> None:
    rows = [
        ["姓名", "邮箱", "类别", "日期"],
        ["张伟", "zw@x.cn", "嘉宾", "1-2"],  # row 2: good, days 1 and 2
        ["Eve\u202etxt.exe", "eve@x.cn", "", ""],  # row 3: disguised name
        ["", "nobody@x.cn", "VIP", ""],  # row 4: no name
        ["李娜", "lina at huawei", "外星人", "9"],  # row 5: three problems
        ["王芳", "wf@x.cn", "媒体", "2026-12-09; 12/10"],  # row 6: good
        ["\u200b\u3000", "ghost@x.cn", "", ""],  # row 7: nothing visible
    ]
    path = write_text(tmp_path / "l.csv", rows, "utf-8", ",")
    report = run_import(database, path)
    assert (report.new, report.rejected) == (2, 4)
    assert errors_of(report) == [
        (3, "姓名", RowProblem.BAD_TEXT),
        (4, "姓名", RowProblem.MISSING_NAME),
        (5, "邮箱", RowProblem.BAD_EMAIL),
        (5, "类别", RowProblem.UNKNOWN_CATEGORY),
        (5, "日期", RowProblem.BAD_DAYS),
        (7, "姓名", RowProblem.MISSING_NAME),
    ]
    assert "U+202E" in report.errors[0].detail
    stored = guests(database)
    assert set(stored) == {"张伟", "王芳"}
    assert stored["张伟"].days == ["2026-12-07", "2026-12-08"]
    assert stored["王芳"].days == ["2026-12-09", "2026-12-10"]


def test_a_shifted_row_with_an_unquoted_separator_is_reported(
    database: Database, event: Event, tmp_path: Path
) -> None:
    path = tmp_path / "l.csv"
    path.write_text("Name,Company,Email\nLi Na,Acme, Inc.,ln@acme.com\nWang Fang,X,wf@x.cn\n",
                    encoding="utf-8")
    report = run_import(database, path)
    assert report.new == 1
    assert errors_of(report)[0] == (2, None, RowProblem.EXTRA_CELLS)


def test_two_rows_for_one_guest_in_a_file_are_reported(
    database: Database, event: Event, tmp_path: Path
) -> None:
    rows = [
        ["Name", "Email", "Code"],
        ["Li Na", "lina@x.cn", "C1"],
        ["Li Na (again)", "other@x.cn", "C1"],  # same code
        ["Wang Fang", "wf@x.cn", ""],
        ["Fang Wang", "WF@x.cn", ""],  # same e-mail, any case
        ["Zhao Lei", "", ""],
        ["Zhao  Lei", "", ""],  # same name once cleaned, no company
        ["Chen Jie", "lina@x.cn", ""],  # the e-mail of row 2, no code of its own
    ]
    path = write_text(tmp_path / "l.csv", rows, "utf-8", ",")
    report = run_import(database, path)
    assert report.new == 3
    assert [(e.row, e.problem) for e in report.errors] == [
        (3, RowProblem.DUPLICATE_ROW), (5, RowProblem.DUPLICATE_ROW),
        (7, RowProblem.DUPLICATE_ROW), (8, RowProblem.DUPLICATE_ROW),
    ]
    assert "row 2 (same code)" in report.errors[0].detail
    assert "row 4 (same e-mail)" in report.errors[1].detail


def test_two_coded_guests_may_share_an_assistants_email(
    database: Database, event: Event, tmp_path: Path
) -> None:
    rows = [["Name", "Email", "Code"], ["CEO", "office@x.cn", "V1"], ["CFO", "office@x.cn", "V2"]]
    report = run_import(database, write_text(tmp_path / "l.csv", rows, "utf-8", ","))
    assert (report.new, report.rejected) == (2, 0)


# Re-imports --------------------------------------------------------------------------------------


def test_reimporting_updates_guests_and_keeps_their_numbers_and_checkins(
    database: Database, event: Event, tmp_path: Path, clock: FixedClock
) -> None:
    path = write_text(tmp_path / "v1.csv", [HEADER_ZH, *ROWS], "utf-8-sig", ",")
    run_import(database, path)
    before = guests(database)
    verdict = Gate(database, "Main entrance", clock=clock).scan("BJ-0001")
    assert verdict.is_accepted

    again = run_import(database, path)
    assert (again.new, again.updated, again.unchanged, again.rejected) == (0, 0, 3, 0)

    updated_rows = [
        HEADER_ZH,
        ["张伟", "清华大学 计算机系", "中国", "zhang.wei@tsinghua.edu.cn", "贵宾", "BJ-0001", ""],
        *ROWS[1:],
        ["Ana Souza", "Embrapa", "Brazil", "ana@embrapa.br", "Speaker", "BJ-0004", ""],
    ]
    v2 = write_text(tmp_path / "v2.csv", updated_rows, "gb18030", ",")
    report = run_import(database, v2)
    assert (report.new, report.updated, report.unchanged) == (1, 1, 2)
    after = guests(database)
    assert len(after) == 4
    zhang = after["张伟"]
    assert (zhang.id, zhang.uid, zhang.number) == (before["张伟"].id, before["张伟"].uid, 1)
    assert (zhang.company, zhang.category) == ("清华大学 计算机系", "vip")
    assert zhang.phone == "13800138000"  # the empty cell kept what was stored
    assert after["Ana Souza"].number == 4
    with database.session() as session:
        scan = session.scalars(select(Scan).where(Scan.is_accepted.is_(True))).one()
        assert scan.guest_id == zhang.id
    clock.advance(minutes=5)
    rescan = Gate(database, "Main entrance", clock=clock).scan("BJ-0001")
    assert rescan.reason.value == "already_checked_in"


def test_a_list_that_gains_codes_matches_its_guests_by_email(
    database: Database, event: Event, tmp_path: Path
) -> None:
    first = [["Name", "Email"], ["Li Na", "lina@x.cn"], ["Wang Fang", "wf@x.cn"]]
    run_import(database, write_text(tmp_path / "a.csv", first, "utf-8", ","))
    second = [["Name", "Email", "Code"], ["Li Na", "LINA@x.cn", "C1"],
              ["Wang Fang", "wf@x.cn", "C2"]]
    report = run_import(database, write_text(tmp_path / "b.csv", second, "utf-8", ","))
    assert (report.new, report.updated) == (0, 2)
    stored = guests(database)
    assert [stored["Li Na"].external_code, stored["Wang Fang"].external_code] == ["C1", "C2"]
    assert [stored["Li Na"].number, stored["Wang Fang"].number] == [1, 2]


def test_rows_without_code_or_email_match_by_name_and_company(
    database: Database, event: Event, tmp_path: Path
) -> None:
    rows = [["姓名", "单位", "职位"], ["张伟", "清华大学", "教授"], ["张伟", "北京大学", "讲师"]]
    run_import(database, write_text(tmp_path / "a.csv", rows, "utf-8", ","))
    rows[1][2] = "院长"
    report = run_import(database, write_text(tmp_path / "b.csv", rows, "utf-8", ","))
    assert (report.new, report.updated, report.unchanged) == (0, 1, 1)
    assert count(database, Guest) == 2


def test_a_row_matching_several_stored_guests_is_reported_not_guessed(
    database: Database, event: Event, tmp_path: Path
) -> None:
    coded = [["Name", "Email", "Code"], ["CEO", "office@x.cn", "V1"], ["CFO", "office@x.cn", "V2"]]
    run_import(database, write_text(tmp_path / "a.csv", coded, "utf-8", ","))
    uncoded = [["Name", "Email"], ["CEO", "office@x.cn"]]
    report = run_import(database, write_text(tmp_path / "b.csv", uncoded, "utf-8", ","))
    assert errors_of(report) == [(2, None, RowProblem.AMBIGUOUS_MATCH)]
    assert count(database, Guest) == 2


def test_numbers_continue_after_guests_registered_otherwise(
    database: Database, event: Event, tmp_path: Path
) -> None:
    with database.session() as session:
        current = events.current_event(session)
        session.add(Guest(event=current, number=events.allocate_guest_number(session, current),
                          name="Walk-in", category="guest"))
    run_import(database, write_text(tmp_path / "a.csv", [["Name"], ["A"], ["B"]], "utf-8", ","))
    assert [g.number for g in guests(database).values()] == [1, 2, 3]
    with database.session() as session:
        assert events.current_event(session).next_guest_number == 4


def test_imported_guests_read_back_like_any_other_and_their_credentials_admit(
    database: Database, event: Event, tmp_path: Path, clock: FixedClock
) -> None:
    run_import(database, write_text(tmp_path / "a.csv", [HEADER_ZH, *ROWS], "utf-8", ","))
    with database.session() as session:
        current = events.current_event(session)
        guest = session.scalars(select(Guest).where(Guest.name == "Jürgen Müller")).one()
        assert guest.created_at.tzinfo is not None
        assert abs((guest.created_at - dt.datetime.now(dt.UTC)).total_seconds()) < 60
        assert (guest.is_cancelled, guest.source, guest.credential_serial) == (False, "import", 0)
        assert guest.days is None
        assert len(guest.uid) == 36
        credential = events.credential_for(current, guest)
    verdict = Gate(database, "VIP lounge", clock=clock).scan(credential)
    assert verdict.is_accepted
    assert verdict.guest is not None and verdict.guest.name == "Jürgen Müller"


def test_a_list_larger_than_the_numbers_left_writes_nothing(
    database: Database, event: Event, tmp_path: Path
) -> None:
    with database.session() as session:
        events.current_event(session).next_guest_number = tokens.MAX_NUMBER - 1
    path = write_text(tmp_path / "a.csv", [HEADER_ZH, *ROWS], "utf-8", ",")
    with pytest.raises(CredentialError, match="3 more guests do not fit"):
        run_import(database, path)
    assert count(database, Guest) == 0


# Dry runs and transactions ------------------------------------------------------------------------


def test_a_dry_run_counts_and_reports_but_writes_nothing(
    database: Database, event: Event, tmp_path: Path
) -> None:
    run_import(database, write_text(tmp_path / "a.csv", [HEADER_ZH, ROWS[0]], "utf-8", ","))
    rows = [HEADER_ZH, [ROWS[0][0], "新单位", *ROWS[0][2:]], *ROWS[1:], [""] * 7,
            ["X", "", "", "bad", "", "", ""]]
    path = write_text(tmp_path / "b.csv", rows, "utf-8", ",")
    audits = count(database, AuditEntry)
    report = run_import(database, path, dry_run=True)
    assert (report.new, report.updated, report.unchanged, report.rejected) == (2, 1, 0, 1)
    assert report.dry_run and report.guest_ids == []
    assert list(guests(database)) == ["张伟"]
    assert guests(database)["张伟"].company == "清华大学"
    assert count(database, AuditEntry) == audits
    with database.session() as session:
        assert events.current_event(session).next_guest_number == 2


@pytest.mark.parametrize("step", ["index_new_guests", "reindex_guests"])
def test_an_import_is_all_or_nothing_when_writing_fails(
    database: Database, event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    first = write_text(tmp_path / "a.csv", [HEADER_ZH, *ROWS[:1]], "utf-8", ",")
    if step == "reindex_guests":  # the failure comes when keys of a changed guest are rebuilt
        run_import(database, first)
    before = {name: guest.company for name, guest in guests(database).items()}

    def broken_index(*_: object, **__: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(f"kiosk.search.{step}", broken_index)
    changed = [HEADER_ZH, [ROWS[0][0], "新单位", *ROWS[0][2:]], *ROWS[1:]]
    with pytest.raises(RuntimeError):
        run_import(database, write_text(tmp_path / "b.csv", changed, "utf-8", ","))
    assert {name: guest.company for name, guest in guests(database).items()} == before
    with database.session() as session:
        assert events.current_event(session).next_guest_number == 1 + len(before)


def _found(database: Database, query: str) -> list[str]:
    with database.session() as session:
        forum = events.current_event(session)
        return [hit.name for hit in search_guests(session, forum.id, query)]


def test_new_and_changed_guests_are_searchable_at_once(
    database: Database, event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counted(name: str) -> Callable[..., None]:
        real = getattr(search, name)

        def call(*args: Any, **kwargs: Any) -> None:
            calls.append(name)
            real(*args, **kwargs)
        return call

    for name in ("index_new_guests", "reindex_guests"):
        monkeypatch.setattr(f"kiosk.search.{name}", counted(name))
    run_import(database, write_text(tmp_path / "a.csv", [HEADER_ZH, *ROWS], "utf-8", ","))
    for query, name in [("张伟", "张伟"), ("zhangwei", "张伟"), ("muller", "Jürgen Müller"),
                        ("清华", "张伟"), ("siemens", "Jürgen Müller"), ("huawei", "李娜"),
                        ("技术", "李娜"), ("tsinghua edu", "张伟")]:
        assert _found(database, query) == [name], query
    changed = [HEADER_ZH, [ROWS[0][0], "新单位", *ROWS[0][2:]], *ROWS[1:]]
    run_import(database, write_text(tmp_path / "b.csv", changed, "utf-8", ","))
    assert _found(database, "新单位") == ["张伟"]
    assert _found(database, "tsinghua") == ["张伟"]  # still in the e-mail address
    assert _found(database, "清华") == []  # the company's keys went with its last guest
    with database.session() as session:
        companies = set(session.scalars(select(CompanySearchTerm.company).distinct()))
    assert companies == {"新单位", "Siemens AG", "华为技术有限公司"}
    made = len(calls)
    run_import(database, write_text(tmp_path / "b.csv", changed, "utf-8", ","))
    assert len(calls) == made  # nothing changed, nothing to index


def test_an_import_is_audited(database: Database, event: Event, tmp_path: Path) -> None:
    run_import(database, write_text(tmp_path / "a.csv", [HEADER_ZH, *ROWS], "utf-8", ","),
               actor="Wang Li")
    with database.session() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "guests_imported")).one()
        assert entry.actor == "Wang Li"
        assert entry.details == {"file": "a.csv", "new": 3, "updated": 0, "unchanged": 0,
                                 "rejected": 0}


# XLSX and JSON ------------------------------------------------------------------------------------


def test_an_excel_workbook_with_a_title_row_and_typed_cells(
    database: Database, event: Event, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["请在第二个工作表填写嘉宾信息"])
    sheet = workbook.create_sheet("嘉宾")
    sheet.append(["2026 论坛嘉宾名单"])
    sheet.merge_cells("A1:F1")
    sheet.append(["姓名", "单位", "手机", "二维码", "日期", "类别"])
    sheet.append(["张伟", "清华大学", 13800138000, 100234, dt.datetime(2026, 12, 8), "贵宾"])
    sheet.append(["Jürgen Müller", "Siemens", None, 100235.0, "全部", "Speaker"])
    sheet.append(["李娜", "华为", None, 100236, dt.datetime(2027, 1, 1), "嘉宾"])
    path = tmp_path / "嘉宾名单.xlsx"
    workbook.save(path)
    report = run_import(database, path)
    assert (report.file_format, report.sheet) == ("xlsx", "嘉宾")
    assert (report.new, report.rejected) == (2, 1)
    assert errors_of(report) == [(5, "日期", RowProblem.BAD_DAYS)]
    stored = guests(database)
    assert (stored["张伟"].phone, stored["张伟"].external_code) == ("13800138000", "100234")
    assert stored["张伟"].days == ["2026-12-08"]
    assert stored["Jürgen Müller"].external_code == "100235"
    assert stored["Jürgen Müller"].days is None
    with pytest.raises(InputFileError, match="no column for the guest's name"):
        run_import(database, path, sheet="说明")


def test_a_sheet_can_be_named_and_a_missing_one_is_an_error(
    database: Database, event: Event, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.append(["Name"])
    first.append(["A"])
    second = workbook.create_sheet("Late")
    second.append(["Name"])
    second.append(["B"])
    path = tmp_path / "two.xlsx"
    workbook.save(path)
    run_import(database, path, sheet="Late")
    assert list(guests(database)) == ["B"]
    with pytest.raises(InputFileError, match="has no sheet 'Nope'"):
        run_import(database, path, sheet="Nope")


@pytest.mark.parametrize("wrapped", [False, True])
def test_json_lists_of_guests(
    database: Database, event: Event, tmp_path: Path, wrapped: bool
) -> None:
    items: list[object] = [
        {"name": "张伟", "company": "清华大学", "email": "zw@x.cn", "category": "VIP",
         "days": ["2026-12-07", "2026-12-08"], "code": 42},
        "not an object",
        {"name": "Ana Souza", "email": "ana@x.br", "country": "Brazil"},
        {"name": {"first": "x"}},
    ]
    document: object = {"event": "forum", "guests": items} if wrapped else items
    path = tmp_path / "guests.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    report = run_import(database, path)
    assert (report.new, report.rejected) == (2, 2)
    assert [(e.row, e.problem) for e in report.errors] == [
        (2, RowProblem.BAD_VALUE), (4, RowProblem.BAD_VALUE),
    ]
    assert report.row_word == "item"
    assert report.errors[0].describe("guests.json", "item").startswith("guests.json item 2")
    stored = guests(database)
    assert stored["张伟"].days == ["2026-12-07", "2026-12-08"]
    assert stored["张伟"].external_code == "42"
    assert stored["Ana Souza"].country == "Brazil"


# The command --------------------------------------------------------------------------------------


def test_kiosk_import_reports_counts_and_row_errors(
    database: Database, event: Event, data_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = [HEADER_ZH, *ROWS, ["王芳", "", "", "wf@", "", "", ""]]
    path = write_text(tmp_path / "名单.csv", rows, "gb18030", ",")
    code = main(["import", str(path), "--data-dir", str(data_dir), "--dry-run"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "3 new, 0 updated, 0 unchanged, 1 rejected" in out
    assert "名单.csv row 5, column 邮箱: 'wf@' is not an e-mail address" in out
    assert "dry run: nothing was written" in out
    assert err.strip() == f"kiosk: {path}: 1 rows were not imported; the other rows would be " \
                          "imported"
    assert count(database, Guest) == 0

    code = main(["import", str(path), "--data-dir", str(data_dir), "--json"])
    out, _ = capsys.readouterr()
    assert code == 1
    summary = json.loads(out)
    assert (summary["new"], summary["rejected"], summary["encoding"]) == (3, 1, "gb18030")
    assert summary["errors"][0] == {"row": 5, "column": "邮箱", "field": "email",
                                    "problem": "bad_email", "detail": "'wf@' is not an e-mail "
                                                                      "address"}
    assert count(database, Guest) == 3

    good = write_text(tmp_path / "ok.csv", [HEADER_ZH, *ROWS], "utf-8", ",")
    assert main(["import", str(good), "--data-dir", str(data_dir)]) == 0
    assert "0 new, 0 updated, 3 unchanged, 0 rejected" in capsys.readouterr().out


def test_kiosk_import_exit_codes_for_unreadable_files_and_bad_options(
    database: Database, event: Event, data_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "missing.csv"
    assert main(["import", str(missing), "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().err == f"kiosk: {missing}: no such file\n"
    path = write_text(tmp_path / "a.csv", [["Name"], ["A"]], "utf-8", ",")
    assert main(["import", str(path), "--map", "shoe=A", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kiosk: {path}: --map names an unknown field 'shoe'")
    assert len(err.strip().splitlines()) == 1
    assert main(["import", str(path), "--map", "name=Nope", "--data-dir", str(data_dir)]) == 1
    assert "has no column 'Nope'" in capsys.readouterr().err
    assert main(["import", "--data-dir", str(data_dir)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_imported_guests_uids_are_distinct_time_ordered_version_7_uuids() -> None:
    import time
    import uuid

    from kiosk.models import time_ordered_uids

    before = time.time_ns() // 1_000_000
    made = time_ordered_uids(5000)
    after = time.time_ns() // 1_000_000
    assert len(set(made)) == 5000
    assert made == sorted(made)  # in order: appended to the indexes, not scattered
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert before <= parsed.int >> 80 <= after  # the first 48 bits: Unix milliseconds
    random_bits = {uuid.UUID(text).int & ((1 << 62) - 1) for text in made}
    assert len(random_bits) == 5000
    assert time_ordered_uids(0) == []


@pytest.mark.parametrize(("cells", "blank"), [
    ([], True), (["", " ", "\t"], True), ([None, "", None], True), (["", "x"], False),
    ([None, 0], False), ([None, " ", False], False), (["", dt.date(2026, 12, 7)], False),
    (["\u3000"], True),  # an ideographic space alone is blank too
])
def test_a_row_of_nothing_is_blank(cells: list[Any], blank: bool) -> None:
    from kiosk.importer import _is_blank

    assert _is_blank(cells) is blank


def test_the_report_names_each_imported_guest_by_its_stored_id(
    database: Database, event: Event, tmp_path: Path
) -> None:
    with database.session() as session:  # a guest already there, and one removed: ids go on
        forum = session.merge(event)
        for name in ("Old Guest", "Gone Guest"):
            session.add(Guest(event=forum, number=events.allocate_guest_number(session, forum),
                              name=name, category="guest"))
        session.flush()
        gone = session.scalars(select(Guest).where(Guest.name == "Gone Guest")).one()
        session.delete(gone)
    report = run_import(database, write_text(tmp_path / "a.csv", [HEADER_ZH, *ROWS], "utf-8", ","))
    with database.session() as session:
        stored = {g.id: (g.name, g.number) for g in session.scalars(select(Guest))}
    assert [stored[i][0] for i in report.guest_ids] == [row[0] for row in ROWS]
    assert [stored[i][1] for i in report.guest_ids] == [3, 4, 5]
    assert len(stored) == 4


def _stored_keys(database: Database) -> tuple[list[Any], ...]:
    with database.session() as session:
        return tuple(sorted(tuple(row) for row in session.execute(sql_text(sql))) for sql in (
            "SELECT g.number, t.rank, t.term FROM guest_search_terms t "
            "JOIN guests g ON g.id = t.guest_id",
            "SELECT company, term FROM company_search_terms",
            "SELECT domain, term FROM email_domain_search_terms",
            "SELECT number, email_domain FROM guests"))


@pytest.mark.parametrize("keys_stored_before", [False, True])
def test_a_long_list_has_its_keys_made_by_a_worker_and_they_are_the_same(
    database: Database, event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    keys_stored_before: bool, key_worker_on: KeyWorkerSpy,
) -> None:
    """kiosk.key_worker makes the new guests' keys in another process while rows are checked,
    batch by batch (here 4 rows), into a file copied in at the end (a table holding keys
    already: row by row); the keys are those made here."""
    from kiosk import key_worker

    extra = [[f"王{chr(0x4E00 + i)}", f"公司{i % 3}", "中国", f"w{i}@example{i % 2}.cn", "嘉宾",
              f"BJ-1{i:03d}", ""] for i in range(7)]
    path = write_text(tmp_path / "long.csv", [HEADER_ZH, *ROWS, *extra], "utf-8", ",")
    other = Database.open(tmp_path / "in-process")
    with other.session() as session:
        events.create_event(session, event.name, event.starts_on, event.ends_on, event.timezone)
    if keys_stored_before:  # else the file is copied into an empty table, index and all
        first = write_text(tmp_path / "first.csv", [HEADER_ZH, ROWS[0]], "utf-8", ",")
        run_import(database, first)
        run_import(other, first)

    monkeypatch.setenv(key_worker.DISABLE_ENV, "1")
    run_import(other, path)
    monkeypatch.delenv(key_worker.DISABLE_ENV)
    monkeypatch.setattr(key_worker, "BATCH", 4)
    key_worker_on.workers.clear()  # the first list's, if any
    key_worker_on.finished.clear()
    report = run_import(database, path)
    assert report.new == 10 - keys_stored_before and report.unchanged == keys_stored_before
    finished = key_worker_on.finished
    assert len(key_worker_on.workers) == 1 and len(finished) == 1 and finished[0] is not None
    # Batches the worker had not started when the guests were in are made here meanwhile.
    sizes = [len(guests) for guests, _ in finished[0].batches]
    assert sorted(sizes) == ([1, 4, 4] if keys_stored_before else [2, 4, 4])
    assert _stored_keys(database) == _stored_keys(other)
    found = {hit.name for hit in find_all(database, "wang")}
    assert found >= {f"王{chr(0x4E00 + i)}" for i in range(7)}
    other.close()


def find_all(database: Database, query: str) -> list[Any]:
    with database.session() as session:
        return search_guests(session, events.current_event(session).id, query)

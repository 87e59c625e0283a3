"""Guest search (kiosk.search and `kiosk guests`): issue 3 item 6, case by case.

Any part of a name, company or e-mail; accents ignored; Chinese by one or two characters; pinyin
with or without spaces and tones; initials; names in their own scripts and romanised; ranking and
the limit; keys rebuilt after a correction; and the query plan of a search at scale reads the
index, never the whole table.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kiosk import events
from kiosk.cli import main
from kiosk.db import Database
from kiosk.demo import build_demo
from kiosk.models import Event, Guest
from kiosk.search import (
    MAX_LIMIT,
    Match,
    SearchHit,
    _scan_sql,
    reindex_guests,
    search_guest_ids,
    search_guests,
)
from tests.conftest import FixedClock

# name, romanised form, company, e-mail
PEOPLE: list[tuple[str, str | None, str | None, str | None]] = [
    ("张伟", "Zhang Wei", "北京华为科技有限公司", "zhang.wei@huawei.com"),
    ("张晓明", "Zhang Xiaoming", "清华大学", "xm@tsinghua.edu.cn"),
    ("张丽", "Zhang Li", None, None),
    ("李伟", "Li Wei", "腾讯", "liwei@qq.com"),
    ("曾伟", "Zeng Wei", None, None),  # 曾 is read zeng as a surname (everyday reading ceng)
    ("王芳", "Wang Fang", None, None),
    ("王芳芳", "Wang Fangfang", None, None),
    ("李王芳", "Li Wangfang", None, None),
    ("欧阳娜娜", "Ouyang Nana", None, None),
    ("Jürgen Müller", None, "Siemens AG", "j.mueller@siemens.de"),
    ("François Lefèvre", None, "Université de Lyon", None),
    ("Łukasz Kowalski", None, None, None),
    ("Anna Berg", None, None, None),
    ("Annabelle Stone", None, None, None),
    ("Maria Anna Rossi", None, None, None),
    ("田中浩", "Tanaka Hiroshi", "Toyota Motor", None),
    ("さとう ゆき", "Sato Yuki", None, None),
    ("김민준", "Kim Min-jun", "Samsung Electronics", None),
    ("Ольга Иванова", "Olga Ivanova", "Gazprom Neft", None),
    ("Дмитрий Петров", None, None, None),  # no romanised form given: made from the name
    ("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos", None, None),
    ("محمد حسن", "Mohamed Hassan", None, None),
    ("สมชาย ใจดี", "Somchai Jaidee", None, None),
    ("प्रिया शर्मा", "Priya Sharma", "Tata Consultancy Services", None),
]


def _add(session: Session, forum: Event, name: str, latin: str | None = None,
         company: str | None = None, email: str | None = None) -> Guest:
    guest = Guest(event=forum, number=events.allocate_guest_number(session, forum), name=name,
                  name_latin=latin, company=company, email=email, category="guest")
    session.add(guest)
    session.flush()
    return guest


@pytest.fixture
def people(database: Database, event: Event) -> dict[str, int]:
    """The guests of PEOPLE, indexed: their ids by name."""
    with database.session() as session:
        forum = session.merge(event)
        ids = {row[0]: _add(session, forum, *row).id for row in PEOPLE}
        reindex_guests(session, ids.values())
    return ids


def find(database: Database, event: Event, query: str, limit: int = 20) -> list[SearchHit]:
    with database.session() as session:
        return search_guests(session, event.id, query, limit)


def names(hits: list[SearchHit]) -> list[str]:
    return [h.name for h in hits]


# Any part of a name, company or e-mail -----------------------------------------------------


@pytest.mark.parametrize(("query", "expected", "match"), [
    ("jurgen", "Jürgen Müller", Match.NAME_PREFIX),  # first word
    ("muller", "Jürgen Müller", Match.NAME_WORD),  # a later word
    ("muller jur", "Jürgen Müller", Match.NAME_WORD),  # words in any order, the last unfinished
    ("lef", "François Lefèvre", Match.NAME_WORD),
    ("siemens", "Jürgen Müller", Match.COMPANY),  # a company word
    ("electronics", "김민준", Match.COMPANY),  # a later word of the company
    ("consultancy serv", "प्रिया शर्मा", Match.COMPANY),
    ("华为", "张伟", Match.COMPANY),  # characters inside a Chinese company name
    ("科技", "张伟", Match.COMPANY),
    ("tsinghua", "张晓明", Match.EMAIL),  # only in the e-mail address
    ("edu cn", "张晓明", Match.EMAIL),
    ("xm@tsinghua", "张晓明", Match.EMAIL),
])
def test_any_part_of_name_company_or_email(
    database: Database, event: Event, people: dict[str, int], query: str, expected: str,
    match: Match,
) -> None:
    hits = find(database, event, query)
    assert names(hits) == [expected]
    assert hits[0].match is match


def test_words_of_different_fields_together(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    # A name word and a company word: only the guest holding both.
    assert names(find(database, event, "wei huawei")) == ["张伟"]
    assert names(find(database, event, "olga gazprom")) == ["Ольга Иванова"]
    assert find(database, event, "olga siemens") == []


# Accents -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ("jurgen", "Jürgen Müller"), ("JÜRGEN", "Jürgen Müller"), ("Jürgen", "Jürgen Müller"),
    ("mueller", "Jürgen Müller"),  # the umlaut spelt out, as on a German passport
    ("francois lefevre", "François Lefèvre"), ("universite", "François Lefèvre"),
    ("lukasz", "Łukasz Kowalski"),  # a letter without a decomposition
    ("γιωργος", "Γιώργος Παπαδόπουλος"),  # Greek without its tonos
])
def test_accents_are_ignored(
    database: Database, event: Event, people: dict[str, int], query: str, expected: str
) -> None:
    assert expected in names(find(database, event, query))


def test_accented_query_finds_a_name_stored_without_accents(
    database: Database, event: Event
) -> None:
    with database.session() as session:
        guest = _add(session, session.merge(event), "Jose Garcia")
        reindex_guests(session, [guest.id])
    assert names(find(database, event, "José García")) == ["Jose Garcia"]


# Chinese characters ------------------------------------------------------------------------


def test_one_character_finds_every_guest_with_that_surname_first(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    hits = find(database, event, "张")
    assert names(hits) == ["张丽", "张伟", "张晓明"]  # by the key that matched: the given name
    assert all(h.match is Match.NAME_PREFIX for h in hits)


def test_two_characters_are_a_whole_name(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    hits = find(database, event, "张伟")
    assert names(hits) == ["张伟"]
    assert hits[0].match is Match.EXACT_NAME


def test_a_character_inside_a_given_name(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    assert set(names(find(database, event, "伟"))) == {"张伟", "李伟", "曾伟"}
    assert names(find(database, event, "晓明")) == ["张晓明"]
    assert names(find(database, event, "阳娜")) == ["欧阳娜娜"]  # across a compound surname


def test_surname_after_a_character_ranks_after_the_surname(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    # 王 starts 王芳 and 王芳芳 and is inside 李王芳: those starting with it come first.
    hits = find(database, event, "王")
    assert set(names(hits[:2])) == {"王芳", "王芳芳"}
    assert names(hits[2:]) == ["李王芳"]
    assert hits[2].match is Match.NAME_WORD


# Pinyin ------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [
    "zhangwei", "zhang wei", "Zhang Wei", "ZHANGWEI", "zhāng wěi", "zhāngwěi", "wei zhang",
])
def test_full_pinyin_with_or_without_spaces_and_tones(
    database: Database, event: Event, people: dict[str, int], query: str
) -> None:
    hits = find(database, event, query)
    assert hits and hits[0].name == "张伟"
    assert "李伟" not in names(hits)


def test_pinyin_typed_so_far(database: Database, event: Event, people: dict[str, int]) -> None:
    assert set(names(find(database, event, "zhang"))) == {"张伟", "张晓明", "张丽"}
    assert names(find(database, event, "zhangx")) == ["张晓明"]
    assert names(find(database, event, "xiaoming")) == ["张晓明"]
    assert names(find(database, event, "ouyang")) == ["欧阳娜娜"]


def test_surname_reading_of_a_polyphonic_character(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    assert names(find(database, event, "zengwei")) == ["曾伟"]


@pytest.mark.parametrize(("query", "expected"), [
    ("zw", {"张伟", "曾伟"}), ("zxm", {"张晓明"}), ("lw", {"李伟", "李王芳"}),
    ("oynn", {"欧阳娜娜"}),
])
def test_pinyin_initials(
    database: Database, event: Event, people: dict[str, int], query: str, expected: set[str]
) -> None:
    assert set(names(find(database, event, query))) == expected


# Other scripts -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "own_script", "romanised"), [
    ("田中浩", "田中", "tanaka"),  # Japanese kanji
    ("さとう ゆき", "ゆき", "sato"),  # Japanese kana
    ("김민준", "김민", "minjun"),  # Korean
    ("Ольга Иванова", "иванов", "ivanova"),  # Cyrillic
    ("Дмитрий Петров", "Петров", "petrov"),  # Cyrillic, romanised form made from the name
    ("Γιώργος Παπαδόπουλος", "Παπαδ", "papadopoulos"),  # Greek
    ("محمد حسن", "حسن", "hassan"),  # Arabic
    ("สมชาย ใจดี", "ใจดี", "jaidee"),  # Thai
    ("प्रिया शर्मा", "शर्मा", "sharma"),  # Devanagari
])
def test_names_in_their_own_script_and_romanised(
    database: Database, event: Event, people: dict[str, int], name: str, own_script: str,
    romanised: str,
) -> None:
    assert names(find(database, event, own_script)) == [name]
    assert names(find(database, event, romanised)) == [name]
    assert names(find(database, event, romanised.upper())) == [name]


def test_korean_romanised_with_its_hyphen(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    assert names(find(database, event, "Kim Min-jun")) == ["김민준"]
    assert find(database, event, "Kim Min-jun")[0].match is Match.EXACT_NAME


# Ranking and the limit ---------------------------------------------------------------------


def test_exact_name_first(database: Database, event: Event, people: dict[str, int]) -> None:
    hits = find(database, event, "anna")
    assert names(hits)[0] == "Anna Berg"
    assert hits[0].match is Match.NAME_PREFIX
    assert names(hits) == ["Anna Berg", "Annabelle Stone", "Maria Anna Rossi"]
    hits = find(database, event, "王芳")
    assert names(hits) == ["王芳", "王芳芳", "李王芳"]
    assert [h.match for h in hits] == [Match.EXACT_NAME, Match.NAME_PREFIX, Match.NAME_WORD]


def test_exact_name_before_an_earlier_alphabetical_prefix(
    database: Database, event: Event
) -> None:
    with database.session() as session:
        forum = session.merge(event)
        ids = [_add(session, forum, n).id for n in ("Lee Aaron", "Lee", "Lee Zhou")]
        reindex_guests(session, ids)
    hits = find(database, event, "lee")
    assert names(hits)[0] == "Lee" and hits[0].match is Match.EXACT_NAME


def test_the_guest_number_comes_first(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    hits = find(database, event, "3")
    assert hits[0].match is Match.NUMBER and hits[0].number == 3


def test_results_are_limited(database: Database, event: Event) -> None:
    with database.session() as session:
        forum = session.merge(event)
        ids = [_add(session, forum, f"张{chr(0x4E00 + i)}").id for i in range(60)]
        reindex_guests(session, ids)
    assert len(find(database, event, "张")) == 20
    assert len(find(database, event, "张", limit=5)) == 5
    assert len(find(database, event, "zhang", limit=45)) == 45
    assert len(find(database, event, "张", limit=MAX_LIMIT + 500)) == 60
    assert find(database, event, "张", limit=0) == []
    # The first five of a longer list are the first five of the short one.
    assert names(find(database, event, "张", limit=5)) == names(find(database, event, "张"))[:5]


def test_nothing_to_search_for_finds_nothing(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    assert find(database, event, "") == []
    assert find(database, event, "   ") == []
    assert find(database, event, "!?-") == []
    assert find(database, event, "nobody") == []


def test_other_events_are_not_searched(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    with database.session() as session:
        other = events.create_event(session, "Another forum", event.starts_on, event.ends_on,
                                    event.timezone, with_keys=False)
        reindex_guests(session, [_add(session, other, "张伟", "Zhang Wei").id])
        other_id = other.id
    assert [h.id for h in find(database, event, "张伟")] == [people["张伟"]]
    with database.session() as session:
        hits = search_guests(session, other_id, "张伟")
    assert len(hits) == 1 and hits[0].id != people["张伟"]


# Correcting a guest ------------------------------------------------------------------------


def test_reindex_after_a_name_is_corrected(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    guest_id = people["张伟"]
    with database.session() as session:
        guest = session.get(Guest, guest_id)
        assert guest is not None
        guest.name, guest.name_latin = "王伟", "Wang Wei"
        guest.company, guest.email = "Airbus", "wang.wei@airbus.com"
        reindex_guests(session, [guest_id])
    assert guest_id not in [h.id for h in find(database, event, "张伟")]
    assert guest_id not in [h.id for h in find(database, event, "zhangwei")]
    assert guest_id not in [h.id for h in find(database, event, "huawei")]
    for query in ("王伟", "wangwei", "wang wei", "ww", "airbus"):
        assert [h.id for h in find(database, event, query)] == [guest_id], query
    # Only the corrected guest's keys changed.
    assert set(names(find(database, event, "张"))) == {"张晓明", "张丽"}


def test_an_address_moving_to_another_domain_moves_its_guest(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    """E-mail domain keys are stored once per domain: a guest whose address changes is found
    by the new domain at once, no longer by the old, and a domain nobody uses loses its keys."""
    guest_id = people["李伟"]
    assert [h.id for h in find(database, event, "qq com")] == [guest_id]
    with database.session() as session:
        guest = session.get(Guest, guest_id)
        assert guest is not None
        guest.email = "liwei@Siemens.de"
        reindex_guests(session, [guest_id])
        left = session.scalars(text(
            "SELECT DISTINCT domain FROM email_domain_search_terms ORDER BY domain")).all()
    assert left == ["huawei.com", "siemens.de", "tsinghua.edu.cn"]
    assert find(database, event, "qq") == []
    found = find(database, event, "siemens de")
    assert {h.id for h in found} == {guest_id, people["Jürgen Müller"]}
    assert all(h.match is Match.EMAIL for h in found if h.id == guest_id)
    assert [h.id for h in find(database, event, "li siemens")] == [guest_id]


def test_reindex_of_a_removed_guest_drops_its_keys(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    guest_id = people["李伟"]
    with database.session() as session:
        session.execute(text("DELETE FROM guests WHERE id = :id"), {"id": guest_id})
        reindex_guests(session, [guest_id])
        left = session.scalar(
            text("SELECT count(*) FROM guest_search_terms WHERE guest_id = :id"), {"id": guest_id}
        )
    assert left == 0
    assert set(names(find(database, event, "伟"))) == {"张伟", "曾伟"}


def test_checked_in_state_of_each_hit(
    database: Database, event: Event, people: dict[str, int], clock: FixedClock
) -> None:
    from kiosk.checkin import Gate

    with database.session() as session:
        guest = session.get(Guest, people["张伟"])
        assert guest is not None
        token = events.credential_for(session.merge(event), guest)
    verdict = Gate(database, "Exhibition hall", clock=clock).scan(token)
    assert verdict.is_accepted, verdict
    state = {h.name: h.is_checked_in for h in find(database, event, "伟")}
    assert state == {"张伟": True, "李伟": False, "曾伟": False}


# At scale: the index, never a full-table scan ---------------------------------------------


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    """A demo forum of 4,000 guests, with the planner's statistics gathered."""
    db = Database.open(tmp_path_factory.mktemp("large"))
    with db.session() as session:
        forum_id = build_demo(session, guests=4_000, seed=7).id
    with db.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    yield db, forum_id
    db.close()


def _statements(db: Database, forum_id: int, query: str) -> tuple[list[SearchHit],
                                                                    list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    sa_event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session() as session:
            hits = search_guests(session, forum_id, query)
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", record)
    return hits, seen


@pytest.mark.parametrize("query", ["张", "张伟", "wang", "zhang wei", "zw", "li 北京", "maria",
                                   "com", "1234", "qqqq"])
def test_search_at_scale_reads_the_index_not_the_table(
    large: tuple[Database, int], query: str
) -> None:
    db, forum_id = large
    _hits, statements = _statements(db, forum_id, query)
    searching = [s for s in statements if "guest_search_terms" in s[0] or "guests" in s[0]]
    assert searching
    with db.engine.connect() as connection:
        for statement, parameters in statements:
            assert "LIKE" not in statement.upper()
            if not statement.lstrip().upper().startswith("SELECT"):
                continue  # BEGIN
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                              parameters).all()
            details = [row[-1] for row in plan]
            assert not _full_reads(details), (statement, details)
            assert any(d.startswith("SEARCH") for d in details), (statement, details)


def _full_reads(details: list[str]) -> list[str]:
    """Plan steps reading a whole table or index (SQLite says SCAN; SEARCH is an index range;
    scanning the few rows a bounded subquery produced is no table read), or sorting rows."""
    return [d for d in details
            if (d.startswith("SCAN") and not d.startswith("SCAN (subquery")) or "TEMP B-TREE" in d]


@pytest.mark.parametrize("exact", [False, True])
@pytest.mark.parametrize("after", [False, True])
def test_every_page_of_a_key_scan_seeks_in_the_index(
    large: tuple[Database, int], exact: bool, after: bool
) -> None:
    db, forum_id = large
    statement = _scan_sql(exact, after)
    parameters: dict[str, object] = {
        "event": forum_id, "kind": 1, "lo": "zhang", "hi": "zhang\U0010ffff", "batch": 20,
        "after_term": "zhang wei", "after_id": 100,
    }
    with db.engine.connect() as connection:
        plan = connection.execute(text(f"EXPLAIN QUERY PLAN {statement.text}"), parameters).all()
    details = [row[-1] for row in plan]
    assert not _full_reads(details), details
    lookup = [d for d in details if "ix_guest_search_terms_lookup" in d]
    assert len(lookup) == 1
    if exact:
        assert "term=?" in lookup[0]
    if after:  # the page starts where the last ended, not at the start of the range
        assert ("guest_id>?" if exact else "term>?") in lookup[0]


def _plan(db: Database, statement: str, parameters: Any) -> list[str]:
    with db.engine.connect() as connection:
        if isinstance(parameters, dict):
            rows = connection.execute(text(f"EXPLAIN QUERY PLAN {statement}"), parameters)
        else:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        return [row[-1] for row in rows]


@pytest.mark.parametrize("owner", ["company", "domain"])
def test_every_statement_of_a_company_scan_seeks_in_an_index(
    large: tuple[Database, int], owner: str
) -> None:
    """Company keys are stored once per company: a scan reads a page of a company's keys from
    the company index, then each company's guests in id order from the guests' company index;
    e-mail domain keys alike, through the guests' (event_id, email_domain) index."""
    from kiosk.search import _COMPANIES, _COUNT_COMPANY_KEYS, _COUNT_DOMAIN_KEYS, _DOMAINS

    shared, count, table_index, guests_index, value = (
        (_COMPANIES, _COUNT_COMPANY_KEYS, "ix_company_search_terms_lookup",
         "ix_guests_event_company", "北京大学") if owner == "company" else
        (_DOMAINS, _COUNT_DOMAIN_KEYS, "ix_email_domain_search_terms_lookup",
         "ix_guests_event_email_domain", "example.com"))
    db, forum_id = large
    parameters: dict[str, object] = {
        "event": forum_id, "lo": "bei", "hi": "bei\U0010ffff", "batch": 20, "cap": 2000,
        "after_term": "beijing", "after": value,
    }
    first = _plan(db, shared.first_terms.text, parameters)
    later = _plan(db, shared.next_terms.text, parameters)
    for details in (first, later):
        assert not _full_reads(details), details
        assert len([d for d in details if table_index in d]) == 1, details
    assert "term>?" in later[0]
    guests = _plan(db, shared.owner_guests, (forum_id, value, 100, 16))
    assert not _full_reads(guests), guests
    assert guests == [d for d in guests if guests_index in d] and len(guests) == 1
    assert "rowid>?" in guests[0] or "id>?" in guests[0], guests
    after = _plan(db, shared.guests_after, (forum_id, 100, 256))
    assert not _full_reads(after), after
    counted = _plan(db, count.text, parameters)
    assert not _full_reads(counted), counted
    assert any(guests_index in d for d in counted), counted


def test_search_at_scale_finds_real_guests(large: tuple[Database, int]) -> None:
    db, forum_id = large
    with db.session() as session:
        some = session.execute(
            select(Guest.id, Guest.name, Guest.name_latin).where(
                Guest.event_id == forum_id, Guest.country == "CN").limit(5)
        ).all()
        for guest_id, name, latin in some:
            assert latin is not None
            for query in (name, latin, latin.replace(" ", "")):
                hits = search_guests(session, forum_id, query)
                assert guest_id in [h.id for h in hits], (query, names(hits))
                assert hits[0].match in (Match.EXACT_NAME, Match.NUMBER), query


# `kiosk guests` ----------------------------------------------------------------------------


def _cli(data_dir: Path, *argv: str) -> list[str]:
    return ["--data-dir", str(data_dir), *argv]


def test_guests_command_json(
    data_dir: Path, people: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_cli(data_dir, "--json", "guests", "zhang", "wei")) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in records] == ["张伟"]
    assert records[0]["match"] == "exact_name"
    assert records[0]["name_latin"] == "Zhang Wei"
    assert records[0]["company"] == "北京华为科技有限公司"
    assert records[0]["is_checked_in"] is False


def test_guests_command_table_and_limit(
    data_dir: Path, people: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_cli(data_dir, "guests", "张")) == 0
    out = capsys.readouterr().out
    assert "张伟 (Zhang Wei)" in out and "北京华为科技有限公司" in out
    assert out.rstrip().endswith("3 guest(s)")
    assert main(_cli(data_dir, "guests", "张", "--limit", "2")) == 0
    out = capsys.readouterr().out
    assert "2 guest(s) (limit reached" in out


def test_guests_command_no_match(
    data_dir: Path, people: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_cli(data_dir, "guests", "nobody")) == 0
    assert capsys.readouterr().out.strip() == "no guest matches 'nobody'"
    assert main(_cli(data_dir, "--json", "guests", "nobody")) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("argv", [["guests", ""], ["guests", "  "],
                                  ["guests", "zw", "--limit", "0"],
                                  ["guests", "zw", "--limit", "many"]])
def test_guests_command_usage_errors(
    data_dir: Path, people: dict[str, int], capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(_cli(data_dir, *argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith("kiosk: ") and "\n" not in err and "Traceback" not in err


# Re-indexing many guests at once ------------------------------------------------------------


def _indexes(database: Database) -> list[tuple[str, str]]:
    with database.engine.connect() as connection:
        return sorted(tuple(row) for row in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'guest_search_terms'"))


def test_bulk_reindex_rebuilds_the_indexes_as_they_were(
    database: Database, event: Event, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _indexes(database)
    assert len(before) == 1  # the table is itself the (guest_id, term, rank) b-tree
    with database.session() as session:
        expected = session.scalar(text("SELECT count(*) FROM guest_search_terms"))
    monkeypatch.setattr("kiosk.search.BULK_REINDEX", 5)  # every guest at once: the bulk path
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    sa_event.listen(database.engine, "before_cursor_execute", record)
    try:
        with database.session() as session:
            reindex_guests(session, people.values())
    finally:
        sa_event.remove(database.engine, "before_cursor_execute", record)
    assert any(s.strip().startswith("DROP INDEX") for s in statements)
    assert _indexes(database) == before
    with database.session() as session:
        assert session.scalar(text("SELECT count(*) FROM guest_search_terms")) == expected
    assert names(find(database, event, "zhang wei")) == ["张伟"]
    assert names(find(database, event, "ivanova")) == ["Ольга Иванова"]


def test_failed_bulk_reindex_keeps_the_indexes_and_the_keys(
    database: Database, event: Event, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _indexes(database)
    monkeypatch.setattr("kiosk.search.BULK_REINDEX", 5)

    def broken(*_: Any) -> set[tuple[int, str]]:
        raise RuntimeError("disk gone")

    monkeypatch.setattr("kiosk.search_keys._name_keys", broken)
    with pytest.raises(RuntimeError), database.session() as session:
        reindex_guests(session, people.values())
    assert _indexes(database) == before
    assert names(find(database, event, "zhang wei")) == ["张伟"]


# Every word, every tier: the search against a plain reading of the rules ------------------


def _expected(keys_of: dict[int, set[tuple[int, str]]], query: str) -> dict[int, Match]:
    """Guests every word of query starts a key of, with the tier the module doc gives: the
    worst over the words of the best kind of key each starts (name, company, e-mail)."""
    from kiosk.search import _query_words

    tier_of = {1: Match.NAME_WORD, 2: Match.NAME_WORD, 3: Match.COMPANY, 4: Match.EMAIL}
    found: dict[int, Match] = {}
    for guest_id, keys in keys_of.items():
        tiers = []
        for word in _query_words(query):
            kinds = [kind for kind, key in keys if key.startswith(word)]
            if not kinds:
                break
            tiers.append(tier_of[min(kinds)])
        else:
            found[guest_id] = max(tiers)
    return found


def test_multi_word_search_finds_exactly_the_guests_matching_every_word(
    large: tuple[Database, int]
) -> None:
    from kiosk.search import search_keys

    db, forum_id = large
    with db.session() as session:
        guests = session.execute(
            select(Guest.id, Guest.name, Guest.name_latin, Guest.company, Guest.email)
            .where(Guest.event_id == forum_id)).all()
    keys_of = {g.id: search_keys(g.name, g.name_latin, g.company, g.email) for g in guests}
    queries = ["wang li", "li wang", "zhang bei", "yu com", "xiao hua", "ming 大学", "chen 科技",
               "a b", "liu 163", "wei zhang", "maria gmail", "an de"]
    checked = 0
    with db.session() as session:
        for query in queries:
            expected = _expected(keys_of, query)
            hits = search_guests(session, forum_id, query, limit=MAX_LIMIT)
            got = {h.id: h.match for h in hits}
            # Whole-name matches rank above the word tiers; every other hit has its tier.
            assert set(got) == set(expected), query
            for guest_id, match in got.items():
                if match not in (Match.EXACT_NAME, Match.NAME_PREFIX, Match.NUMBER):
                    assert match is expected[guest_id], (query, guest_id)
            tiers = [h.match for h in hits]
            assert tiers == sorted(tiers), query
            checked += len(hits)
            # A short list is the start of the long one.
            short = search_guests(session, forum_id, query, limit=7)
            assert [h.id for h in short] == [h.id for h in hits[:7]], query
    assert checked > 50


_NONE, _COMPANY, _DOMAIN, _BOTH = (False, False), (True, False), (False, True), (True, True)


@pytest.mark.parametrize("after", [False, True])
@pytest.mark.parametrize("companies", [(_NONE,), (_COMPANY,), (_DOMAIN,), (_BOTH,),
                                       (_NONE, _COMPANY, _DOMAIN), (_BOTH, _BOTH, _BOTH)])
def test_every_page_of_a_multi_word_scan_seeks_in_the_index(
    large: tuple[Database, int], after: bool, companies: tuple[tuple[bool, bool], ...]
) -> None:
    from kiosk.search import _words_sql

    db, forum_id = large
    parameters: dict[str, object] = {
        "event": forum_id, "kind": 2, "lo": "zhang", "hi": "zhang\U0010ffff", "batch": 20,
        "after_term": "zhang wei", "after_id": 100,
    }
    for i in range(len(companies)):
        parameters[f"lo{i}"], parameters[f"hi{i}"] = "w", "w\U0010ffff"
    with db.engine.connect() as connection:
        plan = connection.execute(
            text(f"EXPLAIN QUERY PLAN {_words_sql(companies, after).text}"), parameters).all()
    details = [row[-1] for row in plan]
    assert not _full_reads(details), details
    assert len([d for d in details if "ix_guest_search_terms_lookup" in d]) == 1
    # Each other word: the guest's own keys by primary key (whether, and the best kind: a name
    # kind, else an e-mail's when the word starts company or domain keys too), and then its
    # company's and its e-mail domain's keys (whether, best) by their primary keys.
    own = [d for d in details if "USING PRIMARY KEY (guest_id=? AND term>? AND term<?)" in d]
    company = [d for d in details
               if "USING PRIMARY KEY (event_id=? AND company=? AND term>? AND term<?)" in d]
    domain = [d for d in details
              if "USING PRIMARY KEY (event_id=? AND domain=? AND term>? AND term<?)" in d]
    shared = sum(1 for flags in companies if any(flags))
    assert len(own) == 2 * len(companies) + shared, details
    assert len(company) == 2 * sum(c for c, _ in companies), details
    assert len(domain) == 2 * sum(d for _, d in companies), details


@pytest.mark.parametrize("companies", [(_NONE,), (_COMPANY,), (_DOMAIN,),
                                       (_COMPANY, _NONE, _BOTH)])
def test_filtering_guests_found_by_company_seeks_in_the_index(
    large: tuple[Database, int], companies: tuple[tuple[bool, bool], ...]
) -> None:
    from kiosk.search import _filter_sql

    db, _ = large
    parameters: dict[str, object] = {}
    for i in range(len(companies)):
        parameters[f"lo{i}"], parameters[f"hi{i}"] = "w", "w\U0010ffff"
    statement = _filter_sql(companies).text
    assert "g.id IN :ids" in statement
    details = _plan(db, statement.replace(":ids", "(3, 5, 8)"), parameters)
    assert not _full_reads(details), details
    assert details[0].startswith("SEARCH g USING INTEGER PRIMARY KEY"), details
    shared = sum(1 for flags in companies if any(flags))
    assert len([d for d in details if "USING PRIMARY KEY" in d]) == (
        2 * len(companies) + shared + 2 * sum(c + d for c, d in companies)), details


@pytest.mark.parametrize("email", ["zhang.wei@huawei.com", "O'Brien_X@Ex-ample.CO.uk",
                                   "a+b@x.io", "müller@straße.de", "张伟@例子.中国",
                                   "a.b.c.d.e.f.g.h.i.j@k.l.m.n", "a.b.c@d.e.f.g.h.i.j.k.l.m",
                                   "no-at-sign.example", "first@second@third.org", "x@",
                                   "@only.domain", "a'@'b.c", "...@---", ""])
def test_email_keys_fold_like_every_other_text(email: str) -> None:
    from kiosk.search_keys import _email_keys, words

    parts = words(email)[:12]
    assert _email_keys(email) == [" ".join(parts[i:]) for i in range(len(parts))]


@pytest.mark.parametrize("email", ["zhang.wei@huawei.com", "O'Brien_X@Ex-ample.CO.uk",
                                   "a+b@x.io", "müller@straße.de", "a.b.c.d.e.f.g.h.i.j@k.l.m.n",
                                   "a.b.c@d.e.f.g.h.i.j.k", "a.b.c@d.e.f.g.h.i.j.k.l.m",
                                   "no-at-sign.example", "first@second@third.org", "x@",
                                   "@only.domain", "a'@'b.c", "...@---", "x@-", ""])
def test_email_domain_is_the_one_whose_keys_the_guest_leaves_out(email: str) -> None:
    """email_domain() (an import's quick test) agrees with the keys stored for the guest: the
    domain's keys are stored once per domain exactly when the guest's own leave them out."""
    from kiosk.search_keys import _email_keys, _own_email_keys, domain_keys, email_domain

    own, domain = _own_email_keys(email)
    assert email_domain(email) == domain
    shared = domain_keys(domain) if domain is not None else []
    assert sorted(own + shared) == sorted(_email_keys(email))


def test_guests_command_no_match_of_a_pasted_page_stays_one_short_line(
    data_dir: Path, people: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_cli(data_dir, "guests", "张" * 5000)) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("no guest matches '张张") and out.endswith("...'")
    assert "\n" not in out and len(out) < 100


# Upgrading a venue laptop mid-event --------------------------------------------------------


def test_an_upgrade_keeps_the_guests_and_rebuilds_their_keys_at_the_first_search(
    data_dir: Path, database: Database, event: Event, people: dict[str, int]
) -> None:
    """Going from the keys of 0002_search (one row per guest for company keys too) to 0003 and
    back: the guests stay, the key tables are made anew, and the first search rebuilds every
    key the way this version makes them (the marker in sync_state)."""
    from alembic import command
    from alembic.config import Config

    from kiosk.db import MIGRATIONS
    from kiosk.models import SyncState
    from kiosk.search import SEARCH_KEYS_STATE, SEARCH_KEYS_VERSION

    def migrate(step: str, target: str) -> list[str]:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, step)(config, target)
            return sorted(connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalars())

    def tables() -> dict[str, str]:
        with database.engine.connect() as connection:
            return dict(connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())

    assert "0003_search_per_company" in migrate("downgrade", "0003_search_per_company")
    assert "0003_search_per_company" not in migrate("downgrade", "0002_search")
    assert "company_search_terms" not in tables()
    assert "WITHOUT ROWID" not in tables()["guest_search_terms"]
    again = Database.open(data_dir)  # what a laptop with the new version does: upgrade heads
    try:
        assert "WITHOUT ROWID" in tables()["guest_search_terms"]
        with again.session() as session:
            marker = session.get(SyncState, SEARCH_KEYS_STATE)
            assert marker is not None and marker.value != SEARCH_KEYS_VERSION
            assert session.scalar(text("SELECT count(*) FROM guest_search_terms")) == 0
            assert session.scalar(select(func.count()).select_from(Guest)) == len(people)
        for query, name in [("zhang wei", "张伟"), ("siemens", "Jürgen Müller"),
                            ("华为", "张伟"), ("ivanova", "Ольга Иванова")]:
            with again.session() as session:
                assert [h.name for h in search_guests(session, event.id, query)] == [name]
        with again.session() as session:
            marker = session.get(SyncState, SEARCH_KEYS_STATE)
            assert marker is not None and marker.value == SEARCH_KEYS_VERSION
            companies = session.scalar(text(
                "SELECT count(DISTINCT company) FROM company_search_terms"))
        assert companies == len({row[2] for row in PEOPLE if row[2]})
    finally:
        again.close()


def test_stored_keys_are_each_guests_keys_and_each_companys_once(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    from kiosk.search_keys import company_keys, guest_keys

    with database.session() as session:
        guests = session.execute(select(Guest.id, Guest.name, Guest.name_latin, Guest.company,
                                        Guest.email)).all()
        stored: dict[int, set[tuple[int, str]]] = {}
        for guest_id, rank, term in session.execute(
                text("SELECT guest_id, rank, term FROM guest_search_terms")):
            stored.setdefault(guest_id, set()).add((rank, term))
        companies: dict[str, set[str]] = {}
        for company, term in session.execute(
                text("SELECT company, term FROM company_search_terms")):
            companies.setdefault(company, set()).add(term)
    assert {g.id: guest_keys(g.name, g.name_latin, g.email) for g in guests} == stored
    assert companies == {g.company: set(company_keys(g.company)) for g in guests if g.company}


@pytest.mark.parametrize(("few", "read_ahead"), [(0, 10**9), (0, 300), (0, 0), (10**9, 0)])
def test_guests_of_companies_sharing_a_key_come_in_key_then_id_order(
    large: tuple[Database, int], monkeypatch: pytest.MonkeyPatch, few: int, read_ahead: int
) -> None:
    """Company keys are stored per company; a scan of them lists guests as if each guest held
    the keys: by key, then by guest id, whichever way the guests are read (in id order with a
    look-ahead, company by company, or first one then the other)."""
    from kiosk.search import company_keys

    db, forum_id = large
    monkeypatch.setattr("kiosk.search._FEW_COMPANIES", few)
    monkeypatch.setattr("kiosk.search._READ_AHEAD", read_ahead)
    with db.session() as session:
        guests = session.execute(select(Guest.id, Guest.company).where(
            Guest.event_id == forum_id, Guest.company.is_not(None))).all()
    for word in ("大学", "公司", "科技", "bei", "a"):
        rows = sorted((key, guest_id) for guest_id, company in guests if company
                      for key in company_keys(company) if key.startswith(word))
        with db.session() as session:
            hits = search_guest_ids(session, forum_id, word, MAX_LIMIT)
        ahead = {hit_id for hit_id, match, _ in hits if match is not Match.COMPANY}
        expected: list[int] = []
        for _, guest_id in rows:
            if guest_id not in expected and guest_id not in ahead:
                expected.append(guest_id)
        got = [hit_id for hit_id, match, _ in hits if match is Match.COMPANY]
        assert len(got) > 20, word
        assert got == expected[:MAX_LIMIT - len(ahead)], word


def test_keys_and_search_work_through_core_where_the_driver_is_not_sqlites_qmark(
    tmp_path: Path
) -> None:
    """A server's PostgreSQL takes the search keys through SQLAlchemy Core, not the plain tuples
    handed to SQLite's driver: the same keys and hits with named parameters (SQLite's driver
    takes those too, so the other path runs here)."""
    from sqlalchemy import create_engine

    from kiosk.db import migrate
    from kiosk.importer import import_guests

    engine = create_engine(f"sqlite:///{tmp_path / 'named.sqlite3'}", paramstyle="named")
    assert engine.dialect.paramstyle == "named"
    migrate(engine)
    database = Database(engine)
    try:
        with database.session() as session:
            forum = events.create_event(session, "Forum", dt.date(2026, 12, 7),
                                        dt.date(2026, 12, 11), "Asia/Shanghai", with_keys=False)
            ids = {row[0]: _add(session, forum, *row).id for row in PEOPLE}
            for index in range(12):  # a key shared by many companies: read in id order
                _add(session, forum, f"Extra {index}", None, f"Firma {index} GmbH")
            reindex_guests(session, list(ids.values()))
            reindex_guests(session, [g for g in session.scalars(select(Guest.id))
                                     if g not in ids.values()])
            forum_id = forum.id
        with database.session() as session:
            assert [h.name for h in search_guests(session, forum_id, "zhang wei")] == ["张伟"]
            assert [h.name for h in search_guests(session, forum_id, "华为")] == ["张伟"]
            assert [h.name for h in search_guests(session, forum_id, "gmbh", 5)] == [
                f"Extra {i}" for i in range(5)]
            assert session.scalar(text("SELECT count(DISTINCT company) FROM "
                                       "company_search_terms")) > 12
        guest_list = tmp_path / "list.csv"
        guest_list.write_text("姓名,单位\n李娜,华为技术有限公司\nOlga Berg,Firma 3 GmbH\n",
                              encoding="utf-8")
        with database.session() as session:
            stored = session.get(Event, forum_id)
            assert stored is not None
            report = import_guests(session, stored, guest_list)
        assert report.new == 2
        with database.session() as session:
            assert [h.id for h in search_guests(session, forum_id, "li na")] == [
                report.guest_ids[0]]
            # by the company key that matched: 华为技术... before 华为科技...
            assert [h.name for h in search_guests(session, forum_id, "华为")] == ["李娜", "张伟"]
    finally:
        database.close()


def test_a_rebuild_uses_keys_made_elsewhere_only_where_still_true(
    database: Database, event: Event, people: dict[str, int], tmp_path: Path
) -> None:
    """Keys a worker wrote into its file (kiosk.key_worker) are used for a guest only if made
    from the details the guest has now (its latest batch); the rest are made at rebuild time."""
    from sqlalchemy import update

    from kiosk import key_worker
    from kiosk.search import KEYS_FILE_SCHEMA, rebuild_search_index
    from kiosk.search_keys import GuestDetails, MadeFile

    def all_keys() -> list[tuple[Any, ...]]:
        with database.session() as session:
            return sorted(tuple(row) for row in session.execute(text(
                "SELECT guest_id, rank, term FROM guest_search_terms UNION ALL "
                "SELECT 0, company, term FROM company_search_terms UNION ALL "
                "SELECT 0, domain, term FROM email_domain_search_terms")))

    with database.session() as session:
        details = [cast(GuestDetails, tuple(row)) for row in session.execute(
            select(Guest.id, Guest.event_id, Guest.name, Guest.name_latin, Guest.company,
                   Guest.email).order_by(Guest.id))]
        schema = key_worker.keys_schema(session.connection())
    half = len(details) // 2
    renamed, left_out = details[0][0], details[1][0]
    # What the worker does, here: batch one has a stale name for the first guest (renamed
    # since) and the last guest, handed over again in batch two; the second guest is in none
    # of the file's batches.
    path = tmp_path / "keys.sqlite3"
    key_worker._open(str(path), schema)
    batches = [[(*details[0][:2], "Old Name", *details[0][3:]), *details[2:half], details[-1]],
               details[half:]]
    domains = [key_worker._add(batch, again) for batch, again in
               zip(batches, [[], [details[-1][0]]], strict=True)]
    key_worker._seal()
    with database.session() as session:
        session.execute(update(Guest).where(Guest.id == renamed).values(name="张新名"))
        rebuild_search_index(session)
    expected = all_keys()
    with database.session() as session:
        # The second guest is in no batch: its keys are made at rebuild time.
        made = MadeFile(path, list(zip(batches, domains, strict=True)))
        assert rebuild_search_index(session, lambda: made) == len(details)
    assert all_keys() == expected
    assert left_out in {row[0] for row in expected}
    assert names(find(database, event, "zhangxinming")) == ["张新名"]
    assert names(find(database, event, "old name")) == []
    with database.engine.connect() as connection:  # detached when it went back to the pool
        attached = [row[1] for row in connection.exec_driver_sql("PRAGMA database_list")]
        assert "main" in attached and KEYS_FILE_SCHEMA not in attached


def test_keys_lose_their_foreign_keys_in_an_upgrade_and_keep_their_rows(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    """0005: guest_search_terms made anew without foreign keys (SQLite checked two per key
    written), its rows copied, so search needs no rebuild; a downgrade puts them back."""
    from alembic import command
    from alembic.config import Config

    from kiosk.db import MIGRATIONS

    def migrate(step: str, target: str) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, step)(config, target)

    def keys_and_references() -> tuple[list[Any], list[Any], str]:
        with database.engine.connect() as connection:
            keys = sorted(connection.exec_driver_sql(
                "SELECT guest_id, term, rank, event_id FROM guest_search_terms").all())
            references = connection.exec_driver_sql(
                "PRAGMA foreign_key_list(guest_search_terms)").all()
            sql = connection.exec_driver_sql(
                "SELECT group_concat(sql, ';') FROM sqlite_master "
                "WHERE tbl_name = 'guest_search_terms'").scalar()
            return keys, references, sql

    keys, references, now = keys_and_references()
    assert keys and references == []
    migrate("downgrade", "0004_search_per_domain")
    before, references, _ = keys_and_references()
    assert before == keys and {r[2] for r in references} == {"guests", "events"}
    migrate("upgrade", "heads")
    after, references, again = keys_and_references()
    assert after == keys and references == [] and again == now
    assert "WITHOUT ROWID" in now and "ix_guest_search_terms_lookup" in now
    assert names(find(database, event, "zhang wei")) == ["张伟"]


def test_removing_the_events_removes_their_search_keys(
    database: Database, event: Event, people: dict[str, int]
) -> None:
    from kiosk.demo import remove_events

    with database.session() as session:
        assert session.scalar(text("SELECT count(*) FROM guest_search_terms"))
        remove_events(session)
    with database.session() as session:
        assert session.scalar(text("SELECT count(*) FROM guest_search_terms")) == 0

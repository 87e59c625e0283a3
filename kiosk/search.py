"""Guest search: any part of a name, company or e-mail, in any script, fast at 100,000 guests.

Every guest has a set of *search keys* in ``guest_search_terms`` (one row per key), each of one
:class:`KeyKind`. A key is folded text (see :func:`fold`) and a query word matches a key when it is
a *prefix* of it, so every lookup is an index range ``term >= q AND term < q || U+10FFFF`` on
``(event_id, rank, term, guest_id)``; no query reads the guests table beyond the hits it returns.

Keys of a name (``Guest.name`` and ``Guest.name_latin`` alike):

* the whole name (``jurgen muller``) and, for names in a non-Latin script, its romanised form:
  pinyin for Chinese characters (``zhangwei``; polyphonic surnames with their surname reading,
  ``曾`` zeng, ``单`` shan, ``解`` xie, as well as the everyday one), anyascii for Cyrillic, Greek,
  Arabic, Korean, Japanese kana, Thai, Devanagari... (``ivan petrov``, ``gimminjun``);
* every rotation of its words (``muller jurgen``), so a query may start at any word and the
  words may come in either order; for romanised Chinese/Korean names the same at syllable
  boundaries (``weizhang``);
* every suffix of a Chinese-character word (``伟`` of ``张伟``): with prefix matching, any
  substring of a Chinese name is found, one character included;
* the initials of the romanised syllables (``zw``);
* German umlauts also spelt out (``mueller`` finds Müller).

Companies get the suffixes of their words (and of Chinese words, character by character, plus
their pinyin at syllable boundaries); e-mail addresses the suffixes of their parts
(``wei example com`` of ``zhang.wei@example.com``).

A query is folded the same way and split into words; every word must match some key of the guest
(any order). Results come in tiers (:class:`Match`): the guest number typed in full, the exact
whole name, a prefix of the whole name, a word of the name, the company, the e-mail; within a tier
alphabetically by the key that matched (so by surname when a surname was typed), then by id.

``reindex_guests`` must be called after every change of a guest's name, company or e-mail (the
importer, the demo builder and the staff desk do). The keys are made by kiosk.search_keys (pure
functions, also run by kiosk.key_worker for long lists); this module stores and searches them.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Table,
    TextClause,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from kiosk.db import ATTACHED_INFO, bulk_cache, index_sort
from kiosk.domain import Direction
from kiosk.models import (
    CompanySearchTerm,
    EmailDomainSearchTerm,
    Guest,
    GuestSearchTerm,
    Scan,
    SyncState,
)
from kiosk.search_keys import (
    _COMPANY,
    _EMAIL,
    _IS_HAN,
    _NAME,
    _PART,
    MAX_TERM,
    GuestDetails,
    KeyKind,
    MadeFile,
    MadeKeys,
    company_keys,
    domain_keys,
    fold,
    make_keys,
    search_keys,
    words,
)

MAX_QUERY_WORDS = 8
MAX_LIMIT = 1000
_TOP = "\U0010ffff"  # sorts after every character: q <= key < q + _TOP is "key starts with q"
_CHUNK = 500  # ids per IN (...) list

# A marker in sync_state: present and different from this when the stored keys were made by an
# older way of deriving them (a migration sets it); the next search then rebuilds every key.
SEARCH_KEYS_STATE = "search_keys_version"
SEARCH_KEYS_VERSION = "4"


class Match(IntEnum):
    """How well a guest matched; lower sorts first."""

    NUMBER = 0  # the query was the guest number
    EXACT_NAME = 1  # the whole name, in any of its forms
    NAME_PREFIX = 2  # the beginning of the whole name
    NAME_WORD = 3  # every query word starts a word (or syllable, or character) of the name
    COMPANY = 4  # at least one query word matched only the company
    EMAIL = 5  # at least one query word matched only the e-mail address


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One guest found, with how it matched."""

    id: int
    uid: str
    number: int
    name: str
    name_latin: str | None
    company: str | None
    email: str | None
    category: str
    is_cancelled: bool
    is_checked_in: bool  # has an accepted entry that nobody has undone
    match: Match
    matched_key: str  # the stored key that matched first (folded text)


# Re-indexing at least this many guests, and at least half of those stored, drops the lookup
# index of guest_search_terms and builds it again after the insert: building an index from
# sorted rows is several times faster than a million inserts at random places in it.
BULK_REINDEX = 5_000

_GUEST_KEY_INSERT = ("INSERT INTO guest_search_terms (guest_id, event_id, rank, term) "
                     "VALUES (?, ?, ?, ?)")
_COMPANY_KEY_INSERT = ("INSERT INTO company_search_terms (event_id, company, term) "
                       "VALUES (?, ?, ?)")
_DOMAIN_KEY_INSERT = ("INSERT INTO email_domain_search_terms (event_id, domain, term) "
                      "VALUES (?, ?, ?)")

def _insert_rows(session: Session, table: Table, statement: str,
                 rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows in the order of `statement`'s columns: on SQLite as plain tuples straight to the
    driver (no per-row processing); elsewhere (a server's PostgreSQL) through Core."""
    connection = session.connection()
    if connection.dialect.paramstyle == "qmark":
        connection.exec_driver_sql(statement, rows)
        return
    columns = statement.split("(", 1)[1].split(")", 1)[0].split(", ")
    session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


def reindex_guests(session: Session, guest_ids: Iterable[int]) -> None:
    """Rebuild the search keys of these guests from their stored details (flushes the session
    first; ids of guests that no longer exist just lose their keys)."""
    ids = sorted(set(guest_ids))
    if not ids:
        return
    session.flush()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        session.execute(delete(GuestSearchTerm).where(GuestSearchTerm.guest_id.in_(chunk)))

    stored: dict[int, str | None] = {}

    def details() -> Iterator[GuestDetails]:
        for start in range(0, len(ids), _CHUNK):
            for row in session.execute(
                select(Guest.id, Guest.event_id, Guest.name, Guest.name_latin, Guest.company,
                       Guest.email, Guest.email_domain).where(
                    Guest.id.in_(ids[start:start + _CHUNK]))
            ).all():
                stored[row[0]] = row[6]
                yield cast(GuestDetails, tuple(row[:6]))

    _index(session, details(), len(ids), stored)
    _forget_unused(session)


def index_new_guests(session: Session, guests: Sequence[GuestDetails], *,
                     domains_set: bool = False) -> None:
    """Store the search keys of guests just inserted (they have none yet), from the details
    the caller holds: no delete and no read-back, for an import or a first sync.
    `domains_set`: the caller inserted each guest's Guest.email_domain as email_domain() gives
    it (else they are set here)."""
    if guests:
        session.flush()
        _index(session, iter(sorted(guests)), len(guests),
               None if domains_set else {guest[0]: None for guest in guests})


_MAKE_BATCH = 5_000  # guests whose keys are made at a time


def _made_here(guests: Iterator[GuestDetails]) -> Iterator[MadeKeys]:
    for batch in iter(lambda: list(itertools.islice(guests, _MAKE_BATCH)), []):
        yield make_keys(batch)


def _index(session: Session, guests: Iterator[GuestDetails], count: int,
           stored: dict[int, str | None] | None) -> None:
    """Make and insert the keys of these guests (in id order, holding no keys) and of their
    companies and e-mail domains not yet indexed; set Guest.email_domain where it differs
    from what `stored` holds for the guest (None: every guest's is right)."""
    connection = session.connection()
    with bulk_cache(connection) if count >= BULK_REINDEX else contextlib.nullcontext():
        _store_keys(session, connection, _made_here(guests), count, stored)


def _store_keys(session: Session, connection: Connection, made: Iterable[MadeKeys], count: int,
                stored: dict[int, str | None] | None, *, id_shift: int = 0,
                bulk_allowed: bool = True) -> None:
    """_index with the keys made already (by batch, in guest id order). `id_shift` is added to
    every guest id of `made` (keys made before the guests had their ids: store_keys_file, on
    SQLite only)."""
    table = cast(Table, GuestSearchTerm.__table__)
    bulk = bulk_allowed and count >= BULK_REINDEX and 2 * count >= (
        session.scalar(select(func.count()).select_from(Guest)) or 0)
    if bulk:
        for index in table.indexes:
            index.drop(connection)
    companies: dict[tuple[int, str], None] = {}
    domains: dict[tuple[int, str], None] = {}
    changed: list[tuple[str | None, int]] = []
    statement = _GUEST_KEY_INSERT
    if id_shift:  # SQLite adds it (store_keys_file is SQLite's alone)
        statement = statement.replace("VALUES (?,", f"VALUES (? + {int(id_shift)},")
    for batch in made:
        if batch.rows:
            _insert_rows(session, table, statement, batch.rows)
        for (guest_id, event_id, _name, _latin, company, _email), domain in zip(
                batch.guests, batch.domains, strict=True):
            if domain is not None:
                domains[event_id, domain] = None
            if stored is not None and stored.get(guest_id + id_shift) != domain:
                changed.append((domain, guest_id + id_shift))
            if company:
                companies[event_id, company] = None
    if bulk:  # a failure before this rolls back with the drop
        with index_sort(connection):
            for index in table.indexes:
                index.create(connection)
    _set_domains(session, changed)
    _index_shared(session, list(companies), CompanySearchTerm.company, _COMPANY_KEY_INSERT,
                  lambda company: sorted(company_keys(company)))
    _index_shared(session, list(domains), EmailDomainSearchTerm.domain, _DOMAIN_KEY_INSERT,
                  domain_keys)


def _set_domains(session: Session, changed: list[tuple[str | None, int]]) -> None:
    """Store Guest.email_domain of these (domain, guest id), leaving updated_at as it is
    (derived data, like the keys)."""
    if not changed:
        return
    connection = session.connection()
    if connection.dialect.paramstyle == "qmark":
        connection.exec_driver_sql("UPDATE guests SET email_domain = ? WHERE id = ?", changed)
        return
    table = cast(Table, Guest.__table__)
    connection.execute(
        update(table).where(table.c.id == bindparam("guest"))
        .values(email_domain=bindparam("domain"), updated_at=table.c.updated_at),
        [{"domain": domain, "guest": guest_id} for domain, guest_id in changed])


def _index_shared(session: Session, owners: list[tuple[int, str]], column: Any,
                  statement: str, keys: Callable[[str], list[str]]) -> None:
    """Store the keys of these (event id, company or domain) not stored yet (`column`: the
    owner column of the table the keys go to)."""
    if not owners:
        return
    table = column.class_.__table__
    stored: set[tuple[int, str]] = set()
    for event_id in {event_id for event_id, _ in owners}:
        stored.update(session.execute(
            select(table.c.event_id, column).where(table.c.event_id == event_id).distinct()
        ))
    rows = [(event_id, owner, term) for event_id, owner in owners
            if (event_id, owner) not in stored for term in keys(owner)]
    if rows:
        _insert_rows(session, table, statement, rows)


def _forget_unused(session: Session) -> None:
    """Drop the keys of companies and e-mail domains no guest of their event has any more."""
    for table, column, guests_column in (
        ("company_search_terms", "company", "company"),
        ("email_domain_search_terms", "domain", "email_domain"),
    ):
        session.execute(text(
            f"DELETE FROM {table} WHERE (event_id, {column}) IN ("
            f" SELECT c.event_id, c.{column} FROM (SELECT DISTINCT event_id, {column}"
            f" FROM {table}) c WHERE NOT EXISTS (SELECT 1 FROM guests g"
            f" WHERE g.event_id = c.event_id AND g.{guests_column} = c.{column}))"))


def set_aside_guest_indexes(session: Session) -> None:
    """Drop the guests' plain lookup indexes (event; event and e-mail, company, e-mail domain)
    before a first pull of a long list: each takes the guests in the order of its own column,
    which cost about half of the pull's inserts. The search rebuild that ends the pull (or the
    first search, if the pull is cut short) builds them again, one sort each. The unique
    indexes stay: the pull looks guests up by uid and by (event, number), as scans do."""
    connection = session.connection()
    for index in cast(Table, Guest.__table__).indexes:
        index.drop(connection, checkfirst=True)


def _restore_guest_indexes(connection: Connection) -> None:
    with index_sort(connection):
        for index in cast(Table, Guest.__table__).indexes:
            index.create(connection, checkfirst=True)


def rebuild_search_index(
    session: Session, made: Callable[[], MadeFile | None] | None = None
) -> int:
    """Rebuild the keys of every guest (after an upgrade changed how keys are made, or a first
    pull stored its guests without) and the guests' lookup indexes a pull set aside; returns
    how many guests were indexed. `made`: gives keys a worker made already (kiosk.key_worker,
    while a pull stored the guests), or None; called once the guests are read and their
    indexes built, so that this process does that while the worker finishes. A guest's keys
    from the worker are used when made from its details as stored, else made here."""
    session.flush()
    session.execute(delete(GuestSearchTerm))
    session.execute(delete(CompanySearchTerm))
    session.execute(delete(EmailDomainSearchTerm))
    # Read before any index is dropped or built (no statement may be open), as plain rows:
    # 100,000 guests through the ORM's result machinery cost a few tenths of a second more.
    connection = session.connection()
    rows = connection.exec_driver_sql(
        "SELECT id, event_id, name, name_latin, company, email, email_domain FROM guests "
        "ORDER BY id").all()
    stored: dict[int, str | None] = {row[0]: row[6] for row in rows}
    details = {row[0]: cast(GuestDetails, tuple(row[:6])) for row in rows}
    _restore_guest_indexes(connection)
    from_worker = made() if made is not None else None
    if from_worker is not None:
        store_keys_file(session, from_worker, len(details), stored=stored, current=details)
    else:
        _index(session, iter(details.values()), len(details), stored)
    state = session.get(SyncState, SEARCH_KEYS_STATE)
    if state is not None:
        state.value = SEARCH_KEYS_VERSION
    return len(details)


KEYS_FILE_SCHEMA = "kiosk_made_keys"  # the name a worker's file is attached under


def store_keys_file(session: Session, made: MadeFile, count: int, *,
                    stored: dict[int, str | None] | None = None,
                    current: dict[int, GuestDetails] | None = None, id_shift: int = 0) -> None:
    """Store the keys a worker wrote into a scratch file (kiosk.key_worker), the latest of each
    guest of `made.batches` (each guest with its e-mail domain). `current`: every guest's
    details as stored now (a rebuild); a guest whose latest batch has other details, or who is
    in no batch, has its keys made here. `id_shift` is added to each
    guest id of `made`. `count` and `stored` as for _index. The file stays attached until the
    connection goes back to the pool (kiosk.db: SQLite cannot detach it inside the
    transaction)."""
    session.flush()
    connection = session.connection()
    connection.exec_driver_sql(f"ATTACH DATABASE ? AS {KEYS_FILE_SCHEMA}", (str(made.path),))
    connection.info[ATTACHED_INFO] = KEYS_FILE_SCHEMA
    in_file = f"{KEYS_FILE_SCHEMA}.guest_search_terms"
    latest: dict[int, tuple[GuestDetails, str | None]] = {}
    for guests, domains in made.batches:
        for guest, domain in zip(guests, domains, strict=True):
            latest[guest[0]] = (guest, domain)
    here: list[GuestDetails] = []
    if current is not None:
        stale = [(guest_id,) for guest_id, (guest, _) in latest.items()
                 if current.get(guest_id) != guest]
        if stale:
            connection.exec_driver_sql(f"DELETE FROM {in_file} WHERE guest_id = ?", stale)
        for (guest_id,) in stale:
            del latest[guest_id]
        here = [guest for guest_id, guest in current.items() if guest_id not in latest]
    with bulk_cache(connection):
        empty = connection.exec_driver_sql(
            "SELECT 1 FROM main.guest_search_terms LIMIT 1").first() is None
        if empty and not id_shift:
            # The same table and indexes, and an empty destination: SQLite copies the rows and
            # their index entries as they are, several times faster than inserting them.
            connection.exec_driver_sql(
                f"INSERT INTO main.guest_search_terms SELECT * FROM {in_file}")
        else:
            connection.exec_driver_sql(
                "INSERT INTO main.guest_search_terms (guest_id, term, rank, event_id) "
                f"SELECT guest_id + ?, term, rank, event_id FROM {in_file}", (id_shift,))
        done = MadeKeys([guest for guest, _ in latest.values()],
                        [domain for _, domain in latest.values()], [])
        _store_keys(session, connection, [done], count, stored, id_shift=id_shift,
                    bulk_allowed=False)
        if here:  # real ids: no shift (a rebuild gives none)
            _store_keys(session, connection, _made_here(iter(here)), len(here), stored)


def _ensure_current(session: Session) -> None:
    state = session.get(SyncState, SEARCH_KEYS_STATE)
    if state is not None and state.value != SEARCH_KEYS_VERSION:
        rebuild_search_index(session)


# Searching -------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _scan_sql(exact: bool, after: bool) -> TextClause:
    """Guest keys of one kind matching a word, in index order (term, guest)."""
    where = ["t.event_id = :event", "t.rank = :kind"]
    # A later page seeks straight to where the last one ended: a row value alone as the lower
    # bound (SQLite would range over every later term of the kind) or the first page's bound
    # with the row value as a filter (every page would read the range from its start) both
    # read far more of the index than the page.
    if exact:
        where.append("t.term = :lo AND t.guest_id > :after_id" if after else "t.term = :lo")
    elif after:
        where.append("t.term >= :after_term AND t.term < :hi"
                     " AND (t.term, t.guest_id) > (:after_term, :after_id)")
    else:
        where.append("t.term >= :lo AND t.term < :hi")
    return text(
        "SELECT t.guest_id, t.term FROM guest_search_terms t WHERE "
        + " AND ".join(where)
        + " ORDER BY t.term, t.guest_id LIMIT :batch"
    )


def _key_rows(session: Session, event_id: int, kind: int, word: str,
              exact: bool = False) -> Iterator[tuple[int, str]]:
    """(guest id, key) of every key of `kind` starting with (or equal to) word, in the order
    (key, guest id), read page by page as the caller goes on."""
    if kind == _COMPANY:
        yield from _shared_rows(session, event_id, word, _COMPANIES)
        return
    own = _own_key_rows(session, event_id, kind, word, exact)
    if kind == _EMAIL and not exact:
        # The guest's own keys and its domain's, together in (key, guest id) order.
        yield from heapq.merge(own, _shared_rows(session, event_id, word, _DOMAINS),
                               key=lambda row: (row[1], row[0]))
        return
    yield from own


def _own_key_rows(session: Session, event_id: int, kind: int, word: str,
                  exact: bool) -> Iterator[tuple[int, str]]:
    """_key_rows of the keys stored per guest."""
    params: dict[str, object] = {"event": event_id, "kind": kind, "lo": word,
                                 "hi": word + _TOP}
    batch, after = 24, False
    while True:
        params["batch"] = batch
        rows = session.execute(_scan_sql(exact, after), params).all()
        yield from rows
        if len(rows) < batch:
            return
        after = True
        params["after_term"], params["after_id"] = rows[-1][1], rows[-1][0]
        batch = min(4 * batch, 4096)


@dataclass(frozen=True, slots=True)
class _Shared:
    """Keys stored once per owner (a company, an e-mail domain) that every guest whose column
    names the owner has: statements for pages of keys and for the guests of owners."""

    first_terms: TextClause  # (key, owner) of a key range, in that order
    next_terms: TextClause  # the same after (:after_term, :after)
    owner_guests: str  # ids of one owner's guests after an id, ascending
    guests_after: str  # (id, owner) of the event's guests after an id, ascending


def _shared(table: str, owner: str, guests_column: str) -> _Shared:
    terms = (f"SELECT term, {owner} FROM {table} WHERE event_id = :event AND {{range}}"
             f" ORDER BY term, {owner} LIMIT :batch")
    return _Shared(
        text(terms.format(range="term >= :lo AND term < :hi")),
        text(terms.format(range=f"term >= :after_term AND term < :hi"
                                f" AND (term, {owner}) > (:after_term, :after)")),
        f"SELECT id FROM guests WHERE event_id = ? AND {guests_column} = ? AND id > ?"
        " ORDER BY id LIMIT ?",
        f"SELECT id, {guests_column} FROM guests WHERE event_id = ? AND id > ?"
        " ORDER BY id LIMIT ?",
    )


_COMPANIES = _shared("company_search_terms", "company", "company")
_DOMAINS = _shared("email_domain_search_terms", "domain", "email_domain")


def _shared_rows(session: Session, event_id: int, word: str,
                 shared: _Shared) -> Iterator[tuple[int, str]]:
    """(guest id, key) of every guest whose company (or e-mail domain) has a key starting with
    word, in the order (key, guest id) - the order the keys would have if stored once per
    guest: the guests of all owners sharing a key are merged by id."""
    params: dict[str, object] = {"event": event_id, "lo": word, "hi": word + _TOP}
    cursor = _driver_reader(session)
    batch, statement = 64, shared.first_terms
    term: str | None = None
    group: list[str] = []
    while True:
        params["batch"] = batch
        rows = session.execute(statement, params).all()
        for key, owner in rows:
            if key != term:
                if group and term is not None:
                    yield from _merged_guests(cursor, event_id, term, group, shared)
                term, group = key, []
            group.append(owner)
        if len(rows) < batch:
            break
        statement = shared.next_terms
        params["after_term"], params["after"] = rows[-1]
        batch = min(4 * batch, 4096)
    if group and term is not None:
        yield from _merged_guests(cursor, event_id, term, group, shared)


# A key shared by more companies than this is looked for by reading guests in id order (the
# companies sharing a word such as 公司 or "university" hold many of the guests); a key of a few
# companies, company by company.
_FEW_COMPANIES = 8
_READ_AHEAD = 2048  # guests read in id order at most before going company by company


Reader = Callable[[str, tuple[Any, ...]], list[Any]]


def _driver_reader(session: Session) -> Reader:
    """Runs a statement with ? placeholders and returns its rows: on SQLite straight through
    the driver (a key shared by many companies runs one small statement per company, where
    SQLAlchemy's own work per statement would cost more than SQLite's), elsewhere as text()."""
    connection = session.connection()
    if connection.dialect.paramstyle == "qmark":
        driver = connection.connection.dbapi_connection
        assert driver is not None
        return lambda sql, params: driver.execute(sql, params).fetchall()

    def run(sql: str, params: tuple[Any, ...]) -> list[Any]:
        parts = sql.split("?")
        named = "".join(f"{part}:p{i}" for i, part in enumerate(parts[:-1])) + parts[-1]
        return list(session.execute(text(named), {f"p{i}": v for i, v in enumerate(params)}))
    return run


def _merged_guests(connection: Reader, event_id: int, term: str,
                   owners: list[str], shared: _Shared) -> Iterator[tuple[int, str]]:
    """(guest id, term) of the guests of these owners (companies or domains), ascending by
    id."""
    after = -1
    if len(owners) > _FEW_COMPANIES:
        group = set(owners)
        read, batch = 0, 256
        while read < _READ_AHEAD:
            rows = connection(shared.guests_after, (event_id, after, batch))
            for guest_id, owner in rows:
                if owner in group:
                    yield guest_id, term
            if len(rows) < batch:
                return  # every guest of the event read
            after, read, batch = rows[-1][0], read + len(rows), 2 * batch
        # Few of the guests are of these owners: the rest owner by owner.
    streams = [_owner_guests(connection, event_id, owner, after, shared) for owner in owners]
    merged = streams[0] if len(streams) == 1 else heapq.merge(*streams)
    for guest_id in merged:
        yield guest_id, term


def _owner_guests(connection: Reader, event_id: int, owner: str,
                  after: int, shared: _Shared) -> Iterator[int]:
    """Ids of one owner's (company's or domain's) guests after `after`, ascending, in growing
    pages."""
    batch = 16
    while True:
        ids = [row[0] for row in connection(shared.owner_guests,
                                            (event_id, owner, after, batch))]
        yield from ids
        if len(ids) < batch:
            return
        after, batch = ids[-1], min(4 * batch, 4096)


def _scan(
    session: Session, event_id: int, kind: KeyKind, word: str, *, exact: bool = False,
    found: dict[int, tuple[Match, str]], match: Match, limit: int,
) -> None:
    """Add to `found` (in order) guests with a key of `kind` starting with (or equal to) word."""
    if len(found) >= limit:
        return
    for guest_id, term in _key_rows(session, event_id, int(kind), word, exact):
        if guest_id not in found:
            found[guest_id] = (match, term)
            if len(found) >= limit:
                return


# Which tier a single query word found in a key of each kind belongs to.
_ALONE = {KeyKind.NAME: Match.NAME_PREFIX, KeyKind.NAME_PART: Match.NAME_WORD,
          KeyKind.COMPANY: Match.COMPANY, KeyKind.EMAIL: Match.EMAIL}


def _query_words(query: str) -> list[str]:
    found = list(dict.fromkeys(w[:MAX_TERM] for w in words(query[:1000])))
    return found[:MAX_QUERY_WORDS]


def _weight(word: str) -> int:
    """How selective a query word is likely to be: Chinese characters say more than letters."""
    return sum(3 if _IS_HAN.match(c) else 1 for c in word)


_ESTIMATE_CAP = 2000  # keys counted at most per word when choosing the word that drives
_COUNT_GUEST_KEYS = text(
    "SELECT count(*) FROM (SELECT 1 FROM guest_search_terms WHERE event_id = :event"
    " AND rank IN (1, 2, 4) AND term >= :lo AND term < :hi LIMIT :cap)")
_COUNT_COMPANY_KEYS = text(  # a company's key counts once for each of its guests
    "SELECT count(*) FROM (SELECT 1 FROM company_search_terms c JOIN guests g"
    " ON g.event_id = c.event_id AND g.company = c.company WHERE c.event_id = :event"
    " AND c.term >= :lo AND c.term < :hi LIMIT :cap)")
_COUNT_DOMAIN_KEYS = text(  # and a domain's once for each guest with an address there
    "SELECT count(*) FROM (SELECT 1 FROM email_domain_search_terms d JOIN guests g"
    " ON g.event_id = d.event_id AND g.email_domain = d.domain WHERE d.event_id = :event"
    " AND d.term >= :lo AND d.term < :hi LIMIT :cap)")


def _rarest(session: Session, event_id: int, query_words: list[str]) -> str:
    """The query word starting the fewest keys (counted up to a cap, a bounded index range
    each; a company's key once per guest of the company); ties go to the word that looks more
    selective (Chinese characters, then length).

    Driving with the rarest word keeps a query whose words are each common but rare together
    (``chen feiy``) from filtering thousands of keys of the common one in every tier."""
    sizes: dict[str, int] = {}
    for word in query_words:
        params = {"event": event_id, "lo": word, "hi": word + _TOP, "cap": _ESTIMATE_CAP}
        own = session.scalar(_COUNT_GUEST_KEYS, params) or 0
        for shared in (_COUNT_DOMAIN_KEYS, _COUNT_COMPANY_KEYS):
            if own < _ESTIMATE_CAP:
                params["cap"] = _ESTIMATE_CAP - own
                own += session.scalar(shared, params) or 0
        sizes[word] = own
    return min(query_words, key=lambda word: (sizes[word], -_weight(word)))


# Which tier a key of each kind puts a word in (a guest's tier is its words' worst).
_TIER = {_NAME: Match.NAME_WORD, _PART: Match.NAME_WORD, _COMPANY: Match.COMPANY,
         _EMAIL: Match.EMAIL}
# Within a tier, guests come by the kind of key the driving word matched, in this order, then
# by that key (so `zhang w` lists by surname, and a company match by its company key first).
_KIND_ORDER = {
    Match.NAME_WORD: (_NAME, _PART),
    Match.COMPANY: (_COMPANY, _NAME, _PART),
    Match.EMAIL: (_EMAIL, _NAME, _PART, _COMPANY),
}


# Per other word of a query: whether it starts some company's key, and some e-mail domain's
# (else the guest's own keys are all there is to look at for that kind).
SharedFlags = tuple[bool, bool]


def _word_sql(i: int, guest: str, shared: SharedFlags) -> tuple[str, str]:
    """For query word i and the guest whose id is the SQL expression `guest`: the best kind of
    key the word starts (NULL if none) and the condition that it starts one."""
    company, domain = shared

    def own(alias: str, what: str, rank: str = "") -> str:
        return (f"SELECT {what} FROM guest_search_terms {alias} WHERE {alias}.guest_id = {guest}"
                f" AND {alias}.term >= :lo{i} AND {alias}.term < :hi{i}{rank}")

    def of_owner(alias: str, what: str, table: str, owner: str, column: str) -> str:
        return (f"SELECT {what} FROM guests {alias}g JOIN {table} {alias}c"
                f" ON {alias}c.event_id = {alias}g.event_id"
                f" AND {alias}c.{owner} = {alias}g.{column}"
                f" WHERE {alias}g.id = {guest} AND {alias}c.term >= :lo{i}"
                f" AND {alias}c.term < :hi{i}")

    def of_company(alias: str, what: str) -> str:
        return of_owner(alias, what, "company_search_terms", "company", "company")

    def of_domain(alias: str, what: str) -> str:
        return of_owner(alias, what, "email_domain_search_terms", "domain", "email_domain")

    if not company and not domain:
        return f"({own(f'u{i}', f'min(u{i}.rank)')})", f"EXISTS ({own(f'e{i}', '1')})"
    # Kinds rank name 1, name part 2, company 3, e-mail 4: the best is a name key's, else the
    # company's, else the e-mail's own or its domain's (coalesce stops at the first not NULL).
    best = [f"({own(f'n{i}', f'min(n{i}.rank)', f' AND n{i}.rank < {_COMPANY}')})"]
    exists = [f"EXISTS ({own(f'e{i}', '1')})"]
    if company:
        best.append(f"({of_company(f'b{i}', str(_COMPANY))} LIMIT 1)")
        exists.append(f"EXISTS ({of_company(f'x{i}', '1')})")
    best.append(f"({own(f'm{i}', f'min(m{i}.rank)', f' AND m{i}.rank > {_COMPANY}')})")
    if domain:
        best.append(f"({of_domain(f'd{i}', str(_EMAIL))} LIMIT 1)")
        exists.append(f"EXISTS ({of_domain(f'y{i}', '1')})")
    return f"coalesce({', '.join(best)})", f"({' OR '.join(exists)})"


@functools.lru_cache(maxsize=256)
def _words_sql(flags: tuple[SharedFlags, ...], after: bool) -> TextClause:
    """Guest keys of one kind starting with the driving word, of guests matching every other
    word in some key; with, for each other word, the best kind of key it matched. One pair of
    flags per other word: whether it starts some company's key, some e-mail domain's."""
    parts = [_word_sql(i, "t.guest_id", each) for i, each in enumerate(flags)]
    where = ["t.event_id = :event", "t.rank = :kind"]
    where.append("t.term >= :after_term AND t.term < :hi"
                 " AND (t.term, t.guest_id) > (:after_term, :after_id)" if after
                 else "t.term >= :lo AND t.term < :hi")
    where += [exists for _, exists in parts]
    best = ", ".join(f"{expression} AS r{i}" for i, (expression, _) in enumerate(parts))
    return text(
        f"SELECT t.guest_id, t.term, {best} FROM guest_search_terms t WHERE "
        + " AND ".join(where) + " ORDER BY t.term, t.guest_id LIMIT :batch"
    )


@functools.lru_cache(maxsize=256)
def _filter_sql(flags: tuple[SharedFlags, ...]) -> TextClause:
    """Of some guests (ids bound as :ids, expanding), those matching every other word, each
    with the best kind of key every other word matched (flags as for _words_sql)."""
    parts = [_word_sql(i, "g.id", each) for i, each in enumerate(flags)]
    best = ", ".join(f"{expression} AS r{i}" for i, (expression, _) in enumerate(parts))
    where = " AND ".join(["g.id IN :ids", *(exists for _, exists in parts)])
    return text(f"SELECT g.id, {best} FROM guests g WHERE {where}").bindparams(
        bindparam("ids", expanding=True))


_ANY_COMPANY_KEY = text(
    "SELECT 1 FROM company_search_terms WHERE event_id = :event AND term >= :lo AND term < :hi"
    " LIMIT 1")


_ANY_DOMAIN_KEY = text(
    "SELECT 1 FROM email_domain_search_terms WHERE event_id = :event AND term >= :lo"
    " AND term < :hi LIMIT 1")


def _starts_shared_keys(session: Session, event_id: int, word: str) -> SharedFlags:
    """Whether the word starts a key of some company of the event, of some e-mail domain."""
    params = {"event": event_id, "lo": word, "hi": word + _TOP}
    return (session.scalar(_ANY_COMPANY_KEY, params) is not None,
            session.scalar(_ANY_DOMAIN_KEY, params) is not None)


def _filtered_rows(
    session: Session, rows: Iterator[tuple[int, str]], params: dict[str, object],
    flags: tuple[SharedFlags, ...], batch: int,
) -> Iterator[list[tuple[Any, ...]]]:
    """Pages of (guest id, key, best kind of each other word) of these (guest id, key) rows
    (of a company key or an e-mail key starting with the driving word, in the order (key,
    guest id)) whose guests match every other word; a page holds at most `batch` rows before
    filtering."""
    while True:
        page = list(itertools.islice(rows, batch))
        if not page:
            return
        ids = sorted({guest_id for guest_id, _ in page})
        kept = {row[0]: row[1:] for row in session.execute(
            _filter_sql(flags), {**params, "ids": ids})}
        yield [(guest_id, term, *kept[guest_id]) for guest_id, term in page
               if guest_id in kept]
        if len(page) < batch:
            return
        batch = min(4 * batch, 1000)  # the other words are rare among these guests


def _scan_words(
    session: Session, event_id: int, driver: str, others: list[str],
    found: dict[int, tuple[Match, str]], limit: int,
) -> None:
    """Add to `found` the guests matching every word, by tier: the driving word's keys of each
    kind are read once (not once per tier), each row saying which kinds the other words
    matched. A scan stops as soon as the guests it could still place ahead are enough."""
    need = limit - len(found)
    if need <= 0:
        return
    params: dict[str, object] = {"event": event_id, "lo": driver, "hi": driver + _TOP}
    for i, other in enumerate(others):
        params[f"lo{i}"], params[f"hi{i}"] = other, other + _TOP
    # A word no company's (domain's) key starts is looked for in the guest's own keys alone.
    flags = tuple(_starts_shared_keys(session, event_id, other) for other in others)
    # guest -> (tier, kind order within the tier, position in the scans, key)
    placed: dict[int, tuple[Match, int, int, str]] = {}
    position = 0

    def ahead(kind: int) -> int:
        """Guests already placed ahead of anything the scan of this kind may still find (what
        it finds is in this kind's tier or a later one, and after what it found before)."""
        first = (_TIER[kind], _KIND_ORDER[_TIER[kind]].index(kind))
        return sum(1 for tier, order, _, _ in placed.values() if (tier, order) <= first)

    def place(kind: int, rows: Iterable[Sequence[Any]]) -> None:
        nonlocal position
        for guest_id, term, *best in rows:
            if guest_id in found:
                continue
            tier = max(_TIER[kind], *(_TIER[r] for r in best))
            order = _KIND_ORDER[tier].index(kind)
            position += 1
            old = placed.get(guest_id)
            if old is None or (tier, order) < (old[0], old[1]):
                placed[guest_id] = (tier, order, position, term)

    for kind in (_NAME, _PART, _COMPANY, _EMAIL):
        batch = 2 * need + 8
        if kind in (_COMPANY, _EMAIL):
            # Keys stored per company or per domain: read in order, then filtered.
            pages = _filtered_rows(session, _key_rows(session, event_id, kind, driver), params,
                                   flags, batch)
            while ahead(kind) < need:
                page = next(pages, None)
                if page is None:
                    break
                place(kind, page)
            continue
        params["kind"] = kind
        params["batch"] = batch
        after = False
        while ahead(kind) < need:
            rows = session.execute(_words_sql(flags, after), params).all()
            place(kind, rows)
            if len(rows) < batch:
                break
            after = True
            params["after_term"], params["after_id"] = rows[-1][1], rows[-1][0]
    ranked = sorted(placed.items(), key=lambda item: item[1][:3])
    for guest_id, (tier, _, _, term) in ranked[:need]:
        found[guest_id] = (tier, term)


def search_guest_ids(
    session: Session, event_id: int, query: str, limit: int = 20
) -> list[tuple[int, Match, str]]:
    """(guest id, how it matched, key that matched) of the best `limit` guests, best first."""
    found: dict[int, tuple[Match, str]] = {}
    if limit <= 0:
        return []
    limit = min(limit, MAX_LIMIT)
    stripped = query.strip()
    if stripped.isascii() and stripped.isdigit() and len(stripped) < 10:
        guest_id = session.scalar(
            select(Guest.id).where(Guest.event_id == event_id, Guest.number == int(stripped))
        )
        if guest_id is not None:
            found[guest_id] = (Match.NUMBER, stripped)
    query_words = _query_words(query)
    if not query_words:
        return [(gid, m, key) for gid, (m, key) in found.items()]
    # The whole query against whole names: words as typed, and run together ("zhang wei").
    phrases = list(dict.fromkeys([" ".join(query_words)[:MAX_TERM],
                                  "".join(query_words)[:MAX_TERM]]))
    for phrase in phrases:
        _scan(session, event_id, KeyKind.NAME, phrase, exact=True, found=found,
              match=Match.EXACT_NAME, limit=limit)
    for phrase in phrases:
        _scan(session, event_id, KeyKind.NAME, phrase, found=found, match=Match.NAME_PREFIX,
              limit=limit)
    # Word by word: the most selective word drives the index scan, the others filter.
    driver = _rarest(session, event_id, query_words) if len(query_words) > 1 else query_words[0]
    others = [w for w in query_words if w != driver]
    if others:
        _scan_words(session, event_id, driver, others, found, limit)
        return [(gid, m, key) for gid, (m, key) in found.items()]
    for kind in (KeyKind.NAME_PART, KeyKind.COMPANY, KeyKind.EMAIL):
        # A lone word: a later word of a name, then the company, then the e-mail (the whole
        # name was the phrase scans above).
        _scan(session, event_id, kind, driver, found=found, match=_ALONE[kind], limit=limit)
    return [(gid, m, key) for gid, (m, key) in found.items()]


def search_guests(
    session: Session, event_id: int, query: str, limit: int = 20
) -> list[SearchHit]:
    """The guests of an event matching every word of query, best first, at most `limit`."""
    _ensure_current(session)
    ranked = search_guest_ids(session, event_id, query, limit)
    if not ranked:
        return []
    ids = [gid for gid, _, _ in ranked]
    guests = {g.id: g for g in session.execute(
        select(Guest.id, Guest.uid, Guest.number, Guest.name, Guest.name_latin, Guest.company,
               Guest.email, Guest.category, Guest.is_cancelled).where(Guest.id.in_(ids))
    ).all()}
    inside = set(session.scalars(
        select(Scan.guest_id).where(
            Scan.guest_id.in_(ids), Scan.is_accepted.is_(True), Scan.undone_at.is_(None),
            Scan.direction == Direction.IN.value,
        ).distinct()
    ))
    hits = []
    for gid, match, key in ranked:
        g = guests.get(gid)
        if g is None:
            continue
        hits.append(SearchHit(
            id=g.id, uid=g.uid, number=g.number, name=g.name, name_latin=g.name_latin,
            company=g.company, email=g.email, category=g.category,
            is_cancelled=bool(g.is_cancelled), is_checked_in=gid in inside, match=match,
            matched_key=key,
        ))
    return hits


__all__ = [
    "KeyKind",
    "Match",
    "SearchHit",
    "fold",
    "rebuild_search_index",
    "reindex_guests",
    "search_guest_ids",
    "search_guests",
    "search_keys",
    "set_aside_guest_indexes",
    "words",
]

"""`kiosk demo [--guests N] [--seed S] [--force]`: the built-in forum (issue 3 item 8).

The default size is built once for the module through the command itself; determinism and the
refusals are checked on smaller forums, where the seed decides exactly the same things.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypinyin import lazy_pinyin
from sqlalchemy import func, select

from kiosk import demo, events
from kiosk.cli import main
from kiosk.db import Database
from kiosk.domain import Category
from kiosk.models import Checkpoint, Guest, Scan
from kiosk.search import search_guests

SCRIPTS = ("Han", "Hangul", "Cyrillic", "Greek", "Arabic", "Thai", "Devanagari",
           demo.ACCENTED_LATIN)
_LATIN_TEXT = re.compile(r"[A-Za-z][A-Za-z' .-]*")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def forum(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Any], Database]]:
    """The default demo, built by `kiosk --json demo`; its summary and its database."""
    folder = tmp_path_factory.mktemp("demo")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = main(["--data-dir", str(folder), "--json", "demo"])
    assert code == 0
    facts = json.loads(output.getvalue())
    database = Database.open(folder)
    yield facts, database
    database.close()


def _guests(database: Database) -> list[Guest]:
    with database.session() as session:
        return list(session.scalars(select(Guest).order_by(Guest.number)))


def test_default_size_and_categories(forum: tuple[dict[str, Any], Database]) -> None:
    facts, database = forum
    guests = _guests(database)
    assert facts["guests"] == len(guests) == demo.DEFAULT_GUESTS == 5_000
    categories = Counter(g.category for g in guests)
    assert set(categories) == {c.value for c in Category}
    assert facts["categories"] == {c.value: categories[c.value] for c in Category}
    # Mostly guests; every other category a real share of the forum.
    assert categories["guest"] > len(guests) / 2
    for category in ("vip", "speaker", "exhibitor", "media", "staff"):
        assert 50 < categories[category] < len(guests) / 4, category
    assert [g.number for g in guests] == list(range(1, len(guests) + 1))


def test_about_400_foreign_guests_from_40_countries(
    forum: tuple[dict[str, Any], Database]
) -> None:
    facts, database = forum
    guests = _guests(database)
    foreign = [g for g in guests if g.country != "CN"]
    assert 350 <= len(foreign) <= 450
    assert facts["foreign_guests"] == len(foreign)
    assert len({g.country for g in foreign}) >= 40
    assert len(facts["foreign_countries"]) == len({g.country for g in foreign})
    assert all(g.country for g in guests)


def test_names_in_their_own_scripts_each_with_a_romanised_form(
    forum: tuple[dict[str, Any], Database]
) -> None:
    facts, database = forum
    guests = _guests(database)
    by_script: Counter[str] = Counter()
    for guest in guests:
        scripts = demo.name_scripts(guest.name)
        by_script.update(scripts)
        if scripts <= {"Latin", demo.ACCENTED_LATIN}:
            continue  # written in Latin letters already: no second form needed
        latin = guest.name_latin
        assert latin, guest.name
        assert _LATIN_TEXT.fullmatch(latin) or demo.name_scripts(latin) <= {
            "Latin", demo.ACCENTED_LATIN}, (guest.name, latin)
    for script in SCRIPTS:
        assert by_script[script] >= 5, script
    assert dict(by_script) == facts["scripts"]
    # Japanese guests: kanji or kana, romanised.
    japanese = [g for g in guests if g.country == "JP"]
    assert japanese and all(
        demo.name_scripts(g.name) & {"Han", "Hiragana", "Katakana"} and g.name_latin
        for g in japanese
    )


def test_chinese_guests_romanised_in_pinyin(forum: tuple[dict[str, Any], Database]) -> None:
    _facts, database = forum
    chinese = [g for g in _guests(database) if g.country == "CN"]
    assert len(chinese) > 4_000
    agree = 0
    for guest in chinese:
        assert guest.name_latin, guest.name
        written = guest.name_latin.lower().replace(" ", "").replace("'", "")
        agree += written == "".join(lazy_pinyin(guest.name)).replace("v", "u")
    # A few surnames are read differently as surnames (曾 zeng, 单 shan...): nearly all agree.
    assert agree > 0.95 * len(chinese)


def test_companies_and_contacts(forum: tuple[dict[str, Any], Database]) -> None:
    _facts, database = forum
    guests = _guests(database)
    assert all(g.company for g in guests)
    assert len({g.company for g in guests}) > 500
    emails = [g.email for g in guests]
    assert all(e and "@" in e for e in emails)
    assert len(set(emails)) == len(emails)
    exhibitors = [g for g in guests if g.category == "exhibitor"]
    assert len({g.company for g in exhibitors}) > 400


def test_checkpoints_and_day_passes(forum: tuple[dict[str, Any], Database]) -> None:
    facts, database = forum
    with database.session() as session:
        event = events.current_event(session)
        assert event.timezone == "Asia/Shanghai"
        checkpoints = {c.name: c for c in session.scalars(select(Checkpoint))}
        first, last = event.starts_on, event.ends_on
    assert last == first + dt.timedelta(days=4)
    assert {"Main entrance", "Exhibition hall", "VIP lounge", "Press room"} <= set(checkpoints)
    assert {c["name"] for c in facts["checkpoints"]} == set(checkpoints)
    assert set(checkpoints["VIP lounge"].allowed_categories or []) == {"vip", "speaker"}
    assert "media" in (checkpoints["Press room"].allowed_categories or [])
    assert checkpoints["Main entrance"].allowed_categories in (None, [])
    guests = _guests(database)
    partial = [g for g in guests if g.days is not None]
    assert facts["partial_passes"] == len(partial)
    assert len(guests) / 20 < len(partial) < len(guests) / 2
    days = Counter(day for g in partial for day in (g.days or []))
    assert {dt.date.fromisoformat(d) for d in days} == {
        first + dt.timedelta(days=i) for i in range(5)}  # passes for each of the five days
    assert all(1 <= len(g.days or []) <= 4 for g in partial)


def test_demo_guests_are_found_by_search(forum: tuple[dict[str, Any], Database]) -> None:
    _facts, database = forum
    guests = _guests(database)
    with database.session() as session:
        event_id = events.current_event(session).id
        for guest in guests[::500]:
            for query in filter(None, (guest.name, guest.name_latin)):
                assert guest.id in [h.id for h in search_guests(session, event_id, query)], query


def _details(data_dir: Path) -> list[tuple[Any, ...]]:
    database = Database.open(data_dir)
    try:
        with database.session() as session:
            return [tuple(row) for row in session.execute(
                select(Guest.number, Guest.name, Guest.name_latin, Guest.company, Guest.country,
                       Guest.email, Guest.phone, Guest.category, Guest.days, Guest.external_code,
                       Guest.is_cancelled).order_by(Guest.number))]
    finally:
        database.close()


def test_same_seed_same_guests_other_seed_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folders = [tmp_path / name for name in ("a", "b", "c")]
    for folder, seed in zip(folders, ("11", "11", "12"), strict=True):
        assert _run(["--data-dir", str(folder), "demo", "--guests", "600", "--seed", seed],
                    capsys)[0] == 0
    first, again, other = (_details(f) for f in folders)
    assert len(first) == 600
    assert first == again
    assert first != other
    assert sum(a != b for a, b in zip(first, other, strict=True)) > 500


def test_rerun_without_force_refuses_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(tmp_path), "demo", "--guests", "300", "--seed", "5"]
    assert _run(argv, capsys)[0] == 0
    database = Database.open(tmp_path)
    try:
        with database.session() as session:
            event = events.current_event(session)
            guest = session.scalars(select(Guest).where(Guest.days.is_(None),
                                                        Guest.is_cancelled.is_(False))).first()
            assert guest is not None
            token = events.credential_for(event, guest)
    finally:
        database.close()
    # One scan stored (whatever its verdict on today's date): the refusal must keep it too.
    main(["--data-dir", str(tmp_path), "scan", token, "--checkpoint", "Exhibition hall"])
    capsys.readouterr()
    before = _details(tmp_path)

    code, out, err = _run(["--data-dir", str(tmp_path), "demo", "--guests", "500", "--seed", "6"],
                          capsys)
    assert code == 1 and out == ""
    line = err.strip()
    assert "\n" not in line and "Traceback" not in line
    assert "300 guests" in line and "nothing was changed" in line and "--force" in line
    assert _details(tmp_path) == before
    database = Database.open(tmp_path)
    try:
        with database.session() as session:
            scans = session.scalar(select(func.count()).select_from(Scan))
    finally:
        database.close()
    assert scans == 1

    code, out, _err = _run([*argv[:2], "--json", "demo", "--guests", "200", "--force"], capsys)
    assert code == 0
    facts = json.loads(out)
    assert facts["guests"] == 200 and facts["replaced"] == [demo.EVENT_NAME]
    assert len(_details(tmp_path)) == 200


@pytest.mark.parametrize("guests", ["-5", "lots", str(demo.MAX_GUESTS + 1)])
def test_bad_guest_count_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], guests: str
) -> None:
    code, out, err = _run(["--data-dir", str(tmp_path), "demo", "--guests", guests], capsys)
    assert code == 2 and out == ""
    assert err.startswith("kiosk: ") and "\n" not in err.strip()
    assert not (tmp_path / "kiosk.sqlite3").exists() or _details(tmp_path) == []


def test_text_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(["--data-dir", str(tmp_path), "demo", "--guests", "400"], capsys)
    assert code == 0
    assert "400 guests" in out and "Main entrance (主入口)" in out and "Press room" in out
    assert "foreign guests from" in out

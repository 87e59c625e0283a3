"""`kiosk guests QUERY`: find guests by any part of a name, company or e-mail (see kiosk.search)."""

from __future__ import annotations

import argparse
import dataclasses
import unicodedata
from typing import Any

from kiosk import events
from kiosk.commands import Context, add_command
from kiosk.errors import UsageError
from kiosk.search import MAX_LIMIT, SearchHit, search_guests


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    guests = add_command(
        commands, common, "guests",
        "find guests by name (any script, pinyin, initials), company, e-mail or number",
    )
    guests.add_argument("query", nargs="+", help="words to find; every word must match")
    guests.add_argument("--limit", type=int, default=20, metavar="N",
                        help=f"show at most N guests (1 to {MAX_LIMIT}, default 20)")
    guests.set_defaults(handler=run_guests)


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese, Japanese and Korean characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - _width(text))


def _state(hit: SearchHit) -> str:
    if hit.is_cancelled:
        return "CANCELLED"
    return "checked in" if hit.is_checked_in else "not yet"


def _who(hit: SearchHit) -> str:
    if hit.name_latin and hit.name_latin != hit.name:
        return f"{hit.name} ({hit.name_latin})"
    return hit.name


def format_hits(hits: list[SearchHit]) -> str:
    """A table a person reads: number, name (romanised), company, category, state."""
    rows = [("#", "name", "company", "category", "state")]
    rows += [(str(h.number), _who(h), h.company or "", h.category, _state(h)) for h in hits]
    widths = [max(_width(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(_pad(cell, widths[i]) if i < 4 else cell for i, cell in enumerate(row))
        .rstrip()
        for row in rows
    ]
    return "\n".join(lines)


def run_guests(context: Context, args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise UsageError(f"--limit must be between 1 and {MAX_LIMIT}, not {args.limit}")
    query = " ".join(args.query)
    if not query.strip():
        raise UsageError("give some words to search for")
    with context.database.session() as session:
        event = events.current_event(session)
        hits = search_guests(session, event.id, query, args.limit)
    records = [
        {**dataclasses.asdict(h), "match": h.match.name.lower()} for h in hits
    ]
    if not hits:
        shown = query if len(query) <= 60 else f"{query[:57]}..."
        text = f"no guest matches {shown!r}"
    else:
        more = " (limit reached; type more to narrow it)" if len(hits) == args.limit else ""
        text = f"{format_hits(hits)}\n{len(hits)} guest(s){more}"
    context.emit(records, text)
    return 0

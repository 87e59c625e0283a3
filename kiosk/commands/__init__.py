"""Sub-commands of ``kiosk``: each module defines ``register(commands, common)``.

A module's parser sets ``handler=function(context, args) -> int``. Output goes through
``Context.emit`` so every reporting command honours ``--json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.db import Database, default_data_dir

# The order here is the order in `kiosk --help`.
COMMAND_MODULES = [
    "demo",
    "keys",
    "importing",
    "guests",
    "credentials",
    "checkpoints",
    "scanning",
    "stats",
    "exporting",
    "badges",
    "syncing",
    "server",
    "pin",
    "gui",
]


@dataclass
class Context:
    """What every command needs: where the data is, how to print, the database when asked."""

    data_dir: Path
    as_json: bool
    _database: Database | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        folder = Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()
        return cls(data_dir=folder, as_json=bool(args.json))

    @property
    def database(self) -> Database:
        if self._database is None:
            self._database = Database.open(self.data_dir)
        return self._database

    def emit(self, value: Any, text: str | None = None) -> None:
        """Print value as JSON under --json, else the human text (or value itself)."""
        if self.as_json:
            json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        else:
            print(text if text is not None else value)

    def close(self) -> None:
        if self._database is not None:
            self._database.close()


def add_command(
    commands: Any, common: argparse.ArgumentParser, name: str, help_text: str
) -> argparse.ArgumentParser:
    """A sub-command parser that also takes the common options (--data-dir, --json)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text, parents=[common]
    )
    return parser

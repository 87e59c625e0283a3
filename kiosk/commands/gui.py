"""`kiosk gui`: open the kiosk window (the same as `python main.py`; its options follow)."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from kiosk.commands import Context


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    gui = commands.add_parser(
        "gui", help="open the kiosk window (options as for main.py, e.g. --windowed, --desk)",
        description="Open the kiosk window; the options after 'gui' are main.py's.",
        parents=[common],
    )
    gui.add_argument("options", nargs=argparse.REMAINDER, help="main.py's options")
    gui.set_defaults(handler=run_gui)


def run_gui(context: Context, args: argparse.Namespace) -> int:
    # The window lives in ui/, which builds on this package: it is loaded by name, only here, so
    # the core itself never imports Qt.
    launch = importlib.import_module("ui.launch")
    options = [*args.options]
    if args.data_dir and "--data-dir" not in options:
        options = ["--data-dir", str(context.data_dir), *options]
    return int(launch.main(options))

"""The ``kiosk`` command: one sub-command per job, each defined in a module of kiosk.commands.

Exit status: 0 on success, 2 on a usage error, 1 on any other error (one line on stderr).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from kiosk.commands import COMMAND_MODULES, Context
from kiosk.errors import KioskError, UsageError

log = logging.getLogger("kiosk.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message, hint=f"see '{self.prog} --help'")


def _common_options(*, with_defaults: bool) -> argparse.ArgumentParser:
    """--data-dir, --json and --verbose, taken before or after the sub-command.

    Only the top parser carries their defaults: a sub-parser's own default would overwrite a
    value given before the sub-command's name.
    """
    common = argparse.ArgumentParser(
        add_help=False, argument_default=None if with_defaults else argparse.SUPPRESS
    )
    common.add_argument(
        "--data-dir", metavar="DIR",
        help="folder of the local database (default: $KIOSK_HOME or the user data folder)",
    )
    common.add_argument("--json", action="store_true", help="machine-readable output")
    common.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kiosk", description="Event check-in and badge kiosk.",
        parents=[_common_options(with_defaults=True)],
    )
    common = _common_options(with_defaults=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(f"kiosk.commands.{module_name}")
        module.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(f"kiosk: {error.full_message()}", file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    context = Context.from_args(args)
    try:
        return int(args.handler(context, args) or 0)
    except UsageError as error:
        print(f"kiosk: {error.full_message()}", file=sys.stderr)
        return 2
    except KioskError as error:
        print(f"kiosk: {error.full_message()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`kiosk guests x | head`): quietly, as the Python docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())

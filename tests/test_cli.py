"""The command frame: common options on either side of the sub-command, exit codes, pipes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser, main


@pytest.mark.parametrize("argv", [
    ["--data-dir", "/somewhere", "--json", "guests", "zw"],
    ["guests", "zw", "--data-dir", "/somewhere", "--json"],
    ["--json", "guests", "--data-dir", "/somewhere", "zw"],
])
def test_common_options_before_or_after_the_command(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert args.data_dir == "/somewhere"
    assert args.json is True
    assert args.query == ["zw"] or args.query == "zw"


def test_common_options_default_when_absent() -> None:
    args = build_parser().parse_args(["guests", "zw"])
    assert args.data_dir is None and args.json is False and args.verbose is False


def test_data_dir_before_the_command_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "--json", "demo", "--guests", "120"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["guests"] == 120
    assert Path(facts["data_dir"]) == tmp_path
    assert (tmp_path / "kiosk.sqlite3").exists() or any(tmp_path.iterdir())


def test_usage_error_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guests"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kiosk: ") and "query" in err and "\n" not in err


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-command"]) == 2
    assert capsys.readouterr().err.startswith("kiosk: ")


def test_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "demo", "--guests", "150"]) == 0
    reader = subprocess.run(
        f"{sys.executable} -m kiosk.cli --data-dir {tmp_path} --json guests a | head -c 10",
        shell=True, capture_output=True, text=True, check=False,
    )
    assert "Traceback" not in reader.stderr

"""Hostile options and faults: a clear message and exit code, never a traceback (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.cli.app import out_of_memory_message
from analyzer.examples import example_path
from tests.conftest import REPO

WESTERN = str(example_path("western"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ratio-target", "nan"], "'--ratio-target': nan is not a number > 0 and <= 4"),
        (["--ratio-target", "inf"], "'--ratio-target': inf is not a number > 0 and <= 4"),
        (["--max-cups", "nan"], "'--max-cups': nan is not a number >= 0.5 and <= 8"),
        (["--max-cups", "inf"], "'--max-cups': inf is not a number >= 0.5 and <= 8"),
        (["--max-cups", "1e308"], "'--max-cups': 1e308 is not a number >= 0.5 and <= 8"),
        (
            ["--week", "9999-W01"],
            "'--week': week '9999-W01' is outside the dates this tool handles; give a date "
            "from 1900-01-01 to 2100-12-31",
        ),
        (
            ["--start", "0001-01-01"],
            "'--start': start date 0001-01-01 is outside the dates this tool handles; give a "
            "date from 1900-01-01 to 2100-12-31",
        ),
    ],
)
def test_out_of_range_options_are_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["report", WESTERN, *args])
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: Invalid value for {message}\n")
    assert "rows:" not in result.stderr  # checked before the diary is read


@pytest.mark.parametrize(
    "command",
    [["daily", WESTERN], ["entries", WESTERN], ["report", WESTERN], ["foods", "search", "milk"]],
    ids=lambda c: c[0] if c[0] != "foods" else "foods search",
)
def test_output_to_a_full_device_is_a_message(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "analyzer", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.endswith(
        "Error: cannot write the output: No space left on device; write it to another file "
        "or device (e.g. --format csv > /another/disk/out.csv)\n"
    )
    assert "Traceback" not in done.stderr


def test_running_out_of_memory_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import analyzer.diary

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(analyzer.diary, "read_diary", exhausted)
    result = CliRunner().invoke(cli, ["daily", WESTERN])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: out of memory: this diary is too large")
    assert "split the file by person" in result.stderr
    assert "--engine dask" in result.stderr
    assert "million rows at once" in result.stderr  # what this machine can take


def test_the_memory_message_says_how_many_rows_a_machine_takes() -> None:
    # 8 GiB / 1,100 bytes a row (make bench's peak per row) = 7.81 million rows
    assert "(8.0 GB of memory, enough for about 7.8 million rows at once)" in (
        out_of_memory_message(8 * 2**30)
    )


def test_a_closed_pipe_ends_quietly() -> None:
    # The reader exits at once (like `head` that has read enough), before the analyzer,
    # which first reads and matches the diary, writes a byte: every write then fails.
    reader = subprocess.Popen([sys.executable, "-c", "pass"], stdin=subprocess.PIPE)
    reader.wait()
    assert reader.stdin is not None
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "entries", WESTERN],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        check=False,
    )
    reader.stdin.close()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr


def test_dash_reads_the_diary_from_standard_input() -> None:
    text = Path(WESTERN).read_text(encoding="utf-8")
    from_stdin = CliRunner().invoke(cli, ["daily", "-", "--format", "csv"], input=text)
    from_file = CliRunner().invoke(cli, ["daily", WESTERN, "--format", "csv"])
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout
    assert "- line" not in from_stdin.stderr  # every row of the example is used


def test_a_fifo_with_no_writer_does_not_hang(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "diary.csv"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "daily", str(fifo)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: {fifo}: is empty. A diary needs a header line and at least one data row\n"
    )

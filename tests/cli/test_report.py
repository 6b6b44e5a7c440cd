"""The `analyzer report` command through click's CliRunner: exact messages, JSON, chart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli

DATA = Path(__file__).parents[1] / "data" / "report"
WESTERN = str(DATA / "western_week.csv")
BALANCED = str(DATA / "balanced_week.csv")
#: What the diary reader prints on stderr for the western fixture (one row not used).
WESTERN_STDERR = (
    f"{WESTERN} line 38: bad amount 'lots' for '14148': not a number; write e.g. 1, 1.5, "
    "1/2, 1 1/2 or ½\n85 rows: 84 used, 1 not used\n"
)
USAGE = "Usage: cli report [OPTIONS] [DIARY]\nTry 'cli report --help' for help.\n\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_needs_a_diary_or_an_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report"])
    assert result.exit_code == 2
    assert result.stderr == USAGE + "Error: give a DIARY file or --example NAME (not both)\n"
    both = runner.invoke(cli, ["report", WESTERN, "--example", "western"])
    assert both.exit_code == 2
    assert both.stderr == result.stderr


def test_week_and_start_together_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", WESTERN, "--week", "2026-W47", "--start", "2026-11-16"])
    assert result.exit_code == 2
    assert result.stderr == USAGE + "Error: give --week or --start, not both\n"


def test_week_not_in_diary(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", WESTERN, "--week", "2026-W40"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == WESTERN_STDERR + (
        "Error: week 2026-W40 is not in the diary; weeks in the diary: 2026-W47 (7 days)\n"
    )


def test_bad_week_text(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", WESTERN, "--week", "2026-47"])
    assert result.exit_code == 2  # a usage error, found before the diary is read
    assert result.stderr.endswith(
        "Error: Invalid value for '--week': week '2026-47' is not an ISO week; "
        "write it like 2026-W47\n"
    )
    assert "rows:" not in result.stderr


def test_start_outside_the_diary(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", WESTERN, "--start", "2026-12-01"])
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "Error: the week starting 2026-12-01 is not in the diary; weeks in the diary: "
        "2026-W47 (7 days)\n"
    )


def test_unknown_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", "--example", "nosuch"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no example diary named 'nosuch'; choose one of: western, balanced\n"
    )


def test_impossible_profile(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", WESTERN, "--sex", "male", "--pregnant"])
    assert result.exit_code == 2  # contradicting options: a usage error, before the diary
    assert result.stderr.endswith("Error: --pregnant and --lactating apply to --sex female only\n")


def test_text_report_sections(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", WESTERN, "--start", "2026-11-16"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == WESTERN_STDERR
    lines = result.stdout.splitlines()
    assert lines[0] == "Calcium-phosphorus report, week 2026-W47 (2026-11-16 to 2026-11-22)"
    # the report leads with what the diary lacks, before any verdict
    assert lines[3] == "What the diary lacks"
    assert lines[4].startswith("  This week: 1 of 85 rows could not be used")
    for heading in (
        "Days (per day: Ca, P, Mg, K, Na in mg; abs Ca = absorbable calcium, mg; Ca:P = "
        "mass ratio; caff = caffeine, mg; PRAL = potential renal acid load, mEq; load = "
        "diuretic load, mg Ca; - = unknown)",
        "Suggested greens (cooked; each serving eaten as its own meal)",
        "Not used (1 row)",
        "Notes",
        "How sure these figures are",
    ):
        assert heading in lines
    assert lines[-1].startswith("Not medical advice:")
    greens = lines[
        lines.index("Suggested greens (cooked; each serving eaten as its own meal)") + 1
    ]
    # Weaver's first green, at most one serving under 500 mg of calcium (Heaney et al. 1990):
    # 2 cups of frozen collards (714 mg) are outside the load range the equation was fitted on
    assert greens.startswith("  1 cup cooked frozen collards, ")


def test_json_report_and_options(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        [
            "report",
            WESTERN,
            "--format",
            "json",
            "--sex",
            "male",
            "--age",
            "40",
            "--ratio-target",
            "0.8",
            "--max-cups",
            "1",
        ],
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["profile"]["description"] == "male, 40 y"
    # male 40 y: calcium 1,000 mg RDA, potassium 3,400 mg AI (NASEM 2019)
    assert report["targets"]["calcium_mg"] == 1000.0
    assert report["targets"]["potassium_mg"] == 3400.0
    assert report["targets"]["ca_p_mass_ratio"] == 0.8
    assert report["plan"]["max_cups_per_green_per_day"] == 1.0
    assert all(item["amount"] <= 1.0 for item in report["suggestions"])
    assert report["projected"]["ca_p_mass_ratio"] > report["week"]["ca_p_mass_ratio"]


def test_balanced_json_has_no_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", BALANCED, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["suggestions"] == []
    assert report["plan"]["status"] == "met"


def test_bundled_western_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", "--example", "western", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    first = report["suggestions"][0]
    assert first["food_id"] in {"11164", "11162", "11569", "11271", "11117"}
    calcium = [s["food_id"] for s in report["suggestions"] if s["purpose"] == "calcium"]
    assert not {"11458", "11148", "11087"} & set(calcium)
    assert report["projected"]["ca_p_mass_ratio"] > report["week"]["ca_p_mass_ratio"]


def test_chart_is_written(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "week.png"
    result = runner.invoke(cli, ["report", WESTERN, "--chart", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == WESTERN_STDERR + f"chart written to {out}\n"
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_chart_bad_extension(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "week.txt"
    result = runner.invoke(cli, ["report", WESTERN, "--chart", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    # the option is checked before the diary is read: no row messages
    assert result.stderr == (
        f"Error: {out}: cannot write a chart as .txt; end the file name in .png, .svg, .pdf "
        "(e.g. week.png)\n"
    )


def test_text_report_never_imports_matplotlib() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from analyzer.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['report', {BALANCED!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print('matplotlib' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert done.stdout == "False\n"


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", "-h"])
    assert result.exit_code == 0
    assert "analyzer report --example western --chart week.png" in result.stdout


def test_start_window_with_svg_chart(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "window.svg"
    result = runner.invoke(
        cli, ["report", WESTERN, "--start", "2026-11-18", "--chart", str(out), "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    week = json.loads(result.stdout)["week"]
    # Wed 18 to Tue 24 Nov: only Wed-Sun are logged (5 days)
    assert (week["label"], week["days"]) == ("2026-11-18 to 2026-11-24", 5)
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def _key_paths(value: object, prefix: str = "") -> set[str]:
    """Every key path of a JSON value: ``week.percent_of_target.calcium_mg``, ``days[].date``."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found |= {path, *_key_paths(item, path)}
    elif isinstance(value, list):
        for item in value:
            found |= _key_paths(item, prefix + "[]")
    return found


@pytest.mark.parametrize("example", ["western", "balanced"])
def test_json_keeps_every_key_it_had(runner: CliRunner, example: str) -> None:
    result = runner.invoke(cli, ["report", "--example", example, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    listed = (DATA / f"json_keys_{example}.txt").read_text(encoding="utf-8").splitlines()
    before = {line for line in listed if line and not line.startswith("#")}
    assert len(before) > 200  # the stored list is the whole report, not a sample
    now = _key_paths(json.loads(result.stdout))
    assert sorted(before - now) == []

"""``--profiles`` gives each person of a cohort file their own DRI targets in every command."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from analyzer.cli import cli

DATA = Path(__file__).parents[1] / "data" / "balance"
DIARY = str(DATA / "week.csv")
PROFILES = str(DATA / "profiles.csv")


def _report(person: str) -> dict[str, object]:
    result = CliRunner().invoke(
        cli, ["report", DIARY, "--profiles", PROFILES, "--person", person, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def test_report_uses_the_persons_own_targets() -> None:
    # profiles.csv: ann is female, 60 (calcium RDA 1,200 mg, IOM 2011);
    # bob is male, 40 (calcium RDA 1,000 mg; potassium AI 3,400 mg, NASEM 2019)
    ann = _report("ann")
    bob = _report("bob")
    assert ann["profile"]["description"] == "female, 60 y"  # type: ignore[index]
    assert ann["targets"]["calcium_mg"] == 1200.0  # type: ignore[index]
    assert bob["profile"]["description"] == "male, 40 y"  # type: ignore[index]
    assert bob["targets"]["calcium_mg"] == 1000.0  # type: ignore[index]
    assert bob["targets"]["potassium_mg"] == 3400.0  # type: ignore[index]


def test_chart_accepts_profiles(tmp_path: Path) -> None:
    out = tmp_path / "trend.png"
    result = CliRunner().invoke(
        cli,
        ["chart", DIARY, "--profiles", PROFILES, "--person", "ann", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_bad_profiles_file_fails_before_the_diary_is_read() -> None:
    result = CliRunner().invoke(cli, ["report", DIARY, "--profiles", str(DATA / "missing.csv")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "missing.csv" in result.stderr
    assert "rows:" not in result.stderr  # the diary was not read


def test_report_states_the_per_person_profiles_on_stderr() -> None:
    result = CliRunner().invoke(cli, ["report", DIARY, "--profiles", PROFILES, "--person", "bob"])
    assert result.exit_code == 0, result.output
    assert (
        "Note: Targets per person from their profile: 2 persons, 2 DRI life stages: "
        "female 51-70 y, male 31-50 y (see targets_by_person)."
    ) in result.stderr.splitlines()

"""The entries table shows an amount with the decimals it needs (a new user's finding 29:
0.25 l was shown as 0.2 l)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from analyzer.cli import cli


def test_the_entries_table_keeps_the_amounts_decimals(tmp_path: Path) -> None:
    path = tmp_path / "diary.csv"
    path.write_text(
        "date,food,amount,unit\n2025-03-03,01077,0.25,l\n2025-03-03,01077,2,cup\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["entries", str(path)])
    assert result.exit_code == 0
    rows = [line.split() for line in result.output.splitlines()[-2:]]
    assert "0.25" in rows[0] and "0.2" not in rows[0]
    assert "2" in rows[1] and "2.0" not in rows[1]

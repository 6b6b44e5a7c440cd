"""``daily --by person`` with the pandas and the dask engine: identical output (issue 14)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from analyzer.cli import cli


def test_dask_engine_prints_what_the_pandas_engine_prints(study_cohort: tuple[Path, Path]) -> None:
    diary, profiles = study_cohort
    args = ["daily", str(diary), "--by", "person", "--profiles", str(profiles)]
    args += ["--all", "--format", "csv"]
    pandas_run = CliRunner().invoke(cli, args)
    # chunks of about 400 rows: several dask tasks on a local cluster, joined in person order
    dask_run = CliRunner().invoke(cli, [*args, "--engine", "dask", "--chunk-rows", "400"])
    assert pandas_run.exit_code == 0, pandas_run.output
    assert dask_run.exit_code == 0, dask_run.output
    assert len(pandas_run.stdout.strip().splitlines()) == 1 + 40 * 7  # header, 40 x 7 days
    assert dask_run.stdout == pandas_run.stdout
    assert dask_run.stderr == pandas_run.stderr


def test_an_unreachable_scheduler_is_a_message_not_a_traceback(
    study_cohort: tuple[Path, Path],
) -> None:
    diary, _ = study_cohort
    run = CliRunner().invoke(
        cli, ["daily", str(diary), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert run.exit_code == 1
    assert "cannot reach the dask scheduler at tcp://127.0.0.1:9" in run.stderr
    assert "Traceback" not in run.output

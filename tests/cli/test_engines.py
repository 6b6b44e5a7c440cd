"""``daily --by person`` with the pandas and the dask engine: identical output (issue 14)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from analyzer.cli import cli

REPO = Path(__file__).resolve().parents[2]


def _load_synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", REPO / "tools" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A study cohort of 3,000 rows: 40 persons, a week, with their profiles."""
    foods, portions = synth.default_table_paths(REPO)
    tables = synth.load_tables(foods, portions)
    diary, profiles, _ = synth.ensure_cohort(
        3_000, synth.Cohort(persons=40, days=7), tmp_path_factory.mktemp("cohort"), tables
    )
    return diary, profiles


def test_dask_engine_prints_what_the_pandas_engine_prints(cohort: tuple[Path, Path]) -> None:
    diary, profiles = cohort
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


def test_an_unreachable_scheduler_is_a_message_not_a_traceback(cohort: tuple[Path, Path]) -> None:
    diary, _ = cohort
    run = CliRunner().invoke(
        cli, ["daily", str(diary), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert run.exit_code == 1
    assert "cannot reach the dask scheduler at tcp://127.0.0.1:9" in run.stderr
    assert "Traceback" not in run.output

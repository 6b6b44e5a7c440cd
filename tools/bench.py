"""Benchmark: cohort-size diaries against the floor of the same work (``make bench``).

For each diary size (synthetic, from ``tools/synth.py``; cached in ``out/bench/``) it times,
as separate processes from start to exit:

- the **floor**: ``pandas.read_csv`` of the diary, a join on the exact lower-cased food name
  against the ``foods.csv`` descriptions, and a ``groupby(person, date)`` sum of calcium --
  the minimal work any implementation has to do;
- the real thing: ``analyzer daily FILE --by person --format csv > /dev/null``.

It reports seconds, seconds per million rows, peak memory (the child's own ``ru_maxrss``) and
the ratio to the floor; at 1M rows also ``daily --flags`` and its ratio to the run without;
``--large`` adds 10M rows (linearity and the 2 GB target, and the 30M case extrapolated per
million rows); ``--dask`` times ``--engine dask`` beside each size up to 1M. A closing note
quotes the figures before the speed work (issue 14) beside this run's, and the profile that
guided the work. The cohort case times ``analyzer cohort FILE --profiles P.csv --format csv`` on a
study-like cohort (10,000 persons, a week, 1,000,000 rows; ``tools/synth.py``) from start to
exit, and, in one process, its parts: reading the diary, the analysis, the cohort answer.
It also times ``analyzer report --example western --chart ...`` against
``python -c "import pandas, matplotlib"``, the name matcher on the ~2,000 distinct names of
the diaries (fresh process, fresh matcher), and checks that ``entries``/``daily``/``weekly``
do not import matplotlib or scipy.

The table goes to stdout; the figures to ``out/bench/results.json`` (and one line per run to
``out/bench/history.jsonl``). Nothing here is a test: timings depend on the machine.

Usage::

    .venv/bin/python tools/bench.py [--sizes 10000,100000,1000000] [--repeat N] [--large]
                                    [--dask] [--source] [--profile]
                                    [--skip report,match,imports,cohort]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import pstats
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO

from synth import (
    Cohort,
    default_table_paths,
    ensure_cohort,
    ensure_diary,
    load_tables,
    write_names,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
#: Added by ``--large`` (slow: generating and reading it takes minutes).
LARGE_SIZE = 10_000_000
#: The size the ``--flags`` run is timed at (the largest size up to it). [rows]
FLAGS_SIZE = 1_000_000
#: The national-survey size whose time and memory are extrapolated per million rows. [rows]
SURVEY_ROWS = 30_000_000
ROWS_PER_MILLION = 1_000_000
#: The cohort case: rows, and the cohort (persons, days).
COHORT_ROWS = 1_000_000
COHORT = Cohort(persons=10_000, days=7)
#: Targets of issue 14 (issue 6 for matching): ratio to the floor at 1M rows (stretch 1.6x),
#: peak memory at 1M and at 10M rows, seconds per million rows at 10M within 20% of those
#: at 1M, ``--flags`` within 1.5x of the run without, the report within 3.0x of the bare
#: import of pandas and matplotlib (stretch 2.0x).
TARGET_FLOOR_RATIO = 2.0
TARGET_PEAK_MB = 1_000.0
TARGET_LARGE_PEAK_MB = 2_000.0
TARGET_LINEAR = 1.2
TARGET_FLAGS_RATIO = 1.5
TARGET_MATCH_S = 2.0
TARGET_REPORT_RATIO = 3.0
#: Measured on main before the speed work (issue 14's brief; the same 2-core machine):
#: ``daily --by person`` at 1M rows, its floor and peak; ``--flags`` at 1M (the issue);
#: the report and the bare import.
BEFORE = {
    "daily_1m_s": 10.6,
    "floor_1m_s": 1.04,
    "daily_1m_peak_mb": 1_100.0,
    "flags_1m_s": 35.0,
    "flags_1m_peak_mb": 3_500.0,
    "report_s": 1.89,
    "import_s": 0.36,
}
#: The profile of the 1M run that guided the work (issue 14), CPU seconds per step.
PROFILE_BEFORE = (
    "CSV read 1.5 (peak 708 MB), staging 0.76, unit conversion 0.52, row bookkeeping 0.71, "
    "absorption classes 0.56, occasions 1.13, daily totals 1.28, weekly totals 1.03 (never "
    "printed by daily), CSV writing 1.48"
)
#: Modules that commands which draw nothing must not import.
HEAVY_MODULES = ("matplotlib", "scipy")
KIB_PER_MB = 1024.0

#: The floor, run in its own process: argv = [diary, foods]. Prints JSON timings.
FLOOR_SCRIPT = """
import json, sys, time
start = time.perf_counter()
import pandas as pd
imported = time.perf_counter()
diary = pd.read_csv(sys.argv[1])
foods = pd.read_csv(sys.argv[2], usecols=["description", "calcium_mg"])
foods["key"] = foods["description"].str.lower()
foods = foods.drop_duplicates("key")[["key", "calcium_mg"]]
diary["key"] = diary["food"].str.lower()
joined = diary.merge(foods, on="key", how="left")
joined["calcium"] = joined["amount"] * joined["calcium_mg"] / 100.0
totals = joined.groupby(["person", "date"])["calcium"].sum(min_count=1)
done = time.perf_counter()
print(json.dumps({"import_s": imported - start, "work_s": done - imported,
                  "groups": int(len(totals)), "matched": int(joined["calcium_mg"].notna().sum())}))
"""

#: Run one CLI command in-process with stdout swallowed; print which heavy modules loaded.
IMPORTS_SCRIPT = """
import contextlib, io, json, sys
from analyzer.cli import cli
status = "ok"
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        cli.main(args=sys.argv[1:], standalone_mode=False)
    except SystemExit as stop:
        status = "ok" if not stop.code else f"exit {stop.code}"
    except Exception as error:
        status = f"error: {type(error).__name__}: {error}"
heavy = %r
print(json.dumps({"status": status,
                  "loaded": [name for name in heavy if name in sys.modules]}))
"""

#: The cohort command's parts in one process: argv = [diary, profiles]. Prints JSON timings.
COHORT_SCRIPT = """
import json, sys, time
start = time.perf_counter()
from analyzer.balance import analyze
from analyzer.balance.profiles import load_profiles
from analyzer.diary import read_diary
from analyzer.report.cohort import build_cohort
imported = time.perf_counter()
diary = read_diary(sys.argv[1])
read = time.perf_counter()
analysis = analyze(diary, profiles=load_profiles(sys.argv[2]), by_person=True)
analysed = time.perf_counter()
report = build_cohort(analysis)
built = time.perf_counter()
print(json.dumps({"import_s": imported - start, "read_s": read - imported,
                  "analyze_s": analysed - read, "cohort_s": built - analysed,
                  "persons": report.persons, "person_days": report.person_days,
                  "rows": diary.rows_in, "life_stages": len(report.groups) - 1}))
"""

#: Build a fresh matcher and match name lists: argv = [names.txt, ...]. Prints JSON timings.
MATCH_SCRIPT = """
import json, sys, time
start = time.perf_counter()
from analyzer.foods.table import default_matcher
imported = time.perf_counter()
matcher = default_matcher()
built = time.perf_counter()
lists = []
for path in sys.argv[1:]:
    names = [line for line in open(path, encoding="utf-8").read().splitlines() if line]
    began = time.perf_counter()
    table = matcher.match_names(names)
    lists.append({"file": path, "names": len(names), "match_s": time.perf_counter() - began,
                  "matched": int(table["food_id"].notna().sum()),
                  "methods": {str(k): int(v) for k, v in table["method"].value_counts().items()}})
print(json.dumps({"import_s": imported - start, "build_s": built - imported, "lists": lists}))
"""


@dataclass
class Run:
    """One child process: wall time, peak resident memory and outcome."""

    wall_s: float
    peak_mb: float
    returncode: int
    stdout: str = ""
    stderr_tail: str = ""

    @property
    def ok(self) -> bool:
        """Whether the process exited 0."""
        return self.returncode == 0


@dataclass
class SizeResult:
    """Figures for one diary size."""

    rows: int
    path: str
    floor_s: float
    floor_work_s: float
    floor_peak_mb: float
    daily_s: float | None = None
    daily_peak_mb: float | None = None
    status: str = "ok"
    stderr_lines: int = 0
    ratio: float | None = None
    rows_per_s: float | None = None
    floor_matched_rows: int = 0
    flags_s: float | None = None
    flags_peak_mb: float | None = None
    flags_ratio: float | None = None
    dask_s: float | None = None
    dask_peak_mb: float | None = None

    @property
    def s_per_million(self) -> float | None:
        """Seconds of ``daily`` per million rows."""
        return None if self.daily_s is None else self.daily_s * ROWS_PER_MILLION / self.rows


@dataclass
class Results:
    """Everything one benchmark run measured (written to results.json)."""

    started: str
    machine: dict[str, object]
    command: list[str]
    repeat: int
    sizes: list[SizeResult] = field(default_factory=list)
    report: dict[str, object] = field(default_factory=dict)
    matching: dict[str, object] = field(default_factory=dict)
    imports: dict[str, object] = field(default_factory=dict)
    cohort: dict[str, object] = field(default_factory=dict)


def run(
    command: list[str],
    *,
    stdout: Path | None = None,
    stderr: Path | None = None,
    capture: bool = False,
) -> Run:
    """Run a command to completion and measure it from process start to exit.

    Parameters
    ----------
    command : list of str
        Program and arguments.
    stdout, stderr : pathlib.Path, optional
        Files that receive the streams (default: discarded). Ignored for stdout when
        ``capture`` is true.
    capture : bool
        Return stdout as text (for the helper scripts that print JSON).

    Returns
    -------
    Run
        Wall time [s], the child's own peak resident set size [MB] from ``wait4``, exit code,
        captured stdout and the last lines of stderr.
    """
    with contextlib.ExitStack() as stack:
        err_file = stack.enter_context(open(stderr or os.devnull, "wb"))
        out_target: int | IO[bytes] = subprocess.PIPE
        if not capture:
            out_target = stack.enter_context(open(stdout or os.devnull, "wb"))
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out_target, stderr=err_file, cwd=REPO)
        captured = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.stdout:
            proc.stdout.close()
    tail = ""
    if stderr is not None and stderr.is_file():
        lines = stderr.read_text(encoding="utf-8", errors="replace").splitlines()
        tail = "\n".join(lines[-3:])
    return Run(wall, usage.ru_maxrss / KIB_PER_MB, proc.returncode, captured, tail)


def best_of(repeat: int, command: list[str], **kwargs: object) -> Run:
    """Run ``command`` ``repeat`` times and keep the fastest successful run."""
    runs = [run(command, **kwargs) for _ in range(max(1, repeat))]  # type: ignore[arg-type]
    good = [item for item in runs if item.ok] or runs
    return min(good, key=lambda item: item.wall_s)


def analyzer_command(source: bool) -> list[str]:
    """The command that starts the CLI.

    The installed console script next to this interpreter (what users run; ``make bench``
    reinstalls the package first), or ``python -m analyzer`` from the working tree when
    ``source`` is true or no script is installed.
    """
    script = Path(sys.executable).with_name("analyzer")
    if not source and script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "analyzer"]


def count_lines(path: Path) -> int:
    """Number of lines in a text file (0 if missing)."""
    if not path.is_file():
        return 0
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def bench_size(
    rows: int,
    diary: Path,
    foods: Path,
    analyzer: list[str],
    out_dir: Path,
    repeat: int,
    extra: tuple[str, ...] = (),
) -> SizeResult:
    """Time the floor and ``analyzer daily --by person`` on one diary; ``extra`` names the
    other runs timed on it: ``flags`` (``--flags``) and ``dask`` (``--engine dask``)."""
    floor = best_of(
        repeat, [sys.executable, "-c", FLOOR_SCRIPT, str(diary), str(foods)], capture=True
    )
    if not floor.ok:
        raise SystemExit(f"the floor failed on {diary}: {floor.stderr_tail}")
    floor_info = json.loads(floor.stdout)
    result = SizeResult(
        rows=rows,
        path=str(diary),
        floor_s=floor.wall_s,
        floor_work_s=float(floor_info["work_s"]),
        floor_peak_mb=floor.peak_mb,
        floor_matched_rows=int(floor_info["matched"]),
    )
    stderr = out_dir / f"daily-{rows}.stderr.txt"
    command = [*analyzer, "daily", str(diary), "--by", "person", "--format", "csv"]
    daily = best_of(repeat, command, stderr=stderr)
    result.daily_s = daily.wall_s
    result.daily_peak_mb = daily.peak_mb
    result.stderr_lines = count_lines(stderr)
    if daily.ok:
        result.ratio = daily.wall_s / floor.wall_s
        result.rows_per_s = rows / daily.wall_s
    else:
        last = daily.stderr_tail.splitlines()[-1] if daily.stderr_tail else ""
        result.status = f"exit {daily.returncode}: {last}"[:120]
    if "flags" in extra:
        flags = best_of(repeat, [*command, "--flags"], stderr=out_dir / f"flags-{rows}.txt")
        result.flags_s, result.flags_peak_mb = flags.wall_s, flags.peak_mb
        if flags.ok and daily.ok:
            result.flags_ratio = flags.wall_s / daily.wall_s
    if "dask" in extra:
        engine = best_of(repeat, [*command, "--engine", "dask"], stderr=out_dir / "dask.txt")
        if engine.ok:
            result.dask_s, result.dask_peak_mb = engine.wall_s, engine.peak_mb
    return result


def bench_report(analyzer: list[str], out_dir: Path, repeat: int) -> dict[str, object]:
    """Time ``analyzer report`` on the bundled week (chart included) against bare imports."""
    bare = best_of(repeat, [sys.executable, "-c", "import pandas, matplotlib"])
    # What the report legitimately needs: drawing (Agg) and the greens plan (scipy's MILP).
    needed = best_of(
        repeat,
        [sys.executable, "-c", "import pandas, matplotlib.backends.backend_agg, scipy.optimize"],
    )
    chart = out_dir / "week.png"
    stderr = out_dir / "report.stderr.txt"
    command = [*analyzer, "report", "--example", "western", "--chart", str(chart)]
    report = best_of(repeat, command, stderr=stderr)
    info: dict[str, object] = {
        "import_pandas_matplotlib_s": bare.wall_s,
        "import_pandas_agg_scipy_optimize_s": needed.wall_s,
        "report_s": report.wall_s,
        "report_peak_mb": report.peak_mb,
        "status": "ok" if report.ok else f"exit {report.returncode}: {report.stderr_tail}"[:200],
    }
    if report.ok:
        info["ratio"] = report.wall_s / bare.wall_s
    return info


def bench_matching(names: list[Path], repeat: int) -> dict[str, object]:
    """Time a fresh ``default_matcher()`` and ``match_names`` on each list of distinct names.

    The matcher is built in a new process each time (and, where the package caches the
    built matcher on disk, that cache is used as it would be by any command).
    """
    command = [sys.executable, "-c", MATCH_SCRIPT, *map(str, names)]
    result = best_of(repeat, command, capture=True)
    if not result.ok or not result.stdout.strip():
        return {"status": f"exit {result.returncode}: {result.stderr_tail}"[:200]}
    info: dict[str, object] = json.loads(result.stdout)
    info["status"] = "ok"
    info["process_s"] = result.wall_s
    return info


def bench_cohort(
    diary: Path, profiles: Path, analyzer: list[str], out_dir: Path, repeat: int
) -> dict[str, object]:
    """Time ``analyzer cohort`` on the cohort diary, and its parts in one process."""
    stderr = out_dir / "cohort.stderr.txt"
    command = [*analyzer, "cohort", str(diary), "--profiles", str(profiles), "--format", "csv"]
    whole = best_of(repeat, command, stderr=stderr)
    info: dict[str, object] = {
        "rows": COHORT_ROWS,
        "persons": COHORT.persons,
        "days": COHORT.days,
        "cohort_s": whole.wall_s,
        "peak_mb": whole.peak_mb,
        "status": "ok" if whole.ok else f"exit {whole.returncode}: {whole.stderr_tail}"[:200],
    }
    parts = best_of(
        repeat, [sys.executable, "-c", COHORT_SCRIPT, str(diary), str(profiles)], capture=True
    )
    if parts.ok and parts.stdout.strip():
        info["parts"] = json.loads(parts.stdout)
    return info


def check_imports(diary: Path) -> dict[str, object]:
    """Which heavy modules ``entries``, ``daily`` and ``weekly`` import (should be none)."""
    script = IMPORTS_SCRIPT % (HEAVY_MODULES,)
    found: dict[str, object] = {}
    for command in ("entries", "daily", "weekly"):
        args = [command, str(diary), "--format", "csv"]
        result = run([sys.executable, "-c", script, *args], capture=True)
        found[command] = (
            json.loads(result.stdout)
            if result.ok and result.stdout.strip()
            else {"status": f"exit {result.returncode}", "loaded": []}
        )
    return found


def profile_daily(diary: Path, out_dir: Path, top: int = 30) -> Path:
    """Profile ``analyzer daily --by person`` on the working tree with cProfile.

    Writes ``daily-<rows>.prof`` and a text summary (top functions by cumulative and by
    own time) next to it, and returns the summary's path.
    """
    stem = diary.stem.replace("diary", "daily")
    prof = out_dir / f"{stem}.prof"
    command = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(prof),
        "-m",
        "analyzer",
        "daily",
        str(diary),
        "--by",
        "person",
        "--format",
        "csv",
    ]
    outcome = run(command, stderr=out_dir / f"{stem}.profile.stderr.txt")
    summary = out_dir / f"{stem}.profile.txt"
    with open(summary, "w", encoding="utf-8") as handle:
        handle.write(
            f"# {' '.join(command)}\n# wall {outcome.wall_s:.2f} s under cProfile, "
            f"exit {outcome.returncode}\n"
        )
        if prof.is_file():
            stats = pstats.Stats(str(prof), stream=handle)
            stats.strip_dirs().sort_stats("cumulative").print_stats(top)
            stats.sort_stats("tottime").print_stats(top)
    return summary


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _size_targets(sizes: list[SizeResult]) -> list[str]:
    """The targets of issue 14 that the size rows answer, each ok or MISSED."""
    lines: list[str] = []
    by_rows = {size.rows: size for size in sizes if size.ratio is not None}
    one = by_rows.get(FLAGS_SIZE)
    if one is not None and one.ratio is not None and one.daily_peak_mb is not None:
        lines.append(
            f"target at {one.rows:,} rows: ratio <= {TARGET_FLOOR_RATIO:g}x "
            f"{_mark(one.ratio <= TARGET_FLOOR_RATIO)}, peak < {TARGET_PEAK_MB:,.0f} MB "
            f"{_mark(one.daily_peak_mb < TARGET_PEAK_MB)}"
        )
        if one.flags_ratio is not None:
            lines.append(
                f"target --flags at {one.rows:,} rows within {TARGET_FLAGS_RATIO:g}x of the "
                f"run without: {one.flags_ratio:.2f}x "
                f"{_mark(one.flags_ratio <= TARGET_FLAGS_RATIO)}"
            )
    large = by_rows.get(LARGE_SIZE)
    if large is not None and large.daily_peak_mb is not None:
        lines.append(
            f"target at {large.rows:,} rows: peak < {TARGET_LARGE_PEAK_MB:,.0f} MB "
            f"{_mark(large.daily_peak_mb < TARGET_LARGE_PEAK_MB)}"
        )
        if one is not None and one.s_per_million and large.s_per_million:
            growth = large.s_per_million / one.s_per_million
            lines.append(
                f"target linear: s per million rows at {large.rows:,} / at {one.rows:,} = "
                f"{growth:.2f} (<= {TARGET_LINEAR:g} {_mark(growth <= TARGET_LINEAR)})"
            )
    ordered = sorted(by_rows.values(), key=lambda size: size.rows)
    if len(ordered) >= 2:
        small, big = ordered[-2], ordered[-1]
        if small.daily_peak_mb is not None and big.daily_peak_mb is not None:
            per_million = (
                (big.daily_peak_mb - small.daily_peak_mb)
                / (big.rows - small.rows)
                * ROWS_PER_MILLION
            )
            seconds = (big.s_per_million or 0.0) * SURVEY_ROWS / ROWS_PER_MILLION
            memory = big.daily_peak_mb + per_million * (SURVEY_ROWS - big.rows) / ROWS_PER_MILLION
            lines.append(
                f"{SURVEY_ROWS:,} rows, extrapolated from {small.rows:,} and {big.rows:,}: "
                f"about {seconds:,.0f} s and {memory:,.0f} MB peak ({per_million:,.0f} MB more "
                "per million rows)"
            )
    if any(size.dask_s is not None for size in sizes):
        lines.append(
            "dask: --engine dask on a LocalCluster of this machine's cores (peak MB is the "
            "client process only); on 2 cores no speed-up is expected, it is for clusters"
        )
    return lines


def closing_note(results: Results) -> list[str]:
    """Before (main before the speed work) and after (this run), for each target."""
    after = {size.rows: size for size in results.sizes}.get(FLAGS_SIZE)
    lines = ["", "before -> after (before: main before the speed work, issue 14):"]
    if after is not None and after.daily_s is not None:
        before_ratio = BEFORE["daily_1m_s"] / BEFORE["floor_1m_s"]
        lines.append(
            f"  daily 1M rows: {BEFORE['daily_1m_s']:.1f} s vs floor {BEFORE['floor_1m_s']:.2f} s "
            f"({before_ratio:.1f}x), peak {BEFORE['daily_1m_peak_mb']:,.0f} MB -> "
            f"{after.daily_s:.1f} s vs floor {after.floor_s:.2f} s ({_ratio(after.ratio)}), "
            f"peak {_fmt(after.daily_peak_mb, ',.0f')} MB"
        )
        if after.flags_s is not None:
            lines.append(
                f"  daily --flags 1M rows: {BEFORE['flags_1m_s']:.0f} s, "
                f"{BEFORE['flags_1m_peak_mb']:,.0f} MB -> {after.flags_s:.1f} s, "
                f"{_fmt(after.flags_peak_mb, ',.0f')} MB ({_ratio(after.flags_ratio)} the run "
                "without)"
            )
    report = results.report
    if report.get("ratio") is not None:
        lines.append(
            f"  report: {BEFORE['report_s']:.2f} s vs import {BEFORE['import_s']:.2f} s "
            f"({BEFORE['report_s'] / BEFORE['import_s']:.2f}x) -> {report['report_s']:.2f} s vs "
            f"{report['import_pandas_matplotlib_s']:.2f} s ({float(report['ratio']):.2f}x)"  # type: ignore[arg-type]
        )
    lines.append(f"  the profile that guided the work (1M rows, before): {PROFILE_BEFORE}")
    return lines


def render(results: Results) -> str:
    """The human-readable table."""
    lines = [
        f"analyzer benchmark  {results.started}  ({results.machine['python']}, "
        f"{results.machine['cpus']} CPUs; best of {results.repeat})",
        f"command: {' '.join(results.command)} daily FILE --by person --format csv",
        "",
        f"{'rows':>10} {'floor s':>8} {'daily s':>8} {'ratio':>6} {'s/M rows':>8} "
        f"{'peak MB':>8} {'floor MB':>8} {'--flags s':>9} {'flags x':>7} {'dask s':>7}  status",
    ]
    for size in results.sizes:
        lines.append(
            f"{size.rows:>10,} {size.floor_s:>8.2f} {_fmt(size.daily_s, '>8.2f')} "
            f"{_ratio(size.ratio):>6} {_fmt(size.s_per_million, '>8.2f')} "
            f"{_fmt(size.daily_peak_mb, '>8.0f')} {size.floor_peak_mb:>8.0f} "
            f"{_fmt(size.flags_s, '>9.2f')} {_ratio(size.flags_ratio):>7} "
            f"{_fmt(size.dask_s, '>7.2f')}  {size.status}"
        )
    lines.extend(_size_targets(results.sizes))
    lines.append("")
    report = results.report
    if report:
        if "ratio" in report:
            ratio = float(report["ratio"])  # type: ignore[arg-type]
            lines.append(
                f"report --example western (chart): {report['report_s']:.2f} s vs import "
                f"pandas, matplotlib {report['import_pandas_matplotlib_s']:.2f} s: "
                f"{ratio:.2f}x (target <= {TARGET_REPORT_RATIO:g}x "
                f"{_mark(ratio <= TARGET_REPORT_RATIO)})"
            )
            lines.append(
                "  (import pandas, matplotlib Agg, scipy.optimize -- the libraries it needs: "
                f"{report['import_pandas_agg_scipy_optimize_s']:.2f} s)"
            )
        else:
            lines.append(f"report --example western: {report['status']}")
    matching = results.matching
    if matching:
        if matching.get("status") == "ok":
            build_s = float(matching["build_s"])  # type: ignore[arg-type]
            lines.append(
                f"name matching, fresh process: import {matching['import_s']:.2f} s, "
                f"build matcher {build_s:.2f} s"
            )
            for item in matching["lists"]:  # type: ignore[attr-defined]
                total = build_s + float(item["match_s"])
                methods = ", ".join(f"{k} {v:,}" for k, v in item["methods"].items())
                lines.append(
                    f"  {Path(item['file']).name}: {item['names']:,} distinct names in "
                    f"{item['match_s']:.2f} s (+ build = {total:.2f} s; target < "
                    f"{TARGET_MATCH_S:g} s {_mark(total < TARGET_MATCH_S)}); "
                    f"{item['matched']:,} matched ({methods})"
                )
        else:
            lines.append(f"name matching: {matching.get('status')}")
    cohort = results.cohort
    if cohort:
        lines.append(
            f"cohort {cohort['rows']:,} rows, {cohort['persons']:,} persons, "
            f"{cohort['days']} days: analyzer cohort {cohort['cohort_s']:.2f} s, peak "
            f"{cohort['peak_mb']:.0f} MB ({cohort['status']})"
        )
        parts_info = cohort.get("parts")
        if isinstance(parts_info, dict):
            lines.append(
                f"  in one process: read {parts_info['read_s']:.2f} s, analyze "
                f"{parts_info['analyze_s']:.2f} s, cohort answer {parts_info['cohort_s']:.2f} s "
                f"({parts_info['person_days']:,} person-days, {parts_info['life_stages']} "
                "life stages)"
            )
    if results.imports:
        parts = []
        for command, info in results.imports.items():
            detail = info if isinstance(info, dict) else {}
            loaded = ", ".join(detail.get("loaded", [])) or "none"
            status = detail.get("status", "?")
            parts.append(f"{command}: {loaded}" + ("" if status == "ok" else f" ({status})"))
        lines.append("heavy imports (matplotlib, scipy) by " + "; ".join(parts))
    lines.extend(closing_note(results))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(size) for size in DEFAULT_SIZES),
        help="comma-separated row counts (default 10000,100000,1000000; --large adds 10M)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs (default 1)")
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "out" / "bench",
        help="cache and results folder (default out/bench)",
    )
    parser.add_argument(
        "--source",
        action="store_true",
        help="run `python -m analyzer` from the working tree, not the installed console script",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile the largest size with cProfile"
    )
    parser.add_argument(
        "--large", action="store_true", help=f"also time {LARGE_SIZE:,} rows (slow)"
    )
    parser.add_argument(
        "--dask",
        action="store_true",
        help="also time --engine dask (needs the dask extra: pip install 'analyzer[dask]')",
    )
    parser.add_argument("--skip", default="", help="comma-separated: report,match,imports,cohort")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(part.replace("_", "")) for part in args.sizes.split(",") if part})
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    if args.large:
        sizes = sorted({*sizes, LARGE_SIZE})
    skip = {part.strip() for part in args.skip.split(",") if part.strip()}
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)

    foods_path, portions_path = default_table_paths(REPO)
    tables = load_tables(foods_path, portions_path)
    diaries: dict[int, Path] = {}
    for rows in sizes:
        path, generated = ensure_diary(rows, out_dir, tables)
        if generated:
            print(f"generated {path}", file=sys.stderr)
        diaries[rows] = path
    names = list(write_names(out_dir, tables))

    analyzer = analyzer_command(args.source)
    results = Results(
        started=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        machine={
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        command=analyzer,
        repeat=args.repeat,
    )
    flags_at = max((rows for rows in sizes if rows <= FLAGS_SIZE), default=None)
    for rows in sizes:
        print(f"timing {rows:,} rows ...", file=sys.stderr)
        extra = ("flags",) if rows == flags_at else ()
        if args.dask and rows <= FLAGS_SIZE:
            extra = (*extra, "dask")
        results.sizes.append(
            bench_size(rows, diaries[rows], foods_path, analyzer, out_dir, args.repeat, extra)
        )
    if "report" not in skip:
        results.report = bench_report(analyzer, out_dir, args.repeat)
    if "match" not in skip:
        results.matching = bench_matching(names, args.repeat)
    if "imports" not in skip and sizes:
        results.imports = check_imports(diaries[sizes[0]])
    if "cohort" not in skip:
        diary, profiles, generated = ensure_cohort(COHORT_ROWS, COHORT, out_dir, tables)
        if generated:
            print(f"generated {diary}", file=sys.stderr)
        print(f"timing the cohort of {COHORT.persons:,} persons ...", file=sys.stderr)
        results.cohort = bench_cohort(diary, profiles, analyzer, out_dir, args.repeat)

    print(render(results))
    record = asdict(results)
    (out_dir / "results.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    with open(out_dir / "history.jsonl", "a", encoding="utf-8") as history:
        history.write(json.dumps(record) + "\n")
    if args.profile and sizes:
        summary = profile_daily(diaries[sizes[-1]], out_dir)
        print(f"\nprofile of {sizes[-1]:,} rows: {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

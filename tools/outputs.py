"""Record every command's output on a set of diaries, and compare two recordings.

Speed work must change no figure. Run this once with the build before the change
(``--record DIR``) and once after it (``--record DIR2 --compare DIR``): every command's
stdout, stderr and exit code is written to one file per command and compared byte for byte.

The diaries: the two bundled examples, a few test fixtures (bad rows, several persons,
several formats), and two generated cohorts of 100,000 rows (``tools/synth.py``: a
year-long diary of 1,000 persons and a week-long study of 1,000 persons with their
profiles). They are generated into ``DATA`` (``--data``) so that both recordings name the
same paths in their messages.

Usage::

    python tools/outputs.py --analyzer /old/.venv/bin/analyzer --record /tmp/before
    python tools/outputs.py --record /tmp/after --compare /tmp/before
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from synth import Cohort, default_table_paths, ensure_cohort, ensure_diary, load_tables

REPO = Path(__file__).resolve().parents[1]
#: Rows of the generated cohorts.
COHORT_ROWS = 100_000
#: The week-long study cohort (with profiles).
STUDY = Cohort(persons=1_000, days=7)
#: Test fixtures read too (bad rows, blank lines, several persons, other formats).
FIXTURES = (
    "tests/data/diaries/own_quirks.csv",
    "tests/data/diaries/own_misaligned.csv",
    "tests/data/diaries/cronometer_servings.csv",
    "tests/data/diaries/loseit_food-logs.csv",
    "tests/data/report/escape_cohort.csv",
    "tests/data/research/asa24_items.csv",
    "tests/data/research/freetext_log.csv",
    "tests/data/research/dr1iff.csv",
)
#: Diaries with recipes and supplements, read with the bundled my-foods file (``--foods``).
MY_FOODS_DIARIES = ("tests/data/myfoods/week.csv", "tests/data/myfoods/cronometer.csv")
#: The bundled my-foods file.
MY_FOODS = "analyzer/examples/my_foods.csv"
#: Arguments of the table commands, run on every diary.
TABLE_RUNS: tuple[tuple[str, ...], ...] = (
    ("entries", "--format", "csv"),
    ("entries", "--format", "json"),
    ("daily", "--format", "csv"),
    ("daily", "--format", "table"),
    ("daily", "--format", "json"),
    ("daily", "--all", "--format", "csv"),
    ("daily", "--flags", "--format", "csv"),
    ("daily", "--flags", "--format", "json"),
    ("daily", "--by", "person", "--format", "csv"),
    ("weekly", "--format", "csv"),
    ("weekly", "--format", "table"),
    ("weekly", "--all", "--format", "csv"),
    ("weekly", "--flags", "--format", "csv"),
    ("weekly", "--by", "person", "--flags", "--format", "json"),
)
#: Report formats, run on the examples and the fixtures of one person.
REPORT_FORMATS = ("text", "json", "html")


def diaries(data: Path) -> dict[str, Path]:
    """The diaries by short name (generated cohorts written to ``data`` once)."""
    data.mkdir(parents=True, exist_ok=True)
    tables = load_tables(*default_table_paths(REPO))
    year, _ = ensure_diary(COHORT_ROWS, data, tables)
    study, profiles, _ = ensure_cohort(COHORT_ROWS, STUDY, data, tables)
    found = {
        "western": REPO / "analyzer/examples/western.csv",
        "balanced": REPO / "analyzer/examples/balanced.csv",
        "year100k": year,
        "study100k": study,
    }
    for fixture in FIXTURES:
        copy = data / Path(fixture).name
        shutil.copyfile(REPO / fixture, copy)
        found[copy.stem] = copy
    for fixture in MY_FOODS_DIARIES:
        copy = data / f"myfoods_{Path(fixture).name}"
        shutil.copyfile(REPO / fixture, copy)
        found[copy.stem] = copy
    found["profiles"] = profiles
    return found


def commands(found: dict[str, Path]) -> dict[str, list[str]]:
    """Every recorded command, by a file-safe name."""
    runs: dict[str, list[str]] = {}
    profiles = str(found["profiles"])
    for name, path in found.items():
        if name == "profiles":
            continue
        mine = ["--foods", str(REPO / MY_FOODS)] if name.startswith("myfoods_") else []
        for args in TABLE_RUNS:
            key = f"{name}__{'_'.join(a.lstrip('-') for a in args)}"
            runs[key] = [args[0], str(path), *args[1:], *mine]
        if name in ("western", "balanced", "own_quirks", "loseit_food-logs") or mine:
            for fmt in REPORT_FORMATS:
                runs[f"{name}__report_{fmt}"] = ["report", str(path), "--format", fmt, *mine]
    study = str(found["study100k"])
    runs["study100k__daily_profiles_csv"] = [
        "daily",
        study,
        "--by",
        "person",
        "--profiles",
        profiles,
        "--format",
        "csv",
    ]
    runs["study100k__weekly_profiles_flags_csv"] = [
        "weekly",
        study,
        "--profiles",
        profiles,
        "--flags",
        "--format",
        "csv",
    ]
    for fmt in ("csv", "json", "table"):
        runs[f"study100k__cohort_{fmt}"] = [
            "cohort",
            study,
            "--profiles",
            profiles,
            "--format",
            fmt,
        ]
    runs["year100k__report_person_text"] = [
        "report",
        str(found["year100k"]),
        "--person",
        "P0001",
        "--format",
        "text",
    ]
    return runs


def record(analyzer: list[str], runs: dict[str, list[str]], out: Path, jobs: int) -> None:
    """Run each command and write ``<name>.out``, ``<name>.err`` and ``<name>.rc``."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}

    def one(item: tuple[str, list[str]]) -> str:
        name, args = item
        done = subprocess.run([*analyzer, *args], capture_output=True, env=env, check=False)
        (out / f"{name}.out").write_bytes(done.stdout)
        (out / f"{name}.err").write_bytes(done.stderr)
        (out / f"{name}.rc").write_text(f"{done.returncode}\n", encoding="utf-8")
        return name

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for name in pool.map(one, sorted(runs.items())):
            print(name, file=sys.stderr)


def digest(path: Path) -> str:
    """SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compare(new: Path, old: Path) -> list[str]:
    """Names of the files that differ (or exist in one recording only)."""
    names = {p.name for p in new.iterdir()} | {p.name for p in old.iterdir()}
    differ = []
    for name in sorted(names):
        a, b = new / name, old / name
        if not (a.is_file() and b.is_file()) or digest(a) != digest(b):
            differ.append(name)
    return differ


def main(argv: list[str] | None = None) -> int:
    """Record, and optionally compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, required=True, help="folder for the outputs")
    parser.add_argument("--compare", type=Path, help="an earlier recording to compare with")
    parser.add_argument(
        "--analyzer",
        default=str(Path(sys.executable).with_name("analyzer")),
        help="the analyzer executable (default: the one beside this Python)",
    )
    parser.add_argument(
        "--data", type=Path, default=REPO / "out" / "outputs", help="diaries folder"
    )
    parser.add_argument("--jobs", type=int, default=2, help="commands run at once")
    parser.add_argument("--only", default="", help="run only names containing this text")
    args = parser.parse_args(argv)
    runs = commands(diaries(args.data))
    if args.only:
        runs = {k: v for k, v in runs.items() if args.only in k}
    record([args.analyzer], runs, args.record, args.jobs)
    files = sum(1 for _ in args.record.iterdir())
    print(f"{len(runs)} commands recorded in {args.record} ({files} files)")
    if args.compare is None:
        return 0
    differ = [d for d in compare(args.record, args.compare) if not args.only or args.only in d]
    if differ:
        print(f"{len(differ)} file(s) differ from {args.compare}:")
        for name in differ:
            print(f"  {name}")
        return 1
    print(f"identical to {args.compare}: every stdout, stderr and exit code")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

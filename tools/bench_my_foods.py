"""Benchmark: what a large my-foods file and a 20-ingredient recipe add to a report.

Issue 11 asks that a recipe of 20 ingredients and a my-foods file of 5,000 rows add under
0.5 s to a report. This script writes (deterministically, into ``out/bench/``):

- ``my_foods_5000.csv``: 5,000 rows: 3,962 custom foods, 30 supplements and 48 recipes of
  20 ingredients each (one of them using another recipe), the ingredients drawn from 60
  everyday names in household units;
- ``my_foods_week.csv``: the bundled western week plus, each day, one serving of a
  20-ingredient recipe and two bars of a custom food (14 rows).

It then times, each in a fresh process once the matcher and the unit converter are loaded (the
median of ``--repeat`` runs), reading, analysing and building the report of the western week
(the baseline) and of the week with your foods (``--foods my_foods_5000.csv``), and reports
what the file and its rows add. The greens plan is left out of both (``candidates`` empty):
its solver's time depends on the week's gaps, which the added foods change, not on this
feature. It also times the file's resolution alone
(:func:`analyzer.diary.recipes.build_my_foods`) and, for context, both ``analyzer report``
commands from start to exit. Timings depend on the machine; nothing here is a test.

Usage::

    .venv/bin/python tools/bench_my_foods.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from analyzer.nutrients import NUTRIENT_COLUMNS

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "out" / "bench"
#: The file's shape.
ROWS = 5_000
RECIPES = 48
INGREDIENTS = 20
SUPPLEMENTS = 30
#: Everyday ingredient names with a household amount each.
INGREDIENT_NAMES = (
    ("ground beef cooked", "200", "g"),
    ("kidney beans cooked", "1", "cup"),
    ("onion", "1", "medium"),
    ("cheddar cheese", "50", "g"),
    ("whole milk", "1", "cup"),
    ("olive oil", "2", "tbsp"),
    ("garlic", "2", "clove"),
    ("carrots raw", "2", "medium"),
    ("celery raw", "2", "stalk"),
    ("white rice cooked", "1", "cup"),
    ("butter", "1", "tbsp"),
    ("egg", "2", ""),
    ("wheat flour", "1", "cup"),
    ("sugar", "2", "tbsp"),
    ("chicken breast cooked", "150", "g"),
    ("potatoes boiled", "2", "medium"),
    ("tomatoes raw", "2", "medium"),
    ("spinach raw", "2", "cup"),
    ("broccoli cooked", "1", "cup"),
    ("collard greens cooked", "1", "cup"),
    ("black beans cooked", "1", "cup"),
    ("lentils cooked", "1", "cup"),
    ("plain yogurt", "1", "cup"),
    ("mozzarella", "50", "g"),
    ("parmesan cheese", "2", "tbsp"),
    ("bacon", "2", "slice"),
    ("salmon cooked", "150", "g"),
    ("tuna canned in water", "1", "can"),
    ("pasta cooked", "2", "cup"),
    ("white bread", "2", "slice"),
    ("oats", "1", "cup"),
    ("banana", "1", "medium"),
    ("apple", "1", "medium"),
    ("orange juice", "1", "cup"),
    ("peanut butter", "2", "tbsp"),
    ("almonds", "1", "oz"),
    ("walnuts", "1", "oz"),
    ("honey", "1", "tbsp"),
    ("soy sauce", "1", "tbsp"),
    ("tofu", "100", "g"),
    ("corn cooked", "1", "cup"),
    ("green peas cooked", "1", "cup"),
    ("zucchini raw", "1", "medium"),
    ("bell pepper raw", "1", "medium"),
    ("mushrooms raw", "1", "cup"),
    ("cabbage raw", "1", "cup"),
    ("kale cooked", "1", "cup"),
    ("sour cream", "2", "tbsp"),
    ("cream cheese", "2", "tbsp"),
    ("ham", "2", "slice"),
    ("turkey breast", "100", "g"),
    ("pork chop cooked", "150", "g"),
    ("chickpeas cooked", "1", "cup"),
    ("sweet potato baked", "1", "medium"),
    ("avocado", "1", ""),
    ("lemon juice", "1", "tbsp"),
    ("coconut milk", "1", "cup"),
    ("quinoa cooked", "1", "cup"),
    ("cottage cheese", "1", "cup"),
    ("ketchup", "1", "tbsp"),
)
HEADER = [
    "kind",
    "name",
    "aliases",
    "category",
    "per",
    "serving_g",
    "serving_unit",
    "yield_g",
    "yield_servings",
    "ingredient",
    "amount",
    "unit",
    "compound",
    "compound_mg",
    *NUTRIENT_COLUMNS,
]


def _row(**cells: object) -> list[str]:
    return [str(cells.get(column, "")) for column in HEADER]


def write_my_foods(path: Path) -> None:
    """The 5,000-row file (see the module docstring), the same every time."""
    rng = random.Random(11)
    rows: list[list[str]] = []
    for r in range(RECIPES):
        rows.append(_row(kind="recipe", name=f"Recipe {r:02d}", yield_servings=6))
        picks = rng.sample(INGREDIENT_NAMES, INGREDIENTS - (1 if r == 1 else 0))
        if r == 1:
            rows.append(_row(ingredient="Recipe 00", amount=1, unit="serving"))
        rows += [_row(ingredient=n, amount=a, unit=u) for n, a, u in picks]
    for s in range(SUPPLEMENTS):
        rows.append(
            _row(
                kind="supplement",
                name=f"Supplement {s:02d}",
                per="unit",
                serving_unit="tablet",
                compound="calcium carbonate",
                compound_mg=rng.choice((500, 750, 1250, 1500)),
            )
        )
    foods = ROWS - len(rows)
    for f in range(foods):
        values = {c: rng.randint(0, 400) for c in NUTRIENT_COLUMNS[:-1]}  # caffeine blank
        values["protein_g"] = rng.randint(0, 30)  # at most half the 60 g serving
        rows.append(
            _row(
                kind="food",
                name=f"Custom food {f:04d}",
                aliases=f"cf{f:04d}",
                category="other",
                per="serving",
                serving_g=60,
                serving_unit="bar",
                **values,
            )
        )
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)


def write_week(path: Path) -> Path:
    """The western week with the file's foods in it; returns the western diary's path."""
    sys.path.insert(0, str(REPO))
    from analyzer.examples import example_path

    western = example_path("western")
    lines = western.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    days = sorted({line.split(",")[0] for line in lines[1:]})
    extra = []
    for day in days:
        for food, amount, unit, meal in (
            ("Recipe 05", "1", "serving", "dinner"),
            ("cf0042", "2", "bars", "snack"),
        ):
            cells = {"date": day, "meal": meal, "food": food, "amount": amount, "unit": unit}
            extra.append(",".join(cells.get(c, "") for c in header))
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return western


def _seconds(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


STAGES = """
import sys, time
import pandas as pd
from analyzer.foods.table import default_matcher
from analyzer.foods.units import default_converter
from analyzer.diary import read_diary
from analyzer.balance import analyze
from analyzer.report import build_report
default_matcher(); default_converter()
mine = sys.argv[2] or None
c0, t0 = time.process_time(), time.perf_counter()
diary = read_diary(sys.argv[1], my_foods=mine)
c1, t1 = time.process_time(), time.perf_counter()
analysis = analyze(diary)
c2, t2 = time.process_time(), time.perf_counter()
build_report(analysis, candidates=pd.DataFrame())
c3, t3 = time.process_time(), time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, c1 - c0, c2 - c1, c3 - c2)
"""


def _stages(diary: Path, my_foods: Path | None, repeat: int) -> list[float]:
    """Median seconds of reading, analysing and reporting (plan left out), fresh processes:
    wall-clock, then CPU time (the CPU time does not grow when other work shares the
    machine)."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", STAGES, str(diary), str(my_foods or "")],
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append([float(x) for x in done.stdout.split()])
    return [statistics.median(r[i] for r in runs) for i in range(6)]


def _resolve_seconds(path: Path) -> float:
    code = (
        "import time; from analyzer.foods.table import default_matcher, load_foods; "
        "from analyzer.foods.units import default_converter; default_converter(); "
        "from analyzer.diary.recipes import build_my_foods; m = default_matcher(); "
        f"f = load_foods(); t = time.process_time(); build_my_foods({str(path)!r}, m, f); "
        "print(time.process_time() - t)"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    my_foods, week = OUT / "my_foods_5000.csv", OUT / "my_foods_week.csv"
    write_my_foods(my_foods)
    western = write_week(week)
    analyzer = str(Path(sys.executable).with_name("analyzer"))
    _seconds([analyzer, "foods", "check", str(my_foods)], 1)  # warm the matcher cache
    base = _stages(western, None, args.repeat)
    mine = _stages(week, my_foods, args.repeat)
    resolve = statistics.median(_resolve_seconds(my_foods) for _ in range(args.repeat))
    whole = [
        _seconds([analyzer, "report", str(western)], args.repeat),
        _seconds([analyzer, "report", str(week), "--foods", str(my_foods)], args.repeat),
    ]
    print(f"my-foods file: {ROWS:,} rows ({RECIPES} recipes of {INGREDIENTS} ingredients)")
    print("                        wall: read  analyse  report   total | CPU total")
    for label, times in (("western week", base), ("+ 14 rows of your foods", mine)):
        cells = "  ".join(f"{t:6.2f}" for t in [*times[:3], sum(times[:3])])
        print(f"{label:<28} {cells} s | {sum(times[3:]):6.2f} s")
    added, cpu = sum(mine[:3]) - sum(base[:3]), sum(mine[3:]) - sum(base[3:])
    print(f"added by the file and its rows: {added:.2f} s wall, {cpu:.2f} s CPU (target < 0.5 s)")
    print(f"resolving the file alone (in process): {resolve:.2f} s CPU")
    print(
        f"for context, analyzer report from start to exit: {whole[0]:.2f} s and {whole[1]:.2f} s"
    )


if __name__ == "__main__":
    main()

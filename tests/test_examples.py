"""The bundled example diaries: reachable, fully matched, and the facts they are meant to show.

Real-data regression tests: they first check the input (rows, days, every row used), then
hand-checked values for single rows from USDA SR28, then the week-level facts each example
exists to demonstrate (western: calcium below target and Ca:P in the concern zone; balanced:
meets the targets).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from matplotlib.patches import Rectangle

from analyzer.balance.analysis import Analysis, analyze
from analyzer.chart import PANELS, weekly_chart
from analyzer.chart.style import CONCERN_MASS_RATIO
from analyzer.cli import cli
from analyzer.diary import Diary, read_diary
from analyzer.errors import NoDataError
from analyzer.examples import EXAMPLES, example_path
from analyzer.report import build_report

HEADER = "date,time,meal,food,amount,unit,note"
WEEK = "2026-W47"


@pytest.fixture(scope="module")
def diaries() -> dict[str, Diary]:
    return {name: read_diary(example_path(name)) for name in EXAMPLES}


@pytest.fixture(scope="module")
def analyses(diaries: dict[str, Diary]) -> dict[str, Analysis]:
    return {name: analyze(diary) for name, diary in diaries.items()}


def test_examples_are_package_data() -> None:
    assert list(EXAMPLES) == ["western", "balanced"]
    for name in EXAMPLES:
        resource = files("analyzer.examples").joinpath(f"{name}.csv")
        assert resource.is_file()
        path = example_path(name.upper())
        assert path == Path(str(resource))
        assert path.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_unknown_example_names_the_choices() -> None:
    with pytest.raises(NoDataError) as info:
        example_path("keto")
    assert str(info.value) == "no example diary named 'keto'; choose one of: western, balanced"


@pytest.mark.parametrize(("name", "rows"), [("western", 93), ("balanced", 89)])
def test_every_row_is_used(diaries: dict[str, Diary], name: str, rows: int) -> None:
    diary = diaries[name]
    assert diary.format == "own"
    assert diary.rows_in == rows
    assert diary.rejected.empty, diary.rejected.to_string()
    assert len(diary.entries) == rows
    assert diary.entries["food_id"].notna().all()
    assert diary.entries["grams"].gt(0).all()
    dates = diary.entries["date"].drop_duplicates().sort_values()
    assert dates.tolist() == list(pd.date_range("2026-11-16", "2026-11-22"))


def _row(diary: Diary, line: int) -> pd.Series:
    return diary.entries.set_index("line").loc[line]


def test_western_household_units_give_usda_grams(diaries: dict[str, Diary]) -> None:
    western = diaries["western"]
    # line 2: coffee, 2 cup -> SR28 14209 "cup (8 fl oz)" = 237 g -> 474 g;
    # caffeine 40 mg/100 g x 4.74 = 189.6 mg
    coffee = _row(western, 2)
    assert coffee["food_id"] == "14209"
    assert coffee["grams"] == pytest.approx(474.0)
    assert coffee["caffeine_mg"] == pytest.approx(189.6)
    # line 12: cola, 1 can -> 14148 "can or bottle (12 fl oz)" = 370 g; P 9 mg/100 g -> 33.3 mg
    cola = _row(western, 12)
    assert (cola["food"], cola["food_id"]) == ("cola", "14148")
    assert cola["grams"] == pytest.approx(370.0)
    assert cola["phosphorus_mg"] == pytest.approx(33.3)
    # line 10: cheddar cheese, 1 oz = 28.35 g (01009 portion "oz"); Ca 710 mg/100 g -> 201.3 mg
    cheddar = _row(western, 10)
    assert (cheddar["food"], cheddar["food_id"]) == ("cheddar cheese", "01009")
    assert cheddar["calcium_mg"] == pytest.approx(710 * 0.2835, abs=0.1)


def test_western_is_heavy_in_the_four_groups(analyses: dict[str, Analysis]) -> None:
    entries = analyses["western"].entries
    per_day = entries.groupby("date")["group"].agg(set)
    assert all({"red_meat", "dairy", "soda", "coffee"} <= groups for groups in per_day)


def test_western_week_is_low_in_calcium_and_ratio(analyses: dict[str, Analysis]) -> None:
    analysis = analyses["western"]
    week = analysis.weekly.set_index("week").loc[WEEK]
    assert week["days"] == 7
    assert analysis.targets.calcium_mg == 1000.0  # default profile: female, 35 y (IOM 2011)
    assert week["calcium_mg"] < analysis.targets.calcium_mg
    assert week["ca_p_mass_ratio"] < CONCERN_MASS_RATIO  # molar < 0.5 (Kemi 2010)
    assert week["ca_p_molar_ratio"] < 0.5
    assert week["magnesium_mg"] < analysis.targets.magnesium_mg


def test_balanced_week_meets_the_targets(analyses: dict[str, Analysis]) -> None:
    analysis = analyses["balanced"]
    week = analysis.weekly.set_index("week").loc[WEEK]
    targets = analysis.targets
    assert week["calcium_mg"] >= targets.calcium_mg
    assert week["magnesium_mg"] >= targets.magnesium_mg
    assert week["potassium_mg"] >= targets.potassium_mg
    assert week["ca_p_mass_ratio"] >= 1.0
    assert set(analysis.entries["category"]) >= {"greens", "dairy"}
    report = build_report(analysis, WEEK)
    assert report.plan.status == "met"
    assert report.suggestions == []


def test_western_chart_from_the_real_report(analyses: dict[str, Analysis]) -> None:
    analysis = analyses["western"]
    report = build_report(analysis, WEEK)
    fig = weekly_chart(report)
    axes = {str(ax.get_label()): ax for ax in fig.axes}
    assert list(axes) == list(PANELS)
    assert len(axes["calcium_phosphorus"].patches) == 14
    bars = [p for p in axes["calcium_phosphorus"].patches if isinstance(p, Rectangle)]
    heights = [bar.get_height() for bar in bars[:7]]
    daily = analysis.daily.sort_values("date")
    assert heights == pytest.approx(daily["calcium_mg"].tolist())
    text = axes["greens"].texts[0].get_text()
    assert text.startswith("Suggested greens this week:\n  • ")
    items = text.replace("\n     ", " ").split("\n  • ")[1:]  # undo the wrapping
    assert "collards" in items[0]  # a low-oxalate green first (Weaver 2017)
    for item in items:
        if any(word in item.lower() for word in ("spinach", "chard", "beet greens")):
            assert "(for potassium and magnesium, not calcium)" in item
    ratio = axes["ratio"]
    projected = [line for line in ratio.get_lines() if "projected" in str(line.get_label())]
    assert np.ravel(projected[0].get_ydata())[0] > report.current.ca_p_mass_ratio


# --- the chart command on the examples -------------------------------------------------------

MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "svg": b"<?xml"}


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_cli_chart_trend(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"trend.{fmt}"
    result = CliRunner().invoke(cli, ["chart", "--example", "western", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    # the same diary messages as `report` (summary line), then the file written
    assert result.stderr.splitlines()[-1] == f"chart written to {out}"
    assert result.stderr.splitlines()[-2].endswith(" not used")
    assert out.read_bytes().startswith(MAGIC[fmt])


def test_cli_chart_one_week(tmp_path: Path) -> None:
    out = tmp_path / "week.png"
    args = ["chart", "--example", "western", "--week", WEEK, "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(MAGIC["png"])


def test_cli_chart_reads_like_report(tmp_path: Path) -> None:
    # Regression: `chart` had none of the diary options, so a MyFitnessPal export could not
    # get its calcium basis (--mfp-calcium-dv) and the rows not used were listed without the
    # file name or summary. Now it reads and reports like `report`.
    diary = tmp_path / "mfp.csv"
    diary.write_text(
        "Date,Meal,Calories,Fat (g),Saturated Fat,Polyunsaturated Fat,Monounsaturated Fat,"
        "Trans Fat,Cholesterol,Sodium (mg),Potassium,Carbohydrates (g),Fiber,Sugar,"
        "Protein (g),Vitamin A,Vitamin C,Calcium,Iron,Note\n"
        "2026-11-16,Breakfast,420,10,3,2,2,0,50,310,520,50,5,10,21,10,10,30,10,\n",
        encoding="utf-8",
    )
    out = tmp_path / "trend.png"
    args = ["chart", str(diary), "--mfp-calcium-dv", "1300", "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Note: MyFitnessPal calcium converted from % Daily Value with DV = 1300 mg" in (
        result.stderr
    )
    assert result.stderr.endswith(f"1 row: 1 used, 0 not used\nchart written to {out}\n")


def test_cli_chart_diary_file(tmp_path: Path) -> None:
    out = tmp_path / "trend.svg"
    diary = str(example_path("balanced"))
    result = CliRunner().invoke(cli, ["chart", diary, "--weeks", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml")
    # The balanced example logs one week (2026-W47): the trend names it in its title, drawn
    # as text in the SVG, with the three panels' y labels.
    assert "Calcium–phosphorus trend, week 2026-W47" in svg
    for label in ("Ca:P [mg Ca / mg P]", "Calcium [mg/day]", "Calcium cost [mg Ca/day]"):
        assert label in svg


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--example", "keto", "--out", "x.png"],
            1,
            "Error: no example diary named 'keto'; choose one of: western, balanced\n",
        ),
        (
            ["--example", "western", "--out", "x.jpg"],
            1,
            "Error: x.jpg: cannot write a chart as .jpg; end the file name in .png, .svg, "
            ".pdf (e.g. x.png)\n",
        ),
        (
            ["--out", "x.png"],
            2,
            "Usage: cli chart [OPTIONS] [DIARY]\nTry 'cli chart --help' for help.\n\n"
            "Error: give a DIARY file or --example NAME (not both)\n",
        ),
        (
            ["--example", "western", "--weeks", "0", "--out", "x.png"],
            2,
            "Usage: cli chart [OPTIONS] [DIARY]\nTry 'cli chart --help' for help.\n\n"
            "Error: Invalid value for '--weeks': 0 is not in the range 1<=x<=520.\n",
        ),
    ],
)
def test_cli_chart_errors(args: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(cli, ["chart", *args])
    assert result.exit_code == code
    assert result.output == message


# --- the notebooks: committed clean, importable installed or from a source checkout ----------

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(notebook: Path) -> None:
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code, "a notebook without code runs nothing"
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_finds_analyzer_without_an_install(notebook: Path) -> None:
    # Regression: from a plain checkout (no `pip install .`) the notebooks failed under
    # nbmake with "No module named 'analyzer'" (the kernel runs in notebooks/). The first
    # code cell now uses the installed package and else falls back to the repository. Run it
    # in an isolated interpreter (-I: no PYTHONPATH, no cwd on sys.path) from notebooks/.
    import json
    import subprocess
    import sys

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    first = "".join(next(c for c in cells if c["cell_type"] == "code")["source"])
    done = subprocess.run(
        [sys.executable, "-I", "-c", first],
        capture_output=True,
        text=True,
        cwd=notebook.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("analyzer from ")


def test_western_key_figures_after_the_science_corrections(analyses: dict[str, Analysis]) -> None:
    """The western week's figures that issue 12's corrections change, pinned (see the README).

    Monday's absorbable calcium by hand, Weaver's load equation per meal on loads clamped to
    15-500 mg (Heaney et al. 1990), indices: dairy 1.0 (half and half and butter included:
    milk calcium), bread 1.27 (Weaver's calcium-sulfate bread), default 0.5:
    breakfast load 9.48 + 32.1 + 3.795 + 57.04 + 83.52 + 3.408 = 189.343 mg,
      FA = 0.889 - 0.0964 ln 189.343 = 0.383521;
      0.5 x (9.48 + 3.795 + 57.04) + 1.0 x (32.1 + 3.408) + 1.27 x 83.52 = 176.7359
      -> 67.7819 mg
    lunch load 63.36 + 31.7515 + 201.2816 + 21.06 + 3.7 = 321.1531 mg, FA = 0.332587;
      1.27 x 63.36 (bun) + 0.5 x (31.7515 + 21.06 + 3.7) + 201.2816 = 310.0045 -> 103.1035
    snack coffee 4.74 mg, below 15 mg: FA(15) = 0.627944; 0.5 x 4.74 -> 1.4882
    dinner load 18.7107 + 25.95 + 24.24 + 3.7 = 72.6007 mg, FA = 0.475928;
      0.5 x (18.7107 + 25.95 + 3.7) + 24.24 (sour cream) = 48.4203 -> 23.0446
    day: 67.7819 + 103.1035 + 1.4882 + 23.0446 = 195.418 mg (154 mg before).
    """
    analysis = analyses["western"]
    monday = analysis.daily.set_index(analysis.daily["date"].dt.strftime("%Y-%m-%d")).loc[
        "2026-11-16"
    ]
    assert monday["absorbable_calcium_mg"] == pytest.approx(195.418, abs=1e-3)
    # calcium on the default index on Monday: coffee 9.48 + 4.74, bacon 3.795, egg 57.04,
    # beef 31.7515, fries 21.06, colas 2 x 3.7, ribeye 18.7107, potato 25.95 = 179.927 mg
    assert monday["calcium_default_index_mg"] == pytest.approx(179.927, abs=1e-3)
    # only the 4.74 mg coffee snack is outside 15-500 mg that day
    assert monday["calcium_outside_load_range_mg"] == pytest.approx(4.74)
    week = analysis.weekly.set_index("week").loc[WEEK]
    # calcium (Ca per entry is USDA's), phosphorus, the ratio. Friday's "glazed doughnut,
    # 1 each" is the yeast-leavened glazed doughnut (18255, a food of the SR28 food survey;
    # issue 10), 1 each = 64 g (medium): Ca 64 x 101/100 = 64.64 mg, P 64 x 117/100 = 74.88
    # mg, where the cake-type one (18250, 45 g: Ca 27.0, P 52.65 mg) was used before:
    # calcium 714.7126 + (64.64 - 27.0) / 7 = 720.0897 mg/day,
    # phosphorus 1332.83 + (74.88 - 52.65) / 7 = 1336.006 mg/day
    assert week["calcium_mg"] == pytest.approx(720.0897, abs=1e-3)
    assert week["phosphorus_mg"] == pytest.approx(1336.006, abs=0.01)
    # absorbable calcium per day (195.42 + 196.58 + 273.32 + 282.54 + 156.04 + 290.35
    # + 210.75) / 7 = 229.28 mg (166 before breads and pizza left the 0.5 default). Friday
    # breakfast: load 9.48 + 32.1 + 64.64 = 106.22 mg, FA = 0.889 - 0.0964 ln 106.22
    # = 0.439246; 0.5 x 9.48 + 1.0 x 32.1 + 0.5 x 64.64 = 69.16 -> 30.378 mg (24.235 with
    # the cake-type doughnut): Friday 149.90 + 6.144 = 156.04 mg
    assert week["absorbable_calcium_mg"] == pytest.approx(229.285, abs=1e-3)
    # the share of calcium on the default index: (193.248 + 37.64 / 7) / 720.090
    # = 198.625 / 720.090 = 27.6 % (graded fair)
    assert week["calcium_default_index_mg"] / week["calcium_mg"] == pytest.approx(0.2758, abs=1e-4)
    # half and half, sour cream and cream cheese left the dairy group (MyPlate): dairy's
    # diuretic load 9.19 mg/day (11 before) and its phosphorus 136.9 mg/day (163 before)
    assert week["diuretic_load_dairy_mg"] == pytest.approx(9.185, abs=1e-3)
    assert week["phosphorus_dairy_mg"] == pytest.approx(136.89, abs=0.01)
    report = build_report(analysis, WEEK)
    # the plan: no serving above 500 mg, calcium not pushed past the RDA for the ratio
    assert [(s.name, s.amount, s.days) for s in report.suggestions] == [
        ("cooked frozen collards", 1.0, 7),
        ("cooked spinach", 0.5, 7),
    ]
    # the goal at the week's phosphorus with the greens (1,336.006 mg + theirs)
    assert report.plan.ratio_goal == pytest.approx(1000 / report.projected.phosphorus_mg, abs=1e-4)
    assert report.plan.ratio_goal < 1000 / 1336.006

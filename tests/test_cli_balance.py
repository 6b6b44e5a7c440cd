"""The ``daily`` and ``weekly`` commands through CliRunner, on tests/data/balance/week.csv.

The diary names USDA foods by NDB number with amounts in grams, so the totals are the
hand-computed ones of tests/test_balance.py (Monday for ann: milk 244 g, coffee 237 g, beef
85 g, cola 370 g, spinach 180 g: Ca 547.66, P 548.47, Mg 209.36, K 1641.46, Na 322.41 mg,
protein 36.8869 g, caffeine 128.1 mg, PRAL -8.6656 mEq, diuretic load 41.3617 mg,
absorbable Ca 113.2602 mg). ann's Tuesday: coffee 711 g: Ca 2*7.11 = 14.22, P 3*7.11 = 21.33,
caffeine 40*7.11 = 284.4 mg in one sitting. bob's Monday: milk 244 g + coffee 237 g:
Ca 275.72 + 4.74 = 280.46 mg. Line 8 ('furlongs') is not a food.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from analyzer.cli import cli

WEEK = str(Path(__file__).parent / "data" / "balance" / "week.csv")
DEFAULT_PROFILE = (
    "Profile: female, 35 y (default profile; set --sex and --age); targets (female 31-50 y): "
    "calcium 1,000 mg (RDA), phosphorus 700 mg (RDA), magnesium 320 mg (RDA), "
    "potassium 2,600 mg (AI)\n"
)
COEFFICIENTS = (
    "Note: diuretic load = estimated calcium cost of red meat, dairy, soda and coffee: 5 mg Ca "
    "per 100 mg caffeine (lower absorption, not urine; Barger-Lux & Heaney 1995, C), 1 mg "
    "urinary Ca per g protein (FAO/WHO 2004, S; Kerstetter & Allen 1990: 1.2 mg/g, V), 40 mg "
    "urinary Ca per 2,300 mg sodium (Nordin et al. 1993, V)\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_daily_table_exact() -> None:
    result = run("daily", WEEK)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "person       date entries unmatched calcium_mg phosphorus_mg magnesium_mg "
        "potassium_mg sodium_mg protein_g caffeine_mg ca_p_mass_ratio ca_p_molar_ratio "
        "pral_meq diuretic_load_mg absorbable_calcium_mg\n"
        "   ann 2026-11-16       5         0      547.7         548.5        209.4       "
        "1641.5     322.4      36.9       128.1            1.00             0.77     -8.7"
        "             41.4                 113.3\n"
        "   ann 2026-11-17       1         1       14.2          21.3         21.3        "
        "348.4      14.2       0.9       284.4            0.67             0.52     -6.8"
        "             15.3                   4.5\n"
        "   bob 2026-11-16       2         0      280.5         212.1         31.5        "
        "438.2     109.7       8.0        94.8            1.32             1.02     -1.9"
        "             14.6                  96.1\n"
    )
    # the protein coefficient chosen (FAO/WHO, S) and the alternative (Kerstetter & Allen, V)
    # are stated with the other two
    assert result.stderr.endswith("9 rows: 8 used, 1 not used\n" + DEFAULT_PROFILE + COEFFICIENTS)


def test_daily_csv_has_full_precision() -> None:
    result = run("daily", WEEK, "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("person,date,entries,unmatched,calcium_mg,phosphorus_mg,")
    cells = dict(zip(lines[0].split(","), lines[1].split(","), strict=True))
    assert cells["date"] == "2026-11-16"
    assert float(cells["calcium_mg"]) == pytest.approx(547.66)
    assert float(cells["diuretic_load_mg"]) == pytest.approx(41.3617, abs=1e-3)
    assert float(cells["absorbable_calcium_mg"]) == pytest.approx(113.2602, abs=1e-3)


def test_weekly_json_per_day_averages() -> None:
    result = run("weekly", WEEK, "--format", "json", "--by", "person")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["person"], r["week"], r["days"], r["entries"]) for r in rows] == [
        ("ann", "2026-W47", 2, 6),
        ("bob", "2026-W47", 1, 2),
    ]
    # ann: Ca (547.66 + 14.22) / 2 = 280.94; caffeine (128.1 + 284.4) / 2 = 206.25
    assert rows[0]["calcium_mg"] == pytest.approx(280.94)
    assert rows[0]["caffeine_mg"] == pytest.approx(206.25)
    # the rejected row ('furlongs', line 8) carries ann's person and date
    assert (rows[0]["unmatched"], rows[1]["unmatched"]) == (1, 0)


def test_all_columns_and_profile_options() -> None:
    result = run("daily", WEEK, "--all", "--format", "csv", "--sex", "male", "--age", "40")
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split(",")
    for column in (
        "phosphorus_mg_unknown",
        "k_na_molar_ratio",
        "calcium_pct_target",
        "diuretic_load_red_meat_mg",
        "diuretic_load_caffeine_mg",
        "phosphorus_soda_share",
        "pral_red_meat_meq",
        "caffeine_max_occasion_mg",
        "absorbable_phosphorus_mg",
    ):
        assert column in header
    assert "Profile: male, 40 y; targets (male 31-50 y): calcium 1,000 mg (RDA), " in (
        result.stderr
    )
    assert "magnesium 420 mg (RDA), potassium 3,400 mg (AI)\n" in result.stderr


def test_flags_on_stderr() -> None:
    result = run("daily", WEEK, "--flags")
    assert result.exit_code == 0
    assert (
        "[info] 2026-11-17 for ann: 284 mg caffeine in one eating occasion; from about 250 mg "
        "caffeine can increase urine output short-term in people not used to it; regular "
        "drinkers develop a strong tolerance. (Maughan RJ, Griffin J 2003, J Hum Nutr Diet "
        "16:411; confidence V)\n"
    ) in result.stderr


def test_bad_profile_is_one_clear_error() -> None:
    result = run("weekly", WEEK, "--sex", "male", "--pregnant")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: profile sex='male' age=35 pregnant=True lactating=False: "
        "pregnant/lactating applies to sex 'female' only\n"
    )


def test_bad_by_value_is_a_usage_error() -> None:
    result = run("daily", WEEK, "--by", "meal")
    assert result.exit_code == 2
    assert "Invalid value for '--by': 'meal' is not 'person'." in result.stderr


@pytest.mark.parametrize("command", ["daily", "weekly"])
def test_help_has_example(command: str) -> None:
    result = run(command, "-h")
    assert result.exit_code == 0
    assert f"Example: analyzer {command} diary.csv" in result.stdout
    assert "--by [person]" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--age", "-5"),
            "Error: age -5.0 is not an age the DRI tables cover: give the age in years, "
            "from 0 to 120\n",
        ),
        (
            ("--age", "nan"),
            "Error: age nan is not an age the DRI tables cover: give the age in years, "
            "from 0 to 120\n",
        ),
        (
            ("--pregnant", "--lactating"),
            "Error: profile sex='female' age=35 pregnant=True lactating=True: "
            "choose pregnant or lactating, not both\n",
        ),
        (
            ("--age", "12", "--pregnant"),
            "Error: profile sex='female' age=12 pregnant=True lactating=False: "
            "the DRI tables give pregnancy and lactation values for ages 14-50\n",
        ),
    ],
)
def test_bad_profile_values_exit_1_with_one_line(args: tuple[str, ...], message: str) -> None:
    # regression: --age nan used to say "Input should be less than or equal to 120"
    result = run("daily", WEEK, *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == message


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--age", "abc"), "Error: Invalid value for '--age': 'abc' is not a valid float.\n"),
        (("--sex", "other"), "Error: Invalid value for '--sex': 'other' is not one of "),
    ],
)
def test_unreadable_profile_options_are_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run("weekly", WEEK, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: cli weekly [OPTIONS] DIARY\n")
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_weekly_flags_are_on_the_weeks_averages() -> None:
    # ann, 2026-W47, 2 logged days: Ca (547.66 + 14.22) / 2 = 280.94 < 1,000;
    # molar Ca:P (280.94 / ((548.47 + 21.33) / 2)) x 0.772705 = 0.7619, not low
    result = run("weekly", WEEK, "--flags", "--by", "person")
    assert result.exit_code == 0
    assert (
        "[warning] 2026-W47 (average of 2 logged days) for ann: calcium 281 mg is below the "
        "RDA of 1,000 mg (female 31-50 y). (IOM 2011, Dietary Reference Intakes for Calcium "
        "and Vitamin D; confidence V)\n"
    ) in result.stderr
    assert "2026-11-17 for ann" not in result.stderr  # the per-day flags go with `daily`


def test_daily_flags_include_efsa_single_dose() -> None:
    # ann's Tuesday: 284.4 mg caffeine in one sitting > 200 mg (EFSA 2015 single dose)
    result = run("daily", WEEK, "--flags")
    assert (
        "[info] 2026-11-17 for ann: 284 mg caffeine in one eating occasion is above the single "
        "dose of 200 mg that EFSA found raises no safety concern for adults. (EFSA NDA 2015, "
        "Scientific opinion on the safety of caffeine, EFSA J 13(5):4102; confidence V)\n"
    ) in result.stderr
    assert "weekly_" not in result.stderr and "2026-W47" not in result.stderr


def test_mfp_meal_totals_have_unknown_load_and_ratio() -> None:
    # MyFitnessPal meal totals: no phosphorus (ratio unknown, never 0 or inf) and no food,
    # so the group and the diuretic load are unknown, not 0.
    mfp = str(Path(__file__).parent / "data" / "diaries" / "mfp_summary.csv")
    result = run("daily", mfp, "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["date"][:10] for r in rows] == ["2026-11-16", "2026-11-17"]
    for row in rows:
        assert row["phosphorus_mg"] is None
        assert row["ca_p_mass_ratio"] is None and row["ca_p_molar_ratio"] is None
        assert row["diuretic_load_mg"] is None
    assert (
        "Note: 4 entries with unknown diuretic load (not counted in its totals; see "
        "diuretic_load_mg_unknown with --all)\n"
    ) in result.stderr


def test_all_columns_carry_units_or_are_counts_ratios_or_shares() -> None:
    result = run("daily", WEEK, "--all", "--format", "csv")
    header = result.stdout.splitlines()[0].split(",")
    units = ("_mg", "_g", "_kcal", "_meq", "_ratio", "_pct_target", "_share", "_unknown")
    keys = {"person", "date", "entries", "unmatched"}
    assert [c for c in header if c not in keys and not c.endswith(units)] == []

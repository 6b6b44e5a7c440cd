"""Conclusions only as strong as the diary (issue 12): coverage by energy, incomplete days and
weeks, "cannot judge", no eating times, and a plan that never chases a ratio past the RDA.

Real fixtures: ``tests/data/report/third_unknown_week.csv`` (own format, 7 days of 6 rows, 2
of them foods no table knows), ``calcium_met_low_ratio.csv`` (SR28 NDB numbers in grams: 160 g
of cheddar and 472 g of ground beef a day) and ``tests/data/diaries/
cronometer_medications.csv`` (a Cronometer servings export: 4 foods and 3 medications a day,
the medications with 0 kcal and blank minerals, as Cronometer writes supplements).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.balance.analysis import analyze
from analyzer.chart.frames import plan_view
from analyzer.cli import cli
from analyzer.diary import read_diary
from analyzer.examples import example_path
from analyzer.models import Profile
from analyzer.reference import load_table
from analyzer.report import build_report, render_text
from analyzer.report.formatting import target_rows
from analyzer.report.greens import ROLE_CALCIUM
from analyzer.report.wording import findings
from tests.conftest import SMALL_DAYS, cheddar_week_a_fifth_unused, make_entries

DATA = Path(__file__).parents[1] / "data"
THIRD = DATA / "report" / "third_unknown_week.csv"
CALCIUM_MET = DATA / "report" / "calcium_met_low_ratio.csv"
MEDICATIONS = DATA / "diaries" / "cronometer_medications.csv"


# --- a week where a third of the rows are unknown ---------------------------------------------


@pytest.fixture(scope="module")
def third() -> object:
    diary = read_diary(THIRD)
    # input check: 42 rows, the 14 casserole and takeout rows are unknown foods
    assert diary.rows_in == 42 and len(diary.entries) == 28
    assert diary.rejected["status"].tolist() == ["unknown_food"] * 14
    return build_report(analyze(diary))


def test_a_third_unknown_gets_no_alert_and_no_plan(third: object) -> None:
    report = third
    # each day: 2 unknown rows, each an average entry of its day: 2 / 6 = 33 % > 25 %
    assert report.completeness.complete is False  # type: ignore[attr-defined]
    assert report.completeness.unused_share == pytest.approx(1 / 3)  # type: ignore[attr-defined]
    assert [f.level for f in report.flags if f.level == "alert"] == []  # type: ignore[attr-defined]
    below = {"calcium_low", "magnesium_low", "potassium_low", "low_ca_p_with_low_calcium"}
    assert not [f for f in report.flags if f.base_code in below]  # type: ignore[attr-defined]
    assert report.cannot_judge  # type: ignore[attr-defined]
    assert all("cannot judge" in f.message for f in report.cannot_judge)  # type: ignore[attr-defined]
    assert report.plan.status == "incomplete"  # type: ignore[attr-defined]
    assert report.suggestions == [] and report.alternatives == []  # type: ignore[attr-defined]


def test_a_third_unknown_report_starts_with_the_coverage_statement(third: object) -> None:
    statement = (
        "This week: 14 of 42 rows could not be used; every logged day is incomplete (7 of 7). "
        "The week cannot be judged (33% of its food could not be used): no alert and no plan; "
        "the findings are listed under 'cannot judge'."
    )
    assert third.completeness.statement == statement  # type: ignore[attr-defined]
    lines = render_text(third).splitlines()  # type: ignore[arg-type]
    assert lines[3:5] == ["What the diary lacks", f"  {statement}"]
    assert lines[5] == "    Mon 2026-11-16: 33% of its food could not be used (2 rows)"
    # the JSON, as the CLI prints it, starts with it too
    result = CliRunner().invoke(cli, ["report", str(THIRD), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert next(iter(data)) == "completeness"
    assert data["completeness"]["statement"] == statement
    assert [d["weekday"] for d in data["completeness"]["incomplete_days"]][:2] == [
        "Monday",
        "Tuesday",
    ]


def test_two_incomplete_days_are_named_and_left_out(tmp_path: Path) -> None:
    # 7 days of the same 4 foods; Thursday and Sunday also have 2 unknown rows each
    # (2 / 6 = 33 % of the day: incomplete). The week: 4 / 46 rows not used, and its
    # unused share (2 x 33 %) / 7 = 9.5 % <= 25 %: judged on its 5 complete days.
    text = THIRD.read_text(encoding="utf-8").splitlines()
    keep = [text[0]] + [
        line
        for line in text[1:]
        if ("casserole" not in line and "takeout" not in line)
        or line.startswith(("2026-11-19", "2026-11-22"))
    ]
    path = tmp_path / "two_incomplete.csv"
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    report = build_report(analyze(read_diary(path)))
    assert report.completeness.statement == (
        "This week: 4 of 32 rows could not be used; Thursday and Sunday are incomplete. The "
        "week's figures average its 5 complete days; the incomplete ones are shown, not "
        "averaged."
    )
    assert (report.week.days, report.week.days_logged, report.week.complete) == (5, 7, True)
    # the incomplete days' "below" findings cannot be judged; the week's are judged
    cannot = {(f.date, f.base_code) for f in report.cannot_judge}
    assert ("2026-11-19", "magnesium_low") in cannot
    assert any(f.code == "weekly_magnesium_low" for f in report.flags)
    assert not any(f.date == "2026-11-19" and f.level != "info" for f in report.flags)


def test_a_day_with_implausibly_little_food_is_incomplete(tmp_path: Path) -> None:
    # Monday: 1 cup of 2% milk (244 g, 122 kcal), under half of a woman's sedentary 1,800
    # kcal (Dietary Guidelines): incomplete; --min-energy 0 turns the check off
    path = tmp_path / "little.csv"
    path.write_text("date,food,amount,unit\n2026-11-16,01079,244,g\n", encoding="utf-8")
    analysis = analyze(read_diary(path))
    day = analysis.daily.iloc[0]
    assert not day["complete"]
    assert day["incomplete_reason"] == (
        "only 122 kcal logged, under 50% of the 1,800 kcal a sedentary person of this profile "
        "needs"
    )
    result = CliRunner().invoke(cli, ["daily", str(path), "--min-energy", "0", "--all"])
    assert result.exit_code == 0 and "Note: 1 day is incomplete" not in result.stderr


def test_the_apps_completed_mark() -> None:
    # Cronometer daily summary: 1/28/2026 has Completed = false
    analysis = analyze(read_diary(DATA / "diaries" / "cronometer_daily.csv"))
    days = analysis.daily.set_index(analysis.daily["date"].dt.strftime("%Y-%m-%d"))
    assert bool(days.loc["2026-01-27", "complete"]) is True
    assert days.loc["2026-01-28", "incomplete_reason"] == "the app marks the day as not completed"


# --- coverage by energy: medications with blank minerals ---------------------------------------


def test_cronometer_medications_do_not_hide_the_ratio() -> None:
    diary = read_diary(MEDICATIONS)
    assert diary.rows_in == 14 and diary.rejected.empty
    analysis = analyze(diary)
    day = analysis.daily.iloc[0]
    # input check: calcium is blank for 3 of the 7 entries (the medications, 0 kcal), so an
    # entry count would find 57 % coverage and hide the ratio
    assert (day["entries"], day["calcium_mg_unknown"]) == (7, 3)
    # by energy the medications weigh nothing: 0 % of the day lacks calcium or phosphorus
    assert (day["calcium_unknown_share"], day["phosphorus_unknown_share"]) == (0.0, 0.0)
    # Ca 585.60 + 167.04 + 402.57 + 37.42 = 1192.63; P 448.96 + 113.68 + 257.99 + 404.84
    # = 1225.47; Ca:P 1192.63 / 1225.47 = 0.97320
    assert day["ca_p_mass_ratio"] == pytest.approx(0.97320, abs=1e-5)
    report = build_report(analysis)
    assert report.week.ca_p_mass_ratio == pytest.approx(0.97320, abs=1e-5)
    assert report.coverage["calcium"].usable and report.coverage["phosphorus"].usable
    assert report.completeness.weightless_entries == 6
    assert any("6 entries have no energy and no weight" in n for n in report.notes)


# --- the plan: never past the RDA for a ratio; portions by age; caveats; other sources ----------


def test_calcium_at_124_percent_and_ratio_067_gets_no_calcium_suggestion() -> None:
    diary = read_diary(CALCIUM_MET)
    assert diary.rows_in == 15 and diary.rejected.empty
    report = build_report(analyze(diary))
    week = report.week
    # a day: cheddar 160 g x 7.10 + beef 472 g x 0.22 = 1136 + 103.84 = 1239.84 mg Ca (124 %);
    # P 160 x 4.55 + 472 x 2.38 = 728 + 1123.36 = 1851.36; Ca:P 1239.84 / 1851.36 = 0.6697
    assert week.calcium_mg == pytest.approx(1239.84, abs=0.01)
    assert week.percent_of_target["calcium_mg"] == pytest.approx(123.98, abs=0.01)
    assert week.ca_p_mass_ratio == pytest.approx(0.6697, abs=1e-4)
    # absorbable calcium meets its target too (366 > 329 mg)
    assert week.absorbable_calcium_mg > report.targets.absorbable_calcium_mg  # type: ignore[operator]
    assert not [s for s in report.suggestions if s.purpose == ROLE_CALCIUM]
    assert report.alternatives == []
    # the ratio goal is calcium up to the RDA: 1,000 / P, here at most 1,000 / 1,851.36 =
    # 0.5401 (P as logged; the greens offered for K and Mg add some), already met
    assert report.plan.ratio_goal == pytest.approx(1000 / report.projected.phosphorus_mg, abs=1e-4)
    assert report.plan.ratio_goal <= 0.5401
    assert report.plan.remaining["ca_p_mass_ratio"] == 0.0


def test_portions_scale_with_age() -> None:
    # Dietary Guidelines patterns: 1 cup-eq of vegetables a day at 1,000 kcal (a 2-year-old),
    # 2 1/2 at 2,000: the 2-cup cap becomes 2 x 1 / 2.5 = 0.8 -> 1/2 cup
    analysis = analyze(read_diary(example_path("western")), Profile(sex="male", age=2))
    report = build_report(analysis)
    assert report.plan.max_cups_per_green_per_day == 0.5
    assert report.suggestions and all(s.amount <= 0.5 for s in report.suggestions)
    assert any(
        n.startswith("Greens portions scaled to age: at most 1/2 cup") for n in report.notes
    )
    adult = build_report(analyze(read_diary(example_path("western"))))
    assert adult.plan.max_cups_per_green_per_day == 2.0


def test_warfarin_and_oxalate_caveats_and_non_green_sources() -> None:
    report = build_report(analyze(read_diary(example_path("western"))))
    names = {s.name: s for s in report.suggestions}
    # frozen collards: 623.2 ug vitamin K per 100 g (SR28 nutrient 430) x 170 g = 1,059 ug,
    # above the 90 ug threshold (the women's AI); spinach is offered for K and Mg
    assert names["cooked frozen collards"].vitamin_k_ug == pytest.approx(1059.44, abs=0.01)
    caveats = " ".join(report.plan.caveats)
    assert "On warfarin, keep vitamin K intake steady" in caveats
    assert "Booth & Centurelli 1999" in caveats
    assert "cooked spinach is very high in oxalate" in caveats and "Mitchell" in caveats
    # non-green sources, labelled, with Weaver's absorption: milk 1 cup 292.8 mg Ca,
    # FA(292.8) = 0.889 - 0.0964 ln 292.8 = 0.34150 -> 99.99 mg absorbable
    other = {a.name: a for a in report.alternatives}
    assert set(other) == {
        "milk (2%)",
        "plain low-fat yogurt",
        "calcium-fortified soy drink",
        "calcium-set tofu (regular)",
    }
    assert other["milk (2%)"].absorbable_calcium_mg == pytest.approx(99.99, abs=0.01)
    assert all(a.label.startswith("non-green source") for a in report.alternatives)
    assert "Or instead, non-green sources" in render_text(report)


def test_no_eating_times_says_what_it_assumes(tmp_path: Path) -> None:
    # no time or meal column: each entry is its own occasion. 2% milk 244 g (292.8 mg) and
    # cheddar 56.7 g (402.57 mg) alone: 292.8 x FA(292.8) + 402.57 x FA(402.57) =
    # 292.8 x 0.34150 + 402.57 x 0.31083 = 99.99 + 125.13 = 225.12 mg; as one occasion of
    # 695.37 mg (above 500: FA 0.28991) = 201.60 mg
    path = tmp_path / "untimed.csv"
    path.write_text(
        "date,food,amount,unit\n2026-11-16,01079,244,g\n2026-11-16,01009,56.7,g\n",
        encoding="utf-8",
    )
    report = build_report(analyze(read_diary(path), settings=SMALL_DAYS))  # a 351-kcal day
    assert report.absorption.occasions == "entry"
    assert report.week.absorbable_calcium_mg == pytest.approx(225.12, abs=0.01)
    assert report.absorption.one_occasion_per_day_mg == pytest.approx(201.60, abs=0.01)
    note = next(n for n in report.notes if n.startswith("No eating times or meals"))
    assert "225 mg/day that way and would be 202 mg/day had each day been one occasion" in note


def test_the_tools_thresholds_are_tagged_c_and_said_so() -> None:
    table = load_table("coefficients.csv").set_index("name")
    for name in (
        "coverage_min_fraction",
        "incomplete_unused_share",
        "implausible_energy_fraction",
        "default_index_share_fair",
        "default_index_share_poor",
    ):
        assert table.loc[name, "tag"] == "C", name
        assert str(table.loc[name, "source"]).startswith("This tool's choice"), name
        assert len(str(table.loc[name, "note"])) > 40, name  # says why
    report = build_report(analyze(read_diary(example_path("western"))))
    assert any(
        n.startswith("Completeness thresholds are this tool's choices") for n in report.notes
    )


def test_the_opening_statement_names_minerals_known_for_too_little_food(tmp_path: Path) -> None:
    # Each day: 4 x 70 g cheddar (4.04 kcal/g: 283 kcal each, 1,131 kcal, a complete day)
    # and one row with a unit cheddar does not have. That row counts as an average entry:
    # 1 of 5 entries' worth of food, 20% unknown for every mineral (at most 25% unused keeps
    # the day complete; a figure needs 90% known).
    path = cheddar_week_a_fifth_unused(tmp_path)
    report = build_report(analyze(read_diary(path)))
    assert report.completeness.statement == (
        "This week: 7 of 35 rows could not be used; all 7 days are logged and complete; "
        "calcium, phosphorus, magnesium and potassium are unknown for 20% of the food (rows "
        "not used included): too much for a ratio or a verdict, so shown as 'at least'."
    )


def test_a_figure_is_at_least_when_rows_not_used_leave_too_little_known(tmp_path: Path) -> None:
    # The same week as above: every used entry has calcium (4 x 70 g cheddar a day, SR28
    # 01009 Ca 710 mg/100 g: 710 x 2.8 = 1,988 mg/day), but a fifth of the food is in rows
    # not used. The week's calcium is "at least" in the targets table and in the chart's
    # week box, as its percent of the RDA is (1,988 / 1,000 = 199%).
    path = cheddar_week_a_fifth_unused(tmp_path)
    report = build_report(analyze(read_diary(path)))
    assert report.coverage["calcium"].complete and not report.coverage["calcium"].usable
    (calcium,) = [r for r in target_rows(report) if r[0] == "calcium"]
    assert calcium[1] == "at least 1,988 mg" and calcium[3] == "at least 199%"
    assert plan_view(report).shown_now["calcium_mg"] == "at least 1,988"
    # nor is the dairy group's share of the week's phosphorus given, and the table says why
    assert [row.phosphorus_share for row in report.diuretic_load if row.group == "dairy"] == [None]
    assert (
        "  share of P: - when phosphorus is known for too little of the week's food for a "
        "share" in render_text(report).splitlines()
    )


def test_a_day_finding_counts_the_days_logged(tmp_path: Path) -> None:
    # Mon: 3,000 g 2% milk (SR28 01079), complete; Tue: 710 g brewed coffee (SR28 14209,
    # caffeine 40 mg/100 g: 40 x 7.1 = 284 mg in one occasion, 7 kcal: an incomplete day).
    # The week averages 1 complete day, but the flag is on Tuesday, 1 of the 2 days logged.
    path = tmp_path / "d.csv"
    path.write_text(
        "date,meal,food,amount,unit\n"
        "2026-11-16,breakfast,01079,3000,g\n"
        "2026-11-17,breakfast,14209,710,g\n",
        encoding="utf-8",
    )
    report = build_report(analyze(read_diary(path)))
    assert (report.week.days, report.week.days_logged) == (1, 2)
    caffeine = [f.text for f in findings(report) if "caffeine in one eating occasion" in f.text]
    assert caffeine and all(
        text.startswith("1 of 2 logged days: 2026-11-17: 284 mg caffeine") for text in caffeine
    )


@pytest.mark.parametrize(
    ("milk_g", "verdict"),
    [
        # 800 g whole milk (Ca 113/100 g: 904 mg; 488 kcal) + 200 g beef (Ca 22: 44 mg;
        # 512 kcal) + 20 g cheddar whose calcium is blank (80.8 kcal): 948 mg known, the
        # cheddar 80.8 / 1,080.8 = 7.5% of the food. At the rate of the rest, 948 / 0.925 =
        # 1,024.6 mg: not below the RDA of 1,000 mg, so it cannot be judged.
        (800.0, "cannot_judge"),
        # 600 g milk (678 mg, 366 kcal): 722 mg known, 80.8 / 958.8 = 8.4% unknown,
        # 722 / 0.916 = 788 mg, still below: the warning holds.
        (600.0, "warning"),
    ],
)
def test_below_only_when_the_unknown_food_at_the_rate_of_the_rest_stays_below(
    milk_g: float, verdict: str
) -> None:
    rows = [
        ("2026-11-16", "breakfast", "milk", milk_g),
        ("2026-11-16", "lunch", "beef", 200.0),
        ("2026-11-16", "dinner", "cheddar", 20.0),
    ]
    entries = make_entries(rows)
    entries.loc[entries["food"] == "cheddar", "calcium_mg"] = float("nan")
    analysis = analyze(entries, settings=SMALL_DAYS)
    table = analysis.flag_table
    (level,) = table.loc[table["code"] == "calcium_low", "level"]
    assert level == verdict
    if verdict == "cannot_judge":
        (message,) = table.loc[table["code"] == "calcium_low", "message"]
        assert (
            "calcium is unknown for 7% of the food, and that food, counted at the rate "
            "of the rest, would reach the threshold" in message
        )


def test_a_piece_far_heavier_than_the_foods_portions_is_listed_to_check(tmp_path: Path) -> None:
    # SR28 15237 (farmed Atlantic salmon, cooked) lists "0.5 fillet = 178 g" (1 fillet =
    # 356 g, half a side of fish) and "3 oz = 85 g": 356 > 3 x 85 = 255, listed. Cola 14148,
    # "1 can or bottle (12 fl oz) = 370 g", is under 3 x its heaviest other portion (a
    # 44-fl-oz drink, 1,353 g): not listed. 200 g of salmon is the user's own amount.
    path = tmp_path / "d.csv"
    path.write_text(
        "date,food,amount,unit\n"
        "2026-11-16,15237,1,fillet\n"
        "2026-11-17,15237,1,fillet\n"
        "2026-11-17,14148,1,can\n"
        "2026-11-18,15237,200,g\n",
        encoding="utf-8",
    )
    report = build_report(analyze(read_diary(path), settings=SMALL_DAYS))
    amounts = [c for c in report.check_matches if c.method == "amount"]
    assert [(c.food_id, c.entries, c.confidence) for c in amounts] == [("15237", 2, "low")]
    assert amounts[0].note == (
        "1 fillet is 356 g by USDA's portions, over 3 times its 3 oz (85 g): if yours was "
        "smaller, write its grams"
    )
    assert "(low: 1 fillet is 356 g by USDA's portions" in render_text(report)

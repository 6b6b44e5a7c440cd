"""The calcium supplement the report may name: only when greens alone cannot close the gap.

Hand arithmetic uses Weaver's load equation FA(L) = 0.889 - 0.0964 ln L (Weaver et al. 2017)
with the index of a supplement taken with a meal (1.00) and calcium carbonate's calcium
fraction 40.078 / 100.086 = 0.40044.
"""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.report.plan import Goals, GreensPlan, WeekIntake
from analyzer.report.supplement import supplement_option
from tests.conftest import DATA

LOW_WEEK = DATA / "myfoods" / "low_calcium_week.csv"


def _plan(status: str, calcium_mg: float, absorbable_gap: float, ratio_gap: float = 0.0):
    week = WeekIntake(7, calcium_mg, 200.0, 1200.0, 300.0, 2600.0)
    goals = Goals(329.0, 1.0, 320.0, 2600.0, calcium_ul_mg=2500.0, calcium_mg=1000.0)
    remaining = {
        "absorbable_calcium_mg": absorbable_gap,
        "ca_p_mass_ratio": ratio_gap,
        "magnesium_mg": 0.0,
        "potassium_mg": 0.0,
    }
    return GreensPlan(status, [], week, week, goals, remaining)  # type: ignore[arg-type]


def _absorbed(dose: float) -> float:
    return dose * (0.889 - 0.0964 * math.log(dose))


def test_three_doses_when_one_or_two_cannot_absorb_the_gap() -> None:
    # 300 mg absorbable a day: one 500 mg dose absorbs 500 x 0.2899 = 145 mg, so neither 1
    # nor 2 doses do; 3 doses of 100 mg absorbable each: 250 mg absorbs 250 x 0.3567 =
    # 89.2 mg (short), 300 mg absorbs 300 x 0.3392 = 101.7 mg: 3 x 300 mg.
    option = supplement_option(_plan("partial", 600.0, 300.0), 45.0, 2500.0)
    assert option is not None
    assert (option.doses, option.dose_mg, option.calcium_mg) == (3, 300.0, 900.0)
    assert option.absorbable_calcium_mg == pytest.approx(3 * _absorbed(300.0))  # 305.2 mg
    assert option.compound_mg == pytest.approx(300 / 0.40044)  # 749.2 mg of carbonate
    assert option.closes_gap and not option.limited_by_ul
    assert "900 mg of calcium a day as calcium carbonate, 3 doses of 300 mg" in option.text
    assert option.caveat.startswith("Ask your doctor or pharmacist")


def test_the_ul_caps_it() -> None:
    # 2,000 mg already: 500 mg of room under the 2,500 mg UL -> 3 doses of 150 mg
    option = supplement_option(_plan("partial", 2000.0, 300.0), 45.0, 2500.0)
    assert option is not None
    assert (option.doses, option.dose_mg) == (3, 150.0)
    assert option.limited_by_ul and not option.closes_gap
    assert option.text.endswith("stays at or below its upper limit (UL).")


def test_never_the_first_answer() -> None:
    for status in ("closed", "met", "unknown", "incomplete"):
        assert supplement_option(_plan(status, 600.0, 300.0), 45.0, 2500.0) is None
    assert supplement_option(_plan("partial", 600.0, 0.0), 45.0, 2500.0) is None  # no gap
    assert supplement_option(_plan("partial", 600.0, 300.0), 12.0, 2500.0) is None  # a child


def test_the_report_names_it_when_the_greens_fall_short() -> None:
    runner = CliRunner()
    capped = runner.invoke(cli, ["report", str(LOW_WEEK), "--max-cups", "0.5", "--format", "json"])
    report = json.loads(capped.stdout)
    assert report["plan"]["status"] == "partial"
    option = report["supplement_option"]
    ratio_gap = report["plan"]["remaining"]["ca_p_mass_ratio"]
    needed = ratio_gap * report["projected"]["phosphorus_mg"]  # calcium the ratio goal lacks
    assert option["dose_mg"] <= 500.0 and option["dose_mg"] * option["doses"] >= needed
    assert option["dose_mg"] - 50.0 < needed / option["doses"]  # the smallest 50 mg step
    text = runner.invoke(cli, ["report", str(LOW_WEEK), "--max-cups", "0.5"]).stdout
    assert "If food is not enough: a calcium supplement" in text
    assert option["text"] in text and option["caveat"] in text
    html = runner.invoke(cli, ["report", str(LOW_WEEK), "--max-cups", "0.5", "--format", "html"])
    assert "If food is not enough: a calcium supplement" in html.stdout
    assert "Ask your doctor or pharmacist" in html.stdout


def test_not_when_the_greens_close_the_gap() -> None:
    result = CliRunner().invoke(cli, ["report", str(LOW_WEEK), "--format", "json"])
    report = json.loads(result.stdout)
    assert report["plan"]["status"] == "closed"
    assert report["supplement_option"] is None

"""The flag rules: when each finding fires, what it says, and on what evidence.

Each rule says what its source says and no more (:mod:`analyzer.balance.flags` applies them
to days and weeks):

- the low-Ca:P **alert** (molar Ca:P < 0.5 with calcium below target) rests on Calvo et al.
  1988: 8 days of a high-phosphorus, low-calcium diet raised PTH in young adults. Kemi et
  al. 2010 studied women (31-43 y) with *adequate* calcium, cross-sectionally: they are cited
  for the low ratio alone (``info``), beside the IOM's balance studies in adults, where Ca:P
  from 0.08 to 2.4 did not change calcium balance. A child's profile gets the IOM's own
  words instead (the ratio "has little meaning" beyond infancy), never "in adults";
- calcium (food and any logged supplements) above its UL, sodium above the CDRR (every age
  from 1 y, NASEM 2019), phosphorus above its UL;
- a supplement dose of calcium above 500 mg at once (absorption falls as the load rises:
  Heaney, Weaver & Fitzsimmons 1990; the NIH ODS advises doses of 500 mg or less), and
  magnesium from supplements above its UL, which applies to supplements and medications
  only (IOM 1997), never to food;
- caffeine: EFSA 2015 for adults (400 mg a day, 200 mg in pregnancy and lactation, single
  doses of 200 mg), Health Canada for children (45 / 62.5 / 85 mg a day at 4-6 / 7-9 /
  10-12 y, 2.5 mg per kg of body weight) and adolescents (2.5 mg/kg; up to the adult 400 mg
  for older, heavier ones).

Every rule is either about falling *below* a target (or a ratio), which incomplete data
cannot show, or about going *over a limit*, which the known foods alone can already show
(:data:`LIMIT_RULES`).

References
----------
.. [1] Calvo MS, Kumar R, Heath H 1988, J Clin Endocrinol Metab 66:823.
.. [2] Kemi VE et al. 2010, Br J Nutr 103:561.
.. [3] IOM 1997, DRIs for Ca, P, Mg, Vitamin D and Fluoride, pp. 154, 189.
.. [4] IOM 2011, DRIs for Calcium and Vitamin D.
.. [5] NASEM 2019, DRIs for Sodium and Potassium; Nordin BEC et al. 1993, J Nutr 123:1615.
.. [6] Maughan RJ, Griffin J 2003, J Hum Nutr Diet 16:411.
.. [7] EFSA NDA 2015, Safety of caffeine, EFSA J 13(5):4102; Health Canada 2011/2017.
.. [8] Heaney RP, Weaver CM, Fitzsimmons ML 1990, J Bone Miner Res 5(11); NIH Office of
   Dietary Supplements, Calcium fact sheet for health professionals.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.models import FlagLevel, Settings, Targets
from analyzer.reference import coefficient, tag

IOM_2011 = "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D"
IOM_1997 = "IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride"
NASEM_2019 = "NASEM 2019, DRIs for Sodium and Potassium"
EFSA_2015 = "EFSA NDA 2015, Scientific opinion on the safety of caffeine, EFSA J 13(5):4102"
HEALTH_CANADA = "Health Canada 2011/2017, caffeine advice for children and adolescents"
CALVO_1988 = "Calvo MS, Kumar R, Heath H 1988, J Clin Endocrinol Metab 66:823"
KEMI_2010 = "Kemi VE et al. 2010, Br J Nutr 103:561"
MAUGHAN_2003 = "Maughan RJ, Griffin J 2003, J Hum Nutr Diet 16:411"
DOSE_SOURCES = (
    "Heaney RP, Weaver CM, Fitzsimmons ML 1990, J Bone Miner Res 5(11); NIH Office of Dietary "
    "Supplements, Calcium fact sheet for health professionals"
)
NORDIN_1993 = "Nordin BEC et al. 1993, J Nutr 123:1615"
POTASSIUM_CAVEAT = (
    " The potassium AI does not apply to people with impaired potassium excretion (kidney "
    "disease, potassium-sparing drugs)."
)
#: Rules about going over a limit: the foods known so far already show it, so incomplete
#: data still raises them (as "at least", never above ``warning``).
LIMIT_RULES = frozenset(
    {
        "phosphorus_above_ul",
        "calcium_above_ul",
        "sodium_above_cdrr",
        "caffeine_sitting",
        "caffeine_single_dose",
        "caffeine_daily_high",
        "caffeine_adolescent",
        "calcium_supplement_dose",
        "magnesium_supplement_above_ul",
    }
)


@dataclass(frozen=True)
class Rule:
    """One flag rule on a table of days (or weeks).

    Attributes
    ----------
    code, level : the flag's code and level.
    mask : which rows fire.
    value : column of the value compared; ``threshold`` the value it is compared with.
    template : the message, with ``{value}``, ``{threshold}`` and ``{ratio}`` fields.
    reference, confidence : the source and its provenance tag.
    partial : nutrient column whose unknown entries make ``value`` a lower bound.
    minerals : minerals whose coverage decides whether a "below" finding can be judged.
    """

    code: str
    level: FlagLevel
    mask: np.ndarray
    value: str
    threshold: float
    template: str
    reference: str
    confidence: str
    partial: str = ""
    minerals: tuple[str, ...] = ()

    @property
    def is_limit(self) -> bool:
        """Whether the rule is about going over a limit (see :data:`LIMIT_RULES`)."""
        return self.code in LIMIT_RULES


def _ratio_rules(daily: pd.DataFrame, targets: Targets, calcium_low: np.ndarray) -> list[Rule]:
    """The low-Ca:P alert (Calvo 1988) and the low ratio alone (context, per age group)."""
    molar_low = coefficient("ca_p_molar_low")
    ratio_low = daily["ca_p_molar_ratio"].to_numpy(dtype=float) < molar_low
    alert = Rule(
        "low_ca_p_with_low_calcium", "alert", ratio_low & calcium_low, "ca_p_molar_ratio",
        molar_low,
        "molar Ca:P {ratio} is below {threshold:g} while calcium is below target; in young "
        "adults, 8 days of a high-phosphorus, low-calcium diet raised parathyroid hormone.",
        CALVO_1988, tag("ca_p_molar_low"), "calcium_mg", ("calcium", "phosphorus"),
    )  # fmt: skip
    if targets.age_group == "adult":
        context = (
            "molar Ca:P {ratio} is below {threshold:g} with calcium at target: context, not a "
            "concern. In adult balance studies Ca:P from 0.08 to 2.4 did not change calcium "
            "balance or absorption; in women with adequate calcium the lowest Ca:P quartile "
            "had somewhat higher PTH (cross-sectional)."
        )
        reference = f"{IOM_1997}, p. 154; {KEMI_2010}"
    elif targets.age_group == "infant":
        context = (
            "molar Ca:P {ratio} is below {threshold:g}: for infants a Ca:P mass ratio of 1 to 2 "
            "is recommended (human milk is about 2); ask a paediatrician."
        )
        reference = "Loughrill E et al. 2016 (PMC6865864); AAP Pediatric Nutrition"
    else:
        context = (
            "molar Ca:P {ratio} is below {threshold:g} with calcium at target: context, not a "
            "concern. The IOM found a dietary Ca:P ratio of little meaning beyond infancy."
        )
        reference = f"{IOM_1997}, p. 154"
    low_alone = Rule(
        "low_ca_p_ratio", "info", ratio_low & ~calcium_low, "ca_p_molar_ratio", molar_low,
        context, reference, "V", minerals=("calcium", "phosphorus"),
    )  # fmt: skip
    return [alert, low_alone]


def _intake_rules(daily: pd.DataFrame, targets: Targets) -> list[Rule]:
    """Upper limits of calcium and phosphorus, magnesium and potassium below target, sodium."""

    def col(name: str) -> np.ndarray:
        return daily[name].to_numpy(dtype=float)

    rules = []
    for mineral, ceiling, source in (
        ("phosphorus", targets.phosphorus_ul_mg, f"{IOM_1997}, p. 189"),
        ("calcium", targets.calcium_ul_mg, IOM_2011),
    ):
        if ceiling is not None:
            what = "food and any logged supplements" if mineral == "calcium" else "food"
            rules.append(
                Rule(f"{mineral}_above_ul", "alert" if mineral == "phosphorus" else "warning",
                     col(f"{mineral}_mg") > ceiling, f"{mineral}_mg", ceiling,
                     mineral + " {value:,.0f} mg (" + what + ") is above the Tolerable Upper "
                     "Intake Level of {threshold:,.0f} mg.", source, "V")
            )  # fmt: skip
    for mineral, reference, extra in (
        ("magnesium", IOM_1997, ""),
        ("potassium", NASEM_2019, POTASSIUM_CAVEAT),
    ):
        target = targets.target(mineral)
        if target is not None:
            rules.append(
                Rule(f"{mineral}_low", "warning", col(f"{mineral}_mg") < target,
                     f"{mineral}_mg", target,
                     mineral + " {value:,.0f} mg is below the " + targets.kinds[mineral]
                     + " of {threshold:,.0f} mg." + extra, reference, "V", f"{mineral}_mg",
                     (mineral,))
            )  # fmt: skip
    if targets.sodium_cdrr_mg is not None:
        cdrr = targets.sodium_cdrr_mg
        adult = targets.age_group == "adult"
        why = " (each 2,300 mg of sodium adds about 40 mg urinary calcium)" if adult else ""
        rules.append(
            Rule("sodium_above_cdrr", "warning", col("sodium_mg") > cdrr, "sodium_mg", cdrr,
                 "sodium {value:,.0f} mg is above the Chronic Disease Risk Reduction intake of "
                 "{threshold:,.0f} mg a day" + ("" if adult else " for " + targets.life_stage)
                 + "; intakes above it should be reduced" + why + ".",
                 f"{NASEM_2019}; {NORDIN_1993}" if adult else NASEM_2019, "V")
        )  # fmt: skip
    return rules


def _supplement_rules(daily: pd.DataFrame, targets: Targets) -> list[Rule]:
    """A calcium dose above 500 mg at once; magnesium from supplements above its UL."""
    rules = []
    if "calcium_supplement_max_dose_mg" in daily.columns:
        most = coefficient("calcium_dose_max_mg")
        dose = daily["calcium_supplement_max_dose_mg"].to_numpy(dtype=float)
        rules.append(
            Rule("calcium_supplement_dose", "info", dose > most,
                 "calcium_supplement_max_dose_mg", most,
                 "{value:,.0f} mg of supplement calcium at once: absorption falls as the "
                 "calcium taken at once rises, so doses of at most {threshold:,.0f} mg, "
                 "spread over the day, are absorbed better.", DOSE_SOURCES,
                 tag("calcium_dose_max_mg"))
        )  # fmt: skip
    if "magnesium_supplement_mg" in daily.columns and targets.magnesium_ul_mg is not None:
        rules.append(
            Rule("magnesium_supplement_above_ul", "warning",
                 daily["magnesium_supplement_mg"].to_numpy(dtype=float) > targets.magnesium_ul_mg,
                 "magnesium_supplement_mg", targets.magnesium_ul_mg,
                 "magnesium {value:,.0f} mg from supplements is above the Tolerable Upper "
                 "Intake Level of {threshold:,.0f} mg for magnesium from supplements and "
                 "medications (food magnesium does not count toward it).",
                 IOM_1997, "V")
        )  # fmt: skip
    return rules


def _caffeine_rules(daily: pd.DataFrame, targets: Targets, settings: Settings) -> list[Rule]:
    """Caffeine in one sitting (adults), single doses (adults), per day (every age from 1 y)."""
    occasion = daily["caffeine_max_occasion_mg"].to_numpy(dtype=float)
    per_day = daily["caffeine_mg"].to_numpy(dtype=float)
    sitting = settings.caffeine_sitting_mg or coefficient("caffeine_sitting_mg")
    adult = targets.age_group == "adult"
    rules = [
        Rule("caffeine_sitting", "info", occasion >= sitting, "caffeine_max_occasion_mg",
             sitting,
             "{value:,.0f} mg caffeine in one eating occasion; from about {threshold:,.0f} mg "
             "caffeine can increase urine output short-term in people not used to it; regular "
             "drinkers develop a strong tolerance.", MAUGHAN_2003, tag("caffeine_sitting_mg"))
    ]  # fmt: skip
    if adult and targets.caffeine_max_mg is not None:
        single = coefficient("caffeine_single_dose_mg")
        rules.append(
            Rule("caffeine_single_dose", "info", occasion > single, "caffeine_max_occasion_mg",
                 single,
                 "{value:,.0f} mg caffeine in one eating occasion is above the single dose of "
                 "{threshold:,.0f} mg that EFSA found raises no safety concern for adults.",
                 EFSA_2015, tag("caffeine_single_dose_mg"))
        )  # fmt: skip
    daily_max = settings.caffeine_daily_max_mg or targets.caffeine_max_mg
    if daily_max is None:
        return rules
    source = targets.sources.get("caffeine", "")
    if adult or "EFSA" in source:
        text = "EFSA found raises no safety concern for this profile."
        reference, confidence = EFSA_2015, "V"
    elif targets.age_group == "adolescent":
        text = "Health Canada allows even older, heavier adolescents."
        reference, confidence = HEALTH_CANADA, "V"
    else:
        text = "Health Canada advises as the most for a child of this age."
        reference, confidence = HEALTH_CANADA, _tag_of(source)
    rules.append(
        Rule("caffeine_daily_high", "warning", per_day > daily_max, "caffeine_mg", daily_max,
             "caffeine {value:,.0f} mg exceeds the {threshold:,.0f} mg a day that " + text,
             reference, confidence)
    )  # fmt: skip
    if targets.age_group == "adolescent":
        floor = coefficient("caffeine_adolescent_info_mg")
        per_kg = coefficient("caffeine_child_mg_per_kg")
        rules.append(
            Rule("caffeine_adolescent", "info", (per_day > floor) & (per_day <= daily_max),
                 "caffeine_mg", floor,
                 "caffeine {value:,.0f} mg a day is above Health Canada's precautionary "
                 f"{per_kg:g} mg per kg of body weight for adolescents weighing under "
                 "{kilograms:,.0f} kg; older, heavier adolescents may take up to the adult "
                 f"{daily_max:,.0f} mg.", HEALTH_CANADA, tag("caffeine_child_mg_per_kg"))
        )  # fmt: skip
    return rules


def _tag_of(source: str) -> str:
    """The provenance tag at the end of a :attr:`Targets.sources` value, ``"... (S)"``."""
    found = source.rsplit("(", 1)[-1].rstrip(")") if source.endswith(")") else ""
    return found if found in ("V", "S", "M", "C") else "S"


def rules_for(daily: pd.DataFrame, targets: Targets, settings: Settings) -> list[Rule]:
    """Every rule with its row mask, in report order (the table of :mod:`.flags`)."""
    with np.errstate(invalid="ignore"):
        calcium_low = daily["calcium_mg"].to_numpy(dtype=float) < targets.calcium_mg
        calcium = Rule(
            "calcium_low", "warning", calcium_low, "calcium_mg", targets.calcium_mg,
            "calcium {value:,.0f} mg is below the " + targets.kinds["calcium"]
            + " of {threshold:,.0f} mg (" + targets.life_stage + ").", IOM_2011, "V",
            "calcium_mg", ("calcium",),
        )  # fmt: skip
        return [
            calcium,
            *_ratio_rules(daily, targets, calcium_low),
            *_intake_rules(daily, targets),
            *_supplement_rules(daily, targets),
            *_caffeine_rules(daily, targets, settings),
        ]

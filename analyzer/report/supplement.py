"""The calcium supplement the plan may name: honestly, and never as the first answer.

Food comes first: the plan suggests greens (:mod:`analyzer.report.plan`) and, beside them,
milk, yogurt, fortified soy drink and tofu. Only when the greens alone cannot close the
calcium gap within the daily cap (the plan is ``partial`` with calcium still short) does the
report say how much elemental calcium a supplement would add to close it: as calcium
carbonate (the most calcium per tablet, IOM 2011 p. 37) taken with meals, in doses of at
most 500 mg (absorption falls as the load rises: Heaney, Weaver & Fitzsimmons 1990), with
calcium citrate as the form that needs no meal, never taking calcium above its UL, and with
the caveat to ask a doctor first. Each dose is absorbed by Weaver's load equation at its own
load with the index of a supplement taken with a meal (``absorption_index.csv``). Adults
only: a child's supplement is a paediatrician's call.

References
----------
.. [1] IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D, p. 37.
.. [2] Heaney RP, Weaver CM, Fitzsimmons ML 1990, J Bone Miner Res 5(11).
.. [3] Heaney RP et al. 2001, J Am Coll Nutr 20(3):239-246; Recker RR 1985, N Engl J Med
   313:70-73.
.. [4] NIH Office of Dietary Supplements, Calcium fact sheet for health professionals.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, ConfigDict

from analyzer.balance.weaver import absorbed_calcium_mg
from analyzer.foods.supplements import compound
from analyzer.reference import coefficient, load_table

if TYPE_CHECKING:
    from analyzer.report.plan import GreensPlan

#: The form named first: calcium carbonate, taken with meals.
SUGGESTED_FORM = "calcium carbonate"
#: The form named beside it: absorbed without a meal too (Recker 1985).
OTHER_FORM = "calcium citrate"
#: Absorption class of a supplement taken with a meal (``absorption_index.csv``).
WITH_MEAL_CLASS = "supplement_with_meal"
#: Doses a day at most: one with each of three meals.
MAX_DOSES = 3
#: Doses are named in steps of this much elemental calcium (tablets hold 200 to 600 mg). [mg]
DOSE_STEP_MG = 50.0
#: Youngest age the plan names a supplement for (the DRIs' adult life stages). [years]
ADULT_AGE_Y = 19.0
#: The caveat said with every supplement.
CAVEAT = (
    "Ask your doctor or pharmacist before taking a calcium supplement: unlike calcium from "
    "food, supplements have been linked to kidney stones, and calcium lowers the absorption of "
    "some medicines (thyroid hormone, some antibiotics, iron)."
)
CAVEAT_SOURCES = "IOM 2011, DRIs for Calcium and Vitamin D; NIH ODS Calcium fact sheet"


class SupplementOption(BaseModel):
    """A calcium supplement the plan names when greens alone cannot close the calcium gap.

    ``calcium_mg`` is the elemental calcium a day, in ``doses`` doses of ``dose_mg`` (at most
    500 mg each), as ``form`` (``compound_mg`` of it per dose), each taken with a meal; it
    adds ``absorbable_calcium_mg`` a day. ``closes_gap`` says whether it closes the rest of
    the gap, ``limited_by_ul`` whether the calcium UL capped it. [mg]
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    calcium_mg: float
    doses: int
    dose_mg: float
    form: str
    compound_mg: float
    absorbable_calcium_mg: float
    closes_gap: bool
    limited_by_ul: bool
    text: str
    caveat: str
    source: str
    confidence: str


def _known(value: float | None) -> float:
    return 0.0 if value is None or math.isnan(value) else float(value)


def _dose(absorbable_mg: float, calcium_mg: float, most: float) -> float:
    """The smallest dose (a multiple of :data:`DOSE_STEP_MG`, at most ``most``) that
    absorbs ``absorbable_mg`` and holds ``calcium_mg``; NaN when none does. [mg]"""
    doses = np.arange(DOSE_STEP_MG, most + DOSE_STEP_MG / 2, DOSE_STEP_MG)
    absorbed = absorbed_calcium_mg(doses, WITH_MEAL_CLASS)
    fits = (absorbed >= absorbable_mg - 1e-9) & (doses >= calcium_mg - 1e-9)
    return float(doses[np.argmax(fits)]) if fits.any() else math.nan


def _grams_text(value: float) -> str:
    return f"{value:,.0f} mg"


def supplement_option(
    plan: GreensPlan, age: float, calcium_ul_mg: float | None
) -> SupplementOption | None:
    """The supplement that would close the calcium gap the greens leave, or ``None``.

    Parameters
    ----------
    plan : GreensPlan
        The greens plan; only a ``partial`` plan with calcium still short gets an option.
    age : float
        The profile's age (adults only). [years]
    calcium_ul_mg : float or None
        The calcium UL: the week's calcium with the greens and the supplement stays at or
        below it. [mg/day]

    Returns
    -------
    SupplementOption or None
        ``None`` when the greens close the gap, the week is met, unknown or incomplete, the
        profile is not an adult, or the UL leaves no room.
    """
    if plan.status != "partial" or age < ADULT_AGE_Y:
        return None
    projected = plan.projected
    need_absorbable = _known(plan.remaining.get("absorbable_calcium_mg"))
    need_calcium = _known(plan.remaining.get("ca_p_mass_ratio")) * _known(projected.phosphorus_mg)
    if need_absorbable <= 0 and need_calcium <= 0:
        return None
    most = coefficient("calcium_dose_max_mg")
    room = math.inf
    if calcium_ul_mg is not None and not math.isnan(projected.calcium_mg):
        room = calcium_ul_mg - projected.calcium_mg
    if room < DOSE_STEP_MG:
        return None
    doses, dose = MAX_DOSES, most
    for count in range(1, MAX_DOSES + 1):
        found = _dose(need_absorbable / count, need_calcium / count, most)
        if not math.isnan(found):
            doses, dose = count, found
            break
    limited = doses * dose > room
    if limited:
        dose = max(DOSE_STEP_MG, math.floor(room / doses / DOSE_STEP_MG) * DOSE_STEP_MG)
    absorbed = doses * float(absorbed_calcium_mg(np.array([dose]), WITH_MEAL_CLASS)[0])
    closes = absorbed >= need_absorbable - 1e-6 and doses * dose >= need_calcium - 1e-6
    carbonate, citrate = compound(SUGGESTED_FORM), compound(OTHER_FORM)
    assert carbonate is not None and citrate is not None  # bundled rows
    per_dose = dose / carbonate.fractions["calcium"]
    text = (
        "Greens alone cannot close the calcium gap within the daily cap. A calcium "
        f"supplement {'would' if closes else 'would narrow it'}: "
        f"{_grams_text(doses * dose)} of calcium a day as {SUGGESTED_FORM}, "
        f"{doses} dose{'s' if doses > 1 else ''} of {_grams_text(dose)} "
        f"({_grams_text(per_dose)} of {SUGGESTED_FORM} a dose), "
        f"{'each ' if doses > 1 else ''}taken with a meal: "
        f"about {_grams_text(absorbed)} absorbed a day. {OTHER_FORM.capitalize()} "
        f"({_grams_text(dose / citrate.fractions['calcium'])} per dose) is absorbed without a "
        f"meal too. Keep each dose at or below {_grams_text(most)}."
    )
    if limited:
        text += " The amount is capped so that calcium stays at or below its upper limit (UL)."
    index = load_table("absorption_index.csv").set_index("absorption_class")
    return SupplementOption(
        calcium_mg=doses * dose,
        doses=doses,
        dose_mg=dose,
        form=SUGGESTED_FORM,
        compound_mg=per_dose,
        absorbable_calcium_mg=absorbed,
        closes_gap=closes,
        limited_by_ul=limited,
        text=text,
        caveat=CAVEAT,
        source=f"{index.loc[WITH_MEAL_CLASS, 'source']}; {carbonate.source}; {CAVEAT_SOURCES}",
        confidence=str(index.loc[WITH_MEAL_CLASS, "tag"]),
    )


def supplement_confidence() -> str:
    """How sure the supplement coefficients are, with their tags (for the report)."""
    index = load_table("absorption_index.csv").set_index("absorption_class")
    rows = [c for c in index.index if str(c).startswith("supplement_")]
    parts = [
        f"{str(c).removeprefix('supplement_').replace('_', ' ')} {index.loc[c, 'index']:.2f} "
        f"({index.loc[c, 'tag']})"
        for c in rows
    ]
    return (
        "Supplement calcium is absorbed per dose by Weaver's load equation with the index of "
        "its form relative to milk: " + ", ".join(parts) + ". With a meal rests on Heaney "
        "2001 (carbonate = citrate) and a review (Gueguen & Pointillart 2000: salts as milk); "
        "alone on Recker 1985 (normal gastric acid; with achlorhydria carbonate taken alone "
        "is absorbed far less). The citrate malate formula is from memory (M): give "
        "calcium_mg from the label when it states it."
    )

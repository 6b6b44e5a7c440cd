"""Colours, sizes and reference lines shared by the charts.

The palette is Okabe and Ito's colour-universal-design set, distinguishable with the common
forms of colour blindness (Okabe M, Ito K, 2008, "Color Universal Design (CUD): how to make
figures and presentations that are friendly to colorblind people", J*Fly,
jfly.uni-koeln.de/color/). No matplotlib import here: the values are plain data; the
literature thresholds come from the balance engine's table (:mod:`analyzer.reference`).
"""

from __future__ import annotations

from typing import Final

from analyzer.nutrients import DIURETIC_GROUPS, GROUP_LABELS
from analyzer.reference import coefficient, molar_ratio_factor

#: Okabe-Ito palette (Okabe & Ito 2008), by name. [hex RGB]
OKABE_ITO: Final[dict[str, str]] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: What each series is drawn in.
COLORS: Final[dict[str, str]] = {
    "calcium": OKABE_ITO["blue"],
    "phosphorus": OKABE_ITO["orange"],
    "absorbable_calcium": OKABE_ITO["sky_blue"],
    "ratio": OKABE_ITO["blue"],
    "projected": OKABE_ITO["bluish_green"],
    "concern": OKABE_ITO["vermillion"],
    "target": OKABE_ITO["black"],
    "magnesium": OKABE_ITO["bluish_green"],
    "potassium": OKABE_ITO["reddish_purple"],
    "red_meat": OKABE_ITO["vermillion"],
    "dairy": OKABE_ITO["sky_blue"],
    "soda": OKABE_ITO["orange"],
    "coffee": OKABE_ITO["black"],
}

#: The four groups of the diuretic load, in stacking order, with their legend labels.
LOAD_GROUPS: Final[dict[str, str]] = {g: GROUP_LABELS[g] for g in DIURETIC_GROUPS}

#: Default figure size: 16 x 10 in at 100 dpi is 1600 x 1000 px. [in], [dots per inch]
FIGSIZE_IN: Final[tuple[float, float]] = (16.0, 10.0)
DPI: Final[int] = 100

#: Font sizes for a figure read at a glance on a laptop screen. [pt]
TITLE_PT: Final[float] = 17.0
PANEL_TITLE_PT: Final[float] = 13.0
LABEL_PT: Final[float] = 11.5
TEXT_PT: Final[float] = 11.0

#: Molar Ca:P at or below which, with calcium below target, PTH was raised (Kemi et al.
#: 2010, Br J Nutr 103:561; tag V). From the balance engine's coefficient table. [mol/mol]
CONCERN_MOLAR_RATIO: Final[float] = coefficient("ca_p_molar_low")
#: The concern threshold as a mass ratio: 0.5 / (30.97 / 40.08) = 0.647. [mg/mg]
CONCERN_MASS_RATIO: Final[float] = CONCERN_MOLAR_RATIO / molar_ratio_factor(
    "calcium", "phosphorus"
)
#: Legend text of the shaded concern zone.
#: A low ratio alone is context, not a concern (IOM 1997, p. 154): the zone is a concern only
#: with calcium below target (Kemi 2010), and the label says so.
CONCERN_LABEL: Final[str] = (
    "concern zone if calcium is also below target:\n"
    f"molar < {CONCERN_MOLAR_RATIO:g} (mass < {CONCERN_MASS_RATIO:.2f}), Kemi 2010"
)
#: Text drawn in a panel whose values the diary does not give.
UNKNOWN_PT: Final[float] = 12.0

#: Chart file formats, by file extension.
FORMATS: Final[dict[str, str]] = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

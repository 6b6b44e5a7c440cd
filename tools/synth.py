"""Deterministic synthetic cohort diaries for the benchmark (``make bench``).

The diaries are in the project's own CSV format (``date,food,amount,unit,person,meal``) and
look like a study cohort: 1,000 participants, a year of dates (2025-11-24 .. 2026-11-22, 52
whole ISO weeks), about 2,000 distinct food names, mostly grams with some household units.

The food names are a mix of

- everyday names (``whole milk``, ``cola``, ``collard greens cooked`` ...), each tied here to
  the USDA SR28 food it means, so that household units are only used where that food has the
  USDA portion;
- exact USDA descriptions (``Milk, whole, 3.25% milkfat, with added vitamin D``);
- lower-cased variants of some of those descriptions.

Everything is drawn from a seeded :class:`numpy.random.Generator`, so the same seed, size,
generator version and food tables always give the same bytes. The output depends only on the
``id``, ``description`` columns of the foods table and the ``id``, ``measure`` columns of the
portions table, and their digest is part of the cache key.

Run ``python tools/synth.py --rows 10000 --out out/bench`` to write one diary by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

#: Bump when the output of :func:`generate_diary` changes for the same inputs.
GENERATOR_VERSION = 1
#: Seed of the random generator; part of the cache key.
DEFAULT_SEED = 20261122
#: Participants in the cohort.
N_PERSONS = 1_000
#: First logged day (a Monday) and number of days (52 ISO weeks).
FIRST_DAY = "2025-11-24"
N_DAYS = 364
#: Target number of distinct food names.
N_NAMES = 2_000
#: Share of the non-everyday names that are lower-cased USDA descriptions.
LOWER_SHARE = 0.3
#: Share of rows logged in a household unit instead of grams (where the food allows it).
HOUSEHOLD_SHARE = 0.15
#: Household units the generator may write; ``oz`` is a mass unit and always allowed.
HOUSEHOLD_UNITS = ("cup", "slice", "can", "tbsp")
MASS_UNIT = "oz"
#: Meals and how often each is logged.
MEALS = ("breakfast", "lunch", "dinner", "snack")
MEAL_WEIGHTS = (0.25, 0.3, 0.3, 0.15)
#: Zipf-like popularity: weight of the name at rank r is 1 / (r + ZIPF_OFFSET).
ZIPF_OFFSET = 10.0
#: Log-normal portion in grams: median exp(mu) ~ 120 g.
GRAMS_LOG_MEDIAN = np.log(120.0)
GRAMS_LOG_SIGMA = 0.7
#: Quantities written with household units.
HOUSEHOLD_QUANTITIES = (0.5, 1.0, 1.0, 1.0, 1.5, 2.0, 3.0)
OUNCE_QUANTITIES = (1.0, 2.0, 3.0, 4.0, 6.0, 8.0)
COLUMNS = ("date", "food", "amount", "unit", "person", "meal")

#: Everyday names and the SR28 food (NDB number) each one means.
EVERYDAY_FOODS: tuple[tuple[str, str], ...] = (
    ("whole milk", "01077"),
    ("2% milk", "01079"),
    ("1% milk", "01082"),
    ("skim milk", "01085"),
    ("chocolate milk", "01102"),
    ("half and half", "01049"),
    ("cola", "14148"),
    ("diet cola", "14416"),
    ("caffeine-free cola", "14147"),
    ("lemon-lime soda", "14144"),
    ("root beer", "14157"),
    ("ginger ale", "14136"),
    ("club soda", "14121"),
    ("tonic water", "14155"),
    ("coffee", "14209"),
    ("black coffee", "14209"),
    ("decaf coffee", "14201"),
    ("espresso", "14210"),
    ("instant coffee", "14215"),
    ("black tea", "14355"),
    ("green tea", "14278"),
    ("tap water", "14411"),
    ("beer", "14003"),
    ("light beer", "14006"),
    ("red wine", "14096"),
    ("red bull", "14154"),
    ("orange juice", "09206"),
    ("lemonade", "14288"),
    ("ground beef", "23573"),
    ("hamburger", "21107"),
    ("hot dog", "07022"),
    ("corned beef", "13347"),
    ("bologna", "07007"),
    ("ham", "07029"),
    ("bacon", "10123"),
    ("pork loin", "10023"),
    ("chicken breast", "05064"),
    ("fried chicken", "05067"),
    ("salmon", "15237"),
    ("canned tuna", "15121"),
    ("shrimp", "15151"),
    ("cod", "15016"),
    ("tilapia", "15262"),
    ("sardines", "15088"),
    ("egg", "01123"),
    ("hard-boiled egg", "01129"),
    ("cheddar cheese", "01009"),
    ("american cheese", "01042"),
    ("swiss cheese", "01040"),
    ("mozzarella", "01026"),
    ("parmesan", "01032"),
    ("provolone", "01035"),
    ("feta", "01019"),
    ("ricotta", "01036"),
    ("cottage cheese", "01015"),
    ("cream cheese", "01017"),
    ("sour cream", "01056"),
    ("plain yogurt", "01116"),
    ("greek yogurt", "01256"),
    ("vanilla ice cream", "19095"),
    ("butter", "01001"),
    ("olive oil", "04053"),
    ("canola oil", "04582"),
    ("collard greens cooked", "11162"),
    ("turnip greens", "11569"),
    ("mustard greens", "11271"),
    ("bok choy", "11117"),
    ("beet greens", "11087"),
    ("dandelion greens", "11208"),
    ("swiss chard", "11148"),
    ("spinach", "11457"),
    ("cooked spinach", "11458"),
    ("kale", "11233"),
    ("cooked kale", "11234"),
    ("broccoli", "11090"),
    ("steamed broccoli", "11091"),
    ("cauliflower", "11135"),
    ("green beans", "11053"),
    ("asparagus", "11012"),
    ("zucchini", "11477"),
    ("carrots", "11124"),
    ("celery", "11143"),
    ("cucumber", "11205"),
    ("romaine lettuce", "11251"),
    ("tomato", "11529"),
    ("onion", "11282"),
    ("garlic", "11215"),
    ("mushrooms", "11260"),
    ("red bell pepper", "11821"),
    ("corn", "11168"),
    ("green peas", "11305"),
    ("baked potato", "11674"),
    ("sweet potato", "11508"),
    ("french fries", "21138"),
    ("potato chips", "19411"),
    ("banana", "09040"),
    ("apple", "09003"),
    ("orange", "09200"),
    ("strawberries", "09316"),
    ("blueberries", "09050"),
    ("grapes", "09132"),
    ("avocado", "09037"),
    ("watermelon", "09326"),
    ("pineapple", "09266"),
    ("peach", "09236"),
    ("pear", "09252"),
    ("mango", "09176"),
    ("cherries", "09070"),
    ("plums", "09279"),
    ("raisins", "09298"),
    ("almonds", "12061"),
    ("walnuts", "12155"),
    ("sunflower seeds", "12036"),
    ("chia seeds", "12006"),
    ("sesame seeds", "12023"),
    ("peanut butter", "16398"),
    ("black beans", "16015"),
    ("lentils", "16070"),
    ("chickpeas", "16057"),
    ("hummus", "16158"),
    ("tofu", "16426"),
    ("soy milk", "16120"),
    ("almond milk", "14091"),
    ("white bread", "18069"),
    ("whole wheat bread", "18075"),
    ("bagel", "18001"),
    ("english muffin", "18258"),
    ("croissant", "18239"),
    ("glazed doughnut", "18255"),
    ("flour tortilla", "18364"),
    ("corn tortilla", "18363"),
    ("saltine crackers", "18228"),
    ("chocolate chip cookies", "18158"),
    ("pancakes", "18936"),
    ("waffles", "18365"),
    ("white rice", "20045"),
    ("brown rice", "20037"),
    ("pasta", "20121"),
    ("rolled oats", "08120"),
    ("instant oatmeal", "08123"),
    ("cheerios", "08013"),
    ("cheese pizza", "21224"),
    ("chicken noodle soup", "06419"),
    ("dark chocolate", "19904"),
    ("sugar", "19335"),
    ("honey", "19296"),
    ("ketchup", "11935"),
    ("ranch dressing", "04639"),
)

_FIRST_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class FoodTables:
    """The two columns of each USDA table that the generator reads.

    Attributes
    ----------
    foods : pandas.DataFrame
        Columns ``id`` (5-digit NDB number as text) and ``description``.
    portions : pandas.DataFrame
        Columns ``id`` and ``measure`` (USDA household measure, e.g. ``cup, chopped``).
    """

    foods: pd.DataFrame
    portions: pd.DataFrame

    def digest(self) -> str:
        """Return a short SHA-256 of the columns the generator depends on."""
        sha = hashlib.sha256()
        for frame in (self.foods, self.portions):
            sha.update(frame.to_csv(index=False).encode("utf-8"))
        return sha.hexdigest()[:12]


def default_table_paths(repo: Path) -> tuple[Path, Path]:
    """Locate the foods and portions tables for a source checkout.

    Prefers the repository's own ``foods.csv`` and ``analyzer/data/portions.csv``; falls back
    to the shared USDA extracts (``../shared/data/usda_*.csv``) while those are not built.

    Parameters
    ----------
    repo : pathlib.Path
        Repository root.

    Returns
    -------
    tuple of pathlib.Path
        ``(foods_path, portions_path)``.
    """
    shared = repo.parent / "shared" / "data"
    foods = repo / "foods.csv"
    portions = repo / "analyzer" / "data" / "portions.csv"
    if not foods.is_file():
        foods = shared / "usda_foods.csv"
    if not portions.is_file():
        portions = shared / "usda_portions.csv"
    return foods, portions


def _read_table(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read the given columns of a USDA CSV, keeping only SR28 rows when it has ``source``."""
    header = pd.read_csv(path, nrows=0).columns
    usecols = [*columns, "source"] if "source" in header else columns
    frame = pd.read_csv(path, usecols=usecols, dtype=str, keep_default_na=False)
    if "source" in frame.columns:
        frame = frame[frame["source"] == "sr28"]
    return frame[columns].reset_index(drop=True)


def load_tables(foods_path: Path, portions_path: Path) -> FoodTables:
    """Load the food descriptions and portion measures the generator needs.

    Parameters
    ----------
    foods_path : pathlib.Path
        ``foods.csv`` (or the shared ``usda_foods.csv``; only its SR28 rows are used).
    portions_path : pathlib.Path
        ``portions.csv`` (or the shared ``usda_portions.csv``).

    Returns
    -------
    FoodTables
        Foods sorted by id; portions in file order.
    """
    foods = _read_table(foods_path, ["id", "description"]).sort_values("id", ignore_index=True)
    portions = _read_table(portions_path, ["id", "measure"])
    return FoodTables(foods=foods, portions=portions)


def household_units(portions: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Household units each food has a USDA portion for.

    A portion counts for a unit when the first word of its measure is that unit
    (``cup, chopped`` -> ``cup``; ``slice (1 oz)`` -> ``slice``; ``can (12 fl oz)`` -> ``can``).

    Parameters
    ----------
    portions : pandas.DataFrame
        Columns ``id`` and ``measure``.

    Returns
    -------
    dict
        Food id -> sorted tuple of units from :data:`HOUSEHOLD_UNITS`.
    """
    first = portions["measure"].str.lower().str.extract(r"^\s*([a-z]+)", expand=False)
    keep = portions.assign(unit=first)
    keep = keep[keep["unit"].isin(HOUSEHOLD_UNITS)].drop_duplicates(["id", "unit"])
    grouped = keep.groupby("id")["unit"].agg(lambda units: tuple(sorted(units)))
    return {str(key): tuple(value) for key, value in grouped.items()}


def name_pool(tables: FoodTables, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Build the distinct food names of the cohort, most popular first.

    Parameters
    ----------
    tables : FoodTables
        USDA descriptions and portions.
    seed : int
        Seed of the random generator.

    Returns
    -------
    pandas.DataFrame
        :data:`N_NAMES` rows with columns ``name``, ``food_id`` (the SR28 food the name
        means) and ``kind`` (``everyday``, ``description`` or ``lower``).
    """
    rng = np.random.default_rng([seed, GENERATOR_VERSION, 1])
    known = set(tables.foods["id"])
    everyday = [(name, food_id) for name, food_id in EVERYDAY_FOODS if food_id in known]
    n_rest = N_NAMES - len(everyday)
    n_lower = round(n_rest * LOWER_SHARE)
    n_exact = n_rest - n_lower
    picked = rng.permutation(len(tables.foods))[: n_exact + n_lower]
    chosen = tables.foods.iloc[picked]
    rows: list[tuple[str, str, str]] = [(name, fid, "everyday") for name, fid in everyday]
    seen = {name for name, _ in everyday}
    for position, (fid, description) in enumerate(
        zip(chosen["id"], chosen["description"], strict=True)
    ):
        kind = "description" if position < n_exact else "lower"
        name = description if kind == "description" else description.lower()
        if name not in seen:
            seen.add(name)
            rows.append((name, fid, kind))
    pool = pd.DataFrame(rows, columns=["name", "food_id", "kind"])
    # Interleave the kinds so popularity does not follow the kind.
    order = rng.permutation(len(pool))
    return pool.iloc[order].reset_index(drop=True)


def free_form_names(
    tables: FoodTables, n_names: int = N_NAMES, seed: int = DEFAULT_SEED
) -> list[str]:
    """Distinct names as people type them, none an exact USDA description.

    Each is built from a description by reversing and lower-casing its first two comma
    parts (``Cheese, cheddar, sharp`` -> ``cheddar cheese``; ``Milk, whole, 3.25% ...`` ->
    ``whole milk``), so every one has to go through the matcher's word search rather than a
    lookup. Used to time name matching where it is hardest.

    Parameters
    ----------
    tables : FoodTables
        USDA descriptions.
    n_names : int
        How many distinct names (fewer if the table cannot give that many).
    seed : int
        Seed of the random generator.

    Returns
    -------
    list of str
        In a deterministic random order.
    """
    rng = np.random.default_rng([seed, GENERATOR_VERSION, 3])
    descriptions = tables.foods["description"].to_numpy(dtype=object)
    exact = {str(d).lower() for d in descriptions}
    names: list[str] = []
    seen: set[str] = set()
    for position in rng.permutation(len(descriptions)):
        parts = [p.strip() for p in str(descriptions[position]).split(",") if p.strip()]
        name = " ".join(reversed(parts[:2])).lower()
        if name and name not in seen and name not in exact:
            seen.add(name)
            names.append(name)
            if len(names) == n_names:
                break
    return names


def _categorical(codes: np.ndarray, labels: list[str]) -> pd.Categorical:
    """Text column stored as codes into ``labels`` (written by ``to_csv`` as the labels)."""
    return pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype=object))


def _format_amounts(values: np.ndarray) -> pd.Categorical:
    """Format amounts once per distinct value (``150``, ``0.5``) as a categorical."""
    codes, uniques = pd.factorize(values, sort=True)
    return _categorical(np.asarray(codes), [f"{value:g}" for value in uniques])


def generate_diary(
    n_rows: int,
    tables: FoodTables,
    seed: int = DEFAULT_SEED,
    n_persons: int = N_PERSONS,
    n_days: int = N_DAYS,
) -> pd.DataFrame:
    """Generate one synthetic cohort diary.

    Every name of the pool appears at least once when ``n_rows >= N_NAMES``; the other rows
    draw names with Zipf-like popularity. Rows are sorted by person, date and meal, as a
    study would export them.

    Parameters
    ----------
    n_rows : int
        Number of data rows.
    tables : FoodTables
        USDA descriptions and portions.
    seed : int
        Seed of the random generator.
    n_persons, n_days : int
        Participants, and days from :data:`FIRST_DAY` over which their rows fall (the
        defaults give the benchmark's year-long diaries; a recall study has fewer days).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`, all categorical text: ``date`` ISO, ``amount`` as written
        (``150``, ``0.5``), ``unit`` ``g`` [g] or a household unit, ``person`` ``P0001`` ...
    """
    if n_rows < 1:
        raise ValueError(f"n_rows must be at least 1, got {n_rows}")
    pool = name_pool(tables, seed)
    rng = np.random.default_rng([seed, GENERATOR_VERSION, 2, n_rows])
    n_names = len(pool)

    weights = 1.0 / (np.arange(n_names) + ZIPF_OFFSET)
    weights /= weights.sum()
    drawn = rng.choice(n_names, size=n_rows, p=weights)
    if n_rows >= n_names:
        drawn[:n_names] = np.arange(n_names)
    name_idx = rng.permutation(drawn)

    person_idx = rng.integers(0, n_persons, size=n_rows)
    day_idx = rng.integers(0, n_days, size=n_rows)
    meal_idx = rng.choice(len(MEALS), size=n_rows, p=np.asarray(MEAL_WEIGHTS))

    # Units: grams by default; a household unit the food has, or ounces, for some rows.
    unit_labels = ("g", MASS_UNIT, *HOUSEHOLD_UNITS)
    per_food = household_units(tables.portions)
    options = [per_food.get(fid, ()) for fid in pool["food_id"]]
    n_options = np.array([len(units) for units in options])
    option_codes = np.zeros((n_names, max(1, int(n_options.max(initial=0)))), dtype=np.int64)
    for row, units in enumerate(options):
        for col, unit in enumerate(units):
            option_codes[row, col] = unit_labels.index(unit)
    household = rng.random(n_rows) < HOUSEHOLD_SHARE
    # Half the household rows use ounces; the rest one of the food's own portions.
    use_portion = household & (rng.random(n_rows) < 0.5) & (n_options[name_idx] > 0)
    unit_code = np.where(household, unit_labels.index(MASS_UNIT), 0)
    pick = (rng.random(n_rows) * np.maximum(n_options[name_idx], 1)).astype(np.int64)
    unit_code = np.where(use_portion, option_codes[name_idx, pick], unit_code)

    grams = np.maximum(
        1.0, np.round(np.exp(rng.normal(GRAMS_LOG_MEDIAN, GRAMS_LOG_SIGMA, size=n_rows)))
    )
    ounces = rng.choice(np.asarray(OUNCE_QUANTITIES), size=n_rows)
    portions_qty = rng.choice(np.asarray(HOUSEHOLD_QUANTITIES), size=n_rows)
    amount = np.where(unit_code == 0, grams, np.where(unit_code == 1, ounces, portions_qty))

    order = np.lexsort((meal_idx, day_idx, person_idx))
    days = pd.date_range(FIRST_DAY, periods=n_days, freq="D").strftime("%Y-%m-%d")
    width = max(4, len(str(n_persons)))
    persons = [f"P{number:0{width}d}" for number in range(1, n_persons + 1)]
    return pd.DataFrame(
        {
            "date": _categorical(day_idx[order], list(days)),
            "food": _categorical(name_idx[order], pool["name"].tolist()),
            "amount": _format_amounts(amount[order]),
            "unit": _categorical(unit_code[order], list(unit_labels)),
            "person": _categorical(person_idx[order], persons),
            "meal": _categorical(meal_idx[order], list(MEALS)),
        },
        columns=list(COLUMNS),
    )


def cache_key(
    n_rows: int, tables: FoodTables, seed: int = DEFAULT_SEED, cohort: Cohort | None = None
) -> dict[str, object]:
    """The facts that decide a diary's bytes; a cached file is reused only if they match."""
    key: dict[str, object] = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "rows": n_rows,
        "tables": tables.digest(),
    }
    if cohort is not None:
        key.update(persons=cohort.persons, days=cohort.days, profiles=PROFILES_VERSION)
    return key


@dataclass(frozen=True)
class Cohort:
    """A study-like cohort: many persons over a few days (``make bench``'s cohort case)."""

    persons: int
    days: int

    @property
    def stem(self) -> str:
        """File-name stem: ``cohort-<persons>p-<days>d``."""
        return f"cohort-{self.persons}p-{self.days}d"


#: Bump when :func:`generate_profiles` changes.
PROFILES_VERSION = 1
#: Ages drawn for the profiles, uniform over the DRI range from toddlers to old age. [years]
PROFILE_AGE_RANGE = (1, 90)
#: Shares of women aged 19-40 who are pregnant, and who are lactating.
PREGNANT_SHARE = 0.04
LACTATING_SHARE = 0.03
#: Ages between which pregnancy and lactation are drawn. [years]
CHILDBEARING_AGES = (19, 40)


def generate_profiles(n_persons: int, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Profiles for persons ``P00001`` ...: sex, age and, for some women, pregnancy.

    Returns
    -------
    pandas.DataFrame
        ``person, sex, age, pregnant, lactating`` (``yes``/blank), as :func:`load_profiles`
        reads them.
    """
    rng = np.random.default_rng([seed, PROFILES_VERSION, 3, n_persons])
    width = max(4, len(str(n_persons)))
    sex = np.where(rng.random(n_persons) < 0.5, "female", "male")
    age = rng.integers(PROFILE_AGE_RANGE[0], PROFILE_AGE_RANGE[1] + 1, size=n_persons)
    draw = rng.random(n_persons)
    fertile = (sex == "female") & (age >= CHILDBEARING_AGES[0]) & (age <= CHILDBEARING_AGES[1])
    pregnant = fertile & (draw < PREGNANT_SHARE)
    lactating = fertile & ~pregnant & (draw < PREGNANT_SHARE + LACTATING_SHARE)
    return pd.DataFrame(
        {
            "person": [f"P{number:0{width}d}" for number in range(1, n_persons + 1)],
            "sex": sex,
            "age": age,
            "pregnant": np.where(pregnant, "yes", ""),
            "lactating": np.where(lactating, "yes", ""),
        }
    )


def ensure_cohort(
    n_rows: int, cohort: Cohort, out_dir: Path, tables: FoodTables, seed: int = DEFAULT_SEED
) -> tuple[Path, Path, bool]:
    """Write ``<stem>-<rows>.csv`` and its profiles unless up-to-date copies are cached.

    Returns
    -------
    tuple
        ``(diary, profiles, generated)``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{cohort.stem}-{n_rows}.csv"
    profiles = out_dir / f"{cohort.stem}-profiles.csv"
    meta_path = path.with_suffix(".json")
    key = cache_key(n_rows, tables, seed, cohort)
    if path.is_file() and profiles.is_file() and meta_path.is_file():
        try:
            if json.loads(meta_path.read_text(encoding="utf-8")) == key:
                return path, profiles, False
        except (OSError, ValueError):
            pass
    diary = generate_diary(n_rows, tables, seed, n_persons=cohort.persons, n_days=cohort.days)
    partial = path.with_suffix(".csv.partial")
    diary.to_csv(partial, index=False, lineterminator="\n")
    os.replace(partial, path)
    generate_profiles(cohort.persons, seed).to_csv(profiles, index=False, lineterminator="\n")
    meta_path.write_text(json.dumps(key, indent=2) + "\n", encoding="utf-8")
    return path, profiles, True


def ensure_diary(
    n_rows: int, out_dir: Path, tables: FoodTables, seed: int = DEFAULT_SEED
) -> tuple[Path, bool]:
    """Write ``out_dir/diary-<n_rows>.csv`` unless an up-to-date copy is cached.

    Parameters
    ----------
    n_rows : int
        Number of data rows.
    out_dir : pathlib.Path
        Cache directory (created if missing).
    tables : FoodTables
        USDA descriptions and portions.
    seed : int
        Seed of the random generator.

    Returns
    -------
    tuple
        ``(path, generated)``: the diary's path and whether it was (re)generated now.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"diary-{n_rows}.csv"
    meta_path = path.with_suffix(".json")
    key = cache_key(n_rows, tables, seed)
    if path.is_file() and meta_path.is_file():
        try:
            if json.loads(meta_path.read_text(encoding="utf-8")) == key:
                return path, False
        except (OSError, ValueError):
            pass
    diary = generate_diary(n_rows, tables, seed)
    partial = path.with_suffix(".csv.partial")
    diary.to_csv(partial, index=False, lineterminator="\n")
    os.replace(partial, path)
    meta_path.write_text(json.dumps(key, indent=2) + "\n", encoding="utf-8")
    return path, True


def write_names(out_dir: Path, tables: FoodTables, seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Write the diaries' distinct food names and the free-form names, one a line.

    Returns
    -------
    tuple of pathlib.Path
        ``out_dir/names.txt`` (the names of the diaries, :func:`name_pool`) and
        ``out_dir/names-free-form.txt`` (:func:`free_form_names`).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    pool = out_dir / "names.txt"
    pool.write_text("\n".join(name_pool(tables, seed)["name"]) + "\n", encoding="utf-8")
    free = out_dir / "names-free-form.txt"
    free.write_text("\n".join(free_form_names(tables, seed=seed)) + "\n", encoding="utf-8")
    return pool, free


def main(argv: list[str] | None = None) -> int:
    """Command line: write one synthetic diary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="data rows (default 10000)")
    parser.add_argument("--out", type=Path, default=Path("out/bench"), help="output folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parents[1]
    tables = load_tables(*default_table_paths(repo))
    path, generated = ensure_diary(args.rows, args.out, tables, args.seed)
    print(f"{path} ({'generated' if generated else 'cached'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

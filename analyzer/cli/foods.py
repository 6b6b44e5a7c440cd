"""``analyzer foods search`` and ``analyzer foods show``: the USDA SR28 table."""

from __future__ import annotations

import sys
from typing import Any

import click

from analyzer.cli.app import CONTEXT, cli, emit, friendly_errors
from analyzer.cli.options import TABLE_FORMATS, DiaryReading, format_option

#: Nutrient columns shown by ``foods show``: (column, label, unit).
FOOD_SHOW_NUTRIENTS = (
    ("energy_kcal", "energy", "kcal"),
    ("protein_g", "protein", "g"),
    ("calcium_mg", "calcium", "mg"),
    ("phosphorus_mg", "phosphorus", "mg"),
    ("magnesium_mg", "magnesium", "mg"),
    ("potassium_mg", "potassium", "mg"),
    ("sodium_mg", "sodium", "mg"),
    ("caffeine_mg", "caffeine", "mg"),
)


def _number_text(value: Any) -> str:
    """A USDA value as written (``113``, ``3.15``), or ``unknown`` when not reported."""
    return "unknown" if value is None or value != value else f"{float(value):g}"


@cli.group(context_settings=CONTEXT)
def foods() -> None:
    """Search the USDA SR28 nutrient table; show a food's nutrients and portions.

    Example: analyzer foods search "2% milk"
    """


@foods.command("search", context_settings=CONTEXT)
@click.argument("query")
@click.option(
    "--limit",
    "-n",
    default=5,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Most candidates to list.",
)
@format_option(TABLE_FORMATS)
@friendly_errors
def foods_search(query: str, limit: int, fmt: str) -> None:
    """Find foods by name or NDB id, best first (id, description, category, score).

    The first is the food a diary row of that name gets; a score is never higher than
    that of a food above it.

    Names are matched as people log them: exact id or description, common names
    ("coke", "bok choy"), then by the food's main noun. A name with no good candidate
    exits with status 1 and "did you mean" suggestions.

    Example: analyzer foods search "collard greens cooked" --limit 3
    """
    from analyzer.cli.output import format_frame
    from analyzer.foods.table import default_matcher

    matcher = default_matcher()
    found = matcher.candidates(query, limit)
    if found.empty:
        result = matcher.match(query)
        message = f"Error: no food matches {query!r}: {result.reason}"
        if result.suggestions:
            message += "; did you mean " + "; ".join(repr(s) for s in result.suggestions) + "?"
        click.echo(message, err=True)
        sys.exit(1)
    emit(format_frame(found, fmt).rstrip("\n"))  # type: ignore[arg-type]


@foods.command("show", context_settings=CONTEXT)
@click.argument("food")
@format_option(("table", "json"))
@friendly_errors
def foods_show(food: str, fmt: str) -> None:
    """Show one food's nutrients per 100 g and its household portions.

    FOOD is an NDB id, a USDA description or a common name ("whole milk"); a name that
    only resembles foods exits with status 1 and suggestions with their ids. A nutrient
    USDA did not report is shown as "unknown" (never 0).

    Example: analyzer foods show 01077
    """
    import pandas as pd

    from analyzer.cli.output import format_frame, to_json
    from analyzer.foods.table import lookup_food
    from analyzer.foods.units import load_portions

    row = lookup_food(food)
    nutrients = pd.DataFrame(
        {
            "nutrient": [label for _, label, _ in FOOD_SHOW_NUTRIENTS],
            "per_100_g": [_number_text(row[col]) for col, _, _ in FOOD_SHOW_NUTRIENTS],
            "unit": [unit for _, _, unit in FOOD_SHOW_NUTRIENTS],
        }
    )
    portions = load_portions()
    portions = portions[portions["id"] == row["id"]].sort_values("seq")
    shown = pd.DataFrame(
        {
            "amount": [_number_text(v) for v in portions["amount"]],
            "measure": portions["measure"].astype(str).tolist(),
            "grams": [_number_text(v) for v in portions["gram_weight"]],
        }
    )
    if fmt == "json":
        emit(
            to_json(
                {
                    "id": row["id"],
                    "description": row["description"],
                    "food_group": row["food_group"],
                    "category": row["category"],
                    "per_100_g": {
                        col: (None if pd.isna(row[col]) else float(row[col]))
                        for col, _, _ in FOOD_SHOW_NUTRIENTS
                    },
                    "portions": [
                        {"amount": a, "measure": m, "gram_weight": g}
                        for a, m, g in zip(
                            portions["amount"],
                            portions["measure"],
                            portions["gram_weight"],
                            strict=True,
                        )
                    ],
                }
            )
        )
        return
    lines = [
        f"{row['id']}  {row['description']}",
        f"food group: {row['food_group']}",
        f"category: {row['category']}",
        "",
        "Nutrients per 100 g:",
        format_frame(nutrients),
        "",
        "Household portions:",
        format_frame(shown) if len(shown) else "(none listed; use grams)",
    ]
    emit("\n".join(lines))


def _per_text(values: dict[str, Any], partial: dict[str, int] | None = None) -> str:
    """``energy 383 kcal, protein 20 g, calcium 250 mg, ...``; unknown and "at least" said."""
    parts = []
    for column, label, unit in FOOD_SHOW_NUTRIENTS:
        value = values.get(column)
        text = _number_text(value)
        if value is not None and text != "unknown":
            text = f"{float(value):,.4g} {unit}"
            if partial and partial.get(column):
                text = f"at least {text} ({partial[column]} ingredient food(s) unknown)"
        parts.append(f"{label} {text}")
    return ", ".join(parts)


def _check_lines(item: dict[str, Any]) -> list[str]:
    """What one of your foods resolves to, in words."""
    also = f"; also {', '.join(item['aliases'])}" if item["aliases"] else ""
    lines = [
        f"{item['name']}: {item['kind']} ({item['where']}{also}), category {item['category']}"
    ]
    if item["kind"] == "supplement":
        lines.append(f"  per {item['unit']}: {_per_text(item['per_unit'])}")
        if item["compound_mg"] is not None:
            lines.append(f"  from {item['compound_mg']:,.0f} mg of {item['compound']}")
        elif item["compound"]:
            lines.append(f"  form: {item['compound']}")
        return lines
    lines.append(f"  per 100 g: {_per_text(item['per_100_g'], item.get('partial'))}")
    serving = item["serving_g"]
    if item["kind"] == "recipe":
        servings = item["servings"]
        lines.append(
            f"  whole recipe {item['batch_g']:,.0f} g"
            + ("" if servings != servings else f", {servings:g} servings of {serving:,.0f} g")
        )
        for ingredient in item["ingredients"]:
            amount = f"{ingredient['amount']} {ingredient['amount_unit']}".strip()
            lines.append(
                f"  - {ingredient['food']}, {amount} = {ingredient['grams']:,.1f} g: "
                f"{ingredient['food_id']} {ingredient['description']} "
                f"({ingredient['match_method']}, {ingredient['match_confidence']})"
            )
    elif serving == serving:
        lines.append(f"  serving {serving:,.0f} g")
    return lines


@foods.command("check", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--aliases",
    "aliases",
    metavar="FILE",
    multiple=True,
    help="Your aliases files, used for the recipes' ingredients as for diary rows (the "
    "default ~/.config/analyzer/aliases.csv is read too).",
)
@format_option(("table", "json"))
@friendly_errors
def foods_check(files: tuple[str, ...], aliases: tuple[str, ...], fmt: str) -> None:
    """Check my-foods files and show what each name resolves to.

    FILES are CSV files of your custom foods, recipes and supplements (see the README). Every
    bad line is listed (file, line, column, value, fix) and the command exits with status 1;
    otherwise each food is shown with its nutrients per 100 g, each recipe with its
    ingredients' matches and its nutrients per 100 g, each supplement with its elemental
    amounts per unit.

    Example: analyzer foods check my_foods.csv
    """
    from analyzer.cli.output import to_json
    from analyzer.diary.recipes import build_my_foods
    from analyzer.foods.table import default_matcher, load_foods
    from analyzer.foods.user_aliases import UserAliasMatcher, load_user_aliases

    table = load_foods()
    matcher: Any = default_matcher()
    alias_files = DiaryReading(aliases=aliases).alias_files()  # the default file too
    if alias_files:
        matcher = UserAliasMatcher(matcher, load_user_aliases(alias_files, table), table)
    book = build_my_foods(list(files), matcher, table)
    summary = book.summary()
    if fmt == "json":
        emit(to_json(summary))
        return
    blocks = ["\n".join(_check_lines(item)) for item in summary]
    counts = {
        k: sum(1 for i in summary if i["kind"] == k) for k in ("food", "recipe", "supplement")
    }
    head = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items())
    emit("\n\n".join([f"{', '.join(files)}: {head}; every line is fine", *blocks]))

"""The cohort answer as an HTML page (``analyzer cohort --format html``), without a browser."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.balance import analyze
from analyzer.chart import cohort_figures
from analyzer.cli import cli
from analyzer.diary import read_diary
from analyzer.report.cohort import (
    CohortReport,
    build_cohort,
    group_records,
    loads_text,
    render_cohort_text,
)
from analyzer.report.cohort_html import COHORT_SECTIONS, render_cohort_html
from tests.conftest import DATA, SMALL_DAYS
from tests.report.test_html import NUMBER, Page

RECALLS = DATA / "research" / "asa24_items.csv"


@pytest.fixture(scope="module")
def answer() -> CohortReport:
    """The ASA24 items fixture: 3 persons (tests/data/research/README.md)."""
    return build_cohort(analyze(read_diary(RECALLS), settings=SMALL_DAYS, by_person=True))


@pytest.fixture(scope="module")
def page(answer: CohortReport) -> Page:
    return Page(render_cohort_html(answer, cohort_figures(answer)))


def test_sections_and_tables(page: Page, answer: CohortReport) -> None:
    assert answer.persons == 3
    assert page.headings == [f"{i}. {h}" for i, (_, h) in enumerate(COHORT_SECTIONS, 1)]
    assert page.tags["table"] == page.tags["caption"] == len(answer.groups) + 1  # + loads
    for group in answer.groups:
        for record in group_records(answer, group):
            assert list(record.values()) in page.rows


def test_says_everything_the_text_answer_says(page: Page, answer: CohortReport) -> None:
    text = render_cohort_text(answer)
    said, shown = Counter(NUMBER.findall(text)), Counter(NUMBER.findall(page.text))
    assert {n: c - shown[n] for n, c in said.items() if shown[n] < c} == {}
    for sentence in [text.splitlines()[0], loads_text(answer), *answer.notes]:
        assert " ".join(sentence.split()) in page.text


def test_the_chart_is_inline_and_described(answer: CohortReport) -> None:
    html = render_cohort_html(answer, cohort_figures(answer))
    assert html.count("<svg ") == 1 and 'role="img"' in html
    desc = re.search(r'<desc id="chart-cohort-desc">([^<]*)</desc>', html)
    assert desc is not None
    row = answer.row("all persons", "calcium_mg")
    assert f"median {row.distribution.p50:,.0f}" in desc.group(1)
    assert "<script" not in html and "<link" not in html


def test_markup_in_person_ids_never_becomes_markup(tmp_path: Path) -> None:
    diary = tmp_path / "cohort.csv"
    diary.write_text(
        "date,meal,food,amount,unit,person\n"
        "2026-11-16,lunch,2% milk,1,cup,<b>P1</b>\n"
        "2026-11-16,lunch,cheddar cheese,1,oz,P2\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["cohort", str(diary), "--format", "html", "--min-energy", "0"]
    )
    assert result.exit_code == 0, result.stderr
    page = Page(result.stdout)
    assert page.tags["b"] == page.tags["i"] == page.tags["script"] == 0
    assert page.headings[0] == "1. Who was analysed"


def test_cli_writes_the_page_to_a_file(tmp_path: Path, answer: CohortReport) -> None:
    target = tmp_path / "cohort.html"
    result = CliRunner().invoke(
        cli,
        ["cohort", str(RECALLS), "--format", "html", "--out", str(target), "--min-energy", "0"],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.endswith(f"cohort answer written to {target}\n")
    assert Page(target.read_text(encoding="utf-8")).headings[1] == "2. Intakes by group"

"""The HTML report without a browser: what it says, in which order, and that it escapes.

The page is parsed with the standard library's HTML parser. The browser tests
(tests/browser) check how Chromium shows the same pages.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from analyzer.balance import analyze
from analyzer.chart import report_figures
from analyzer.cli import cli
from analyzer.diary import read_diary
from analyzer.report import Report, build_report, render_html, render_text, wording
from analyzer.report import formatting as fmt
from analyzer.report.html import SECTIONS, HtmlFigure
from tests.conftest import DATA, SMALL_DAYS, make_entries

WESTERN_WEEK = DATA / "report" / "western_week.csv"
ESCAPE_CRONOMETER = DATA / "report" / "escape_cronometer.csv"
ESCAPE_COHORT = DATA / "report" / "escape_cohort.csv"
MFP = DATA / "diaries" / "mfp_summary.csv"
#: A number as the reports print it: 1,333 or 0.54 or 71% (not part of a word or a date).
NUMBER = re.compile(r"(?<![\w.,-])\d[\d,]*(?:\.\d+)?%?(?![\w-])")


class Page(HTMLParser):
    """The text of a page, its tags, its table rows (cell texts) and its h2 headings."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._h2: list[str] | None = None
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attrs.append((tag, dict(attrs)))
        if tag in ("style", "svg"):
            self._skip += 1
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "h2":
            self._h2 = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "svg"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "h2" and self._h2 is not None:
            self.headings.append("".join(self._h2).strip())
            self._h2 = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        data = data.replace("\u00a0", " ")  # the page keeps numbers and units together
        self.chunks.append(data)
        for part in (self._cell, self._h2):
            if part is not None:
                part.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def _same(text: str) -> str:
    """Whitespace collapsed, and the text report's ``->`` as the page's arrow."""
    return " ".join(text.replace(" -> ", " \u2192 ").split())


@pytest.fixture(scope="module")
def week_report() -> Report:
    """tests/data/report/western_week.csv: 84 rows used, line 38 not used ('lots')."""
    return build_report(analyze(read_diary(WESTERN_WEEK)), start="2026-11-16")


@pytest.fixture(scope="module")
def mfp_report() -> Report:
    return build_report(analyze(read_diary(MFP, mfp_calcium_dv=1000)))


@pytest.fixture(scope="module")
def week_page(week_report: Report) -> tuple[str, Page]:
    html = render_html(week_report, report_figures(week_report))
    return html, Page(html)


def test_sections_in_the_readers_order(week_page: tuple[str, Page]) -> None:
    _, page = week_page
    assert page.headings == [f"{i}. {heading}" for i, (_, heading) in enumerate(SECTIONS, 1)]
    assert page.headings[:3] == [
        "1. What the diary covered",
        "2. The week against targets",
        "3. The week in charts",
    ]


@pytest.mark.parametrize("case", ["western week", "mfp"])
def test_every_figure_of_the_text_report_is_on_the_page(
    case: str, week_report: Report, mfp_report: Report
) -> None:
    report = week_report if case == "western week" else mfp_report
    page = Page(render_html(report, report_figures(report)))
    said, shown = Counter(NUMBER.findall(render_text(report))), Counter(NUMBER.findall(page.text))
    missing = {number: n - shown[number] for number, n in said.items() if shown[number] < n}
    assert missing == {}


@pytest.mark.parametrize("case", ["western week", "mfp"])
def test_every_sentence_and_table_row_of_the_text_report_is_on_the_page(
    case: str, week_report: Report, mfp_report: Report
) -> None:
    report = week_report if case == "western week" else mfp_report
    page = Page(render_html(report, report_figures(report)))
    text = page.text
    sentences = [
        fmt.title(report),
        fmt.targets_heading(report),
        *fmt.target_remarks(report),
        fmt.lead_lines(report)[0],
        *fmt.lead_lines(report)[1],
        *wording.cannot_judge_lines(report),
        *wording.caveat_lines(report),
        *wording.alternative_lines(report),
        fmt.load_title(report),
        *wording.source_lines(report),
        *(wording.projection_lines(report) if report.suggestions else []),
        report.plan.message,
        wording.not_used_heading(report),
        *report.notes,
        *report.confidence,
        report.disclaimer,
    ]
    for finding in wording.findings(report):
        sentences += [finding.text, *finding.details]
        sentences.append(f"Source: {finding.source}; confidence {finding.confidence}")
    for item in report.suggestions:
        sentences += [item.text, wording.serving_text(item)]
    assert [s for s in sentences if _same(s) not in text] == []
    _, days, _ = fmt.day_rows(report)
    table_rows = days + fmt.target_rows(report) + fmt.load_rows(report) * (not report.totals_only)
    assert [row for row in table_rows if row not in page.rows] == []
    for row in report.not_used:
        assert [row.food, str(row.line), row.date, row.status, row.reason] in page.rows


def test_every_entry_is_listed_with_what_it_became(
    week_page: tuple[str, Page], week_report: Report
) -> None:
    _, page = week_page
    assert len(week_report.entries) == 84  # the fixture: 85 rows, line 38 not used
    # eight columns and the match (each food of the fixture is a USDA id: "id high")
    rows = [r for r in page.rows if len(r) == 9 and r[0] != "you wrote"]
    assert len(rows) == 84
    first = week_report.entries[0]
    # line 2 of the fixture: 2 cup of food 14209 (coffee, brewed) = 2 x 237 g (USDA "1 cup")
    # = 474 g; Ca 2 mg/100 g x 4.74 = 9.48 mg -> 9; P 3 mg/100 g x 4.74 = 14.22 mg -> 14
    assert (first.food, first.grams, first.line) == ("14209", 474.0, 2)
    assert rows[0] == [
        "14209",
        "2 cup",
        "Beverages, coffee, brewed, prepared with tap water",
        "9",
        "14",
        "474",
        "breakfast",
        "2",
        "id high",
    ]
    groups = [r[0] for r in page.rows if len(r) == 1]  # one row-group header per logged day
    assert groups == [f"{d:%a %Y-%m-%d}" for d in week_report.window_dates]


def test_match_method_and_confidence_when_the_entries_have_them() -> None:
    entries = make_entries(
        [("2026-11-16", "lunch", "milk", 244.0), ("2026-11-16", "lunch", "beef", 100.0)]
    )
    entries["match_method"] = ["exact", "fuzzy"]
    entries["match_confidence"] = [1.0, 0.62]
    entries["match_low_confidence"] = [False, True]
    report = build_report(analyze(entries, settings=SMALL_DAYS))
    assert [(e.match_method, e.match_confidence, e.low_confidence) for e in report.entries] == [
        ("exact", 1.0, False),
        ("fuzzy", 0.62, True),
    ]
    html = render_html(report)
    page = Page(html)
    assert page.rows[-2][-1] == "exact 1.00"
    assert page.rows[-1][-1] == "fuzzy 0.62; check this match"
    assert '<tr class="check">' in html  # highlighted too, but the words carry the meaning


def test_without_charts_the_page_says_so(week_report: Report) -> None:
    page = Page(render_html(week_report))
    assert "The chart was not drawn for this file." in page.text
    assert page.tags["svg"] == 0


def test_tables_and_charts_are_labelled(week_page: tuple[str, Page], week_report: Report) -> None:
    html, page = week_page
    assert (
        page.tags["table"] == page.tags["caption"] == 5
    )  # days, targets, load, entries, not used
    scopes = [a.get("scope") for tag, a in page.attrs if tag == "th"]
    assert None not in scopes and set(scopes) == {"col", "row", "rowgroup"}
    svgs = [a for tag, a in page.attrs if tag == "svg"]
    assert len(svgs) == 4 and all(a["role"] == "img" for a in svgs)
    for svg in svgs:
        name = svg["id"]
        assert svg["aria-labelledby"] == f"{name}-title {name}-desc"
        assert f'<title id="{name}-title">' in html and f'<desc id="{name}-desc">' in html
    desc = re.search(r'<desc id="chart-calcium-phosphorus-desc">([^<]*)</desc>', html)
    assert desc is not None
    for day in week_report.days:  # the chart's description lists what it draws
        date = pd.Timestamp(day.date)
        when = f"{date:%a} {date.day} {date:%b}"
        shown = f"{when}: calcium {fmt.number(day.calcium_mg)}, phosphorus "
        assert shown + fmt.number(day.phosphorus_mg) in desc.group(1)


def test_fetches_nothing_and_runs_nothing(week_page: tuple[str, Page]) -> None:
    html, page = week_page
    assert page.tags["script"] == page.tags["link"] == page.tags["img"] == 0
    assert page.tags["iframe"] == page.tags["object"] == 0
    links = [a.get("href") or a.get("xlink:href") or a.get("src") for _, a in page.attrs]
    assert all(link.startswith("#") for link in links if link)
    assert "default-src 'none'" in html  # the Content-Security-Policy


def test_user_strings_are_escaped() -> None:
    cronometer = build_report(analyze(read_diary(ESCAPE_CRONOMETER)))
    cohort = build_report(analyze(read_diary(ESCAPE_COHORT)), person="<i>P1</i>")
    for report in (cronometer, cohort):
        html = render_html(report, report_figures(report))
        page = Page(html)
        assert page.tags["script"] == page.tags["img"] == page.tags["b"] == page.tags["i"] == 0
        assert "<script" not in html
        assert not [name for _, a in page.attrs for name in a if name.startswith("on")]
    html = render_html(cronometer)
    assert (
        "&lt;script&gt;document.body.dataset.pwned=&#39;script&#39;&lt;/script&gt;Milk, 2%" in html
    )
    assert "Cheese &amp; &#34;crackers&#34; &lt;b&gt;bold&lt;/b&gt;" in html
    text = Page(html).text
    assert "<script>document.body.dataset.pwned='script'</script>Milk, 2%" in text
    cohort_page = Page(render_html(cohort))
    assert cohort_page.headings and "person <i>P1</i>" in cohort_page.text
    assert "<b>lunch</b>" in cohort_page.text
    assert (
        "unknown food \"<script>document.body.dataset.pwned='row'</script>\"" in cohort_page.text
    )


def test_cli_html_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["report", str(WESTERN_WEEK), "--format", "html"])
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.startswith("<!doctype html>\n") and shown.stdout.endswith("</html>\n")
    target = tmp_path / "week.html"
    written = runner.invoke(
        cli, ["report", str(WESTERN_WEEK), "--format", "html", "--out", str(target)]
    )
    assert written.exit_code == 0, written.stderr
    assert written.stdout == ""
    assert written.stderr.endswith(f"report written to {target}\n")
    assert target.read_text(encoding="utf-8") == shown.stdout
    text = tmp_path / "week.txt"
    as_text = runner.invoke(cli, ["report", str(WESTERN_WEEK), "--out", str(text)])
    assert as_text.exit_code == 0
    assert text.read_text(encoding="utf-8").startswith("Calcium-phosphorus report, week")


def test_cli_out_in_a_missing_folder_fails_before_reading(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "week.html"
    result = CliRunner().invoke(
        cli, ["report", str(WESTERN_WEEK), "--format", "html", "--out", str(missing)]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {missing}: its folder does not exist; create the folder or pick another\n"
    )


def test_chart_figures_are_html_figures(week_report: Report) -> None:
    figures = report_figures(week_report)
    assert [type(f) for f in figures] == [HtmlFigure] * 4
    assert [f.caption.split(".")[0] for f in figures] == [f"Figure {i}" for i in (1, 2, 3, 4)]
